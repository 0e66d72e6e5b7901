"""The self-test's demo sync done the GUI's way (ui/selftest.py), without Qt so that `self-test
--no-gui` runs it where no Qt runs (the Windows bundle under Wine): the Klaviyo sandbox in its
child process (SandboxProcess, `__sandbox__`), the sync in the worker process (`__worker__`), both
started with the command the GUI uses (core/own_process.py), the job built as the GUI builds it
(worker/jobs.py) and handed over stdin; then the sandbox is read over HTTP, as any Klaviyo client
would; both children must leave on their own when their stdin is closed (the worker: the same job
again, its stdin closed at once, as when the app quits mid-run).
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from loyalty_desktop import service
from loyalty_desktop.core import clock, own_process, platforms
from loyalty_desktop.core.options import SandboxPlace, from_saved
from loyalty_desktop.destinations.klaviyo.adapter import REVISION
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.sync.summary import RunStatus
from loyalty_desktop.worker import client, protocol
from loyalty_desktop.worker.jobs import sync_job
from loyalty_desktop.worker.protocol import MessageKind, Request, RequestKind
from loyalty_emulators import launch

HTTP_TIMEOUT_S = 30.0


class ProcessCheckFailed(Exception):
    """What went wrong, in one sentence (the self-test prints it as a FAIL line)."""


def read_profiles(base_url: str, key: str) -> dict[str, dict[str, Any]]:
    """Every profile the Klaviyo sandbox at `base_url` holds, by email: its properties (GET
    /api/profiles, page after page)."""
    held: dict[str, dict[str, Any]] = {}
    url: str | None = f"{base_url.rstrip('/')}/api/profiles?page%5Bsize%5D=100"
    while url:
        req = urllib.request.Request(url, headers={"Authorization": f"Klaviyo-API-Key {key}", "revision": REVISION,
                                                   "Accept": "application/vnd.api+json"})
        with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT_S) as resp:  # the sandbox, on 127.0.0.1
            doc = json.loads(resp.read())
        for item in doc.get("data", []):
            attrs = item.get("attributes", {})
            held[str(attrs.get("email", "")).lower()] = dict(attrs.get("properties") or {})
        url = (doc.get("links") or {}).get("next")
    return held


def run(members: int, expected: list[Any], checked: tuple[str, ...], timeout: float) -> str:
    """Sync the demo program of `members` members (seed 42) as the GUI does; `expected` are its
    members, `checked` the member fields whose values must be in the sandbox afterwards."""
    platform = platforms.KLAVIYO
    saved: dict[str, Any] = {"members": str(members), "seed": 42, "create_fields": True}
    options = from_saved("demo", saved, seed_sandbox=False)
    target_options = replace(options.target, sandbox_place=SandboxPlace.CHILD_PROCESS)  # as ui/sandbox_place
    tgt = service.target(platform.sandbox_target)
    mapping = service.mapping_for(tgt.default_preset)
    conn = tgt.connect(None, target_options, CancelToken())
    sandbox = conn.sandbox
    try:
        if not hasattr(sandbox, "proc"):
            raise ProcessCheckFailed(f"the sandbox is not in a child process ({type(sandbox).__name__})")
        t0 = clock.monotonic()
        outcome = client.run_job(Request(RequestKind.SYNC, sync_job(conn, "demo", saved, mapping)), timeout=timeout)
        took = clock.monotonic() - t0
        final = outcome.final
        if final is None:
            raise ProcessCheckFailed(f"the worker process ended without a result (exit status {outcome.exit_code}): "
                                     f"{outcome.stderr_tail[-300:] or 'nothing on stderr'}")
        if final.kind is MessageKind.ERROR:
            why = final.error.text if final.error else "?"
            raise ProcessCheckFailed(f"the worker process reported an error: {why}")
        summary = final.summary
        if summary is None or summary.status is not RunStatus.COMPLETED:
            raise ProcessCheckFailed(f"the sync in the worker process ended {summary.status.value if summary else '?'}:"
                                     f" {summary.error if summary else ''}")
        if outcome.exit_code != 0:
            raise ProcessCheckFailed(f"the worker process did not leave cleanly after its result "
                                     f"(exit status {outcome.exit_code})")
        progress = sum(1 for m in outcome.messages if m.kind is MessageKind.PROGRESS)
        held = read_profiles(conn.dest.base_url, launch.demo_key(platform.id))
        fields = {m.source: m.target for m in mapping.enabled if m.source in checked}
        wrong = _wrong(expected, held, fields)
        if wrong:
            raise ProcessCheckFailed(f"{len(wrong)} of {len(expected)} members wrong in the sandbox after the "
                                     f"sync, first: {wrong[0]}")
        hung_up = _hang_up(Request(RequestKind.SYNC, sync_job(conn, "demo", saved, mapping)), timeout)
        sandbox_pid = sandbox.pid
        sandbox.kill()  # only closes its stdin (a STOP is what the app sends): it must leave on its own
        sandbox_code = sandbox.proc.returncode
    finally:
        conn.close()
    if sandbox_code != 0:
        raise ProcessCheckFailed(f"the sandbox process did not leave cleanly once its stdin was closed "
                                 f"(exit status {sandbox_code})")
    exe = Path(own_process.command(protocol.COMMAND)[0]).name
    return (f"{members}-member demo sync in the worker process in {took:.1f} s ({progress} progress lines), "
            f"sandbox process {sandbox_pid}; all {len(expected)} members there over HTTP with the right "
            f"{' and '.join(fields.values())}; stdin closed: the sandbox left, the worker {hung_up}; "
            f"executable {exe}")


def _hang_up(request: Request, timeout: float) -> str:
    """The same job again, the worker's stdin closed at once (the app quit): it must leave by itself."""
    outcome = client.run_job(request, timeout=timeout, hang_up=True)
    if outcome.exit_code is None:
        raise ProcessCheckFailed(f"the worker process did not leave within {timeout:.0f} s once its stdin was closed")
    final = outcome.final
    if final is not None and final.kind is MessageKind.ERROR and final.error and final.error.type == "CancelledError":
        return "cancelled its run and left"
    if final is not None and final.summary is not None:
        return f"left after a run that ended {final.summary.status.value}"  # it finished before it noticed
    return f"left with exit status {outcome.exit_code}"


def mismatches(expected: list[Any], held: Callable[[str], dict[str, Any] | None],
               fields: dict[str, str]) -> list[str]:
    """One line per member the platform lacks or holds with another value of `fields` (source field →
    the platform's name); `held(email)`: what the platform holds for that email (None: nothing).
    The self-test's in-process syncs check with it too (ui/selftest.py)."""
    wrong: list[str] = []
    for m in expected:
        props = held(m.email)
        if props is None:
            wrong.append(f"{m.email} is missing")
            continue
        for source, target_field in fields.items():
            want, got = getattr(m, source), props.get(target_field)
            if str(got if got is not None else "") != str(want if want is not None else ""):
                wrong.append(f"{m.email} has {target_field}={got!r}, expected {want!r}")
                break  # one line per member
    return wrong


def _wrong(expected: list[Any], held: dict[str, dict[str, Any]], fields: dict[str, str]) -> list[str]:
    wrong = mismatches(expected, lambda email: held.get(email.lower()), fields)
    if len(held) != len(expected):
        wrong.append(f"the sandbox holds {len(held)} profiles, expected {len(expected)}")
    return wrong
