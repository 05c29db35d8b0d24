"""pagefind_search keeps the indexing of a build in that build's state (archive_site.build),
not in a module global: two builds never see each other's index, and a build that
stopped half-way does not leave its indexing running beside the next one's."""

from __future__ import annotations

import datetime
import json
from types import SimpleNamespace

from archive_site import build
from pagefind_search import index


def settings_for(tmp_path, name: str) -> dict:
    settings = {**index.DEFAULTS, "CACHE_PATH": str(tmp_path / name / "cache")}
    settings["PAGEFIND_SECTIONS"] = None
    return settings


def article(slug: str, text: str):
    return SimpleNamespace(
        url=f"{slug}.html",
        title=slug.title(),
        content=f"<p>{text}</p>",
        date=datetime.datetime(2024, 3, 1),
        lang="en",
        source_path=f"content/{slug}.md",
    )


def generator(tmp_path, name: str, settings: dict, *articles):
    (tmp_path / name).mkdir(parents=True, exist_ok=True)
    return SimpleNamespace(
        articles=list(articles), settings=settings, output_path=str(tmp_path / name), context={}
    )


def pages(tmp_path, name: str) -> int:
    entry = json.loads((tmp_path / name / "pagefind" / "pagefind-entry.json").read_text())
    return sum(lang["page_count"] for lang in entry["languages"].values())


def test_each_build_finishes_its_own_index(tmp_path):
    one, two = settings_for(tmp_path, "one"), settings_for(tmp_path, "two")
    index.on_all_generators_finalized([generator(tmp_path, "one", one, article("a", "harbour"))])
    index.on_all_generators_finalized(
        [generator(tmp_path, "two", two, article("b", "ferry"), article("c", "lighthouse"))]
    )
    assert isinstance(build.of(one)[index.STATE], index.RecordIndex)
    assert build.of(one)[index.STATE] is not build.of(two)[index.STATE]
    assert not hasattr(index, "_running")
    index.on_finalized(SimpleNamespace(settings=two, output_path=str(tmp_path / "two")))
    index.on_finalized(SimpleNamespace(settings=one, output_path=str(tmp_path / "one")))
    assert (pages(tmp_path, "one"), pages(tmp_path, "two")) == (1, 2)
    assert index.STATE not in build.of(one) and index.STATE not in build.of(two)
    # the manifest of what was indexed, written whole (archive_site.atomic)
    assert json.loads((tmp_path / "one" / "cache" / "pagefind.json").read_text())
    build.end(one)
    build.end(two)


def test_an_index_left_by_a_stopped_build_ends_before_the_next_starts(tmp_path):
    settings = settings_for(tmp_path, "site")
    gen = generator(tmp_path, "site", settings, article("a", "harbour"))
    index.on_all_generators_finalized([gen])
    stale = build.of(settings)[index.STATE]
    # the build stops before `finalized`; the devserver builds again with these settings
    index.on_all_generators_finalized([gen])
    assert not stale.thread.is_alive()
    assert build.of(settings)[index.STATE] is not stale
    index.on_finalized(SimpleNamespace(settings=settings, output_path=gen.output_path))
    assert pages(tmp_path, "site") == 1
    build.end(settings)
