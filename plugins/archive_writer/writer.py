"""A Pelican Writer that skips pages whose inputs did not change.

Pelican renders every page at every build. A page depends on the template (and every
template it extends, includes or imports), on the settings and site-wide values the
templates read, and on what the page itself is given: an article page its article
(content with links resolved, metadata, and whatever plugins attached to it: here the
quotations and speakers), a list page its page of articles. This writer keeps a digest
of those inputs for each page in CACHE_PATH/pages.json and, when the digest and the
file in the output folder are both unchanged, does not render the page: it is left
alone (not rewritten). A paginated list is paginated here, with Pelican's public
Paginator and as Pelican's own write_file does it, so that each of its pages is one
call of Pelican's write_file, made only for a page whose digest changed: an unchanged
page of a list of 2,000 articles is neither rendered, nor read back, nor written.

What a template reads is found by parsing it: settings (UPPERCASE names) and site-wide
values such as `articles` or `tags` go into one digest per template, so a theme that
lists the latest articles on every page re-renders them all when an article changes,
as it must. A paginated page is described by its own page of articles (each article
as fully as its own page describes it); the whole list behind the paginator counts
only where a template reads it (`articles`, `dates`, or `object_list` of anything but
the page's own `..._page`). A value the writer cannot describe (an unknown object), or
a template included by a computed name, turns the skipping off for that template,
never on. A filter or global function that reads the template context by itself
(Jinja's pass_context) is not seen: a theme with one should set INCREMENTAL_WRITES off.
Data files written with write_text() are skipped when their text is unchanged.

Only Pelican's public API is used: the writer subclasses `pelican.writers.Writer` and
calls its `write_file`; the pages it renders are rendered and written by Pelican.
Pages are rendered in Pelican's process (the extraction workers and the Pagefind
indexer use the other cores meanwhile).
"""

from __future__ import annotations

import dataclasses
import gc
import json
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from archive_site import atomic, build

from .digest import Describer, Templates, Unstable, digest_of, parts_digest, text_digest
from .templates import cache_templates

logger = logging.getLogger(__name__)

#: Names a page's template gets for itself (digested per page, not per site).
PAGE_NAMES = {"article", "category", "url", "output_file", "localsiteurl", "SITEURL"}
#: Lists of articles Pelican passes to list pages whole (the paginated ones).
WHOLE_LISTS = {"articles", "dates"}


@dataclasses.dataclass
class _Template:
    """What one template reads, and the digest of the site-wide part of it."""

    names: set[str]
    used: set[str]
    whole_lists: bool
    templates: Templates
    site: dict[frozenset, str] = dataclasses.field(default_factory=dict)


class SkipUnchangedWriter(Writer):
    """Pelican's Writer, leaving unchanged pages as they are."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        settings = settings or {}
        cache = settings.get("CACHE_PATH")
        enabled = settings.get("INCREMENTAL_WRITES", True)
        self.manifest_path = Path(cache) / "pages.json" if cache and enabled else None
        # what each template refers to and reads, by a digest of its source (digest.py)
        self.reads_path = Path(cache) / "template-reads.json" if cache and enabled else None
        self.reads: dict[str, dict] = {}
        self.old: dict[str, str] = {}
        self.new: dict[str, str] = {}
        self.templates: dict[tuple[int, str], _Template | None] = {}
        self._themes: dict[int, Templates] = {}  # per Jinja environment
        self.describe = Describer()
        self.skipped = self.rendered = 0
        if self.manifest_path is not None:
            try:
                self.old = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.old = {}
            try:
                reads = json.loads(self.reads_path.read_text(encoding="utf-8"))
                self.reads = reads if isinstance(reads, dict) else {}
            except (OSError, ValueError):
                self.reads = {}

    # -- writing ------------------------------------------------------------------

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        """Pelican's write_file, skipping the pages whose inputs are unchanged."""
        if not name or self.manifest_path is None:
            return super().write_file(
                name, template, context, relative_urls, paginated, template_name,
                override_output, url, **kwargs,
            )  # fmt: skip
        lists = paginated
        if lists is None:
            lists = {key: val for key, val in kwargs.items() if key in WHOLE_LISTS}
        if lists and template_name in self.settings["PAGINATED_TEMPLATES"]:
            per_page = (
                self.settings["PAGINATED_TEMPLATES"][template_name]
                or self.settings["DEFAULT_PAGINATION"]
            )
            for save_as, values in paginate(name, url, lists, kwargs, self.settings, per_page):
                # one page: Pelican's write_file with what its own pagination gives it
                self._write_page(save_as, template, context, relative_urls, override_output, values)
            return None
        return self._write_page(name, template, context, relative_urls, override_output, kwargs)

    def _write_page(self, name, template, context, relative_urls, override_output, kwargs):
        """Render and write one page through Pelican's write_file, unless unchanged."""
        siteurl = path_to_url(get_relative_path(name)) if relative_urls else None
        if siteurl is not None:
            # as Pelican does before rendering: content links are made relative to it
            context["localsiteurl"] = siteurl
        digest = self.page_digest(name, template, context, relative_urls, kwargs)
        if self.unchanged(name, digest):
            return None
        if digest is not None:
            self.new[name] = digest
        self.rendered += 1
        # no template_name: Pelican writes this one page as it is given, unpaginated
        return super().write_file(
            name, template, context, relative_urls, override_output=override_output, **kwargs
        )

    def unchanged(self, name: str, digest: str | None) -> bool:
        """Whether the page `name` was made from these inputs and is still in the
        output folder (then it counts as skipped)."""
        if digest is None or self.old.get(name) != digest:
            return False
        # (only a test: a name outside the output folder is refused when it is written)
        if not os.path.isfile(os.path.join(self.output_path, name)):
            return False
        self.new[name] = digest
        self.skipped += 1
        return True

    def write_text(self, name: str, text: str) -> None:
        """Write a file that no template renders (data beside the pages), unless it is
        unchanged (archive_site.contracts.DataWriter)."""
        digest = None
        if self.manifest_path is not None:
            digest = "text:" + text_digest(text)
            if self.unchanged(name, digest):
                return
        atomic.write_bytes(
            sanitised_join(self.output_path, name), text.encode("utf-8", "surrogatepass")
        )
        self.rendered += 1
        if digest is not None:
            self.new[name] = digest

    # -- digests ------------------------------------------------------------------

    def template_info(self, template) -> _Template | None:
        key = (id(template.environment), template.name)  # generators may differ in themes
        if key in self.templates:
            return self.templates[key]
        templates = self._themes.get(id(template.environment))
        if templates is None or templates.env is not template.environment:
            templates = Templates(template.environment, self.reads)
            self._themes[id(template.environment)] = templates
        try:
            names = templates.names(template.name)
            info = _Template(
                names, templates.variables(names), templates.reads_whole_lists(names), templates
            )
        except Unstable as why:
            logger.info("%s: every page is rendered: %s", template.name, why)
            info = None
        except Exception as err:  # noqa: BLE001 - skipping is an optimisation only
            logger.info(
                "%s: every page is rendered: %s: %s", template.name, type(err).__name__, err
            )
            info = None
        self.templates[key] = info
        return info

    def site_digest(self, template, context, given=frozenset()) -> str | None:
        """Everything the template reads but the page's own values, once per build."""
        info = self.template_info(template)
        if info is None:
            return None
        if given in info.site:
            return info.site[given]
        try:
            data = {
                "templates": {n: info.templates.source(n) for n in sorted(info.names)},
                "context": self.describe(
                    {n: context[n] for n in info.used - PAGE_NAMES - given if n in context}
                ),
                "settings": self.describe(
                    {k: v for k, v in self.settings.items() if k.isupper() and k in info.used}
                ),
            }
            digest = digest_of(data)
        except Unstable as why:
            logger.info("%s: every page is rendered: %s", template.name, why)
            digest = None
        info.site[given] = digest
        return digest

    def page_digest(self, name, template, context, relative_urls, kwargs) -> str | None:
        site = self.site_digest(template, context, frozenset(kwargs))
        if site is None:
            return None
        info = self.template_info(template)
        article = kwargs.get("article")
        siteurl = (
            path_to_url(get_relative_path(name))
            if relative_urls
            else context.get("localsiteurl", "")
        )
        given = {k: v for k, v in kwargs.items() if k != "article" and k in info.used}
        if not info.whole_lists:  # the pages before and after this one: their links
            for key, value in given.items():
                if isinstance(value, Page) and key.endswith(("_previous_page", "_next_page")):
                    given[key] = ["Page", value.number, value.url, value.save_as]
        try:
            # texts hashed as they are: an article's content is not escaped as JSON again
            data = [site, name, json.dumps(siteurl), self.describe(given, info.whole_lists)]
            if isinstance(article, Content):
                data += [article.get_content(siteurl), self.describe.article(article)]
            return parts_digest(data)
        except Unstable as why:
            logger.debug("%s is rendered: %s", name, why)
            return None

    def save(self) -> None:
        if self.manifest_path is None:
            return
        used = set().union(*(t.used for t in self._themes.values()))
        reads = {key: self.reads[key] for key in sorted(used) if key in self.reads}
        files = [(self.manifest_path, self.new), (self.reads_path, reads)]
        for path, data in files:
            try:
                atomic.write_bytes(path, json.dumps(data, sort_keys=True).encode("utf-8"))
            except OSError as err:
                logger.warning("cannot save %s: %s", path, err)
        logger.info(
            "Pages and data files: %d written, %d unchanged and left as they were",
            self.rendered,
            self.skipped,
        )


def paginate(name, url, lists, kwargs, settings, per_page):
    """The pages of a paginated list, as Pelican's Writer.write_file makes them: for each,
    the file it is saved as and the values its template gets (kwargs, and for each list
    its paginator, page, previous and next page), with Pelican's public Paginator."""
    paginators = {
        key: Paginator(name, url, values, settings, per_page) for key, values in lists.items()
    }
    for number in range(next(iter(paginators.values())).num_pages):
        values = kwargs.copy()
        for key, paginator in paginators.items():
            page = paginator.page(number + 1)
            values[f"{key}_paginator"] = paginator
            values[f"{key}_page"] = page
            values[f"{key}_previous_page"] = paginator.page(number) if number > 0 else None
            values[f"{key}_next_page"] = (
                paginator.page(number + 2) if number + 1 < paginator.num_pages else None
            )
        yield page.save_as, values


def get_writer(pelican):
    return _Tracked


class _Tracked(SkipUnchangedWriter):
    """The writer of a build, kept in its state so `finalized` saves its manifest."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        if settings is not None:
            build.of(settings)["archive_writer.writer"] = self


def on_finalized(pelican) -> None:
    writer = build.of(pelican.settings).pop("archive_writer.writer", None)
    if writer is not None:
        writer.save()
    release()


#: The generators' lists of content (Pelican's public attributes).
CONTENT_LISTS = (
    "articles", "translations", "hidden_articles", "hidden_translations", "drafts",
    "drafts_translations", "pages", "hidden_pages", "draft_pages", "draft_translations",
)  # fmt: skip


def freeze_urls(generators) -> None:
    """Every article and page is read: its address is final. Pelican formats `url` and
    `save_as` from the settings at every use (tens of thousands of times in a build:
    lists, speaker pages, digests); each is now kept as the object's own, with Pelican's
    public override (the `url` and `save_as` metadata, as a Pelican user would set them),
    except where an override is set already."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or ():
                if not isinstance(content, Content):
                    continue
                if not hasattr(content, "override_url"):
                    content.override_url = content.url
                if not hasattr(content, "override_save_as"):
                    content.override_save_as = content.save_as


def freeze_article_urls(generator) -> None:
    """The articles' addresses are final once the articles generator has read and
    settled them (archive_guard renames at `article_generator_pretaxonomy`): kept now,
    before the speaker pages, the search records and the quotation tables ask for them
    thousands of times; pages are kept with every other content at
    `all_generators_finalized`."""
    freeze_urls([generator])


def settle(*_args) -> None:
    """Every article is read and annotated: what the build holds from now on lives
    until its end. Python's collector stops scanning it (at a full collection of a
    5,000-article build, that was 10% of a rebuild)."""
    gc.collect()
    gc.freeze()


def release(*_args) -> None:
    gc.unfreeze()  # the next build in this process (the devserver) starts afresh


def register() -> None:
    signals.get_writer.connect(get_writer)
    signals.generator_init.connect(cache_templates)
    signals.article_generator_finalized.connect(freeze_article_urls)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.all_generators_finalized.connect(settle)
    signals.initialized.connect(release)  # after a build that failed half-way
    signals.finalized.connect(on_finalized)
