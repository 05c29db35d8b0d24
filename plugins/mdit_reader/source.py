"""Read an article file: decode its bytes and split its metadata header from its body.

Two header styles are accepted, so that existing Pelican archives build unchanged:
YAML front matter between ``---`` lines, and Pelican's ``Key: value`` lines ended by
a blank line. Every problem is reported with the file and line it concerns.
"""

from __future__ import annotations

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


def decode(path: str, raw: bytes, fallback: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM); on invalid bytes fall back and say where."""
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
    """Split the metadata header (YAML or Pelican style) from the body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        return _yaml_header(path, lines)
    if lines and _PELICAN_KEY.match(lines[0]):
        return _pelican_header(path, lines)
    return Source(path, {}, text, 1)


def _yaml_header(path: str, lines: list[str]) -> Source:
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in _FENCE_CLOSE), None)
    if end is None:
        raise ContentError(path, 1, "front matter opened with '---' is never closed by '---'")
    block = "\n".join(lines[1:end])
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
        name = str(key).strip().lower()
        fields[name] = (_plain(value), key_lines.get(name, 2))
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


def _plain(value: object) -> object:
    """YAML gives dates and numbers; Pelican's metadata processors want strings."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    return value


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
