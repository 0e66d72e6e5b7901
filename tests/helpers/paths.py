"""Where things are, for every test whatever its folder (unit/, integration/, e2e/)."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]  # tests/
ROOT = TESTS.parent  # the checkout (pyproject.toml, build.spec)
SHARED = ROOT.parent / "shared"  # the specs next to the checkout (shared/specs/...)
TIME_TRAVEL = TESTS / "time_travel"  # sitecustomize.py that moves a process's system clock
