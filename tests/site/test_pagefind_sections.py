"""Search bundles: one per year, newest first, a large year in parts of at most
PAGEFIND_SECTION_MAX records (Pagefind holds one bundle in memory at a time)."""

import pytest

from archive_site.contracts import is_section
from pagefind_search.index import DEFAULTS, SettingError, check_settings, sections


def _records(year: int, n: int) -> list[dict]:
    return [
        {"url": f"/a/{year}-{i:03d}.html", "sort": {"date": f"{year}-{1 + i % 12:02d}-01"}}
        for i in range(n)
    ]


def test_years_newest_first_the_newest_is_the_main_bundle():
    found = sections(_records(2003, 2) + _records(2005, 3) + _records(2004, 1), "year")
    assert [(name, len(recs)) for name, recs in found] == [("", 3), ("2004", 1), ("2003", 2)]


def test_a_large_year_is_split_into_parts_cut_from_its_oldest_end():
    found = sections(_records(2005, 25) + _records(2004, 12), "year", most=10)
    assert [(name, len(recs)) for name, recs in found] == [
        ("", 5), ("2005-2", 10), ("2005-3", 10), ("2004", 2), ("2004-2", 10),
    ]  # fmt: skip
    dates = [r["sort"]["date"] for _, recs in found[:3] for r in recs]
    assert dates == sorted(dates, reverse=True)  # the main bundle holds the newest
    every = [r["url"] for _, recs in found for r in recs]
    assert sorted(every) == sorted(set(every)) and len(every) == 37  # each record once


def test_a_new_article_changes_the_newest_part_of_its_year_only():
    year = _records(2005, 25)
    new = {"url": "/a/new.html", "sort": {"date": "2005-12-31"}}
    before = sections(year, "year", most=10)
    after = sections([*year, new], "year", most=10)
    assert after[1:] == before[1:]  # the older parts: the same records, not indexed again
    assert after[0][1] == [new, *before[0][1]]


def test_no_sections_and_no_limit():
    records = _records(2005, 25)
    assert sections(records, None, most=10) == [("", records)]
    assert [len(r) for _, r in sections(records, "year", most=None)] == [25]


def test_section_folder_names():
    assert is_section("2005") and is_section("2005-12")
    assert not is_section("fragment") and not is_section("2005-") and not is_section("05")


@pytest.mark.parametrize("bad", [0, -1, True, "1000", 2.5])
def test_a_wrong_limit_is_refused_by_name(bad):
    class Pelican:
        settings = {**DEFAULTS, "PAGEFIND_SECTION_MAX": bad}

    with pytest.raises(SettingError, match="PAGEFIND_SECTION_MAX"):
        check_settings(Pelican())
