"""The `loyalty-desktop` command's entry point: opening the app loads only what the first window needs.

A plain launch (`loyalty-desktop`, `--demo`, `--data-dir DIR`, `--hidden`/`--tray` as at login) goes
straight to the GUI; anything
else (a subcommand, `--help`, a typo) goes to the full command line in cli/main.py, whose parser
names every source and platform and so imports the whole service layer. Skipping that on the way to
the window is a good part of the start-up budget (issue 18: window on screen within 0.5 s).

`WORKER_COMMAND` makes the executable (frozen or not) the GUI's worker process (worker/child.py),
and `SANDBOX_COMMAND` a demo sandbox, without the parser either; core/own_process.py builds the
command that starts them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from loyalty_desktop.core import own_process

WORKER_COMMAND = "__worker__"  # the hidden first argument the GUI starts its worker process with


@dataclass(frozen=True)
class GuiLaunch:
    demo: bool = False
    data_dir: str | None = None
    hidden: bool = False  # start in the tray, no window (how the app starts at login)


def gui_launch(argv: Sequence[str]) -> GuiLaunch | None:
    """The GUI options when `argv` asks for nothing else; None hands `argv` to the full CLI."""
    demo, data_dir, hidden = False, None, False
    items = iter(argv)
    for arg in items:
        if arg == "--demo":
            demo = True
        elif arg in ("--hidden", "--tray"):
            hidden = True
        elif arg == "--data-dir":
            data_dir = next(items, None)
            if not data_dir:
                return None  # let argparse word the error
        elif arg.startswith("--data-dir=") and len(arg) > len("--data-dir="):
            data_dir = arg.partition("=")[2]
        else:
            return None
    return GuiLaunch(demo, data_dir, hidden)


SANDBOX_COMMAND = "__sandbox__"  # loyalty_emulators.launch.CHILD_COMMAND (not imported: the start path stays light)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in ([WORKER_COMMAND], [SANDBOX_COMMAND]) and not own_process.has_std_streams():
        return 2  # a helper started by hand from the windowed Windows executable: no pipes to talk through
    if args[:1] == [WORKER_COMMAND]:
        from loyalty_desktop.worker import child

        child.run()
    launch = gui_launch(args)
    if launch is None:
        if args[:1] == [SANDBOX_COMMAND]:  # the GUI's offline sandbox, a child process of the app
            from loyalty_desktop.destinations.sandboxes import child_main

            return child_main()
        from loyalty_desktop.cli.main import main as cli_main

        own_process.give_missing_std_streams()
        return cli_main(args)
    from loyalty_desktop.cli import guard
    from loyalty_desktop.core import paths

    # No emulator runs in the GUI's process: the demo's sandboxes are a child process told the app's
    # "now" when they start (destinations/sandbox_process.py), so the emulators are not loaded here.

    def gui() -> int:
        if launch.data_dir:
            paths.set_data_dir(launch.data_dir)
        from loyalty_desktop.ui.app import run

        return run(sys.argv[:1], demo=launch.demo, hidden=launch.hidden)

    return guard.run(gui)


if __name__ == "__main__":
    sys.exit(main())
