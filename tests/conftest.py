"""Registers the shared fixtures (tests/helpers/fixtures.py) for every folder: unit/ (no sockets, no
Qt event loop, no child process), integration/ (real HTTP to the sandboxes on loopback, stores on
disk, the CLI in-process) and e2e/ (GUI walk-throughs, real windows, the frozen bundle, child
processes, reruns at other system dates). A file goes where most of its tests belong: a few
integration files also run the CLI once as a child process (test_spreadsheet_sync, test_smile_sync,
test_spreadsheet_questions, test_sync_truth, test_net_hardening, test_store_ingest).

Tests marked `serial` are timed: `make test` runs them alone after the parallel (xdist) part."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from datetime import datetime

import pytest
from hypothesis import settings as hypothesis_settings

from helpers.fixtures import *  # noqa: F403 - the shared fixtures, defined once

# Property tests check correctness, not speed: with two xdist workers per core a slow example is
# the machine's load, and hypothesis's default 200 ms deadline made them fail at random.
hypothesis_settings.register_profile("loyalty", deadline=None)
hypothesis_settings.load_profile("loyalty")


def pytest_report_header(config: pytest.Config) -> str:
    # `make test-dates` moves the machine's clock (tests/time_travel/sitecustomize.py); say so.
    moved = os.environ.get("LOYALTY_DESKTOP_TEST_SYSTEM_DATE")
    return f"system clock moved to {moved}: {datetime.now().astimezone().isoformat()}" if moved else ""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "expect_log_warnings: the test expects WARNING log records")
    # Qt objects must be freed on the main thread (ui/main_thread_gc.py says why): the cycle
    # collector runs only between tests, below, never in a sandbox's or a worker's thread.
    gc.disable()


@pytest.fixture(autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    yield
    if "PySide6.QtCore" in sys.modules or gc.get_count()[0] > 50_000:
        gc.collect()
