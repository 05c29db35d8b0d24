"""Annotated pages in a real browser: the "Who is quoted" panel, safe hostile content."""

from __future__ import annotations

import re

import pytest

from browsing import serve

pytestmark = pytest.mark.browser

SEED = "/articles/2023/05/drones-attack-the-kremlin.html"


def test_choosing_a_speaker_highlights_their_quotes(sample_site, page):
    with serve(sample_site) as base:
        page.goto(base + SEED)
        toggle = page.get_by_role("button", name="Mykhailo Podolyak")
        toggle.click()
        assert toggle.get_attribute("aria-pressed") == "true"
        highlighted = page.eval_on_selector_all(
            ".quote.is-highlighted", "els => [...new Set(els.map(e => e.dataset.quote))]"
        )
        assert len(highlighted) == 4
        texts = page.eval_on_selector_all(
            ".quote.is-highlighted", "els => els.map(e => e.textContent)"
        )
        assert any(t.startswith("As far as the drones") for t in texts)
        toggle.click()  # a second click clears the highlight
        assert page.locator(".quote.is-highlighted").count() == 0
    assert page.errors == []


def test_a_quote_permalink_opens_at_the_quote(sample_site, page):
    with serve(sample_site) as base:
        page.goto(base + SEED + "#q-14")
        quote = page.locator("#q-14")
        assert "It’s time to launch a rocket attack" in quote.inner_text()
        assert quote.evaluate("e => e.matches(':target')")
        # the speaker is text beside the quote, for every reader
        label = page.locator('a.quote-ref[href="#q-14"]')
        assert "Mikhail Sheremet" in label.inner_text()
    assert page.errors == []


def test_hostile_content_runs_nothing(hostile_site, page):
    with serve(hostile_site) as base:
        path = next((hostile_site / "articles").rglob("*.html")).relative_to(hostile_site)
        page.goto(f"{base}/{path.as_posix()}")
        page.wait_for_load_state("load")
        assert page.locator(".quote").count() >= 1
        page.get_by_role("button").first.click()  # the panel's script runs on names as text
        page.goto(f"{base}/search.html?q=alert")  # search records carry the same text
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15_000)
        page.wait_for_timeout(500)
    # page.errors collects dialogs (alert), script errors and console errors; the article's
    # own <img src=x> may fail to load (a 404), which runs nothing
    assert [e for e in page.errors if not e.startswith("Failed to load resource")] == []


def test_jsonld_parses_in_the_browser(sample_site, page):
    with serve(sample_site) as base:
        page.goto(base + SEED)
        count = page.evaluate(
            "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]')"
            ".textContent)['@graph'].length"
        )
        assert count >= 22
    assert page.errors == []


def test_copy_link_button_copies_the_quote_permalink(sample_site, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        with serve(sample_site) as base:
            page.goto(base + SEED)
            # no quote carries a control until a link opens it
            assert page.locator(".quote-copy").count() == 0
            page.goto(base + SEED + "#q-14")
            assert page.locator(".quote-copy").count() == 1
            page.get_by_role("button", name="Copy the link to this quote").click()
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == base + SEED + "#q-14"
            page.evaluate("window.location.hash = 'q-3'")
            page.wait_for_function(
                "document.querySelector('.quote-info') && "
                "document.querySelector('.quote-info').previousElementSibling"
                ".dataset.quote === 'q-3'"
            )
    finally:
        context.close()


@pytest.mark.parametrize("how", ["keyboard", "touch"])
def test_type_and_cue_are_reachable_by_keyboard_and_touch(sample_site, browser, how):
    """The type and cue are more than a mouse tooltip: the label after a quote opens it
    (Enter, or a tap), and the opened quote shows them, with the speaker's page."""
    context = browser.new_context(has_touch=how == "touch", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        with serve(sample_site) as base:
            page.goto(base + SEED)
            assert page.locator(".quote-info").count() == 0
            label = page.locator('a.quote-ref[data-quote="q-14"]')
            if how == "keyboard":
                label.focus()
                page.keyboard.press("Enter")
            else:
                label.tap()
            info = page.locator(".quote-info")
            info.wait_for()
            text = info.inner_text()
            assert text.startswith("Direct quotation · cue “said”")
            assert "all quotes by Mikhail Sheremet" in text
            assert info.evaluate("e => e.previousElementSibling.dataset.quote") == "q-14"
            # the opened quote sits below the top edge, its outline whole
            top = page.locator("#q-14").evaluate("e => e.getBoundingClientRect().top")
            assert top >= 8
            info.get_by_role("link").click()
            page.wait_for_url("**/speakers/mikhail-sheremet.html")
    finally:
        context.close()


def test_label_follows_the_closing_mark(sample_site):
    html = (sample_site / SEED.lstrip("/")).read_text(encoding="utf-8")
    # “…,” said Duma deputy Mikhail Sheremet: the mark closes the words, the label follows
    assert re.search(r'</span>”<a class="quote-ref"[^>]*data-quote="q-14"', html)
    assert not re.search(r'</span><a class="quote-ref"[^>]*data-quote="q-14"', html)


def test_panel_folds_to_one_line_on_a_phone(sample_site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        with serve(sample_site) as base:
            page.goto(base + SEED)
            fold = page.locator("details.who-quoted__fold")
            assert fold.evaluate("d => d.open") is False
            assert page.locator(".who-quoted").bounding_box()["height"] < 80
            page.locator(".who-quoted__fold > summary").click()
            assert fold.evaluate("d => d.open") is True
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            # opened at a quote, the panel stays as it is
            page.goto(base + SEED + "#q-2")
            assert page.locator("details.who-quoted__fold").evaluate("d => d.open") is True
    finally:
        context.close()
