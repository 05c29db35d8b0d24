"""Build the Pagefind index of the article pages once Pelican has written the site.

The templates say what is indexed (data-pagefind-body on article pages only, with
meta, filters and a date sort); this module only runs the real Pagefind binary from
pagefind-bin over the written HTML, on Pelican's ``finalized`` signal, so every
build (html, publish, devserver) ends with a fresh index.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import shutil
import time
from collections.abc import Mapping
from typing import Any

from pagefind.service import PagefindService
from pelican import signals

logger = logging.getLogger(__name__)

#: Every setting of the plugin, with its default. The README documents each one.
DEFAULTS: dict[str, Any] = {
    "PAGEFIND_ENABLED": True,
    # Folder of the bundle inside the output; the theme loads it from SITEURL/pagefind/.
    "PAGEFIND_OUTPUT": "pagefind",
    # Which written pages Pagefind reads; None derives it from ARTICLE_SAVE_AS, so
    # list pages are never even parsed (cheaper, and they hold no article body).
    "PAGEFIND_GLOB": None,
    # Force one index language (ISO 639-1) instead of each page's <html lang>.
    "PAGEFIND_LANGUAGE": None,
    # Files in the output with one custom record per line ({url, content, language, meta,
    # filters, sort}): each becomes a search result of its own (quote_annotator writes one).
    "PAGEFIND_RECORDS": [],
}


class SettingError(ValueError):
    """A setting has a value the plugin cannot use; the message names it."""


def check_settings(pelican) -> None:
    """Apply defaults once and stop the build at once on a wrong value."""
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    if not isinstance(settings["PAGEFIND_ENABLED"], bool):
        raise SettingError(
            f"PAGEFIND_ENABLED must be True or False, not {settings['PAGEFIND_ENABLED']!r}"
        )
    out = settings["PAGEFIND_OUTPUT"]
    if (
        not isinstance(out, str)
        or not out.strip("/")
        or ".." in out.split("/")
        or out.startswith("/")
    ):
        raise SettingError(f"PAGEFIND_OUTPUT must be a folder name inside the output, not {out!r}")
    lang = settings["PAGEFIND_LANGUAGE"]
    if lang is not None and not (isinstance(lang, str) and 2 <= len(lang) <= 8):
        raise SettingError(
            f"PAGEFIND_LANGUAGE must be an ISO 639-1 code such as 'en', not {lang!r}"
        )
    check_siteurl(settings.get("SITEURL", ""))


def check_siteurl(siteurl: object) -> None:
    """Links, assets and the search bundle are all built from SITEURL: check its form."""
    if not isinstance(siteurl, str):
        raise SettingError(f"SITEURL must be a string, not {siteurl!r}")
    if siteurl.endswith("/"):
        raise SettingError(
            f"SITEURL must not end with '/': {siteurl!r} (write {siteurl.rstrip('/')!r})"
        )
    if siteurl and not siteurl.startswith(("http://", "https://", "/")):
        raise SettingError(
            f"SITEURL must be empty, a path such as '/REPO', or an http(s) URL, not {siteurl!r}"
        )


_BATCH = 256


def article_glob(settings: Mapping[str, Any]) -> str:
    """The glob of the written article pages, from PAGEFIND_GLOB or ARTICLE_SAVE_AS."""
    if settings.get("PAGEFIND_GLOB"):
        return settings["PAGEFIND_GLOB"]
    save_as = settings.get("ARTICLE_SAVE_AS", "{slug}.html")
    fixed = save_as.split("{", 1)[0]
    folder = fixed.rsplit("/", 1)[0] + "/" if "/" in fixed else ""
    return f"{folder}**/*.html"


def build_index(output_path: str, settings: Mapping[str, Any]) -> int:
    """Replace the Pagefind bundle in output_path; return the number of pages indexed."""
    bundle = os.path.join(output_path, settings["PAGEFIND_OUTPUT"])
    shutil.rmtree(bundle, ignore_errors=True)
    config = {"output_path": bundle}
    if settings.get("PAGEFIND_LANGUAGE"):
        config["force_language"] = settings["PAGEFIND_LANGUAGE"]
    records = []
    for name in settings.get("PAGEFIND_RECORDS") or []:
        path = os.path.join(output_path, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                records.extend(json.loads(line) for line in f if line.strip())
    return asyncio.run(_index(output_path, article_glob(settings), config, records))


class _Service(PagefindService):
    """Pagefind's Python service, reading responses as soon as they come.

    The wrapper pauses 0.1 s before reading each response, which makes the ~13,000
    quotation records of a 2,000-article archive take over 20 minutes; this loop reads
    the same messages with no pause.
    """

    async def _wait_for_responses(self) -> None:
        while True:
            output = await self._backend.stdout.readuntil(b",")
            response = json.loads(base64.b64decode(output[:-1]))
            if not response or (future := self._responses.get(response.get("message_id"))) is None:
                continue
            payload = response["payload"]
            if payload["type"] == "Error":
                future.set_exception(RuntimeError(f"Pagefind: {payload.get('message')}"))
            else:
                future.set_result(payload)


async def _index(site: str, glob: str, config: dict, records: list[dict]) -> int:
    service = await _Service().launch()
    try:
        index = await service.create_index(config)
        result = await index.add_directory(os.path.abspath(site), glob=glob)
        # records go to the service in batches, many requests in flight at once
        for start in range(0, len(records), _BATCH):
            await asyncio.gather(
                *(
                    index.add_custom_record(
                        url=r["url"],
                        content=r["content"],
                        language=r.get("language") or "en",
                        meta=r.get("meta"),
                        filters=r.get("filters"),
                        sort=r.get("sort"),
                    )
                    for r in records[start : start + _BATCH]
                )
            )
        await index.write_files(output_path=config["output_path"])
        return int(result["page_count"])
    finally:
        await service.close()


def on_finalized(pelican) -> None:
    if not pelican.settings["PAGEFIND_ENABLED"]:
        return
    started = time.perf_counter()
    pages = build_index(pelican.output_path, pelican.settings)
    logger.info(
        "Pagefind indexed %d article pages into %s/ in %.1f s",
        pages,
        pelican.settings["PAGEFIND_OUTPUT"],
        time.perf_counter() - started,
    )


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.finalized.connect(on_finalized)
