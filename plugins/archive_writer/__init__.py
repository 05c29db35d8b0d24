"""Pelican plugin: a rebuild renders only the pages whose inputs changed.

- writer: the Writer (skipping unchanged pages, paginating lists) and its Pelican signals.
- digest: descriptions of what a page is made from, stable across builds.
- templates: the theme's templates compiled once, kept between builds.
"""

from .writer import register

__all__ = ["register"]
