"""A speaker page a researcher would use: quotes grouped by article, a type filter, and a
timeline of quotes per month drawn without JavaScript."""

from __future__ import annotations

import re

import pytest

from browsing import serve
from sitebuild import build_articles

pytestmark = pytest.mark.browser

ARTICLE = "Title: {title}\nDate: {date}\nCategory: Politics\n\n{body}\n"
BODIES = {
    "harbour": (
        "2024-01-10",
        '"The harbour opens in May," said mayor Anna Berg. '
        '"Ships come first," she added. Anna Berg said the fees would fall.',
    ),
    "budget": (
        "2024-03-05",
        'Mayor Anna Berg called the budget "a fair deal for the port". '
        '"We kept every promise," said Anna Berg.',
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    articles = {
        f"{name}.md": ARTICLE.format(title=f"{name.title()} story", date=date, body=body)
        for name, (date, body) in BODIES.items()
    }
    out, _ = build_articles(tmp_path_factory.mktemp("speaker-page"), articles)
    return out


def test_quotes_are_grouped_by_article_newest_first(site):
    html = (site / "speakers/anna-berg.html").read_text(encoding="utf-8")
    titles = re.findall(r'class="speaker-article__title"><a [^>]*>([^<]*)</a>', html)
    assert titles == ["Budget story", "Harbour story"]
    harbour = html.split("Harbour story", 1)[1]
    # in reading order inside their article
    assert harbour.index("The harbour opens in May,") < harbour.index("Ships come first,")


def test_timeline_counts_quotes_per_month_without_javascript(site):
    html = (site / "speakers/anna-berg.html").read_text(encoding="utf-8")
    svg = html.split('<figure class="speaker-timeline">', 1)[1].split("</figure>", 1)[0]
    months = re.findall(r"<title>(\d{4}-\d\d): (\d+)</title>", svg)
    assert [m for m, _ in months] == ["2024-01", "2024-02", "2024-03"]
    assert [int(n) for _, n in months][1] == 0  # a month with no quote is drawn, empty
    assert "Quotations per month, 2024-01 to 2024-03" in svg


def test_type_filter_shows_one_kind_of_quotation(site, page):
    with serve(site) as base:
        page.goto(base + "/speakers/anna-berg.html")
        total = page.locator(".speaker-quote").count()
        page.get_by_role("button", name=re.compile(r"^reported \d+$")).click()
        shown = page.locator(".speaker-quote:not([hidden])")
        assert 1 <= shown.count() < total
        assert all(t == "indirect" for t in shown.evaluate_all("l => l.map(e => e.dataset.type)"))
        assert "Said that" in shown.first.inner_text()
        page.get_by_role("button", name=re.compile(r"^all \d+$")).click()
        assert page.locator(".speaker-quote:not([hidden])").count() == total
    assert page.errors == []
