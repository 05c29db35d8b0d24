"""Property tests: any text, however broken, gives sound records in linear time."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from archive_quotes import extract_quotes

MARKS = "\"“”„«»‹›‘’‚'"
pieces = st.sampled_from(
    [
        *MARKS,
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "said",
        "he",
        "Peskov",
        "Dmitri",
        "according to",
        "that",
        "The",
        "x",
    ]
)
marky = st.lists(pieces, max_size=200).map("".join)


def check(text: str, lang: str = "en") -> None:
    result = extract_quotes(text, lang)
    for q in result.quotes:
        assert q.spans, q
        spans = sorted((s.start, s.end) for s in q.spans)
        for a, b in zip(spans, spans[1:], strict=False):
            assert a[1] <= b[0], f"overlapping spans in one quote: {spans}"
        for span in (*q.spans, q.cue, q.mention):
            if span is None:
                continue
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(marky)
def test_marks_and_cues_only(text):
    check(text)
    check(text, "de")


def test_huge_input_is_handled():
    text = ("“It is time,” said Duma deputy Mikhail Sheremet. " * 4000 + "\n\n") * 5
    check(text)


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        extract_quotes(text)
        best = min(best, time.perf_counter() - started)
    return best


def test_time_grows_linearly_on_pathological_input():
    # alternating marks and cues in one paragraph: the worst case for pairing and frames
    unit = "“a” said he “b, ” “ ‘ said Peskov: « x » "
    small, large = unit * 250, unit * 2500
    ratio = _seconds(large) / max(_seconds(small), 1e-6)
    assert ratio < 30, f"10x the text took {ratio:.1f}x the time"
