"""Shared pieces for the end-to-end sync tests (not a test module)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from helpers import klaviyo_spec
from loyalty_desktop import service
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.model import Member, SourceRead
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.destinations.klaviyo.adapter import KlaviyoDestination
from loyalty_desktop.net.client import RetryPolicy
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunSummary
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox

START = datetime(2026, 11, 2, tzinfo=UTC)


def check_conformance(sb: KlaviyoSandbox) -> int:
    """Every request the adapter sent matches the spec's request schema; every sandbox answer
    matches the response schema. Returns how many exchanges were checked."""
    n = 0
    for rec in sb.requests:
        if rec.status == 0:  # connection dropped on purpose: no response to check
            continue
        url = "http://sandbox" + rec.path
        headers = {**rec.headers, "authorization": f"Klaviyo-API-Key {DEMO_KEY}"}
        klaviyo_spec.validate_request(rec.method, url, headers, rec.body)
        if rec.status not in (429, 500) or rec.response_body:
            klaviyo_spec.validate_response(rec.method, url, headers, rec.body, rec.status,
                                           rec.response_headers, rec.response_body)
        n += 1
    return n


@contextmanager
def destination(sb: KlaviyoSandbox, key: str = DEMO_KEY, **kw: Any) -> Iterator[KlaviyoDestination]:
    dest = KlaviyoDestination(key, sb.base_url or "", retry=kw.pop("retry", RetryPolicy(base_delay=0.05,
                                                                                          max_delay=0.5)), **kw)
    try:
        service.connect(dest)
        yield dest
    finally:
        dest.close()


def run_sync(store: Store, program: DemoProgram, sb: KlaviyoSandbox, mapping: Mapping, **kw: Any) -> RunSummary:
    with destination(sb) as dest:
        return service.sync(store, program, "demo", dest, mapping, poll_interval=0.05, **kw)


def sandbox_state(sb: KlaviyoSandbox
                  ) -> tuple[dict[str | None, dict[str, Any]], list[tuple[str | None, str, str | None]]]:
    profiles = {p.email: dict(p.properties) for p in sb.profiles()}
    events = sorted((e.email, e.metric_name, e.unique_id) for e in sb.events())
    return profiles, events


def new_program(path: Path, members: int) -> DemoProgram:
    return DemoProgram.create(path, members=members, seed=7, start=START)


class RejectedEmails:
    """The demo program's members, with the `bad` emails mangled ("a at b.fr") so that Klaviyo
    rejects exactly those rows."""

    http = None  # a local source (sync.engine.Source)

    def __init__(self, program: DemoProgram, bad: list[str]) -> None:
        self.program, self.bad = program, set(bad)

    def read(self, cursor: str | None, history: bool = True) -> SourceRead:
        r = self.program.read(cursor, history)
        members = (Member(**{**{f: getattr(m, f) for f in m.__slots__},
                             "email": m.email.replace("@", " at ")}) if m.email in self.bad else m
                   for m in r.members)
        return SourceRead(r.as_of, r.full, members, r.records, r.tiers, r.cursor)


def demo_settings(members: int = 300, **kw: Any) -> Settings:
    """A finished offline-demo set-up (Klaviyo sandbox, the demo program), as the main window reads it;
    `kw` overrides fields (e.g. schedule=…)."""
    s = Settings(platform="klaviyo", demo=True, target="klaviyo-sandbox", source="demo",
                 source_options={"members": str(members), "seed": 42}, wizard_done=True)
    for k, v in kw.items():
        setattr(s, k, v)
    return s

