"""Annotated pages (issue 4), in progress: the pieces that do not depend on Pelican.

- htmltext: the plain text of an article's HTML with offsets back into it, and the
  wrapping of text spans (quotes) in place, even across inline markup;
- speakers: speakers across the archive, aliases merged, stable collision-free slugs.

The Pelican glue (annotating pages, speaker pages, exports, quote search records)
is not written yet; nothing here is registered as a plugin.
"""
