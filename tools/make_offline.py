"""Zip a built site so that it works when unzipped anywhere and opened from disk.

    python tools/make_offline.py output dist/annotated-archive.zip

The site must have been built with relative links (the local settings do so): the
zip holds one folder; double-click its index.html, and search works from disk.
"""

from __future__ import annotations

import argparse
import os
import sys
import zipfile
from pathlib import Path

SKIP = {"pagefind-records.jsonl"}  # optional per-quote search records: already in the index


def make_zip(site: Path, target: Path, folder: str) -> int:
    index = site / "index.html"
    if not index.is_file():
        raise FileNotFoundError(f"{site} has no index.html: build the site first (make html)")
    if 'href="/' in index.read_text(encoding="utf-8").split("<body", 1)[-1]:
        raise ValueError(f"{site} links from the root ('/…'): build it with RELATIVE_URLS = True")
    target.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for root, _, files in os.walk(site):
            for name in sorted(files):
                path = Path(root) / name
                rel = path.relative_to(site)
                if name in SKIP:
                    continue
                zf.write(path, Path(folder) / rel)
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("zip", type=Path)
    ap.add_argument("--folder", default="annotated-archive", help="folder name inside the zip")
    args = ap.parse_args(argv)
    try:
        count = make_zip(args.site, args.zip, args.folder)
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    size = args.zip.stat().st_size / 1e6
    print(f"{args.zip}: {count} files, {size:.1f} MB; unzip it and open {args.folder}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
