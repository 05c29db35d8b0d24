"""A Pelican Writer that skips pages whose inputs did not change.

Pelican renders every page at every build. An article page depends on the article
(its content with links resolved, metadata, and whatever plugins attached to it: here
the quotations and speakers), on the templates, on the settings, and on whatever else
of the site the article template reads. This writer keeps a digest of those inputs for
each page in CACHE_PATH/pages.json and, when the digest and the file in the output
folder are both unchanged, leaves the page alone: not rendered, not rewritten. Other
pages (lists, speakers) are rendered at every build: each depends on many articles.

What the template reads is found by parsing it (and every template it extends,
includes or imports): settings (UPPERCASE names) and site-wide values such as
`articles` or `pages` go into one digest for the whole build, so a theme that lists
the latest articles on every article page re-renders them all when an article
changes, as it must. A value the writer cannot describe (an unknown object) turns the
skipping off for the build, never on.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import logging
import os
from pathlib import Path

from jinja2 import meta, nodes
from pelican import signals
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

logger = logging.getLogger(__name__)

#: Names an article page's template gets for itself (digested per page, not per site).
PAGE_NAMES = {"article", "category", "url", "output_file", "localsiteurl", "SITEURL"}
#: Attributes of an article that are not the article's own (or are digested otherwise).
SKIP_ATTRS = {"_context", "settings", "_content", "_summary", "quote_extraction"}


class Unstable(Exception):
    """A value with no stable description: the page cannot be skipped safely."""


def describe(value, depth: int = 0):
    """A JSON-able description of value that is equal across builds iff value is."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (dict, list)):
        try:  # plain data (most of it): the C encoder is much faster than the walk below
            return json.dumps(value, sort_keys=True, ensure_ascii=False)
        except (TypeError, ValueError):
            pass
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, URLWrapper):
        return [type(value).__name__, value.name, value.url]
    if isinstance(value, Content):
        if depth == 0:
            raise Unstable("a page's own article is described by page_digest")
        # another article (a translation, a list of articles): what a template shows
        text = (value._content or "").encode("utf-8", "surrogatepass")
        return [
            type(value).__name__,
            value.url,
            str(getattr(value, "title", "")),
            describe(getattr(value, "date", None), depth + 1),
            hashlib.sha1(text).hexdigest(),
        ]
    if isinstance(value, dict):
        return [[str(k), describe(v, depth + 1)] for k, v in sorted(value.items(), key=str)]
    if isinstance(value, (list, tuple)):
        return [describe(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((describe(v, depth + 1) for v in value), key=json.dumps)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            type(value).__name__,
            [describe(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value)],
        ]
    if isinstance(value, (datetime.tzinfo, Path)):
        return str(value)
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    if hasattr(value, "__html__"):  # markupsafe.Markup and friends
        return str(value)
    raise Unstable(f"cannot describe a {type(value).__name__}")


def _digest(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def template_names(env, name: str, seen: set[str] | None = None) -> set[str]:
    """The template and every template it extends, includes or imports."""
    seen = seen if seen is not None else set()
    if name in seen:
        return seen
    seen.add(name)
    source = env.loader.get_source(env, name)[0]
    for ref in meta.find_referenced_templates(env.parse(source)):
        if ref:
            template_names(env, ref, seen)
    return seen


def variables(env, names: set[str]) -> set[str]:
    """The context names the templates read (macros' own parameters excluded)."""
    found: set[str] = set()
    for name in names:
        ast = env.parse(env.loader.get_source(env, name)[0])
        found |= meta.find_undeclared_variables(ast)
        for macro in ast.find_all(nodes.Macro):
            found -= {arg.name for arg in macro.args}
    return found


class SkipUnchangedWriter(Writer):
    """Pelican's Writer, leaving unchanged article pages as they are."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        cache = (settings or {}).get("CACHE_PATH")
        enabled = (settings or {}).get("INCREMENTAL_WRITES", True)
        self.manifest_path = Path(cache) / "pages.json" if cache and enabled else None
        self.old: dict[str, str] = {}
        self.new: dict[str, str] = {}
        self.site: dict[str, str | None] = {}  # per template: the site-wide digest
        self.skipped = self.rendered = 0
        if self.manifest_path is not None:
            try:
                self.old = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.old = {}

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        article = kwargs.get("article")
        digest = None
        if self.manifest_path and name and not paginated and isinstance(article, Content):
            digest = self.page_digest(name, template, context, relative_urls, kwargs)
            path = sanitised_join(self.output_path, name)
            if digest is not None and self.old.get(name) == digest and os.path.isfile(path):
                self.new[name] = digest
                self.skipped += 1
                return None
            self.rendered += 1
        result = super().write_file(
            name,
            template,
            context,
            relative_urls,
            paginated,
            template_name,
            override_output,
            url,
            **kwargs,
        )
        if digest is not None:
            self.new[name] = digest
        return result

    def site_digest(self, template, context) -> str | None:
        """Everything but the article that the template reads, once per build."""
        if template.name in self.site:
            return self.site[template.name]
        env = template.environment
        try:
            names = template_names(env, template.name)
            used = variables(env, names)
            data = {
                "templates": {n: env.loader.get_source(env, n)[0] for n in sorted(names)},
                "context": {
                    n: describe(context.get(n), depth=1)
                    for n in sorted(used - PAGE_NAMES)
                    if n in context
                },
                "settings": describe(
                    {k: v for k, v in self.settings.items() if k.isupper() and k in used}, 1
                ),
            }
            digest = _digest(data)
        except Unstable as why:
            logger.info("every article page is rendered: %s", why)
            digest = None
        except Exception as err:  # noqa: BLE001 - skipping is an optimisation only
            logger.info("every article page is rendered: %s: %s", type(err).__name__, err)
            digest = None
        self.site[template.name] = digest
        return digest

    def page_digest(self, name, template, context, relative_urls, kwargs) -> str | None:
        site = self.site_digest(template, context)
        if site is None:
            return None
        article = kwargs.get("article")
        siteurl = (
            path_to_url(get_relative_path(name))
            if relative_urls
            else context.get("localsiteurl", "")
        )
        try:
            data = [
                site,
                name,
                siteurl,
                describe({k: v for k, v in kwargs.items() if k != "article"}, 1),
            ]
            if isinstance(article, Content):
                own = {k: describe(v, 1) for k, v in vars(article).items() if k not in SKIP_ATTRS}
                data += [article.get_content(siteurl), own]
            return _digest(data)
        except Unstable as why:
            logger.debug("%s is rendered: %s", name, why)
            return None

    def save(self) -> None:
        if self.manifest_path is None:
            return
        try:
            self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.manifest_path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.new, sort_keys=True), encoding="utf-8")
            os.replace(tmp, self.manifest_path)
        except OSError as err:
            logger.warning("cannot save %s: %s", self.manifest_path, err)
        logger.info(
            "Pages: %d rendered, %d unchanged and left as they were",
            self.rendered,
            self.skipped,
        )


_writer: SkipUnchangedWriter | None = None


def get_writer(pelican):
    return _Tracked


class _Tracked(SkipUnchangedWriter):
    def __init__(self, output_path, settings=None):
        global _writer
        super().__init__(output_path, settings=settings)
        _writer = self


def on_finalized(pelican) -> None:
    global _writer
    if _writer is not None:
        _writer.save()
        _writer = None


def register() -> None:
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(on_finalized)
