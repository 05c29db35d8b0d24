"""Render an article body to safe HTML with markdown-it-py.

Raw HTML in articles is allowed, but the output always goes through an allow-list
sanitizer (nh3, the Ammonia library): no script, no event handler, no javascript: URL
can reach a reader's browser. Raw HTML is also checked for tags left open, which are
reported with their line and closed at the end of the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html.parser import HTMLParser

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin


def _attrs(md: MarkdownIt) -> None:
    # spans too: "[“…”]{data-speaker="Anna Berg"}" is how editors correct quotations
    attrs_plugin(md, spans=True)
    attrs_block_plugin(md)


#: The markdown-it features an archive can switch on by name in MDIT_PLUGINS.
PLUGINS: dict[str, Callable[[MarkdownIt], object]] = {
    "footnote": footnote_plugin,
    "table": lambda md: md.enable("table"),
    "strikethrough": lambda md: md.enable("strikethrough"),
    "deflist": deflist_plugin,
    "attrs": _attrs,
    "anchors": lambda md: anchors_plugin(md, max_level=3),
    "tasklists": tasklists_plugin,
}

# What survives sanitizing: ordinary document markup, never active content.
_TAGS = set(nh3.ALLOWED_TAGS) | {"section", "input", "figure", "figcaption", "cite", "q"}
_TAGS -= {"center", "acronym", "strike", "tt"}
_GLOBAL_ATTRS = {"id", "class", "title", "lang", "dir"}
_ATTRS = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRS["*"] = _GLOBAL_ATTRS
_ATTRS["a"] = {"href", "hreflang"}
_ATTRS["img"] = {"src", "alt", "width", "height", "loading"}
_ATTRS["input"] = {"type", "checked", "disabled"}
_ATTRS["ol"] = {"start", "type"}
_ATTRS["time"] = {"datetime"}
# Editorial corrections of quotations (see the README): text attributes, never code.
_ATTRS["span"] = {"data-speaker", "data-quote", "data-kind", "data-role", "data-type"}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}

#: Elements that have no closing tag (HTML living standard).
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_ACTIVE = re.compile(r"<\s*(script|iframe|object|embed|style)\b|\son[a-z]+\s*=|javascript:", re.I)


def make_parser(plugin_names: Sequence[str], html: bool) -> MarkdownIt:
    """A markdown-it parser with CommonMark plus the named plugins."""
    md = MarkdownIt("commonmark", {"html": html})
    for name in plugin_names:
        PLUGINS[name](md)
    return md


def sanitize(html: str) -> str:
    """Remove anything that could run in the browser; balance the markup."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRS,
        url_schemes=_URL_SCHEMES,
        clean_content_tags={"script", "style"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render(md: MarkdownIt, body: str, path: str, first_line: int) -> tuple[str, list[str]]:
    """Render body to sanitized HTML; return it with warnings naming file and line."""
    tokens = md.parse(body, {})
    warnings = check_raw_html(tokens, path, first_line)
    return sanitize(md.renderer.render(tokens, md.options, {})), warnings


def render_inline(md: MarkdownIt, text: str) -> str:
    """Render one metadata field (such as a summary) as safe inline HTML."""
    return sanitize(md.renderInline(text))


class _TagStack(HTMLParser):
    """Tracks which tags a stream of raw HTML leaves open, with their lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.line = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, self.line))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return


def check_raw_html(tokens: list[Token], path: str, first_line: int) -> list[str]:
    """Report raw HTML that is active or left open, and repair what is left open.

    A tag opened by inline HTML is closed at the end of its own paragraph, so one
    stray <em> cannot italicise the rest of the article; a tag opened by an HTML
    block may wrap several Markdown blocks on purpose, so it is closed at the end.
    """
    warnings = []
    blocks = _TagStack()
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "html_block":
            warnings += _active(token, path, line)
            blocks.line = line
            blocks.feed(token.content)
        elif token.type == "inline" and token.children:
            inline = _TagStack()
            inline.line = line
            for child in token.children:
                if child.type == "html_inline":
                    warnings += _active(child, path, line)
                    inline.feed(child.content)
            for tag, _ in reversed(inline.stack):
                closing = Token("html_inline", "", 0)
                closing.content = f"</{tag}>"
                token.children.append(closing)
                warnings.append(
                    f"{path}:{line}: <{tag}> is never closed; closed at the end of its paragraph"
                )
    blocks.close()
    for tag, line in blocks.stack:
        warnings.append(f"{path}:{line}: <{tag}> is never closed; closed at the end of the article")
    return warnings


def _active(token: Token, path: str, line: int) -> list[str]:
    if not _ACTIVE.search(token.content):
        return []
    return [
        f"{path}:{line}: removed active HTML (script, event handler or javascript: URL): "
        "nothing in an article may run in a reader's browser"
    ]
