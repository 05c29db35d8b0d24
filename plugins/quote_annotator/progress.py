"""A progress line for long builds: articles read, quotes found, pages written.

On a terminal, the line is a rich.progress display on Pelican's console
(`pelican.log.console`), so it never mixes with log messages; under Pelican's
"Generating..." spinner it is drawn with it, redrawn at most five times a second.
Elsewhere (CI logs, pipes) nothing is drawn. The time of each stage is logged at the end
(visible with -v). A display that fails is switched off: it never stops a build.

Each build keeps its line in its state (archive_site.build), from the start of a run
to `finalized` (plugin.py).
"""

from __future__ import annotations

import contextlib
import logging
import time

from pelican.log import console as pelican_console
from rich import progress as rich_progress

from archive_site import build

logger = logging.getLogger(__name__)

#: Where a build keeps its progress line (archive_site.build).
STATE = "quote_annotator.progress"


class Progress:
    INTERVAL = 0.2

    def __init__(self, console=None, *, display: bool = True):
        """console: where to draw (None: Pelican's); display=False: count, never draw."""
        self.articles = self.quotes = self.pages = 0
        self.stage = "reading"
        self.started = self._mark = time.perf_counter()
        self.stages: list[tuple[str, float]] = []
        self._drawn = 0.0
        self._display = self._task = None
        if display:
            try:
                self._start_display(console if console is not None else pelican_console)
            except Exception:  # noqa: BLE001 - a display problem must never stop a build
                self._display = None

    @property
    def enabled(self) -> bool:
        return self._display is not None

    def _start_display(self, console) -> None:
        if not console.is_terminal:
            return
        display = rich_progress.Progress(
            rich_progress.TextColumn("{task.description}", markup=False),
            console=console,
            transient=True,  # gone once the build is done: the log line tells the rest
            refresh_per_second=1 / self.INTERVAL,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = display.add_task(self.line(), total=None)
        display.start()
        self._display = display

    def next_stage(self, name: str) -> None:
        now = time.perf_counter()
        self.stages.append((self.stage, now - self._mark))
        self.stage, self._mark = name, now
        self.draw(force=True)

    def article(self) -> None:
        self.articles += 1
        self.draw()

    def found(self, quotes: int) -> None:
        self.quotes += quotes

    def page(self) -> None:
        self.pages += 1
        self.draw()

    def page_written(self, path, context=None) -> None:
        """A receiver of Pelican's `content_written` for this build (see plugin.py)."""
        self.page()

    def line(self) -> str:
        return (
            f"{self.stage}: {self.articles:,} articles read · {self.quotes:,} quotes found"
            f" · {self.pages:,} pages written"
        )

    def draw(self, force: bool = False) -> None:
        if self._display is None:
            return
        now = time.perf_counter()
        if not force and now - self._drawn < self.INTERVAL:
            return
        self._drawn = now
        try:
            self._display.update(self._task, description=self.line())
        except Exception:  # noqa: BLE001 - a display problem must never stop a build
            self.stop()

    def stop(self) -> None:
        """Take the line off the screen (the build goes on without it)."""
        display, self._display = self._display, None
        if display is None:
            return
        # a display problem must never stop a build
        with contextlib.suppress(Exception):
            # hidden first: under Pelican's spinner, the line is gone from its next frame
            display.update(self._task, visible=False, refresh=True)
        with contextlib.suppress(Exception):
            display.stop()

    def close(self) -> None:
        """The build is done: the line goes, the stages' times are logged."""
        self.stages.append((self.stage, time.perf_counter() - self._mark))
        self.stop()
        logger.info(
            "%s; %s",
            self.line().split(": ", 1)[1],
            ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.stages),
        )


def current(settings) -> Progress:
    """This build's progress line (made on first use, closed by close())."""
    state = build.of(settings)
    shown = state.get(STATE)
    if shown is None:
        shown = state[STATE] = Progress()
    return shown


def close(settings, *, report: bool = True) -> Progress | None:
    """End this build's progress line: off the screen, and its times logged (report);
    the line that was closed, if there was one."""
    shown = build.of(settings).pop(STATE, None)
    if shown is not None and report:
        shown.close()
    elif shown is not None:
        shown.stop()
    return shown
