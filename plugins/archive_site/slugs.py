"""The one slugifier of the archive: Pelican's own, transliterated to ASCII.

Every slug the plugins and tools make (a speaker's page, a repaired article or tag
slug, an imported article's file name) comes from `pelican.utils.slugify`, with the
site's settings when there are any (SLUG_REGEX_SUBSTITUTIONS and its TAG_/CATEGORY_/
AUTHOR_ variants, SLUGIFY_PRESERVE_CASE, SLUGIFY_USE_UNICODE) and Pelican's defaults
otherwise, so a slug made here is the slug Pelican would make. Names in other scripts
are transliterated (unidecode, as Pelican does): 'Дмитрий Песков' -> 'dmitrii-peskov',
never an empty slug. Only when the settings ask Pelican for Unicode slugs, and it finds
one, is the slug not ASCII.

    slug_of("Дмитрий Песков")                    # 'dmitrii-peskov'
    slug_of(tag_name, settings, "TAG")           # the site's rules for tags
    slug_of(escape(name), regex_subs=[...])      # plain text, rules of one's own
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

__all__ = ["slug_of"]


def slug_of(
    value: str,
    settings: Mapping | None = None,
    kind: str = "SLUG",
    *,
    regex_subs: Iterable[tuple[str, str]] | None = None,
) -> str:
    """Pelican's slug of value; '' when it has none.

    value is HTML, as Pelican's titles are (tags are stripped, entities read): pass
    `markupsafe.escape(text)` for plain text such as a name, so '<script>' stays words.
    settings: a Pelican settings mapping (None: Pelican's defaults); kind picks its
    `<kind>_REGEX_SUBSTITUTIONS` (SLUG, TAG, CATEGORY, AUTHOR); regex_subs, when given,
    replaces them. When the settings ask for Unicode slugs (SLUGIFY_USE_UNICODE) and
    Pelican's Unicode slug is empty, the transliterated one is given instead.
    """
    settings = DEFAULT_CONFIG if settings is None else settings
    if regex_subs is None:
        regex_subs = settings.get(
            f"{kind}_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", ())
        )
    regex_subs = list(regex_subs)
    preserve_case = bool(settings.get("SLUGIFY_PRESERVE_CASE", False))
    if settings.get("SLUGIFY_USE_UNICODE", False):
        slug = slugify(value, regex_subs, preserve_case, use_unicode=True)
        if slug:
            return slug
    return slugify(value, regex_subs, preserve_case, use_unicode=False)
