"""Pelican plugin: write the Pagefind search index after every build."""

from .index import build_index, register

__all__ = ["build_index", "register"]
