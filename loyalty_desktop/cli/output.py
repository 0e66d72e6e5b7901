"""What `sync` prints: the progress line, the run's figures, and why a run stopped to ask.

Worded in the OS locale's language (core.translate.cli_tr: LANG / LC_ALL…; the sentences are marked
with `tr("…")` for lupdate like the core's), numbers written the reader's way."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from loyalty_desktop.core import clock
from loyalty_desktop.core.known_texts import account_label
from loyalty_desktop.core.textsafe import printable
from loyalty_desktop.core.translate import (
    Tr,
    catalogue,
    cli_language,
    cli_tr,
    format_decimal,
    format_int,
    translate_text,
)
from loyalty_desktop.destinations.base import AccountInfo
from loyalty_desktop.net.policy import wait_message
from loyalty_desktop.store.runs import RunState
from loyalty_desktop.sync.baseline import CONFIRM_MIN, CONFIRM_SHARE
from loyalty_desktop.sync.engine import Phase, Progress, RunStatus, RunSummary
from loyalty_desktop.sync.run_counts import RunCounts, counts_line
from loyalty_desktop.sync.summary import late_text


def phase_words(tr: Tr) -> dict[Phase, str]:
    return {
        Phase.CONFIRMING: tr("confirming earlier jobs"),
        Phase.READING: tr("reading loyalty data"),
        Phase.PLANNING: tr("planning"),
        Phase.SENDING_PROFILES: tr("sending profiles"),
        Phase.SENDING_EVENTS: tr("sending events"),
        Phase.DONE: tr("done"),
    }


PHASE_WORDS = phase_words(lambda text: text)


def run_state_words(tr: Tr) -> dict[RunState, str]:
    """A run's state in `runs` (English: the stored value, as scripts read it)."""
    return {RunState.RUNNING: tr("running"), RunState.COMPLETED: tr("completed"),
            RunState.COMPLETED_WITH_REJECTS: tr("completed_with_rejects"), RunState.FAILED: tr("failed"),
            RunState.CANCELLED: tr("cancelled"), RunState.NEEDS_CONFIRMATION: tr("needs_confirmation"),
            RunState.INTERRUPTED: tr("interrupted")}


def tr(text: str) -> str:
    """A command-line sentence in the OS locale's language (lupdate extracts the `tr("…")` calls)."""
    return cli_tr()(text)


def _words(language: str | None) -> tuple[str, Tr]:
    """The language (the OS locale's unless given) and its translator."""
    lang = language or cli_language()
    return lang, catalogue(lang).core


def _fmt_eta(seconds: float | None) -> str:
    if seconds is None:
        return "--"
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class TerminalProgress:
    """One updating line on a terminal; a line every few seconds (and per phase) otherwise."""

    def __init__(self, out: TextIO, platform: str = "the platform", language: str | None = None) -> None:
        self.out = out
        _, self._tr = _words(language)  # not self.tr: lupdate would take it for a Qt class's
        self.platform = platform
        self.tty = out.isatty()
        self.phase: Phase | None = None
        self.last = 0.0

    def __call__(self, p: Progress) -> None:
        tr = self._tr
        if p.wait is not None:  # a retry wait: always said, on its own line
            self.out.write(("\n" if self.tty and self.phase else "") + wait_message(p.wait, self.platform, tr)
                           + " " + tr("(Ctrl-C stops; the next sync resumes)") + "\n")
            self.out.flush()
            self.phase = None  # the next progress line starts afresh
            return
        now = clock.monotonic()
        new_phase = p.phase != self.phase
        if not (self.tty or new_phase or now - self.last >= 2 or p.done >= p.total):
            return
        self.last = now
        line = (f"{phase_words(tr)[p.phase]:<24} {p.done:>8}/{p.total:<8} {p.rate:8.0f}/s  "
                + tr("ETA {eta}").format(eta=_fmt_eta(p.eta_s)))
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


def print_connected(notes: Iterable[str], label: str, account: AccountInfo, out: TextIO,
                    language: str | None = None) -> None:
    """What opening the destination said (sandbox started, fields created), then which account."""
    lang, tr = _words(language)
    for note in notes:
        print(translate_text(note, lang), file=out)
    print(tr("Connected to {platform} account “{account}”").format(
        platform=label, account=printable(account_label(account.name, account.test_account, tr))), file=out)


def print_confirmation(s: RunSummary, label: str, out: TextIO, language: str | None = None) -> None:
    """Why a sync stopped before sending: the live events it would send, by metric."""
    lang, tr = _words(language)
    print(tr("Sync to {platform} stopped before sending anything (run {run}): it would send {events} live events, "
             "more than {threshold} (the larger of {minimum} and {share} of the {members} members). Live events "
             "start flows: each may email a customer.").format(
        platform=label, run=s.run_id, events=format_int(s.live_events_total, lang),
        threshold=format_int(s.confirm_threshold, lang), minimum=CONFIRM_MIN, share=f"{CONFIRM_SHARE:.0%}",
        members=format_int(s.members, lang)), file=out)
    for metric, n in sorted(s.live_events.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {metric}: {format_int(n, lang)}", file=out)
    print(tr("Check these figures; if they are right, run the same command again with --yes."), file=out)


def print_summary(s: RunSummary, label: str, out: TextIO, language: str | None = None) -> None:
    """The run's figures, worded as on every screen (sync/run_counts.py); the rows refused or
    rejected are listed with their reason by `runs --rejected RUN`."""
    lang, tr = _words(language)
    if s.status is RunStatus.NEEDS_CONFIRMATION:
        print_confirmation(s, label, out, lang)
        return
    words = {RunStatus.COMPLETED: tr("completed"), RunStatus.COMPLETED_WITH_REJECTS: tr("completed, some refused"),
             RunStatus.FAILED: tr("failed"), RunStatus.CANCELLED: tr("cancelled")}[s.status]
    print(tr("Sync to {platform} {outcome} in {seconds} s (run {run})").format(
        platform=label, outcome=words, seconds=format_decimal(s.seconds, lang), run=s.run_id), file=out)
    print("  " + counts_line(RunCounts.of(s.counts()), label, tr, lambda n: format_int(n, lang)), file=out)
    print("  " + tr("retries: {retries} (429 answers: {throttled})  requests: {requests} ({writes} writes)").format(
        retries=s.retries, throttled=s.throttled, requests=s.requests, writes=s.write_requests), file=out)
    for note in s.notes:
        print(f"  {printable(translate_text(note, lang))}", file=out)
    if s.events_too_late:  # a catch-up run: what became too late was not sent (sync/summary.late_text)
        print("  " + tr("{count} notice(s) too late to send, not sent:").format(count=s.events_too_late), file=out)
        for entry in s.too_late[:10]:
            print(f"    {printable(late_text(entry, tr))}", file=out)
        if s.events_too_late > 10:
            print("    " + tr("… and {count} more (run {run})").format(count=s.events_too_late - 10, run=s.run_id),
                  file=out)
    for key, fld, why in s.rejected_samples[:10]:  # platforms' and files' words: no escape sequences
        key, fld, why = printable(key), printable(fld), printable(translate_text(why, lang))
        print("  " + (tr("refused {key} [{field}]: {reason}") if fld else tr("refused {key}: {reason}")).format(
            key=key, field=fld, reason=why), file=out)
    if s.rejected > 10 or s.source_rejected:
        print("  " + tr("… see every refused or rejected row with `loyalty-desktop runs --rejected {run}`").format(
            run=s.run_id),
              file=out)
    if s.error:
        print(f"  {printable(translate_text(s.error, lang))}", file=out)
