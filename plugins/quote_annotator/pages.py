"""Speaker pages: one per speaker across the archive, and the speakers index.

A Pelican generator: after the articles are read (their quotes found), it builds the
SpeakerIndex (the editors' speakers file first, then every speaker found), gives each
speaker a stable URL, links every quote's speaker to it, and writes the pages.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import Generator

from archive_site import contracts, pelican_internals

from . import exports, progress
from .annotate import render
from .cache import AnnotationCache, finish, load
from .speakers import SpeakerEntity, SpeakerIndex, SpeakersFileError, load_speakers_file

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class SpeakerQuote:
    """One quote on a speaker's page."""

    article: object  # the Pelican Article
    quote: object  # its QuoteView
    url: str  # the article's URL with the quote's anchor


@dataclass(slots=True)
class SpeakerPage:
    """What speaker.html and speakers.html show of one speaker."""

    name: str
    kind: str
    slug: str
    url: str
    save_as: str
    roles: list[str]
    description: str | None = None
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    quotes: list[SpeakerQuote] = field(default_factory=list)
    jsonld: str = ""  # schema.org Person or Organization, for a <script> in its page

    @property
    def by_article(self) -> list[tuple[object, str, list[SpeakerQuote]]]:
        """The quotes grouped by article, newest article first: (article, its URL,
        its quotes in reading order)."""
        groups: dict[int, tuple[object, str, list[SpeakerQuote]]] = {}
        for sq in self.quotes:
            key = id(sq.article)
            if key not in groups:
                groups[key] = (sq.article, sq.url.split("#", 1)[0], [])
            groups[key][2].append(sq)
        for _, _, items in groups.values():
            items.sort(key=lambda sq: sq.quote.number)
        return list(groups.values())

    @property
    def types(self) -> list[tuple[str, int]]:
        """How many of the quotes are of each type, in the order direct, mixed, indirect."""
        counts = {t: 0 for t in ("direct", "mixed", "indirect")}
        for sq in self.quotes:
            counts[sq.quote.type] = counts.get(sq.quote.type, 0) + 1
        return [(t, n) for t, n in counts.items() if n]

    @property
    def timeline(self) -> dict | None:
        """Quotes per month from the first month to the last, drawn as a static SVG:
        {"months": [(label, count, x, height)], "width", "top"}; None for one month."""
        months: dict[tuple[int, int], int] = {}
        for sq in self.quotes:
            d = sq.article.date
            months[(d.year, d.month)] = months.get((d.year, d.month), 0) + 1
        if len(months) < 2:
            return None
        (y, m), last = min(months), max(months)
        span = []
        while (y, m) <= last:
            span.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        top = max(months.values())
        bar = 8
        return {
            "months": [
                (
                    f"{y}-{m:02d}",
                    months.get((y, m), 0),
                    i * bar,
                    round(40 * months.get((y, m), 0) / top, 1),
                )
                for i, (y, m) in enumerate(span)
            ],
            "width": len(span) * bar,
            "top": top,
            "first": f"{span[0][0]}-{span[0][1]:02d}",
            "last": f"{span[-1][0]}-{span[-1][1]:02d}",
        }

    @property
    def sort_name(self) -> str:
        """How the A–Z orders it: a person by surname ("blair tony"), the rest as named."""
        return sort_name(self.name, self.kind)


_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al", "el"}


def sort_name(name: str, kind: str) -> str:
    """'Tony Blair' -> 'blair tony', 'Ludwig van Beethoven' -> 'van beethoven ludwig';
    'Lord Browne' -> 'browne lord'; an organization stays as named."""
    words = name.casefold().split()
    if kind != "person" or len(words) < 2:
        return " ".join(words)
    k = len(words) - 1
    while k > 0 and words[k - 1] in _PARTICLES:
        k -= 1
    return " ".join(words[k:] + words[:k])


def _extractions(everything: list, memo: AnnotationCache, shown) -> list[tuple]:
    """(article, its extraction to come, its name, its speakers, the result if read) for
    every article whose extraction is known."""
    extracted = []
    for article in everything:
        future = getattr(article, "quote_future", None)
        if future is not None:
            del article.quote_future
            # an article marked up before from this very extraction: its speakers
            # are known, and the engine's result is not even read
            speakers, result = memo.speakers(article.source_path, future.key), None
            if speakers is None:
                # as the workers finish them; a damaged cache file is extracted again
                result = load(article, future)
                if result is not None:
                    speakers = [(q.speaker, q.speaker_kind, q.role) for q in result.quotes]
            if speakers is not None:
                extracted.append((article, future, future.key, speakers, result))
                shown.found(len(speakers))
        shown.draw()
    return extracted


def _resolve(index: SpeakerIndex, extracted: list[tuple], settings: dict) -> list:
    """Every article's speakers into the archive's entities; the merges made, reported."""
    for article, _, _, speakers, _ in extracted:
        for name, kind, *role in speakers:  # (name, kind) in caches of older builds
            if name:
                index.resolve(
                    name, kind or "person", role[0] if role else None, article.source_path
                )
    index.settle_kinds()
    merges = index.merge_surnames()
    merged = sum(m.decision == "merged" for m in merges)
    if merges:
        logger.info(
            "Speakers: %d short names joined a full name across articles, %d kept apart "
            "(listed in %s)",
            merged,
            len(merges) - merged,
            settings.get("QUOTES_MERGES_SAVE_AS") or "no report: QUOTES_MERGES_SAVE_AS is off",
        )
    return merges


class SpeakerGenerator(Generator):
    """Collects the speakers of all articles and writes their pages."""

    def generate_context(self) -> None:
        settings = self.settings
        path = Path(self.path) / settings["QUOTES_SPEAKERS_FILE"]
        try:
            entries = load_speakers_file(path)
        except SpeakersFileError as err:
            logger.error("%s; speakers are built without it", err)
            entries = []
        index = SpeakerIndex(entries)
        everything = _all_articles(self.context)
        shown = progress.current(settings)
        shown.next_stage("extracting")
        cached = settings.get("CACHE_PATH") if settings.get("QUOTES_CACHE", True) else None
        memo = AnnotationCache(cached)
        extracted = _extractions(everything, memo, shown)
        finish(settings)
        shown.next_stage("annotating")
        self.merges = _resolve(index, extracted, settings)
        for warning in index.assign_slugs():
            logger.warning(warning)
        urls = {
            key: settings["SPEAKER_URL"].format(slug=e.slug) for key, e in index.entities.items()
        }

        def canonical_name(name):
            entity = index.entity_of(name)
            return entity.name, entity.kind, urls[entity.key]

        def canonical(view):
            return canonical_name(view.speaker)

        siteurl = self.settings.get("SITEURL", "")
        page_urls = {}
        articles = []
        for i, (article, future, extraction, speakers, result) in enumerate(extracted):
            extracted[i] = None  # the engine's result is not kept once marked up
            page_urls[id(article)] = page_url = article.url  # Pelican formats it anew each time
            names = [canonical_name(item[0]) if item[0] else None for item in speakers]
            key = [memo.code, names, page_url, siteurl, article.title, article.date.isoformat()]
            key = hashlib.sha256(json.dumps(key).encode("utf-8", "surrogatepass")).hexdigest()
            made = memo.get(article.source_path, extraction, key)
            if made is None:
                if result is None:
                    result = load(article, future)
                    if result is None:
                        continue  # reported: the article is published without annotations
                made = mark_up(article, result, canonical, siteurl)
                memo.put(article.source_path, extraction, speakers, key, made)
            else:
                apply_annotation(article, made[0])
            annotation, article.quotes_jsonld, article.quotes_search, article.web_annotations = made
            article.search_text = annotation.text  # what the search index reads
            article.annotations_url = _annotations_path(page_url)
            for view in article.quotes:
                if view.speaker:
                    index.entity_of(view.speaker).quotes.append((article, view, page_url))
            articles.append(article)
        memo.save()
        pages = [
            self._page(entity, urls[entity.key])
            for entity in index.entities.values()
            if entity.quotes
        ]
        pages.sort(key=lambda p: (-len(p.quotes), p.name.casefold()))
        self.context["speakers"] = pages
        self.speaker_pages = pages
        self.annotated = sorted(articles, key=lambda a: (a.date, page_urls[id(a)]), reverse=True)
        self.context["voices"] = voices(pages, self.annotated, page_urls)

    def _page(self, entity: SpeakerEntity, url: str) -> SpeakerPage:
        entry = entity.entry
        page = SpeakerPage(
            name=entity.name,
            kind=entity.kind,
            slug=entity.slug,
            url=url,
            save_as=self.settings["SPEAKER_SAVE_AS"].format(slug=entity.slug),
            roles=[entry.role] if entry and entry.role else [],
            description=entry.description if entry else None,
            wikidata=entry.wikidata if entry else None,
            aliases=sorted(n for n in entity.names if n != entity.name),
        )
        seen = {r.casefold() for r in page.roles}
        for article, view, page_url in entity.quotes:
            if view.role and view.role.casefold() not in seen:  # "Prime Minister", once
                seen.add(view.role.casefold())
                page.roles.append(view.role)
            page.quotes.append(SpeakerQuote(article, view, f"{page_url}#{view.id}"))
        page.quotes.sort(key=lambda sq: (sq.article.date, -sq.quote.number), reverse=True)
        page.jsonld = exports.speaker_jsonld(page, self.settings.get("SITEURL", ""))
        return page

    def generate_output(self, writer) -> None:
        speaker_template = self.get_template("speaker")
        for page in self.speaker_pages:
            writer.write_file(
                page.save_as,
                speaker_template,
                self.context,
                speaker=page,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=page.url,
            )

        def write(name: str, text: str) -> None:
            # a DataWriter (plugins/archive_writer) leaves an unchanged file alone
            contracts.write_text(writer, self.output_path, name, text)

        for article in self.annotated:
            write(_annotations_path(article.save_as), article.web_annotations)
        rows = exports.quote_rows(self.annotated, self.settings)
        for name, text in exports.quote_tables(rows, self.settings):
            write(name, text)
        if report := self.settings.get("QUOTES_MERGES_SAVE_AS"):
            write(report, exports.merges_csv(self.merges))
        if listing := self.settings.get("SPEAKERS_JSON_SAVE_AS"):
            write(listing, exports.speakers_json(self.speaker_pages))
        if self.settings.get("QUOTES_SEARCH_RECORDS"):
            exports.write_search_records(self.output_path, rows, self.settings)
        writer.write_file(
            self.settings["SPEAKERS_SAVE_AS"],
            self.get_template("speakers"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.settings["SPEAKERS_URL"],
        )


#: How many speakers and quotations the home page shows.
VOICES_SPEAKERS = 8
VOICES_QUOTES = 5


def voices(pages: list[SpeakerPage], newest_first: list, urls: dict) -> dict:
    """The archive's voices for the home page: the most quoted speakers, and the latest
    quotations (one per article, newest articles first; a named speaker's words, verbatim
    before reported). Plain values only: the incremental writer digests them, so the
    home page is rendered again when they change and left alone when they do not."""
    speakers = [exports.speaker_summary(p) for p in pages[:VOICES_SPEAKERS]]
    quotes = []
    for article in newest_first:
        named = [q for q in article.quotes if q.speaker and len(q.text.split()) >= 4]
        if not named:
            continue
        q = min(named, key=lambda q: (q.type == "indirect", q.number))
        text = " ".join(q.text.split()).rstrip(",;: ")  # “… in Europe,” said X: no comma
        if len(text) > 160:
            cut = text.rfind(" ", 0, 159)
            text = text[: cut if cut > 80 else 159] + "…"
        quotes.append(
            {
                "text": text,
                "type": q.type,
                "lead": q.lead,
                "speaker": q.speaker,
                "speaker_url": q.speaker_url,
                "url": f"{urls[id(article)]}#{q.id}",
                "article": article.title,
                "date": article.date.date().isoformat(),
            }
        )
        if len(quotes) == VOICES_QUOTES:
            break
    return {"speakers": speakers, "quotes": quotes, "count": len(pages)}


def mark_up(article, extraction, canonical, siteurl: str) -> tuple:
    """An article's quotations marked up, once every speaker is known: the annotation
    (applied to the article), its JSON-LD, where each quotation stands in the engine's
    plain text (for pagefind_search), and its Web Annotations (JSON text: a fraction of
    the memory of nested dicts)."""
    annotation = render(extraction, canonical)
    apply_annotation(article, annotation)
    return (
        annotation,
        exports.jsonld(article, siteurl),
        exports.search_meta(article.quotes, annotation.text),
        json.dumps(exports.web_annotations(article, annotation.text, siteurl), ensure_ascii=False),
    )


def apply_annotation(article, annotation) -> None:
    """Give the article its annotated content and what the templates show."""
    pelican_internals.set_html(article, annotation.content)
    article.title_html = annotation.title
    article.quotes = annotation.quotes
    article.quote_speakers = annotation.speakers
    # unnamed sources ("a BBC spokesman"), by description: shown, but no speaker entity
    described: dict[str, list] = {}
    for q in annotation.quotes:
        if q.speaker is None and q.description:
            described.setdefault(q.description, []).append(q)
    article.described = list(described.items())
    article.unattributed = [q for q in annotation.quotes if q.speaker is None and not q.description]


def _annotations_path(page_path: str) -> str:
    """Where an article's Web Annotations go: beside its page, .annotations.json."""
    stem = page_path[: -len(".html")] if page_path.endswith(".html") else page_path.rstrip("/")
    return f"{stem}.annotations.json"


def _all_articles(context) -> list:
    """Published, hidden and draft articles, with their translations."""
    found = []
    for key in ("articles", "hidden_articles", "drafts"):
        for article in context.get(key, []):
            found.append(article)
            found.extend(getattr(article, "translations", []))
    unique = {id(a): a for a in found}
    return list(unique.values())


def get_generators(pelican) -> type[Generator]:
    return SpeakerGenerator
