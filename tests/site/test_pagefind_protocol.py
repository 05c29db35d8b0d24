"""The Pagefind service protocol at its edges: every reply is matched to its request or
ends the service at once, and no wait (nor write) outlasts PAGEFIND_TIMEOUT.

Found by feeding the binary bad input: an error it cannot attribute (a request that is
not UTF-8) would have left its request waiting for the full timeout; a binary that does
not answer made every record wait the timeout in turn; one that stops reading its input
blocked the build for good on a large record.
"""

from __future__ import annotations

import base64
import json
import stat
import time
from pathlib import Path

import pytest

from pagefind_search.index import add_records
from pagefind_search.service import PagefindError, PagefindService
from sitebuild import PELICANCONF, run_pelican


def fake_binary(tmp_path: Path, script: str) -> Path:
    path = tmp_path / "pagefind"
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def reply(message: dict) -> str:
    return base64.b64encode(json.dumps(message).encode()).decode() + ","


def records(n: int, size: int = 30) -> list[dict]:
    return [
        {"url": f"/r{i}", "content": "harbour " * (size // 8), "language": "en"} for i in range(n)
    ]


def test_a_binary_that_stops_reading_cannot_block_a_large_record(tmp_path):
    """A record larger than the pipe's buffer, to a binary that reads nothing."""
    stuck = fake_binary(tmp_path, "exec sleep 60")
    started = time.monotonic()
    service = PagefindService(timeout=1, binary=stuck)
    with pytest.raises(PagefindError, match=r"did not answer the search record of /r0 within 1 s"):
        add_records(service, 0, records(3, size=2_000_000))
    service.close()
    assert time.monotonic() - started < 15


def test_an_unanswered_request_fails_the_index_once_not_once_a_record(tmp_path):
    silent = fake_binary(tmp_path, "exec cat > /dev/null")
    started = time.monotonic()
    with PagefindService(timeout=1, binary=silent) as service:
        with pytest.raises(PagefindError, match="did not answer"):
            add_records(service, 0, records(20))
        assert not service.alive()
    assert time.monotonic() - started < 6  # one timeout, not twenty


# Pagefind answers a request it cannot decode (not UTF-8, not base64) with an Error that
# has neither its id nor the request: that request would never be answered
_NAMELESS = {
    "message_id": None,
    "payload": {"type": "Error", "original_message": None, "message": "cannot parse"},
}
# Pagefind 1.5 answers input that is not base64 with an endless stream of nulls
_NULL = base64.b64encode(b"null").decode()


@pytest.mark.parametrize(
    "script, match",
    [
        (f"printf '%s' '{reply(_NAMELESS)}'; exec cat > /dev/null",
         "could not read a request: cannot parse"),
        (f"while :; do printf '{_NULL},'; done", "not its protocol"),
    ],
    ids=["error-naming-no-request", "reply-not-the-protocol"],
)  # fmt: skip
def test_a_reply_no_request_can_wait_for_fails_at_once(tmp_path, script, match):
    binary = fake_binary(tmp_path, script)
    started = time.monotonic()
    with (
        PagefindService(timeout=60, binary=binary) as service,
        pytest.raises(PagefindError, match=match),
    ):
        service.new_index()
    assert time.monotonic() - started < 10


def test_a_request_that_is_not_json_fails_alone_before_it_is_sent(tmp_path):
    with PagefindService(timeout=60) as service:
        index = service.new_index()
        bad = {**records(1)[0], "url": "/nan", "meta": {"score": float("nan")}}
        with pytest.raises(PagefindError, match="cannot take AddRecord /nan"):
            service.wait(service.add_record_async(index, bad))
        assert add_records(service, index, records(2)) == 2


RECORDS = [
    {"url": "/extra/notice", "content": "The lighthouse ferry leaves at dawn", "language": "en"},
    # the service cannot parse it (a meta value must be a string): its reply comes back
    # without an id, with the request, and is matched to this record
    {"url": "/extra/bad-meta", "content": "ferry", "meta": {"title": "Bad", "count": 3}},
    # a language Pagefind would name files after: outside the bundle
    {"url": "/extra/bad-lang", "content": "ferry", "language": "../../../escaped"},
]


def test_the_build_names_the_bad_records_and_does_not_hang(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "extra").mkdir()
    (content / "articles" / "good.md").write_text(
        "Title: Harbour news\nDate: 2024-02-04\n\n“All is well,” said Anna Berg.\n",
        encoding="utf-8",
    )
    lines = [json.dumps(r) for r in RECORDS] + ["{not json"]
    (content / "extra" / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    proc = run_pelican(
        content,
        tmp_path / "out",
        PELICANCONF,
        "PAGE_PATHS=[]",
        'PAGEFIND_RECORDS=["extra/records.jsonl"]',
        "PAGEFIND_TIMEOUT=60",
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert time.monotonic() - started < 60, log  # no request waited for its timeout
    assert "records.jsonl:2: not searchable: Pagefind refused AddRecord /extra/bad-meta" in log
    assert "records.jsonl:3: not a search record" in log and "escaped" in log
    assert "records.jsonl:4: not a search record" in log
    entry = json.loads((tmp_path / "out" / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == 2  # article, notice
    assert not list(tmp_path.rglob("*escaped*"))
