"""Build the Pagefind index of the articles with the real Pagefind binary (pagefind-bin).

Two ways, by PAGEFIND_MODE:

- "records" (the default): one record per published article, made from the article
  itself (its plain text, title, date, category, tags, and what other plugins add:
  quote_annotator's speakers and quotation positions). Pagefind indexes them in a
  thread of its own as soon as every article is known, on one core while Pelican
  renders pages on the other; no HTML is parsed. The bundle is written on
  ``finalized``.
- "pages": Pagefind reads the written article pages after the build, as its CLI
  would; the templates say what is indexed (data-pagefind-body, -meta, -filter,
  -sort).

Either way every build (html, publish, devserver) ends with a fresh index.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Mapping
from typing import Any

from pelican import signals

from archive_site import atomic, build
from archive_site.contracts import is_section
from quote_annotator import htmltext

from .service import PagefindError, PagefindService

logger = logging.getLogger(__name__)

#: Every setting of the plugin, with its default. The README documents each one.
DEFAULTS: dict[str, Any] = {
    "PAGEFIND_ENABLED": True,
    # "records": index the articles as Pelican reads them (fast, no HTML parsed);
    # "pages": index the written article pages (honours data-pagefind-* in templates).
    "PAGEFIND_MODE": "records",
    # Folder of the bundle inside the output; the theme loads it from SITEURL/<it>/ (the
    # templates and the service worker read this setting).
    "PAGEFIND_OUTPUT": "pagefind",
    # Which written pages Pagefind reads; None derives it from ARTICLE_SAVE_AS, so
    # list pages are never even parsed (cheaper, and they hold no article body).
    "PAGEFIND_GLOB": None,
    # "year": one bundle per year (the newest at PAGEFIND_OUTPUT, older ones in
    # PAGEFIND_OUTPUT/<year>/, merged by the search page): Pagefind holds one year in
    # memory at a time, and a rebuild indexes only the years that changed. None: one.
    "PAGEFIND_SECTIONS": "year",
    # At most this many articles in one bundle: a larger year is split in parts (each
    # merged by the search page like a year). Pagefind's memory grows with a bundle
    # (~190 MB per 1,000 news articles), and so does a rebuild after one change: the
    # changed article's bundle is indexed whole (~1.5 CPU-s per 500 BBC articles).
    # None: a year is one bundle, however large.
    "PAGEFIND_SECTION_MAX": 500,
    # Force one index language (ISO 639-1) instead of each page's <html lang>.
    "PAGEFIND_LANGUAGE": None,
    # Seconds one request to the Pagefind binary may wait for its reply before the build
    # reports the index as failed (never a hang).
    "PAGEFIND_TIMEOUT": 300,
    # Files in the output with one custom record per line ({url, content, language, meta,
    # filters, sort}): each becomes a search result of its own (quote_annotator writes one).
    "PAGEFIND_RECORDS": [],
}


class SettingError(ValueError):
    """A setting has a value the plugin cannot use; the message names it."""


def check_settings(pelican) -> None:
    """Apply defaults once and stop the build at once on a wrong value."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    if not isinstance(settings["PAGEFIND_ENABLED"], bool):
        raise SettingError(
            f"PAGEFIND_ENABLED must be True or False, not {settings['PAGEFIND_ENABLED']!r}"
        )
    if settings["PAGEFIND_MODE"] not in ("records", "pages"):
        raise SettingError(
            f"PAGEFIND_MODE must be 'records' or 'pages', not {settings['PAGEFIND_MODE']!r}"
        )
    if settings["PAGEFIND_SECTIONS"] not in ("year", None):
        raise SettingError(
            f"PAGEFIND_SECTIONS must be 'year' or None, not {settings['PAGEFIND_SECTIONS']!r}"
        )
    most = settings["PAGEFIND_SECTION_MAX"]
    if most is not None and (isinstance(most, bool) or not isinstance(most, int) or most < 1):
        raise SettingError(f"PAGEFIND_SECTION_MAX must be None or a number from 1, not {most!r}")
    out = settings["PAGEFIND_OUTPUT"]
    if (
        not isinstance(out, str)
        or not out.strip("/")
        or ".." in out.split("/")
        or out.startswith("/")
    ):
        raise SettingError(f"PAGEFIND_OUTPUT must be a folder name inside the output, not {out!r}")
    settings["PAGEFIND_OUTPUT"] = out.strip("/")  # the templates write SITEURL/<it>/
    lang = settings["PAGEFIND_LANGUAGE"]
    if lang is not None and not (isinstance(lang, str) and 2 <= len(lang) <= 8):
        raise SettingError(
            f"PAGEFIND_LANGUAGE must be an ISO 639-1 code such as 'en', not {lang!r}"
        )
    timeout = settings["PAGEFIND_TIMEOUT"]
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise SettingError(f"PAGEFIND_TIMEOUT must be a number of seconds, not {timeout!r}")
    check_siteurl(settings.get("SITEURL", ""))


def check_siteurl(siteurl: object) -> None:
    """Links, assets and the search bundle are all built from SITEURL: check its form."""
    if not isinstance(siteurl, str):
        raise SettingError(f"SITEURL must be a string, not {siteurl!r}")
    if siteurl.endswith("/"):
        raise SettingError(
            f"SITEURL must not end with '/': {siteurl!r} (write {siteurl.rstrip('/')!r})"
        )
    if siteurl and not siteurl.startswith(("http://", "https://", "/")):
        raise SettingError(
            f"SITEURL must be empty, a path such as '/REPO', or an http(s) URL, not {siteurl!r}"
        )


_BATCH = 256


def article_glob(settings: Mapping[str, Any]) -> str:
    """The glob of the written article pages, from PAGEFIND_GLOB or ARTICLE_SAVE_AS."""
    if settings.get("PAGEFIND_GLOB"):
        return settings["PAGEFIND_GLOB"]
    save_as = settings.get("ARTICLE_SAVE_AS", "{slug}.html")
    fixed = save_as.split("{", 1)[0]
    folder = fixed.rsplit("/", 1)[0] + "/" if "/" in fixed else ""
    return f"{folder}**/*.html"


def _config(output_path: str, settings: Mapping[str, Any]) -> dict:
    config = {"output_path": os.path.join(output_path, settings["PAGEFIND_OUTPUT"])}
    if settings.get("PAGEFIND_LANGUAGE"):
        config["force_language"] = settings["PAGEFIND_LANGUAGE"]
    return config


def _record_files(output_path: str, settings: Mapping[str, Any]) -> list[dict]:
    """The records of the PAGEFIND_RECORDS files; a line that is no record is reported
    and skipped, and so is one whose language is no language tag (Pagefind names files
    after it: a long one makes it panic, a path would be written outside the bundle).
    Each record's source (for the error messages) is its file and line."""
    records = []
    for name in settings.get("PAGEFIND_RECORDS") or []:
        path = os.path.join(output_path, name)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    if not isinstance(record.get("url"), str) or not isinstance(
                        record.get("content"), str
                    ):
                        raise ValueError("it needs a url and a content")
                    lang = record.get("language")
                    if lang is not None and not (
                        isinstance(lang, str) and LANGUAGE_TAG.fullmatch(lang)
                    ):
                        raise ValueError(f"its language {lang!r:.40} is no tag such as 'en'")
                except (ValueError, AttributeError) as err:
                    logger.error("%s:%d: not a search record (%s); skipped", path, number, err)
                    continue
                record["source"] = f"{path}:{number}"
                records.append(record)
    return records


def build_index(output_path: str, settings: Mapping[str, Any]) -> int:
    """Index the written article pages ("pages" mode) into a fresh bundle in output_path;
    return the number of pages indexed."""
    config = _config(output_path, settings)
    folder = config.pop("output_path")
    shutil.rmtree(folder, ignore_errors=True)
    records = _record_files(output_path, settings)
    with PagefindService(timeout=settings.get("PAGEFIND_TIMEOUT", 300)) as service:
        index_id = service.new_index(config)
        pages = service.add_directory(
            index_id, os.path.abspath(output_path), article_glob(settings)
        )
        add_records(service, index_id, records)
        service.write_files(index_id, folder)
    return pages


_PAGEFIND_VERSION = importlib.metadata.version("pagefind-bin")


#: A language Pagefind can take: it names index files after it (and panics on a long one).
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}")


def record_language(article, settings: Mapping[str, Any]) -> str:
    """The article's language for the index; one that is no language tag is replaced by
    DEFAULT_LANG with a warning naming the article."""
    default = settings.get("DEFAULT_LANG", "en")
    lang = getattr(article, "lang", None) or default
    if isinstance(lang, str) and LANGUAGE_TAG.fullmatch(lang):
        return lang
    logger.warning(
        "%s: lang %.40r is not a language tag such as 'en' or 'pt-BR'; indexed as %r",
        getattr(article, "source_path", article.url),
        lang,
        default,
    )
    return default if LANGUAGE_TAG.fullmatch(str(default)) else "en"


def article_record(article, settings: Mapping[str, Any]) -> dict:
    """The search record of one article: what its page would give Pagefind.

    Another plugin may give an article `search_text` (its plain text) and
    `quotes_search` (metadata about positions in that text); otherwise the text is the
    title and the content without tags. Filter values are plain text (the search page
    draws them as text, never as HTML); "source" (the article's file) is for error
    messages and is not sent to Pagefind.
    """
    text = getattr(article, "search_text", None)
    if text is None:
        # as quote_annotator reads an article (headline first), with the archive's one
        # HTML-to-text conversion
        text = f"{article.title}\n\n{htmltext.plain_text(article.content or '')}"
    date = article.date.date().isoformat()  # Pelican's strftime is slow
    meta = {"title": article.title, "date": date}
    if getattr(article, "quotes_search", None):
        meta["quotes"] = article.quotes_search
    filters = {"year": [str(article.date.year)], "kind": ["article"]}
    if getattr(article, "category", None):
        filters["category"] = [str(article.category)]
    if getattr(article, "tags", None):
        filters["tag"] = [str(t) for t in article.tags]
    speakers = [s.name for s in getattr(article, "quote_speakers", None) or []]
    if speakers:
        filters["speaker"] = speakers
    return {
        "url": "/" + article.url,
        "content": text,
        "language": record_language(article, settings),
        "meta": meta,
        "filters": filters,
        "sort": {"date": date},
        "source": getattr(article, "source_path", None),
    }


def sections(
    records: list[dict], by: str | None, most: int | None = None
) -> list[tuple[str, list[dict]]]:
    """Records grouped into bundles: by year, newest first (the newest year is the main
    bundle, at PAGEFIND_OUTPUT; older years go to PAGEFIND_OUTPUT/<year>/), a year of
    more than `most` records in parts of `most` cut from its oldest end, the newest
    part holding the rest (named newest first: "<year>", "<year>-2", ...), or all in
    one when PAGEFIND_SECTIONS is None. Pagefind holds one section in memory at a time;
    a new article changes the records of its year's newest part only, so a rebuild
    indexes that part again, not the whole year."""
    if by != "year":
        return [("", records)]
    years: dict[str, list[dict]] = {}
    for record in records:
        years.setdefault(record["sort"]["date"][:4], []).append(record)
    parts: list[tuple[str, list[dict]]] = []
    for year, recs in sorted(years.items(), reverse=True):
        if most and len(recs) > most:
            recs = sorted(recs, key=lambda r: (r["sort"]["date"], r["url"]), reverse=True)
            first = len(recs) % most or most  # the newest part: what the full ones leave
            chunks = [recs[:first]] + [recs[i : i + most] for i in range(first, len(recs), most)]
        else:
            chunks = [recs]
        parts += [(year if k == 0 else f"{year}-{k + 1}", chunk) for k, chunk in enumerate(chunks)]
    return [("" if i == 0 else name, recs) for i, (name, recs) in enumerate(parts)]


class RecordIndex:
    """Pagefind indexing the article records in a thread of its own (the service is a
    separate process: it works on one core while Pelican renders on the other).

    Each section (a year) is indexed, written and dropped from the service in turn, so
    Pagefind holds one year at a time, and a section whose records are the ones its
    bundle was written from (CACHE_PATH/pagefind.json) is not indexed again. The main
    bundle is written last; with PAGEFIND_RECORDS, only once Pelican has written those
    files (finish()).
    """

    def __init__(self, output_path: str, settings: Mapping[str, Any], records: list[dict]):
        self.output_path = output_path
        self.settings = settings
        self.count = len(records)
        self.sections = sections(
            records, settings.get("PAGEFIND_SECTIONS"), settings.get("PAGEFIND_SECTION_MAX")
        )
        self.indexed = 0
        cache = settings.get("CACHE_PATH")
        self.manifest_path = os.path.join(cache, "pagefind.json") if cache else None
        self.manifest = self._load_manifest()
        self.error: BaseException | None = None
        self._finish = threading.Event()
        self.thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self.thread.start()

    def merged(self) -> list[str]:
        """The bundles the search page merges into the main one (site-relative paths)."""
        out = self.settings["PAGEFIND_OUTPUT"].strip("/")
        return [f"{out}/{name}/" for name, _ in self.sections[1:]]

    def _load_manifest(self) -> dict:
        try:
            with open(self.manifest_path, encoding="utf-8") as f:
                data = json.load(f)
            return data if isinstance(data, dict) else {}
        except (TypeError, OSError, ValueError):
            return {}

    def _run(self) -> None:
        try:
            self._main()
        except BaseException as err:  # noqa: BLE001 - reported in Pelican's thread
            self.error = err

    def _main(self) -> None:
        root = _config(self.output_path, self.settings)["output_path"]
        with PagefindService(timeout=self.settings.get("PAGEFIND_TIMEOUT", 300)) as service:
            names = {name for name, _ in self.sections if name}
            for name, records in self.sections[1:]:
                self._section(service, os.path.join(root, name), name, records)
            if self.settings.get("PAGEFIND_RECORDS"):
                self._finish.wait()  # Pelican writes the record files first
            main_name, main_records = self.sections[0] if self.sections else ("", [])
            extra = _record_files(self.output_path, self.settings)
            self._section(service, root, main_name, main_records + extra, keep=names)
        if os.path.isdir(root):  # bundles of years no longer in the archive
            for entry in os.listdir(root):
                path = os.path.join(root, entry)
                if is_section(entry) and entry not in names and os.path.isdir(path):
                    shutil.rmtree(path, ignore_errors=True)
        self._save_manifest()

    def _section(self, service, folder, name, records, keep=()) -> None:
        config = _config(self.output_path, self.settings)
        config.pop("output_path")
        # what the bundle is made from: Pagefind's version, its options (a forced
        # language), the records
        made_from = [_PAGEFIND_VERSION, config, records]
        digest = hashlib.sha256(
            json.dumps(made_from, sort_keys=True).encode("utf-8", "replace")
        ).hexdigest()
        key = name or "main"
        entry = os.path.join(folder, "pagefind-entry.json")
        if self.manifest.get(key) == digest and os.path.isfile(entry):
            return  # this section's bundle was written from these very records
        index_id = service.new_index(config)
        add_records(service, index_id, records)
        if os.path.isdir(folder):  # a fresh bundle: no fragments of removed articles
            for entry_name in os.listdir(folder):
                if entry_name in keep:
                    continue
                path = os.path.join(folder, entry_name)
                if os.path.isdir(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    os.remove(path)
        service.write_files(index_id, folder)
        service.delete_index(index_id)
        self.manifest[key] = digest
        self.indexed += len(records)

    def _save_manifest(self) -> None:
        if not self.manifest_path:
            return
        keep = {name or "main" for name, _ in self.sections}
        data = {k: v for k, v in self.manifest.items() if k in keep}
        try:
            atomic.write_bytes(self.manifest_path, json.dumps(data).encode("utf-8"))
        except OSError as err:
            logger.warning("cannot save %s: %s", self.manifest_path, err)

    def finish(self) -> int:
        """Write the main bundle; return the number of articles in the index.

        Raises the PagefindError that stopped the indexing thread, if one did; the
        thread itself never waits without a bound (PAGEFIND_TIMEOUT a request).
        """
        self._finish.set()
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.count


def add_records(service: PagefindService, index_id: int, records: list[dict]) -> int:
    """Add records to an index, many requests in flight at once; a record Pagefind
    refuses is reported with its article and left out. Returns how many were added."""
    added = 0
    for start in range(0, len(records), _BATCH):
        batch = records[start : start + _BATCH]
        futures = [service.add_record_async(index_id, r) for r in batch]
        for record, future in zip(batch, futures, strict=True):
            what = record.get("source") or record["url"]
            try:
                service.wait(future, f"the search record of {what}")
                added += 1
            except PagefindError as err:
                if service.alive():
                    logger.error("%s: not searchable: %s", what, err)
                else:
                    raise
    return added


#: The build state key of the RecordIndex a build runs (archive_site.build.KEYS).
STATE = "pagefind_search.index"


def on_all_generators_finalized(generators) -> None:
    """Every article is read and annotated: start indexing them ("records" mode)."""
    articles_generator = next((g for g in generators if hasattr(g, "articles")), None)
    if articles_generator is None:
        return
    settings = articles_generator.settings
    if not settings["PAGEFIND_ENABLED"] or settings["PAGEFIND_MODE"] != "records":
        return
    articles = []
    for article in articles_generator.articles:
        articles.append(article)
        articles.extend(getattr(article, "translations", []))
    records = [article_record(a, settings) for a in articles]
    state = build.of(settings)
    _abandon(state.pop(STATE, None))
    running = state[STATE] = RecordIndex(articles_generator.output_path, settings, records)
    # the search page merges the older years' bundles into the newest one
    articles_generator.context["PAGEFIND_MERGE"] = running.merged()


def _abandon(running: RecordIndex | None) -> None:
    """Let the indexing of a build that stopped before `finalized` end (bounded by
    PAGEFIND_TIMEOUT), so that it never writes into the folder the next build writes."""
    if running is None:
        return
    with contextlib.suppress(Exception):
        running.finish()


def on_finalized(pelican) -> None:
    running = build.of(pelican.settings).pop(STATE, None)
    if not pelican.settings["PAGEFIND_ENABLED"]:
        return
    started = time.perf_counter()
    try:
        if running is not None:
            pages = running.finish()
            logger.info(
                "Pagefind: %d articles in %s/ (%d bundles), %d indexed anew;"
                " %.1f s after the pages",
                pages,
                pelican.settings["PAGEFIND_OUTPUT"],
                len(running.sections),
                running.indexed,
                time.perf_counter() - started,
            )
            return
        pages = build_index(pelican.output_path, pelican.settings)
    except PagefindError as err:
        # the pages are written; a search index that cannot be made is an error, not a hang
        logger.error("%s", err)
        return
    logger.info(
        "Pagefind indexed %d article pages into %s/ in %.1f s",
        pages,
        pelican.settings["PAGEFIND_OUTPUT"],
        time.perf_counter() - started,
    )


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.finalized.connect(on_finalized)
