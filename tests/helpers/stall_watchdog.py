"""Say why the GUI event loop stalled (used by gui_probe.py; Linux only, reads /proc).

The GUI timer calls `StallWatchdog.tick()`; a gap between ticks over the threshold is a stall. For
each one we record the Python line the sync worker was on when it ended, sampled by the GUI thread
as soon as it has the GIL back (the worker just dropped it there: a long C call holding the GIL
shows up as the line that made it), the lines a watchdog thread saw meanwhile, and how the threads
spent the stall: kernel per-thread clocks (/proc/self/task/<tid>/schedstat: ns on a CPU, ns
runnable but waiting for one), the sandbox process, the machine (/proc/stat, 10 ms resolution, with
"steal": time the hypervisor gave our virtual CPUs to others), and garbage-collector pauses.
Kinds, first match wins:
    vm             the hypervisor did not run this machine (steal, or time missing altogether)
    cpu            the GUI thread was runnable but got no CPU: OS scheduling, the machine is loaded
    gui            the GUI thread itself was on a CPU (work in a slot)
    gil            the worker was on a CPU while the GUI thread slept: it held the GIL (long C call)
    gc             gui or gil, spent in a garbage collection (it holds the GIL, whoever triggered it)
    gil-preempted  the worker held the GIL but was itself waiting for a CPU (load + GIL together)
    app-thread     another thread of the app was on a CPU (e.g. the offline demo's in-app sandbox)
    other          none of these
"""

from __future__ import annotations

import gc
import linecache
import os
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

_CLK_TCK = os.sysconf("SC_CLK_TCK")
_NCPU = os.cpu_count() or 1


class _SchedClock:
    """ns on a CPU and ns runnable-but-waiting of some threads, summed (files kept open: pread is cheap)."""

    def __init__(self, paths: list[str]) -> None:
        self.fds: list[int] = []
        for p in paths:
            try:
                self.fds.append(os.open(p, os.O_RDONLY))
            except OSError:
                pass

    def read(self) -> tuple[int, int]:
        run = wait = 0
        for fd in self.fds:
            try:
                f = os.pread(fd, 128, 0).split()
            except OSError:  # the thread ended
                continue
            run, wait = run + int(f[0]), wait + int(f[1])
        return run, wait

    def close(self) -> None:
        for fd in self.fds:
            os.close(fd)
        self.fds = []


@dataclass(frozen=True, slots=True)
class _Clocks:
    gui_run: int  # ns
    gui_wait: int
    worker_run: int
    worker_wait: int
    sandbox_run: int
    process: int  # jiffies, this whole process
    machine_busy: int  # jiffies, all CPUs
    machine_steal: int
    machine_all: int


def _process_jiffies(pid: int | str) -> int:
    """utime + stime of a whole process (threads that ended included)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def load_average() -> str:
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def _tid_named(comm: str) -> int | None:
    for task in Path("/proc/self/task").iterdir():
        try:
            if (task / "comm").read_text().strip() == comm:
                return int(task.name)
        except OSError:
            continue
    return None


def where(frame: FrameType | None, depth: int = 2) -> str:
    """'file.py:line function: source' of the innermost frames, and of the innermost frame of the
    app if that is deeper. C functions have no frame: the innermost Python line is the one that
    called the C function."""
    parts = []
    while frame is not None:
        code = frame.f_code
        ours = "loyalty_desktop" in code.co_filename
        if code is StallWatchdog._on_gc.__code__:
            parts.append("[garbage collection]")  # our gc callback: the thread was collecting
        elif len(parts) < depth or ours:
            line = frame.f_lineno or 0  # None while a frame is being set up or torn down
            src = linecache.getline(code.co_filename, line).strip() if line else ""
            parts.append(f"{Path(code.co_filename).name}:{line} {code.co_name}: {src[:70]}")
            if len(parts) >= depth and ours:
                break
        frame = frame.f_back
    return " ← ".join(parts) if parts else "(no Python frame)"


@dataclass
class Stall:
    at_s: float  # since the watchdog started
    ms: float
    kind: str
    busy_ms: float  # gui, gil, gc: CPU time the busy thread spent (load stretches `ms`, not this)
    worker_at_end: str
    gui_run_ms: float
    gui_runq_ms: float
    worker_run_ms: float
    worker_runq_ms: float
    sandbox_run_ms: float
    machine_busy_ms: float
    steal_ms: float
    seen: list[str] = field(default_factory=list)  # worker lines the watchdog thread saw meanwhile


class StallWatchdog:
    def __init__(self, threshold_ms: float = 25.0, period_ms: float = 3.0, sandbox_pid: int | None = None) -> None:
        self.threshold = threshold_ms / 1000
        self.period = period_ms / 1000
        self.gui = _SchedClock([f"/proc/self/task/{threading.get_native_id()}/schedstat"])
        self.worker = _SchedClock([])
        self.worker_ident: int | None = None
        tasks = Path(f"/proc/{sandbox_pid}/task")
        self.sandbox = _SchedClock([str(p / "schedstat") for p in tasks.iterdir()] if sandbox_pid else [])
        self._stat = os.open("/proc/stat", os.O_RDONLY)
        self.stalls: list[Stall] = []
        self.gc_pauses: list[tuple[float, float, int, str]] = []  # (at s, ms, generation, thread) over 5 ms
        self.worst_ms = 0.0
        self.ticks = 0
        self.load_before = load_average()
        self.load_after = ""
        self.others_cores = 0.0  # CPUs' worth used by other processes during the run
        self.steal_share = 0.0  # share of the machine's time the hypervisor took
        self._sandbox_pid = sandbox_pid
        self._children: dict[int, int] = {}  # pid → its last utime + stime (jiffies)
        self._usage = self._usage_now()
        self._gc_started = 0.0
        self._t0 = self._last = time.perf_counter()
        self._clocks = self._read_clocks()
        self._seen: list[tuple[float, str]] = []
        self._seen_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="stall-watchdog", daemon=True)

    def _usage_now(self) -> tuple[float, int, int, int, int]:
        c = self._read_clocks()
        sandbox = _process_jiffies(self._sandbox_pid) if self._sandbox_pid else 0
        ours = _process_jiffies("self") + sandbox + sum(self._children.values())
        return time.perf_counter(), c.machine_busy, c.machine_steal, c.machine_all, ours

    def add_child(self, pid: int) -> None:
        """A process of the app (the worker): its CPU time counts as the app's, not as other processes',
        and its threads' clocks are the stall table's "worker" columns."""
        self._children[pid] = 0
        if not self.worker.fds:
            self.worker = _SchedClock([str(t / "schedstat") for t in Path(f"/proc/{pid}/task").iterdir()])

    def _sample_children(self) -> None:
        for pid in self._children:  # the last reading before the process ends and its /proc entry goes
            self._children[pid] = max(self._children[pid], _process_jiffies(pid))

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)
        self._usage = self._usage_now()
        self._t0 = self._last = time.perf_counter()
        self._clocks = self._read_clocks()
        self._thread.start()

    def stop(self) -> None:
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        self._stop.set()
        self._thread.join(2)
        self.load_after = load_average()
        t1, busy1, steal1, all1, ours1 = self._usage_now()
        t0, busy0, steal0, all0, ours0 = self._usage
        self.others_cores = max(0.0, (busy1 - busy0) - (ours1 - ours0)) / _CLK_TCK / max(t1 - t0, 1e-3)
        self.steal_share = (steal1 - steal0) / max(all1 - all0, 1)
        for c in (self.gui, self.worker, self.sandbox):
            c.close()
        os.close(self._stat)

    def bind_worker(self, comm: str = "sync-worker", in_file: str = "sync_runner.py", function: str = "run") -> bool:
        """Find the worker: its Python ident (the thread running `function` of `in_file`, for its
        frames) and its OS thread (for its clock: by its name `comm`, or by the Python thread's id)."""
        if self.worker_ident is None:
            for ident, frame in sys._current_frames().items():
                f: FrameType | None = frame
                while f is not None and self.worker_ident is None:
                    if f.f_code.co_filename.endswith(in_file) and f.f_code.co_name == function:
                        self.worker_ident = ident
                    f = f.f_back
        if not self.worker.fds and self.worker_ident is not None:
            tid = _tid_named(comm) or next((t.native_id for t in threading.enumerate()
                                            if t.ident == self.worker_ident), None)
            if tid is not None:
                self.worker = _SchedClock([f"/proc/self/task/{tid}/schedstat"])
        return self.worker_ident is not None and bool(self.worker.fds)

    def _read_clocks(self) -> _Clocks:
        v = [int(x) for x in os.pread(self._stat, 256, 0).split(b"\n", 1)[0].split()[1:]]
        user, nice, system, _idle, _iowait, irq, softirq, steal = (v + [0] * 8)[:8]
        return _Clocks(*self.gui.read(), *self.worker.read(), self.sandbox.read()[0], _process_jiffies("self"),
                       user + nice + system + irq + softirq, steal, sum(v[:8]))

    def _worker_line(self) -> str:
        if self.worker_ident is None:
            return "(worker not found)"
        return where(sys._current_frames().get(self.worker_ident))

    def _other_lines(self) -> list[str]:
        skip = {self.worker_ident, threading.get_ident(), self._thread.ident}
        return [where(f, 1) for ident, f in sys._current_frames().items() if ident not in skip]

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self._gc_started:
            ms = (time.perf_counter() - self._gc_started) * 1000
            if ms > 5:
                who = "worker" if threading.get_ident() == self.worker_ident else threading.current_thread().name
                self.gc_pauses.append((self._gc_started - self._t0, ms, info["generation"], who))

    # -- GUI thread -----------------------------------------------------------------------------

    def tick(self) -> None:
        now = time.perf_counter()
        gap = now - self._last
        at_end = self._worker_line() if gap > self.threshold else ""  # first, before the worker moves on
        clocks = self._read_clocks()
        self.ticks += 1
        if self._children:
            self._sample_children()
        if gap > self.threshold:
            self._record(now, gap, at_end, self._clocks, clocks)
        self._clocks = clocks
        self.worst_ms = max(self.worst_ms, gap * 1000)
        self._last = now

    def _record(self, now: float, gap: float, at_end: str, a: _Clocks, b: _Clocks) -> None:
        ms, start = gap * 1000, now - gap
        jiffy_ms = 1000 / _CLK_TCK
        busy, steal = (b.machine_busy - a.machine_busy) * jiffy_ms, (b.machine_steal - a.machine_steal) * jiffy_ms
        seen_by_machine = (b.machine_all - a.machine_all) * jiffy_ms
        g_run, g_wait = (b.gui_run - a.gui_run) / 1e6, (b.gui_wait - a.gui_wait) / 1e6
        w_run, w_wait = (b.worker_run - a.worker_run) / 1e6, (b.worker_wait - a.worker_wait) / 1e6
        rest = (b.process - a.process) * jiffy_ms - g_run - w_run  # the app's other threads
        gc_ms = sum(max(0.0, min(now, self._t0 + at + p / 1000) - max(start, self._t0 + at)) * 1000
                    for at, p, _g, _w in self.gc_pauses[-5:])
        gc_run = gc_ms >= 0.5 * ms
        busy_ms = 0.0  # CPU time of the thread that kept the GUI waiting, when it is one of ours
        if steal >= 0.5 * ms or seen_by_machine < 0.5 * _NCPU * ms:
            kind = "vm"
        elif g_wait >= 0.4 * ms:
            kind = "cpu"
        elif g_run >= 0.5 * ms:
            kind, busy_ms = ("gc" if gc_run else "gui"), g_run
        elif w_run >= 0.5 * ms:
            kind, busy_ms = ("gc" if gc_run else "gil"), w_run
        elif w_run + w_wait >= 0.5 * ms:
            kind = "gil-preempted"  # what the worker held the GIL for (GC included) took longer for lack of a CPU
        elif rest >= 0.5 * ms:
            kind = "app-thread"
            at_end += " | other threads: " + "; ".join(self._other_lines())
        else:
            kind = "other"
        with self._seen_lock:
            seen = list(dict.fromkeys(line for t, line in self._seen if start <= t <= now))
            self._seen.clear()
        self.stalls.append(Stall(now - self._t0, ms, kind, busy_ms, at_end, g_run, g_wait, w_run, w_wait,
                                 (b.sandbox_run - a.sandbox_run) / 1e6, busy, steal, seen))

    # -- watchdog thread --------------------------------------------------------------------------

    def _watch(self) -> None:
        while not self._stop.wait(self.period):
            if time.perf_counter() - self._last > self.threshold and self.worker_ident is not None:
                line = self._worker_line()
                with self._seen_lock:
                    self._seen.append((time.perf_counter(), line))

    # -- report -----------------------------------------------------------------------------------

    def table(self, top: int = 10) -> str:
        """Stalls ranked by culprit (kind + worker line), then the worst ones with their clocks."""
        kinds: dict[str, list[float]] = defaultdict(list)
        culprits: dict[tuple[str, str], list[float]] = defaultdict(list)
        for s in self.stalls:
            kinds[s.kind].append(s.ms)
            culprits[(s.kind, s.worker_at_end)].append(s.ms)
        lines = [(f"load average before {self.load_before}, after {self.load_after or load_average()}; other "
                  f"processes used {self.others_cores:.2f} of {_NCPU} CPUs, steal {self.steal_share:.0%}; "
                  f"{len(self.stalls)} stalls > {self.threshold * 1000:.0f} ms, worst {self.worst_ms:.0f} ms, "
                  f"{self.ticks} ticks")]
        if self.stalls:
            lines.append("by kind: " + ", ".join(f"{k} {len(v)}× (worst {max(v):.0f} ms, total {sum(v):.0f} ms)"
                                                 for k, v in sorted(kinds.items(), key=lambda kv: -sum(kv[1]))))
            lines.append("  count  worst  total  kind           worker line when the GUI thread got the GIL back")
            for (kind, line), v in sorted(culprits.items(), key=lambda kv: -max(kv[1]))[:top]:
                lines.append(f"  {len(v):5d} {max(v):6.0f} {sum(v):6.0f}  {kind:13s}  {line}")
            lines.append("  worst stalls, ms: GUI thread on CPU/runnable, worker on CPU/runnable, sandbox on CPU,"
                         " machine busy/steal")
            for s in sorted(self.stalls, key=lambda s: -s.ms)[:5]:
                lines.append(f"    {s.ms:4.0f} at {s.at_s:6.2f} s  {s.kind:13s} gui {s.gui_run_ms:.0f}/"
                             f"{s.gui_runq_ms:.0f}  worker {s.worker_run_ms:.0f}/{s.worker_runq_ms:.0f}  sandbox "
                             f"{s.sandbox_run_ms:.0f}  machine {s.machine_busy_ms:.0f}/{s.steal_ms:.0f}")
                lines.extend(f"         seen meanwhile: {line}" for line in s.seen if line != s.worker_at_end)
        if self.gc_pauses:
            lines.append("  GC pauses > 5 ms (at s/ms/generation/thread): " + ", ".join(
                f"{at:.2f}/{ms:.0f}/g{g}/{who}" for at, ms, g, who in sorted(self.gc_pauses, key=lambda p: -p[1])[:8]))
        return "\n".join(lines)
