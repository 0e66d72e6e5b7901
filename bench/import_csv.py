"""Benchmark: import a 1,000,000-row members CSV (the spreadsheet source's streaming path).

Writes a French-style export (semicolon, Windows-1252, decimal comma, dd/mm/yyyy dates, thousands
separators, some upper-case emails and stray spaces, a few bad rows and duplicates), then, each
in a child process so its wall time, CPU time and peak RSS are its own:

1. parse: open the file and stream it to `Member`s (what the source does, without a store);
2. import: the same into a fresh store with `Store.ingest` (what a sync's reading phase does:
   afterwards the store is committed and ready to plan);
3. re-import: the same file again into that store (nothing changes).

`--duplicates` writes a file where every email comes twice (row i and row i + rows/2, the later
row wins): half the rows are duplicates, each reported with the line that is used.

Each is run `--repeat` times (a fresh store for every import); the figures are the minimum and the
median, with the machine's load average (the machine may be shared: CPU time says how much work
the import itself did). Not a test. The target is ≤ 30 s and ≤ 300 MB peak RSS for the import.

    .venv/bin/python bench/import_csv.py [--rows 1000000] [--repeat 3] [--skip-store] [--duplicates]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

FIRST = ["Jean", "Marie", "Léa", "Hélène", "Chloé", "Noé", "Zoé", "Paul", "Anaïs", "Jérôme", "Amélie", "Luc"]
LAST = ["Dupont", "Martin", "Lefèvre", "Moreau", "Girard", "Rousseau", "Bézier", "Faure", "Mercier", "Gaumont"]
TIERS = ["Bronze", "Argent", "Or", "Platine", ""]
HEADER = ("Courriel;Prénom;Nom;Solde de points;Points cumulés;Palier;Date de naissance;Membre depuis;"
          "Lien de parrainage;Parrainages;Statut\n")


def write_members(path: Path, rows: int, seed: int = 1, duplicates: bool = False) -> None:
    rnd = random.Random(seed)
    half = max(1, rows // 2)
    with path.open("w", encoding="cp1252", newline="") as f:
        f.write(HEADER)
        buf = []
        for i in range(rows):
            email = f"client{i % half if duplicates else i}@exemple.fr"
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
    from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource

    t = time.monotonic()
    src = SpreadsheetSource.open(members)
    opened = time.monotonic() - t
    read = src.read(None)
    if mode == "parse":
        n = sum(1 for _ in read.members)
        changed = -1
    else:
        from loyalty_desktop.store.store import Store

        with Store(store_path) as store:
            summary = store.ingest(src.store_name, read)
            n = store.member_count()
            changed = summary.members_changed
    stats = src.finish_stats()
    print(f"{time.monotonic() - t:.2f} {opened:.2f} {n} {changed} {stats.rejected} {stats.duplicates}")


@dataclass
class Sample:
    inner: float  # seconds inside the child (open → stream/ingest → store closed)
    wall: float  # the whole child process
    cpu: float  # user + system CPU seconds of the child
    rss: float  # peak RSS, MB
    out: list[str]


def run(args: list[str]) -> Sample:
    t = time.monotonic()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"child {args} failed:\n{out}")
    fields = out.split()
    return Sample(float(fields[0]), time.monotonic() - t, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                  fields)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def report(label: str, rows: int, samples: list[Sample], extra: str) -> None:
    inner = sorted(s.inner for s in samples)
    cpu = sorted(s.cpu for s in samples)
    rss = max(s.rss for s in samples)
    each = ", ".join(f"{s.inner:.1f}" for s in samples)
    print(f"{label}: min {inner[0]:.1f} s, median {statistics.median(inner):.1f} s ({rows / inner[0]:,.0f} rows/s at "
          f"best; runs: {each} s); CPU min {cpu[0]:.1f} s, median {statistics.median(cpu):.1f} s; peak RSS "
          f"{rss:.0f} MB{extra}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-store", action="store_true", help="only the parse figure")
    ap.add_argument("--duplicates", action="store_true", help="every email twice: half the rows are duplicates")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="ld-bench-csv-") as tmp:
        os.environ["LOYALTY_DESKTOP_DATA_DIR"] = str(Path(tmp) / "data")
        members = Path(tmp) / "membres.csv"
        t = time.monotonic()
        write_members(members, args.rows, duplicates=args.duplicates)
        size = members.stat().st_size / 1e6
        dupes = " (every email twice)" if args.duplicates else ""
        print(f"members CSV, {args.rows:,} rows{dupes}, {size:.0f} MB: written in {time.monotonic() - t:.1f} s")
        print(f"before: {load()}", flush=True)
        parse = [run(["--child", "parse", str(members), "-"]) for _ in range(args.repeat)]
        _, n, _, rejected, dupes = parse[0].out[1:]
        report("parse to Members", args.rows, parse,
               f"; members {int(n):,}, rejected rows {int(rejected):,} (duplicates {int(dupes):,})")
        if not args.skip_store:
            imports: list[Sample] = []
            again: list[Sample] = []
            for i in range(args.repeat):
                store = str(Path(tmp) / f"store{i}.sqlite3")
                imports.append(run(["--child", "store", str(members), store]))
                again.append(run(["--child", "store", str(members), store]))
                for p in Path(tmp).glob(f"store{i}.sqlite3*"):
                    p.unlink()
            changed = {int(s.out[3]) for s in imports}, {int(s.out[3]) for s in again}
            report("import into a new store", args.rows, imports, f"; members changed {sorted(changed[0])}")
            report("same file re-imported", args.rows, again, f"; members changed {sorted(changed[1])}")
        print(f"after: {load()}")


if __name__ == "__main__":
    main()
