"""Repair what one article's metadata could do to the whole build: slugs, languages,
taxonomy slugs and URLs that collide.

Each article or page, as Pelican creates it (`content_object_init`, before its own
checks and before translations are grouped):

- a `lang` that is not a plain language tag (`/../search`) becomes DEFAULT_LANG: the
  language is part of the URL of a translation;
- a slug that would leave its folder (`../../../index`) or is not a file name becomes
  Pelican's slug of it plus a short hash of the original; an empty one (a title `!!!`)
  a hash; one longer than MAX_SLUG characters (a 100,000-character title) is cut at a
  word boundary. A safe slug, Pelican's own included, is kept as it is;
- a `save_as` or `url` that is not a path inside the output folder (`../x.html`,
  `javascript:…`) is dropped: the page follows the site's URL scheme;
- a tag, category or author whose slug is empty (`!!!`) gets a transliterated slug or
  a short hash of its name (its page would be `tag/.html`), a long one is cut; an
  empty name is dropped.

Once every article is read (`article_generator_pretaxonomy`; for pages
`page_generator_finalized`), the files that would be written to one place (two
articles with one slug, a page with slug `search`, a `save_as` of another page's
name) or that would be translations of each other in one language are told apart.
Pelican reads files in no fixed order, so this waits until all are read: in the order
of their source paths the first keeps its URL and each later one gets a suffix
(`same-2`), so both stay visible (a `save_as` from the metadata is dropped instead),
and translations are grouped again with Pelican's process_translations. Pelican has
grouped them once already and warned of the duplicates; its writer has not run. The
URLs claimed so far, the site's own pages first (index.html, search.html, feeds…),
are kept in the generators' shared context, so a page cannot take an article's URL.

Every repair is an ERROR naming the source file, what was wrong and what was done.
Relies on a Pelican internal: `Content.override_save_as`/`override_url`, where Pelican
keeps a `save_as`/`url` from the metadata.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import logging
import os
import posixpath
import re
import unicodedata

from pelican import signals
from pelican.contents import Article, Page
from pelican.urlwrappers import URLWrapper
from pelican.utils import order_content, process_translations

from archive_site import slugs

from . import inputs, pelican_cache, stale

logger = logging.getLogger(__name__)

#: The longest slug kept, in characters, and in UTF-8 bytes (a file name stops at 255
#: bytes, and `-de.annotations.json` goes after the slug).
MAX_SLUG = 120
MAX_SLUG_BYTES = 200
#: A plain language tag: `en`, `de`, `pt-BR`, `zh-Hant-TW`.
LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\Z")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: Where the generators' shared context keeps the URLs already claimed in this build.
CLAIMS = "archive_guard_claims"
#: Each generator's lists of content that process_translations groups, by status.
ARTICLE_LISTS = (
    ("articles", "translations"),
    ("hidden_articles", "hidden_translations"),
    ("drafts", "drafts_translations"),
)
PAGE_LISTS = (
    ("pages", "translations"),
    ("hidden_pages", "hidden_translations"),
    ("draft_pages", "draft_translations"),
)


def display_path(path: str) -> str:
    """The path as a user would type it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def shown(value, limit: int = 60) -> str:
    """A value for a log message, cut short (a title can be 100,000 characters)."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 5]}…{text[-1]}"


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:6]


def cut(slug: str) -> str:
    """The slug cut to MAX_SLUG characters (and MAX_SLUG_BYTES), at a word boundary
    when there is one in its last two thirds."""
    if len(slug) <= MAX_SLUG and len(slug.encode("utf-8", "surrogatepass")) <= MAX_SLUG_BYTES:
        return slug
    head = slug[:MAX_SLUG]
    while len(head.encode("utf-8", "surrogatepass")) > MAX_SLUG_BYTES:
        head = head[:-1]
    if slug[len(head)] != "-":  # cut inside a word: back to its start
        boundary = head.rfind("-")
        if boundary >= MAX_SLUG // 3:
            head = head[:boundary]
    return head.strip("-") or head


def is_safe(slug) -> bool:
    """Whether the slug is one file name inside its folder, of a sane length."""
    return (
        isinstance(slug, str)
        and slug.strip() != ""
        and "/" not in slug
        and "\\" not in slug
        and ".." not in slug
        and not slug.startswith(".")
        and not any(unicodedata.category(c).startswith("C") for c in slug)
        and cut(slug) == slug
    )


def slug_of(value: str, settings, kind: str = "SLUG") -> str:
    """Pelican's slug of the value (with the kind's regex substitutions), transliterated
    when Pelican keeps Unicode and its slug is empty (archive_site.slugs), cut to
    MAX_SLUG; '' when there is none or it is not safe."""
    slug = cut(slugs.slug_of(value, settings, kind))
    return slug if is_safe(slug) else ""


def repaired(value: str, settings, kind: str, prefix: str, *, mark: bool) -> str:
    """A safe slug for the value: Pelican's slug of it (with a short hash of the value
    when mark is set, so a hostile slug never takes a name of its own), else
    `<prefix>-<hash>`."""
    slug = slug_of(value, settings, kind)
    if not slug:
        return f"{prefix}-{short_hash(value)}"
    return f"{slug}-{short_hash(value)}" if mark else slug


# -- each article or page, as Pelican creates it -------------------------------------


def check_content(content) -> None:
    """Repair the language, slug, save_as/url and taxonomy slugs of an article or page."""
    if not isinstance(content, (Article, Page)):
        return
    path = display_path(content.source_path or "?")
    check_lang(content, path)
    check_slug(content, path)
    check_overrides(content, path)
    check_taxonomy(content, path)


def check_lang(content, path: str) -> None:
    lang = getattr(content, "lang", None)
    if isinstance(lang, str) and LANG_TAG.match(lang):
        return
    settings = content.settings
    default = settings.get("DEFAULT_LANG", "en").lower()
    logger.error("%s: lang %s is not a language tag; using %r", path, shown(lang), default)
    content.lang = default
    content.metadata["lang"] = default
    content.in_default_lang = True
    date_format = settings.get("DATE_FORMATS", {}).get(default, settings["DEFAULT_DATE_FORMAT"])
    if "date_format" not in content.metadata and isinstance(date_format, str):
        content.date_format = date_format
        if hasattr(content, "date"):
            content.locale_date = content.date.strftime(date_format)


def check_slug(content, path: str) -> None:
    slug = getattr(content, "slug", None)
    if slug is None or is_safe(slug):
        return
    if not isinstance(slug, str):  # `slug: 2024` in YAML
        slug = content.slug = str(slug)
        if is_safe(slug):
            return
    settings = content.settings
    prefix = type(content).__name__.lower()
    title = str(getattr(content, "title", "") or "")
    if "slug" not in content.metadata:  # Pelican's slug of the title
        if is_safe(cut(slug)):
            new = cut(slug)
            logger.error(
                "%s: title is %s characters: slug cut to %d", path, f"{len(title):,}", len(new)
            )
        else:
            new = repaired(title, settings, "SLUG", prefix, mark=False)
            logger.error("%s: title %s makes no usable slug; using %r", path, shown(title), new)
    elif not slug.strip():
        new = repaired(title, settings, "SLUG", prefix, mark=False)
        logger.error("%s: slug is empty; using %r", path, new)
    elif is_safe(cut(slug)):
        new = cut(slug)
        logger.error("%s: slug is %s characters: cut to %d", path, f"{len(slug):,}", len(new))
    else:
        leaves = "/" in slug or "\\" in slug or ".." in slug
        why = "leaves the output folder" if leaves else "is not a file name"
        new = repaired(slug, settings, "SLUG", prefix, mark=True)
        logger.error("%s: slug %s %s; using %r", path, shown(slug), why, new)
    content.slug = new
    if "slug" in content.metadata:
        content.metadata["slug"] = new


def unsafe_target(value) -> bool:
    """Whether a save_as or url from the metadata points outside the output folder (or
    is an address of its own, `javascript:`…)."""
    if not isinstance(value, str):
        return True
    parts = value.replace("\\", "/").split("/")
    return (
        value.startswith(("/", "\\"))
        or ".." in parts
        or _SCHEME.match(value) is not None
        or any(unicodedata.category(c).startswith("C") for c in value)
    )


def check_overrides(content, path: str) -> None:
    for key in ("save_as", "url"):
        value = getattr(content, f"override_{key}", None)
        if value is not None and unsafe_target(value):
            drop_overrides(content)
            logger.error(
                "%s: %s %s is not a path inside the output folder; using %s",
                path,
                key,
                shown(value),
                content.save_as,
            )
            return


def drop_overrides(content) -> None:
    """Forget the metadata's save_as and url: the page follows the URL scheme."""
    for key in ("save_as", "url"):
        if hasattr(content, f"override_{key}"):
            delattr(content, f"override_{key}")


def check_taxonomy(content, path: str) -> None:
    for attr in ("category", "author"):
        value = getattr(content, attr, None)
        if isinstance(value, URLWrapper):
            fixed = usable(value, path)
            if fixed is None:
                delattr(content, attr)
            elif fixed is not value:
                setattr(content, attr, fixed)
    for attr in ("tags", "authors"):
        values = getattr(content, attr, None)
        if isinstance(values, list) and any(isinstance(v, URLWrapper) for v in values):
            fixed = [usable(v, path) if isinstance(v, URLWrapper) else v for v in values]
            if any(new is not old for new, old in zip(fixed, values, strict=True)):
                setattr(content, attr, [v for v in fixed if v is not None])


def usable(wrapper: URLWrapper, path: str) -> URLWrapper | None:
    """The tag, category or author itself when its slug is safe, else a copy with a
    usable slug (the original may be in Pelican's reader cache), or None for no name."""
    kind = type(wrapper).__name__
    name = str(wrapper.name or "")
    if not name.strip():
        logger.error("%s: %s with an empty name; dropped", path, kind.lower())
        return None
    slug = wrapper.slug
    if is_safe(slug):
        return wrapper
    settings = wrapper.settings
    if slug and is_safe(cut(slug)):
        new = cut(slug)
        logger.error(
            "%s: %s %s makes a %s-character slug; cut to %d",
            path,
            kind.lower(),
            shown(name),
            f"{len(slug):,}",
            len(new),
        )
    else:
        new = repaired(name, settings, kind.upper(), kind.lower(), mark=bool(slug))
        why = "has an empty slug" if not slug else "makes a slug that is not a file name"
        logger.error("%s: %s %s %s; using %r", path, kind.lower(), shown(name), why, new)
    fixed = copy.copy(wrapper)
    fixed.slug = new
    return fixed


# -- every article (then every page) once they are all read --------------------------


def settle_articles(generator) -> None:
    settle(generator, ARTICLE_LISTS, "ARTICLE")


def settle_pages(generator) -> None:
    settle(generator, PAGE_LISTS, "PAGE")


def claims_of(context, settings) -> dict:
    """The output files claimed so far in this build, each with its owner; at first the
    site's own pages (index.html, search.html, feeds…)."""
    claims = context.get(CLAIMS)
    if claims is None:
        claims = context[CLAIMS] = {"files": {}, "paginated": [], "schemes": [], "groups": {}}
        files = claims["files"]
        for name in settings.get("DIRECT_TEMPLATES", ()):
            save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
            if isinstance(save_as, str) and save_as:
                files[normal(save_as)] = f"the site's {name} page"
                if name in settings.get("PAGINATED_TEMPLATES", {}):
                    stem, ext = posixpath.splitext(normal(save_as))
                    pattern = re.compile(rf"{re.escape(stem)}\d+{re.escape(ext)}\Z")
                    claims["paginated"].append((pattern, f"the site's {name} pages"))
        for key, value in settings.items():
            if not (key.isupper() and key.endswith(("_SAVE_AS", "_ATOM", "_RSS"))):
                continue
            if not isinstance(value, str) or not value:
                continue
            if "{" not in value:
                files.setdefault(normal(value), key)
            elif not key.startswith(("ARTICLE_", "PAGE_", "DRAFT_")):  # tag/{slug}.html…
                claims["schemes"].append((scheme_pattern(value), f"a {key} page"))
    return claims


def scheme_pattern(save_as: str) -> re.Pattern:
    """The files a URL scheme such as `tag/{slug}.html` names."""
    parts = re.split(r"\{[^}]*\}", normal(save_as))
    return re.compile("[^/]+".join(re.escape(part) for part in parts) + r"\Z")


def target(item) -> str:
    """The item's save_as, normalized ("" for none): formatted once."""
    save_as = item.save_as
    return normal(save_as) if save_as else ""


def normal(save_as: str) -> str:
    return posixpath.normpath(save_as.replace("\\", "/")).lstrip("/")


def settle(generator, lists, kind: str) -> None:
    """Give every file a URL of its own (see the module docstring), then group the
    translations again if any changed."""
    settings = generator.settings
    claims = claims_of(generator.context, settings)
    translation_id = settings.get(f"{kind}_TRANSLATION_ID")
    ids = [translation_id] if isinstance(translation_id, str) else list(translation_id or ())
    by_id = "slug" in ids  # a new slug separates two items of one group
    items = {}
    for bucket, names in enumerate(lists):
        for name in names:
            for item in getattr(generator, name, ()):
                items.setdefault(id(item), (bucket, item))
    changed = False
    for bucket, item in sorted(items.values(), key=lambda entry: entry[1].source_path or ""):
        path = display_path(item.source_path or "?")
        group = ids if by_id else None
        # Pelican formats save_as from the settings at every use: once per attempt here
        save_as = target(item)
        while (problem := conflict(item, bucket, group, claims, save_as)) is not None:
            changed = True
            if problem.startswith("same URL") and hasattr(item, "override_save_as"):
                drop_overrides(item)
                save_as = target(item)
                logger.error("%s: %s; using %s", path, problem, item.save_as)
                continue
            base = item.slug
            for number in itertools.count(2):
                item.slug = f"{base}-{number}"
                save_as = target(item)
                if conflict(item, bucket, group, claims, save_as) is None:
                    break
            if "slug" in item.metadata:
                item.metadata["slug"] = item.slug
            logger.error("%s: %s; renamed to %s", path, problem, item.save_as)
        if save_as:
            claims["files"][save_as] = path
        if by_id:
            claims["groups"][translation_group(item, bucket, ids)] = path
    if changed:
        for originals, translations in lists:
            everything = getattr(generator, originals) + getattr(generator, translations)
            found, others = process_translations(everything, translation_id=translation_id)
            getattr(generator, originals)[:] = order_content(found, settings[f"{kind}_ORDER_BY"])
            getattr(generator, translations)[:] = others


def translation_group(item, bucket: int, ids: list[str]) -> tuple:
    """What process_translations groups the item by, with its language: two items of
    one group and one language are not translations of each other."""
    return bucket, tuple(str(getattr(item, name, "")) for name in ids), item.lang


def conflict(item, bucket: int, ids: list[str] | None, claims, save_as: str) -> str | None:
    """What the item's URL (its save_as, normalized; or, with ids, its translation
    group) collides with, or None."""
    owner = claims["files"].get(save_as) if save_as else None
    patterns = claims["paginated"]
    if hasattr(item, "override_save_as"):  # a name of the metadata's choosing
        patterns = patterns + claims["schemes"]
    if owner is None and save_as:
        owner = next((who for pattern, who in patterns if pattern.match(save_as)), None)
    if owner is not None:
        return f"same URL as {owner} ({save_as})"
    group = translation_group(item, bucket, ids) if ids is not None else None
    if group is not None and group in claims["groups"]:
        other = claims["groups"][group]
        return f"same slug and language as {other} ({shown(item.slug)}, {item.lang})"
    return None


def register() -> None:
    signals.initialized.connect(pelican_cache.check_pelican_caches)
    signals.initialized.connect(inputs.find_articles)
    signals.content_object_init.connect(check_content)
    signals.article_generator_pretaxonomy.connect(settle_articles)
    signals.page_generator_finalized.connect(settle_pages)
    signals.all_generators_finalized.connect(stale.remove_after_writing)
