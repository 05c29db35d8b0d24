"""Pelican internals are used in one declared place (archive_site.pelican_internals),
which behaves as the plugins expect with the installed Pelican; no other plugin code
touches a private attribute of anything but its own objects."""

from __future__ import annotations

import ast
import datetime
from pathlib import Path

from pelican.contents import Article
from pelican.settings import read_settings

from archive_site import pelican_internals

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"
#: (file, private attribute): where a private attribute of another object is allowed, and why
ALLOWED = {
    # the one place that depends on Pelican's internals (documented there, tested below)
    ("archive_site/pelican_internals.py", "_content"),
    ("archive_site/pelican_internals.py", "_summary"),
    ("archive_site/pelican_internals.py", "_written_files"),
    # Python's own: a named tuple's public API is spelled with an underscore
    ("*", "_replace"),
    ("*", "_asdict"),
    ("*", "_fields"),
    ("*", "_make"),
}


def _private_uses(path: Path) -> list[tuple[int, str]]:
    """Attribute uses `x._name` where x is not self or cls (nor a module of our own:
    `module._name` is caught too, so a private helper is private to its module)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        named = _named_by_string(node)
        if named is not None:
            found.append((node.lineno, named))
            continue
        if not isinstance(node, ast.Attribute):
            continue
        name = node.attr
        if not name.startswith("_") or (name.startswith("__") and name.endswith("__")):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}:
            continue
        found.append((node.lineno, name))
    return sorted(found)


def _named_by_string(node: ast.AST) -> str | None:
    """`getattr(x, "_name")`, `hasattr(…)`, `setattr(…)`, `vars(x).get("_name")`: a private
    attribute named by a string literal (not self's, which is spelled plainly)."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func, arg = node.func, node.args[0]
    by_name = isinstance(func, ast.Name) and func.id in {"getattr", "hasattr", "setattr"}
    by_vars = (
        isinstance(func, ast.Attribute)
        and func.attr in {"get", "pop", "setdefault"}
        and isinstance(func.value, ast.Call)
        and isinstance(func.value.func, ast.Name)
        and func.value.func.id == "vars"
    )
    if by_name and len(node.args) < 2:
        return None
    key = node.args[1] if by_name else arg
    if not (by_name or by_vars) or not isinstance(key, ast.Constant):
        return None
    name = key.value
    if not isinstance(name, str) or not name.startswith("_") or name.startswith("__"):
        return None
    if by_name and isinstance(arg, ast.Name) and arg.id in {"self", "cls"}:
        return None
    return name


def test_no_plugin_touches_a_private_attribute_outside_the_allow_list():
    offences = []
    for path in sorted(PLUGINS.rglob("*.py")):
        rel = path.relative_to(PLUGINS).as_posix()
        for line, name in _private_uses(path):
            if (rel, name) not in ALLOWED and ("*", name) not in ALLOWED:
                offences.append(f"{rel}:{line}: .{name}")
    assert offences == []


def test_the_check_finds_a_private_use(tmp_path):
    code = tmp_path / "x.py"
    code.write_text("def f(writer, self):\n    writer._open_w('a')\n    self._ok = 1\n")
    assert _private_uses(code) == [(2, "_open_w")]


def test_the_check_finds_a_private_attribute_named_by_a_string(tmp_path):
    code = tmp_path / "x.py"
    code.write_text(
        "def f(writer, self):\n"
        "    getattr(writer, '_written_files', ())\n"
        "    vars(writer).get('_content')\n"
        "    getattr(self, '_mine', None)\n"
        "    getattr(writer, 'public', None)\n"
    )
    assert _private_uses(code) == [(2, "_written_files"), (3, "_content")]


def test_written_files_are_those_the_writer_wrote(tmp_path):
    from jinja2 import Template
    from pelican.writers import Writer

    settings = read_settings(override={"SITEURL": "", "RELATIVE_URLS": True})
    writer = Writer(str(tmp_path), settings=settings)
    writer.write_file("page.html", Template("hello"), {})
    assert pelican_internals.written_files(writer) == [str(tmp_path / "page.html")]
    assert pelican_internals.written_files(object()) == []


def _article(html: str) -> Article:
    settings = read_settings(override={"SITEURL": "", "RELATIVE_URLS": True})
    date = datetime.datetime(2024, 1, 1)
    return Article(html, metadata={"title": "T", "date": date}, settings=settings)


def test_html_is_read_and_replaced_with_links_resolved_afresh():
    article = _article("<p>first</p>")
    assert pelican_internals.get_html(article) == "<p>first</p>"
    assert "first" in article.get_content("")  # Pelican memoizes this copy
    pelican_internals.set_html(article, "<p>second</p>")
    assert pelican_internals.get_html(article) == "<p>second</p>"
    assert "second" in article.get_content("")  # not the memoized copy
    assert "second" in article.content


def test_summary_given_and_replaced():
    article = _article("<p>body</p>")
    assert pelican_internals.get_summary(article) is None
    pelican_internals.set_summary(article, "<p>short</p>")
    assert pelican_internals.get_summary(article) == "<p>short</p>"
    article.refresh_metadata_intersite_links()  # as Pelican does once all are read
    assert "short" in article.summary
