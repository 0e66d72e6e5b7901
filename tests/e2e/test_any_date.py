"""The suite's results must not depend on the machine's date: the date-sensitive end-to-end tests run
again with the system clock moved a year ahead and to 29 February 2028 (the whole suite: `make
test-dates`). The product's clock is pinned by helpers.fixtures.pinned_clock; these runs prove that nothing
reads the machine's date behind its back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import ROOT, TESTS, TIME_TRAVEL

DATE_SENSITIVE = ["integration/test_smile_sync.py", "integration/test_spreadsheet_sync.py",
                  "integration/test_segments.py"]


@pytest.mark.slow
@pytest.mark.parametrize("system_date", ["2027-12-06T10:00:00+00:00", "2028-02-29T23:30:00+00:00"])
def test_date_sensitive_tests_pass_with_the_system_clock_moved(system_date: str, tmp_path: Path) -> None:
    pytest.importorskip("time_machine")
    env = {**os.environ, "LOYALTY_DESKTOP_TEST_SYSTEM_DATE": system_date,
           "PYTHONPATH": os.pathsep.join(p for p in (str(TIME_TRAVEL), os.environ.get("PYTHONPATH")) if p)}
    env.pop("LOYALTY_DESKTOP_NOW", None)
    probe = subprocess.run([sys.executable, "-c",
                            "import datetime as d; print(d.datetime.now(d.timezone.utc).date().isoformat())"],
                           env=env, capture_output=True, text=True, timeout=60, check=True)
    assert probe.stdout.strip() == system_date[:10]  # the child really lives on that date
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:time_machine", "-m", "not serial",
         "-W", "ignore::pytest.PytestAssertRewriteWarning", "--basetemp", str(tmp_path / "t"),
         *(str(TESTS / f) for f in DATE_SENSITIVE)],
        env=env, capture_output=True, text=True, timeout=280, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
