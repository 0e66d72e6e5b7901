"""An emulator serving in a child process of the app, driven over its stdin/stdout (child_protocol).

The app (its GUI) starts its own executable with the hidden ``__sandbox__`` argument; the entry
hands :func:`serve` a way to start the emulator a START request names (the app fills a Splio
sandbox from its demo program, which this package cannot read). The emulator then answers HTTP on
its own threads while this loop answers the app. The child leaves when told to stop or when its
stdin ends: the app closed it, quit or was killed, so no emulator outlives the app.

Its wall clock is the one the app tells it (START and NOW carry the app's "now"), moving on with
the machine's time from there: the app's pinned or shifted clock holds here too.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import IO, Any

from loyalty_emulators import clock as emclock
from loyalty_emulators.child_protocol import (
    Reply,
    ReplyKind,
    Request,
    RequestKind,
    decode_request,
    encode_reply,
)
from loyalty_emulators.launch import Running

Starter = Callable[[Request], Running[Any]]


def follow_told_clock(told: datetime) -> None:
    """The emulators' wall clock reads ``told`` now and moves on with the machine's time."""
    at = time.monotonic()
    emclock.set_clock(emclock.Clock(now=lambda: told + timedelta(seconds=time.monotonic() - at)))


class _Session:
    def __init__(self, start: Starter) -> None:
        self.start = start
        self.running: Running[Any] | None = None

    def handle(self, req: Request) -> Reply:
        """One request's reply; an emulator's refusal becomes an ERROR reply, never an exit."""
        if req.kind is RequestKind.START:
            if self.running is not None:
                return Reply(ReplyKind.ERROR, message="already started")
            if req.now is not None:
                follow_told_clock(req.now)
            self.running = self.start(req)
            return Reply(ReplyKind.READY, base_url=self.running.base_url, lines=self.running.lines)
        if req.kind is RequestKind.NOW:
            assert req.now is not None  # decode_request requires it
            follow_told_clock(req.now)
            return Reply(ReplyKind.DONE)
        if self.running is None:
            return Reply(ReplyKind.ERROR, message="not started")
        sb = self.running.sandbox
        if req.kind is RequestKind.SET_CLOCK:
            if not hasattr(sb, "set_clock"):
                return Reply(ReplyKind.ERROR, message=f"the {self.running.platform} sandbox has no clock to set")
            sb.set_clock(req.when)
            return Reply(ReplyKind.DONE)
        if req.kind is RequestKind.SEED:
            if not hasattr(sb, "seed_demo"):
                return Reply(ReplyKind.ERROR, message=f"the {self.running.platform} sandbox keeps no contacts")
            return Reply(ReplyKind.DONE, counts=dict(sb.seed_demo(req.members)))
        if req.kind is RequestKind.DESCRIBE:
            return Reply(ReplyKind.DONE, lines=tuple(sb.describe(req.sample)))
        return Reply(ReplyKind.DONE)  # STOP: the loop stops the emulator after answering

    def stop(self) -> None:
        if self.running is not None:
            running, self.running = self.running, None
            running.stop()


def serve(start: Starter, stdin: IO[bytes], stdout: IO[bytes]) -> int:
    """Answer requests until STOP or the end of ``stdin``; the exit status (0: a clean stop)."""
    session = _Session(start)
    try:
        for line in stdin:
            req = decode_request(line)
            if req is None:
                reply = Reply(ReplyKind.ERROR, message="unreadable request")
            else:
                try:
                    reply = session.handle(req)
                except Exception as exc:  # noqa: BLE001 - said to the app, which words it for the user
                    reply = Reply(ReplyKind.ERROR, message=f"{type(exc).__name__}: {exc}")
            try:
                stdout.write(encode_reply(reply))
                stdout.flush()
            except (BrokenPipeError, OSError, ValueError):  # the app is gone
                break
            if req is not None and req.kind is RequestKind.STOP:
                break
            if req is not None and req.kind is RequestKind.START and session.running is None:
                break  # it did not start: nothing to serve
    finally:
        session.stop()
    return 0


def main(start: Starter) -> int:
    """The child's whole life: protocol on the real stdout, anything printed goes to stderr."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the protocol
    return serve(start, sys.stdin.buffer, out)
