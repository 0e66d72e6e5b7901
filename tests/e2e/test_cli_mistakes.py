"""A user's mistake is never a traceback (issue 13.5): one plain message and a non-zero exit, from
real CLI processes; a genuine bug is a short note and its traceback in the log."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.cli import cli as run_cli
from helpers.cli import cli_env
from loyalty_desktop.cli import main as cli


def plain_failure(r: subprocess.CompletedProcess, code: int | None = None) -> str:
    out = r.stdout + r.stderr
    assert r.returncode != 0, out
    if code is not None:
        assert r.returncode == code, out
    assert "Traceback" not in out and 'File "' not in out, out
    return r.stderr


def test_busy_port_for_sandbox(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        err = plain_failure(run_cli(tmp_path / "d", "sandbox", "--platform", "klaviyo", "--port", str(port), key=None),
                            1)
    assert f"error: Port {port} on 127.0.0.1 is already in use" in err and "--port 0" in err


@pytest.mark.parametrize("members", ["-5", "10000000000", "0"])
def test_absurd_member_counts(tmp_path: Path, members: str) -> None:
    err = plain_failure(run_cli(tmp_path / "d", "sync", "--members", members, "--to", "klaviyo-sandbox", key=None), 1)
    assert "The demo program has between 1 and 1,000,000 members" in err
    assert "Connected" not in err  # refused before anything started
    err = plain_failure(run_cli(tmp_path / "d", "demo", "show", "--members", members, key=None), 2)
    assert "--members" in err and "out of range" in err
    assert not list((tmp_path / "d").glob("demo-program-*"))


def test_unknown_run_id(tmp_path: Path) -> None:
    err = plain_failure(run_cli(tmp_path / "d", "runs", "--rejected", "99", key=None), 1)
    assert err.strip() == (f"error: There is no run 99 in the sync history of {tmp_path / 'd'}; "
                           f"`loyalty-desktop runs` lists the runs.")
    r = run_cli(tmp_path / "d", "runs", key=None)
    assert r.returncode == 0 and r.stdout.startswith("No sync yet")


def test_demo_tick_says_what_happened(tmp_path: Path) -> None:
    r = run_cli(tmp_path / "d", "demo", "tick", "30", "--members", "300", key=None)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Advanced the demo program demo:300:42 by 30 day(s), from 2026-11-02 to 2026-12-02")
    text = r.stdout
    for words in ("order(s)", "mission(s)", "redemption(s)", "reward(s) issued", "tier upgrade(s)", "referral(s)",
                  "expiration(s) of unused points", "new member(s)", "member(s) changed in all"):
        assert words in text
    assert "TickSummary(" not in text and "=" not in text
    assert lines[-1] == "The next sync sends these changes."


@pytest.mark.parametrize("args", [
    ["sandbox", "--port", "70000"],
    ["sandbox", "--rate-429", "2"],
    ["sandbox", "--latency", "nan"],
    ["demo", "tick", "-1"],
    ["demo", "tick", "99999"],
    ["runs", "--limit", "0"],
    ["runs", "--rejected", "abc"],
    ["sync", "--to", "klaviyo-sandbox", "--source", "nope"],
    ["sync", "--to", "klaviyo-sandbox", "--wait", "-3"],
    ["self-test", "--members", "0"],
])
def test_wrong_options_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    err = plain_failure(run_cli(tmp_path / "d", *args, key=None), 2)
    assert "error: argument" in err


def test_other_mistakes_are_one_message(tmp_path: Path) -> None:
    data = tmp_path / "d"
    cases = [
        (["inspect", str(tmp_path / "missing.csv")], "does not exist"),
        (["sync", "--source", "csv", "--members", str(tmp_path / "missing.csv"), "--to", "klaviyo-sandbox"],
         "does not exist"),
        (["screenshots", str(Path(__file__))], "is a file"),
        (["kit", "--to", "klaviyo-sandbox", "--members", "-5"], "between 1 and 1,000,000"),
    ]
    for args, words in cases:
        r = run_cli(data, *args, key=None)
        plain_failure(r)
        assert words in r.stdout + r.stderr, (args, r.stdout + r.stderr)
    r = subprocess.run([sys.executable, "-m", "loyalty_desktop", "key", "set", "klaviyo"], input="\n",
                       env=cli_env(data, None), capture_output=True, text=True, timeout=60)
    assert "No key was given" in plain_failure(r, 1)


# -- the guard itself, in-process ---------------------------------------------------------------------------


@pytest.mark.expect_log_warnings
def test_a_bug_is_a_short_note_and_a_traceback_in_the_log(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str],
                                                          no_new_log_handlers: None) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "cmd_runs", broken)
    assert cli.main(["runs"]) == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "an unexpected problem stopped the command (RuntimeError: a bug)" in err
    log = data_dir / "logs" / "loyalty-desktop.log"
    assert str(log) in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: a bug" in text


def test_ctrl_c_is_not_a_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                   no_new_log_handlers: None) -> None:
    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "cmd_runs", interrupted)
    assert cli.main(["runs"]) == 130
    assert capsys.readouterr().err.strip() == "Interrupted."


def test_screenshots_outside_a_source_checkout_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str],
                                                      no_new_log_handlers: None) -> None:
    # An installed app has no devtools/ package (it is not shipped): one plain sentence, exit 1.
    monkeypatch.setitem(sys.modules, "devtools", None)
    assert cli.main(["screenshots", str(tmp_path / "shots")]) == 1
    err = capsys.readouterr().err
    assert "Screenshots are a development tool: run it from a source checkout." in err
    assert "Traceback" not in err and not (tmp_path / "shots").exists()
