"""Pelican plugin: every quotation on an article page, marked up in place with its speaker.

- annotate: one article's HTML and title in, annotated HTML and view records out
  (Pelican-free; the extraction engine is the `attribution` package);
- htmltext: the plain text of HTML with offsets back into it, and in-place wrapping;
- speakers: speakers across the archive, aliases merged, stable collision-free slugs
  (for the speaker pages, still to come);
- plugin: the glue, on Pelican's content_object_init signal.
"""

from .plugin import register

__all__ = ["register"]
