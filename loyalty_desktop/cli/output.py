"""What `sync` prints: the progress line, the run's figures, and why a run stopped to ask."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import wait_message
from loyalty_desktop.core.textsafe import printable
from loyalty_desktop.destinations.base import AccountInfo
from loyalty_desktop.schedule.command import tr
from loyalty_desktop.sync.baseline import CONFIRM_MIN, CONFIRM_SHARE
from loyalty_desktop.sync.engine import Phase, Progress, RunStatus, RunSummary
from loyalty_desktop.sync.summary import late_text

PHASE_WORDS = {
    Phase.CONFIRMING: "confirming earlier jobs",
    Phase.READING: "reading loyalty data",
    Phase.PLANNING: "planning",
    Phase.SENDING_PROFILES: "sending profiles",
    Phase.SENDING_EVENTS: "sending events",
    Phase.DONE: "done",
}


def _fmt_eta(seconds: float | None) -> str:
    if seconds is None:
        return "--"
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class TerminalProgress:
    """One updating line on a terminal; a line every few seconds (and per phase) otherwise."""

    def __init__(self, out: TextIO, platform: str = "the platform") -> None:
        self.out = out
        self.platform = platform
        self.tty = out.isatty()
        self.phase: Phase | None = None
        self.last = 0.0

    def __call__(self, p: Progress) -> None:
        if p.wait is not None:  # a retry wait: always said, on its own line
            self.out.write(("\n" if self.tty and self.phase else "") + wait_message(p.wait, self.platform)
                           + " (Ctrl-C stops; the next sync resumes)\n")
            self.out.flush()
            self.phase = None  # the next progress line starts afresh
            return
        now = clock.monotonic()
        new_phase = p.phase != self.phase
        if not (self.tty or new_phase or now - self.last >= 2 or p.done >= p.total):
            return
        self.last = now
        line = f"{PHASE_WORDS[p.phase]:<24} {p.done:>8}/{p.total:<8} {p.rate:8.0f}/s  ETA {_fmt_eta(p.eta_s)}"
        if self.tty:
            self.out.write(("\n" if new_phase and self.phase else "\r") + line)
        else:
            self.out.write(line + "\n")
        self.phase = p.phase
        self.out.flush()

    def close(self) -> None:
        if self.tty and self.phase:
            self.out.write("\n")


# Exit codes of `sync`.
EXIT_CODES = {RunStatus.COMPLETED: 0, RunStatus.COMPLETED_WITH_REJECTS: 0, RunStatus.FAILED: 1,
              RunStatus.NEEDS_CONFIRMATION: 3, RunStatus.CANCELLED: 130}


def print_connected(notes: Iterable[str], label: str, account: AccountInfo, out: TextIO) -> None:
    """What opening the destination said (sandbox started, fields created), then which account."""
    for note in notes:
        print(note, file=out)
    print(f"Connected to {label} account {account.name!r}" + (" (test account)" if account.test_account else ""),
          file=out)


def print_confirmation(s: RunSummary, label: str, out: TextIO) -> None:
    """Why a sync stopped before sending: the live events it would send, by metric."""
    print(f"Sync to {label} stopped before sending anything (run {s.run_id}): it would send "
          f"{s.live_events_total:,} live events, more than {s.confirm_threshold:,} (the larger of {CONFIRM_MIN} and "
          f"{CONFIRM_SHARE:.0%} of the {s.members:,} members). Live events start flows: each may email a customer.",
          file=out)
    for metric, n in sorted(s.live_events.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {metric}: {n:,}", file=out)
    print("Check these figures; if they are right, run the same command again with --yes.", file=out)


def print_summary(s: RunSummary, label: str, out: TextIO) -> None:
    """The run's figures. "rejected" always means rows the platform (or, for source rows, the
    loyalty data) did not take, each with its reason in `runs --rejected RUN`."""
    if s.status is RunStatus.NEEDS_CONFIRMATION:
        print_confirmation(s, label, out)
        return
    words = {RunStatus.COMPLETED: "completed", RunStatus.COMPLETED_WITH_REJECTS: "completed with rejected rows",
             RunStatus.FAILED: "failed", RunStatus.CANCELLED: "cancelled"}[s.status]
    print(f"Sync to {label} {words} in {s.seconds:.1f} s (run {s.run_id})", file=out)
    not_sent = f"  not sent yet: {s.members_not_sent}" if s.members_not_sent else ""
    earlier = f" ({s.members_rejected_earlier} in earlier runs)" if s.members_rejected_earlier else ""
    print(f"  members: {s.members}  profiles sent: {s.profiles_sent}  unchanged: {s.unchanged}  "
          f"members rejected: {s.members_rejected}{earlier}{not_sent}", file=out)
    print(f"  events sent: {s.events_sent}  events rejected: {s.events_rejected}", file=out)
    source = f" + {s.source_rejected} in the loyalty data" if s.source_rejected else ""
    print(f"  rejected: {s.rejected} by {label}{source}  retries: {s.retries} (429 answers: {s.throttled})  "
          f"requests: {s.requests} ({s.write_requests} writes)", file=out)
    for note in s.notes:
        print(f"  {printable(note)}", file=out)
    if s.events_too_late:  # a catch-up run: what became too late was not sent (sync/summary.late_text)
        print(f"  {s.events_too_late} notice(s) too late to send, not sent:", file=out)
        for entry in s.too_late[:10]:
            print(f"    {printable(late_text(entry, tr))}", file=out)
        if s.events_too_late > 10:
            print(f"    … and {s.events_too_late - 10} more (run {s.run_id})", file=out)
    for key, fld, why in s.rejected_samples[:10]:  # platforms' and files' words: no escape sequences
        key, fld, why = printable(key), printable(fld), printable(why)
        print(f"  rejected {key}" + (f" [{fld}]" if fld else "") + f": {why}", file=out)
    if s.rejected > 10:
        print(f"  … see all rejected rows with `loyalty-desktop runs --rejected {s.run_id}`", file=out)
    if s.error:
        print(f"  {printable(s.error)}", file=out)
