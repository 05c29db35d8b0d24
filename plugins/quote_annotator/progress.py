"""A progress line for long builds: articles read, quotes found, pages written.

On a terminal, Pelican shows a "Generating..." spinner while it builds; the line is
written into that spinner, redrawn at most five times a second, so it never mixes
with log messages. Elsewhere (CI logs, pipes, -q) nothing is drawn. The time of each
stage is logged at the end (visible with -v).
"""

from __future__ import annotations

import logging
import time

logger = logging.getLogger(__name__)


class Progress:
    INTERVAL = 0.2

    def __init__(self, spinner=None):
        # rich's Spinner of Pelican's status display, if one is on screen
        self.spinner = spinner if spinner is not None else _pelican_spinner()
        self.enabled = self.spinner is not None
        self.articles = self.quotes = self.pages = 0
        self.stage = "reading"
        self.started = self._mark = time.perf_counter()
        self.stages: list[tuple[str, float]] = []
        self._drawn = 0.0

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

    def line(self) -> str:
        return (
            f"{self.stage}: {self.articles:,} articles read · {self.quotes:,} quotes found"
            f" · {self.pages:,} pages written"
        )

    def draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self._drawn < self.INTERVAL:
            return
        self._drawn = now
        try:
            self.spinner.update(text=f"Generating... {self.line()}")
        except Exception:  # noqa: BLE001 - a display problem must never stop a build
            self.enabled = False

    def close(self) -> None:
        self.stages.append((self.stage, time.perf_counter() - self._mark))
        if self.enabled:
            self.spinner.update(text="Generating...")
        logger.info(
            "%s; %s",
            self.line().split(": ", 1)[1],
            ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.stages),
        )


_current: Progress | None = None


def current() -> Progress:
    """This build's progress line (started with the first article, closed at the end)."""
    global _current
    if _current is None:
        _current = Progress()
    return _current


def close_current() -> None:
    global _current
    if _current is not None:
        done, _current = _current, None
        done.close()


def _pelican_spinner():
    """The spinner of Pelican's `console.status("Generating...")`, when it is live."""
    try:
        from pelican.log import console

        if not console.is_terminal:
            return None
        live = console._live_stack[-1] if console._live_stack else None  # rich's Live
        spinner = getattr(live, "_renderable", None)  # the Status's Spinner
        return spinner if hasattr(spinner, "text") and hasattr(spinner, "update") else None
    except Exception:  # noqa: BLE001 - no terminal display: no progress line
        return None
