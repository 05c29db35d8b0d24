"""One build's state, shared by the plugins, in one declared place.

Pelican hands each build's settings dict to every generator (`generator.settings`) and
every content object (`content.settings`), and signals carry one or the other. A plugin
that must remember something from one signal to the next (the extraction pool, the
progress line, the Pagefind indexer running beside the writers) keeps it here, on the
build those settings belong to, instead of in a module global of its own: two builds in
one process (the tests) never see each other's state. Each plugin takes its own key
out when the build ends (`finalized`) and puts away what a run that failed half-way
left under it when the next run starts (the devserver runs one settings many times).

    state = build.of(settings)          # this build's state (made on first use)
    pool = state.get("quote_annotator.extractor")
    state.pop("quote_annotator.extractor", None)   # at `finalized`
    build.end(settings)                 # the whole state dropped (tests, tools)

Keys are namespaced by the plugin that owns them ("<plugin>.<name>"); the list of them
is in KEYS, so the next maintainer sees every piece of shared state at a glance.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

__all__ = ["KEYS", "BuildState", "end", "of"]

#: Every key a plugin keeps in a build's state, and what it holds.
KEYS = {
    "quote_annotator.extractor": "the extraction pool and cache (quote_annotator.cache)",
    "quote_annotator.progress": "the progress display of the build (quote_annotator.progress)",
    "quote_annotator.summaries": "the summaries kept between builds (quote_annotator.summaries)",
    "pagefind_search.index": "the Pagefind records indexing in a thread (pagefind_search.index)",
    "archive_writer.writer": "the writer that skips unchanged pages (archive_writer.writer)",
}


class BuildState(dict):
    """One build's shared values (a dict whose keys are listed in KEYS)."""

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in KEYS:
            raise KeyError(f"{key!r} is not a declared build state key (archive_site.build.KEYS)")
        super().__setitem__(key, value)


_lock = threading.Lock()
_builds: dict[int, tuple[Mapping, BuildState]] = {}


def of(settings: Mapping) -> BuildState:
    """The state of the build these settings belong to."""
    with _lock:
        entry = _builds.get(id(settings))
        if entry is None or entry[0] is not settings:
            entry = _builds[id(settings)] = (settings, BuildState())
        return entry[1]


def end(settings: Mapping) -> BuildState:
    """Forget a build's state; what it held, for the caller to close."""
    with _lock:
        entry = _builds.pop(id(settings), None)
    return entry[1] if entry is not None and entry[0] is settings else BuildState()
