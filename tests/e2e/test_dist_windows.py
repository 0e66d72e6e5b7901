"""The Windows bundle and installer `make dist-windows` built on Linux under Wine
(packaging/windows/wine_build.py), checked again: its PE imports, its frozen self-test without Qt.

Runs only when `make dist-windows` has left its bundle in build/wine/dist/ and Wine is installed:
`make test` does not build it (≈ 5 min), so these tests skip there, saying so. The full checks
(silent install, the installed copy's self-test, the uninstaller and the data folder) run in
`make dist-windows` itself; the GUI cannot run under Wine 8 (Qt6Core needs Windows' icuuc.dll),
so the Windows CI job proves it on Windows.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from helpers.paths import ROOT

WORK = ROOT / "build" / "wine"
BUNDLE = WORK / "dist" / "loyalty-desktop"
CLI = BUNDLE / "loyalty-desktop-cli.exe"

pytestmark = [
    pytest.mark.skipif(not CLI.exists(), reason="no Windows bundle in build/wine/dist: `make dist-windows` builds it"),
    pytest.mark.skipif(shutil.which("wine") is None, reason="wine is not installed (`make dist-windows` installs it)"),
]


def _wine_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wine_build", ROOT / "packaging" / "windows" / "wine_build.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_windows_bundle_imports_only_shipped_or_windows_dlls() -> None:
    pytest.importorskip("pefile", reason="pefile is not installed (`make dist-windows` installs it)")
    wb = _wine_build()
    assert wb.check_imports(BUNDLE) == []
    names = {p.name for p in BUNDLE.rglob("*")}
    assert {"loyalty-desktop.exe", "loyalty-desktop-cli.exe", "Qt6Core.dll", "qwindows.dll", "qtbase_fr.qm",
            "loyalty_desktop_fr.qm"} <= names
    print(f"Windows bundle: {wb.bundle_size(BUNDLE) / 1e6:.1f} MB")


def test_windows_bundle_self_test_without_qt_passes_under_wine(tmp_path: Path) -> None:
    wb = _wine_build()
    env = dict(wb.wine_env(), LOYALTY_DESKTOP_DATA_DIR=str(tmp_path / "data"))
    env.pop("PYTHON_KEYRING_BACKEND", None)  # the tests' file keyring (tests/helpers): not in the bundle
    r = subprocess.run(["wine", str(CLI), "self-test", "--no-gui", "--members", "50"], env=env, capture_output=True,
                       text=True, errors="replace", timeout=600)
    out = r.stdout.replace("\r\n", "\n")
    print(out)
    assert r.returncode == 0, out + r.stderr[-3000:]
    assert "(frozen build, Windows AMD64," in out
    assert re.search(r"ok +keyring: API keys would be saved in Windows Credential Manager", out)
    assert re.search(r"ok +Klaviyo sandbox: 50-member demo sync .* all 50 members there", out)
    # The GUI's way (worker and sandbox child processes over pipes), from the windowed executable the
    # GUI uses and from the console one: both get working pipes and leave when their stdin closes.
    gui_way = (r"ok +Klaviyo sandbox, the GUI's way \(worker and sandbox processes\)(, console executable)?: "
               r"50-member .* stdin closed: "
               r"the sandbox left, the worker (cancelled its run and left|left after a run that ended completed)")
    assert re.search(gui_way + r".* executable loyalty-desktop\.exe", out)
    assert re.search(gui_way + r".* executable loyalty-desktop-cli\.exe", out)
    assert re.search(r"^self-test passed: \d+ checks", out, re.MULTILINE)


def test_windows_installer_was_built() -> None:
    sys.path.insert(0, str(ROOT))
    from loyalty_desktop import __version__

    setup = WORK / "installer" / f"loyalty-desktop-{__version__}-setup.exe"
    if not setup.exists():
        pytest.skip(f"no {setup.name}: `make dist-windows` builds it after the bundle")
    assert setup.read_bytes()[:2] == b"MZ" and setup.stat().st_size > 10e6


NO_PIPES = """
import subprocess, sys
for name in ("loyalty-desktop.exe", "loyalty-desktop-cli.exe"):
    for hidden in ("__worker__", "__sandbox__"):
        r = subprocess.run([sys.argv[1] + "\\\\" + name, hidden], timeout=120,
                           creationflags=subprocess.DETACHED_PROCESS)
        print(name, hidden, r.returncode, flush=True)
"""


@pytest.mark.skipif(not (WORK / "python" / "python.exe").exists(), reason="no Windows Python in build/wine/python")
def test_a_helper_started_without_pipes_leaves_at_once_under_wine(tmp_path: Path) -> None:
    """A helper started by hand (no redirected handles, no console): Python gives it no stdin or
    stdout, and cli/start.py leaves with status 2 rather than crash (a windowed executable would show
    PyInstaller's error dialog). Started from a Windows process, as only one can start it so."""
    wb = _wine_build()
    script = tmp_path / "no_pipes.py"
    script.write_text(NO_PIPES, encoding="utf-8")
    r = subprocess.run(["wine", str(WORK / "python" / "python.exe"), wb.win(script), wb.win(BUNDLE)],
                       env=wb.wine_env(), capture_output=True, text=True, errors="replace", timeout=600,
                       stdin=subprocess.DEVNULL)
    lines = r.stdout.replace("\r\n", "\n").split("\n")
    assert [ln for ln in lines if ln] == [f"{exe} {hidden} 2" for exe in ("loyalty-desktop.exe",
                                                                        "loyalty-desktop-cli.exe")
                                          for hidden in ("__worker__", "__sandbox__")], r.stdout + r.stderr[-2000:]
