"""The extraction cache, and the process pool that fills it.

An article's quotations depend only on its title, its HTML, its language and the
engine. Each result is kept under

    CACHE_PATH/quotes/<engine fingerprint>/<ab>/<sha256 of lang, title, html>.pickle

where the fingerprint hashes the engine's code and lexicons (plugins/archive_quotes) and
this package's Pelican-free half (annotate.py, htmltext.py): editing any of them,
or a new engine version, starts a new folder, and the old ones are removed. Entries are
written atomically (atomic.write_bytes), one file each, so several builds or a
distributed job (one worker per shard of the archive, README "Beyond one machine") can
fill the same cache. A file that cannot be read back (truncated, zeroed) is a cache
miss: load() reports it with its path and extracts the article again.

The speakers file and the theme are not part of the key: they act after extraction
(speaker names merged across the archive, pages rendered), and every build applies them.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import pickle
import shutil
from concurrent.futures import Future, ProcessPoolExecutor
from logging.handlers import QueueHandler, QueueListener
from pathlib import Path

import archive_quotes
from archive_quotes import UnsupportedLanguage
from archive_site import atomic, build

from . import annotate

logger = logging.getLogger(__name__)

_HERE = Path(__file__).resolve().parent
_ENGINE = Path(archive_quotes.__file__).resolve().parent


def engine_fingerprint() -> str:
    """A hash of everything an extraction result depends on besides the article."""
    digest = hashlib.sha256(archive_quotes.ENGINE_VERSION.encode())
    files = sorted(p for p in _ENGINE.rglob("*") if p.is_file() and p.suffix in {".py", ".txt"})
    files += [_HERE / "annotate.py", _HERE / "htmltext.py"]
    for path in files:
        digest.update(path.relative_to(path.parent.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def article_key(title: str, html: str, lang: str) -> str:
    digest = hashlib.sha256()
    for part in (lang, title, html):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def extract_pickled(title: str, html: str, lang: str) -> bytes:
    """The engine's work for one article, as the cache stores it (runs in a worker)."""
    return pickle.dumps(annotate.extract(title, html, lang), pickle.HIGHEST_PROTOCOL)


def extract_and_store(title: str, html: str, lang: str, path: Path | None) -> bytes:
    """extract_pickled, and the result written to the cache file at path (in a worker)."""
    data = extract_pickled(title, html, lang)
    if path is not None:
        store(path, data)
    return data


def store(path: Path, data: bytes) -> None:
    """Write a cache file atomically; a read-only or full disk costs speed, never the build."""
    try:
        atomic.write_bytes(path, data)
    except OSError as err:
        logger.warning("extraction cache: cannot write %s: %s", path, err)


class ExtractionCache:
    """Extraction results on disk, keyed by article content and engine fingerprint."""

    def __init__(self, folder: str | os.PathLike | None, fingerprint: str | None = None):
        self.fingerprint = fingerprint or engine_fingerprint()
        self.root = Path(folder) / "quotes" if folder else None
        self.folder = self.root / self.fingerprint if self.root else None
        self.hits = self.misses = 0
        if self.root and self.root.is_dir():
            # results of other engines can never be read again
            for old in self.root.iterdir():
                if old.name != self.fingerprint:
                    shutil.rmtree(old, ignore_errors=True)

    def path_of(self, key: str) -> Path | None:
        """The file that keeps an article's result (None: no cache folder)."""
        return self.folder / key[:2] / f"{key}.pickle" if self.folder else None

    def has(self, key: str) -> bool:
        path = self.path_of(key)
        if path is not None and path.is_file():
            self.hits += 1
            return True
        self.misses += 1
        return False

    def read(self, key: str) -> bytes | None:
        path = self.path_of(key)
        if path is None:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        path = self.path_of(key)
        if path is not None:
            store(path, data)


class _Cached(Future):
    """A result in the cache, read from disk only when asked for (an article whose
    markup is cached too never needs it); extracted anew if the file has gone since."""

    def __init__(self, cache: ExtractionCache, key: str, title: str, html: str, lang: str):
        super().__init__()
        self._article = (cache, key, title, html, lang)

    @property
    def path(self) -> Path | None:
        """The cache file the result is read from."""
        cache, key = self._article[:2]
        return cache.path_of(key)

    def result(self, timeout=None):
        if not self.done():
            data = self._article[0].read(self._article[1])
            if data is None:
                self.extract_again()
            else:
                self.set_result(data)
        return super().result(timeout)

    def extract_again(self) -> Future:
        """The article extracted anew (its cache file missing or damaged), the file
        written again; a future already done."""
        cache, key, title, html, lang = self._article
        fresh: Future = Future()
        try:
            data = extract_pickled(title, html, lang)
        except Exception as err:  # noqa: BLE001 - reported with the article's path
            fresh.set_exception(err)
        else:
            cache.put(key, data)
            fresh.set_result(data)
        if not self.done():
            if fresh.exception() is not None:
                self.set_exception(fresh.exception())
            else:
                self.set_result(fresh.result())
        return fresh


def _log_to(queue, level: int) -> None:
    """A worker's logging (the pool's initializer): every record at the parent's level
    or above goes to the queue the parent's listener reads, and nowhere else."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(QueueHandler(queue))
    root.setLevel(level)


class WorkerPool:
    """Worker processes whose log records reach this process's handlers.

    The workers are spawned, not forked (the parent may run threads: logging, the
    devserver), so they start with no logging of their own: each sends its records
    through a queue (QueueHandler), and a QueueListener here hands them to the handlers
    the root logger has when the pool starts (Pelican's, or a test's), at their levels.
    """

    def __init__(self, workers: int):
        context = multiprocessing.get_context("spawn")
        root = logging.getLogger()
        self._queue = context.Queue()
        self._listener = QueueListener(self._queue, *root.handlers, respect_handler_level=True)
        self._listener.start()
        try:
            self._pool = ProcessPoolExecutor(
                workers,
                mp_context=context,
                initializer=_log_to,
                initargs=(self._queue, root.getEffectiveLevel()),
            )
        except BaseException:
            self._stop_listening()
            raise

    def submit(self, fn, /, *args) -> Future:
        return self._pool.submit(fn, *args)

    def close(self) -> None:
        """Stop the workers, then the listener once their last records are handled."""
        try:
            self._pool.shutdown(wait=True, cancel_futures=True)
        finally:
            self._stop_listening()

    def _stop_listening(self) -> None:
        self._listener.stop()  # handles every record queued before it returns
        self._queue.close()
        self._queue.join_thread()


class Extractor:
    """Runs the engine for the articles Pelican reads: from the cache when it can, in a
    pool of worker processes when there is enough work, inline otherwise.

    submit() returns at once; result() waits for that article only. Each article's
    result depends on that article alone, so the output is the same whatever the
    number of workers or the order they finish in.
    """

    #: Articles extracted inline before the pool starts (a small site needs no pool).
    INLINE = 16

    def __init__(self, cache: ExtractionCache, workers: int):
        self.cache = cache
        self.workers = workers
        self._pool: WorkerPool | None = None
        self._inline = 0

    def submit(self, title: str, html: str, lang: str) -> Future:
        """The article's extraction to come; its `key` names the result (engine and
        article), so a result whose use is itself cached need never be read."""
        key = article_key(title, html, lang)
        future = self._submit(key, title, html, lang)
        future.key = f"{self.cache.fingerprint}:{key}"
        return future

    def _submit(self, key: str, title: str, html: str, lang: str) -> Future:
        if self.cache.has(key):
            return _Cached(self.cache, key, title, html, lang)
        future: Future = Future()
        if self.workers > 1 and self._inline >= self.INLINE:
            if self._pool is None:
                self._pool = WorkerPool(self.workers)
            # the worker writes the cache file too: Pelican's process only reads
            path = self.cache.path_of(key)
            return self._pool.submit(extract_and_store, title, html, lang, path)
        self._inline += 1
        try:
            data = extract_pickled(title, html, lang)
        except Exception as err:  # noqa: BLE001 - reported with the article's path
            future.set_exception(err)
            return future
        self.cache.put(key, data)
        future.set_result(data)
        return future

    def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.close()


#: Where a build keeps its extractor (archive_site.build).
STATE = "quote_annotator.extractor"


def extractor(settings) -> Extractor:
    """This build's extractor (created with the first article, closed by finish())."""
    state = build.of(settings)
    made = state.get(STATE)
    if made is None:
        folder = settings.get("CACHE_PATH") if settings.get("QUOTES_CACHE", True) else None
        workers = settings.get("QUOTES_WORKERS") or os.cpu_count() or 1
        made = state[STATE] = Extractor(ExtractionCache(folder), workers)
    return made


def collect(article, future: Future) -> bytes | None:
    """Wait for the extraction read_quotes started for an article: the result as the
    cache keeps it (pickled), or None once the reason why not is reported."""
    try:
        return future.result()
    except UnsupportedLanguage as err:
        logger.warning("%s: %s; its quotations are not annotated", article.source_path, err)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the build
        logger.error(
            "%s: the quotation engine failed (%s: %s); the article is published "
            "without annotations",
            article.source_path,
            type(err).__name__,
            err,
        )
    return None


def load(article, future: Future) -> annotate.Extracted | None:
    """collect(), unpickled: the engine's result for the article, or None once the
    reason why not is reported. A cache file that cannot be read back (truncated, zeroed,
    written by another Python) is a cache miss: reported once with its path, the
    article extracted again and the file written anew."""
    data = collect(article, future)
    if data is None:
        return None
    try:
        return _unpickle(data)
    except Exception as err:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
        if not isinstance(future, _Cached):
            # just extracted, not read from disk: the engine's own fault
            logger.error(
                "%s: the quotation engine's result cannot be read back (%s: %s); the "
                "article is published without annotations",
                article.source_path,
                type(err).__name__,
                err,
            )
            return None
        logger.warning(
            "extraction cache: %s is damaged (%s: %s); %s is extracted again",
            future.path,
            type(err).__name__,
            err,
            article.source_path,
        )
    data = collect(article, future.extract_again())
    return _unpickle(data) if data is not None else None


def _unpickle(data: bytes) -> annotate.Extracted:
    result = pickle.loads(data)
    if not isinstance(result, annotate.Extracted):
        raise TypeError(f"holds a {type(result).__name__}, not an extraction")
    return result


class AnnotationCache:
    """What pages.py makes of each article's extraction once every speaker is known
    (the annotated HTML, JSON-LD, search positions, Web Annotations), kept from the last
    build in CACHE_PATH/annotated/.

    An entry is found by the article's source path and holds the name of the
    extraction it came from (engine fingerprint and article key: Future.key), that
    extraction's speakers as the engine named them (so an unchanged article's result is
    not even read to build the speaker index), and the digest of everything else the
    markup depends on (the speakers' names across the archive, the
    article's address and headline, this plugin's code). Entries are kept in SHARDS
    files by a hash of the source path: each is read once a build, and written again
    only when one of its entries changed.
    """

    #: The plugin's modules the markup is made by (their text is in every entry's key).
    CODE = ("annotate.py", "exports.py", "pages.py", "htmltext.py")
    SHARDS = 16

    def __init__(self, folder: str | os.PathLike | None):
        self.folder = Path(folder) / "annotated" if folder else None
        digest = hashlib.sha256()
        for name in self.CODE:
            digest.update((_HERE / name).read_bytes())
        self.code = digest.hexdigest()
        self.damaged: set[int] = set()  # shards to write again even if nothing changed
        self.old: list[dict[str, tuple]] = [self._load(n) for n in range(self.SHARDS)]
        self.new: list[dict[str, tuple]] = [{} for _ in range(self.SHARDS)]
        self.hits = 0

    def _shard(self, source: str) -> int:
        return hashlib.sha1(source.encode("utf-8", "surrogatepass")).digest()[0] % self.SHARDS

    def _path(self, shard: int) -> Path:
        return self.folder / f"{shard:02x}.pickle"

    def _load(self, shard: int) -> dict:
        """A shard's entries; a damaged shard (truncated, emptied, not what this code
        writes) is a miss for all of them, reported once, and written again by save()."""
        if self.folder is None:
            return {}
        path = self._path(shard)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as err:
            logger.warning("annotation cache: cannot read %s: %s", path, err)
            return {}
        try:
            entries = pickle.loads(data)
            if not isinstance(entries, dict) or not all(
                isinstance(k, str) and _is_entry(v) for k, v in entries.items()
            ):
                raise TypeError("not a table of annotation entries")
        except Exception as err:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
            logger.warning(
                "annotation cache: %s is damaged (%s: %s); its articles are marked up again",
                path,
                type(err).__name__,
                err,
            )
            self.damaged.add(shard)
            return {}
        return entries

    def speakers(self, source: str, extraction: str) -> list | None:
        """The engine's speakers [(name, kind), ...] of an unchanged extraction."""
        entry = self.old[self._shard(source)].get(source)
        return entry[1] if entry is not None and entry[0] == extraction else None

    def get(self, source: str, extraction: str, key: str):
        shard = self._shard(source)
        entry = self.old[shard].get(source)
        if entry is None or entry[0] != extraction or entry[2] != key:
            return None
        self.new[shard][source] = entry
        self.hits += 1
        return entry[3]

    def put(self, source: str, extraction: str, speakers: list, key: str, value) -> None:
        self.new[self._shard(source)][source] = (extraction, speakers, key, value)

    def save(self) -> None:
        if self.folder is None:
            return
        for shard, (old, new) in enumerate(zip(self.old, self.new, strict=True)):
            unchanged = new.keys() == old.keys() and all(new[k] is old[k] for k in new)
            if unchanged and shard not in self.damaged:
                continue  # every entry of this shard is the one read
            try:
                atomic.write_bytes(self._path(shard), pickle.dumps(new, pickle.HIGHEST_PROTOCOL))
            except OSError as err:
                logger.warning("annotation cache: cannot write %s: %s", self._path(shard), err)


def _is_entry(value) -> bool:
    """(extraction, speakers, key, what pages.py made), as put() keeps it."""
    return isinstance(value, tuple) and len(value) == 4 and isinstance(value[1], list)


def finish(settings) -> None:
    """Stop this build's worker processes; the next build starts afresh."""
    done = build.of(settings).pop(STATE, None)
    if done is not None:
        done.close()
        if done.cache.hits or done.cache.misses:
            logger.info(
                "Quotation engine: %d articles from the cache, %d extracted",
                done.cache.hits,
                done.cache.misses,
            )
