"""Opening the app loads only what its first window needs (issue 18: window on screen within 0.5 s).

The GUI entry (cli/start.py) skips the command line's parser, and the modules behind the main window
and the wizard load httpx, keyring, filelock and the emulators when first used, not at import. A fresh
interpreter imports the whole start path and lists what came with it; a new top-level `import httpx`
(or keyring, filelock, an emulator server, openpyxl) on that path fails here rather than silently
adding tens of milliseconds to every launch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

# Each costs 30-120 ms to import; none is needed before the first window is on screen.
LATER = ("httpx", "httpcore", "keyring", "filelock", "openpyxl", "email", "importlib_metadata",
         "loyalty_emulators.base.server", "loyalty_emulators.klaviyo", "loyalty_emulators.splio",
         "loyalty_emulators.smile", "loyalty_desktop.cli.main")

START_PATH = """
import json, sys
import loyalty_desktop.cli.start
import loyalty_desktop.ui.app
import loyalty_desktop.ui.main.window
import loyalty_desktop.ui.wizard.wizard
print(json.dumps(sorted(sys.modules)))
"""


def test_the_start_path_leaves_heavy_modules_for_later() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", START_PATH], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    early = sorted(m for m in loaded if any(m == name or m.startswith(name + ".") for name in LATER))
    assert not early, f"imported on the way to the first window: {early}"



# The main window builds these with their tab, when first shown (ui/main/lazy_tabs): the Segments,
# Klaviyo kit and Settings tabs, and what only they use (the kit modules, reading the start-at-login
# entry); the segment counts are made in the background once the window is on screen.
LATER_WITH_THEIR_TAB = ("loyalty_desktop.ui.kit_panel", "loyalty_desktop.ui.splio_kit_panel",
                        "loyalty_desktop.ui.main.segments_tab", "loyalty_desktop.ui.main.settings_tab",
                        "loyalty_desktop.ui.main.options_box", "loyalty_desktop.ui.main.schedule_box",
                        "loyalty_desktop.ui.widgets.bar_chart", "loyalty_desktop.schedule.autostart",
                        "loyalty_desktop.service_kit", "loyalty_desktop.destinations.klaviyo.kit",
                        "loyalty_desktop.sync.segments")
# What the first sync, the first store read or a dialog loads (the window's modules name their types
# under TYPE_CHECKING and import these where they use them; ssl and hashlib load OpenSSL): 80 ms of
# the frozen start-up.
LATER_THAN_THE_WINDOW = ("loyalty_desktop.store.store", "loyalty_desktop.sync.engine",
                         "loyalty_desktop.sync.planner", "loyalty_desktop.sync.lock", "loyalty_desktop.service_preview",
                         "loyalty_desktop.ui.run_dialog", "loyalty_desktop.ui.main.key_dialog",
                         "loyalty_desktop.store.codec", "loyalty_desktop.core.events", "loyalty_desktop.core.model",
                         "loyalty_desktop.net.client", "ssl", "hashlib",
                         # SQLite and the disk errors' wording come with the first store read or error;
                         # logging.handlers (socket, pickle, queue) is not used (core.logs.RotatingLog).
                         "sqlite3", "loyalty_desktop.core.disk_errors", "logging.handlers")

# The app as launched (packaging/launcher.py with its start-up probe), on a finished demo set-up with
# the Klaviyo sandbox (so it has a kit tab); the modules loaded are listed the moment the probe sees
# the main window on screen, then the Settings tab is brought to the front: it is built then.
# The app is launched by a script: PROBE_HEAD, then a `listed(self, window, exposed)` that replaces
# the probe's report (it prints what it saw as one JSON line, then reports), then PROBE_TAIL.
PROBE_HEAD = r"""
import json, sys
sys.path.insert(0, sys.argv[2])
import launcher
probe = launcher.install_startup_probe(sys.argv[1])
report = type(probe)._report
"""
PROBE_TAIL = r"""
type(probe)._report = listed
from loyalty_desktop.cli.start import main
sys.exit(main([]))
"""

MAIN_WINDOW_LISTED = r"""
def listed(self, window, exposed):
    from PySide6.QtWidgets import QApplication
    from loyalty_desktop.ui.main.window import MainWindow
    before = sorted(sys.modules)
    w = next(t for t in QApplication.topLevelWidgets() if isinstance(t, MainWindow))
    titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    w.tabs.setCurrentIndex(titles.index("Se&ttings"))
    built = w.tabs.currentWidget() is w.settings_tab and w.tabs.tabText(w.tabs.currentIndex()) == "Se&ttings"
    print(json.dumps({"modules": before, "titles": titles, "built": built,
                      "after": sorted(m for m in sys.modules if m not in before)}))
    report(self, window, exposed)
"""


def seen_at_first_paint(listed: str, data: Path, tmp_path: Path) -> dict[str, Any]:
    """Launch the app on the data folder `data` with the probe's report replaced by `listed`."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOYALTY_DESKTOP_DATA_DIR=str(data))
    launcher_dir = Path(__file__).resolve().parents[2] / "packaging"
    out = subprocess.run([sys.executable, "-c", PROBE_HEAD + listed + PROBE_TAIL, str(tmp_path / "probe.jsonl"),
                          str(launcher_dir)], env=env, capture_output=True, text=True, timeout=120, check=True).stdout
    seen: dict[str, Any] = json.loads(out.splitlines()[-1])
    return seen


def loaded_early(modules: list[str], later: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in later))


def test_the_main_window_builds_its_other_tabs_when_first_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    settings = {"language": "en", "platform": "klaviyo", "demo": True, "target": "klaviyo-sandbox",
                "source": "demo", "source_options": {"members": "500", "seed": 42}, "wizard_done": True}
    (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    seen = seen_at_first_paint(MAIN_WINDOW_LISTED, data, tmp_path)
    assert seen["titles"] == ["&Last runs", "Se&gments", "Klaviyo k&it", "Se&ttings"]
    early = loaded_early(seen["modules"], LATER + LATER_WITH_THEIR_TAB + LATER_THAN_THE_WINDOW)
    assert not early, f"imported before the main window's first paint: {early}"
    assert seen["built"] and "loyalty_desktop.ui.main.settings_tab" in seen["after"]


# The first launch: the set-up wizard. Its welcome, key and verify pages are built with it; the
# source, mapping, sync and done pages (the spreadsheet reader, Splio's field rules, the sync's
# preview and runner, the kit) once its first frame is on screen (SetupWizard.later).
WIZARD_LATER = ("loyalty_desktop.ui.wizard.pages_source", "loyalty_desktop.ui.wizard.pages_data",
                "loyalty_desktop.ui.wizard.pages_run", "loyalty_desktop.ui.wizard.pages_done",
                "loyalty_desktop.service_sheets", "loyalty_desktop.service_splio", "loyalty_desktop.service_preview",
                "loyalty_desktop.sources.spreadsheet", "loyalty_desktop.destinations.splio",
                "loyalty_desktop.ui.kit_dialog", "loyalty_desktop.ui.sync_runner", "loyalty_desktop.sync.engine")

WIZARD_LISTED = r"""
def listed(self, window, exposed):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from loyalty_desktop.ui.wizard.wizard import SetupWizard
    before = sorted(sys.modules)
    w = next(t for t in QApplication.topLevelWidgets() if isinstance(t, SetupWizard))
    pages = len(w.pageIds())

    def later():  # the zero timer the first paint started has run by now
        print(json.dumps({"modules": before, "pages_then": pages, "pages_after": len(w.pageIds()),
                          "source_page": type(w.source_page).__name__}))
        report(self, window, exposed)

    QTimer.singleShot(50, later)
"""


def test_the_wizard_builds_its_later_pages_after_its_first_frame(tmp_path: Path) -> None:
    seen = seen_at_first_paint(WIZARD_LISTED, tmp_path / "data", tmp_path)  # no settings: the wizard
    early = loaded_early(seen["modules"], LATER + WIZARD_LATER + LATER_THAN_THE_WINDOW)
    assert not early, f"imported before the wizard's first paint: {early}"
    assert (seen["pages_then"], seen["pages_after"], seen["source_page"]) == (3, 7, "SourcePage")
