"""Defaults and validation of the MDIT_* settings of the markdown-it reader."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Every setting of the reader, with its default. The README documents each one.
DEFAULTS: dict[str, Any] = {
    # markdown-it-py plugins to enable, by name (see PLUGINS in render.py).
    "MDIT_PLUGINS": ["footnote", "table", "deflist", "attrs", "strikethrough"],
    # Raw HTML inside articles is allowed; it is always sanitized (no scripts).
    "MDIT_HTML": True,
    # Extensions the reader claims; .md files are ours, never Python-Markdown's.
    "MDIT_FILE_EXTENSIONS": ["md", "markdown", "mkd", "mdown"],
    # Larger files are skipped with an error rather than stalling the build.
    "MDIT_MAX_BYTES": 5_000_000,
    # Encoding tried when a file is not valid UTF-8 (news dumps from Windows).
    "MDIT_FALLBACK_ENCODING": "cp1252",
}


class SettingError(ValueError):
    """A setting has a value the reader cannot use; the message names it."""


def validate(settings: Mapping[str, Any], known_plugins: set[str]) -> dict[str, Any]:
    """Return the reader settings with defaults applied; raise SettingError naming a bad one."""
    merged = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    plugins = merged["MDIT_PLUGINS"]
    if not isinstance(plugins, list | tuple) or not all(isinstance(p, str) for p in plugins):
        raise SettingError(f"MDIT_PLUGINS must be a list of plugin names, not {plugins!r}")
    unknown = sorted(set(plugins) - known_plugins)
    if unknown:
        raise SettingError(
            f"MDIT_PLUGINS names unknown plugin(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(known_plugins))}"
        )
    if not isinstance(merged["MDIT_HTML"], bool):
        raise SettingError(f"MDIT_HTML must be True or False, not {merged['MDIT_HTML']!r}")
    exts = merged["MDIT_FILE_EXTENSIONS"]
    if not isinstance(exts, list | tuple) or not exts or not all(isinstance(e, str) for e in exts):
        raise SettingError(f"MDIT_FILE_EXTENSIONS must be a non-empty list, not {exts!r}")
    size = merged["MDIT_MAX_BYTES"]
    if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
        raise SettingError(f"MDIT_MAX_BYTES must be a positive whole number, not {size!r}")
    try:
        "".encode(merged["MDIT_FALLBACK_ENCODING"])
    except (LookupError, TypeError) as err:
        raise SettingError(
            f"MDIT_FALLBACK_ENCODING {merged['MDIT_FALLBACK_ENCODING']!r} is not an encoding"
        ) from err
    return merged
