"""The Debian/Ubuntu package of the Linux bundle (`make deb`): dist/loyalty-desktop_<version>_amd64.deb.

    python3 packaging/deb/build_deb.py [--bundle dist/loyalty-desktop] [--out dist]

Built with dpkg-deb from the bundle `make dist` made (no rebuild, no debhelper):
- /opt/loyalty-desktop/             the bundle (executable + _internal/), owned by root;
- /usr/bin/loyalty-desktop          a relative symbolic link to it (PyInstaller's bootloader follows
                                    the link to find _internal/), so the command is on the PATH;
- /usr/share/applications/          the desktop entry (resources/linux, Exec=loyalty-desktop);
- /usr/share/icons/hicolor/NxN/apps the PNG icons, 16 to 512 px;
- /usr/share/doc/loyalty-desktop/   copyright.
The menu and the icon cache are refreshed by the desktop's own dpkg triggers (desktop-file-utils,
hicolor-icon-theme), so the package has no maintainer scripts. `Depends` names the system
libraries build.spec leaves out of the bundle (HOST_LIBRARIES: what PySide6's wheel expects from
the system), with the t64 names of Debian 13 / Ubuntu 24.04 as alternatives.
Removing the package leaves each user's data, settings and keyring entries alone (they live in
the home folder).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "loyalty-desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DEPENDS = (
    "libc6 (>= 2.28), libstdc++6, libgcc-s1, libglib2.0-0t64 | libglib2.0-0, libdbus-1-3, "
    "libfontconfig1, libfreetype6, libpng16-16t64 | libpng16-16, libx11-6, libx11-xcb1, libxcb1, "
    "libxcb-glx0, libxcb-randr0, libxcb-render0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, "
    "libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0, libegl1, libgl1"
)
RECOMMENDS = "libwayland-client0, libwayland-cursor0, gnome-keyring | kwalletmanager | keepassxc"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from loyalty_desktop import __version__

    return __version__


def build(bundle: Path, out_dir: Path) -> Path:
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"no bundle in {bundle}: run `make dist` first")
    ver = version()
    deb = out_dir / f"{PACKAGE}_{ver}_amd64.deb"
    with tempfile.TemporaryDirectory(prefix="loyalty-desktop-deb-") as tmp:
        root = Path(tmp) / "root"
        opt = root / "opt" / PACKAGE
        shutil.copytree(bundle, opt, symlinks=True,
                        ignore=shutil.ignore_patterns("install-desktop-entry.sh"))  # the .deb does that job
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / PACKAGE).symlink_to(f"../../opt/{PACKAGE}/{PACKAGE}")
        apps = root / "usr" / "share" / "applications"
        apps.mkdir(parents=True)
        shutil.copy2(ROOT / "resources" / "linux" / f"{PACKAGE}.desktop", apps)
        for size in ICON_SIZES:
            dest = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
            dest.mkdir(parents=True)
            shutil.copy2(ROOT / "resources" / "icons" / f"{PACKAGE}-{size}.png", dest / f"{PACKAGE}.png")
        doc = root / "usr" / "share" / "doc" / PACKAGE
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(
            "Loyalty Desktop, with the Python, Qt (LGPLv3, via PySide6), OpenSSL and ICU libraries in\n"
            f"/opt/{PACKAGE}/_internal under their own licences.\n", encoding="utf-8")
        for p in root.rglob("*"):
            if not p.is_symlink():
                p.chmod(0o755 if p.is_dir() or os.access(p, os.X_OK) else 0o644)
        installed_kb = sum(p.lstat().st_size for p in root.rglob("*")) // 1024 + 1
        control = root / "DEBIAN"
        control.mkdir()
        (control / "control").write_text(
            f"Package: {PACKAGE}\n"
            f"Version: {ver}\n"
            "Architecture: amd64\n"
            "Maintainer: Loyalty Desktop contributors <maintainers@loyalty-desktop.invalid>\n"
            f"Installed-Size: {installed_kb}\n"
            f"Depends: {DEPENDS}\n"
            f"Recommends: {RECOMMENDS}\n"
            "Section: utils\n"
            "Priority: optional\n"
            "Description: Keep loyalty data on every Klaviyo profile and Splio contact\n"
            " Loyalty Desktop syncs loyalty points, tiers, referrals and rewards from a loyalty\n"
            " program (demo, CSV/Excel export or Smile.io) into Klaviyo or Splio, with offline\n"
            " sandboxes of those services for trying it without an account.\n", encoding="utf-8")
        out_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)], check=True,
                       stdout=subprocess.DEVNULL)
    print(f"{deb.relative_to(ROOT) if deb.is_relative_to(ROOT) else deb}: {deb.stat().st_size / 1e6:.1f} MB "
          f"(installed {installed_kb / 1000:.1f} MB)")
    return deb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    ap.add_argument("--out", type=Path, default=ROOT / "dist")
    args = ap.parse_args(argv)
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb is not installed (Debian/Ubuntu: apt-get install dpkg)")
    build(args.bundle.resolve(), args.out.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
