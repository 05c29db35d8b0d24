"""Pelican plugin: every quotation on an article page, marked up in place with its speaker.

- annotate: one article's HTML and title in, annotated HTML and view records out
  (Pelican-free; the extraction engine is the `archive_quotes` package);
- htmltext: the plain text of HTML with offsets back into it, and in-place wrapping;
- speakers: speakers across the archive, aliases merged, stable collision-free slugs;
- cache: each article's extraction cached by content and engine, and the worker pool;
- pages: the speaker pages, and the annotation of every article once speakers are known;
- exports: JSON-LD, Web Annotations, the open-data tables, the search positions;
- progress: the progress line of a long build;
- summaries: Pelican's summary of each article, kept between builds;
- plugin: the glue, on Pelican's signals.
"""

from .plugin import register

__all__ = ["register"]
