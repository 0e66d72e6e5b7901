"""A real window under Xvfb (the xcb platform plugin, not offscreen): the wizard opens, is drawn
by the X server, and a screenshot of the screen is kept."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Both languages on one xdist worker, one Xvfb at a time (nothing is timed: no need to be alone).
pytestmark = [pytest.mark.xdist_group("real_window"),
              pytest.mark.skipif(not shutil.which("xvfb-run"),
                                 reason="needs xvfb-run (Debian xvfb; .ci/run installs it)")]

SCRIPT = r"""
import sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QGuiApplication
app = QApplication(sys.argv)
assert QGuiApplication.platformName() == "xcb", QGuiApplication.platformName()
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.wizard.wizard import SetupWizard
from loyalty_desktop.ui import i18n
i18n.install(sys.argv[2])
tasks = TaskManager()
w = SetupWizard(Settings(language=sys.argv[2]), tasks, demo=True)
w.move(40, 40)
w.show()
deadline = time.monotonic() + 10
while time.monotonic() < deadline and not w.isActiveWindow():
    app.processEvents(); time.sleep(0.02)
for _ in range(20):
    app.processEvents(); time.sleep(0.02)
shot = QGuiApplication.primaryScreen().grabWindow(0)
shot.save(sys.argv[1])
print("saved", sys.argv[1], shot.width(), shot.height())
w.close()
tasks.shutdown()
"""


@pytest.mark.parametrize("language", ["en", "fr"])
def test_wizard_in_a_real_window_under_xvfb(tmp_path: Path, language: str) -> None:
    out = tmp_path / f"real-window-{language}.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(QT_QPA_PLATFORM="xcb", LOYALTY_DESKTOP_DATA_DIR=str(tmp_path / "data"))
    r = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1100x800x24", sys.executable, "-c", SCRIPT,
                        str(out), language], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert (img.width(), img.height()) == (1100, 800)
    # Drawn for real: the screen is not one flat colour (the wizard and its text are on it).
    colours = {img.pixel(x, y) for x in range(0, 1100, 25) for y in range(0, 800, 25)}
    assert len(colours) > 5
    keep = os.environ.get("LOYALTY_DESKTOP_ARTIFACTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(keep) / out.name)
