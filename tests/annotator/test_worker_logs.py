"""What the extraction workers log reaches Pelican's log: each spawned worker sends its
records through a queue to a listener in Pelican's process (cache.WorkerPool)."""

from __future__ import annotations

import logging
import os

from quote_annotator import cache


def test_a_warning_logged_in_a_worker_reaches_the_parents_log(caplog):
    pool = cache.WorkerPool(1)
    try:
        warn = logging.getLogger("quote_annotator.worker_test").warning
        pool.submit(warn, "a warning from worker %s", "one").result(timeout=120)
    finally:
        pool.close()  # the listener has handled every record when close() returns
    [record] = [r for r in caplog.records if r.name == "quote_annotator.worker_test"]
    assert record.levelno == logging.WARNING
    assert record.getMessage() == "a warning from worker one"
    assert record.process != os.getpid()  # logged in the worker, handled here


def test_below_the_parents_level_stays_in_the_worker(caplog):
    caplog.set_level(logging.WARNING)
    pool = cache.WorkerPool(1)
    try:
        pool.submit(logging.getLogger("quote_annotator.worker_test").info, "chatter").result(
            timeout=120
        )
    finally:
        pool.close()
    assert "chatter" not in caplog.text


def test_a_cache_file_a_worker_cannot_write_is_reported_here(tmp_path, caplog):
    title, html = "Harbour", "<p>“We will build it,” said Mayor Anna Berg.</p>"
    key = cache.article_key(title, html, "en")
    store = cache.ExtractionCache(tmp_path, fingerprint="x")
    store.path_of(key).parent.parent.mkdir(parents=True)
    store.path_of(key).parent.write_text("a file where the cache folder should be")
    ex = cache.Extractor(store, workers=2)
    ex.INLINE = 0  # straight to the pool
    try:
        assert ex.submit(title, html, "en").result(timeout=120)
    finally:
        ex.close()
    [record] = [r for r in caplog.records if "cannot write" in r.getMessage()]
    assert record.name == "quote_annotator.cache" and record.levelno == logging.WARNING
    assert str(store.path_of(key)) in record.getMessage()
    assert record.process != os.getpid()
