"""The one place this project depends on Pelican internals (Pelican is pinned, 4.12).

Pelican has no public way to read or replace the HTML a reader gave a content object
before Pelican resolves its links (`{filename}…`), nor its summary before truncation:
they live in the `_content` and `_summary` attributes, and `Content.get_content` keeps
each result per object (a `memoized` cache on the function). Nor does its `Writer` say
which files it wrote (feeds included): `_written_files` holds them, and archive_guard
needs them to tell a stale file from one this build produced. Plugins that sanitize or
annotate an article's HTML (here mdit_reader and quote_annotator, as Pelican's own
summary and many community plugins do) go through these functions, and nowhere else.
tests/site/test_pelican_internals.py checks every one of them against the installed
Pelican, so an upgrade that changes them fails there first, by name.
"""

from __future__ import annotations

from pelican.contents import Content

__all__ = ["get_html", "get_summary", "set_html", "set_summary", "written_files"]


def get_html(content: Content) -> str:
    """The HTML the reader gave (links not yet resolved); "" when there is none."""
    return vars(content).get("_content") or ""


def set_html(content: Content, html: str) -> None:
    """Replace the reader's HTML; Pelican resolves its links when a page shows it, and
    forgets any copy it made before."""
    content._content = html
    cache = getattr(type(content).get_content, "cache", None)
    if cache:
        for key in [k for k in cache if k and k[0] is content]:
            del cache[key]


def get_summary(content: Content) -> str | None:
    """A summary given by the reader or the metadata (None: Pelican makes one)."""
    return vars(content).get("_summary")


def set_summary(content: Content, summary: str) -> None:
    """Replace the summary; Pelican copies `_summary` back into the metadata when it
    resolves links, so both are set."""
    content._summary = summary
    content.metadata["summary"] = summary


def written_files(writer) -> list[str]:
    """Every path Pelican's writer (or a subclass) wrote in this build; [] for a writer
    that keeps no such record."""
    return list(getattr(writer, "_written_files", ()))
