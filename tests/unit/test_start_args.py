"""The GUI entry's argument check (cli/start.py): a plain launch opens the window without loading the
command line; anything else goes to the full parser, which words its own errors."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from loyalty_desktop.cli.start import GuiLaunch, gui_launch


def test_plain_launches_go_to_the_gui() -> None:
    assert gui_launch([]) == GuiLaunch()
    assert gui_launch(["--demo"]) == GuiLaunch(demo=True)
    assert gui_launch(["--data-dir", "/tmp/x", "--demo"]) == GuiLaunch(True, "/tmp/x")
    assert gui_launch(["--data-dir=/tmp/y"]) == GuiLaunch(False, "/tmp/y")
    assert gui_launch(["--hidden"]) == gui_launch(["--tray"]) == GuiLaunch(hidden=True)  # start at login


def test_everything_else_goes_to_the_command_line() -> None:
    for argv in (["sync"], ["--help"], ["--version"], ["--data-dir"], ["--data-dir="], ["--demo", "runs"],
                 ["--dem"], ["-h"], ["--set-aside-damaged-store"]):
        assert gui_launch(argv) is None, argv


@given(st.lists(st.text(max_size=12), max_size=5))
def test_any_arguments_are_decided_without_error(argv: list[str]) -> None:
    launch = gui_launch(argv)
    if launch is not None:  # only the GUI's own options were given
        assert all(a in ("--demo", "--hidden", "--tray") or a.startswith("--data-dir") or a == launch.data_dir
                   for a in argv)
