"""Pelican plugin: a rebuild renders only the pages whose inputs changed, and pages are
rendered on every core.

- writer: the Writer (skipping, parallel sections) and its Pelican signals.
- digest: descriptions of what a page is made from, stable across builds.
"""

from .writer import register

__all__ = ["register"]
