"""One job in a worker process, without Qt (the frozen `self-test --no-gui`, where no Qt runs): the
same child, started with the same command (core/own_process.py) and environment as the GUI's
QProcess wrapper (ui/worker_process.py) starts it, the job written on its stdin, kept open while
it works (a closed stdin means the app went away), its JSON lines read until the RESULT or ERROR.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass

from loyalty_desktop.core import clock, own_process
from loyalty_desktop.worker import protocol
from loyalty_desktop.worker.protocol import Message, MessageKind, Request

STARTUP_PROBE_ENV = "LOYALTY_DESKTOP_STARTUP_PROBE"  # packaging/launcher.py: no probe window in a child


@dataclass
class Outcome:
    """How the job ended: its final message (None when the process ended without one), the
    process's exit status once it left after its stdin was closed (None: killed after the
    timeout), the messages before the final one and the end of its stderr."""

    final: Message | None
    exit_code: int | None
    messages: list[Message]
    stderr_tail: str


def run_job(request: Request, *, timeout: float, on_message: Callable[[Message], None] | None = None,
            command: list[str] | None = None, hang_up: bool = False) -> Outcome:
    """`hang_up`: close the worker's stdin right after the job, as when the app quits or dies: it
    must stop at its next safe point and leave."""
    env = dict(os.environ)
    env.pop(STARTUP_PROBE_ENV, None)
    now = clock.inherited_now()  # one clock across both processes, as the GUI hands it on
    if now is not None:
        env[clock.ENV_NOW] = now
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    proc = subprocess.Popen(command or own_process.command(protocol.COMMAND), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, creationflags=flags)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    err: list[bytes] = []
    drain = threading.Thread(target=lambda: err.extend(proc.stderr or ()), daemon=True, name="worker-client-err")
    drain.start()
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        proc.kill()

    timer = threading.Timer(timeout, kill)  # a worker that hangs is ended, and said so
    timer.daemon = True
    timer.start()
    messages: list[Message] = []
    final: Message | None = None
    try:
        try:
            proc.stdin.write(protocol.encode(request))
            proc.stdin.flush()
            if hang_up:
                proc.stdin.close()
        except OSError:
            pass  # it is gone already: its stdout ends at once and its stderr says why
        for line in proc.stdout:
            msg = protocol.decode_message(line)
            if msg is None:
                continue
            if msg.kind in (MessageKind.RESULT, MessageKind.ERROR):
                final = msg
                break
            messages.append(msg)
            if on_message is not None:
                on_message(msg)
        try:
            proc.stdin.close()  # the job is over: the worker leaves on its own (tested: it must)
        except OSError:
            pass
        code: int | None = proc.wait(timeout=max(1.0, timeout / 10))
    except subprocess.TimeoutExpired:
        kill()
        proc.wait()
    finally:
        timer.cancel()
    if killed.is_set():
        code = None
    drain.join(5.0)
    for stream in (proc.stdout, proc.stderr):
        stream.close()
    tail = b"".join(err).decode("utf-8", "replace").strip()[-2000:]
    return Outcome(final, code, messages, tail)
