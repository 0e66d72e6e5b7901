"""The command line's options become typed options (cli/convert.py), and the saved settings too
(core/options.from_saved): a member count and a members file are different fields, and one given
for the other is a plain ConfigError naming it, before anything connects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loyalty_desktop.cli import convert
from loyalty_desktop.cli.main import build_parser
from loyalty_desktop.cli.main import main as cli_main
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.options import (
    DemoOptions,
    SmileOptions,
    SpreadsheetOptions,
    SyncOptions,
    TargetOptions,
    from_saved,
)


def sync_options(*argv: str) -> SyncOptions:
    return convert.sync_options(build_parser().parse_args(["sync", "--to", "splio-sandbox", *argv]))


def test_demo_members_are_a_count_and_seed_the_destination_sandbox() -> None:
    opts = sync_options("--members", "1_200", "--seed", "7", "--create-missing")
    assert opts.source == DemoOptions(1200, 7)
    assert opts.target == TargetOptions(create_missing=True, seed_from=DemoOptions(1200, 7))
    assert sync_options().source == DemoOptions(500, 42)  # the defaults


def test_seed_zero_is_kept() -> None:
    assert sync_options("--seed", "0").source == DemoOptions(500, 0)


def test_csv_members_are_a_file_with_its_answers(tmp_path: Path) -> None:
    members, ledger = tmp_path / "members.csv", tmp_path / "ledger.csv"
    opts = sync_options("--source", "csv", "--members", str(members), "--ledger", str(ledger),
                        "--email-column", "Courriel", "--map", "points_balance=Solde", "--map", "tier_name=",
                        "--date-order", "dmy", "--decimal", "comma", "--encoding", "cp1252", "--base-url",
                        "http://127.0.0.1:9")
    assert opts.source == SpreadsheetOptions(members, ledger, email_column="Courriel", date_order="dmy",
                                             decimal="comma", maps=(("points_balance", "Solde"), ("tier_name", "")),
                                             encoding="cp1252")
    assert opts.target == TargetOptions(base_url="http://127.0.0.1:9")  # nothing seeds a sandbox from a file


def test_a_file_given_as_a_member_count_is_named() -> None:
    with pytest.raises(ConfigError) as exc:
        sync_options("--members", "export.csv")
    assert exc.value.message == "--members for the demo source is a number of members, not 'export.csv'"


@pytest.mark.parametrize("argv", [[], ["--members", "500"]])
def test_a_count_given_as_the_members_file_is_named(argv: list[str]) -> None:
    with pytest.raises(ConfigError, match="--source csv needs --members FILE"):
        sync_options("--source", "csv", *argv)


def test_a_file_named_like_a_number_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "500").write_text("Email\na@b.fr\n", encoding="utf-8")
    assert sync_options("--source", "csv", "--members", "500").source == SpreadsheetOptions(Path("500"))


def test_smile_options() -> None:
    assert sync_options("--source", "smile", "--source-base-url", "http://127.0.0.1:8767").source == \
        SmileOptions("http://127.0.0.1:8767")
    sandbox = sync_options("--source", "smile-sandbox", "--members", "30", "--seed", "3")
    assert sandbox.source == SmileOptions(None, DemoOptions(30, 3))
    assert sandbox.target.seed_from is None  # the Splio sandbox starts empty, as before
    with pytest.raises(ConfigError,
                       match=re.escape("--members for the Smile sandbox is a number of members, not 'x.csv'")):
        sync_options("--source", "smile-sandbox", "--members", "x.csv")


@pytest.mark.parametrize("argv, message", [
    (["--members", "0"], "between 1 and"),
    (["--source", "csv", "--members", "m.csv", "--map", "points_balance"], "--map takes FIELD=COLUMN"),
])
def test_other_nonsense_is_refused_on_conversion(argv: list[str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        sync_options(*argv)


def test_the_cli_says_it_before_connecting(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert cli_main(["sync", "--to", "klaviyo-sandbox", "--members", "export.csv"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: --members for the demo source is a number of members, not 'export.csv'")
    assert "sandbox started" not in err  # nothing was connected


def test_saved_settings_read_back_by_source_kind() -> None:
    assert from_saved("demo", {"members": "300", "seed": 5}) == \
        SyncOptions(DemoOptions(300, 5), TargetOptions(seed_from=DemoOptions(300, 5)))
    assert from_saved("demo", {}) == SyncOptions(DemoOptions(), TargetOptions(seed_from=DemoOptions()))
    csv = from_saved("csv", {"members": "/x/m.csv", "ledger": "/x/l.csv", "create_fields": True})
    assert csv == SyncOptions(SpreadsheetOptions(Path("/x/m.csv"), Path("/x/l.csv")), TargetOptions(create_fields=True))
    smile = from_saved("smile-sandbox", {"members": "40", "seed": 42}, seed_sandbox=False)
    assert smile == SyncOptions(SmileOptions(None, DemoOptions(40, 42)), TargetOptions())
    assert from_saved("smile", {"source_base_url": "http://h:1"}).source == SmileOptions("http://h:1")
    with pytest.raises(ConfigError, match="--members FILE"):
        from_saved("csv", {"members": "500"})


def test_options_are_frozen() -> None:
    opts = DemoOptions()
    with pytest.raises(AttributeError):
        opts.members = 3  # type: ignore[misc]
