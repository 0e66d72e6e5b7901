"""During a 20,000-member sync the GUI event loop never stalls longer than 50 ms."""

from __future__ import annotations

import gc
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui_probe import measure_stalls  # noqa: E402

LIMIT_MS = 50
QUIET_OTHERS_CPUS = 0.3  # other processes used less than this many of the 2 CPUs during the sync
LOADED_GUARD_MS = 500  # a frozen window, whatever the machine is doing


def test_gui_never_stalls_over_50ms_during_a_20k_sync(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gc_threshold = gc.get_threshold()
    r = measure_stalls(20_000, tmp_path / "data")
    print(f"worst GUI stall {r.worst_stall_ms:.0f} ms over {r.sync_seconds:.1f} s of sync\n{r.table}")
    assert r.profiles_sent == 20_000
    assert r.worker_found, "the probe could not find the sync worker thread"
    assert gc.get_threshold() == gc_threshold  # full collections paused for the run only
    # The app's own work never holds the GUI up for more than 50 ms of CPU time (a C call holding
    # the GIL, a garbage collection, a slot), however loaded the machine is.
    assert r.worst_own_work() <= LIMIT_MS, r.table
    if r.others_cpus < QUIET_OTHERS_CPUS:
        # Quiet machine: every stall counts, including the GUI thread waiting for a CPU while the
        # worker and the sandbox use both cores, except the hypervisor not running this virtual
        # machine at all ("vm": steal time), which no program can prevent.
        assert r.worst(*({s.kind for s in r.stalls} - {"vm"})) <= LIMIT_MS, r.table
    else:
        # Other processes compete for the 2 cores: the OS decides when the GUI thread runs.
        assert r.worst_stall_ms <= LOADED_GUARD_MS, r.table
