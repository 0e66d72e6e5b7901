"""A run's counts for the GUI: the one definition and wording (sync/run_counts.py) the command line
uses too, so every screen shows the same figures in the same words."""

from __future__ import annotations

from loyalty_desktop.sync.run_counts import (
    Count,
    RunCounts,
    count_parts,
    counts_line,
    figure,
    header,
    label,
    meaning,
    platform_of,
)

__all__ = ["Count", "RunCounts", "count_parts", "counts_line", "figure", "header", "label", "meaning", "platform_of"]
