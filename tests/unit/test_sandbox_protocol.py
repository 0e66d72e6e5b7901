"""The line protocol between the app and a sandbox in a child process (loyalty_emulators/child_protocol.py)
and the child's request loop (child.py), without a process: messages round-trip, hostile lines
decode to None and never raise, and the loop answers every line, stops its emulator at STOP and at
the end of its input."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty_emulators import child
from loyalty_emulators import clock as emclock
from loyalty_emulators.child_protocol import (
    Reply,
    ReplyKind,
    Request,
    RequestKind,
    SeedFrom,
    SeedMember,
    decode_reply,
    decode_request,
    encode_reply,
    encode_request,
)
from loyalty_emulators.launch import Platform, Running

instants = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2200, 1, 1),
                        timezones=st.just(UTC))
texts = st.text(max_size=30)
members = st.builds(SeedMember, st.text(min_size=1, max_size=40), st.none() | texts, st.none() | texts,
                    st.none() | texts)
requests = st.one_of(
    st.builds(Request, st.just(RequestKind.START), platform=st.sampled_from(["klaviyo", "splio"]),
              now=st.none() | instants,
              seed_from=st.none() | st.builds(SeedFrom, st.integers(0, 200_000), st.integers(-(2**40), 2**40))),
    st.builds(Request, st.just(RequestKind.NOW), now=instants),
    st.builds(Request, st.just(RequestKind.SET_CLOCK), when=st.none() | instants),
    st.builds(Request, st.just(RequestKind.SEED), members=st.lists(members, max_size=5).map(tuple)),
    st.builds(Request, st.just(RequestKind.DESCRIBE), sample=st.integers(0, 1000)),
    st.builds(Request, st.just(RequestKind.STOP)),
)
replies = st.one_of(
    st.builds(Reply, st.just(ReplyKind.READY), base_url=st.integers(1, 65535).map(lambda p: f"http://127.0.0.1:{p}"),
              lines=st.lists(texts, max_size=3).map(tuple)),
    st.builds(Reply, st.just(ReplyKind.DONE), lines=st.lists(texts, max_size=3).map(tuple),
              counts=st.dictionaries(texts, st.integers(0, 10**9), max_size=3)),
    st.builds(Reply, st.just(ReplyKind.ERROR), message=st.text(min_size=1, max_size=50)),
)


@given(requests)
def test_requests_round_trip_as_one_line(req: Request) -> None:
    line = encode_request(req)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode_request(line) == req


@given(replies)
def test_replies_round_trip_as_one_line(rep: Reply) -> None:
    line = encode_reply(rep)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode_reply(line) == rep


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                                    max_size=4), max_leaves=12)


@settings(max_examples=300)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_arbitrary_bytes_never_raise(line: bytes) -> None:
    for decoded in (decode_request(line), decode_reply(line)):
        assert decoded is None or isinstance(decoded, (Request, Reply))


@settings(max_examples=300)
@given(st.sampled_from([k.value for k in RequestKind] + [k.value for k in ReplyKind] + ["", "x"]),
       st.dictionaries(st.sampled_from(["platform", "now", "when", "seed_from", "members", "sample", "base_url",
                                        "lines", "counts", "message"]), json_values, max_size=5))
def test_wrongly_typed_fields_decode_to_none_or_a_typed_message(kind: str, fields: dict[str, Any]) -> None:
    line = json.dumps({"type": kind, **fields}, allow_nan=True)
    req, rep = decode_request(line), decode_reply(line)
    if req is not None:  # whatever got through has the types the dataclass promises
        assert isinstance(req.platform, str)
        assert isinstance(req.sample, int)
        assert req.now is None or req.now.tzinfo is not None
        assert all(isinstance(m.email, str) for m in req.members)
    if rep is not None:
        assert all(isinstance(v, int) for v in rep.counts.values()) and all(isinstance(x, str) for x in rep.lines)


def test_hostile_lines_named() -> None:
    hostile = [b"", b"\n", b"null", b"[]", b'"start"', b"{", b"\xff\xfe", b'{"type": "start"}',  # no platform
               b'{"type": "now", "now": "2026-11-02T12:00:00"}',  # no time zone: could be anything
               b'{"type": "now", "now": "yesterday"}', b'{"type": "describe", "sample": true}',
               b'{"type": "describe", "sample": 1e309}', b'{"type": "seed", "members": [{"email": 3}]}',
               b'{"type": "seed", "members": {"email": "a@b.fr"}}', b'{"type": "launch_missiles"}',
               b'{"type": "start", "platform": "splio", "seed_from": {"members": -1, "seed": 1}}',
               b'[' * 100_000]
    assert [decode_request(h) for h in hostile] == [None] * len(hostile)
    # A READY elsewhere than this computer would send the demo key away: refused.
    assert decode_reply(b'{"type": "ready", "base_url": "https://evil.example/"}') is None
    assert decode_reply(b'{"type": "done", "counts": {"a": "1"}}') is None
    assert decode_reply(b'{"type": "done", "counts": {"a": true}}') is None


# -- the child's loop, with a stand-in emulator ------------------------------------------------------

@dataclass
class FakeSandbox:
    clock: list[datetime | None] = field(default_factory=list)
    seeded: list[str] = field(default_factory=list)
    stopped: int = 0

    def stop(self) -> None:
        self.stopped += 1

    def describe(self, sample: int = 1) -> list[str]:
        return [f"holds {len(self.seeded)}"]

    def set_clock(self, when: datetime | None) -> None:
        self.clock.append(when)

    def seed_demo(self, members: Any) -> dict[str, int]:
        self.seeded += [m.email for m in members]
        return {"members_present": len(self.seeded)}


def serve(*lines: bytes) -> tuple[list[Reply | None], FakeSandbox, int]:
    sb = FakeSandbox()
    started: list[Request] = []

    def start(req: Request) -> Running[Any]:
        started.append(req)
        return Running(Platform(req.platform), sb, "http://127.0.0.1:9", "key")

    out = io.BytesIO()
    previous = emclock.get_clock()
    try:
        code = child.serve(start, io.BytesIO(b"".join(lines)), out)
    finally:
        emclock.set_clock(previous)
    return [decode_reply(x) for x in out.getvalue().splitlines()], sb, code


def test_the_loop_answers_every_line_in_order_and_stops_at_stop() -> None:
    when = datetime(2026, 12, 11, 9, 30, tzinfo=UTC)
    got, sb, code = serve(
        encode_request(Request(RequestKind.SET_CLOCK, when=when)),  # before START: refused, not fatal
        encode_request(Request(RequestKind.START, platform="klaviyo")),
        b"garbage\n",
        encode_request(Request(RequestKind.SET_CLOCK, when=when)),
        encode_request(Request(RequestKind.SEED, members=(SeedMember("a@b.fr"), SeedMember("c@d.fr")))),
        encode_request(Request(RequestKind.DESCRIBE)),
        encode_request(Request(RequestKind.STOP)),
        encode_request(Request(RequestKind.DESCRIBE)),  # after STOP: never read
    )
    assert [r.kind if r else None for r in got] == [ReplyKind.ERROR, ReplyKind.READY, ReplyKind.ERROR, ReplyKind.DONE,
                                                    ReplyKind.DONE, ReplyKind.DONE, ReplyKind.DONE]
    assert got[0] is not None and got[0].message == "not started"
    assert got[1] is not None and got[1].base_url == "http://127.0.0.1:9"
    assert got[2] is not None and got[2].message == "unreadable request"
    assert got[4] is not None and got[4].counts == {"members_present": 2}
    assert got[5] is not None and got[5].lines == ("holds 2",)
    assert sb.clock == [when] and sb.stopped == 1 and code == 0


def test_the_end_of_input_stops_the_emulator() -> None:
    got, sb, _ = serve(encode_request(Request(RequestKind.START, platform="splio")))
    assert [r.kind if r else None for r in got] == [ReplyKind.READY]
    assert sb.stopped == 1  # the app closed our stdin (or died): nothing outlives it


def test_the_child_follows_the_clock_it_is_told() -> None:
    told = datetime(2031, 5, 6, 7, 8, tzinfo=UTC)
    previous = emclock.get_clock()
    try:
        child.follow_told_clock(told)
        assert told <= emclock.now() < told + timedelta(seconds=5)
    finally:
        emclock.set_clock(previous)


def test_an_emulator_failing_to_start_is_an_error_reply_and_the_loop_ends() -> None:
    def start(_req: Request) -> Running[Any]:
        raise OSError("address in use")

    out = io.BytesIO()
    code = child.serve(start, io.BytesIO(encode_request(Request(RequestKind.START, platform="klaviyo")) * 2), out)
    got = [decode_reply(x) for x in out.getvalue().splitlines()]
    assert got == [Reply(ReplyKind.ERROR, message="OSError: address in use")] and code == 0
