"""The theme's templates are compiled once and kept between builds; a changed template
is compiled again, and a damaged entry is a miss with a warning, never a failed build."""

from __future__ import annotations

from jinja2 import DictLoader, Environment
from jinja2.bccache import bc_magic

from archive_writer.templates import TemplateCache


def environment(tmp_path, source: str = "Hello {{ name }}") -> tuple[Environment, list]:
    env = Environment(loader=DictLoader({"page.html": source}))
    env.bytecode_cache = TemplateCache(tmp_path / "templates")
    compiled = []
    compile_ = env.compile

    def counting(*args, **kwargs):
        compiled.append(args[1] if len(args) > 1 else kwargs.get("name"))
        return compile_(*args, **kwargs)

    env.compile = counting
    return env, compiled


def test_a_template_is_compiled_once_then_loaded(tmp_path):
    env, compiled = environment(tmp_path)
    assert env.get_template("page.html").render(name="A") == "Hello A"
    again, compiled_again = environment(tmp_path)
    assert again.get_template("page.html").render(name="B") == "Hello B"
    assert (compiled, compiled_again) == (["page.html"], [])


def test_a_changed_template_is_compiled_again(tmp_path):
    environment(tmp_path)[0].get_template("page.html")
    env, compiled = environment(tmp_path, "Bye {{ name }}")
    assert env.get_template("page.html").render(name="A") == "Bye A"
    assert compiled == ["page.html"]


def test_a_damaged_entry_is_compiled_again_with_a_warning(tmp_path, caplog):
    environment(tmp_path)[0].get_template("page.html")
    [entry] = (tmp_path / "templates").iterdir()
    entry.write_bytes(bc_magic + b"\x80\x04")  # Jinja's header, then a pickle cut short
    env, compiled = environment(tmp_path)
    assert env.get_template("page.html").render(name="A") == "Hello A"
    assert compiled == ["page.html"]
    assert caplog.text.count("is damaged") == 1
    assert environment(tmp_path)[0].get_template("page.html").render(name="C") == "Hello C"
