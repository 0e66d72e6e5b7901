"""A run's counts, defined once and worded once: the wizard, the main window (last sync, status line,
run history, run dialog) and the command line (`sync`, `runs`) all show these figures in these words.

Contacts (the loyalty program's members, each counted once; they add up to `members`):
- sent: the platform acknowledged the member's current loyalty data in this run;
- unchanged: the platform already had it, nothing sent;
- refused: the platform refused it (its reason kept with the run), in this run or in an earlier one
  with the data unchanged since (not sent again until it changes; Splio's "not in Splio" contacts,
  skipped until created, are these); `refused_earlier` says how many were refused earlier;
- not sent yet: still queued, the run stopped first.
Apart from contacts:
- rejected: rows of the loyalty data (file, Smile.io customers) that could not be used (an invalid
  email, a bad value); they are no member and nothing of them is sent;
- events sent / events refused: loyalty events (points earned, tier reached…).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from loyalty_desktop.core import platforms
from loyalty_desktop.core.translate import Tr, same


class Count(str, enum.Enum):
    """The figures a run shows, in the order they are shown."""

    MEMBERS = "members"
    SENT = "sent"
    UNCHANGED = "unchanged"
    REFUSED = "refused"
    NOT_SENT = "not_sent"
    REJECTED = "rejected"
    EVENTS_SENT = "events_sent"
    EVENTS_REFUSED = "events_refused"


# Shown even when zero: the four every merchant compares (and the members they add up to).
ALWAYS = (Count.MEMBERS, Count.SENT, Count.UNCHANGED, Count.REFUSED, Count.REJECTED, Count.EVENTS_SENT)


@dataclass(frozen=True, slots=True)
class RunCounts:
    members: int = 0
    sent: int = 0
    unchanged: int = 0
    refused: int = 0
    refused_earlier: int = 0
    not_sent: int = 0
    rejected: int = 0
    events_sent: int = 0
    events_refused: int = 0

    @classmethod
    def of(cls, counts: Mapping[str, Any]) -> RunCounts:
        """From a run's stored counts (`RunRecord.counts`, `RunSummary.counts()`); a run recorded
        before the member counts existed gives its refused profile rows."""
        def n(key: str) -> int:
            return int(counts.get(key) or 0)
        refused = n("members_rejected") if "members_rejected" in counts else n("rejected") - n("events_rejected")
        return cls(members=n("members"), sent=n("profiles_sent"), unchanged=n("unchanged"), refused=refused,
                   refused_earlier=n("members_rejected_earlier"), not_sent=n("members_not_sent"),
                   rejected=n("source_rejected"), events_sent=n("events_sent"), events_refused=n("events_rejected"))

    def value(self, count: Count) -> int:
        return int(getattr(self, count.value))

    @property
    def listed(self) -> int:
        """The rows the run keeps with their reason (its rejected-rows list): contacts and events
        refused in this run, and the loyalty data's rejected rows."""
        return self.refused - self.refused_earlier + self.events_refused + self.rejected

    def adds_up(self) -> bool:
        return self.members == self.sent + self.unchanged + self.refused + self.not_sent

    def shown(self) -> list[Count]:
        return [c for c in Count if c in ALWAYS or self.value(c)]


def label(count: Count, tr: Tr = same, platform: str = "") -> str:
    """A figure's name ("Refused by Splio"; "Refused" without a platform: a column header)."""
    if count is Count.REFUSED:
        return tr("Refused by {platform}").format(platform=platform) if platform else tr("Refused")
    return {
        Count.MEMBERS: tr("Members"),
        Count.SENT: tr("Contacts sent"),
        Count.UNCHANGED: tr("Unchanged"),
        Count.NOT_SENT: tr("Not sent yet"),
        Count.REJECTED: tr("Rejected in the loyalty data"),
        Count.EVENTS_SENT: tr("Events sent"),
        Count.EVENTS_REFUSED: tr("Events refused"),
    }[count]


def header(count: Count, tr: Tr = same) -> str:
    """A figure's name as a column header: "Refused", "Rejected" (the tooltip says `meaning`)."""
    return tr("Rejected") if count is Count.REJECTED else label(count, tr)


def meaning(count: Count, tr: Tr = same) -> str:
    """What a figure counts, in one sentence (tooltips)."""
    return {
        Count.MEMBERS: tr("Members read from the loyalty program"),
        Count.SENT: tr("Contacts whose loyalty data the platform took in this run"),
        Count.UNCHANGED: tr("Contacts the platform already had up to date: nothing sent"),
        Count.REFUSED: tr("Contacts the platform refused, with its reason (also those refused by an earlier run, "
                          "not sent again until their data changes)"),
        Count.NOT_SENT: tr("Contacts still waiting: the run stopped first; the next sync sends them"),
        Count.REJECTED: tr("Rows of the loyalty data that could not be used (invalid email, bad value): nothing "
                           "of them is sent"),
        Count.EVENTS_SENT: tr("Loyalty events sent (points earned, tier reached…)"),
        Count.EVENTS_REFUSED: tr("Loyalty events the platform refused, with its reason"),
    }[count]


def figure(count: Count, value: str, tr: Tr = same, platform: str = "") -> str:
    """"Label: n", one template per figure: a bare "{label}: {count}" would match any "x: y" text when a
    stored message is reworded (core.translate), and put its French colon there."""
    if count is Count.REFUSED:
        return (tr("Refused by {platform}: {count}").format(platform=platform, count=value) if platform
                else tr("Refused: {count}").format(count=value))
    return {
        Count.MEMBERS: tr("Members: {count}"),
        Count.SENT: tr("Contacts sent: {count}"),
        Count.UNCHANGED: tr("Unchanged: {count}"),
        Count.NOT_SENT: tr("Not sent yet: {count}"),
        Count.REJECTED: tr("Rejected in the loyalty data: {count}"),
        Count.EVENTS_SENT: tr("Events sent: {count}"),
        Count.EVENTS_REFUSED: tr("Events refused: {count}"),
    }[count].format(count=value)


def count_parts(c: RunCounts, platform: str, tr: Tr = same, number: Callable[[int], str] = str) -> list[str]:
    """Each figure shown, as "Label: n" (`number` writes it the reader's way)."""
    parts = []
    for count in c.shown():
        text = figure(count, number(c.value(count)), tr, platform)
        if count is Count.REFUSED and c.refused_earlier:
            text += " " + tr("({count} in earlier runs)").format(count=number(c.refused_earlier))
        parts.append(text)
    return parts


def counts_line(c: RunCounts, platform: str, tr: Tr = same, number: Callable[[int], str] = str) -> str:
    """The run's figures in one line: "Members: 10 · Contacts sent: 7 · Unchanged: 1 · …"."""
    return " · ".join(count_parts(c, platform, tr, number))


def platform_of(dest: str) -> str:
    """The platform's name for a run's destination as the history keeps it ("klaviyo:ACCOUNT@host")."""
    return platforms.label(dest.split(":", 1)[0])
