"""The GUI's side of the worker process: start a child of the app's own executable with QProcess,
hand it a job on stdin, turn its JSON lines into signals, ask it to cancel, kill it if it does not.

The GUI process only reads lines and repaints: the sync's Python work, its garbage and its GIL are
in the other process, so the event loop never waits for them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QObject, QProcess, QProcessEnvironment, QTimer, Signal, Slot

from loyalty_desktop.core import clock, own_process
from loyalty_desktop.worker import protocol
from loyalty_desktop.worker.protocol import Message, MessageKind, Request, RequestKind

log = logging.getLogger(__name__)

CANCEL_GRACE_MS = 10_000  # after a cancel request, the worker's time to stop at a safe point


def worker_command() -> tuple[str, list[str]]:
    """The app's own executable as a worker (core/own_process.py), as QProcess takes it."""
    program, *args = own_process.command(protocol.COMMAND)
    return program, args


class WorkerProcess(QObject):
    """One job in one child process. `message` for each line it reports; `ended` once, when the
    process is gone: with its last RESULT or ERROR message, or None when it died without one
    (crashed, killed)."""

    message = Signal(object)  # protocol.Message (PROGRESS, LOG)
    ended = Signal(object)  # the final protocol.Message, or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.proc: QProcess | None = None
        self.final: Message | None = None
        self.cancel_requested = False
        self.exit_code: int | None = None
        self.crashed = False
        self._kill_timer = QTimer(self)
        self._kill_timer.setSingleShot(True)
        self._kill_timer.timeout.connect(self.kill)

    @property
    def running(self) -> bool:
        return self.proc is not None

    @property
    def pid(self) -> int:
        return int(self.proc.processId()) if self.proc is not None else 0

    def start(self, request: Request) -> None:
        if self.proc is not None:
            raise RuntimeError("the worker is busy")
        self.final, self.cancel_requested, self.exit_code, self.crashed = None, False, None, False
        # Not a child of this object: when a window closes mid-run, Qt deletes its children, and a
        # child QProcess's destructor waits for the process and emits `finished` into this object
        # while it is half destroyed (a crash seen under load). Held here; deleted in `_done`.
        proc = self.proc = QProcess()
        program, args = worker_command()
        proc.setProgram(program)
        proc.setArguments(args)
        env = QProcessEnvironment.systemEnvironment()
        now = clock.inherited_now()  # one clock across both processes (a demo's moved time, tests)
        if now is not None:
            env.insert(clock.ENV_NOW, now)
        proc.setProcessEnvironment(env)
        proc.readyReadStandardOutput.connect(self._read)
        proc.readyReadStandardError.connect(self._read_stderr)
        proc.finished.connect(self._finished)
        proc.errorOccurred.connect(self._error)
        proc.start()
        proc.write(QByteArray(protocol.encode(request)))  # buffered by Qt until the child runs

    def cancel(self, grace_ms: int = CANCEL_GRACE_MS) -> None:
        """Ask the job to stop at its next safe point; kill the process if it has not after `grace_ms`."""
        if self.proc is None or self.cancel_requested:
            return
        self.cancel_requested = True
        self.proc.write(QByteArray(protocol.encode(Request(RequestKind.CANCEL))))
        self._kill_timer.start(grace_ms)

    @Slot()
    def kill(self) -> None:
        if self.proc is not None:
            log.info("stopping the worker process %s", self.pid)
            self.proc.kill()

    def wait(self, ms: int) -> bool:
        """Block until the process has ended (shutdown only), then deliver `ended`."""
        if self.proc is None:
            return True
        if not self.proc.waitForFinished(ms):
            return False
        if self.proc is not None:  # waitForFinished emitted `finished` already in most cases
            self._finished(self.proc.exitCode(), self.proc.exitStatus())
        return True

    @Slot()
    def _read(self) -> None:
        proc = self.proc
        while proc is not None and proc.canReadLine():
            msg = protocol.decode_message(bytes(proc.readLine().data()))
            if msg is None:
                log.info("worker process: a line that is not a message was skipped")
            elif msg.kind in (MessageKind.RESULT, MessageKind.ERROR):
                self.final = msg
            else:
                self.message.emit(msg)

    @Slot()
    def _read_stderr(self) -> None:
        if self.proc is not None:
            text = bytes(self.proc.readAllStandardError().data()).decode("utf-8", "replace").rstrip()
            if text:
                log.info("worker process said: %s", text[-2000:])

    @Slot(QProcess.ProcessError)
    def _error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart and self.proc is not None:
            log.info("the worker process could not start: %s", self.proc.errorString())
            self._done(None)

    @Slot(int, QProcess.ExitStatus)
    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self.proc is None:
            return
        self._read()
        self.exit_code, self.crashed = code, status is QProcess.ExitStatus.CrashExit
        if self.final is None:
            log.info("the worker process ended without a result (exit code %s, %s)", code,
                     "crashed or killed" if self.crashed else "normal exit")
        self._done(self.final)

    def _done(self, final: Message | None) -> None:
        self._kill_timer.stop()
        proc, self.proc = self.proc, None
        if proc is not None:
            proc.deleteLater()
        self.ended.emit(final)
