"""Shared fixtures: the sample archive built as `make html` and as `make publish` do."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import CONTENT, PUBLISHCONF, build_articles, run_pelican


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample archive built with the local settings, as `make html` does."""
    out = tmp_path_factory.mktemp("sample") / "output"
    proc = run_pelican(CONTENT, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The sample archive built for a GitHub project site under /REPO/, as `make publish` does."""
    out = tmp_path_factory.mktemp("published") / "output"
    proc = run_pelican(CONTENT, out, PUBLISHCONF, env={"SITEURL": "/REPO"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


HOSTILE = """---
title: "<img src=x onerror=alert(1)> Hostile <script>alert(2)</script>"
date: 2024-03-01
category: Tests
---

“We will <script>alert(3)</script> win,” said <b onclick="alert(4)">Jane</b> O'Hara & Co.
“Second <img src=x onerror=alert(5)> quote,” she added.
"""


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    out, _ = build_articles(tmp_path_factory.mktemp("hostile"), {"hostile.md": HOSTILE})
    return out
