"""The engine's fast paths agree with the plain code they stand in for, on any text.

Each speed-up that skips work (a pre-filter, a cache, a combined regular expression)
must give what the slow path gives; these properties pin that down so a later change
to a rule or a lexicon cannot silently break it. tools/engine_diff.py checks the same
on the shared corpora.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from archive_quotes.lexicon import load, token_pattern, word_pattern
from archive_quotes.rules import canonical, cues, entities, indirect, marks, segment
from archive_quotes.rules.indirect import common, evidential
from archive_quotes.state import Draft

LANGS = ("en", "de")

# words that matter to the rules, with their neighbours in every case and joined by the
# characters tokens are joined by ("said-so", "U.S.", "Laut’s")
WORDS = [
    "said", "Said", "SAID", "says", "told", "according", "According", "to", "laut",
    "Laut", "nach", "Angaben", "zufolge", "sei", "habe", "Peskov", "he", "the", "x", "_",
    "9",
]  # fmt: skip
JOINERS = [" ", "  ", "\n", "\n\n", ".", ",", "-", "’", "'", "“", "”", "„", ":", "—", "é"]
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(JOINERS))
texts = st.lists(pieces, min_size=1, max_size=40).map("".join)
# a window as per cent of the text, to be cut from it with _cut; often the whole text
windows = st.one_of(st.just((0, 100)), st.tuples(st.integers(0, 100), st.integers(0, 100)))


def _cut(text: str, window: tuple[int, int]) -> tuple[int, int]:
    a, b = sorted(window)
    return len(text) * a // 100, -(-len(text) * b // 100)


def _slow_tokens(text: str, a: int, b: int) -> list[segment.Token]:
    return [(m.start(), m.end(), m.group()) for m in segment.TOKEN.finditer(text, a, b)]


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text(min_size=1, max_size=6)), st.text(max_size=8))
def test_word_pattern_matches_exactly_the_words(words, probe):
    pattern = re.compile(f"(?:{word_pattern(words)})")
    for w in (*words, probe):
        assert bool(pattern.fullmatch(w)) == (w in words)


@settings(max_examples=300, deadline=None)
@given(st.sets(st.sampled_from(WORDS + JOINERS), min_size=1), texts, windows)
def test_token_pattern_finds_every_token(words, text, window):
    pattern = re.compile(token_pattern(words))
    a, b = _cut(text, window)
    toks = _slow_tokens(text, a, b)
    if any(t[2] in words for t in toks) and not indirect._inside_word(text, a):
        assert pattern.search(text, a, b) is not None


def _starts_a_shape(doc, toks: list[segment.Token]) -> bool:
    """The slow test: does any token let a shape of the 'indirect' step start?"""
    lex = doc.lex
    for j in range(len(toks)):
        if common.verb_at(doc, toks, j) or toks[j][2] in lex.konjunktiv:
            return True
        if any(evidential._match(doc, toks, j, words) for _, words in lex.evidentials):
            return True
    return False


@settings(max_examples=500, deadline=None)
@given(texts, windows, st.sampled_from(LANGS))
def test_indirect_skips_only_clauses_no_shape_starts_in(text, window, lang):
    doc = SimpleNamespace(lex=load(lang))
    a, b = _cut(text, window)
    toks = _slow_tokens(text, a, b)
    if _starts_a_shape(doc, toks):
        assert indirect._may_report(text, a, b, indirect._start_words(doc.lex))


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(LANGS))
def test_evidential_phrases_start_only_at_their_first_words(text, lang):
    doc = SimpleNamespace(lex=load(lang))
    toks = _slow_tokens(text, 0, len(text))
    firsts = evidential.first_words(doc.lex)
    for j in range(len(toks)):
        if any(evidential._match(doc, toks, j, words) for _, words in doc.lex.evidentials):
            assert toks[j][2].lower() in firsts
            # and find() sees it in the clause's lowercased text before reading tokens
            assert toks[j][2].lower() in text[toks[0][0] : toks[-1][1]].lower()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .’'", max_size=30), st.text(alphabet="ab .’'", max_size=60))
def test_literal_search_is_re_finditer(name, text):
    expected = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    assert [(m.start(), m.end()) for m in canonical._finditer(name, text)] == expected


@settings(max_examples=300, deadline=None)
@given(texts)
def test_word_folding_is_the_split_on_apostrophes(text):
    for tok in _slow_tokens(text, 0, len(text)):
        assert common.word(tok) == re.split(r"[’']", tok[2].lower())[0]


def _slow_mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for k in range(s, e):
            if not chars[k].isspace():
                chars[k] = "X" if chars[k].isupper() else "x"
    return "".join(chars)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.lists(windows, max_size=6))
def test_mask_is_the_character_loop(text, cuts):
    spans = [_cut(text, w) for w in cuts]
    drafts = [Draft(spans[k : k + 2], (0, 0), 0, rule="test") for k in range(0, len(spans), 2)]
    assert marks._mask(text, drafts) == _slow_mask(text, spans)


names = st.lists(
    st.sampled_from(["Mr", "Mrs", "Ms.", "Sir", "Lady", "Dame", "Alan", "de", "Van", "O’Neil",
                     "J.", "X_", "é", "9", "Ümit", " ", "\t", "\n", "\n\n", ",", "-", "'s", "’"]),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(names)
def test_word_start_scan_is_the_bounded_pattern(text):
    for bounded, unbounded in (
        (entities._NAME, entities._NAME_AT),
        (entities._ADDRESSED, entities._ADDRESSED_AT),
    ):
        expected = [(m.span(), m.groups()) for m in bounded.finditer(text)]
        found = [(m.span(), m.groups()) for m in segment.at_word_starts(unbounded, text)]
        assert found == expected


@settings(max_examples=300, deadline=None)
@given(texts, windows)
def test_tokens_are_the_regex_matches(text, window):
    a, b = _cut(text, window)
    assert cues.tokens(text, a, b) == _slow_tokens(text, a, b)


# Regular expressions rewritten to be scanned faster, and the plain forms they stand in
# for: the same matches, with fewer tries per character.
_PLAIN_SENTENCE_END = re.compile(
    r"[.!?…]+[\"”’»“]?(?=\s+[\"“‘«„(\[]?[A-Z0-9ÀÁÂÄÅÉÈÊÖÜÇÑŠŽČĆ]|\s*$)"
    r"|(?<=[a-zäöüß]{2})\.(?=[A-ZÄÖÜ][a-zäöüß]+\b(?![.\-]\w))"
)
_PLAIN_MARKS = re.compile(r"''|[\"“”„«»‹›‘’‚]")
_PLAIN_WORD_BEFORE = re.compile(r"(\w+(?:\.\w+)*)\.?$")
_PLAIN_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]”\s)|(?<=[.!?]\"\s)|(?<=,\s))"
    r"((?:[A-Z][\w’'\-]+[ \t]+(?:&[ \t]+)?){0,3}[A-Z][\w’'\-]+)(?=[ \t]+[a-z]|,[ \t])",
    re.M,
)
# words, initials and abbreviations, each followed by what may end a sentence or a clause
prose = st.lists(
    st.tuples(
        st.sampled_from(["Al", "Ab", "Öl", "J", "U.S", "ab", "b", "äm", "42"]),
        st.sampled_from([" ", " ", "\n", ". ", ".", "?", "…", ", ", "”", "\"", "’", " & "]),
    ),
    max_size=12,
).map(lambda pairs: "".join(w + sep for w, sep in pairs))  # fmt: skip


def _matches(pattern: re.Pattern, text: str, a: int, b: int) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, a, b)]


@settings(max_examples=500, deadline=None)
@given(prose, windows)
def test_sentence_ends_are_the_plain_pattern(text, window):
    a, b = _cut(text, window)
    assert _matches(segment._SENTENCE_END, text, a, b) == _matches(_PLAIN_SENTENCE_END, text, a, b)


@settings(max_examples=500, deadline=None)
@given(prose)
def test_word_before_a_full_stop_is_the_plain_pattern(text):
    found, plain = segment._WORD_BEFORE.search(text), _PLAIN_WORD_BEFORE.search(text)
    assert (found and (found.span(), found.groups())) == (plain and (plain.span(), plain.groups()))


@settings(max_examples=1000, deadline=None)
@given(prose, windows)
@example("So. Al Ab Bo Ax said, Al & Bo Ab, ab", (0, 100))  # four words, the longest
def test_subjects_are_the_plain_pattern(text, window):
    a, b = _cut(text, window)
    assert _matches(canonical._SUBJECT, text, a, b) == _matches(_PLAIN_SUBJECT, text, a, b)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="''\"“”„«»‹›‘’‚a .", max_size=30), windows)
def test_quotation_marks_are_the_plain_pattern(text, window):
    a, b = _cut(text, window)
    assert _matches(marks._MARKS, text, a, b) == _matches(_PLAIN_MARKS, text, a, b)
