"""Descriptions of what a page is made from, stable across builds: the writer compares
their digests with the last build's to leave unchanged pages alone (see writer.py)."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import operator
from collections.abc import Callable
from pathlib import Path

from jinja2 import meta, nodes
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

from archive_site import pelican_internals

#: Attributes of an article that are not the article's own (or are digested otherwise).
SKIP_ATTRS = {"_context", "settings", "_content", "_summary"}


class Unstable(Exception):
    """A value with no stable description: the page cannot be skipped safely."""


class Describer:
    """Descriptions of values (JSON text), equal across builds iff the values are.

    Plain data goes through the C JSON encoder; other values (dates, URL wrappers,
    dataclasses, pages of a list) are turned into plain data as it meets them. An
    article is described once per build (lists of articles repeat them on every list
    page), as fully as its own page needs: every attribute but the context, and its
    content.
    """

    def __init__(self):
        self._articles: dict[int, tuple[Content, str]] = {}
        self._active: set[int] = set()  # articles being described (translations cycle)
        # per dataclass: its name and a getter of its fields' values (a tuple)
        self._fields: dict[type, tuple[str, Callable]] = {}
        self._whole_lists = True
        self._sorted = json.JSONEncoder(
            default=self._default, sort_keys=True, ensure_ascii=False
        ).encode

    def __call__(self, value, whole_lists: bool = True) -> str:
        self._whole_lists = whole_lists
        try:
            return self._sorted(value)
        except TypeError:  # keys that are not strings, or cannot be sorted
            return json.dumps(self._plain(value), default=self._default, ensure_ascii=False)

    def _plain(self, value):
        if isinstance(value, dict):
            return [[str(k), self._plain(v)] for k, v in sorted(value.items(), key=str)]
        if isinstance(value, (list, tuple)):
            return [self._plain(v) for v in value]
        return value

    def _default(self, value):
        known = self._fields.get(type(value))
        if known is not None:  # a dataclass met before
            return [known[0], *known[1](value)]
        if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
            return value.isoformat()
        if isinstance(value, URLWrapper):
            return [type(value).__name__, value.name, value.url]
        if isinstance(value, Content):
            return self.article(value)
        if isinstance(value, Page):
            return [
                "Page",
                value.number,
                value.url,
                value.save_as,
                value.object_list,
                value.paginator,
            ]
        if isinstance(value, Paginator):
            listed = value.object_list if self._whole_lists else None
            return ["Paginator", value.name, value.url, value.num_pages, value.count, listed]
        if isinstance(value, (set, frozenset)):
            return sorted(self(v, self._whole_lists) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = [f.name for f in dataclasses.fields(value)]
            getter = operator.attrgetter(*names) if len(names) > 1 else _one(names)
            self._fields[type(value)] = (type(value).__name__, getter)
            return self._default(value)
        if isinstance(value, (datetime.tzinfo, Path)):
            return str(value)
        if callable(value):
            return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
        if hasattr(value, "__html__"):  # markupsafe.Markup and friends
            return str(value)
        raise Unstable(f"cannot describe a {type(value).__name__}")

    def article(self, article: Content) -> str:
        """An article's own digest: its attributes and its content."""
        known = self._articles.get(id(article))
        if known is not None and known[0] is article:
            return known[1]
        if id(article) in self._active:  # an article its own attributes lead back to
            return ["Content", str(getattr(article, "source_path", ""))]
        whole_lists = self._whole_lists
        # long texts (the content, plugins' JSON) by their hash: escaping them is slower
        own = {
            k: text_digest(v) if isinstance(v, str) and len(v) > 256 else v
            for k, v in vars(article).items()
            if k not in SKIP_ATTRS
        }
        own["_content"] = text_digest(pelican_internals.get_html(article))
        own["url"] = article.url  # made from settings no template names (ARTICLE_URL)
        self._active.add(id(article))
        try:
            described = self(own)
        finally:
            self._active.discard(id(article))
            self._whole_lists = whole_lists
        digest = text_digest(f"{type(article).__name__}\n{described}")
        self._articles[id(article)] = (article, digest)
        return digest


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _one(names: list[str]) -> Callable:
    """The getter of a dataclass's values as a tuple, for one field or none."""
    return lambda value: tuple(getattr(value, name) for name in names)


def parts_digest(parts: list[str]) -> str:
    """The digest of a sequence of texts (each framed by its length: no two sequences
    share their bytes), without escaping them as JSON."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def digest_of(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Templates:
    """A theme's templates, each read once per build, and what each refers to and reads.

    That analysis (the templates it extends, includes or imports, the names it reads,
    whether it reads more of a list than its page) is a parse of the template; it is
    kept in `known` by a digest of the template's source, so a rebuild parses only the
    templates that changed (the writer keeps `known` between builds)."""

    def __init__(self, env, known: dict | None = None):
        self.env = env
        self.known = known if known is not None else {}
        self.used: set[str] = set()  # the keys of `known` this build asked for
        self._sources: dict[str, str] = {}

    def source(self, name: str) -> str:
        if name not in self._sources:
            self._sources[name] = self.env.loader.get_source(self.env, name)[0]
        return self._sources[name]

    def parse(self, name: str) -> nodes.Template:
        return self.env.parse(self.source(name))

    def analysis(self, name: str) -> dict:
        """{"refs": templates referred to (None: one by a computed name), "reads": the
        context names it reads, "whole_lists": see reads_whole_lists}."""
        key = text_digest(self.source(name))
        self.used.add(key)
        found = self.known.get(key)
        if not _is_analysis(found):  # none yet, or a damaged cache's
            tree = self.parse(name)
            found = self.known[key] = {
                "refs": list(meta.find_referenced_templates(tree)),
                "reads": sorted(meta.find_undeclared_variables(tree)),
                "whole_lists": _reads_whole_lists(tree),
            }
        return found

    def names(self, name: str, seen: set[str] | None = None) -> set[str]:
        """The template and every template it extends, includes or imports."""
        seen = seen if seen is not None else set()
        if name in seen:
            return seen
        seen.add(name)
        for ref in self.analysis(name)["refs"]:
            if not ref:
                raise Unstable(f"{name} includes a template by a computed name")
            self.names(ref, seen)
        return seen

    def variables(self, names: set[str]) -> set[str]:
        """The context names the templates read (Jinja leaves macros' parameters out)."""
        found: set[str] = set()
        for name in names:
            found.update(self.analysis(name)["reads"])
        return found

    def reads_whole_lists(self, names: set[str]) -> bool:
        """Whether the templates read more of a paginated list than their own page of
        it: `object_list` of anything but the page's own `..._page` (its paginator, the
        page before or after), or a page's `paginator`."""
        return any(self.analysis(name)["whole_lists"] for name in names)


def _is_analysis(found) -> bool:
    return (
        isinstance(found, dict)
        and isinstance(found.get("refs"), list)
        and isinstance(found.get("reads"), list)
        and isinstance(found.get("whole_lists"), bool)
    )


def _reads_whole_lists(tree: nodes.Template) -> bool:
    for node in tree.find_all(nodes.Getattr):
        if node.attr == "paginator":
            return True
        if node.attr == "object_list" and not (
            isinstance(node.node, nodes.Name)
            and node.node.name.endswith("_page")
            and not node.node.name.endswith(("_previous_page", "_next_page"))
        ):
            return True
    return False
