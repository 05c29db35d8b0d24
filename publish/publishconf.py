"""Settings for publishing the archive (`make publish`, `make github`, the Pages workflow).

SITEURL comes from the environment, so one checkout publishes anywhere:
    SITEURL=https://USER.github.io/REPO make publish
A GitHub project site lives under a subpath (/REPO/): every link, asset and the
search bundle are built from SITEURL, so they work there.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag-{slug}.atom.xml"

DELETE_OUTPUT_DIRECTORY = True
