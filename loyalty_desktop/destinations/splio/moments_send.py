"""Sending moments to Splio (a mixin of the adapter, which owns the HTTP calls, the pool and the stats).

Per batch of outbox event rows: one ``PATCH /data/contacts/{key}`` per contact with its moment
fields (later moments win, by time), then ``POST /events/bulk`` with the interactions. A moment is
acknowledged when Splio created its interaction or refused it as already there (the ``ext_id`` +
``ext_provider`` pair: the same moment sent again after a kill or a lost answer). Both steps are
idempotent, so a batch cut short is simply sent again on resume.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.events import LoyaltyEvent
from loyalty_desktop.destinations.base import RowOutcome
from loyalty_desktop.destinations.splio import moments
from loyalty_desktop.destinations.splio.http import SplioApiError
from loyalty_desktop.store.store import OutboxRow, dumps

if TYPE_CHECKING:
    import httpx

    from loyalty_desktop.destinations.splio.adapter import SendStats

MAX_INTERACTIONS = 500  # per POST /events/bulk (the spec gives no limit; Splio's bulk routes take 1,000)
NOT_IN_SPLIO_MOMENT = tr("not in Splio: no contact has this email; the moment is not sent")
ALREADY = "already exists"


class SplioMoments:
    """The moments half of SplioDestination (see the module's docstring)."""

    stats: SendStats
    _stats_lock: threading.Lock
    _moment_ids: dict[str, int]  # moment field name → Splio custom field id (those that exist)
    _call: Callable[..., httpx.Response]
    _parallel: Callable[[Callable[[tuple[str, dict[int, str]]], str | None], Sequence[tuple[str, dict[int, str]]]],
                        list[str | None]]

    def encode_event(self, event: LoyaltyEvent) -> str:
        return moments.encode(event)

    def accepts_event(self, event: LoyaltyEvent) -> bool:
        """The moments of MOMENTS only: a "referral started" belongs to the invited friend, who is
        not a member and usually not a Splio contact (Klaviyo makes a profile; Splio refuses it)."""
        return moments.moment_of(event) is not None

    def send_events(self, rows: Sequence[OutboxRow]) -> list[RowOutcome]:
        parsed = sorted(((row, json.loads(row.payload)) for row in rows), key=lambda rp: rp[1]["i"]["value_date"])
        fields: dict[str, dict[int, str]] = {}
        for _, p in parsed:
            ids = {self._moment_ids[n]: v for n, v in p["f"].items() if n in self._moment_ids}
            if ids:
                fields.setdefault(p["k"], {}).update(ids)
        items = list(fields.items())
        refused = {key: why for (key, _), why in zip(items, self._parallel(self._write_fields, items), strict=True)
                   if why is not None}
        outcomes = [RowOutcome(row, False, "", refused[p["k"]]) for row, p in parsed if p["k"] in refused]
        todo = [(row, p["i"]) for row, p in parsed if p["k"] not in refused]
        for start in range(0, len(todo), MAX_INTERACTIONS):
            outcomes.extend(self._post_interactions(todo[start:start + MAX_INTERACTIONS]))
        return outcomes

    def _write_fields(self, item: tuple[str, dict[int, str]]) -> str | None:
        """PATCH a contact's moment fields; None when written, else why the moment cannot be."""
        key, values = item
        body = {"custom_fields": [{"id": fid, "value": v} for fid, v in sorted(values.items())]}
        try:
            self._call("contacts", "PATCH", "/data/contacts/" + quote(key, safe=""), content=dumps(body).encode())
        except SplioApiError as exc:
            if exc.status == 404:
                return NOT_IN_SPLIO_MOMENT
            if exc.status == 400:
                return exc.detail
            raise
        with self._stats_lock:
            self.stats.moment_patches += 1
        return None

    def _post_interactions(self, todo: list[tuple[OutboxRow, dict[str, Any]]]) -> list[RowOutcome]:
        resp = self._call("other", "POST", "/events/bulk", content=dumps({"events": [i for _, i in todo]}).encode())
        body = resp.json() if resp.content else {}
        answers = [a for a in (body.get("items") or []) if isinstance(a, dict)] if isinstance(body, dict) else []
        by_ext = {(str(a.get("ext_id")), str(a.get("ext_provider"))): a for a in answers}
        outcomes: list[RowOutcome] = []
        posted = repeated = 0
        for row, interaction in todo:
            answer = by_ext.get((interaction["ext_id"], interaction["ext_provider"]))
            if answer is None:
                continue  # no answer for it: it stays queued and goes again next time
            code, desc = answer.get("code"), str(answer.get("description") or "")
            if code in (200, 201):
                posted += 1
                outcomes.append(RowOutcome(row, True))
            elif ALREADY in desc.lower():
                repeated += 1  # sent before (a kill, a lost answer): delivered, not an error
                outcomes.append(RowOutcome(row, True))
            else:
                outcomes.append(RowOutcome(row, False, "", desc or f"Splio refused the interaction (code {code})"))
        with self._stats_lock:
            self.stats.interactions_posted += posted
            self.stats.interactions_repeated += repeated
        return outcomes
