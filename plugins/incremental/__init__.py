"""Pelican plugin: a rebuild re-renders only the article pages whose inputs changed.

See writer.py.
"""

from .writer import register

__all__ = ["register"]
