"""What one plugin expects of another's objects, declared (instead of `getattr` probes).

- DataWriter: a writer that also writes data files beside the pages (JSON, CSV) and may
  leave an unchanged one alone: archive_writer's SkipUnchangedWriter is one. With
  Pelican's own Writer, `write_text` below writes the file itself.
"""

from __future__ import annotations

import os
from typing import Protocol, runtime_checkable

from . import atomic

__all__ = ["DataWriter", "write_text"]


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
