"""The Pelican glue: a reader class for Markdown files, and settings checked at start-up."""

from __future__ import annotations

import logging
import os
import re

from pelican import signals
from pelican.readers import BaseReader

from . import render as rendering
from .settings import DEFAULTS, validate
from .source import ContentError, decode, split_header

logger = logging.getLogger(__name__)

_LEADING_H1 = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*(?:\n|\Z)")
_LIST_FIELDS = {"tags", "authors", "keywords"}


class MarkdownItReader(BaseReader):
    """Read Markdown with YAML front matter or Pelican ``Key: value`` headers."""

    enabled = True
    file_extensions = DEFAULTS["MDIT_FILE_EXTENSIONS"]

    def __init__(self, settings):
        super().__init__(settings)
        self._md = rendering.make_parser(settings["MDIT_PLUGINS"], settings["MDIT_HTML"])

    def read(self, source_path: str):
        try:
            return self._read(source_path)
        except ContentError as err:
            logger.error("%s; article skipped", err)
            raise

    def _read(self, path: str):
        shown = display_path(path)
        size, limit = os.path.getsize(path), self.settings["MDIT_MAX_BYTES"]
        if size > limit:
            raise ContentError(
                shown, None, f"file is {size:,} bytes, over MDIT_MAX_BYTES ({limit:,})"
            )
        with open(path, "rb") as f:
            text, warnings = decode(shown, f.read(), self.settings["MDIT_FALLBACK_ENCODING"])
        source = split_header(shown, text)
        body, body_line = source.body, source.body_line
        fields = dict(source.fields)
        if "title" not in fields and (m := _LEADING_H1.match(body)):
            # A Markdown file that opens with "# Headline" needs no title field.
            fields["title"] = (m.group(1), body_line + body[: m.start(1)].count("\n"))
            body_line += body[: m.end()].count("\n")
            body = body[m.end() :]
        content, html_warnings = rendering.render(self._md, body, shown, body_line)
        for warning in warnings + html_warnings:
            logger.warning(warning)
        return content, self._metadata(shown, fields)

    def _metadata(self, path: str, fields: dict[str, tuple[object, int]]) -> dict:
        metadata = {}
        formatted = {f.lower() for f in self.settings["FORMATTED_FIELDS"]}
        for name, (value, line) in fields.items():
            if name in _LIST_FIELDS and isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if name in formatted:
                value = rendering.sanitize(self._md.render(str(value)))
            elif isinstance(value, str) and name in {"title", "subtitle"}:
                value = " ".join(value.split())
            try:
                metadata[name] = self.process_metadata(name, value)
            except (ValueError, TypeError, OverflowError) as err:
                raise ContentError(path, line, f"metadata '{name}' is invalid: {err}") from None
        return metadata


def display_path(path: str) -> str:
    """The path as a user would type it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def check_settings(pelican) -> None:
    """Apply the MDIT_* defaults once and stop the build on a wrong value."""
    merged = validate(pelican.settings, set(rendering.PLUGINS))
    pelican.settings.update(merged)


def add_reader(readers) -> None:
    for ext in readers.settings["MDIT_FILE_EXTENSIONS"]:
        readers.reader_classes[ext] = MarkdownItReader


def silence_disabled_markdown(generator) -> None:
    """Pelican warns that Python-Markdown is missing for .md files; we read them instead."""
    for ext in generator.settings["MDIT_FILE_EXTENSIONS"]:
        generator.readers.disabled_readers.pop(ext, None)


def sanitize_other_readers(content) -> None:
    """Articles from Pelican's other readers (HTML, reST) get the same sanitizing as ours:
    archives often arrive as HTML, scripts and all."""
    if content.metadata.get("reader") in (None, "markdownit") or not content._content:
        return
    clean = rendering.sanitize(content._content)
    if clean != content._content:
        logger.warning(
            "%s: removed active or unknown HTML (scripts never run on the site)",
            display_path(content.source_path),
        )
    content._content = clean


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(sanitize_other_readers)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(silence_disabled_markdown)
