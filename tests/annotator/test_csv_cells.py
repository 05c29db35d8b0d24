"""quotes.csv: no cell an editor or an article wrote can run as a spreadsheet formula."""

from __future__ import annotations

import csv

import pytest

from quote_annotator.exports import safe_cell
from sitebuild import build_articles

# OWASP "CSV Injection": = + - @ tab and carriage return; line feed and NUL (ASVS
# 1.2.10) and the full-width signs some spreadsheets read as the same
STARTS = ["=", "+", "-", "@", "\t", "\r", "\n", "\x00", "＝", "＋", "－", "＠"]


@pytest.mark.parametrize("start", STARTS, ids=[repr(s) for s in STARTS])
def test_a_cell_that_could_start_a_formula_is_text(start):
    cell = f"{start}1+1"
    assert safe_cell(cell) == f"'{cell}"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
@pytest.mark.parametrize("space", [" ", "  ", "\u00a0", "\u3000", " \t"])
def test_leading_white_space_does_not_hide_a_formula(start, space):
    cell = f"{space}{start}HYPERLINK(1)"
    assert safe_cell(cell) == f"'{cell}"


@pytest.mark.parametrize(
    "value", ["Anna Berg", "", "1+1", "'=already text", "a=b", " spaced", "“=quoted”", None, 3]
)
def test_other_cells_are_unchanged(value):
    assert safe_cell(value) == value


ARTICLE = """---
title: Formula test
date: 2024-05-01
category: "@Tests"
---

[“Some quote here,” she said.]{data-speaker="=HYPERLINK(1)" data-role="\t=1+1"}

[“Another quote here,” he said.]{data-speaker="-Carl Moss" data-role=" +2+3"}

“The budget is fair,” councillor Tom Reyes said.
"""


def test_quotes_csv_holds_no_formula(tmp_path):
    out, _ = build_articles(tmp_path, {"formula.md": ARTICLE})
    with (out / "quotes.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by_text = {row["text"]: row for row in rows}
    first = by_text["Some quote here,"]
    assert first["speaker"] == "'=HYPERLINK(1)"
    assert first["role"] == "'\t=1+1"
    second = by_text["Another quote here,"]
    assert second["speaker"] == "'-Carl Moss"
    assert second["role"] == "' +2+3"
    assert all(row["category"] == "'@Tests" for row in rows)
    assert by_text["The budget is fair,"]["speaker"] == "Tom Reyes"  # plain text stays
    for row in rows:
        for value in row.values():
            assert value[:1] not in STARTS and value.lstrip()[:1] not in STARTS, row
    # the JSON Lines file keeps the text as written
    jsonl = (out / "quotes.jsonl").read_text(encoding="utf-8")
    assert '"role": "\\t=1+1"' in jsonl
