"""The engine's command line: `make extract` writes the scorer's prediction format."""

from __future__ import annotations

import json
import subprocess
import sys


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "archive_quotes", *args], capture_output=True, text=True, cwd=cwd
    )


def test_extract_writes_one_line_per_article_in_order(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Title\n\n“We are ready,” said pilot Sam Hart."})
        + "\n"
        + json.dumps({"id": "b", "text": "Titel\n\n„Ja“, sagte Karl Weber.", "lang": "de"})
        + "\n"
        + "this is not json\n"
        + json.dumps({"id": "c", "text": "No quotes here."})
        + "\n",
        encoding="utf-8",
    )
    dst = tmp_path / "out.jsonl"
    proc = run("extract", str(src), str(dst))
    assert proc.returncode == 1
    assert f"{src}:3: " in proc.stderr  # the bad line is named, the rest goes on
    lines = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["a", "b", "c"]
    quote = lines[0]["quotes"][0]
    assert quote["speaker"] == "Sam Hart" and quote["type"] == "direct" and quote["cue"] == "said"
    text = "Title\n\n“We are ready,” said pilot Sam Hart."
    assert text[quote["start"] : quote["end"]] == "We are ready,"
    assert text[quote["speaker_start"] : quote["speaker_end"]] == "pilot Sam Hart"
    assert lines[1]["quotes"][0]["speaker"] == "Karl Weber"
    assert lines[2]["quotes"] == []


def test_eval_says_plainly_when_shared_is_absent(tmp_path):
    proc = run("eval", "--shared", str(tmp_path / "nowhere"))
    assert proc.returncode == 0
    assert "no gold data" in proc.stdout


def test_debug_prints_each_rules_decisions(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Title\n\nThe “experts” erred. “Prices fall,” said analyst Jo Kim.\n", encoding="utf-8"
    )
    proc = run("debug", str(article))
    assert proc.returncode == 0
    assert "dropped" in proc.stdout and "Jo Kim" in proc.stdout
