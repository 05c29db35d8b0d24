"""A Pelican Writer that skips pages whose inputs did not change, and renders on every
core.

Skipping. Pelican renders every page at every build. A page depends on the template
(and every template it extends, includes or imports), on the settings and site-wide
values the templates read, and on what the page itself is given: an article page its
article (content with links resolved, metadata, and whatever plugins attached to it:
here the quotations and speakers), a list page its page of articles. This writer keeps
a digest of those inputs for each page in CACHE_PATH/pages.json and, when the digest
and the file in the output folder are both unchanged, leaves the page alone: not
rendered, not rewritten.

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

Parallel sections. Pelican renders in one process. Between `begin()` and `join()`
(the article generator's pages, and any plugin's that asks with `parallel()`), the
writer forks: every process runs the same generator code, and each page is rendered
by the one process its name falls to (by a hash of the name), so a page and any later
page of the same name stay in order. A child reports what it wrote, its digests and
its log messages back through a pipe, then exits; if a child fails, its pages are
rendered again by the parent. Receivers of `content_written` see a child's pages after
the section, with no template context, so the writer forks only when every receiver
says it accepts that (a `replay_safe` attribute); otherwise it renders alone. Other
receivers of signals sent inside a section run in every process. No fork where the
platform has none (Windows), with WRITE_WORKERS = 1, or for fewer than
WRITE_PARALLEL_MIN articles (forking costs more than it saves on a small site).
"""

from __future__ import annotations

import atexit
import dataclasses
import gc
import json
import logging
import os
import pickle
import sys
import warnings
import zlib
from contextlib import contextmanager
from pathlib import Path

from blinker import ANY
from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator
from pelican.paginator import Page, Paginator
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from .digest import Describer, Templates, Unstable, digest_of, text_digest

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


class _Capture(logging.Handler):
    """A child's log records, kept to be logged by the parent."""

    def __init__(self):
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record):
        try:
            self.records.append((record.name, record.levelno, record.getMessage()))
        except Exception:  # noqa: BLE001 - a message that cannot be formatted
            self.records.append((record.name, record.levelno, str(record.msg)))


@dataclasses.dataclass
class _Section:
    """One parallel section, as this process sees it."""

    rank: int
    size: int
    children: dict[int, tuple[int, int]] = dataclasses.field(
        default_factory=dict
    )  # rank: (pid, fd)
    fd: int | None = None  # a child's end of its pipe
    capture: _Capture | None = None
    written: list[str] = dataclasses.field(default_factory=list)
    replay: dict[int, list] = dataclasses.field(default_factory=dict)  # rank: writes
    failed: BaseException | None = None

    def owner(self, name: str) -> int:
        return zlib.crc32(name.encode("utf-8", "surrogatepass")) % self.size


class SkipUnchangedWriter(Writer):
    """Pelican's Writer, leaving unchanged pages as they are, on every core."""

    #: Fewer articles than this: one process renders them (forking costs more).
    PARALLEL_MIN = 200

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        settings = settings or {}
        cache = settings.get("CACHE_PATH")
        enabled = settings.get("INCREMENTAL_WRITES", True)
        self.manifest_path = Path(cache) / "pages.json" if cache and enabled else None
        workers = settings.get("WRITE_WORKERS")
        self.workers = max(1, int(workers if workers is not None else (os.cpu_count() or 1)))
        self.parallel_min = settings.get("WRITE_PARALLEL_MIN", self.PARALLEL_MIN)
        self.old: dict[str, str] = {}
        self.new: dict[str, str] = {}
        self.templates: dict[tuple[int, str], _Template | None] = {}
        self._themes: dict[int, Templates] = {}  # per Jinja environment
        self.describe = Describer()
        self.skipped = self.rendered = 0
        self.section: _Section | None = None
        if self.manifest_path is not None:
            try:
                self.old = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.old = {}

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
        """Pelican's write_file, page by page (see Writer.write_file)."""
        if not name:
            return
        if paginated is None:
            paginated = {key: val for key, val in kwargs.items() if key in WHOLE_LISTS}
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            self._page(template, context, name, kwargs, relative_urls, override_output)
            return
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginators = {
            key: Paginator(name, url, val, self.settings, per_page)
            for key, val in paginated.items()
        }
        for page_num in range(next(iter(paginators.values())).num_pages):
            page_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                page = paginator.page(page_num + 1)
                page_kwargs.update(
                    {
                        f"{key}_paginator": paginator,
                        f"{key}_page": page,
                        f"{key}_previous_page": paginator.page(page_num) if page_num else None,
                        f"{key}_next_page": (
                            paginator.page(page_num + 2)
                            if page_num + 1 < paginator.num_pages
                            else None
                        ),
                    }
                )
            self._page(template, context, page.save_as, page_kwargs, relative_urls, override_output)

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        section = self.section
        if path and section is not None and section.owner(path) != section.rank:
            return None
        return super().write_feed(elements, context, path, url, *args, **kwargs)

    def _page(self, template, context, name, kwargs, relative_urls, override) -> None:
        siteurl = path_to_url(get_relative_path(name)) if relative_urls else None
        if siteurl is not None:
            # as Pelican does before rendering: content links are made relative to it
            context["localsiteurl"] = siteurl
        section = self.section
        if section is not None and section.owner(name) != section.rank:
            if section.rank == 0:  # kept, should the child that renders it fail
                page = (template, context.copy(), name, kwargs, relative_urls, override)
                section.replay.setdefault(section.owner(name), []).append(
                    lambda: self._render(*page)
                )
            return
        digest = None
        if self.manifest_path is not None:
            digest = self.page_digest(name, template, context, relative_urls, kwargs)
            path = sanitised_join(self.output_path, name)
            if digest is not None and self.old.get(name) == digest and os.path.isfile(path):
                self.new[name] = digest
                self.skipped += 1
                return
        try:
            self._render(template, context, name, kwargs, relative_urls, override)
        except Exception as err:
            if section is None or section.rank == 0:
                raise
            section.failed = err  # the parent renders this child's pages
            return
        self.rendered += 1
        if digest is not None:
            self.new[name] = digest

    def owns(self, name: str) -> bool:
        """Whether this process writes the file `name` (always, outside parallel sections)."""
        return self.section is None or self.section.owner(name) == self.section.rank

    def write_text(self, name: str, text: str) -> None:
        """Write a file that no template renders (data beside the pages), unless it is
        unchanged; in a parallel section, by the process the name falls to."""
        section = self.section
        if section is not None and section.owner(name) != section.rank:
            if section.rank == 0:
                section.replay.setdefault(section.owner(name), []).append(
                    lambda: self._write_text(name, text, None)
                )
            return
        digest = None
        if self.manifest_path is not None:
            digest = "text:" + text_digest(text)
            path = sanitised_join(self.output_path, name)
            if self.old.get(name) == digest and os.path.isfile(path):
                self.new[name] = digest
                self.skipped += 1
                return
        self._write_text(name, text, digest)

    def _write_text(self, name: str, text: str, digest: str | None) -> None:
        path = sanitised_join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with self._open_w(path, "utf-8") as f:
            f.write(text)
        self.rendered += 1
        if digest is not None:
            self.new[name] = digest

    def _render(self, template, context, name, kwargs, relative_urls, override) -> None:
        localcontext = context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = name
        localcontext.update(kwargs)
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        output = template.render(localcontext)
        path = sanitised_join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with self._open_w(path, "utf-8", override=override) as f:
            f.write(output)
        logger.info('Writing "%s"', path)
        if self.section is not None:
            self.section.written.append(path)
            if self.section.rank:
                return  # the parent sends the signal once the section is joined
        signals.content_written.send(path, context=localcontext)

    # -- digests ------------------------------------------------------------------

    def template_info(self, template) -> _Template | None:
        key = (id(template.environment), template.name)  # generators may differ in themes
        if key in self.templates:
            return self.templates[key]
        templates = self._themes.get(id(template.environment))
        if templates is None or templates.env is not template.environment:
            templates = self._themes[id(template.environment)] = Templates(template.environment)
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
            data = [site, name, siteurl, self.describe(given, info.whole_lists)]
            if isinstance(article, Content):
                data += [article.get_content(siteurl), self.describe.article(article)]
            return digest_of(data)
        except Unstable as why:
            logger.debug("%s is rendered: %s", name, why)
            return None

    # -- parallel sections --------------------------------------------------------

    @contextmanager
    def parallel(self, work: int):
        """Render the pages written inside on every core (when there is enough work;
        inside another section, that section's processes share them)."""
        started = self.begin(work)
        try:
            yield self
        except BaseException as err:
            if started and self.section is not None and self.section.rank:
                self.section.failed = err  # a child stops here; the parent raises
            raise
        finally:
            if started:
                self.join()

    def can_fork(self, work: int) -> bool:
        if self.section is not None or self.workers < 2 or work < self.parallel_min:
            return False
        if not hasattr(os, "fork"):
            return False
        for receiver in signals.content_written.receivers_for(ANY):
            if not getattr(receiver, "replay_safe", False):
                logger.info("pages are rendered in one process: %r reads each page", receiver)
                return False
        return True

    def begin(self, work: int = 0) -> bool:
        """Fork the processes that render this section's pages with this one; whether
        a section began (join() ends it)."""
        if not self.can_fork(work):
            return False
        size = min(self.workers, max(2, work // max(1, self.parallel_min)))
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        gc.freeze()  # children copy no memory for the garbage collector's sake
        section = _Section(rank=0, size=size)
        for rank in range(1, size):
            try:
                read, write = os.pipe()
                with warnings.catch_warnings():
                    # Python 3.12+ warns that other threads (Pagefind's, the extraction
                    # pool's) do not follow into the child: it runs none of their code,
                    # and logs through a handler of its own, so no lock they hold is needed
                    warnings.simplefilter("ignore", DeprecationWarning)
                    pid = os.fork()
            except OSError as err:  # no process to spare: this rank's pages are the parent's
                logger.warning("cannot start a process to render pages: %s", err)
                break
            if pid == 0:  # a child: render this rank's pages, report at join()
                os.close(read)
                for _, fd in section.children.values():
                    os.close(fd)
                self._become_child(rank, size, write)
                return True
            os.close(write)
            section.children[rank] = (pid, read)
        self.section = section
        logger.info("rendering in %d processes", size)
        return True

    def _become_child(self, rank: int, size: int, fd: int) -> None:
        capture = _Capture()
        root = logging.getLogger()
        for handler in list(root.handlers):
            root.removeHandler(handler)
        root.addHandler(capture)
        # a child never outlives its section, even when Pelican's code raises in it
        atexit.register(os._exit, 70)
        self.section = _Section(rank=rank, size=size, fd=fd, capture=capture)
        self.new, self.skipped, self.rendered = {}, 0, 0

    def join(self) -> None:
        """End the section: a child reports and exits; the parent takes its reports."""
        section, self.section = self.section, None
        if section is None:
            return
        if section.rank:
            self._report(section)
        for rank in range(1, section.size):
            pid, fd = section.children.get(rank, (None, None))
            report = self._receive(pid, fd) if pid is not None else None
            if report is None:
                logger.warning(
                    "the process rendering %d pages in parallel failed: rendering them here",
                    len(section.replay.get(rank, ())),
                )
                for write in section.replay.get(rank, ()):
                    write()
                continue
            self.new.update(report["new"])
            self.skipped += report["skipped"]
            self.rendered += report["rendered"]
            self._written_files |= report["written_files"]
            self._overridden_files |= report["overridden_files"]
            for name, level, message in report["logs"]:
                logging.getLogger(name).log(level, "%s", message)
            for path in report["written"]:
                signals.content_written.send(path, context=None)

    def _report(self, section: _Section) -> None:
        code = 0
        try:
            if section.failed is not None:
                raise section.failed
            report = {
                "new": self.new,
                "skipped": self.skipped,
                "rendered": self.rendered,
                "written": section.written,
                "written_files": self._written_files,
                "overridden_files": self._overridden_files,
                "logs": section.capture.records,
            }
            data = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(section.fd, "wb") as pipe:
                pipe.write(data)
        except BaseException:  # noqa: BLE001 - the parent renders this child's pages
            code = 1
        os._exit(code)

    @staticmethod
    def _receive(pid: int, fd: int) -> dict | None:
        with os.fdopen(fd, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # noqa: BLE001 - a report cut short: the parent renders
            return None

    def save(self) -> None:
        if self.section is not None:
            self.join()
        if self.manifest_path is None:
            return
        try:
            self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.manifest_path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.new, sort_keys=True), encoding="utf-8")
            os.replace(tmp, self.manifest_path)
        except OSError as err:
            logger.warning("cannot save %s: %s", self.manifest_path, err)
        logger.info(
            "Pages and data files: %d written, %d unchanged and left as they were",
            self.rendered,
            self.skipped,
        )


_writer: SkipUnchangedWriter | None = None


def get_writer(pelican):
    return _Tracked


class _Tracked(SkipUnchangedWriter):
    def __init__(self, output_path, settings=None):
        global _writer
        super().__init__(output_path, settings=settings)
        _writer = self


def in_parallel(generators) -> None:
    """The article generator's pages (articles, lists, feeds) form a parallel section."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator) and "generate_pages" not in vars(generator):
            generator.generate_pages = _parallel_pages(generator, generator.generate_pages)


def _parallel_pages(generator, generate_pages):
    def parallel_pages(writer):
        if not isinstance(writer, SkipUnchangedWriter):
            return generate_pages(writer)
        with writer.parallel(len(generator.articles)):
            return generate_pages(writer)

    return parallel_pages


def on_finalized(pelican) -> None:
    global _writer
    if _writer is not None:
        _writer.save()
        _writer = None
    release()


def settle(*_args) -> None:
    """Every article is read and annotated: what the build holds from now on lives
    until its end. Python's collector stops scanning it (at a full collection of a
    5,000-article build, that was 10% of a rebuild); forked writers share it."""
    gc.collect()
    gc.freeze()


def release(*_args) -> None:
    gc.unfreeze()  # the next build in this process (the devserver) starts afresh


def register() -> None:
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(in_parallel)
    signals.all_generators_finalized.connect(settle)
    signals.initialized.connect(release)  # after a build that failed half-way
    signals.finalized.connect(on_finalized)
