"""Publishing to GitHub Pages: the Pages address, and `make github` pushing gh-pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "publish"))
import siteurl  # noqa: E402


@pytest.mark.parametrize(
    ("remote", "url"),
    [
        ("git@github.com:Newsroom/archive.git", "https://newsroom.github.io/archive"),
        ("https://github.com/newsroom/archive", "https://newsroom.github.io/archive"),
        ("https://github.com/newsroom/newsroom.github.io.git", "https://newsroom.github.io"),
    ],
)
def test_pages_url_from_remote(remote, url):
    assert siteurl.pages_url(remote) == url


def test_pages_url_refuses_other_hosts():
    with pytest.raises(ValueError, match="not a GitHub repository"):
        siteurl.pages_url("https://gitlab.com/a/b.git")


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


def test_make_github_pushes_the_site_to_gh_pages(tmp_path):
    """In a copy of the project whose origin is a local bare repository."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "pelicanconf.py"):
        shutil.copy2(ROOT / name, project / name)
    for folder in ("content", "theme", "plugins", "publish"):
        shutil.copytree(
            ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    git("init", "-q", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    identity = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    proc = subprocess.run(
        [
            "make",
            # the project's venv is shared: never (re)install it from the copy, even when
            # the copied pyproject.toml is newer than its stamp
            "-o",
            str(ROOT / ".venv" / ".installed"),
            "github",
            "SITEURL=/REPO",
            f"VENV={ROOT / '.venv'}",
            "PELICANOPTS=--log-handler plain",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **identity},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).stdout.split()
    assert ".nojekyll" in files
    assert "index.html" in files and "pagefind/pagefind-entry.json" in files
    index = git("show", "gh-pages:index.html", cwd=remote).stdout
    assert 'href="/REPO/' in index
