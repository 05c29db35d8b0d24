"""Site settings for building the archive locally (`make html`, `make serve`).

publish/publishconf.py imports these and overrides what differs for the web.
"""

import os

AUTHOR = "Annotated News Archive"
SITENAME = "Annotated News Archive"
SITESUBTITLE = "Who said what, in every article"
# Local builds link every page relatively, so the built site works anywhere: served by
# `make serve`, copied to a USB stick, or opened from disk (file://).
# publish/publishconf.py takes SITEURL from the environment for GitHub Pages.
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

THEME = "theme"
THEME_STATIC_DIR = "theme"
# Autoescape: every value from content is escaped unless a template marks it |safe
# (only the reader's sanitized HTML is).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Readers: .md files are read by our markdown-it reader (plugins/mdit_reader).
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "mdit_reader",
    "quote_annotator",
    "pagefind_search",
    "offline_search",
    "archive_writer",
    "archive_guard",  # one bad file never aborts the build; stale output is removed
]

ARTICLE_URL = "articles/{date:%Y}/{date:%m}/{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_URL
# An article in another language than DEFAULT_LANG (a translation, or an article of its
# own) stays in the same scheme, where Pagefind's "pages" mode finds it.
ARTICLE_LANG_URL = "articles/{date:%Y}/{date:%m}/{slug}-{lang}.html"
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = PAGE_URL
# "marks": the legend of the annotations (marks.html), there even without an About page
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "search", "404", "marks"]
YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
MONTH_ARCHIVE_SAVE_AS = "archives/{date:%Y}/{date:%m}/index.html"
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = 50

# Feeds are written by publish/publishconf.py; local builds stay quick and clean.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MENUITEMS = []
DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = False

# Caches (the folder is never committed; `make clean` removes it): Pelican keeps each
# article as its reader read it, and quote_annotator each article's quotations, so a
# rebuild reads and extracts only the articles that changed.
CACHE_PATH = os.environ.get("PELICAN_CACHE_PATH", "cache")
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
GZIP_CACHE = False
