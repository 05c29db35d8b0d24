"""The progress line: Rich's public progress display on a terminal, nothing elsewhere,
never a reason for a build to stop; one line per build, kept in the build's state."""

from __future__ import annotations

import io
import logging
import time

from pelican import signals
from rich.console import Console

from archive_site import build
from quote_annotator import plugin, progress


def terminal() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, width=120)


def test_the_line_is_drawn_on_a_terminal_and_gone_at_the_end(caplog):
    console = terminal()
    shown = progress.Progress(console)
    assert shown.enabled
    shown.article()
    shown.found(3)
    shown.next_stage("writing")  # drawn at once; the counts at most five times a second
    time.sleep(shown.INTERVAL)
    shown.page()
    time.sleep(3 * shown.INTERVAL)  # Rich redraws it from a thread of its own
    with caplog.at_level(logging.INFO, logger="quote_annotator.progress"):
        shown.close()
    drawn = console.file.getvalue()
    assert "writing: 1 articles read · 3 quotes found · 1 pages written" in drawn
    assert not shown.enabled
    [record] = caplog.records
    assert record.getMessage().startswith(
        "1 articles read · 3 quotes found · 1 pages written; reading "
    )
    assert ", writing " in record.getMessage()


def test_under_pelicans_spinner_the_line_is_drawn_with_it():
    console = terminal()
    with console.status("Generating..."):
        shown = progress.Progress(console)
        shown.article()
        shown.next_stage("writing")
        time.sleep(0.3)
        before = len(console.file.getvalue())
        shown.close()
        time.sleep(0.2)
    drawn = console.file.getvalue()
    assert "Generating..." in drawn and "writing: 1 articles read" in drawn[:before]
    # off the spinner's very next frame
    assert "Generating..." in drawn[before:] and "articles read" not in drawn[before:]
    # the spinner's display is gone too: another one can start and stop
    with console.status("Again"):
        pass


def test_nothing_is_drawn_elsewhere():
    console = Console(file=io.StringIO())  # a pipe, a CI log
    shown = progress.Progress(console)
    assert not shown.enabled
    shown.article()
    shown.next_stage("writing")
    shown.close()
    assert console.file.getvalue() == ""


class BrokenConsole:
    is_terminal = True

    def __getattr__(self, name):
        raise RuntimeError("the terminal went away")


def test_a_display_that_fails_never_stops_the_build(caplog):
    shown = progress.Progress(BrokenConsole())
    assert not shown.enabled
    shown.article()
    shown.next_stage("writing")
    shown.page()
    shown.close()

    shown = progress.Progress(terminal())
    shown._display.update = None  # fails at the next draw
    shown.next_stage("writing")
    assert not shown.enabled
    shown.page()
    shown.close()


def test_one_line_per_build_kept_in_its_state():
    one, two = {"SITENAME": "one"}, {"SITENAME": "two"}
    try:
        first = progress.current(one)
        assert progress.current(one) is first
        assert build.of(one)[progress.STATE] is first
        assert progress.current(two) is not first
        first.article()
        assert progress.close(one) is first
        assert progress.STATE not in build.of(one)
        assert progress.current(one) is not first  # the next run starts afresh
    finally:
        for settings in (one, two):
            progress.close(settings, report=False)
            build.end(settings)


class Generator:
    def __init__(self, settings):
        self.settings = settings


class Pelican:
    def __init__(self, settings):
        self.settings = settings


def test_pages_written_are_counted_for_the_build_writing_them(caplog):
    settings = {"SITENAME": "counted"}
    try:
        plugin._starting(Pelican(settings))
        shown = progress.current(settings)
        plugin._writing([Generator(settings)])
        signals.content_written.send("index.html", context={})
        signals.content_written.send("a.html", context=None)
        assert shown.pages == 2
        with caplog.at_level(logging.INFO):
            plugin._done(Pelican(settings))
        assert "2 pages written" in caplog.text
        signals.content_written.send("later.html", context=None)  # another build's page
        assert shown.pages == 2
        assert progress.STATE not in build.of(settings)
    finally:
        plugin._put_away(settings, report=False)
        build.end(settings)


def test_a_run_that_failed_half_way_leaves_nothing_to_the_next(caplog):
    settings = {"SITENAME": "failed"}
    try:
        plugin._starting(Pelican(settings))
        failed = progress.current(settings)
        plugin._writing([Generator(settings)])  # ... and the build raises
        plugin._starting(Pelican(settings))  # the devserver's next run
        assert progress.current(settings) is not failed
        signals.content_written.send("index.html", context=None)
        assert failed.pages == 0
    finally:
        plugin._put_away(settings, report=False)
        build.end(settings)
