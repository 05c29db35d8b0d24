"""Speakers across the archive: one entity per person or organization, aliases merged.

The editors' speakers file (content/speakers.yml) names canonical speakers with their
aliases and transliteration variants; names the engine finds are resolved against it,
then against each other ("Peskov" alone is the archive's only "... Peskov").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from unidecode import unidecode


class SpeakersFileError(ValueError):
    """The speakers file cannot be used; the message names the file and entry."""


@dataclass(slots=True)
class SpeakerEntry:
    """A canonical speaker as the editors describe them (all optional but the name)."""

    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    role: str | None = None
    description: str | None = None
    wikidata: str | None = None
    slug: str | None = None


@dataclass(slots=True)
class SpeakerEntity:
    """One speaker of the archive, with everything said by them."""

    key: str
    name: str
    kind: str
    slug: str = ""
    entry: SpeakerEntry | None = None
    names: set[str] = field(default_factory=set)
    quotes: list = field(default_factory=list)


def fold(name: str) -> str:
    """Compare names without case, accents or punctuation: 'Serghei' ~ 'serghei'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain.casefold()).split())


def slug_of(name: str) -> str:
    """ASCII slug of a name, transliterating other scripts ('Дмитрий' -> 'dmitrii')."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")


def short_hash(name: str) -> str:
    return hashlib.sha1(fold(name).encode()).hexdigest()[:6]


def load_speakers_file(path: Path) -> list[SpeakerEntry]:
    """Read content/speakers.yml; a missing file is an empty list."""
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise SpeakersFileError(
            f"{where}: not valid YAML: {getattr(err, 'problem', err)}"
        ) from None
    items = data.get("speakers", data) if isinstance(data, dict) else data
    if isinstance(items, dict):  # "Name: {aliases: [...]}" form
        items = [{"name": k, **(v or {})} for k, v in items.items()]
    if not isinstance(items, list):
        raise SpeakersFileError(f"{path}: expected a list of speakers")
    entries = []
    for i, item in enumerate(items, 1):
        if not isinstance(item, Mapping) or not str(item.get("name") or "").strip():
            raise SpeakersFileError(f"{path}: speaker #{i} has no name")
        kind = str(item.get("kind") or "person")
        if kind not in {"person", "organization"}:
            raise SpeakersFileError(
                f"{path}: speaker {item['name']!r}: kind must be person or organization"
            )
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        entries.append(
            SpeakerEntry(
                name=str(item["name"]).strip(),
                kind=kind,
                aliases=tuple(str(a).strip() for a in aliases if str(a).strip()),
                role=_opt(item.get("role")),
                description=_opt(item.get("description")),
                wikidata=_opt(item.get("wikidata")),
                slug=_opt(item.get("slug")),
            )
        )
    return entries


def _opt(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


class SpeakerIndex:
    """Resolves speaker names to entities; gives each a stable, collision-free slug."""

    def __init__(self, entries: Iterable[SpeakerEntry] = ()):
        self.entities: dict[str, SpeakerEntity] = {}
        self._alias: dict[str, str] = {}
        for entry in entries:
            key = fold(entry.name)
            self.entities[key] = SpeakerEntity(key, entry.name, entry.kind, entry=entry)
            for name in (entry.name, *entry.aliases):
                self._alias[fold(name)] = key

    def resolve(self, name: str, kind: str = "person") -> SpeakerEntity:
        """The entity a name stands for, creating it when the name is new."""
        folded = fold(name)
        key = self._alias.get(folded, folded)
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = SpeakerEntity(key, name, kind)
            self._alias[folded] = key
        entity.names.add(name)
        return entity

    def entity_of(self, name: str) -> SpeakerEntity:
        """The entity a known name stands for (after aliases and surnames are merged)."""
        return self.entities[self._alias[fold(name)]]

    def merge_surnames(self) -> None:
        """A one-word person name joins the archive's only multi-word person ending in it."""
        by_last: dict[str, list[str]] = {}
        for key, entity in self.entities.items():
            words = key.split()
            if entity.kind == "person" and len(words) > 1:
                by_last.setdefault(words[-1], []).append(key)
        for key in list(self.entities):
            entity = self.entities[key]
            # only names the editors did not define themselves, and only when unambiguous
            # (the engine cannot tell a lone surname from a place: "Peskov said")
            if entity.entry or " " in key:
                continue
            targets = by_last.get(key, [])
            if len(targets) == 1:
                target = self.entities[targets[0]]
                target.names |= entity.names
                target.quotes += entity.quotes
                del self.entities[key]
                for alias, k in self._alias.items():
                    if k == key:
                        self._alias[alias] = target.key

    def assign_slugs(self) -> list[str]:
        """Give every entity its URL slug; return warnings about collisions.

        A slug is the transliterated name; names that slugify alike all get a short
        hash of their name appended, so no page overwrites another. Editors can pin
        a slug in the speakers file.
        """
        warnings = []
        groups: dict[str, list[SpeakerEntity]] = {}
        for entity in self.entities.values():
            pinned = entity.entry.slug if entity.entry else None
            base = slug_of(pinned) if pinned else slug_of(entity.name)
            groups.setdefault(base or "speaker", []).append(entity)
        for base, members in groups.items():
            if len(members) == 1 and base != "speaker":
                members[0].slug = base
                continue
            for entity in members:
                entity.slug = f"{base}-{short_hash(entity.name)}"
            if len(members) > 1:
                names = ", ".join(sorted(repr(e.name) for e in members))
                warnings.append(
                    f"speakers {names} share the slug {base!r}; "
                    "each got a suffix (pin a slug in speakers.yml to choose)"
                )
        return warnings
