"""Pelican's summary of each article is kept between builds, by what it is made from."""

from __future__ import annotations

from quote_annotator.summaries import SummaryCache

SETTINGS = {"SUMMARY_MAX_LENGTH": 50, "SUMMARY_END_SUFFIX": "…"}


def made(calls: list):
    def make(html: str) -> str:
        calls.append(html)
        return html.upper()

    return make


def test_a_summary_is_made_once_then_kept(tmp_path):
    calls = []
    first = SummaryCache(tmp_path, SETTINGS)
    assert first.get("<p>a</p>", made(calls)) == "<P>A</P>"
    assert first.get("<p>a</p>", made(calls)) == "<P>A</P>"
    first.save()
    again = SummaryCache(tmp_path, SETTINGS)
    assert again.get("<p>a</p>", made(calls)) == "<P>A</P>"
    assert calls == ["<p>a</p>"]


def test_new_html_or_new_settings_make_it_again_and_old_entries_go(tmp_path):
    calls = []
    first = SummaryCache(tmp_path, SETTINGS)
    first.get("<p>a</p>", made(calls))
    first.save()
    shorter = SummaryCache(tmp_path, {**SETTINGS, "SUMMARY_MAX_LENGTH": 10})
    shorter.get("<p>a</p>", made(calls))
    shorter.get("<p>b</p>", made(calls))
    shorter.save()
    assert calls == ["<p>a</p>", "<p>a</p>", "<p>b</p>"]
    assert len(SummaryCache(tmp_path, SETTINGS).old) == 2  # only what the last build read


def test_a_damaged_file_is_a_miss_with_one_warning(tmp_path, caplog):
    (tmp_path / SummaryCache.FILE).write_bytes(b"\x80\x05 cut")
    calls = []
    cache = SummaryCache(tmp_path, SETTINGS)
    assert cache.get("<p>a</p>", made(calls)) == "<P>A</P>"
    assert caplog.text.count("is damaged") == 1
    cache.save()
    assert SummaryCache(tmp_path, SETTINGS).old  # written anew


def test_no_folder_keeps_nothing(tmp_path):
    calls = []
    cache = SummaryCache(None, SETTINGS)
    cache.get("<p>a</p>", made(calls))
    cache.save()
    assert calls == ["<p>a</p>"] and list(tmp_path.iterdir()) == []
