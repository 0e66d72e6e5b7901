#!/usr/bin/env python3
"""Module-size gate: no module in loyalty_desktop/ or loyalty_emulators/ is longer than 400 lines
(split rather than grow a big file). Lists the offenders, longest first; exits 1 when there are any."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("loyalty_desktop", "loyalty_emulators")
LIMIT = 400


def offenders(root: Path = ROOT, limit: int = LIMIT) -> list[tuple[int, str]]:
    """(line count, path relative to root) of every module over `limit` lines, longest first."""
    found = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            with path.open(encoding="utf-8") as f:
                n = sum(1 for _ in f)
            if n > limit:
                found.append((n, path.relative_to(root).as_posix()))
    return sorted(found, key=lambda t: (-t[0], t[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=LIMIT)
    args = parser.parse_args(argv)
    found = offenders(limit=args.limit)
    if not found:
        print(f"module sizes: every module is at most {args.limit} lines")
        return 0
    print(f"module sizes: {len(found)} module(s) over {args.limit} lines (split them):")
    for n, rel in found:
        print(f"  {n:5d}  {rel}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
