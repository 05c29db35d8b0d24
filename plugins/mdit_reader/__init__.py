"""Pelican reader for Markdown articles, built on markdown-it-py."""

from .reader import MarkdownItReader, register

__all__ = ["MarkdownItReader", "register"]
