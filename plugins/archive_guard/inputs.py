"""Where the articles are: a content folder that holds them directly builds them.

The sample archive keeps articles in `content/articles/` (ARTICLE_PATHS). A user who
points `make html INPUTDIR=...` at a folder of articles with no such sub-folder would
otherwise get a site of 0 articles and no word why; the articles are read from the
whole folder instead (pages still from PAGE_PATHS, which Pelican excludes), with a
warning that says where articles go.
"""

from __future__ import annotations

import logging
import os

logger = logging.getLogger(__name__)


def find_articles(pelican) -> None:
    settings = pelican.settings
    root = settings.get("PATH") or "."
    paths = settings.get("ARTICLE_PATHS") or [""]
    if any(p in ("", ".") or os.path.isdir(os.path.join(root, p)) for p in paths):
        return
    logger.warning(
        "%s has no %s folder (ARTICLE_PATHS): articles are read from the whole folder; "
        "put them in %s/ or set ARTICLE_PATHS to silence this",
        root,
        " or ".join(f"{p}/" for p in paths),
        paths[0],
    )
    settings["ARTICLE_PATHS"] = [""]
