"""Speakers across the archive: one entity per person or organization, aliases merged.

The editors' speakers file (content/speakers.yml) names canonical speakers with their
aliases and transliteration variants; names the engine finds are resolved against it,
then against each other ("Peskov" alone is the archive's only "... Peskov").
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markupsafe import escape

from archive_quotes import NAME_PARTICLES
from archive_quotes.lexicon import SUPPORTED
from archive_quotes.lexicon import load as load_lexicon
from archive_site import slugs

logger = logging.getLogger(__name__)


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
    distinct: tuple[str, ...] = ()  # names that are never this speaker (kept apart)


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
    kinds: Counter = field(default_factory=Counter)  # kinds the articles give it
    roles: set[str] = field(default_factory=set)  # roles the articles give it
    articles: set[str] = field(default_factory=set)  # where it is quoted


@dataclass(frozen=True, slots=True)
class Merge:
    """One decision about joining a short name to a full one across the archive."""

    name: str  # "Peskov"
    into: str | None  # "Dmitri Peskov", or None when kept apart
    decision: str  # "merged" or "kept apart"
    reason: str
    articles: int  # articles the short name is quoted in


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Compare names without case, accents or punctuation: 'Serghei' ~ 'serghei'.
    Kept for the names met (a build asks for each of them tens of times)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain.casefold()).split())


#: Peers' and knights' titles of every language the engine reads (lexicons/*/peerage.txt)
_TITLES = frozenset().union(*(load_lexicon(lang).peerage for lang in SUPPORTED))


def _titled(name: str) -> bool:
    """'Lord Browne', 'Sir Alex': a name given with a title instead of a first name."""
    return fold(name).split()[0] in _TITLES


#: A speaker's slug as it has always been (it is the URL of their page): every run of
#: characters other than ASCII letters and digits, once transliterated, is one hyphen
#: ("O'Brien" -> 'o-brien', where Pelican's own rules would give 'obrien').
SPEAKER_SLUG_SUBSTITUTIONS = [(r"[^a-z0-9]+", "-"), (r"\A-|-\Z", "")]


def slug_of(name: str) -> str:
    """ASCII slug of a name, transliterating other scripts ('Дмитрий' -> 'dmitrii')."""
    return slugs.slug_of(escape(name), regex_subs=SPEAKER_SLUG_SUBSTITUTIONS)


def short_hash(name: str) -> str:
    return hashlib.sha1(fold(name).encode()).hexdigest()[:6]


def load_speakers_file(path: Path) -> list[SpeakerEntry]:
    """Read content/speakers.yml; a missing file is an empty list.

    One bad entry (aliases: 5, a name that is a list, kind: robot, …) drops only that
    entry: it is logged as an error naming the file, line and speaker, and the others
    are kept. SpeakersFileError (naming the file, and the line where known) is raised
    when the file as a whole cannot be used: not UTF-8, not valid YAML, YAML aliases
    (refused: nested ones expand a few hundred bytes to gigabytes), not a list of
    speakers, or no entry usable at all (then the first entry's problem is the message).
    """
    if not path.is_file():
        return []
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as err:
        raise SpeakersFileError(f"{path}: cannot be read: {err.strerror}") from None
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise SpeakersFileError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8"
        ) from None
    _refuse_unsafe_yaml(path, text)
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as err:  # a character YAML refuses (U+000B, …)
        line = text.count("\n", 0, err.position) + 1
        raise SpeakersFileError(
            f"{path}:{line}: not valid YAML: character U+{err.character:04X} is not allowed"
        ) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise SpeakersFileError(
            f"{where}: not valid YAML: {getattr(err, 'problem', err)}"
        ) from None
    data = data or {}
    items, lines = _speaker_items(data, node)
    if not isinstance(items, list):
        raise SpeakersFileError(f"{path}: expected a list of speakers")
    entries, problems = [], []
    for i, item in enumerate(items):
        line = lines[i] if i < len(lines) else None
        try:
            entries.append(_speaker_entry(item, i + 1))
        except ValueError as err:
            problems.append(f"{path}:{line}: {err}" if line else f"{path}: {err}")
    if problems and not entries:
        for problem in problems[1:]:
            logger.error("%s; entry skipped", problem)
        raise SpeakersFileError(problems[0])
    for problem in problems:
        logger.error("%s; entry skipped", problem)
    return entries


#: How deep lists and mappings may nest in the speakers file (an entry needs three).
_MAX_YAML_DEPTH = 50


def _refuse_unsafe_yaml(path: Path, text: str) -> None:
    """Refuse YAML aliases (*name), which nested expand a few hundred bytes to
    gigabytes, and nesting deeper than _MAX_YAML_DEPTH, which exhausts the parser's
    recursion. Only the event stream is read, so nothing expands or recurses."""
    openers = sum(text.count(c) for c in "[{-?") + text.count("\n") + 1
    if "*" not in text and openers <= _MAX_YAML_DEPTH:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.AliasEvent):
                raise SpeakersFileError(
                    f"{path}:{line}: uses a YAML alias (*{event.anchor}); "
                    "aliases are not allowed in the speakers file"
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _MAX_YAML_DEPTH:
                    raise SpeakersFileError(
                        f"{path}:{line}: lists or mappings nested deeper than "
                        f"{_MAX_YAML_DEPTH} levels"
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # loading the file reports where it is not valid YAML


def _speaker_items(data: object, node: yaml.Node | None) -> tuple[object, list[int]]:
    """The list of speaker entries (either form), with the line where each begins."""
    if isinstance(data, dict) and "speakers" in data:
        items = data["speakers"]
        node = next((v for k, v in node.value if getattr(k, "value", None) == "speakers"), None)
    else:
        items = data
    lines: list[int] = []
    if isinstance(node, yaml.SequenceNode):
        lines = [item.start_mark.line + 1 for item in node.value]
    elif isinstance(node, yaml.MappingNode):
        lines = [key.start_mark.line + 1 for key, _ in node.value]
    if isinstance(items, dict):  # "Name: {aliases: [...]}" form
        items = [(name, fields) for name, fields in items.items()]
    return items, lines


def _speaker_entry(item: object, number: int) -> SpeakerEntry:
    """One entry of the speakers file; ValueError says what is wrong with it."""
    if isinstance(item, tuple):  # "Name: {fields}" form
        name, fields = item
        if fields is None:
            fields = {}
        if not isinstance(fields, Mapping):
            raise ValueError(
                f"speaker {_shown(name)}: expected its fields (aliases: …, role: …), "
                f"not {_shown(fields)}"
            )
        item = {**fields, "name": name}
    if not isinstance(item, Mapping):
        raise ValueError(f"speaker #{number} is not 'name: …' lines but {_shown(item)}")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        if name is None or name == "":
            raise ValueError(f"speaker #{number} has no name")
        raise ValueError(f"speaker #{number}: name must be text, not {_shown(name)}")
    label = f"speaker {name.strip()!r}"
    kind = item.get("kind") or "person"
    if kind not in ("person", "organization"):
        raise ValueError(f"{label}: kind must be person or organization, not {_shown(kind)}")
    names = {}
    for key in ("aliases", "distinct"):
        value = item.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
            raise ValueError(
                f"{label}: {key} must be a name or a list of names, not {_shown(value)}"
            )
        names[key] = tuple(a.strip() for a in value if a.strip())
    texts = {}
    for key in ("role", "description", "wikidata", "slug"):
        value = item.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, str | int | float)
        ):
            raise ValueError(f"{label}: {key} must be text, not {_shown(value)}")
        texts[key] = _opt(value)
    return SpeakerEntry(
        name=name.strip(),
        kind=kind,
        aliases=names["aliases"],
        distinct=names["distinct"],
        **texts,
    )


def _shown(value: object, limit: int = 50) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


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

    def resolve(
        self, name: str, kind: str = "person", role: str | None = None, article: str = ""
    ) -> SpeakerEntity:
        """The entity a name stands for, creating it when the name is new; kind, role
        and article are what one article says of it (they decide later merges)."""
        folded = fold(name)
        key = self._alias.get(folded, folded)
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = SpeakerEntity(key, name, kind)
            self._alias[folded] = key
        entity.names.add(name)
        entity.kinds[kind] += 1
        if role:
            entity.roles.add(role)
        if article:
            entity.articles.add(article)
        return entity

    def settle_kinds(self) -> None:
        """Each entity is the kind most of its articles give it (the editors' first)."""
        for entity in self.entities.values():
            if entity.entry is None and entity.kinds:
                entity.kind = max(entity.kinds, key=lambda k: (entity.kinds[k], k == "person"))

    def entity_of(self, name: str) -> SpeakerEntity:
        """The entity a known name stands for (after aliases and surnames are merged)."""
        return self.entities[self._alias[fold(name)]]

    def merge_surnames(self) -> list[Merge]:
        """A one-word person name (or a surname led by its particles, "da Silva") joins the
        archive's only longer person name ending in it, when nothing says they are two
        people; returns every decision, for the speakers report.

        Kept apart: two or more full names fit ("Browne": Des Browne, Lord Browne); the
        kinds differ; the short name is an acronym ("BP"), or is quoted alone in three
        articles or more and in more than the full name is ("Labour", "New Labour");
        both have roles
        and no role word in common (BP's chief executive is not the immigration
        minister); the editors' speakers file lists the name
        under the full name's ``distinct``. Names with a title ("Lord Browne", "Sir
        Alex") never join a full name across articles: the title may be all the text
        gives of a different person.
        """
        by_last: dict[str, list[str]] = {}
        for key, entity in self.entities.items():
            words = key.split()
            if entity.kind == "person" and len(words) > 1 and not _titled(entity.name):
                by_last.setdefault(words[-1], []).append(key)
        decisions: list[Merge] = []
        for key in list(self.entities):
            entity = self.entities[key]
            # only names the editors did not define themselves, and only a surname: one
            # word, or one led by its particles ("da Silva", "van Persie")
            words = key.split()
            if entity.entry or any(w not in NAME_PARTICLES for w in words[:-1]):
                continue
            targets = [t for t in by_last.get(words[-1], []) if t != key and t.endswith(" " + key)]
            if not targets:
                continue
            n = len(entity.articles)
            if len(targets) > 1:
                names = ", ".join(sorted(self.entities[t].name for t in targets))
                decisions.append(Merge(entity.name, None, "kept apart", f"fits {names}", n))
                continue
            target = self.entities[targets[0]]
            why = self._conflict(entity, target)
            if why:
                decisions.append(Merge(entity.name, target.name, "kept apart", why, n))
                continue
            target.names |= entity.names
            target.quotes += entity.quotes
            target.roles |= entity.roles
            target.articles |= entity.articles
            del self.entities[key]
            for alias, k in self._alias.items():
                if k == key:
                    self._alias[alias] = target.key
            decisions.append(
                Merge(entity.name, target.name, "merged", "the only full name that fits", n)
            )
        return decisions

    @staticmethod
    def _conflict(short: SpeakerEntity, full: SpeakerEntity) -> str | None:
        """Why a short name must not join a full one, or None."""
        if full.entry and fold(short.name) in {fold(n) for n in full.entry.distinct}:
            return "kept apart in the speakers file"
        if short.name.isupper() and len(short.name) > 1:
            return "an acronym, not a surname"  # "BP" is no one's surname
        if len(short.articles) >= 3 and len(short.articles) > len(full.articles):
            # "Labour" in four articles, "New Labour" in one: a name of its own
            return f"quoted alone in more articles ({len(short.articles)}) than the full name"
        if short.kind != full.kind:
            # "Fox producers" (the network) is not Liam Fox; a lone surname is a person
            # only where its article says so ("Mr Peskov", "he said", a job)
            return f"{short.kind}, not {full.kind}"
        if short.roles and full.roles:
            words = lambda roles: {w for r in roles for w in fold(r).split() if len(w) > 3}  # noqa: E731
            if not words(short.roles) & words(full.roles):
                return f"roles differ ({sorted(short.roles)[0]}; {sorted(full.roles)[0]})"
        return None

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
