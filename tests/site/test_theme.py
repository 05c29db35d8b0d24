"""The theme's colours meet WCAG AA contrast in light and dark mode."""

from __future__ import annotations

import re

import pytest

from sitebuild import ROOT

CSS = (ROOT / "theme/static/css/style.css").read_text(encoding="utf-8")


def palette(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", block))


LIGHT = palette(CSS.split("@media (prefers-color-scheme: dark)")[0])
DARK = {**LIGHT, **palette(CSS.split("@media (prefers-color-scheme: dark)")[1].split("}\n}")[0])}


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# (foreground, background, minimum): text needs 4.5:1, focus rings and borders of
# controls 3:1 (WCAG 1.4.3 and 1.4.11).
PAIRS = [
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("link", "bg", 4.5),
    ("link", "surface", 4.5),
    ("link-visited", "bg", 4.5),
    ("focus", "bg", 3.0),
    ("focus", "surface", 3.0),
    ("text", "mark", 4.5),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg", "minimum"), PAIRS)
def test_contrast_meets_wcag_aa(scheme, fg, bg, minimum):
    colours = LIGHT if scheme == "light" else DARK
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= minimum, f"{scheme}: {fg} on {bg} is {ratio:.2f}:1, needs {minimum}:1"


def test_focus_is_visible_and_dark_and_print_styles_exist():
    assert ":focus-visible" in CSS and "outline: 3px solid var(--focus)" in CSS
    assert "prefers-color-scheme: dark" in CSS
    print_css = (ROOT / "theme/static/css/print.css").read_text(encoding="utf-8")
    assert ".site-header" in print_css and "display: none" in print_css
