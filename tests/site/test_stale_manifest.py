"""The output manifest is written whole (archive_site.atomic), or a warning says why not."""

from __future__ import annotations

import logging

from archive_guard import stale


def test_manifest_round_trips_and_leaves_no_temporary_file(tmp_path):
    manifest = tmp_path / "cache" / stale.MANIFEST
    stale.save(str(manifest), {"/site/output": ["index.html", "tag/a.html"]})
    assert stale.load(str(manifest)) == {"/site/output": ["index.html", "tag/a.html"]}
    assert [p.name for p in manifest.parent.iterdir()] == [stale.MANIFEST]


def test_a_manifest_that_cannot_be_written_is_a_warning(tmp_path, caplog):
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    manifest = tmp_path / "cache" / stale.MANIFEST
    with caplog.at_level(logging.WARNING, logger="archive_guard.stale"):
        stale.save(str(manifest), {"/site/output": ["index.html"]})
    assert f"cannot save {manifest}" in caplog.text
