"""The theme's templates compiled once, kept between builds (CACHE_PATH/templates/).

Pelican gives each generator a Jinja environment of its own, and Jinja compiles every
template an environment loads: some fifty compilations a build, the same ones each
time. Jinja's public extension point, a BytecodeCache set on the environment, keeps the
compiled code of each template with a checksum of its source: a template whose source
changed is compiled anew, so the pages are the same with the cache or without.

Entries are written whole or not at all (archive_site.atomic); one that cannot be read
back (cut short, zeroed, of another Python) is compiled again, with a warning, never a
failed build. Off with INCREMENTAL_WRITES, like the rest of this plugin.
"""

from __future__ import annotations

import io
import logging
import os

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from archive_site import atomic

logger = logging.getLogger(__name__)


class TemplateCache(BytecodeCache):
    """Compiled templates, one file each in a folder, by Jinja's key of the template."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = os.fspath(folder)

    def path_of(self, bucket: Bucket) -> str:
        return os.path.join(self.folder, f"{bucket.key}.jinja")

    def load_bytecode(self, bucket: Bucket) -> None:
        path = self.path_of(bucket)
        try:
            with open(path, "rb") as f:
                bucket.load_bytecode(f)  # an older source's code is not loaded
        except FileNotFoundError:
            return
        except Exception as err:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
            logger.warning(
                "template cache: %s is damaged (%s: %s); the template is compiled again",
                path,
                type(err).__name__,
                err,
            )
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = io.BytesIO()
        bucket.write_bytecode(data)
        try:
            atomic.write_bytes(self.path_of(bucket), data.getvalue())
        except OSError as err:
            logger.warning("template cache: cannot write %s: %s", self.path_of(bucket), err)


def cache_templates(generator) -> None:
    """Give a generator's Jinja environment the template cache (`generator_init`)."""
    settings = generator.settings
    folder = settings.get("CACHE_PATH")
    env = getattr(generator, "env", None)
    if not folder or not settings.get("INCREMENTAL_WRITES", True) or env is None:
        return
    if env.bytecode_cache is None:  # a theme's own cache is left alone
        env.bytecode_cache = TemplateCache(os.path.join(folder, "templates"))
