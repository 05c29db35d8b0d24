"""Open data: every quotation of the archive as JSON Lines and CSV.

One row per quotation: its id (article URL and anchor), the article's URL, date and
title, the speaker, their role in that article, the description of an unnamed source
("a BBC spokesman"), the type, the cue and the text.
The search index reads the JSON Lines file too (one search record per quotation).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from bisect import bisect_right

from jinja2.utils import htmlsafe_json_dumps

from .leads import SAID_THAT

FIELDS = [
    "id",
    "url",
    "date",
    "speaker",
    "speaker_kind",
    "role",
    "description",
    "type",
    "cue",
    "text",
    "article_title",
    "lang",
    "category",
]


def quote_rows(articles, settings) -> list[dict]:
    rows = []
    for article in articles:
        lang = getattr(article, "lang", None) or settings.get("DEFAULT_LANG", "en")
        page = article.url  # Pelican formats it anew at every access
        date = article.date.date().isoformat()  # Pelican's strftime is slow
        category = str(article.category) if getattr(article, "category", None) else None
        for quote in article.quotes:
            url = f"{page}#{quote.id}"
            rows.append(
                {
                    "id": url,
                    "url": url,
                    "date": date,
                    "speaker": quote.speaker,
                    "speaker_kind": quote.speaker_kind,
                    "role": quote.role,
                    "description": quote.description,
                    "type": quote.type,
                    "cue": quote.cue,
                    "text": quote.text,
                    "article_title": article.title,
                    "lang": lang,
                    "category": category,
                }
            )
    return rows


def quote_tables(rows: list[dict], settings) -> list[tuple[str, str]]:
    """quotes.jsonl and quotes.csv, as (path in the output, text): paths from
    QUOTES_JSONL_SAVE_AS and QUOTES_CSV_SAVE_AS."""
    line = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps's, made once
    jsonl = "".join([line(row) + "\n" for row in rows])
    table = io.StringIO(newline="")
    writer = csv.writer(table)  # DictWriter's rows, without its check of every row's keys
    writer.writerow(FIELDS)
    writer.writerows([safe_cell(row[k]) for k in FIELDS] for row in rows)
    return [
        (settings["QUOTES_JSONL_SAVE_AS"], jsonl),
        (settings["QUOTES_CSV_SAVE_AS"], table.getvalue()),
    ]


def speakers_json(pages) -> str:
    """The archive's speakers for the search page: name, page, kind, first role and
    number of quotations, most quoted first (a few dozen bytes a speaker)."""
    return json.dumps(
        [speaker_summary(p) for p in pages], ensure_ascii=False, separators=(",", ":")
    )


def speaker_summary(page) -> dict:
    """A speaker in a few plain values: name, page, kind, first role, quotations (the
    search page's cards and the home page's voices show these)."""
    return {
        "name": page.name,
        "url": page.url,
        "kind": page.kind,
        "role": page.roles[0] if page.roles else None,
        "quotes": len(page.quotes),
    }


MERGE_FIELDS = ["decision", "name", "into", "reason", "articles"]


def merges_csv(merges) -> str:
    """The speakers report: every short name joined to a full name across articles, and
    every one kept apart, with why (speakers.Merge records), for editors to review."""
    table = io.StringIO(newline="")
    writer = csv.writer(table)
    writer.writerow(MERGE_FIELDS)
    for m in sorted(merges, key=lambda m: (m.decision, m.name.casefold())):
        writer.writerow(
            [safe_cell(v) for v in (m.decision, m.name, m.into or "", m.reason, m.articles)]
        )
    return table.getvalue()


#: What can make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"; ASVS
#: 1.2.10): = + - @ first, or a tab, carriage return, line feed or NUL first (dropped,
#: and what follows read), and the full-width = + - @ some locales take for the same.
_FORMULA_START = frozenset("=+-@\t\r\n\x00\uff1d\uff0b\uff0d\uff20")


def safe_cell(value):
    """A quotes.csv cell that a spreadsheet shows as text, never runs as a formula: one
    whose first character, or first after leading white space (" =1+1"), could start a
    formula gets a leading apostrophe, which spreadsheets read as "this is text"."""
    if not isinstance(value, str) or not value:
        return value
    first = value[0]
    # the first character itself too: lstrip() drops a leading tab or line break; and
    # only text that starts with white space is stripped (a copy of a long quotation)
    if first in _FORMULA_START or (first.isspace() and value.lstrip()[:1] in _FORMULA_START):
        return "'" + value
    return value


def write_search_records(output_path: str, rows: list[dict], settings) -> None:
    """One Pagefind record per quotation (QUOTES_SEARCH_RECORDS), read by pagefind_search."""
    name = settings.get("QUOTES_SEARCH_RECORDS")
    if not name:
        return
    with open(os.path.join(output_path, name), "w", encoding="utf-8") as f:
        for row in rows:
            speaker = row["speaker"] or "unattributed"
            excerpt = row["text"] if len(row["text"]) <= 90 else row["text"][:89] + "…"
            record = {
                "url": "/" + row["url"],
                "content": f"{row['text']} — {speaker}. {row['article_title']}",
                "language": row["lang"],
                "meta": {
                    "title": f"“{excerpt}” — {speaker}",
                    "article": row["article_title"],
                    "date": row["date"],
                },
                "filters": {
                    "speaker": [speaker],
                    "kind": ["quotation"],
                    **({"category": [row["category"]]} if row["category"] else {}),
                    "year": [row["date"][:4]],
                },
                "sort": {"date": row["date"]},
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def search_meta(quotes, text: str) -> str:
    """The article's quotations for its search record: [[anchor, speaker, type, first
    word, words], ...], the words counted in `text` (split at whitespace, as Pagefind
    counts them when text is the record's content). The type of reported speech led by
    its own verb rather than "said that" carries the verb: "indirect plans".

    search.js matches the positions of the query's words against these ranges and
    shows each matched quote as a result of its own, so the index holds one record per
    article, not one per quotation.
    """
    starts = [m.start() for m in _WORD.finditer(text)]
    rows = []
    for q in quotes:
        first = max(bisect_right(starts, q.start) - 1, 0)
        last = max(bisect_right(starts, max(q.end - 1, q.start)) - 1, first)
        # reported speech not read as "said that …" carries its verb: "indirect plans"
        led = q.type == "indirect" and q.lead != SAID_THAT
        kind = f"{q.type} {q.lead}" if led else q.type
        rows.append([q.id, q.speaker or "", kind, first, last - first + 1])
    return json.dumps(rows, ensure_ascii=False)


_WORD = re.compile(r"\S+")


def jsonld(article, siteurl: str) -> str:
    """schema.org Quotation records of one article, for a <script type="application/ld+json">."""
    url = f"{siteurl}/{article.url}"
    part_of = {
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "datePublished": article.date.isoformat(),
    }
    graph = []
    for quote in article.quotes:
        item = {
            "@type": "Quotation",
            "@id": f"{url}#{quote.id}",
            "text": quote.text,
            "isPartOf": part_of,
        }
        if quote.speaker:
            kind = "Organization" if quote.speaker_kind == "organization" else "Person"
            item["creator"] = {"@type": kind, "name": quote.speaker}
            if quote.speaker_url:
                item["creator"]["url"] = f"{siteurl}/{quote.speaker_url}"
        graph.append(item)
    # Jinja's |tojson: '<', '>', '&' and "'" as \u escapes, so the JSON can sit in a
    # <script> element (no '</script>' or '<!--' in it); other characters as they are
    return str(
        htmlsafe_json_dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    )


_WIKIDATA = re.compile(r"Q[1-9]\d*")


def speaker_jsonld(page, siteurl: str) -> str:
    """schema.org Person or Organization of a speaker page: name, page, the other names
    the archive knows them by, the editors' description, and Wikidata as sameAs."""
    item = {
        "@context": "https://schema.org",
        "@type": "Organization" if page.kind == "organization" else "Person",
        "name": page.name,
        "url": f"{siteurl}/{page.url}",
    }
    if page.aliases:
        item["alternateName"] = page.aliases
    if page.description:
        item["description"] = page.description
    if page.wikidata and _WIKIDATA.fullmatch(page.wikidata):
        item["sameAs"] = [f"https://www.wikidata.org/wiki/{page.wikidata}"]
    return str(htmlsafe_json_dumps(item, ensure_ascii=False))  # for a <script>, as jsonld()


def web_annotations(article, text: str, siteurl: str) -> dict:
    """The article's quotations as a W3C Web Annotation collection.

    Selectors address the article's plain text (its headline, a blank line, then the
    body's text): TextPositionSelector by character offsets, TextQuoteSelector by the
    exact words with 32 characters of context on each side.
    """
    url = f"{siteurl}/{article.url}"
    items = []
    for quote in article.quotes:
        bodies = [{"type": "TextualBody", "purpose": "classifying", "value": quote.type}]
        if quote.speaker:
            bodies.append({"type": "TextualBody", "purpose": "identifying", "value": quote.speaker})
        if quote.cue:
            bodies.append(
                {"type": "TextualBody", "purpose": "describing", "value": f"cue: {quote.cue}"}
            )
        items.append(
            {
                "id": f"{url}#{quote.id}",
                "type": "Annotation",
                "motivation": "identifying",
                "body": bodies,
                "target": {
                    "source": url,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": text[quote.start : quote.end],
                            "prefix": text[max(0, quote.start - 32) : quote.start],
                            "suffix": text[quote.end : quote.end + 32],
                        },
                        {"type": "TextPositionSelector", "start": quote.start, "end": quote.end},
                    ],
                },
            }
        )
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": f"Quotations in “{article.title}”",
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }
