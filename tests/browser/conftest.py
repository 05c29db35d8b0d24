"""A real browser: Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from browsing import AXE, CHROMIUM, CHROMIUM_FLAGS
from sitebuild import ROOT, run_pelican


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is not installed, and REQUIRE_BROWSER is set (as in CI)")
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records script errors: a test fails if the site throws."""
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on(
        "dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    yield page
    context.close()


#: The generated archive's size and seed: fixed, so every run builds the same site.
SCALE_ARTICLES = 500
SCALE_SEED = 20261202


@pytest.fixture(scope="session")
def archive_500(tmp_path_factory) -> Path:
    """A generated archive of 500 articles (tools/bench.py's generator: ~360 speakers with
    roles, 4-15 quotations an article, direct, reported and pronoun-attributed), built as
    `make html` builds it: the browser tests of behaviour at scale run on it."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import bench

    tmp = tmp_path_factory.mktemp("archive500")
    bench.write_content(bench.generate(SCALE_ARTICLES, seed=SCALE_SEED), tmp / "content")
    out = tmp / "output"
    proc = run_pelican(tmp / "content", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script (installed by `make test` from the npm registry)."""
    if not AXE.exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"axe-core is not installed at {AXE}; `make test` installs it with npm")
        pytest.skip(f"axe-core is not installed at {AXE} (`make test` installs it with npm)")
    return AXE.read_text(encoding="utf-8")
