"""The Pelican glue: annotate every article's quotations when Pelican creates it."""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals
from pelican.contents import Article
from pelican.utils import truncate_html_paragraphs, truncate_html_words

from archive_site import build, pelican_internals

from . import progress
from .cache import extractor, finish
from .pages import get_generators
from .summaries import SummaryCache

logger = logging.getLogger(__name__)

#: Every setting of the plugin, with its default. The README documents each one.
DEFAULTS: dict[str, Any] = {
    # Find and mark up quotations on article pages.
    "QUOTES_ENABLED": True,
    # The editors' speakers file, inside the content folder (canonical names, aliases).
    "QUOTES_SPEAKERS_FILE": "speakers.yml",
    # Where speaker pages and the speakers index go.
    "SPEAKER_URL": "speakers/{slug}.html",
    "SPEAKER_SAVE_AS": "speakers/{slug}.html",
    "SPEAKERS_URL": "speakers/index.html",
    "SPEAKERS_SAVE_AS": "speakers/index.html",
    # Every speaker's name, page, kind, role and number of quotations, as JSON: the search
    # page reads it to put a speaker the query names first (None: not written).
    "SPEAKERS_JSON_SAVE_AS": "speakers/index.json",
    # Open data: every quotation of the archive, one row each.
    "QUOTES_JSONL_SAVE_AS": "quotes.jsonl",
    "QUOTES_CSV_SAVE_AS": "quotes.csv",
    # The speakers report for editors: every short name joined to a full name across
    # articles, and every one kept apart, with why (None: no report).
    "QUOTES_MERGES_SAVE_AS": "speakers/merges.csv",
    # A file of one Pagefind record per quotation (e.g. "pagefind-records.jsonl", then
    # list it in PAGEFIND_RECORDS). Off by default: search finds quotes inside their
    # article's record, and per-quote records cost Pagefind ~30 KB of memory each.
    "QUOTES_SEARCH_RECORDS": None,
    # Keep each article's extraction in CACHE_PATH/quotes/, by content and engine.
    "QUOTES_CACHE": True,
    # Worker processes for extraction; None: one per core (1: all in Pelican's process).
    "QUOTES_WORKERS": None,
}


class SettingError(ValueError):
    """A setting has a value the plugin cannot use; the message names it."""


def check_settings(pelican) -> None:
    for key, default in DEFAULTS.items():
        pelican.settings.setdefault(key, default)
    for key in ("SPEAKER_URL", "SPEAKER_SAVE_AS"):
        if "{slug}" not in str(pelican.settings[key]):
            raise SettingError(f"{key} must contain {{slug}}, not {pelican.settings[key]!r}")
    for key in ("QUOTES_ENABLED", "QUOTES_CACHE"):
        if not isinstance(pelican.settings[key], bool):
            raise SettingError(f"{key} must be True or False, not {pelican.settings[key]!r}")
    workers = pelican.settings["QUOTES_WORKERS"]
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise SettingError(f"QUOTES_WORKERS must be None or a number from 1, not {workers!r}")


def _summary(html: str, settings) -> str:
    """Pelican's own summary, taken before the annotations are added to the content."""
    if settings.get("SUMMARY_MAX_PARAGRAPHS") is not None:
        html = truncate_html_paragraphs(html, settings["SUMMARY_MAX_PARAGRAPHS"])
    if settings.get("SUMMARY_MAX_LENGTH") is None:
        return html
    return truncate_html_words(
        html, settings["SUMMARY_MAX_LENGTH"], settings.get("SUMMARY_END_SUFFIX", "…")
    )


#: Where a build keeps its summaries (archive_site.build).
SUMMARIES = "quote_annotator.summaries"


def summaries(settings) -> SummaryCache:
    """This build's summaries (CACHE_PATH/summaries.pickle with QUOTES_CACHE), saved at
    `finalized`."""
    state = build.of(settings)
    made = state.get(SUMMARIES)
    if made is None:
        folder = settings.get("CACHE_PATH") if settings.get("QUOTES_CACHE", True) else None
        made = state[SUMMARIES] = SummaryCache(folder, settings)
    return made


def _starting(pelican) -> None:
    """A run of the build begins (the devserver runs one settings many times): its
    progress line starts, after any left by a run that failed half-way is put away
    (and its summaries, unsaved)."""
    _put_away(pelican.settings, report=False)
    build.of(pelican.settings).pop(SUMMARIES, None)
    progress.current(pelican.settings)


def _writing(generators) -> None:
    shown = progress.current(generators[0].settings)
    shown.next_stage("writing")
    # content_written carries no settings to find the build by (its context is a copy of
    # the generators' context), so
    # this build's line receives it itself while the build writes: connected strongly
    # (blinker holds receivers weakly), disconnected when the line is put away
    signals.content_written.connect(shown.page_written, weak=False)


def _put_away(settings, *, report: bool = True) -> None:
    shown = progress.close(settings, report=report)
    if shown is not None:
        signals.content_written.disconnect(shown.page_written)


def _done(pelican) -> None:
    finish(pelican.settings)
    kept = build.of(pelican.settings).pop(SUMMARIES, None)
    if kept is not None:
        kept.save()
    _put_away(pelican.settings)


def read_quotes(content) -> None:
    """Hand an article to the engine as Pelican creates it (cached, or in a worker);
    pages.py collects the result and marks it up once every speaker is known."""
    if not isinstance(content, Article) or not content.settings.get("QUOTES_ENABLED", True):
        return
    progress.current(content.settings).article()
    if not getattr(content, "title", None):
        return  # Pelican itself reports the missing title and skips the article
    lang = content.metadata.get("lang") or content.settings.get("DEFAULT_LANG", "en")
    content.quote_future = extractor(content.settings).submit(
        content.title, pelican_internals.get_html(content), lang
    )
    if "summary" not in content.metadata:
        # the summary is Pelican's own, taken before any annotation is added (and kept
        # between builds by what it is made from)
        html = pelican_internals.get_html(content)
        content.metadata["summary"] = summaries(content.settings).get(
            html, lambda text: _summary(text, content.settings)
        )


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(read_quotes)
    signals.get_generators.connect(_starting)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(_writing)
    signals.finalized.connect(_done)
