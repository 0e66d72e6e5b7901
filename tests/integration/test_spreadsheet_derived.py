"""Spreadsheet imports and the derived fields: from the export's own columns, from the merchant's
tiers/rewards tables (files next to a CSV, sheets of a workbook), or not sent at all (and said);
bad tables refused with the file, line and column; the table parser's properties (hypothesis)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.spreadsheet_make import write_csv, write_xlsx
from helpers.spreadsheet_rows import MEMBER_HEADERS
from helpers.sync_helpers import destination
from loyalty_desktop import service
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
from loyalty_desktop.core.program import DERIVED_FIELDS
from loyalty_desktop.sources.spreadsheet.program_table import (
    REWARDS,
    TIERS,
    ProgramTableError,
    build_program,
    parse_points,
    parse_table,
)
from loyalty_desktop.sources.spreadsheet.questions import Choices
from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

MEMBERS = [
    MEMBER_HEADERS,
    ["alice@martin.fr", "Alice", "Martin", "1 020", "3 000", "Or", "", "", ""],
    ["bob@example.fr", "Bob", "Dupont", "350", "350", "Bronze", "", "", ""],
    ["chloe@example.fr", "Chloé", "Faure", "50", "500", "Argent", "", "", ""],  # exactly at Argent
]
TIER_ROWS = [["Palier", "Seuil"], ["Bronze", "0"], ["Argent", "500"], ["Or", "2 000"]]
REWARD_ROWS = [["Récompense", "Prix en points"], ["Bon de 10 €", "600"], ["Bon de 5 €", "300"]]
K = {f.source: f.target for f in KLAVIYO_LOYALTY.enabled}


def sync(store: Store, sb: KlaviyoSandbox, members: Path) -> SpreadsheetSource:
    src = SpreadsheetSource.open(members, choices=Choices(date_order="dmy"))
    with destination(sb) as dest:
        summary = service.sync(store, src, src.store_name, dest, KLAVIYO_LOYALTY, poll_interval=0.02)
    assert summary.status is RunStatus.COMPLETED, summary.error
    return src


def derived_props(sb: KlaviyoSandbox) -> dict[str, dict[str, Any]]:
    names = {K[k]: k for k in DERIVED_FIELDS}
    return {p.email or "": {names[k]: v for k, v in p.properties.items() if k in names} for p in sb.profiles()}


def test_tables_next_to_a_csv_export(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    members = write_csv(tmp_path / "membres.csv", MEMBERS, delimiter=";")
    write_csv(tmp_path / "membres.paliers.csv", TIER_ROWS, delimiter=";")
    write_csv(tmp_path / "membres.recompenses.csv", REWARD_ROWS, delimiter=";")
    src = sync(store, sandbox, members)
    assert derived_props(sandbox) == {
        # Or is the top tier: no next tier, not 0; 1,020 points buy the 300-point voucher
        "alice@martin.fr": {"points_to_next_reward": 0, "reward_ready": 1},
        "bob@example.fr": {"next_tier_name": "Argent", "points_to_next_tier": 150, "points_to_next_reward": 0,
                           "reward_ready": 1},
        "chloe@example.fr": {"next_tier_name": "Or", "points_to_next_tier": 1500, "points_to_next_reward": 250,
                             "reward_ready": 0},
    }
    assert {"next_tier_name", "points_to_next_tier", "reward_ready"} <= src.provided_fields()
    assert src.derived_notes() == [("Unused rewards, Last reward code, Referrals pending: not sent (only an "
                                    "export column gives them).")]


def test_tables_as_sheets_of_the_workbook(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    members = write_xlsx(tmp_path / "export.xlsx", {"Membres": MEMBERS, "Paliers": TIER_ROWS,
                                                     "Récompenses": REWARD_ROWS})
    sync(store, sandbox, members)
    assert derived_props(sandbox)["bob@example.fr"]["next_tier_name"] == "Argent"


def test_without_tables_or_columns_nothing_derived_is_sent(store: Store, sandbox: KlaviyoSandbox,
                                                           tmp_path: Path) -> None:
    members = write_csv(tmp_path / "membres.csv", MEMBERS, delimiter=";")
    src = sync(store, sandbox, members)
    assert all(v == {} for v in derived_props(sandbox).values())
    assert not src.provided_fields() & DERIVED_FIELDS  # the mapping page lists them as "not provided"
    notes = src.derived_notes()
    assert "membres.tiers.csv" in notes[0] and "membres.rewards.csv" in notes[1]
    assert src.read(None).notes == notes  # and the run says it


def test_the_exports_own_columns_are_used_and_bad_cells_rejected(store: Store, sandbox: KlaviyoSandbox,
                                                                 tmp_path: Path) -> None:
    members = write_csv(tmp_path / "membres.csv", [
        ["Email", "Solde de points", "Prochain palier", "Points avant prochain palier", "Récompenses non utilisées",
         "Dernier code"],
        ["alice@martin.fr", "100", "Or", "900", "2", "LUMI-AAAA"],
        ["bob@example.fr", "100", "Argent", "-5", "0", ""],
        ["chloe@example.fr", "100", "Argent", "beaucoup", "1", "LUMI-CCCC"],
    ], delimiter=";")
    src = sync(store, sandbox, members)
    got = derived_props(sandbox)
    assert got == {"alice@martin.fr": {"next_tier_name": "Or", "points_to_next_tier": 900, "unused_rewards": 2,
                                       "last_reward_code": "LUMI-AAAA"}}
    bad = {(r.line, r.column) for r in src.rejects}
    assert bad == {(3, "Points avant prochain palier"), (4, "Points avant prochain palier")}, [
        r.describe() for r in src.rejects]


@pytest.mark.parametrize(("rows", "words"), [
    ([["Palier", "Seuil"], ["Bronze", "0"], ["Argent", "-5"]], "line 3, 'Seuil': '-5' is not a whole number"),
    ([["Palier", "Seuil"], ["Bronze", "0"], ["Argent", "1,5"]], "line 3, 'Seuil': '1,5'"),
    ([["Palier", "Seuil"], ["", "10"]], "line 2, 'Palier': the name is empty"),
    ([["Palier", "Seuil"], ["Bronze", ""]], "'' is not|'empty' is not"),
    ([["Nom", "Couleur"], ["Bronze", "bleu"]], "needs a name column and a threshold column"),
    ([], "empty"),
    ([["Palier", "Seuil"]], "no rows"),
])
def test_bad_tier_tables_name_the_line_and_column(rows: list[list[str]], words: str) -> None:
    with pytest.raises(ProgramTableError, match=words):
        parse_table(enumerate(rows, 1), TIERS, "paliers.csv")


@pytest.mark.parametrize(("rows", "words"), [
    ([["Palier", "Seuil"], ["Or", "2000"], ["Argent", "500"]], "lowest threshold to the highest"),
    ([["Palier", "Seuil"], ["Argent", "500"], ["argent", "900"]], "appears twice"),
    ([["Palier", "Seuil"], ["Argent", "500"], ["Or", "500"]], "same threshold"),
])
def test_unordered_or_duplicated_tier_tables_are_refused(rows: list[list[str]], words: str) -> None:
    with pytest.raises(ProgramTableError, match=f"paliers.csv: .*{words}"):
        build_program(parse_table(enumerate(rows, 1), TIERS, "paliers.csv"), [], "paliers.csv")


def test_a_free_reward_is_refused() -> None:
    with pytest.raises(ProgramTableError, match="above 0"):
        parse_table(enumerate([["Reward", "Points"], ["Free gift", "0"]], 1), REWARDS, "rewards.csv")


def test_a_bad_table_stops_the_import_before_anything_is_read(tmp_path: Path) -> None:
    members = write_csv(tmp_path / "membres.csv", MEMBERS, delimiter=";")
    write_csv(tmp_path / "membres.tiers.csv", [["Tier", "Threshold"], ["Gold", "1200"], ["Silver", "500"]])
    with pytest.raises(ProgramTableError, match=r"membres\.tiers\.csv: .*'Silver'.*comes after 'Gold'"):
        SpreadsheetSource.open(members, choices=Choices(date_order="dmy"))


# --- properties of the table parser -------------------------------------------------------------

names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=12).filter(
    lambda s: s.strip() != "")
garbled = st.one_of(st.integers(max_value=-1).map(str), st.floats(allow_nan=True).map(lambda f: f"{f}5"),
                    st.sampled_from(["1,200", "1.200", "12e3", "dix", "", " - 3", "0x10", "1_000", "½"]))


@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=8, unique=True).map(sorted), st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_a_valid_table_reads_back_exactly(thresholds: list[int], data: st.DataObject) -> None:
    labels = data.draw(st.lists(names, min_size=len(thresholds), max_size=len(thresholds),
                                unique_by=lambda s: s.strip().casefold()))
    spaced = data.draw(st.booleans())
    cells = [f"{t:,}".replace(",", "\u00a0") if spaced else t for t in thresholds]
    rows: list[list[Any]] = [["Name", "Threshold"], *([n, c] for n, c in zip(labels, cells, strict=True))]
    parsed = parse_table(enumerate(rows, 1), TIERS, "t.csv")
    assert [(name, pts) for _line, name, pts in parsed] == [(n.strip(), t) for n, t in zip(labels, thresholds,
                                                                                          strict=True)]
    program = build_program(parsed, [], "t.csv")
    assert [t.threshold for t in program.tiers] == thresholds


@given(st.lists(st.integers(0, 5000), min_size=2, max_size=6, unique=True).map(sorted), st.data())
def test_one_garbled_cell_is_named_by_its_line(thresholds: list[int], data: st.DataObject) -> None:
    bad_at = data.draw(st.integers(0, len(thresholds) - 1))
    bad = data.draw(garbled)
    rows: list[list[Any]] = [["Tier", "Points"], *([f"T{i}", str(t)] for i, t in enumerate(thresholds))]
    rows[bad_at + 1][1] = bad
    with pytest.raises(ProgramTableError, match=f"line {bad_at + 2}, 'Points'"):
        parse_table(enumerate(rows, 1), TIERS, "t.csv")


@given(st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8), st.none(),
                 st.booleans()))
def test_parse_points_accepts_only_whole_non_negative_numbers(cell: Any) -> None:
    n = parse_points(cell)
    assert n is None or n >= 0
    if isinstance(cell, int) and not isinstance(cell, bool):
        assert n == (cell if cell >= 0 else None)
