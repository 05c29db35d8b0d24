"""The plain-text importer writes Markdown articles that the reader builds as written."""

from __future__ import annotations

import sys

import yaml

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import import_text  # noqa: E402

TEXT = """Minister: “We will act” as *prices* rise

The minister spoke on Monday. “We will act,” she said.

A short heading line

# Not a heading: it starts with a hash and ends like a sentence.
"""


def test_convert_headline_headings_and_escaping():
    slug, md = import_text.convert(
        TEXT, {"date": "2024-02-01", "category": "Economy", "tags": ["Prices"]}
    )
    assert slug == "minister-we-will-act-as-prices-rise"
    header, body = md.split("---\n", 2)[1:]
    meta = yaml.safe_load(header)
    assert meta == {
        "title": "Minister: “We will act” as *prices* rise",
        "slug": slug,
        "date": "2024-02-01",
        "category": "Economy",
        "tags": ["Prices"],
    }
    assert "## A short heading line" in body
    assert "\\# Not a heading" in body
    assert "The minister spoke on Monday. “We will act,” she said." in body


def test_main_writes_files_and_reports_errors(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    code = import_text.main(
        [str(good), str(empty), "--out", str(tmp_path / "out"), "--date", "2024-02-01"]
    )
    assert code == 1
    assert (tmp_path / "out" / "2024-02-01-minister-we-will-act-as-prices-rise.md").is_file()
    assert f"error: {empty}: the file is empty" in capsys.readouterr().err
