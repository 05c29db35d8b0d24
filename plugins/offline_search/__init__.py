"""Pelican plugin: the archive stays searchable with no server and no network.

- a search index loadable by a plain <script> tag (search-index.js), which the search
  page uses with MiniSearch when it is opened from disk (file://, where Pagefind
  cannot load its index);
- a service worker (sw.js) that keeps the site shell and the Pagefind index (the files
  the current bundles name, not what an earlier build left beside them), so a
  published archive visited once can be searched offline.
"""

from .offline import register

__all__ = ["register"]
