"""The Pelican glue: a reader class for Markdown files, and settings checked at start-up."""

from __future__ import annotations

import logging
import os
import re

from pelican import signals
from pelican.readers import BaseReader

from archive_site import pelican_internals

from . import render as rendering
from .settings import DEFAULTS, validate
from .source import (
    CONTROL_CHARACTERS,
    ContentError,
    count_of,
    decode,
    split_header,
    without_control_characters,
)

logger = logging.getLogger(__name__)

_LEADING_H1 = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*(?:\n|\Z)")
_LIST_FIELDS = {"tags", "authors", "keywords"}
# Fields Pelican and the theme use as one piece of text; a list or mapping is a mistake.
# (slug is checked where slugs are made.)
_TEXT_FIELDS = {"title", "subtitle", "date", "modified", "status", "category", "author"}
_TEXT_FIELDS |= {"lang", "summary", "template", "save_as", "url", "translation"}
# A language tag as BCP 47 writes it: "en", "de", "pt-BR", "zh-Hant-TW".
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


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
        warnings += source.warnings
        body, body_line = source.body, source.body_line
        fields = dict(source.fields)
        if "title" not in fields and (m := _LEADING_H1.match(body)):
            # A Markdown file that opens with "# Headline" needs no title field.
            fields["title"] = (m.group(1), body_line + body[: m.start(1)].count("\n"))
            body_line += body[: m.end()].count("\n")
            body = body[m.end() :]
        try:
            metadata = self._metadata(shown, fields, warnings)
            content, html_warnings = rendering.render(self._md, body, shown, body_line)
            warnings += html_warnings
        finally:
            # what was repaired is said even when the article is skipped after all
            for warning in warnings:
                logger.warning(warning)
        return content, metadata

    def _metadata(
        self, path: str, fields: dict[str, tuple[object, int]], warnings: list[str]
    ) -> dict:
        """Pelican's metadata from the header fields; raise ContentError on a bad value.

        A list or mapping where one piece of text is meant (title: [a, b]) skips the
        article. A wrong lang is repaired instead, with a warning: the article is built
        in the site's default language, since a language is never worth losing it.
        """
        metadata = {}
        formatted = {f.lower() for f in self.settings["FORMATTED_FIELDS"]}
        for name, (value, line) in fields.items():
            if name == "lang" and not (isinstance(value, str) and _is_lang(value)):
                if value != "":
                    default = self.settings.get("DEFAULT_LANG", "en")
                    warnings.append(
                        f"{path}:{line}: metadata 'lang' must be one language code such as "
                        f"'en' or 'pt-BR', not {_shorten(value)}; the article is in the "
                        f"default language ({default})"
                    )
                continue
            if name in _TEXT_FIELDS and isinstance(value, list | dict):
                kind = "a list" if isinstance(value, list) else "a mapping"
                raise ContentError(path, line, f"metadata '{name}' must be text, not {kind}")
            if name in _LIST_FIELDS and (
                isinstance(value, dict)
                or isinstance(value, list)
                and not all(isinstance(v, str) for v in value)
            ):
                raise ContentError(path, line, f"metadata '{name}' must be a list of names")
            # a YAML list goes to Pelican as a list: joined, a name holding ';' or ','
            # would be split again ("Doe, Jane; Doe, John" is Pelican's text form)
            if name in formatted:
                value = rendering.sanitize(self._md.render(str(value)))
            elif isinstance(value, str) and name in {"title", "subtitle"}:
                value = " ".join(value.split())
            try:
                metadata[name] = self.process_metadata(name, value)
            except (ValueError, TypeError, OverflowError) as err:
                raise ContentError(path, line, f"metadata '{name}' is invalid: {err}") from None
        return metadata


def _is_lang(value: str) -> bool:
    return len(value) <= 35 and _LANG_TAG.fullmatch(value) is not None


def _shorten(value: object, limit: int = 60) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


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
    archives often arrive as HTML, scripts and all, and with control characters that
    no feed may contain (the Atom writer stops the build on them)."""
    if content.metadata.get("reader") in (None, "markdownit"):
        return
    shown = display_path(content.source_path)
    removed: list[str] = []
    for key, value in content.metadata.items():
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            removed += CONTROL_CHARACTERS.findall(value)
            content.metadata[key] = clean = without_control_characters(value)
            if vars(content).get(key.lower()) == value:  # the attribute made from it
                setattr(content, key.lower(), clean)
    fields = (
        (pelican_internals.get_html, pelican_internals.set_html),
        (pelican_internals.get_summary, pelican_internals.set_summary),
        (lambda c: vars(c).get("title"), lambda c, v: setattr(c, "title", v)),
    )
    for get, put in fields:
        value = get(content)
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            removed += CONTROL_CHARACTERS.findall(value)
            put(content, without_control_characters(value))
    if removed:
        kinds = " ".join(f"U+{ord(c):04X}" for c in sorted(set(removed)))
        logger.warning(
            "%s: removed %s (%s)", shown, count_of(len(removed), "control character"), kinds
        )
    html = pelican_internals.get_html(content)
    if not html:
        return
    clean = rendering.sanitize(html)
    if clean != html:
        logger.warning("%s: removed active or unknown HTML (scripts never run on the site)", shown)
        pelican_internals.set_html(content, clean)


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(sanitize_other_readers)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(silence_disabled_markdown)
