"""Splio moments survive a real kill -9 (issue 17.1): the CLI is killed while Splio holds the
answer to the interactions it just stored; the resumed sync sends them again, Splio refuses the
repeats (ext_id + ext_provider), they count as delivered, and no interaction is duplicated."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_splio_cli import cli, cli_env, seeded, sync_args

from helpers import splio_spec
from helpers.cli import run_and_kill
from loyalty_desktop.store.store import Store
from loyalty_emulators.splio.server import SplioSandbox


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SplioSandbox]:
    sb = seeded(tmp_path / "data")
    try:
        yield sb
        assert not sb.internal_errors, sb.internal_errors
        counts = splio_spec.check_exchanges(sb)
        assert counts["schema"] > 0 and counts["no-schema"] == 0, counts
    finally:
        sb.stop()


def test_kill_9_while_interactions_are_answered_then_resume_duplicates_nothing(tmp_path: Path,
                                                                               sandbox: SplioSandbox) -> None:
    data = tmp_path / "data"
    args = [*sync_args(sandbox, "--create-fields"), "--yes"]
    r = cli(data, *args)
    assert r.returncode == 0, r.stderr
    assert not sandbox.interactions()  # the first sync is the baseline: no moment
    r = cli(data, "demo", "tick", "30", "--members", "200")
    assert r.returncode == 0, r.stderr

    sandbox.hold_answers["post_events_bulk"] = 30.0  # Splio stored them; the answer is on its way
    run_and_kill(cli_env(data), args, lambda _lines: bool(sandbox.interactions()))
    stored = [i["ext_id"] for i in sandbox.interactions()]
    assert stored
    sandbox.hold_answers.clear()

    sandbox.clear_requests()
    r = cli(data, *args)
    assert r.returncode == 0, r.stderr
    ext_ids = [i["ext_id"] for i in sandbox.interactions()]
    assert len(ext_ids) == len(set(ext_ids))  # no duplicate
    assert set(stored) <= set(ext_ids)
    refused = 0
    for rec in sandbox.requests:
        if rec.operation == "post_events_bulk" and rec.status == 200:
            refused += sum(1 for item in json.loads(rec.response_body)["items"]
                           if "already exists" in item["description"])
    assert refused == len(stored)  # every repeat refused by Splio, and taken as delivered
    with Store(data / "store.sqlite3") as store:
        left = store.db.execute("SELECT count(*) FROM outbox WHERE kind='event' AND status IN ('pending',"
                                " 'in_flight')").fetchone()[0]
        assert left == 0
        assert [run.status for run in store.runs()][:2] == ["completed_with_rejects", "interrupted"]
