"""The Debian package `make deb` builds (packaging/deb/build_deb.py): installed with apt, its command
found on the PATH, its frozen self-test passing, its menu entry and icons in place, then removed.

Runs only when the package exists (dist/loyalty-desktop_<version>_amd64.deb, newer than the bundle):
`make deb` builds it; `make test` alone does not, so there these tests skip, saying so. As root with
apt-get: a real `apt-get install ./x.deb` (dependencies from the system's sources) and `apt-get
purge`; otherwise dpkg into a throwaway root folder (`dpkg --root`, dependencies not checked). Skipped
with the reason when dpkg is absent.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.paths import ROOT

PACKAGE = "loyalty-desktop"


def _deb() -> Path | None:
    debs = sorted((ROOT / "dist").glob(f"{PACKAGE}_*_amd64.deb"), key=lambda p: p.stat().st_mtime)
    return debs[-1] if debs else None


pytestmark = [
    pytest.mark.skipif(shutil.which("dpkg") is None, reason="dpkg is not installed (Debian/Ubuntu only)"),
    pytest.mark.skipif(_deb() is None, reason="no dist/loyalty-desktop_*.deb: `make deb` builds it (slow)"),
]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHON_KEYRING_BACKEND")
           and not k.startswith("LOYALTY_DESKTOP_")}
    env.update(LOYALTY_DESKTOP_DATA_DIR=str(tmp_path / "user-data"), QT_QPA_PLATFORM="offscreen",
               DEBIAN_FRONTEND="noninteractive")
    return env


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Path]:
    """The root the package is installed under ("/" with apt), removed afterwards."""
    deb = _deb()
    assert deb is not None
    bundle_exe = ROOT / "dist" / PACKAGE / PACKAGE
    if bundle_exe.exists() and bundle_exe.stat().st_mtime > deb.stat().st_mtime:
        pytest.skip(f"{deb.name} is older than the bundle: `make deb` rebuilds it")
    env = _env(tmp_path)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        r = subprocess.run(["apt-get", "install", "-y", "-q", "--reinstall", "--no-install-recommends", str(deb)],
                           env=env, capture_output=True, text=True, timeout=900)
        assert r.returncode == 0, r.stdout + r.stderr
        try:
            yield Path("/")
        finally:
            r = subprocess.run(["apt-get", "purge", "-y", "-q", PACKAGE], env=env, capture_output=True, text=True,
                               timeout=300)
            assert r.returncode == 0, r.stdout + r.stderr
            assert not Path(f"/opt/{PACKAGE}").exists() and not Path(f"/usr/bin/{PACKAGE}").exists()
    else:
        root = tmp_path / "root"
        for d in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/log"):
            (root / d).mkdir(parents=True)
        (root / "var/lib/dpkg/status").touch()
        dpkg = ["dpkg", f"--root={root}", "--force-not-root", "--force-depends", "--force-script-chrootless",
                f"--log={root / 'var/log/dpkg.log'}"]
        fake = ["fakeroot"] if shutil.which("fakeroot") else []
        r = subprocess.run([*fake, *dpkg, "--install", str(deb)], env=env, capture_output=True, text=True,
                           timeout=600)
        assert r.returncode == 0, r.stdout + r.stderr
        yield root
        r = subprocess.run([*fake, *dpkg, "--purge", PACKAGE], env=env, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stdout + r.stderr
        assert not (root / "opt" / PACKAGE).exists()


def test_deb_installs_runs_its_self_test_from_the_path_and_uninstalls(installed: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    env["PATH"] = f"{installed / 'usr/bin'}:{env.get('PATH', '')}"
    command = shutil.which(PACKAGE, path=env["PATH"])
    assert command == str(installed / "usr/bin" / PACKAGE), command
    assert Path(command).resolve() == (installed / "opt" / PACKAGE / PACKAGE).resolve()
    r = subprocess.run([PACKAGE, "self-test"], env=env, capture_output=True, text=True, timeout=600)
    print(r.stdout, r.stderr)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "(frozen build," in r.stdout
    assert re.search(r"^self-test passed: \d+ checks", r.stdout, re.MULTILINE)
    assert re.search(r"ok +Klaviyo sandbox: 200-member demo sync .* all 200 members there", r.stdout)

    share = installed / "usr/share"
    entry = (share / "applications" / f"{PACKAGE}.desktop").read_text(encoding="utf-8")
    assert "\nExec=loyalty-desktop\n" in entry and "\nIcon=loyalty-desktop\n" in entry
    for size in (16, 48, 256, 512):
        assert (share / "icons/hicolor" / f"{size}x{size}" / "apps" / f"{PACKAGE}.png").is_file()
    if installed == Path("/"):
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status} ${Version}", PACKAGE], capture_output=True,
                                text=True).stdout
        assert status.startswith("install ok installed"), status


def test_deb_metadata() -> None:
    deb = _deb()
    assert deb is not None
    info = subprocess.run(["dpkg-deb", "--field", str(deb)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line and not line.startswith(" "))
    assert fields["Package"] == PACKAGE and fields["Architecture"] == "amd64"
    for lib in ("libfontconfig1", "libx11-6", "libxkbcommon-x11-0", "libdbus-1-3", "libstdc++6"):
        assert lib in fields["Depends"], lib
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True).stdout
    assert f"./usr/bin/{PACKAGE} -> ../../opt/{PACKAGE}/{PACKAGE}" in listing
    assert not re.search(r"^-.* root/root .*install-desktop-entry\.sh$", listing, re.MULTILINE)
    assert not re.search(r"^\S+ (?!root/root)", listing, re.MULTILINE)  # every file owned by root
