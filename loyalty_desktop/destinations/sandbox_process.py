"""The app's side of a sandbox in a child process (loyalty_emulators/child.py): start the app's own
executable with the hidden `__sandbox__` argument, talk to it over its stdin/stdout, stop it.

The GUI's demo runs its sandboxes this way, so their request handling has its own interpreter and
never holds the GUI thread's GIL. The handle offers what a Connection uses of an in-process
sandbox: `base_url`, `set_clock` (Klaviyo's relative dates), `seed_demo` (Splio's contacts),
`describe`, `stop`. The child's state lives as long as this handle, as an in-process sandbox's
lived as long as its Connection (neither is kept on disk). The child leaves when the app closes
its stdin, quits or dies.

Qt-free: connect() runs on a worker thread. Failures are SandboxErrors (core/errors.user_message).
"""

from __future__ import annotations

import collections
import logging
import os
import queue
import subprocess
import threading
from collections.abc import Iterable
from datetime import datetime
from typing import IO, Any

from loyalty_desktop.core import clock, own_process, paths
from loyalty_desktop.core.errors import SandboxError, SandboxProblem
from loyalty_desktop.core.platforms import label
from loyalty_emulators.launch import CHILD_COMMAND as COMMAND
from loyalty_emulators.launch import ChildReply as Reply
from loyalty_emulators.launch import ChildReplyKind as ReplyKind
from loyalty_emulators.launch import ChildRequest as Request
from loyalty_emulators.launch import ChildRequestKind as RequestKind
from loyalty_emulators.launch import SeedFrom, SeedMember, decode_reply, encode_request

log = logging.getLogger(__name__)

START_TIMEOUT_S = 120.0  # a fresh interpreter, plus seeding a large demo program into Splio
REQUEST_TIMEOUT_S = 120.0  # seeding 100,000 members is the slowest request
STOP_TIMEOUT_S = 5.0
STARTUP_PROBE_ENV = "LOYALTY_DESKTOP_STARTUP_PROBE"  # packaging/launcher.py's start-up probe (measurements)


def sandbox_command() -> list[str]:
    """The app's own executable as a sandbox (core/own_process.py)."""
    return own_process.command(COMMAND)


class SandboxProcess:
    """One emulator in one child process, started by :meth:`start`."""

    def __init__(self, platform: str, proc: subprocess.Popen[bytes]) -> None:
        self.platform, self.proc = platform, proc
        self.base_url = ""
        self.lines: tuple[str, ...] = ()
        self._replies: queue.Queue[Reply | None] = queue.Queue()
        self._lock = threading.Lock()  # one request at a time: replies come in order
        self._stderr: collections.deque[str] = collections.deque(maxlen=20)
        self._stopped = False
        assert proc.stdout is not None and proc.stderr is not None
        threading.Thread(target=self._read, args=(proc.stdout,), daemon=True, name=f"{platform}-sandbox-out").start()
        threading.Thread(target=self._drain, args=(proc.stderr,), daemon=True, name=f"{platform}-sandbox-err").start()

    @classmethod
    def start(cls, platform: str, seed_from: SeedFrom | None = None, *,
              command: list[str] | None = None, timeout: float = START_TIMEOUT_S) -> SandboxProcess:
        """Start `platform`'s emulator in a child process; returns once it serves on `base_url`.
        The child follows this process's clock and data folder (Splio's seed reads its demo program)."""
        env = {**os.environ, paths.ENV_DATA_DIR: str(paths.data_dir())}
        env.pop(STARTUP_PROBE_ENV, None)  # the frozen launcher would open a probe window in the child
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console window flashes up
        try:
            proc = subprocess.Popen(command or sandbox_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=env, creationflags=flags)
        except OSError as exc:
            raise SandboxError(SandboxProblem.NOT_STARTED, label(platform), exc.strerror or str(exc)) from None
        sb = cls(platform, proc)
        try:
            reply = sb._ask(Request(RequestKind.START, platform=platform, now=clock.now(), seed_from=seed_from),
                            timeout, SandboxProblem.NOT_STARTED)
        except BaseException:
            sb.kill()
            raise
        sb.base_url, sb.lines = reply.base_url, reply.lines
        return sb

    # -- what a Connection uses -----------------------------------------------------------------

    @property
    def pid(self) -> int:
        return self.proc.pid

    def ensure_serving(self) -> None:
        """Raise SandboxError (GONE) when the child is no longer there to serve."""
        if self._stopped or self.proc.poll() is not None:
            raise SandboxError(SandboxProblem.GONE, label(self.platform), self._why())

    def set_clock(self, when: datetime | None) -> None:
        """Klaviyo: evaluate relative dates in segments at `when` (None: the child's now)."""
        self._ask(Request(RequestKind.SET_CLOCK, when=when))

    def follow_clock(self) -> None:
        """Tell the child this process's "now" again (after the app's clock was moved)."""
        self._ask(Request(RequestKind.NOW, now=clock.now()))

    def seed_demo(self, members: Iterable[Any]) -> dict[str, int]:
        """Splio: put a source's members in the universe (as the in-process sandbox's seed_demo);
        the counts it reports."""
        sent = tuple(SeedMember(m.email, getattr(m, "first_name", None), getattr(m, "last_name", None),
                                getattr(m, "phone", None)) for m in members)
        return self._ask(Request(RequestKind.SEED, members=sent)).counts

    def describe(self, sample: int = 1) -> list[str]:
        return list(self._ask(Request(RequestKind.DESCRIBE, sample=sample)).lines)

    def stop(self) -> None:
        """Ask the child to stop, then make sure it has (idempotent; never raises)."""
        if self._stopped:
            return
        self._stopped = True
        try:
            self._ask(Request(RequestKind.STOP), STOP_TIMEOUT_S, check_stopped=False)
        except SandboxError:
            pass
        self.kill()

    def kill(self) -> None:
        self._stopped = True
        for stream in (self.proc.stdin,):
            try:
                if stream is not None:
                    stream.close()  # end of stdin: the child leaves on its own
            except OSError:
                pass
        try:
            self.proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    # -- the pipe -------------------------------------------------------------------------------

    def _ask(self, req: Request, timeout: float = REQUEST_TIMEOUT_S, problem: SandboxProblem = SandboxProblem.GONE,
             *, check_stopped: bool = True) -> Reply:
        who = label(self.platform)
        with self._lock:
            if check_stopped and self._stopped:
                raise SandboxError(SandboxProblem.GONE, who, "it was stopped")
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.write(encode_request(req))
                self.proc.stdin.flush()
            except (OSError, ValueError):
                raise SandboxError(problem, who, self._why()) from None
            try:
                reply = self._replies.get(timeout=timeout)
            except queue.Empty:
                # A late answer would be taken for the next request's: this child is done.
                self._stopped = True
                self.proc.kill()
                raise SandboxError(problem, who, f"no answer within {timeout:.0f} s") from None
        if reply is None:
            self._replies.put(None)  # the child is gone: every later request learns it at once
            raise SandboxError(problem, who, self._why())
        if reply.kind is ReplyKind.ERROR:
            raise SandboxError(SandboxProblem.NOT_STARTED if req.kind is RequestKind.START else
                               SandboxProblem.REFUSED, who, reply.message)
        return reply

    def _why(self) -> str:
        """What the child said last on stderr, or how it ended."""
        try:
            code = self.proc.wait(1.0)
        except subprocess.TimeoutExpired:
            code = None
        tail = next((line for line in reversed(self._stderr) if line.strip()), "")
        ended = "it ended" if code is None else f"it ended with exit status {code}"
        return f"{ended}: {tail.strip()[:300]}" if tail else ended

    def _read(self, out: IO[bytes]) -> None:
        """The child's replies, in order; None once its stdout ends (a line not ours is skipped)."""
        for line in out:
            reply = decode_reply(line)
            if reply is None:
                log.info("sandbox process: skipped a line that is not a reply")
                continue
            self._replies.put(reply)
        out.close()
        self._replies.put(None)

    def _drain(self, err: IO[bytes]) -> None:
        """Keep the last lines of the child's stderr for the error message (and log them)."""
        for line in err:
            text = line.decode("utf-8", "replace").rstrip()
            self._stderr.append(text)
            log.debug("sandbox process: %s", text)
        err.close()
