"""A damaged Pelican cache is a cache miss with a warning, never a failed build.

Pelican keeps what its readers read in CACHE_PATH/<Generator>-Readers (and, with
CONTENT_CACHING_LAYER "generator", <Generator>-Content). It writes those files in
place, so a killed build or a full disk leaves a truncated or empty file, and its loader
catches pickle.PickleError but not the EOFError such a file raises: every later build
failed until `make clean`. At `initialized`, before any generator loads its cache, a
file that cannot be whole is removed with a warning, and Pelican starts that cache anew.

Whole means: not empty, and ending with pickle's STOP opcode ('.') — a cut-off pickle
ends there only by chance — or, for GZIP_CACHE, a gzip stream that reads to its end.
Relies on Pelican's cache file names (pelican/cache.py: CACHE_PATH/<class name>-<name>).
"""

from __future__ import annotations

import glob
import gzip
import logging
import os
import zlib

logger = logging.getLogger(__name__)

#: pickle's STOP opcode: the last byte of every complete pickle.
_STOP = b"."


def damage(path: str, gzipped: bool) -> str | None:
    """Why the cache file at path cannot be a whole pickle, or None if it may be."""
    try:
        if os.path.getsize(path) == 0:
            return "it is empty"
        if gzipped:
            with gzip.open(path, "rb") as f:
                last = b""
                while chunk := f.read(1 << 20):
                    last = chunk[-1:]
        else:
            with open(path, "rb") as f:
                f.seek(-1, os.SEEK_END)
                last = f.read(1)
    except (OSError, EOFError, zlib.error) as err:
        return f"it cannot be read ({type(err).__name__}: {err})"
    return None if last == _STOP else "it is cut short"


def check_pelican_caches(pelican) -> None:
    """Remove damaged Pelican cache files, each with a warning naming it."""
    settings = pelican.settings
    if not settings.get("LOAD_CONTENT_CACHE") or not settings.get("CACHE_PATH"):
        return
    for path in sorted(glob.glob(os.path.join(settings["CACHE_PATH"], "*Generator-*"))):
        if not os.path.isfile(path):
            continue
        reason = damage(path, bool(settings.get("GZIP_CACHE")))
        if reason is None:
            continue
        logger.warning("Pelican's cache %s is damaged (%s); it is built anew", path, reason)
        try:
            os.remove(path)
        except OSError as err:
            logger.warning("cannot remove %s: %s", path, err)
