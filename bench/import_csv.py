"""Benchmark: import a 1,000,000-row members CSV (the spreadsheet source's streaming path).

Writes a French-style export (semicolon, Windows-1252, decimal comma, dd/mm/yyyy dates, thousands
separators, some upper-case emails and stray spaces, a few bad rows and duplicates), then, each
in a child process so its peak RSS is its own:

1. parse: open the file and stream it to `Member`s (what the source does, without a store);
2. import: the same into a fresh store with `Store.ingest` (what a sync's reading phase does);
3. re-import: the same file again into that store (nothing changes).

Prints the figures; not a test. The target is ≤ 30 s and ≤ 300 MB peak RSS for the parse.

    .venv/bin/python bench/import_csv.py [--rows 1000000] [--skip-store]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Jean", "Marie", "Léa", "Hélène", "Chloé", "Noé", "Zoé", "Paul", "Anaïs", "Jérôme", "Amélie", "Luc"]
LAST = ["Dupont", "Martin", "Lefèvre", "Moreau", "Girard", "Rousseau", "Bézier", "Faure", "Mercier", "Gaumont"]
TIERS = ["Bronze", "Argent", "Or", "Platine", ""]
HEADER = ("Courriel;Prénom;Nom;Solde de points;Points cumulés;Palier;Date de naissance;Membre depuis;"
          "Lien de parrainage;Parrainages;Statut\n")


def write_members(path: Path, rows: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="cp1252", newline="") as f:
        f.write(HEADER)
        buf = []
        for i in range(rows):
            email = f"client{i}@exemple.fr"
            if i % 97 == 0:
                email = " " + email.upper() + " "
            if i % 50_000 == 7:
                email = f"client{i}@"  # a bad row now and then
            if i % 100_000 == 11:
                email = f"client{i - 1}@exemple.fr"  # a duplicate
            pts = rnd.randrange(0, 25_000)
            life = pts + rnd.randrange(0, 50_000)
            pts_s = f"{pts // 1000} {pts % 1000:03d}" if pts >= 1000 and i % 3 == 0 else str(pts)
            life_s = f"{life},00" if i % 5 == 0 else str(life)
            bday = f"{rnd.randrange(1, 29):02d}/{rnd.randrange(1, 13):02d}/{rnd.randrange(1950, 2006)}"
            since = f"{rnd.randrange(1, 29):02d}/{rnd.randrange(1, 13):02d}/{rnd.randrange(2018, 2026)}"
            buf.append(f"{email};{rnd.choice(FIRST)};{rnd.choice(LAST)};{pts_s};{life_s};{rnd.choice(TIERS)};"
                       f"{bday};{since};https://exemple.fr/r/{i:x};{rnd.randrange(0, 6)};Membre\n")
            if len(buf) >= 10_000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))


def child(mode: str, members: str, store_path: str) -> None:
    from loyalty_desktop.sources.spreadsheet_source import SpreadsheetSource

    t = time.monotonic()
    src = SpreadsheetSource.open(members)
    opened = time.monotonic() - t
    read = src.read(None)
    if mode == "parse":
        n = sum(1 for _ in read.members)
        changed = -1
    else:
        from loyalty_desktop.store import Store

        with Store(store_path) as store:
            summary = store.ingest(src.store_name, read)
            n = store.member_count()
            changed = summary.members_changed
    stats = src.finish_stats()
    print(f"{time.monotonic() - t:.2f} {opened:.2f} {n} {changed} {stats.rejected} {stats.duplicates}")


def run(args: list[str]) -> tuple[float, float, str]:
    t = time.monotonic()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"child {args} failed:\n{out}")
    return time.monotonic() - t, usage.ru_maxrss / 1024, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--skip-store", action="store_true", help="only the parse figure")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="ld-bench-csv-") as tmp:
        os.environ["LOYALTY_DESKTOP_DATA_DIR"] = str(Path(tmp) / "data")
        members = Path(tmp) / "membres.csv"
        t = time.monotonic()
        write_members(members, args.rows)
        size = members.stat().st_size / 1e6
        print(f"members CSV, {args.rows:,} rows, {size:.0f} MB: written in {time.monotonic() - t:.1f} s")
        store = str(Path(tmp) / "store.sqlite3")
        modes = [("parse to Members", "parse")]
        if not args.skip_store:
            modes += [("import into the store", "store"), ("same file re-imported", "store")]
        for label, mode in modes:
            wall, rss, out = run(["--child", mode, str(members), store])
            inner, opened, n, changed, rejected, dupes = out.split()
            rate = args.rows / float(inner)
            extra = f", members changed {int(changed):,}" if mode == "store" else ""
            print(f"{label}: {float(inner):.1f} s ({rate:,.0f} rows/s; open+sniff {float(opened):.1f} s), "
                  f"process {wall:.1f} s wall, peak RSS {rss:.0f} MB; members {int(n):,}, rejected rows "
                  f"{int(rejected):,} (duplicates {int(dupes):,}){extra}")


if __name__ == "__main__":
    main()
