"""Pelican's summary of each article, kept between builds (CACHE_PATH/summaries.pickle).

The plugin takes an article's summary before it annotates the article (plugin.py):
Pelican's truncate_html_words over the reader's HTML, an HTML parse of every article at
every build. That summary depends on the HTML, the summary settings and Pelican alone,
so it is kept by a digest of them. A build keeps the entries of the articles it read,
and writes the file again only when one changed. A damaged file is a miss for every
article, with one warning.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from archive_site import atomic

logger = logging.getLogger(__name__)

#: The settings Pelican's summary is made with.
SETTINGS = ("SUMMARY_MAX_LENGTH", "SUMMARY_MAX_PARAGRAPHS", "SUMMARY_END_SUFFIX")


class SummaryCache:
    """Summaries by a digest of the HTML they are made from and of how they are made."""

    FILE = "summaries.pickle"

    def __init__(self, folder: str | os.PathLike | None, settings):
        self.path = Path(folder) / self.FILE if folder else None
        made_with = [importlib.metadata.version("pelican")]
        made_with += [settings.get(name) for name in SETTINGS]
        self.salt = json.dumps(made_with, default=str).encode("utf-8")
        self.old: dict[str, str] = self._load()
        self.new: dict[str, str] = {}

    def _load(self) -> dict[str, str]:
        if self.path is None:
            return {}
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as err:
            logger.warning("summary cache: cannot read %s: %s", self.path, err)
            return {}
        try:
            entries = pickle.loads(data)
            if not isinstance(entries, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in entries.items()
            ):
                raise TypeError("not a table of summaries")
        except Exception as err:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
            logger.warning(
                "summary cache: %s is damaged (%s: %s); summaries are made again",
                self.path,
                type(err).__name__,
                err,
            )
            return {}
        return entries

    def get(self, html: str, make: Callable[[str], str]) -> str:
        """The summary of html: kept from an earlier build, or make(html)."""
        key = hashlib.sha256(self.salt + html.encode("utf-8", "surrogatepass")).hexdigest()
        summary = self.new.get(key)
        if summary is None:
            summary = self.old.get(key)
            if summary is None:
                summary = make(html)
            self.new[key] = summary
        return summary

    def save(self) -> None:
        if self.path is None or self.new == self.old:
            return
        try:
            atomic.write_bytes(self.path, pickle.dumps(self.new, pickle.HIGHEST_PROTOCOL))
        except OSError as err:
            logger.warning("summary cache: cannot write %s: %s", self.path, err)
