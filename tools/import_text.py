"""Turn plain-text news dumps into Markdown articles with YAML front matter.

A text file holds one article: the headline on its first line, then paragraphs
separated by blank lines. A short one-line paragraph that does not end like a
sentence is a section heading. Metadata not in the file comes from the options.

    python tools/import_text.py dump/*.txt --out content/articles \\
        --date 2023-05-03 --category World --tags "Russia, Ukraine"
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from pathlib import Path

import markupsafe
import yaml

from archive_site import slugs

_CLOSERS = "\"'”’»«›‹“)]"
_SENTENCE_END = ".!?:;,…"
_MAX_HEADING = 100
# Characters that would start Markdown syntax at the beginning of a line.
_LINE_START = re.compile(r"^(\s*)([#>+\-*=|]|\d+[.)])")
_INLINE = re.compile(r"([\\`*_\[\]<&])")


def is_heading(paragraph: str) -> bool:
    """A short single line that does not end like a sentence is a section heading."""
    if "\n" in paragraph or len(paragraph) > _MAX_HEADING:
        return False
    tail = paragraph.rstrip().rstrip(_CLOSERS)
    return bool(tail) and tail[-1] not in _SENTENCE_END


def escape(text: str) -> str:
    """Escape what Markdown would read as markup, so the text renders as written."""
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def slugify(title: str, limit: int = 60) -> str:
    """The slug Pelican would give the title by default, transliterated to ASCII
    ('Путин заявил' -> 'putin-zaiavil'), cut to limit; 'article' when there is none."""
    slug = slugs.slug_of(markupsafe.escape(title))
    return slug[:limit].rstrip("-") or "article"


def convert(text: str, metadata: dict) -> tuple[str, str]:
    """Return (slug, markdown) for one plain-text article."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    if not blocks:
        raise ValueError("the file is empty")
    title, *paragraphs = blocks
    title = " ".join(title.split())
    slug = metadata.pop("slug", None) or slugify(title)
    front = {"title": title, "slug": slug, **{k: v for k, v in metadata.items() if v}}
    body = []
    for paragraph in paragraphs:
        paragraph = " ".join(paragraph.split("\n")) if not is_heading(paragraph) else paragraph
        body.append(("## " + escape(paragraph)) if is_heading(paragraph) else escape(paragraph))
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return slug, f"---\n{header}---\n\n" + "\n\n".join(body) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path, help="plain-text articles")
    ap.add_argument("--out", type=Path, default=Path("content/articles"))
    ap.add_argument("--date", help="publication date, YYYY-MM-DD (default: the file's mtime)")
    ap.add_argument("--category")
    ap.add_argument("--tags", help="comma-separated tags")
    ap.add_argument("--lang", help="language code, e.g. en or de")
    ap.add_argument("--slug", help="file name and URL slug (one input file only)")
    ap.add_argument("--force", action="store_true", help="overwrite existing files")
    args = ap.parse_args(argv)
    if args.slug and len(args.files) > 1:
        ap.error("--slug takes one input file")
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in args.files:
        try:
            text = path.read_text(encoding="utf-8")
            date = args.date or datetime.date.fromtimestamp(path.stat().st_mtime).isoformat()
            tags = [t.strip() for t in (args.tags or "").split(",") if t.strip()]
            meta = {
                "date": date,
                "slug": args.slug,
                "category": args.category,
                "tags": tags,
                "lang": args.lang,
            }
            slug, markdown = convert(text, meta)
            target = args.out / f"{date}-{slug}.md"
            if target.exists() and not args.force:
                raise FileExistsError(f"{target} exists (use --force to overwrite)")
            target.write_text(markdown, encoding="utf-8")
            print(f"{path} -> {target}")
        except (OSError, UnicodeDecodeError, ValueError) as err:
            failed += 1
            print(f"error: {path}: {err}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
