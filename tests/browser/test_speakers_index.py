"""The speakers index at scale: a find box, A–Z by surname, rows that fit a phone."""

from __future__ import annotations

import random

import pytest

from browsing import serve
from sitebuild import build_articles

pytestmark = pytest.mark.browser

FIRST = ["Anna", "Tom", "Mary", "John", "Ines", "Omar", "Lena", "Paul", "Rita", "Hugo"]
LAST = ["Abbott", "Baker", "Brown", "Carter", "Dunn", "Evans", "Fischer", "Garcia", "Hughes",
        "Ito", "Jones", "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Patel", "Quinn", "Rossi",
        "Silva", "Tanaka", "Ueda", "Vogel", "Walsh", "Young", "Zhang"]  # fmt: skip
ROLE = "chief executive of the Northern Rail Passengers Association for the Western Region"


@pytest.fixture(scope="module")
def index_site(tmp_path_factory):
    rng = random.Random(5)
    people = [f"{rng.choice(FIRST)} {last}" for last in LAST]
    articles = {}
    for n in range(30):
        a, b = rng.sample(people, 2)
        body = (
            f'"We will open the line," said {a}, {ROLE}. "Fares will rise," said {b}. '
            f'"It is a fair deal," said Northern Rail.'
        )
        articles[f"a{n}.md"] = f"Title: Rail story {n}\nDate: 2024-01-{n % 28 + 1:02d}\n\n{body}\n"
    out, _ = build_articles(tmp_path_factory.mktemp("speakers-index"), articles)
    return out


def _rows(page):
    return page.locator(".speakers-table tbody tr:not([hidden])")


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_fits_the_screen(index_site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        with serve(index_site) as base:
            page.goto(base + "/speakers/index.html")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_find_box_and_a_to_z_by_surname(index_site, page):
    with serve(index_site) as base:
        page.goto(base + "/speakers/index.html")
        total = _rows(page).count()
        assert total >= 20
        page.fill("#speakers-filter", "khan")
        assert _rows(page).count() == 1 and "Khan" in _rows(page).first.inner_text()
        assert page.locator(".speakers-count").inner_text() == f"1 of {total} speakers"
        # words of a role find its speakers too
        page.fill("#speakers-filter", "passengers western")
        assert 1 <= _rows(page).count() < total
        page.fill("#speakers-filter", "")
        # B: the surnames that start with B, in the order of the alphabet
        page.get_by_role("button", name="B", exact=True).click()
        names = _rows(page).locator("td:first-child").all_inner_texts()
        assert names == sorted(names, key=lambda n: n.split()[-1]) and len(names) == 2
        assert all(n.split()[-1].startswith("B") for n in names)
        assert page.locator("#speakers-organization").is_hidden()  # no organization under B
        page.get_by_role("button", name="All").click()
        assert _rows(page).count() == total
    assert page.errors == []


def test_every_speaker_listed_without_javascript(index_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        with serve(index_site) as base:
            page.goto(base + "/speakers/index.html")
            assert page.locator(".speakers-tools").is_hidden()
            assert page.locator(".speakers-table tbody tr").count() >= 20
    finally:
        context.close()
