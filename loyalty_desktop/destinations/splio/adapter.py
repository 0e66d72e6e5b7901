"""Splio adapter: every loyalty field on every Splio contact, at the API's own speed limit.

Wire format per Splio's Swagger (``shared/specs/splio/``) and ``shared/reference/splio.md``:

- **Auth**: ``POST /authenticate {"api_key"}`` → a JWT sent as ``Authorization: Bearer``. The
  token is cached, renewed after ``token_max_age`` (50 minutes: the current docs give it an hour)
  and once on any 401, then the request is sent again. A 400 ``authentication.failed`` is a wrong
  key. Neither the key nor the token is ever logged or stored.
- **Verify**: ``GET /ping`` (the API user) and ``GET /universes/unique-key`` (how contacts are
  addressed: ``email``, ``cellphone`` or custom field ``cN``).
- **Fields** (``prepare``, before planning): ``GET /data/fields/contacts``; mapped custom fields are
  reused by id; missing ones are created with ``POST /data/fields`` only when the user agreed
  (``create_fields``); type mismatches stop the run before any contact is written.
- **Contacts**: ``PATCH /data/contacts/{key}`` (key URL-encoded) with only the mapped values —
  never ``lists``, which would replace the contact's list memberships. A 404 is "not in Splio":
  reported, or created through ``POST /data/contacts/bulk`` (≤ 1,000 a call, 207 per item) with
  ``create_missing``. Many PATCHes run at once from a thread pool so that the pace, not the
  100–300 ms a request takes, is the limit.
- **Remote diff**: on a first sync (and with ``remote_diff``) ``prepare`` pages through
  ``GET /data/contacts`` (1,000 a page) and remembers each contact's current values; rows whose
  values Splio already holds are acknowledged without a request, and contacts known to be absent
  are reported (or created) without a PATCH.
- **Rate**: 20 requests/s on ``/data/contacts*``, 10 elsewhere (per IP); a lower limit announced
  in ``rateLimit-limit`` / ``x-rateLimit-limit-minute`` is adopted; a 429 waits ``rateLimit-reset``
  (the shared HTTP layer); the number of requests out at once follows pace × latency.

Field resolution and value encoding live in :mod:`.fields`; ``prepare`` (fields, remote diff) in
:mod:`.prepare`; the error envelope, the token and the pacing helpers in :mod:`.http`.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from loyalty_desktop.core.errors import ClientError, ConfigError, WrongKeyError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.platforms import SPLIO
from loyalty_desktop.destinations.base import (
    AccountInfo,
    DestinationBase,
    RowOutcome,
    SendResult,
    Submitted,
)
from loyalty_desktop.destinations.splio.fields import (
    FieldPlan,
)
from loyalty_desktop.destinations.splio.http import (
    CONTACTS_RPS,
    OTHER_RPS,
    InFlight,
    SplioApiError,
    Token,
    int_header,
    jwt_claims,
    limits,
    map_error,
)
from loyalty_desktop.destinations.splio.kit.groups import SplioGroups
from loyalty_desktop.destinations.splio.moments_send import SplioMoments
from loyalty_desktop.destinations.splio.prepare import NOT_IN_SPLIO_PREFIX, SplioPreparation
from loyalty_desktop.net.client import CancelToken, HttpClient, RetryPolicy
from loyalty_desktop.store.store import OutboxRow, dumps

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

BASE_URL = "https://api.splio.com"
TOKEN_MAX_AGE = 50 * 60.0
MAX_RENEWALS = 3  # token renewals for one request before a 401 counts as a refused key
MAX_BULK = 1000
CHECKPOINT_SECONDS = 5.0  # an engine batch (the checkpoint) is about this much work at full pace
_UNIQUE_KEY = re.compile(r"^(email|cellphone|c\d+)$")
_ITEM_INDEX = re.compile(r"^contacts\[(\d+)\]")
NOT_IN_SPLIO = tr("not in Splio: no contact has this {key}; skipped (tick \"Create missing contacts\" in Settings → "
                  "Sync options, or --create-missing on the command line, to create it)")
assert NOT_IN_SPLIO.startswith(NOT_IN_SPLIO_PREFIX)
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class SendStats:
    """What the adapter did beyond the engine's counts (tests, benchmark, UI details)."""

    patched: int = 0
    unchanged_remote: int = 0  # acknowledged without a request: Splio already held the values
    not_in_splio: int = 0
    created: int = 0
    remote_contacts: int = 0  # contacts read by the remote diff
    moment_patches: int = 0  # contacts whose moment fields were written
    interactions_posted: int = 0
    interactions_repeated: int = 0  # refused as already there: sent before a kill, delivered


class SplioDestination(SplioMoments, SplioGroups, SplioPreparation, DestinationBase):  # mixins override the base
    platform = name = SPLIO.id  # name: bound to the universe by bind()
    label = SPLIO.label
    supports_events = True  # moments: fields + interactions (prepare turns it off when it cannot send them)
    profile_page = 100  # rows per engine batch; set from the pace in __init__
    max_jobs_in_flight = 1

    def __init__(self, api_key: str, base_url: str = BASE_URL, *, cancel: CancelToken | None = None,
                 retry: RetryPolicy | None = None, transport: httpx.BaseTransport | None = None,
                 create_fields: bool = False, create_missing: bool = False, remote_diff: bool = False,
                 contacts_rps: float = CONTACTS_RPS, other_rps: float = OTHER_RPS, workers: int | None = None,
                 token_max_age: float = TOKEN_MAX_AGE) -> None:
        self.base_url = base_url
        self.create_fields, self.create_missing, self.remote_diff = create_fields, create_missing, remote_diff
        # Enough requests in flight to keep the pace when each takes up to ~300 ms, plus slack.
        self.workers = workers or max(8, min(64, int(contacts_rps * 0.35) + 4))
        # A checkpoint every few seconds of writes: a kill re-sends at most that much (PATCH is
        # idempotent), while the pause between batches (the last answers) stays a few % of the time.
        self.profile_page = max(100, min(MAX_BULK, int(contacts_rps * CHECKPOINT_SECONDS)))
        self._limits = limits(contacts_rps, other_rps)
        self._limits_lock = threading.Lock()
        self.http = HttpClient(base_url, headers={"Accept": "application/json", "Content-Type": "application/json"},
                               limits=self._limits, error_mapper=map_error, cancel=cancel, retry=retry,
                               transport=transport, max_connections=self.workers + 4)
        self._key = api_key
        self._token = Token(self._authenticate, token_max_age)
        self._in_flight = InFlight(contacts_rps, self.workers)
        self._pool: ThreadPoolExecutor | None = None
        self._plan: FieldPlan | None = None
        self._snapshot: dict[str, tuple[str, ...]] | None = None
        self._moment_ids: dict[str, int] = {}
        self.unique_key: str | None = None
        self.user_id: int | None = None
        self.universe: str | None = None
        self.stats = SendStats()
        self._stats_lock = threading.Lock()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self.http.close()

    # -- HTTP with the token ------------------------------------------------------------------

    def _authenticate(self) -> str:
        try:
            resp = self.http.request("other", "POST", "/authenticate", content=dumps({"api_key": self._key}).encode(),
                                     on_status=lambda r: self._observe(r, "other"))
        except SplioApiError as exc:
            if exc.status in (400, 401, 403) and (exc.slugs & {"authentication.failed", "is_blank"}
                                                  or exc.status != 400):
                raise WrongKeyError("Splio refused the API key", status=exc.status) from None
            raise
        token = resp.json().get("token") if resp.content else None
        if not isinstance(token, str) or not token:
            raise ClientError(tr("Splio's /authenticate answered without a token"))
        return token

    def _call(self, bucket: str, method: str, url: str, **kw: Any) -> httpx.Response:
        """One request with the bearer token; a 401 renews the token and sends again. A key that no
        longer works fails at /authenticate (WrongKeyError); a token refused right after renewal is
        renewed at most MAX_RENEWALS times per request (tokens may expire during long 429 waits)."""
        gen, token = self._token.current()
        headers = {"Authorization": f"Bearer {token}"}
        state = {"gen": gen, "renewals": 0}

        def on_status(resp: httpx.Response) -> bool:
            self._observe(resp, bucket)
            if resp.status_code == 401 and state["renewals"] < MAX_RENEWALS:
                state["renewals"] += 1
                state["gen"], fresh = self._token.renew_after(state["gen"])
                headers["Authorization"] = f"Bearer {fresh}"  # the same dict is sent again
                return True
            return False

        resp = self.http.request(bucket, method, url, headers=headers, on_status=on_status, **kw)
        self._observe(resp, bucket)
        if bucket == "contacts":
            self._in_flight.observe(resp.elapsed.total_seconds())
        return resp

    def _observe(self, resp: httpx.Response, bucket: str) -> bool:
        """Adopt a lower limit Splio announces (rateLimit-limit per second, x-rateLimit-limit-minute)."""
        per_s = int_header(resp, "rateLimit-limit")
        per_min = int_header(resp, "x-rateLimit-limit-minute")
        cur = self._limits[bucket]
        if (per_s is None or per_s >= cur.burst) and (per_min is None or per_min >= cur.steady):
            return False
        with self._limits_lock:
            cur = self._limits[bucket]
            new = replace(cur, burst=per_s if per_s and per_s < cur.burst else cur.burst,
                          steady=per_min if per_min and per_min < cur.steady else cur.steady)
            if new != cur:
                log.info("Splio announces %d requests/s and %d/min on %s: pacing to that", new.burst, new.steady,
                         bucket)
                self._limits = {**self._limits, bucket: new}
                self.http.limiter.set_limit(bucket, new)
        return False

    def _parallel(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """fn over items from the thread pool, results in order; the first error stops the rest."""
        if len(items) <= 1:
            return [fn(i) for i in items]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="splio")
        gate, cancel = self._in_flight, self.http.cancel

        def run(item: T) -> R:
            gate.enter(cancel)
            try:
                return fn(item)
            finally:
                gate.leave()

        futures: list[Future[R]] = [self._pool.submit(run, i) for i in items]
        results: list[R] = []
        try:
            for f in futures:
                results.append(f.result())
        except BaseException:
            for f in futures:
                f.cancel()
            wait(futures)
            raise
        return results

    # -- verify -------------------------------------------------------------------------------

    def verify(self) -> AccountInfo:
        self._token.current()
        ping = self._call("other", "GET", "/ping").json()
        unique = self._call("other", "GET", "/universes/unique-key").json()
        uk = str(unique.get("unique_key") or "") if isinstance(unique, dict) else ""
        if not _UNIQUE_KEY.match(uk):
            raise ClientError(tr("Splio gave an unexpected unique key {key} (expected email, cellphone or cN)").format(
                key=repr(uk)))
        self.unique_key = uk
        self.user_id = ping.get("user_id") if isinstance(ping, dict) else None
        claims = jwt_claims(self._token.value or "")
        user = u if isinstance(u := claims.get("user"), dict) else {}
        universe = user.get("universe") if isinstance(user.get("universe"), str) else None
        self.universe = universe
        who = f"API user {self.user_id}" + (f" ({claims['name']})" if isinstance(claims.get("name"), str) else "")
        account = universe or f"user-{self.user_id}"
        return AccountInfo(universe or who, account, False, detail=f"{who}; contacts identified by {uk}")

    # -- encoding -----------------------------------------------------------------------------

    def profile_encoder(self, mapping: Mapping) -> Callable[[dict[str, Any]], str]:
        if self._plan is None or self._plan.mapping_fp != mapping.fingerprint():
            raise ConfigError(tr("Splio fields are not resolved for this mapping (prepare() runs first)."))
        return self._plan.encoder()

    def poll(self, job: Submitted) -> list[RowOutcome] | None:
        raise NotImplementedError("Splio has no asynchronous jobs")

    # -- contacts -----------------------------------------------------------------------------

    def send_profiles(self, rows: Sequence[OutboxRow]) -> SendResult:
        plan = self._plan
        if plan is None:
            raise ConfigError(tr("Splio fields are not resolved (prepare() runs first)."))
        outcomes: list[RowOutcome] = []
        to_patch: list[tuple[OutboxRow, str, dict[str, Any]]] = []
        absent: list[tuple[OutboxRow, str, dict[str, Any]]] = []
        snapshot = self._snapshot
        unchanged = 0
        for row in rows:
            payload = json.loads(row.payload)
            key, body = payload["k"], payload["b"]
            if not key:
                outcomes.append(RowOutcome(row, False, plan.key_label(),
                                           f"no {plan.key_label()} to find this member's contact in Splio"))
                continue
            if snapshot is not None:
                remote = snapshot.get(plan.normalize_key(key))
                if remote is None:
                    absent.append((row, key, body))
                    continue
                if all(w is None or w == r for w, r in zip(plan.wanted(body), remote, strict=False)):
                    outcomes.append(RowOutcome(row, True))
                    unchanged += 1
                    continue
            to_patch.append((row, key, body))
        for item, outcome in zip(to_patch, self._parallel(self._patch, to_patch), strict=True):
            if outcome is None:
                absent.append(item)
            else:
                outcomes.append(outcome)
        if absent and self.create_missing:
            outcomes.extend(self._create(absent))
        else:
            outcomes.extend(RowOutcome(r, False, "", NOT_IN_SPLIO.format(key=plan.key_label())) for r, _, _ in absent)
            with self._stats_lock:
                self.stats.not_in_splio += len(absent)
        with self._stats_lock:
            self.stats.unchanged_remote += unchanged
        return SendResult(outcomes=outcomes)

    def _patch(self, item: tuple[OutboxRow, str, dict[str, Any]]) -> RowOutcome | None:
        """PATCH one contact; None when Splio has no such contact."""
        row, key, body = item
        try:
            self._call("contacts", "PATCH", "/data/contacts/" + quote(key, safe=""), content=dumps(body).encode())
        except SplioApiError as exc:
            if exc.status == 404:
                return None
            if exc.status == 400:
                return RowOutcome(row, False, exc.field, exc.detail)
            raise
        with self._stats_lock:
            self.stats.patched += 1
        return RowOutcome(row, True)

    def _create(self, items: list[tuple[OutboxRow, str, dict[str, Any]]]) -> list[RowOutcome]:
        """Create missing contacts in bulk; one already there after all is PATCHed instead."""
        plan = self._plan
        assert plan is not None
        outcomes: list[RowOutcome] = []
        exists: list[tuple[OutboxRow, str, dict[str, Any]]] = []
        for start in range(0, len(items), MAX_BULK):
            pending = items[start:start + MAX_BULK]
            for _ in range(5):
                if not pending:
                    break
                body = {"contacts": [plan.creation_body(row.key, key, b) for row, key, b in pending]}
                try:
                    resp = self._call("contacts", "POST", "/data/contacts/bulk", content=dumps(body).encode())
                except SplioApiError as exc:
                    if exc.status != 400:
                        raise
                    bad: dict[int, dict[str, Any]] = {}
                    for e in exc.errors:
                        m = _ITEM_INDEX.match(str(e.get("error_key") or ""))
                        if m and int(m.group(1)) < len(pending):
                            bad.setdefault(int(m.group(1)), e)
                    if not bad:
                        outcomes.extend(RowOutcome(r, False, exc.field, exc.detail) for r, _, _ in pending)
                        break
                    outcomes.extend(RowOutcome(pending[i][0], False, str(e.get("error_key") or ""),
                                               str(e.get("error_description") or "")) for i, e in bad.items())
                    pending = [p for i, p in enumerate(pending) if i not in bad]
                    continue
                outcomes.extend(self._bulk_outcomes(plan, pending, resp, exists))
                break
            else:
                raise ClientError(tr("Splio kept refusing the contacts of one bulk creation"))
        if exists:
            for item, outcome in zip(exists, self._parallel(self._patch, exists), strict=True):
                outcomes.append(outcome or RowOutcome(item[0], False, "", "Splio neither has nor creates this contact"))
        return outcomes

    def _bulk_outcomes(self, plan: FieldPlan, pending: list[tuple[OutboxRow, str, dict[str, Any]]],
                       resp: httpx.Response, exists: list[tuple[OutboxRow, str, dict[str, Any]]]) -> list[RowOutcome]:
        body = resp.json() if resp.content else {}
        items = [i for i in (body.get("items") or []) if isinstance(i, dict)] if isinstance(body, dict) else []
        if len(items) != len(pending):  # match by key when Splio did not answer item for item
            by_key = {plan.normalize_key(str(i.get("contact_id") or "")): i for i in items}
            aligned = [by_key.get(plan.normalize_key(key)) for _, key, _ in pending]
        else:
            aligned = list(items)
        outcomes: list[RowOutcome] = []
        created = 0
        for (row, key, b), item in zip(pending, aligned, strict=True):
            if item is None:
                continue  # no answer for this row: it stays queued and goes again next time
            code, desc = item.get("code"), str(item.get("description") or "")
            if code in (200, 201):
                outcomes.append(RowOutcome(row, True))
                created += 1
            elif "already exist" in desc.lower():
                exists.append((row, key, b))
            else:
                outcomes.append(RowOutcome(row, False, "", desc or f"Splio rejected its creation (code {code})"))
        with self._stats_lock:
            self.stats.created += created
        return outcomes
