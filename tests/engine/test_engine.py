"""The engine's contract: pure, offsets that hold, every language named, the seed article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archive_quotes import SUPPORTED, UnsupportedLanguage, extract_quotes

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"


def test_engine_imports_neither_pelican_nor_markdown_it():
    code = (
        "import sys, archive_quotes; archive_quotes.extract_quotes('“Hi,” he said.');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'pelican', 'markdown_it', 'mdit_py_plugins', 'jinja2'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unsupported_language_names_the_supported_ones():
    with pytest.raises(UnsupportedLanguage, match="supported: de, en"):
        extract_quotes("“Bonjour,” dit-il.", "fr")
    assert SUPPORTED == ("de", "en")
    assert extract_quotes("„Ja“, sagte er.", "de-AT").quotes  # regional codes fall back


def test_records_are_frozen_picklable_and_offsets_hold():
    import pickle

    text = "Title\n\n“We will not give up,” said Mayor Anna Berg, “and we will win.”"
    result = extract_quotes(text)
    assert pickle.loads(pickle.dumps(result)) == result
    quote = result.quotes[0]
    with pytest.raises(AttributeError):
        quote.type = "indirect"  # type: ignore[misc]
    for span in (*quote.spans, quote.cue, quote.mention):
        assert text[span.start : span.end] == span.text
    assert json.dumps(result.to_dict())


def test_trace_says_what_each_rule_decided():
    from archive_quotes import Trace

    trace = Trace()
    extract_quotes(
        "Market\n\nThe “experts” were wrong. “Prices will fall,” said analyst Jo Kim.", trace=trace
    )
    text = trace.format()
    assert "filters" in text and "dropped" in text and "'experts'" in text
    assert "inverted-cue" in text and "'analyst Jo Kim'" in text


def test_steps_can_be_switched_off_by_name():
    text = "Kremlin\n\nThe president was absent, Peskov said."
    assert extract_quotes(text).quotes
    assert not extract_quotes(text, skip=["indirect"]).quotes


@pytest.fixture(scope="module")
def seed():
    path = SEED / "gold.json"
    if not path.is_file():
        pytest.skip(f"{SEED} is absent: the seed gold lives in ../shared, beside the checkout")
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (SEED / gold["file"]).read_text(encoding="utf-8")
    return text, gold


def _fold(name):
    import unicodedata

    s = unicodedata.normalize("NFKD", name or "")
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def test_seed_article_quotes_and_speakers(seed):
    text, gold = seed
    quotes = extract_quotes(text).quotes
    found = attributed = indirect = 0
    for g in gold["quotes"]:
        group = {"indirect"} if g["type"] == "indirect" else {"direct", "mixed"}
        hits = [
            q
            for q in quotes
            if q.type in group and any(s.start < g["end"] and g["start"] < s.end for s in q.spans)
        ]
        if g["type"] == "indirect":
            indirect += bool(hits)
            continue
        if hits:
            found += 1
            accept = {_fold(a) for a in g["speaker_accept"] if a}
            name = hits[0].speaker.name if hits[0].speaker else None
            attributed += (name is None and None in g["speaker_accept"]) or _fold(name) in accept
    assert found == 19
    assert attributed >= 18
    assert indirect >= 3


def test_seed_people_who_say_nothing_are_never_speakers(seed):
    text, gold = seed
    speakers = {q.speaker.name for q in extract_quotes(text).quotes if q.speaker}
    for silent in ("Vladimir Putin", "Putin", "Serghey Sobyanin", "Sobyanin", "Zelensky"):
        assert silent not in speakers
