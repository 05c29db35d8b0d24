"""Cache files written whole or not at all.

A build that is killed, a full disk or two builds filling the same cache at once must
never leave a half-written file where a reader expects a whole one: the data goes to a
temporary file in the same folder (so the rename cannot cross file systems), which then
replaces the target in one step (os.replace). A reader sees the old file or the new
one, never part of either.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

__all__ = ["write_bytes"]


def write_bytes(path: str | os.PathLike, data: bytes, *, fsync: bool = False) -> None:
    """Write data to path atomically, creating its folder; fsync=True also flushes it
    to the disk before the rename (survives a power cut, at a cost in speed).

    The temporary file is named by process and thread (two writers never share one)
    and created as open() creates files, so the written file gets the usual mode.
    Raises OSError as open() would; no temporary file is left behind either way."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            if fsync:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
