"""A field the file does not hold is never sent (issue 12): a second export without the points
columns, or with "n/a", "NaN", "-", blank cells or uncomputed formulas in them, leaves the points
the platform holds untouched — never 0 — and derives no event from them. Checked on what the
Klaviyo and Splio sandboxes hold afterwards, over real HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from helpers import splio_spec
from helpers.spreadsheet_make import write_csv, write_xlsx
from helpers.sync_helpers import destination
from loyalty_desktop import service
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, SPLIO_LOYOLY, Mapping
from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus, RunSummary
from loyalty_emulators.klaviyo.server import KlaviyoSandbox
from loyalty_emulators.splio.server import SplioSandbox

NOW = datetime(2026, 11, 2, 9, tzinfo=UTC)
HEADERS = ["Email", "First name", "Points", "Lifetime points", "Tier", "Birthday", "Missions"]


def export_1(folder: Path) -> Path:
    return write_csv(folder / "members.csv", [
        HEADERS,
        ["alice@example.fr", "Alice", "1020", "3000", "Gold", "15/03/1985", "4"],
        ["bob@example.fr", "Bob", "350", "350", "Silver", "20/07/1990", "1"],
        ["chloe@example.fr", "Chloé", "50", "50", "Bronze", "", "0"],
    ])


def export_without_points(folder: Path) -> Path:
    """The next export, made without the points columns (nor the tier, birthday, missions)."""
    return write_csv(folder / "members-2.csv", [
        ["Email", "First name"],
        ["alice@example.fr", "Alicia"],
        ["bob@example.fr", "Bob"],
        ["chloe@example.fr", "Chloé"],
    ])


def export_with_blanks(folder: Path) -> Path:
    """Points columns present, but holding no number for Alice, Bob and Chloé; Dan's is real."""
    return write_csv(folder / "members-3.csv", [
        HEADERS,
        ["alice@example.fr", "Alicia", "n/a", "NaN", "Gold", "n/a", "-"],
        ["bob@example.fr", "Bob", "NaN", "", "Silver", "", "N/A"],
        ["chloe@example.fr", "Chloé", "-", "—", "Bronze", "-", ""],
        ["dan@example.fr", "Dan", "75", "75", "Bronze", "", "2"],
    ])


def sync(store: Store, sb: KlaviyoSandbox, path: Path, mapping: Mapping = KLAVIYO_LOYALTY,
         now: datetime = NOW) -> RunSummary:
    src = SpreadsheetSource.open(path, now=now)
    try:
        with destination(sb) as dest:
            summary = service.sync(store, src, src.store_name, dest, mapping, poll_interval=0.02)
    finally:
        src.close()
    assert summary.status is RunStatus.COMPLETED, summary.error
    return summary


def props(sb: KlaviyoSandbox) -> dict[str, dict[str, object]]:
    return {p.email or "": dict(p.properties) for p in sb.profiles()}


FIRST = {
    "alice@example.fr": {"Loyalty Points Balance": 1020, "Loyalty Points Earned Lifetime": 3000,
                         "Loyalty Tier Name": "Gold", "Loyalty Tier ID": 3, "Loyalty Missions Completed": 4,
                         "Loyalty Birthday": "1985-03-15T00:00:00+00:00"},
    "bob@example.fr": {"Loyalty Points Balance": 350, "Loyalty Points Earned Lifetime": 350,
                       "Loyalty Tier Name": "Silver", "Loyalty Tier ID": 2, "Loyalty Missions Completed": 1,
                       "Loyalty Birthday": "1990-07-20T00:00:00+00:00"},
    "chloe@example.fr": {"Loyalty Points Balance": 50, "Loyalty Points Earned Lifetime": 50,
                         "Loyalty Tier Name": "Bronze", "Loyalty Tier ID": 1, "Loyalty Missions Completed": 0},
}


def test_an_export_without_the_points_columns_leaves_klaviyo_points_untouched(
        store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    s1 = sync(store, sandbox, export_1(tmp_path), now=NOW - timedelta(days=2))
    assert s1.profiles_sent == 3
    assert props(sandbox) == FIRST

    # The export without the points columns: only the first name changed; every property the file
    # does not hold is still what the first export set (the reported bug set the points to 0).
    # Each profile goes again (its payload changed: it no longer holds those fields).
    s2 = sync(store, sandbox, export_without_points(tmp_path))
    assert s2.profiles_sent == 3 and s2.events_sent == 0
    assert props(sandbox) == FIRST
    alice = next(p for p in sandbox.profiles() if p.email == "alice@example.fr")
    assert alice.first_name == "Alicia"
    assert sandbox.events() == []  # no points, tier or expiry event from a value the file lacks

    # The columns again, with "n/a", "NaN", "-", "—" and blank cells: still untouched; Dan (new)
    # gets his real values, and nobody's tier "changes" after the export that lacked it.
    s3 = sync(store, sandbox, export_with_blanks(tmp_path))
    # No event: each export has another set of columns, so it is a new source (baseline.py: profiles
    # only), and Dan, new without a sign-up date, arrives in his tier rather than reaching it.
    assert sandbox.events() == []
    assert s3.events_sent == 0
    held = props(sandbox)
    assert {e: held[e] for e in FIRST} == FIRST
    assert held["dan@example.fr"] == {"Loyalty Points Balance": 75, "Loyalty Points Earned Lifetime": 75,
                                      "Loyalty Tier Name": "Bronze", "Loyalty Tier ID": 1,
                                      "Loyalty Missions Completed": 2}
    # Same files again: nothing to send.
    sandbox.clear_requests()
    s4 = sync(store, sandbox, export_with_blanks(tmp_path))
    assert (s4.profiles_sent, s4.events_sent, sandbox.count_requests(write_only=True)) == (0, 0, 0)


def test_a_workbook_formula_without_a_computed_value_is_not_zero(store: Store, sandbox: KlaviyoSandbox,
                                                                 tmp_path: Path) -> None:
    sync(store, sandbox, export_1(tmp_path), now=NOW - timedelta(days=2))
    # openpyxl saves "=…" cells as formulas without the value Excel would have computed.
    book = write_xlsx(tmp_path / "members.xlsx", {"Members": [
        ["Email", "Points", "Lifetime points"],
        ["alice@example.fr", "=B3*2", 3100],
        ["bob@example.fr", 400, "=C2+1"],
    ]})
    sync(store, sandbox, book)
    held = props(sandbox)
    assert held["alice@example.fr"]["Loyalty Points Balance"] == 1020  # untouched
    assert held["alice@example.fr"]["Loyalty Points Earned Lifetime"] == 3100
    assert held["bob@example.fr"]["Loyalty Points Balance"] == 400
    assert held["bob@example.fr"]["Loyalty Points Earned Lifetime"] == 350  # untouched


# -- Splio ------------------------------------------------------------------------------------------

SPLIO_HEADERS = ["Email", "Points", "Tier", "Missions"]


def splio_sync(store: Store, sb: SplioSandbox, path: Path) -> RunSummary:
    src = SpreadsheetSource.open(path, now=NOW)
    try:
        with splio_spec.destination(sb, create_fields=True) as dest:
            summary = service.sync(store, src, src.store_name, dest, SPLIO_LOYOLY)
    finally:
        src.close()
    assert summary.status is RunStatus.COMPLETED, summary.error
    return summary


def test_splio_keeps_custom_fields_the_next_export_lacks(store: Store, tmp_path: Path) -> None:
    with SplioSandbox(contacts_rps=400, other_rps=200) as sb:
        for email in ("alice@example.fr", "bob@example.fr"):
            sb.add_contact(email, custom={})
        splio_sync(store, sb, write_csv(tmp_path / "m1.csv", [
            SPLIO_HEADERS, ["alice@example.fr", "1020", "Gold", "4"], ["bob@example.fr", "350", "Silver", "1"]]))
        first = {c["email"]: dict(c["custom"]) for c in sb.contacts()}
        assert first["alice@example.fr"] == {"customer_point_balance": "1020", "customer_vip_tier_name": "Gold",
                                             "customer_missions_count": "4"}

        # Without the points and missions columns: the tier moves, the rest stays.
        splio_sync(store, sb, write_csv(tmp_path / "m2.csv", [
            ["Email", "Tier"], ["alice@example.fr", "Platinum"], ["bob@example.fr", "Silver"]]))
        held = {c["email"]: dict(c["custom"]) for c in sb.contacts()}
        assert held["alice@example.fr"] == {**first["alice@example.fr"], "customer_vip_tier_name": "Platinum"}
        assert held["bob@example.fr"] == first["bob@example.fr"]

        # "n/a" and blank points: untouched, never "0" nor emptied.
        splio_sync(store, sb, write_csv(tmp_path / "m3.csv", [
            SPLIO_HEADERS, ["alice@example.fr", "n/a", "Platinum", ""], ["bob@example.fr", "", "Silver", "NaN"]]))
        assert {c["email"]: dict(c["custom"]) for c in sb.contacts()} == held
        assert not sb.internal_errors, sb.internal_errors


# -- rejected rows belong to their import -------------------------------------------------------

def test_each_import_has_its_own_rejected_rows_list(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    """Same-named files from two folders, and two imports of one file, never share a list; a
    clean import writes none (and the sync history keeps each run's rows)."""
    import io

    from loyalty_desktop.core import paths

    rows = [["Email", "Points"], ["ok@example.fr", "10"], ["bad@", "5"]]
    (tmp_path / "shop-a").mkdir()
    (tmp_path / "shop-b").mkdir()
    a = write_csv(tmp_path / "shop-a" / "members.csv", rows)
    b = write_csv(tmp_path / "shop-b" / "members.csv", [*rows[:2], ["worse@@example.fr", "7"]])

    def import_once(path: Path) -> Path | None:
        src = SpreadsheetSource.open(path, now=NOW)
        try:
            with destination(sandbox) as dest:
                service.sync(store, src, src.store_name, dest, KLAVIYO_LOYALTY, poll_interval=0.02)
            return src.report(io.StringIO())
        finally:
            src.close()

    list_a, list_b = import_once(a), import_once(b)
    assert list_a is not None and list_b is not None and list_a != list_b
    assert "bad@" in list_a.read_text(encoding="utf-8-sig") and "worse@@" not in list_a.read_text(encoding="utf-8-sig")
    assert "worse@@" in list_b.read_text(encoding="utf-8-sig")
    again = import_once(a)  # the same file again, at the same second: a list of its own
    assert again is not None and again not in (list_a, list_b) and list_a.exists()

    clean = write_csv(tmp_path / "shop-a" / "members.csv", rows[:2])
    before = set((paths.data_dir() / "imports").iterdir())
    assert import_once(clean) is None
    assert set((paths.data_dir() / "imports").iterdir()) == before
