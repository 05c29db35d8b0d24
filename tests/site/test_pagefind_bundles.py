"""A rebuild indexes again only the search bundles whose records changed: an unchanged
bundle is left in the output as it was (its files not even rewritten), a changed one is
made anew, and an article removed from the archive is gone from search."""

from __future__ import annotations

import datetime
import gzip
import json
from pathlib import Path
from types import SimpleNamespace

from archive_site import build
from pagefind_search import index


def article(slug: str, year: int, text: str):
    return SimpleNamespace(
        url=f"articles/{year}/{slug}.html",
        title=slug.title(),
        content=f"<p>{text}</p>",
        date=datetime.datetime(year, 3, 1),
        lang="en",
        source_path=f"content/{slug}.md",
    )


ARCHIVE = {
    "harbour": (2024, "The harbour opens in May."),
    "ferry": (2024, "The ferry runs twice a day."),
    "lighthouse": (2023, "The lighthouse keeper retires."),
    "bridge": (2023, "The bridge is closed for repairs."),
}


def rebuild(out: Path, archive: dict, **settings) -> index.RecordIndex:
    """One build's indexing of the archive (slug -> (year, text)), as Pelican runs it."""
    config = {**index.DEFAULTS, "CACHE_PATH": str(out.parent / "cache"), **settings}
    articles = [article(slug, year, text) for slug, (year, text) in archive.items()]
    generator = SimpleNamespace(
        articles=articles, settings=config, output_path=str(out), context={}
    )
    index.on_all_generators_finalized([generator])
    running = build.of(config)[index.STATE]
    index.on_finalized(SimpleNamespace(settings=config, output_path=str(out)))
    build.end(config)
    return running


def stamps(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*.pf_*")}


def searchable(bundle: Path) -> set[str]:
    """The URLs of the pages a bundle finds (its fragments: gzip, then Pagefind's JSON)."""
    urls = set()
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        urls.add(json.loads(data[data.index(b"{") :])["url"])
    return urls


def test_only_the_bundle_whose_records_changed_is_indexed_again(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    first = rebuild(out, ARCHIVE)
    assert (first.indexed, [name for name, _ in first.sections]) == (4, ["", "2023"])
    main, older = out / "pagefind", out / "pagefind" / "2023"
    before_main, before_older = stamps(main / "fragment"), stamps(older)

    assert rebuild(out, ARCHIVE).indexed == 0  # nothing changed: nothing indexed
    assert stamps(main / "fragment") == before_main and stamps(older) == before_older

    changed = {**ARCHIVE, "bridge": (2023, "The bridge opens again on Monday.")}
    assert rebuild(out, changed).indexed == 2  # the two articles of 2023
    assert stamps(main / "fragment") == before_main  # 2024's bundle left as it was
    assert stamps(older) != before_older
    assert searchable(older) == {"/articles/2023/lighthouse.html", "/articles/2023/bridge.html"}


def test_a_removed_article_disappears_from_search(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    rebuild(out, ARCHIVE)
    before = stamps(out / "pagefind" / "fragment")
    fewer = {slug: v for slug, v in ARCHIVE.items() if slug != "lighthouse"}
    assert rebuild(out, fewer).indexed == 1
    assert searchable(out / "pagefind" / "2023") == {"/articles/2023/bridge.html"}
    assert stamps(out / "pagefind" / "fragment") == before

    newest_only = {slug: v for slug, v in fewer.items() if v[0] == 2024}
    rebuild(out, newest_only)  # the year 2023 is gone: its bundle too
    assert not (out / "pagefind" / "2023").exists()
    assert searchable(out / "pagefind") == {
        "/articles/2024/harbour.html",
        "/articles/2024/ferry.html",
    }


def test_a_new_pagefind_option_indexes_every_bundle_again(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    rebuild(out, ARCHIVE)
    assert rebuild(out, ARCHIVE, PAGEFIND_LANGUAGE="de").indexed == 4
    entry = json.loads((out / "pagefind" / "2023" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["de"]


def test_a_deleted_bundle_is_written_again(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    rebuild(out, ARCHIVE)
    (out / "pagefind" / "2023" / "pagefind-entry.json").unlink()
    assert rebuild(out, ARCHIVE).indexed == 2
    assert searchable(out / "pagefind" / "2023") == {
        "/articles/2023/lighthouse.html",
        "/articles/2023/bridge.html",
    }
