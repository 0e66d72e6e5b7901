"""The worker process (`loyalty-desktop __worker__`, started by the GUI): reads one job on stdin,
runs it, reports JSON lines on stdout (protocol.py), and stops at the next safe point when a
CANCEL line comes. The key comes from the keyring as for the command line, or on stdin when no
keyring holds it; never from argv or the environment.

A kill (the GUI's last resort, a crash) is safe: the store's outbox records what was submitted, so
the next run confirms it and resumes without sending anything twice.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import replace
from typing import IO, NoReturn

from loyalty_desktop import service
from loyalty_desktop.core import clock, logs, paths, secrets
from loyalty_desktop.core.errors import CancelledError, LoyaltyError, user_message
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.options import from_saved
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.sync.summary import Phase, Progress, RunSummary
from loyalty_desktop.worker import protocol
from loyalty_desktop.worker.protocol import ErrorInfo, Message, MessageKind, RequestKind, SyncJob
from loyalty_emulators import launch

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 0.05  # at most 20 progress lines a second: the GUI repaints no faster


class Reporter:
    """Writes messages to stdout, one whole line at a time (the progress callback and the main
    thread may both write)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.lock = threading.Lock()
        self._last_at = -1.0
        self._last_phase: Phase | None = None
        self._held: Progress | None = None

    def send(self, msg: Message) -> None:
        line = protocol.encode(msg)
        with self.lock:
            try:
                self.out.write(line)
                self.out.flush()
            except (BrokenPipeError, ValueError, OSError):  # the GUI went away: nobody to tell
                pass

    def progress(self, p: Progress) -> None:
        """Phase changes and retry waits at once, counts at most every PROGRESS_EVERY_S."""
        now = clock.monotonic()
        if p.wait is None and p.phase is self._last_phase and now - self._last_at < PROGRESS_EVERY_S:
            self._held = p
            return
        self._held = None
        self._last_at, self._last_phase = now, p.phase
        self.send(Message(MessageKind.PROGRESS, progress=p))

    def flush_progress(self) -> None:
        if self._held is not None:
            p, self._held = self._held, None
            self.send(Message(MessageKind.PROGRESS, progress=p))


def _watch_stdin(stdin: IO[bytes], cancel: CancelToken) -> None:
    """A CANCEL line, or the GUI closing our stdin (it quit or died), stops the job at the next safe point."""
    for line in stdin:
        req = protocol.decode_request(line)
        if req is not None and req.kind is RequestKind.CANCEL:
            break
    cancel.cancel()


def run_sync(job: SyncJob, cancel: CancelToken, report: Reporter) -> RunSummary:
    options = from_saved(job.source, job.source_options, seed_sandbox=False)
    target_options = replace(options.target, base_url=job.base_url or options.target.base_url)
    if job.create_fields is not None:
        target_options = replace(target_options, create_fields=job.create_fields)
    mapping = Mapping.from_json(job.mapping)
    if job.source_key:  # a source key the GUI keeps for its session only: the same here
        secrets.keep_for_session(job.source.split("-")[0], job.source_key)
    with service.sync_lock_for(cancel=cancel):  # before connecting: a second sync does nothing
        conn = service.target(job.target).connect(job.key, target_options, cancel)
        try:
            conn.allow_field_creation(target_options.create_fields)
            src = service.source_factory(job.source).open(options.source, cancel)
            try:
                with service.open_store() as store:
                    summary = service.sync(store, src.source, src.name, conn.dest, mapping, backfill=job.backfill,
                                           on_progress=report.progress, confirmed=job.confirmed)
            finally:
                src.close()
        finally:
            conn.close()
    report.flush_progress()
    return summary


WORKER_NICE = 10  # below the GUI: when both want a CPU the window gets it first (a tenth of its CPU weight)


def lower_priority() -> None:
    """Background work yields to the GUI and the user's other programs (an OS priority: unlike the
    old worker thread's QThread.LowPriority, which Linux ignores, it holds for a whole process)."""
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            ctypes.windll.kernel32.SetPriorityClass(ctypes.windll.kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(WORKER_NICE)
    except (OSError, AttributeError):
        log.info("could not lower the worker's priority", exc_info=True)


def main(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> int:
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print() must not break the protocol's lines
    report = Reporter(stdout)
    request = protocol.decode_request(stdin.readline())
    if request is None or request.job is None:
        report.send(Message(MessageKind.ERROR, error=ErrorInfo("RuntimeError", "the worker got no job")))
        return 2
    if request.job.data_dir:
        paths.set_data_dir(request.job.data_dir)
    logs.setup()
    lower_priority()
    launch.follow_clock(clock, wall_only=True)  # an in-process emulator (a Smile sandbox source) reads our clock
    cancel = CancelToken()
    threading.Thread(target=_watch_stdin, args=(stdin, cancel), name="worker-stdin", daemon=True).start()
    job = request.job
    try:
        if isinstance(job, SyncJob):
            report.send(Message(MessageKind.RESULT, summary=run_sync(job, cancel, report)))
        else:
            from loyalty_desktop.worker import sheets

            report.send(Message(MessageKind.RESULT, result=sheets.run_check(job, cancel)))
    except (LoyaltyError, CancelledError) as exc:
        log.info("worker job not done: %s", getattr(exc, "message", exc))
        report.send(Message(MessageKind.ERROR, error=protocol.error_info(exc, user_message(exc))))
        return 1
    except Exception as exc:
        log.exception("worker job crashed")
        report.send(Message(MessageKind.ERROR, error=ErrorInfo(type(exc).__name__, f"{type(exc).__name__}: {exc}")))
        return 70
    return 0


def run() -> NoReturn:
    """The `__worker__` command: run the job, then leave at once (the stdin watcher thread may be
    blocked in a read that interpreter shutdown would wait for)."""
    code = main()
    logging.shutdown()
    for stream in (sys.__stdout__, sys.__stderr__):
        if stream is not None:
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
    os._exit(code)
