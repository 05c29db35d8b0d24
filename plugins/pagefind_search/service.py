"""A client of the Pagefind binary's service mode (`pagefind --service`), with bounds.

The binary comes from the pagefind-bin package (`pagefind_bin.get_executable()`, its
public function). The protocol is the one Pagefind's own Node and Python wrappers speak:
each request is a JSON object ``{"message_id": n, "payload": {...}}``, base64-encoded
and ended by a comma on the binary's standard input; each reply is the same on its
standard output, carrying the request's message_id (an unparseable request is answered
with an Error whose ``original_message`` holds it). We speak it ourselves instead of
using the `pagefind` wrapper because the wrapper pauses 0.1 s before every reply, reads
replies through a 2 MiB buffer, merges the binary's panics into the reply stream and
waits on every reply without a bound: one bad record could hang a build for good.

Here every wait is bounded (`timeout`), a reply of any size is read, the binary's
standard error is kept apart (and quoted when it dies), and a failure is an exception
that names the request, the record's URL included. Requests are written by a thread of
their own, so a binary that stops reading cannot block the build either. A request
unanswered in time, a reply that is not the protocol, or an error that names no request
(its request would never be answered) ends the service at once: every request still
waiting fails with that reason, instead of each waiting out the timeout in turn.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import logging
import os
import queue
import subprocess
import threading
from collections import deque
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

#: How long one request may wait for its reply before the build gives up on the index.
DEFAULT_TIMEOUT = 300.0
_STDERR_KEPT = 8_192


class PagefindError(RuntimeError):
    """Pagefind refused a request, died, or did not answer in time; the message says which
    request (and which record)."""


def executable() -> Path:
    """The Pagefind binary: $PAGEFIND_BINARY_PATH if set, else the one pagefind-bin ships."""
    if path := os.environ.get("PAGEFIND_BINARY_PATH"):
        return Path(path)
    from pagefind_bin import get_executable

    return get_executable()


def describe(payload: dict) -> str:
    """A request as an error message names it: its type and, for a record, its URL."""
    kind = payload.get("type", "?")
    if payload.get("url"):
        return f"{kind} {payload['url']}"
    if payload.get("path"):
        return f"{kind} {payload['path']}"
    return kind


class PagefindService:
    """One `pagefind --service` process; thread-safe; use as a context manager.

    `submit()` sends a request and returns a Future of its reply payload; `request()`
    sends one and waits for it. Replies are read by a thread of their own; when the
    binary exits, every request still waiting fails with its standard error.
    """

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, binary: Path | str | None = None):
        self.timeout = timeout
        self._binary = str(binary or executable())
        self._lock = threading.Lock()
        self._pending: dict[int, tuple[Future, str]] = {}
        self._next_id = 0
        self._stderr: deque[bytes] = deque()
        self._stderr_size = 0
        self._dead: str | None = None
        # requests are written by a thread of their own: a binary that stops reading its
        # input blocks that thread only, never the caller (whose wait stays bounded)
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._proc = subprocess.Popen(
            [self._binary, "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=0,
        )
        self._threads = [
            threading.Thread(target=self._write_requests, name="pagefind-requests", daemon=True),
            threading.Thread(target=self._read_replies, name="pagefind-replies", daemon=True),
        ]
        self._errors = threading.Thread(target=self._read_stderr, name="pagefind-stderr")
        self._errors.daemon = True
        # stderr first: the reply reader joins it when the binary ends, however soon
        for thread in (self._errors, *self._threads):
            thread.start()

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # requests

    def submit(self, payload: dict[str, Any]) -> Future:
        """Send a request; the Future gets its reply payload or a PagefindError."""
        future: Future = Future()
        what = describe(payload)
        with self._lock:
            if self._dead is not None:
                future.set_exception(PagefindError(f"Pagefind cannot take {what}: {self._dead}"))
                return future
            self._next_id += 1
            message_id = self._next_id
            self._pending[message_id] = (future, what)
        try:
            # strict JSON in ASCII (lone surrogates escaped): the binary can parse it, or
            # answers with the request itself, from which _deliver takes its id
            message = json.dumps({"message_id": message_id, "payload": payload}, allow_nan=False)
        except (TypeError, ValueError) as err:
            with self._lock:
                self._pending.pop(message_id, None)
            future.set_exception(PagefindError(f"Pagefind cannot take {what}: {err}"))
            return future
        self._outbox.put(base64.b64encode(message.encode("ascii")) + b",")
        return future

    def wait(self, future: Future, what: str = "a request") -> dict:
        """The reply of a submitted request, within the timeout. A request unanswered in
        time ends the service: every other request fails at once (no wait adds up)."""
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            reason = (
                f"Pagefind did not answer {what} within {self.timeout:g} s"
                " (PAGEFIND_TIMEOUT); the search index is not written"
            )
            self._abort(reason)
            raise PagefindError(reason) from None

    def request(self, payload: dict[str, Any]) -> dict:
        """Send a request and wait for its reply (at most `timeout` seconds)."""
        return self.wait(self.submit(payload), describe(payload))

    # the index API, as Pagefind's wrappers name it

    def new_index(self, config: dict | None = None) -> int:
        reply = self.request({"type": "NewIndex", "config": config or None})
        return int(reply["index_id"])

    def add_record_async(self, index_id: int, record: dict) -> Future:
        return self.submit(
            {
                "type": "AddRecord",
                "index_id": index_id,
                "url": record["url"],
                "content": record["content"],
                "language": record.get("language") or "en",
                "meta": record.get("meta"),
                "filters": record.get("filters"),
                "sort": record.get("sort"),
            }
        )

    def add_directory(self, index_id: int, path: str, glob: str | None = None) -> int:
        reply = self.request({"type": "AddDir", "index_id": index_id, "path": path, "glob": glob})
        return int(reply["page_count"])

    def write_files(self, index_id: int, output_path: str) -> None:
        self.request({"type": "WriteFiles", "index_id": index_id, "output_path": output_path})

    def delete_index(self, index_id: int) -> None:
        self.request({"type": "DeleteIndex", "index_id": index_id})

    def alive(self) -> bool:
        """Whether the binary still takes requests."""
        return self._dead is None

    def close(self) -> None:
        """End the binary (closing its input is how it is told to stop); at most 10 s
        before it is killed."""
        with self._lock:
            if self._dead is None:
                self._dead = "the service was closed"
        self._outbox.put(None)  # the writer closes the binary's input after the rest
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for thread in self._threads:
            thread.join(timeout=5)
        self._errors.join(timeout=5)

    def _abort(self, reason: str) -> None:
        """Fail every waiting request with reason and kill the binary."""
        self._fail_all(reason)
        with contextlib.suppress(OSError):
            self._proc.kill()

    # the request and reply streams

    def _write_requests(self) -> None:
        stdin = self._proc.stdin
        while (data := self._outbox.get()) is not None:
            view = memoryview(data)
            try:
                while view:
                    view = view[stdin.write(view) :]
            except (OSError, ValueError):
                # the binary is gone: the reply reader reports how it ended
                break
        with contextlib.suppress(OSError):
            stdin.close()

    def _read_replies(self) -> None:
        stdout = self._proc.stdout
        partial = bytearray()
        while chunk := stdout.read(1 << 16):
            end = chunk.rfind(b",")
            if end < 0:
                partial += chunk  # a large reply: read on without splitting it again
                continue
            partial += chunk[:end]
            for message in bytes(partial).split(b","):
                if message:
                    self._deliver(message)
            partial = bytearray(chunk[end + 1 :])
        self._proc.wait()
        self._fail_all(f"Pagefind exited with code {self._proc.returncode}{self._stderr_tail()}")

    def _deliver(self, message: bytes) -> None:
        try:
            reply = json.loads(base64.b64decode(message, validate=True))
            payload = reply["payload"]
            if not isinstance(payload, dict):
                raise TypeError("its payload is no object")
        except (binascii.Error, ValueError, TypeError, KeyError) as err:
            # the stream cannot be trusted any more (Pagefind 1.5 answers an input that is
            # not base64 with an endless stream of nulls): end it now, not at the timeout
            self._abort(f"Pagefind sent a reply that is not its protocol ({err!r:.80})")
            return
        message_id = reply.get("message_id")
        if message_id is None and (original := payload.get("original_message")):
            # a request the service could not parse comes back whole: find its id in it
            try:
                message_id = json.loads(original).get("message_id")
            except (ValueError, AttributeError):
                message_id = None
        if message_id is None:
            # an error about a request it cannot name: that request would never be
            # answered, so the index fails now instead of at the timeout
            self._abort(f"Pagefind could not read a request: {payload.get('message')}")
            return
        with self._lock:
            waiting = self._pending.pop(message_id, None)
        if waiting is None:
            if payload.get("type") == "Error":
                logger.error("Pagefind: %s", payload.get("message"))
            return
        future, what = waiting
        if payload.get("type") == "Error":
            future.set_exception(
                PagefindError(f"Pagefind refused {what}: {payload.get('message')}")
            )
        else:
            future.set_result(payload)

    def _read_stderr(self) -> None:
        while chunk := self._proc.stderr.read(4_096):
            self._stderr.append(chunk)
            self._stderr_size += len(chunk)
            while self._stderr_size > _STDERR_KEPT and len(self._stderr) > 1:
                self._stderr_size -= len(self._stderr.popleft())

    def _stderr_tail(self) -> str:
        self._errors.join(timeout=2)
        text = b"".join(self._stderr).decode("utf-8", "replace").strip()
        lines = [line for line in text.splitlines() if line.strip()][:4]
        return (": " + " / ".join(lines)) if lines else ""

    def _fail_all(self, reason: str) -> None:
        with self._lock:
            if self._dead is None:
                self._dead = reason
            waiting, self._pending = self._pending, {}
        for future, what in waiting.values():
            future.set_exception(PagefindError(f"{reason} while it worked on {what}"))
