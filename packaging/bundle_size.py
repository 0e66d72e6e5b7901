"""Print the size of the bundle `make dist` built, its biggest parts, and check it against the budget.

    .venv/bin/python packaging/bundle_size.py [--built-since EPOCH_SECONDS] [--budget-mb 80]

Size = the bytes of every file in the folder (symbolic links count for nothing: PyInstaller links
duplicate libraries rather than copying them), in MB of 10^6 bytes, MiB beside. Exits 1 when over
budget, so `make dist` and CI fail on a size regression.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MB = 80.0  # the Linux bundle; macOS (universal2 Qt frameworks) and Windows are reported only


def bundle_dir(dist: Path = ROOT / "dist") -> Path:
    for name in ("loyalty-desktop", "Loyalty Desktop.app"):
        if (dist / name).is_dir():
            return dist / name
    raise SystemExit(f"no bundle in {dist}: run `make dist`")


def files(bundle: Path) -> list[tuple[Path, int]]:
    return [(p, p.stat().st_size) for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]


def size_bytes(bundle: Path) -> int:
    return sum(size for _, size in files(bundle))


def parts(bundle: Path) -> Counter[str]:
    """Bytes per recognisable part (Qt libraries, ICU, Python, …)."""
    out: Counter[str] = Counter()
    for p, size in files(bundle):
        rel = p.relative_to(bundle).as_posix()
        if "icu" in p.name:
            key = "ICU (libraries + en/fr data)"
        elif "/Qt/plugins/" in rel:
            key = "Qt plugins"
        elif "/Qt/lib/" in rel or p.name.startswith("libQt6") or p.name.startswith("Qt6"):
            key = "Qt libraries"
        elif "PySide6" in rel or "shiboken6" in rel or "pyside6" in p.name:
            key = "PySide6 bindings"
        elif "cryptography" in rel:
            key = "cryptography (keyring's Secret Service)"
        elif "python3" in p.name or "lib-dynload" in rel or p.name == "base_library.zip":
            key = "Python"
        elif p.parent == bundle:
            key = "executable (+ Python modules)"
        elif "/resources/" in rel:
            key = "app resources"
        elif ".so" in p.name or p.suffix in (".dll", ".dylib"):
            key = "system libraries"
        else:
            key = "other"
        out[key] += size
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--built-since", type=float, help="epoch seconds when the build started (prints the build time)")
    ap.add_argument("--budget-mb", type=float, default=BUDGET_MB if sys.platform.startswith("linux") else None)
    args = ap.parse_args(argv)
    bundle = bundle_dir()
    total = size_bytes(bundle)
    if args.built_since:
        print(f"built in {time.time() - args.built_since:.0f} s")
    print(f"{bundle.relative_to(ROOT)}: {total / 1e6:.1f} MB ({total / 2**20:.1f} MiB), "
          f"{len(files(bundle))} files")
    for key, size in parts(bundle).most_common():
        print(f"  {size / 1e6:6.1f} MB  {key}")
    if args.budget_mb is None:
        print("no size budget on this OS (the 80 MB budget is the Linux bundle's)")
        return 0
    ok = total / 1e6 <= args.budget_mb
    print(f"size budget {args.budget_mb:.0f} MB: {'OK' if ok else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
