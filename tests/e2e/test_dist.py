"""The frozen Linux bundle (`make dist`: PyInstaller, build.spec, one folder in dist/loyalty-desktop).

The bundle is reused when it is newer than everything it is built from (CI builds it with
`make dist` just before `make test`), otherwise built here (≈ 40 s). Then: its size budget, what it
must and must not contain, its own `self-test` under the offscreen platform, the start-up time to
the main window, and the Linux menu entry installer. Skipped, with the reason, when PyInstaller is
not installed. The icon set and the ICU trimming are checked without a bundle.
"""

from __future__ import annotations

import configparser
import fcntl
import importlib.util
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from helpers.paths import ROOT

BUNDLE = ROOT / "dist" / "loyalty-desktop"
EXE = BUNDLE / "loyalty-desktop"
INTERNAL = BUNDLE / "_internal"
BUDGET_MB = 80.0
STARTUP_BUDGET_S = float(os.environ.get("LOYALTY_DESKTOP_STARTUP_BUDGET", "2.0"))  # a busy CI machine
ICONS = ROOT / "resources" / "icons"
pytestmark = pytest.mark.serial  # the bundle's startup budget is timed: alone on the machine
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle tests build the Linux bundle")


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


bundle_size = _module("bundle_size", ROOT / "packaging" / "bundle_size.py")
measure_startup = _module("measure_startup", ROOT / "packaging" / "measure_startup.py")
icu_trim = _module("icu_trim", ROOT / "packaging" / "icu_trim.py")
make_icons = _module("make_icons", ICONS / "make_icons.py")


def _inputs() -> Iterator[Path]:
    yield ROOT / "build.spec"
    yield ROOT / "packaging" / "requirements-dist.lock"
    for folder in ("loyalty_desktop", "loyalty_emulators", "resources", "packaging"):
        for p in (ROOT / folder).rglob("*"):
            # packaging/{windows,macos,deb}: other OSes' installers and the .deb, not the Linux bundle.
            if p.is_file() and "__pycache__" not in p.parts and not {"windows", "macos", "deb"} & set(p.parts):
                yield p


def _stale() -> str | None:
    if not EXE.exists():
        return "no bundle yet"
    built = EXE.stat().st_mtime
    newer = [p for p in _inputs() if p.stat().st_mtime > built]
    return f"{newer[0].relative_to(ROOT)} changed since the last build" if newer else None


@pytest.fixture(scope="session")
def bundle() -> Iterator[Path]:
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle tests build and run the Linux bundle")
    if not shutil.which("make"):
        pytest.skip("make is not installed: the bundle is built by `make dist`")
    (ROOT / "build").mkdir(exist_ok=True)
    with open(ROOT / "build" / ".dist.lock", "w") as lock:
        # Another test run in this tree may be building: one builder at a time, and nobody
        # rebuilds while a run uses the bundle (shared lock until the end of the session).
        fcntl.flock(lock, fcntl.LOCK_EX)
        why = _stale()
        if why:
            # The same build as `make dist`: its own virtual environment installed from the lock file.
            print(f"building the bundle ({why})")
            r = subprocess.run(["make", "--no-print-directory", "dist"], cwd=ROOT, capture_output=True, text=True,
                               timeout=1200)
            assert r.returncode == 0, "make dist failed:\n" + (r.stdout + r.stderr)[-4000:]
        fcntl.flock(lock, fcntl.LOCK_SH)
        yield BUNDLE


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHON_KEYRING_BACKEND",
                        measure_startup.PROBE_ENV)
           and not k.startswith("LOYALTY_DESKTOP_")}
    env.update(LOYALTY_DESKTOP_DATA_DIR=str(tmp_path / "user-data"), **extra)
    return env


# -- the bundle -----------------------------------------------------------------------------------

def test_bundle_is_within_its_size_budget(bundle: Path) -> None:
    total = bundle_size.size_bytes(bundle)
    parts = ", ".join(f"{k} {v / 1e6:.1f}" for k, v in bundle_size.parts(bundle).most_common())
    print(f"bundle {total / 1e6:.1f} MB ({total / 2**20:.1f} MiB): {parts}")
    assert total / 1e6 <= BUDGET_MB, f"the bundle is {total / 1e6:.1f} MB, over the {BUDGET_MB:.0f} MB budget"


def test_bundle_has_what_the_app_needs_and_not_more(bundle: Path) -> None:
    res = INTERNAL / "resources"
    for needed in ("i18n/loyalty_desktop_fr.qm", "flows/recommended.json", "linux/loyalty-desktop.desktop",
                   *(f"icons/loyalty-desktop-{s}.png" for s in (16, 32, 48, 256, 512))):
        assert (res / needed).is_file(), needed
    assert not [p.name for p in res.rglob("*") if p.suffix in (".ts", ".py", ".svg", ".ico", ".icns")]
    qt = INTERNAL / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) == ["qtbase_fr.qm"]
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
    assert not {"libqeglfs.so", "libqvnc.so", "libqlinuxfb.so"} & platforms
    names = {p.name for p in bundle.rglob("*")}
    for unwanted in ("libgtk-3.so.0", "libstdc++.so.6", "libglib-2.0.so.0", "libX11.so.6", "libfontconfig.so.1",
                     "cryptography", "_rust.abi3.so", "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Network.so.6",
                     "libQt6Svg.so.6", "QtNetwork.abi3.so", "qml"):
        assert unwanted not in names, unwanted
    assert not [n for n in names if n.startswith("pygments")]
    # keyring finds its backends through its package metadata (entry points).
    eps = list(INTERNAL.glob("keyring-*.dist-info/entry_points.txt"))
    assert eps and "keyring.backends" in eps[0].read_text()
    assert (INTERNAL / "PySide6" / "Qt" / "lib" / "libicudata.so.73").stat().st_size < 4e6  # trimmed ICU
    assert {"libxcb-cursor.so.0", "libcrypto.so.3", "libsqlite3.so.0"} <= names  # what a desktop may lack
    assert os.access(bundle / "install-desktop-entry.sh", os.X_OK)


def test_frozen_self_test_passes_offscreen(bundle: Path, tmp_path: Path) -> None:
    r = subprocess.run([str(EXE), "self-test"], env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
                       capture_output=True, text=True, timeout=300)
    print(r.stdout, r.stderr)
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout
    assert "(frozen build," in out
    for line in (r"ok +Qt platform plugin: offscreen loaded .* desktop plugins in this installation: xcb, wayland",
                 r"ok +translations: loyalty_desktop_fr\.qm \(fr.*\) and Qt's qtbase_fr\.qm load and answer",
                 r"ok +Qt text services: French sorting and case mapping are right",
                 r"ok +app icon: 8 sizes, 16–512 px",
                 r"ok +GUI modules: app, wizard",
                 r"(ok|info) +keyring: ",
                 r"ok +Klaviyo sandbox: 200-member demo sync .* all 200 members there",
                 (r"ok +Klaviyo sandbox, the GUI's way \(worker and sandbox processes\): 50-member demo sync in "
                  r"the worker process .* all 50 members there over HTTP .* stdin closed: the sandbox left, the "
                  r"worker (cancelled its run and left|left after a run that ended completed); "
                  r"executable loyalty-desktop +\("),
                 r"^self-test passed: \d+ checks"):
        assert re.search(line, out, re.MULTILINE), line
    if (ROOT / "loyalty_desktop" / "destinations" / "splio_target.py").exists():
        assert re.search(r"ok +Splio sandbox: 200-member demo sync .* all 200 members there", out)


def test_frozen_worker_process_syncs_to_a_sandbox(bundle: Path, tmp_path: Path) -> None:
    """The GUI's worker is the bundle's own binary with `__worker__` (core/own_process.command):
    it reads the job on stdin, syncs over real HTTP and answers in JSON lines."""
    from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
    from loyalty_desktop.sync.summary import RunStatus
    from loyalty_desktop.worker import protocol
    from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox

    data = tmp_path / "user-data"
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        job = protocol.SyncJob("klaviyo", "demo", {"members": "50", "seed": 42}, KLAVIYO_LOYALTY.to_json(),
                               base_url=sb.base_url, data_dir=str(data), key=DEMO_KEY)
        proc = subprocess.Popen([str(EXE), protocol.COMMAND], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"))
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        proc.stdin.write(protocol.encode(protocol.Request(protocol.RequestKind.SYNC, job)))
        proc.stdin.flush()  # and kept open: a closed stdin means the GUI went away (the job stops)
        messages = []
        for line in proc.stdout:
            msg = protocol.decode_message(line)
            if msg is not None:
                messages.append(msg)
                if msg.kind in (protocol.MessageKind.RESULT, protocol.MessageKind.ERROR):
                    break
        # The worker never uses Qt, so it does not load it (build.spec drops PyInstaller's PySide6
        # run-time hook, which imported QtCore in every process of the bundle).
        loaded = Path(f"/proc/{proc.pid}/maps").read_text(encoding="utf-8")
        proc.stdin.close()
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode(errors="replace")[-3000:]
        proc.stdout.close()
        proc.stderr.close()
        final = messages[-1]
        assert final.kind is protocol.MessageKind.RESULT and final.summary is not None
        assert final.summary.status is RunStatus.COMPLETED and final.summary.profiles_sent == 50
        assert any(m.kind is protocol.MessageKind.PROGRESS for m in messages)
        assert len(sb.profiles()) == 50
        assert "libQt6Core" not in loaded and "QtCore.abi3" not in loaded


FROZEN_KEYRING_SCRIPT = r"""
set -e
eval "$(printf %s testpw | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
printf '%s\n' "$KEY" | "$EXE" key set klaviyo
"$EXE" sync --members 30 --to klaviyo --base-url "$URL"
"$EXE" key delete klaviyo
"""


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
                    reason="needs dbus-run-session and gnome-keyring-daemon (.ci/run installs them)")
def test_frozen_app_keeps_a_key_in_gnome_keyring(bundle: Path, tmp_path: Path) -> None:
    """The bundle's secretstorage encrypts with packaging/linux/aes_cbc_openssl.py, not `cryptography`:
    the key goes into the real GNOME keyring (encrypted D-Bus session), a sync reads it back out."""
    from loyalty_emulators.klaviyo.server import KlaviyoSandbox

    home = tmp_path / "home"
    home.mkdir()
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        key = sb.add_key()
        env = _env(tmp_path, HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"),
                   XDG_RUNTIME_DIR=str(tmp_path), EXE=str(EXE), KEY=key, URL=sb.base_url or "")
        r = subprocess.run(["dbus-run-session", "--", "bash", "-c", FROZEN_KEYRING_SCRIPT], env=env,
                           capture_output=True, text=True, timeout=180)
        assert r.returncode == 0, r.stdout + r.stderr
        assert len(sb.profiles()) == 30
    assert "in GNOME Keyring" in r.stdout
    assert key not in r.stdout + r.stderr


def _start_display() -> tuple[subprocess.Popen[bytes] | None, dict[str, str]]:
    if shutil.which("Xvfb"):
        proc, display = measure_startup.start_xvfb()
        return proc, {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    return None, {"QT_QPA_PLATFORM": "offscreen"}


def test_frozen_app_shows_its_main_window_within_the_startup_budget(bundle: Path, tmp_path: Path) -> None:
    main_window = (ROOT / "loyalty_desktop" / "ui" / "main" / "window.py").exists()
    xvfb, display = _start_display()
    try:
        env = _env(tmp_path, **display)
        runs = [measure_startup.one_run([str(EXE)], env, tmp_path / "data", "main", 60) for _ in range(4)]
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
    first, rest = runs[0], runs[1:]
    painted = [r["painted_s"] for r in rest]
    print(f"frozen start-up to {first['window']} on {first['platform']}: first {first['painted_s']:.2f} s, then "
          + " ".join(f"{s:.2f}" for s in painted) + f" s (median {statistics.median(painted):.2f} s)")
    assert first["window"] == ("MainWindow" if main_window else "SetupWizard")
    assert all(r["returncode"] == 0 for r in runs)
    assert statistics.median(painted) <= STARTUP_BUDGET_S


def test_frozen_demo_opens_the_wizard(bundle: Path, tmp_path: Path) -> None:
    run = measure_startup.one_run([str(EXE), "--demo"], _env(tmp_path, QT_QPA_PLATFORM="offscreen"),
                                  tmp_path / "data", "wizard", 60)
    assert run["window"] == "SetupWizard" and run["platform"] == "offscreen"


def test_menu_entry_installs_and_uninstalls(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    script = bundle / "install-desktop-entry.sh"
    r = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    share = home / ".local" / "share"
    entry = share / "applications" / "loyalty-desktop.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{EXE}"' in text and f"TryExec={EXE}" in text
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "loyalty-desktop.png").is_file()
    assert (home / ".local" / "bin" / "loyalty-desktop").resolve() == EXE.resolve()
    r = subprocess.run([str(script), "--uninstall"], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    assert not entry.exists() and not (home / ".local" / "bin" / "loyalty-desktop").exists()
    assert not list((share / "icons").rglob("loyalty-desktop.png"))


# -- without a bundle -----------------------------------------------------------------------------

def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icon_set_is_complete_and_well_formed() -> None:
    for size in make_icons.PNG_SIZES:
        assert _png_size((ICONS / f"loyalty-desktop-{size}.png").read_bytes()) == (size, size)
    assert (ICONS / "loyalty-desktop.svg").read_text().lstrip().startswith("<?xml")

    ico = (ICONS / "loyalty-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico, 0)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    seen = []
    for i in range(count):
        w, h, _colors, _r, planes, bpp, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * i)
        size = w or 256
        data = ico[offset:offset + length]
        assert (planes, bpp, h or 256) == (1, 32, size)
        if data[:4] == b"\x89PNG":
            assert _png_size(data) == (size, size)
        else:  # BITMAPINFOHEADER: width, double height (image + mask), 32 bits per pixel
            hdr = struct.unpack_from("<IiiHH", data, 0)
            assert hdr == (40, size, 2 * size, 1, 32)
            assert length == 40 + size * size * 4 + ((size + 31) // 32) * 4 * size
        seen.append(size)
    assert seen == list(make_icons.ICO_SIZES)

    icns = (ICONS / "loyalty-desktop.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    pos, kinds = 8, {}
    while pos < len(icns):
        kind, length = icns[pos:pos + 4].decode(), struct.unpack(">I", icns[pos + 4:pos + 8])[0]
        kinds[kind] = _png_size(icns[pos + 8:pos + length])
        pos += length
    assert kinds == {k: (s, s) for k, s in make_icons.ICNS_TYPES}


def test_icons_render_and_load(qapp: object) -> None:
    from PySide6.QtGui import QImage

    from loyalty_desktop.ui.icons import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == list(make_icons.PNG_SIZES)
    img = QImage(str(ICONS / "loyalty-desktop-256.png"))
    assert img.pixelColor(128, 128).alpha() == 255 and img.pixelColor(0, 0).alpha() == 0  # a tile, round corners


def test_desktop_entry() -> None:
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    cp.read(ROOT / "resources" / "linux" / "loyalty-desktop.desktop", encoding="utf-8")
    e = cp["Desktop Entry"]
    assert (e["Type"], e["Name"], e["Exec"], e["Icon"], e["Terminal"]) == (
        "Application", "Loyalty Desktop", "loyalty-desktop", "loyalty-desktop", "false")
    assert e["Categories"].endswith(";") and e["Keywords"].endswith(";")
    assert cp["Desktop Action demo"]["Exec"] == "loyalty-desktop --demo"


@linux_only
def test_icu_trim_keeps_english_french_and_root() -> None:
    from PySide6.QtCore import QLibraryInfo

    lib = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath)) / "libicudata.so.73"
    if not lib.exists():
        pytest.skip(f"no {lib.name} in this PySide6 (the trimming is for the Linux wheel's ICU)")
    elf = lib.read_bytes()
    offset, size = icu_trim.find_symbol(elf, "icudt73_dat")
    trimmed, package, kept, total = icu_trim.trim_package(elf[offset:offset + size])
    assert package == "icudt73l" and kept < total and len(trimmed) < size / 4
    _, _, items = icu_trim.read_package(trimmed)
    names = [n for n, _ in items]
    assert names == sorted(names, key=lambda n: f"{package}/{n}".encode())  # ICU binary-searches the table
    for must in ("root.res", "en.res", "fr.res", "fr_CA.res", "coll/fr.res", "coll/ucadata.icu", "nfkc.nrm",
                 "likelySubtags.res", "plurals.res", "zone/fr.res", "zoneinfo64.res", "nfkc_cf.nrm",
                 "cnvalias.icu"):
        assert must in names, must
    for gone in ("de.res", "coll/zh.res", "brkitr/cjdict.dict", "brkitr/word.brk", "translit/root.res",
                 "curr/fr.res", "lang/en.res", "unames.icu", "gb18030.cnv", "ibm-5348_P100-1997.cnv"):
        assert gone not in names, gone
    original = dict(icu_trim.read_package(elf[offset:offset + size])[2])
    assert all(original[n] == d for n, d in items)  # items copied byte for byte
