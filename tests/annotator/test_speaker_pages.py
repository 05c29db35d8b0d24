"""Speaker pages across the archive: aliases merged, stable URLs, names as text."""

from __future__ import annotations

import re

import pytest

from sitebuild import build_articles


def test_sheremet_page_lists_both_his_quotes(sample_site):
    html = (sample_site / "speakers/mikhail-sheremet.html").read_text(encoding="utf-8")
    assert "It’s time to launch a rocket attack on Zelensky’s residence in Kiev," in html
    assert "Zelensky should start getting scared," in html
    links = re.findall(r'href="((?:\.\./)?articles/[^"]+#q-\d+)"', html)
    assert len(links) == 2 and all("drones-attack-the-kremlin.html#q-" in x for x in links)
    assert "Duma deputy" in html


def test_speakers_index_tells_people_and_organizations_apart(sample_site):
    html = (sample_site / "speakers/index.html").read_text(encoding="utf-8")
    people = html.split('id="speakers-person"', 1)[1].split("</section>", 1)[0]
    orgs = html.split('id="speakers-organization"', 1)[1].split("</section>", 1)[0]
    assert "Mikhail Sheremet" in people and "Mykhailo Podolyak" in people
    assert ">Kremlin</a>" in orgs and ">Kremlin</a>" not in people
    # the editors' speakers file merges Moscow and the press service into the Kremlin
    assert not (sample_site / "speakers/moscow.html").exists()
    # the article's panel links each speaker to their page
    article = (sample_site / "articles/2023/05/drones-attack-the-kremlin.html").read_text()
    assert 'href="../../../speakers/mikhail-sheremet.html"' in article


ARTICLE = "---\ntitle: {title}\ndate: {date}\ncategory: World\n---\n\n{body}\n"
SPEAKERS = """speakers:
  - name: Serghei Mironov
    aliases: [Sergei Mironov]
  - name: "<script>alert(1)</script> Bot"
    aliases: [Robo Bot]
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    bodies = {
        "one": (
            "2024-01-01",
            "“We act now,” said Kremlin spokesman Dmitri Peskov. "
            "“This is war,” warned Serghei Mironov.",
        ),
        "two": ("2024-02-01", "“No comment,” Mr Peskov said. “It is time,” said Sergei Mironov."),
        "three": (
            "2024-03-01",
            "“Да,” said Иван Петров. “Yes,” said Ivan Petrov. “Beep,” said Robo Bot.",
        ),
    }
    articles = {
        f"{name}.md": ARTICLE.format(title=name.title(), date=date, body=body)
        for name, (date, body) in bodies.items()
    }
    return build_articles(tmp_path_factory.mktemp("speakers"), articles, {"speakers.yml": SPEAKERS})


def test_surnames_and_transliterations_merge_across_articles(archive):
    out, _ = archive
    peskov = (out / "speakers/dmitri-peskov.html").read_text(encoding="utf-8")
    assert "We act now," in peskov and "No comment," in peskov  # "Peskov" is Dmitri Peskov
    mironov = (out / "speakers/serghei-mironov.html").read_text(encoding="utf-8")
    assert "This is war," in mironov and "It is time," in mironov  # Sergei = Serghei
    # newest first
    assert mironov.index("It is time,") < mironov.index("This is war,")


def test_names_that_slugify_alike_get_separate_stable_pages(archive):
    out, log = archive
    pages = sorted(p.name for p in (out / "speakers").glob("ivan-petrov-*.html"))
    assert len(pages) == 2  # Иван Петров and Ivan Petrov, each with its own page
    assert "share the slug 'ivan-petrov'" in log


def test_speaker_names_are_text_never_markup(archive):
    out, _ = archive
    page = next((out / "speakers").glob("script-alert-1-script-bot*.html"))
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Bot" in html
    assert "<script>alert" not in html
