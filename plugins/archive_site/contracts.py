"""What one plugin expects of another's objects, declared (instead of `getattr` probes).

- DataWriter: a writer that also writes data files beside the pages (JSON, CSV) and may
  leave an unchanged one alone: archive_writer's SkipUnchangedWriter is one. With
  Pelican's own Writer, `write_text` below writes the file itself.
- is_section: the folders of the search bundles pagefind_search writes inside
  PAGEFIND_OUTPUT besides the main one ("2019", "2005-2"), which offline_search's
  service worker keeps too.
"""

from __future__ import annotations

import os
import re
from typing import Protocol, runtime_checkable

from . import atomic

__all__ = ["DataWriter", "is_section", "write_text"]


@runtime_checkable
class DataWriter(Protocol):
    def write_text(self, name: str, text: str) -> None:
        """Write `text` to the file `name` (relative to the output folder)."""


def write_text(writer, output_path: str, name: str, text: str) -> None:
    """Write a data file through the writer when it is a DataWriter, else directly."""
    if isinstance(writer, DataWriter):
        writer.write_text(name, text)
        return
    atomic.write_bytes(os.path.join(output_path, name), text.encode("utf-8", "surrogatepass"))


#: How a bundle of an older section is named: its year, then "-2", "-3"... for the
#: further parts of a year with more than PAGEFIND_SECTION_MAX articles.
SECTION_NAME = re.compile(r"\d{4}(-\d+)?")


def is_section(name: str) -> bool:
    """Whether a folder inside PAGEFIND_OUTPUT is the bundle of a section."""
    return SECTION_NAME.fullmatch(name) is not None
