"""The Dask example gives exactly what `make extract` gives, in the same order."""

from __future__ import annotations

import json
import sys

import pytest

from sitebuild import ROOT

pytest.importorskip("dask", reason="the optional 'scale' dependencies are not installed")
sys.path.insert(0, str(ROOT / "tools"))
import dask_extract  # noqa: E402

from archive_quotes.cli import extract_file  # noqa: E402

ARTICLES = [
    {"id": f"a{n}", "text": f"“We need {n} new schools,” said Mayor Anna Berg.\n\nShe left."}
    for n in range(12)
] + [
    {"id": "de", "lang": "de", "text": "„Wir schaffen das“, sagte die Kanzlerin."},
    {"id": "bad"},  # no text: kept, with no quotes
]


@pytest.mark.parametrize("scheduler", ["processes", "sync"])
def test_dask_extraction_matches_make_extract(tmp_path, scheduler):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    extract_file(src, tmp_path / "plain.jsonl")
    dask_extract.run(src, tmp_path / "dask.jsonl", partitions=4, scheduler=scheduler)
    plain = (tmp_path / "plain.jsonl").read_text(encoding="utf-8").splitlines()
    dask = (tmp_path / "dask.jsonl").read_text(encoding="utf-8").splitlines()
    assert dask == plain
    assert [json.loads(x)["id"] for x in dask] == [a["id"] for a in ARTICLES]
    assert json.loads(dask[0])["quotes"][0]["speaker"] == "Anna Berg"
