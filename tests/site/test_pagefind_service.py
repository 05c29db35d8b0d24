"""The Pagefind service client: every wait is bounded, every failure names its request.

Issue 11: a build hung for good when the Pagefind binary panicked (a long `lang:`) or
sent a reply over the old wrapper's 2 MiB buffer; the devserver then never rebuilt.
"""

from __future__ import annotations

import json
import logging
import stat
import time
from pathlib import Path

import pytest

from pagefind_search.index import add_records
from pagefind_search.service import PagefindError, PagefindService
from sitebuild import PELICANCONF, run_pelican


def record(url: str, content: str = "the harbour closes at noon", **extra) -> dict:
    return {"url": url, "content": content, "language": "en", "meta": {"title": url}, **extra}


def fake_binary(tmp_path: Path, script: str) -> Path:
    path = tmp_path / "pagefind"
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def test_records_are_indexed_and_written(tmp_path):
    with PagefindService(timeout=60) as service:
        index = service.new_index()
        assert add_records(service, index, [record("/a"), record("/b")]) == 2
        service.write_files(index, str(tmp_path / "bundle"))
    assert (tmp_path / "bundle" / "pagefind-entry.json").is_file()


def test_a_reply_over_two_mebibytes_is_read(tmp_path):
    """The reply to a record echoes its metadata: 3 MB of it once hung the build."""
    big = {"title": "big", "quotes": json.dumps([["q-1", "x" * 40, "direct", 1, 2]] * 60_000)}
    assert len(big["quotes"]) > 3_000_000
    with PagefindService(timeout=60) as service:
        index = service.new_index()
        reply = service.add_record_async(index, record("/big", meta=big)).result(timeout=60)
        assert reply["page_url"] == "/big"
        assert len(reply["page_meta"]["quotes"]) == len(big["quotes"])


def test_a_request_the_service_cannot_parse_fails_alone(tmp_path, caplog):
    """Pagefind answers an unparseable request without its id; the client finds the id in
    the echoed request, so that record fails with its article's name and the rest go on."""
    bad = record("/bad", source="content/articles/bad.md")
    bad["content"] = None  # not a string: the service cannot read the request
    with PagefindService(timeout=60) as service, caplog.at_level(logging.ERROR):
        index = service.new_index()
        added = add_records(service, index, [record("/a"), bad, record("/c")])
        service.write_files(index, str(tmp_path / "bundle"))
    assert added == 2
    assert "content/articles/bad.md: not searchable: Pagefind refused AddRecord /bad" in caplog.text


def test_a_binary_that_dies_fails_every_waiting_request_with_its_message(tmp_path):
    """A language of 40 letters makes Pagefind 1.5 panic when it writes the bundle."""
    started = time.monotonic()
    with PagefindService(timeout=60) as service:
        index = service.new_index()
        service.add_record_async(index, {**record("/a"), "language": "x" * 40}).result(30)
        with pytest.raises(PagefindError) as err:
            service.write_files(index, str(tmp_path / "bundle"))
        with pytest.raises(PagefindError, match="cannot take"):
            service.new_index()  # a dead service refuses at once
    message = str(err.value)
    assert "Pagefind exited with code" in message and "panicked" in message, message
    assert "WriteFiles" in message
    assert time.monotonic() - started < 30


def test_a_binary_that_never_answers_times_out(tmp_path):
    silent = fake_binary(tmp_path, "exec cat > /dev/null")
    started = time.monotonic()
    with (
        PagefindService(timeout=1, binary=silent) as service,
        pytest.raises(PagefindError, match=r"did not answer NewIndex within 1 s"),
    ):
        service.new_index()
    assert time.monotonic() - started < 10


def test_a_binary_that_ignores_its_input_is_ended(tmp_path):
    stuck = fake_binary(tmp_path, "exec sleep 60")
    started = time.monotonic()
    service = PagefindService(timeout=1, binary=stuck)
    with pytest.raises(PagefindError, match="did not answer"):
        service.new_index()
    service.close()
    assert time.monotonic() - started < 15


def test_a_long_language_is_indexed_as_the_default_and_named(tmp_path):
    """The build finishes (it used to wait for ever), says which article, and its index
    has the article."""
    content = tmp_path / "content" / "articles"
    content.mkdir(parents=True)
    (content / "long-lang.md").write_text(
        "Title: Harbour news\nDate: 2024-02-03\nLang: " + "x" * 40 + "\n\n"
        "“The harbour closes at noon,” said Anna Berg.\n",
        encoding="utf-8",
    )
    (content / "good.md").write_text(
        "Title: Good news\nDate: 2024-02-04\n\nAll is well.\n", encoding="utf-8"
    )
    proc = run_pelican(tmp_path / "content", tmp_path / "out", PELICANCONF, "PAGE_PATHS=[]")
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert "long-lang.md" in log and "language" in log, log
    entry = json.loads((tmp_path / "out" / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == 2, entry
