"""One slugifier (archive_site.slugs) for speaker pages, repaired slugs and imported
articles: Pelican's own, transliterated, so names in any script give readable slugs."""

from __future__ import annotations

import re
import sys
import unicodedata

from archive_guard import guard
from hypothesis import assume, given
from hypothesis import strategies as st
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify
from unidecode import unidecode

from archive_site.slugs import slug_of
from quote_annotator.speakers import slug_of as speaker_slug
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import import_text  # noqa: E402


def test_pelicans_slug_with_its_defaults():
    title = "Minister: “We will act” as prices rise"
    expected = slugify(title, DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    assert slug_of(title) == expected == "minister-we-will-act-as-prices-rise"


def test_other_scripts_are_transliterated():
    assert slug_of("Дмитрий Песков") == "dmitrii-peskov"
    assert slug_of("Ärger über Zölle") == "arger-uber-zolle"
    assert slug_of("!!!") == ""


def test_the_sites_rules_for_each_kind():
    settings = {
        **DEFAULT_CONFIG,
        "TAG_REGEX_SUBSTITUTIONS": [(r"c\+\+", "cpp"), *DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]],
        "SLUGIFY_PRESERVE_CASE": True,
    }
    assert slug_of("C++ News", settings, "TAG") == "cpp-News"
    assert slug_of("C++ News", settings) == "C-News"


def test_unicode_slugs_when_asked_and_transliterated_when_empty():
    settings = {**DEFAULT_CONFIG, "SLUGIFY_USE_UNICODE": True}
    assert slug_of("Дмитрий Песков", settings) == "дмитрий-песков"
    # nothing Pelican keeps in Unicode (symbols only): the transliterated slug
    assert slug_of("™", settings) == "tm"


def test_guard_repairs_with_the_same_slugs():
    assert guard.slug_of("Дмитрий Песков", DEFAULT_CONFIG) == "dmitrii-peskov"
    assert guard.slug_of("../../index", DEFAULT_CONFIG) == "index"


def _old_speaker_slug(name: str) -> str:
    """The speaker slug before archive_site.slugs: the URLs of published speaker pages."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("C",)), max_size=30))
def test_speaker_slugs_are_the_ones_published(name):
    # Pelican reads a name in its NFKC form first: a name with a compatibility character
    # ('µ', '¼', 'Ŀ', Greek symbol forms) may change; no Latin, Cyrillic, CJK or Hangul
    # letter does
    assume(unicodedata.normalize("NFKC", name) == name)
    assert speaker_slug(name) == _old_speaker_slug(name)


def test_speaker_slugs_of_names():
    assert speaker_slug("Дмитрий Песков") == "dmitrii-peskov"
    assert speaker_slug("Conor O'Brien") == "conor-o-brien"
    assert speaker_slug("<script>") == "script"  # a name is text, not markup


def test_imported_cyrillic_title_gets_a_readable_slug():
    # it used to be "article": the title has no Latin letters to keep
    assert import_text.slugify("Путин заявил о переговорах") == "putin-zaiavil-o-peregovorakh"
    slug, markdown = import_text.convert("Песков: «Мы ответим»\n\nТекст.\n", {})
    assert slug == "peskov-my-otvetim"
    assert "slug: peskov-my-otvetim" in markdown
    assert import_text.slugify("!!!") == "article"
