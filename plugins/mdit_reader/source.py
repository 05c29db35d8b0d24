"""Read an article file: decode its bytes and split its metadata header from its body.

Two header styles are accepted, so that existing Pelican archives build unchanged:
YAML front matter between ``---`` lines, and Pelican's ``Key: value`` lines ended by
a blank line. Every problem is reported with the file and line it concerns.

Hostile input is refused or repaired here, before any parser sees it: YAML aliases
(the "billion laughs" bomb) are refused, and control characters, which no feed may
contain, are removed with one warning per file.
"""

from __future__ import annotations

import codecs
import datetime
import re
from dataclasses import dataclass, field

import yaml


class ContentError(Exception):
    """An article cannot be built; the message says where and why."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass(slots=True)
class Source:
    """A decoded article: header fields with their line numbers, and the body."""

    path: str
    fields: dict[str, tuple[object, int]]
    body: str
    body_line: int  # 1-based line of the file where the body starts
    warnings: list[str] = field(default_factory=list)


class _HeaderLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML without implicit dates: Pelican parses dates itself and reports bad ones.

    LibYAML's parser when PyYAML has it (twice as fast on a big archive's headers);
    a header it rejects is read again by _PlainHeaderLoader, whose messages point at
    the line where the mistake is.
    """


class _PlainHeaderLoader(yaml.SafeLoader):
    """The pure-Python parser, for its precise error messages."""


_HeaderLoader.yaml_implicit_resolvers = _PlainHeaderLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# Pelican's own Markdown header syntax: "Key: value", continuation lines indented.
_PELICAN_KEY = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")
_CONTINUATION = re.compile(r"^[ ]{4,}(.*)$")
_FENCE_CLOSE = {"---", "..."}

# What XML 1.0, and so every feed, refuses: C0 controls but tab and newlines (NUL, the
# vertical tab Word writes for a line break, the form feed of old text files, …) and
# the two non-characters U+FFFE and U+FFFF.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Byte order marks other than UTF-8's, longest first: UTF-32-LE's begins like UTF-16-LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(path: str, raw: bytes, fallback: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM), or UTF-16 or UTF-32 with their BOM;
    on invalid bytes fall back and say where."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), []
            except UnicodeDecodeError as err:
                return raw.decode(encoding, errors="replace"), [
                    f"{path}: not valid {encoding.upper()} (at byte {err.start:,}); "
                    "the bytes that are not were replaced by U+FFFD"
                ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        text = raw.decode(fallback, errors="replace")
        return text, [
            f"{path}:{line}: not valid UTF-8 (byte 0x{raw[err.start]:02x}); "
            f"read the file as {fallback} instead. Save it as UTF-8 to silence this."
        ]


def split_header(path: str, text: str) -> Source:
    """Split the metadata header (YAML or Pelican style) from the body.

    Control characters, which no feed may contain, are removed, from the file and from
    what YAML escapes ("\\b") make of it, with one warning naming the first line: a
    vertical tab (Word's line break) or form feed becomes a space (inside a paragraph a
    line break shows as a space anyway, and a space keeps every later line number right
    and cannot start a new Markdown block); the others (NUL, …) are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = CONTROL_CHARACTERS.findall(text)
    first = None
    if found:
        first = text.count("\n", 0, CONTROL_CHARACTERS.search(text).start()) + 1
        text = without_control_characters(text)
    lines = text.split("\n")
    escaped: list[tuple[int, list[str]]] = []
    if lines and lines[0].strip() == "---":
        source = _yaml_header(path, lines, escaped)
    elif lines and _PELICAN_KEY.match(lines[0]):
        source = _pelican_header(path, lines)
    else:
        source = Source(path, {}, text, 1)
    for line, chars in escaped:
        found += chars
        first = line if first is None else min(first, line)
    if found:
        kinds = " ".join(f"U+{ord(c):04X}" for c in sorted(set(found)))
        source.warnings.append(
            f"{path}:{first}: removed {count_of(len(found), 'control character')} ({kinds})"
        )
    return source


def count_of(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def without_control_characters(text: str) -> str:
    """The text with vertical tabs and form feeds as spaces, other controls dropped."""
    return CONTROL_CHARACTERS.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", text)


#: How deep lists and mappings may nest in a header; deeper ones are refused (a
#: parser nests a call per level: 100,000 levels crash LibYAML, 1,000 Python's).
MAX_YAML_DEPTH = 50


def check_yaml_events(block: str, loader: type) -> tuple[str, int] | None:
    """What makes a YAML text unsafe to load, and its 0-based line; None when nothing.

    Refuses aliases (*name): nested ones make a few hundred bytes expand to gigabytes
    (anchors alone are harmless), and nesting deeper than MAX_YAML_DEPTH. Only the
    event stream is read, so nothing expands or recurses. A text that holds no '*' and
    too few brackets, dashes and lines to nest that deep is not even read.
    """
    openers = sum(block.count(c) for c in "[{-?") + block.count("\n") + 1
    if "*" not in block and openers <= MAX_YAML_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(block, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return (
                        f"lists or mappings nested deeper than {MAX_YAML_DEPTH} levels",
                        _event_line(event),
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                return f"a YAML alias (*{event.anchor})", _event_line(event)
    except yaml.YAMLError:
        return None  # not valid YAML: loading it reports where
    return None


def _event_line(event: yaml.Event) -> int:
    return event.start_mark.line if event.start_mark else 0


def _refuse_unsafe_yaml(path: str, block: str, first_line: int) -> None:
    found = check_yaml_events(block, _HeaderLoader)
    if found is None:
        return
    what, line = found
    if what.startswith("a YAML alias"):
        reason = f"front matter uses {what}; aliases are not allowed in metadata"
    else:
        reason = f"front matter has {what}"
    raise ContentError(path, first_line + line, reason)


def _yaml_header(path: str, lines: list[str], escaped: list[tuple[int, list[str]]]) -> Source:
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in _FENCE_CLOSE), None)
    if end is None:
        raise ContentError(path, 1, "front matter opened with '---' is never closed by '---'")
    block = "\n".join(lines[1:end])
    _refuse_unsafe_yaml(path, block, 2)
    try:
        data = yaml.load(block, Loader=_HeaderLoader) if block.strip() else {}
    except yaml.YAMLError:
        err = _plain_error(block)
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise ContentError(path, line, f"front matter is not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise ContentError(path, 2, "front matter must be 'key: value' lines (a YAML mapping)")
    key_lines = _key_lines(lines[1:end], first_line=2)
    fields = {}
    for key, value in data.items():
        name = without_control_characters(str(key)).strip().lower()
        line, removed = key_lines.get(name, 2), []
        try:
            fields[name] = (_plain(value, removed), line)
        except TypeError as err:
            raise ContentError(path, line, f"metadata '{name}' {err}") from None
        if removed:
            escaped.append((line, removed))
    return Source(path, fields, "\n".join(lines[end + 1 :]), end + 2)


def _plain_error(block: str) -> yaml.YAMLError:
    try:
        yaml.load(block, Loader=_PlainHeaderLoader)
    except yaml.YAMLError as err:
        return err
    return yaml.YAMLError("not valid YAML")


def _key_lines(lines: list[str], first_line: int) -> dict[str, int]:
    """Where each top-level key of a header stands, for error messages."""
    found = {}
    for i, line in enumerate(lines):
        m = _PELICAN_KEY.match(line)
        if m and not line.startswith(" "):
            found.setdefault(m.group(1).lower(), first_line + i)
    return found


def _plain(value: object, removed: list[str]) -> object:
    """YAML gives dates and numbers; Pelican's metadata processors want strings.

    Control characters that YAML escapes made ("\\x07") are removed and put in removed.
    """
    if isinstance(value, str):
        if CONTROL_CHARACTERS.search(value):
            removed += CONTROL_CHARACTERS.findall(value)
            return without_control_characters(value)
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v, removed) for v in value]
    if isinstance(value, dict):
        return {_plain(k, removed): _plain(v, removed) for k, v in value.items()}
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    # bytes (!!binary), sets (!!set), …: nothing a template could show
    raise TypeError(f"is {type(value).__name__} (a YAML tag?); metadata is text or lists")


def _pelican_header(path: str, lines: list[str]) -> Source:
    fields: dict[str, tuple[object, int]] = {}
    key = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            break
        m = _PELICAN_KEY.match(line)
        cont = _CONTINUATION.match(line)
        if cont and key is not None:
            value, at = fields[key]
            fields[key] = (f"{value}\n{cont.group(1)}", at)
        elif m:
            key = m.group(1).lower()
            fields[key] = (m.group(2).strip(), i + 1)
        else:
            # The header ends at the first line that is not "Key: value"; Pelican's
            # own reader does the same, so such a line is the body's first line.
            break
        i += 1
    return Source(path, fields, "\n".join(lines[i:]), i + 1)
