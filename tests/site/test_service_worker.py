"""sw.js precaches the files of the current Pagefind bundles, not what other builds left."""

from __future__ import annotations

import gzip
import json
import re

from offline_search.offline import _cbor_text, bundle_files

from sitebuild import PELICANCONF, build_articles, run_pelican


def article(year: int, n: int) -> str:
    return (
        f"---\ntitle: Harbour report {year} {n}\ndate: {year}-03-0{n}\ncategory: News\n---\n\n"
        f"“The harbour opens in {year},” said Mayor Anna Berg.\n"
    )


ARTICLES = {"a.md": article(2024, 1), "b.md": article(2024, 2), "c.md": article(2023, 1)}


def precached(out) -> list[str]:
    text = (out / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const PRECACHE = (\[.*?\]);", text).group(1))


def rebuild(tmp_path):
    proc = run_pelican(tmp_path / "content", tmp_path / "out", PELICANCONF, "PAGE_PATHS=[]")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def meta_of(bundle) -> str:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    [lang] = entry["languages"].values()
    return f"pagefind.{lang['hash']}.pf_meta"


def test_orphan_pagefind_files_are_not_precached(tmp_path):
    out, _ = build_articles(tmp_path, ARTICLES)
    pagefind = out / "pagefind"
    first = precached(out)
    orphans = {
        "index/en_deadbeef.pf_index": b"stale",
        "fragment/orphan.pf_fragment": b"stale",
        "filter/en_deadbeef.pf_filter": b"stale",
        "pagefind.en_deadbeef00.pf_meta": b"stale",
        "wasm.xx.pagefind": b"stale",
        "2023/index/en_cafe123.pf_index": b"stale",
    }
    for name, data in orphans.items():
        (pagefind / name).write_bytes(data)
    rebuild(tmp_path)
    listed = precached(out)
    for name in orphans:
        assert f"pagefind/{name}" not in listed
    assert listed == first  # the same bundle, the same list
    # the current bundles: the main one (2024) and the older year's
    for bundle in ("pagefind", "pagefind/2023"):
        assert f"{bundle}/pagefind-entry.json" in listed
        assert f"{bundle}/{meta_of(out / bundle)}" in listed
        assert f"{bundle}/pagefind.js" in listed
        assert f"{bundle}/wasm.en.pagefind" in listed
        chunks = [p for p in listed if p.startswith(f"{bundle}/index/")]
        filters = [p for p in listed if p.startswith(f"{bundle}/filter/")]
        assert chunks and filters
        # every chunk the bundle has now is listed
        for sub in ("index", "filter"):
            real = {
                f"{bundle}/{sub}/{p.name}"
                for p in (out / bundle / sub).iterdir()
                if "deadbeef" not in p.name and "cafe123" not in p.name
            }
            assert real <= set(listed)
    assert not any("/fragment/" in p for p in listed)
    assert "pagefind-ui.js" in " ".join(listed) and "search-index.js" in listed
    # and every part of the index for disk, which the offline search loads
    parts = sorted(f"search-index/{p.name}" for p in (out / "search-index").iterdir())
    assert parts and set(parts) <= set(listed)


def test_chunks_are_those_the_meta_file_names(tmp_path):
    out, _ = build_articles(tmp_path, {"a.md": article(2024, 1)})
    pagefind = out / "pagefind"
    meta = gzip.decompress((pagefind / meta_of(pagefind)).read_bytes())
    listed = bundle_files(str(out), "pagefind")
    for path in listed:
        if path.startswith(("pagefind/index/", "pagefind/filter/")):
            stem = path.rsplit("/", 1)[1].rsplit(".", 1)[0]
            assert _cbor_text(stem) in meta
    # a name that is only part of a listed one, or has one more character, is not it
    name = next(p for p in listed if p.startswith("pagefind/index/")).rsplit("/", 1)[1]
    stem = name[: -len(".pf_index")]
    (pagefind / "index" / f"{stem}0.pf_index").write_bytes(b"x")
    (pagefind / "index" / f"{stem[:-1]}.pf_index").write_bytes(b"x")
    assert bundle_files(str(out), "pagefind") == listed


def test_damaged_pagefind_files_are_reported_and_the_build_goes_on(tmp_path):
    out, _ = build_articles(tmp_path, {"a.md": article(2024, 1)})
    pagefind = out / "pagefind"
    meta = pagefind / meta_of(pagefind)
    meta.write_bytes(b"\x1f\x8b truncated")
    log = rebuild(tmp_path)  # the same records: Pagefind leaves its bundle as it is
    assert f"{meta}: unreadable Pagefind meta file" in log
    listed = precached(out)
    assert "pagefind/pagefind-entry.json" in listed
    assert not any(p.startswith(("pagefind/index/", "pagefind/filter/")) for p in listed)
    # the entry itself: nothing of the bundle can be told from an orphan
    entry = pagefind / "pagefind-entry.json"
    entry.write_text('{"version": "1.5', encoding="utf-8")
    log = rebuild(tmp_path)
    assert f"{entry}: unreadable Pagefind entry" in log
    assert not any(p.startswith("pagefind/") for p in precached(out))
    assert "index.html" in precached(out)
