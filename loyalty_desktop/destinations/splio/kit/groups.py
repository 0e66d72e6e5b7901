"""Splio static groups kept equal to the app's segments (tiers, reward-ready, points expiring within
30 days, inactive 90 days).

Splio's filters cannot be written through the API (read-only, at most 25 recounted a day), but a
static group (``/target/groups``) can be targeted by campaigns. The members come from
``sync.segments.segment_emails``: the same definitions and SQL as the Segments tab's counts. A
group is refreshed by adding the members who joined its segment and removing those who left (≤ 10,000
keys a call), against a record of what it held kept beside the store (Splio offers no way to read a
group's members); when Splio's count disagrees with that record, the group is cleared and refilled.
The kit creates the groups; every sync afterwards refreshes those that exist (found by name).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.store.store import Store, dumps
from loyalty_desktop.sync.segments import Group, Segment, segment_emails, segment_report

if TYPE_CHECKING:
    import httpx

MAX_KEYS = 10_000
SOURCE = "loyalty-desktop"
KIT_GROUPS = (Group.TIERS, Group.REWARD_READY, Group.EXPIRING, Group.INACTIVE)
# Stable names (the reward-ready segment's own name carries its threshold, which may change).
_NAMES = {"reward-ready": "Loyalty: reward ready"}
# The same in French, in the Segments tab's words (as the Klaviyo kit's segments): a group is named
# in the kit's language, and found again by its other-language name, so it is never made twice.
_PREFIX_FR = "Fidélité\u00a0: "
_NAMES_FR = {Group.REWARD_READY: "récompense possible", Group.EXPIRING: "points qui expirent sous {days} jours",
             Group.INACTIVE: "inactifs depuis {days} jours"}
_SEARCH_TERMS = ("Loyalty", "Fidélité")  # what every kit group's name holds, in either language
Call = Callable[..., "httpx.Response"]
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class GroupResult:
    key: str  # the segment's key ("tier-gold", "reward-ready", …)
    name: str  # the Splio group's name
    group_id: int | None
    members: int  # what the Segments tab counts
    in_group: int  # what Splio holds afterwards
    not_found: int  # members without a Splio contact
    created: bool = False


@dataclass
class GroupsReport:
    results: list[GroupResult] = field(default_factory=list)
    note: str = ""


def group_name(s: Segment, language: str = "en") -> str:
    """The group's name in Splio, in `language` ("en" / "fr")."""
    if language != "fr":
        return _NAMES.get(s.key, s.name)
    if s.group is Group.TIERS:
        return f"{_PREFIX_FR}palier {s.args['tier']}"
    return _PREFIX_FR + _NAMES_FR.get(s.group, s.name).format(**s.args)


def group_names(s: Segment, language: str = "en") -> list[str]:
    """Its name in `language` first, then in the other languages (a kit made in another language)."""
    first = group_name(s, language)
    return [first, *sorted({group_name(s, lang) for lang in ("en", "fr")} - {first})]


def kit_segments(store: Store) -> list[Segment]:
    """The segments the kit keeps as groups: the Segments tab's own definitions (tiers with members
    or declared, reward-ready at the program's cheapest reward, expiring 30 days, inactive 90)."""
    report = segment_report(store)
    return [c.segment for c in report.counts
            if c.group in KIT_GROUPS and not (c.group is Group.TIERS and c.segment.args.get("tier") is None)]


def list_groups(call: Call) -> dict[str, int]:
    """Splio's groups named like the kit's (in any language): name → id."""
    out: dict[str, int] = {}
    for term in _SEARCH_TERMS:
        page = 1
        while True:
            body = call("other", "GET", "/target/groups/list",
                        params={"per_page": "1000", "page_number": str(page), "term": term}).json()
            elements = body.get("elements") or [] if isinstance(body, dict) else []
            for e in elements:
                if isinstance(e, dict) and isinstance(e.get("id"), int) and isinstance(e.get("name"), str):
                    out.setdefault(e["name"], e["id"])
            if not isinstance(body, dict) or page * 1000 >= int(body.get("count_element") or 0):
                break
            page += 1
    return out


def _send(call: Call, gid: int, op: str, keys: list[str]) -> tuple[int | None, list[str]]:
    """add or remove `keys`, ≤ MAX_KEYS a call: (the group's size after the last call, keys not found)."""
    total: int | None = None
    not_found: list[str] = []
    for start in range(0, len(keys), MAX_KEYS):
        answer = call("other", "POST", f"/target/groups/{gid}/{op}",
                      content=dumps({"keys": keys[start:start + MAX_KEYS]}).encode()).json()
        not_found += list(answer.get("keys_not_found") or [])
        total = int(answer.get("nb_total_contacts") or 0)
    return total, not_found


def _fill(call: Call, gid: int, want: set[str], last: set[str] | None) -> tuple[int, set[str]]:
    """Make the group hold `want` (those with a contact): (its size, the keys it holds). With what it
    held after the last sync, only the difference is sent, so it is never empty meanwhile; when
    Splio's count then disagrees (edited in Splio, or the record lost), it is cleared and refilled."""
    if last is not None:
        add, remove = sorted(want - last), sorted(last - want)
        if not add and not remove and last:
            add = [min(last)]  # nothing changed: adding one it holds (a no-op) tells its size
        added, not_found = _send(call, gid, "add", add)
        removed, _ = _send(call, gid, "remove", remove)
        held = (last - set(remove)) | (set(add) - set(not_found))
        total = removed if removed is not None else added
        if total is None or total == len(held):
            return len(held), held
        log.info("Splio group %d holds %d contacts, %d expected: filling it afresh", gid, total, len(held))
    call("other", "POST", f"/target/groups/{gid}/clear")
    total, not_found = _send(call, gid, "add", sorted(want))
    return total or 0, want - set(not_found)


def _state_path(store: Store, dest: str) -> Path:
    digest = hashlib.blake2b(dest.encode(), digest_size=8).hexdigest()
    return store.path.parent / f"splio-groups-{digest}.json"


def _load(path: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or unreadable: the groups are filled afresh
    return data if isinstance(data, dict) else {}


def refresh_groups(call: Call, store: Store, *, create: bool, dest: str = "splio",
                   language: str = "en") -> GroupsReport:
    """Fill each kit group with its segment's members; create the missing ones when `create`, named
    in `language` (a group found under its other-language name keeps that name).
    `dest`: the destination's name, whose record of what each group holds sits by the store."""
    report = GroupsReport()
    existing = list_groups(call)
    as_of = segment_report(store).as_of
    path = _state_path(store, dest)
    state = _load(path)
    for seg in kit_segments(store):
        names = group_names(seg, language)
        name = next((n for n in names if n in existing), names[0])
        emails = segment_emails(store, seg, as_of)
        gid = existing.get(name)
        if gid is None and not create:
            continue
        created = gid is None
        if gid is None:
            body = {"name": name, "description": f"{seg.name} (Loyalty Desktop, segment {seg.key})",
                    "source": SOURCE, "keys": emails[:MAX_KEYS]}
            answer = call("other", "POST", "/target/groups", content=dumps(body).encode()).json()
            gid = int(answer["group"]["id"])
            held = set(emails[:MAX_KEYS]) - set(answer.get("keys_not_found") or [])
            total, held = _fill(call, gid, set(emails), held) if len(emails) > MAX_KEYS else (len(held), held)
        else:
            last = state.get(str(gid))
            total, held = _fill(call, gid, set(emails), set(last) if isinstance(last, list) else None)
        state[str(gid)] = sorted(held)
        report.results.append(GroupResult(seg.key, name, gid, len(emails), total, len(set(emails) - held), created))
    try:
        path.write_text(json.dumps(state), encoding="utf-8")
    except OSError:  # next time Splio's counts disagree with the older record: filled afresh then
        log.info("could not record the Splio groups' members in %s", path, exc_info=True)
    return report


def describe(report: GroupsReport) -> str:
    """One line for the sync's notes."""
    parts = [f"{r.name} {r.in_group:,}" + (f" ({r.not_found:,} not in Splio)" if r.not_found else "")
             for r in report.results]
    return tr("Splio groups refreshed: {groups}.").format(groups="; ".join(parts)) if parts else ""




class SplioGroups:
    """The adapter's end-of-sync step: refresh the kit's groups that exist (a mixin)."""

    name: str
    unique_key: str | None
    _call: Call

    def call(self, bucket: str, method: str, url: str, **kw: Any) -> httpx.Response:
        """One authenticated request (the kit's way to the API)."""
        return self._call(bucket, method, url, **kw)

    def after_sync(self, store: Store, mapping: Mapping) -> list[str]:
        """Refresh the kit's groups with this sync's members. A failure here is a note: the sync
        itself went through, and the next one refreshes the groups again."""
        if self.unique_key != "email":
            return []
        try:
            report = refresh_groups(self._call, store, create=False, dest=self.name)
        except LoyaltyError as exc:
            log.info("refreshing the Splio groups failed", exc_info=True)
            return [tr("The Splio groups were not refreshed ({error}); the next sync tries again.").format(
                error=user_message(exc, "Splio"))]
        line = describe(report)
        return [line] if line else []
