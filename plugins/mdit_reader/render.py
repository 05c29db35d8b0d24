"""Render an article body to safe HTML with markdown-it-py.

Raw HTML in articles is allowed, but the output always goes through an allow-list
sanitizer (nh3, the Ammonia library): no script, no event handler, no javascript: URL
can reach a reader's browser. Raw HTML is also checked for tags left open, which are
reported with their line and closed at the end of the article.

markdown-it drops, silently, what is nested deeper than its limit (maxNesting); here
the limit is MAX_NESTING and the deeper text is kept as plain paragraphs, with a warning.
That one part depends on markdown-it-py's block parser beyond its plugin API (a
ParserBlock subclass overriding tokenize(), reading StateBlock's line tables; pinned at
4.3.0): tests/site/test_hostile_metadata.py checks the deep lists and blockquotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html.parser import HTMLParser

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
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
_ACTIVE_TAGS = "script|iframe|frame|frameset|object|embed|applet|style|base|meta|link|form"
_ACTIVE = re.compile(
    rf"<\s*(?P<tag>{_ACTIVE_TAGS})\b|\s(?P<handler>on[a-z]+)\s*=|javascript:", re.I
)
_ACTIVE_ATTR = re.compile(r"on[a-z]+", re.I)
_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript)\s*:", re.I)

#: How deep blocks may nest (a list level counts two, a blockquote one). CommonMark's
#: preset allows 20, so a list ten levels deep loses items; each level costs markdown-it
#: three Python frames, so 100 stays far below Python's recursion limit.
MAX_NESTING = 100
_FLATTENED = "mdit_reader_flattened"  # env key: lines where nesting was too deep


class _FlatteningBlockParser(ParserBlock):
    """markdown-it's block parser, but what is nested deeper than maxNesting is kept as
    plain paragraphs (markdown-it drops it), and where it starts is noted in env."""

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        if state.level < state.md.options.maxNesting:
            super().tokenize(state, startLine, endLine)
            return
        line = state.skipEmptyLines(startLine)
        first = line
        group = None
        # this block's lines end where one is indented less, as tokenize() ends them
        # (a negative indent is a lazy line of a blockquote: it belongs to it)
        while line < endLine and not (0 <= state.sCount[line] < state.blkIndent):
            if state.isEmpty(line):
                if group is not None:
                    _flat_paragraph(state, group, line)
                group = None
            elif group is None:
                group = line
            line += 1
        if group is not None:
            _flat_paragraph(state, group, line)
        if first < line and isinstance(state.env, dict):
            state.env.setdefault(_FLATTENED, []).append(first)
        state.line = line


def _flat_paragraph(state: StateBlock, start: int, end: int) -> None:
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, end]
    token = state.push("inline", "", 0)
    token.content = mdTrim(state.getLines(start, end, state.blkIndent, False))
    token.map = [start, end]
    token.children = []
    state.push("paragraph_close", "p", -1)


def make_parser(plugin_names: Sequence[str], html: bool) -> MarkdownIt:
    """A markdown-it parser with CommonMark plus the named plugins."""
    md = MarkdownIt("commonmark", {"html": html, "maxNesting": MAX_NESTING})
    block = _FlatteningBlockParser()
    block.ruler = md.block.ruler  # the rules as the preset enabled them
    md.block = block
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
    env: dict = {}
    tokens = md.parse(body, env)
    warnings = check_raw_html(tokens, path, first_line)
    if flattened := env.get(_FLATTENED):
        warnings.append(
            f"{path}:{first_line + min(flattened)}: nesting deeper than "
            f"{md.options.maxNesting} levels (lists count two); the deeper text is shown "
            "as plain paragraphs"
        )
    return sanitize(md.renderer.render(tokens, md.options, env)), warnings


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
        warnings += _active_attrs(token, path, line)
        if token.type == "html_block":
            warnings += _active(token, path, line)
            blocks.line = line
            blocks.feed(token.content)
        elif token.type == "inline" and token.children:
            inline = _TagStack()
            inline.line = line
            for child in token.children:
                warnings += _active_attrs(child, path, line)
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
    m = _ACTIVE.search(token.content)
    if not m:
        return []
    if m.group("tag"):
        what = f"<{m.group('tag').lower()}>"
    elif m.group("handler"):
        what = f"event handler {m.group('handler').lower()}"
    else:
        what = "javascript: URL"
    return [
        f"{path}:{line}: removed active HTML ({what}): "
        "nothing in an article may run in a reader's browser"
    ]


def _active_attrs(token: Token, path: str, line: int) -> list[str]:
    """Attributes set with the attrs syntax ({onclick=…}) that are removed: by the attrs
    plugin (event handlers, links markdown-it refuses) or by the sanitizer."""
    refused = dict((token.meta or {}).get("insecure_attrs") or {})
    refused |= {
        name: value
        for name, value in (token.attrs or {}).items()
        if _ACTIVE_ATTR.fullmatch(name)
        or (name in {"href", "src", "action", "formaction"} and _SCRIPT_URL.match(str(value)))
    }
    if not refused:
        return []
    name, value = next(iter(refused.items()))
    return [
        f"{path}:{line}: removed active HTML (attribute {name}={str(value)!r:.40}): "
        "nothing in an article may run in a reader's browser"
    ]
