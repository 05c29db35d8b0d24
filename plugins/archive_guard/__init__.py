"""Pelican plugin: one bad file never aborts the build, and nothing from content writes
outside the output folder.

- guard: slugs, languages and taxonomy slugs repaired, same URLs renamed (with register()).
- stale: files an earlier build wrote and this one did not are removed from the output.
"""

from .guard import register

__all__ = ["register"]
