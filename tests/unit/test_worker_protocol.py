"""The worker's JSON lines (worker/protocol.py): what one end writes the other reads back as it was;
a line that is not a message (hostile, broken, a stray print) reads as None, never as a wrong one."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty_desktop.core.errors import SyncBusyError, WrongKeyError, user_message
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
from loyalty_desktop.net.policy import Wait, WaitReason
from loyalty_desktop.sync.summary import Phase, Progress, RunStatus, RunSummary
from loyalty_desktop.worker import protocol
from loyalty_desktop.worker.protocol import (
    Message,
    MessageKind,
    Request,
    RequestKind,
    SyncJob,
    decode_message,
    decode_request,
    encode,
)

text = st.text(max_size=40)
count = st.integers(min_value=0, max_value=2**53)
ratio = st.floats(min_value=0, max_value=1e9, allow_nan=False)

progresses = st.builds(
    Progress, st.sampled_from(Phase), count, count, ratio, st.none() | ratio,
    st.none() | st.builds(Wait, ratio, st.sampled_from(WaitReason), st.none() | st.integers(100, 599), text,
                          st.none() | text))
summaries = st.builds(
    RunSummary, count, st.sampled_from(RunStatus), seconds=ratio, members=count, profiles_sent=count,
    events_sent=count, first_sync=st.booleans(), baseline=st.none() | text,
    live_events=st.dictionaries(text, count, max_size=3), rejected_samples=st.lists(st.tuples(text, text, text),
                                                                                   max_size=3),
    notes=st.lists(text, max_size=3), error=st.none() | text)
jobs = st.builds(
    SyncJob, text, text, st.dictionaries(text, st.none() | text | count | st.booleans(), max_size=4),
    st.just(KLAVIYO_LOYALTY.to_json()), base_url=st.none() | text, create_fields=st.none() | st.booleans(),
    backfill=st.booleans(), confirmed=st.booleans(), data_dir=st.none() | text, key=st.none() | text)


@given(progresses)
def test_progress_round_trips(p: Progress) -> None:
    line = encode(Message(MessageKind.PROGRESS, progress=p))
    assert line.endswith(b"\n") and line.count(b"\n") == 1  # one line, whatever the text holds
    assert decode_message(line) == Message(MessageKind.PROGRESS, progress=p)


@given(summaries)
def test_summary_round_trips(s: RunSummary) -> None:
    msg = decode_message(encode(Message(MessageKind.RESULT, summary=s)))
    assert msg is not None and msg.summary == s


@given(jobs)
def test_job_round_trips(job: SyncJob) -> None:
    assert decode_request(encode(Request(RequestKind.SYNC, job))) == Request(RequestKind.SYNC, job)
    assert decode_request(encode(Request(RequestKind.CANCEL))) == Request(RequestKind.CANCEL)


def test_the_key_is_not_in_the_jobs_repr() -> None:
    job = SyncJob("klaviyo", "demo", {}, KLAVIYO_LOYALTY.to_json(), key="pk_secret0123456789")
    assert "pk_secret" not in repr(job) and "pk_secret" not in repr(Request(RequestKind.SYNC, job))


def test_an_error_is_rebuilt_to_be_worded_by_the_gui() -> None:
    since = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    for exc in (WrongKeyError("401 from the server", status=401), SyncBusyError("busy", since=since)):
        info = protocol.error_info(exc, user_message(exc, "Klaviyo"))
        msg = decode_message(encode(Message(MessageKind.ERROR, error=info)))
        assert msg is not None and msg.error is not None
        again = protocol.rebuild_error(msg.error)
        assert type(again) is type(exc)
        assert user_message(again, "Klaviyo") == user_message(exc, "Klaviyo")
    # A type that is not one of the app's errors is never instantiated: its text is kept, nothing else.
    for name in ("SystemExit", "Path", "__import__", "LoyaltyErrorX"):
        rebuilt = protocol.rebuild_error(protocol.ErrorInfo(name, "said", {"status": 1}))
        assert type(rebuilt) is RuntimeError and str(rebuilt) == "said"


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                           max_leaves=20)


@settings(max_examples=300)
@given(st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode())
       | st.dictionaries(st.sampled_from(["kind", "progress", "summary", "error", "text", "job", "result"]),
                         json_values, max_size=4).map(lambda d: json.dumps(d).encode()))
def test_hostile_lines_decode_to_none_or_a_well_typed_message(line: bytes) -> None:
    msg = decode_message(line)
    if msg is not None:  # the types the hints promise, checked at run time
        assert (type(msg.kind), type(msg.text)) == (MessageKind, str)
        if msg.progress is not None:
            assert (type(msg.progress.phase), type(msg.progress.done)) == (Phase, int)
        if msg.summary is not None:
            assert type(msg.summary.status) is RunStatus
    req = decode_request(line)
    if req is not None:
        assert type(req.kind) is RequestKind and (req.job is None) == (req.kind is RequestKind.CANCEL)


def test_known_bad_lines() -> None:
    bool_count = b'{"kind": "progress", "progress": {"phase": "reading", "done": true, "total": 1, "rate": 0}}'
    bad = [b"", b"\n", b"null", b"[]", b'{"kind": "nope"}', b'{"kind": "progress", "progress": {"phase": "x"}}',
           bool_count,
           b'{"kind": "result", "summary": {"run_id": "1", "status": "completed"}}',
           b'{"kind": "result", "extra": 1}', b"[" * 100_000, b'{"kind": "log", "text": "x"' + b" " * (1 << 20) + b"}",
           "{\"kind\": \"log\", \"text\": \"\udcff\"}".encode("utf-8", "surrogatepass"), b"\xff\xfe"]
    for line in bad:
        assert decode_message(line) is None, line
    assert decode_request(b'{"kind": "sync"}') is None  # a job kind without its job
    assert decode_request(b'{"kind": "cancel", "job": {}}') is None
