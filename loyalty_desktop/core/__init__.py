"""The core vocabulary: the loyalty model, catalog fields, events, errors, the clock, settings and paths
(no Qt, no I/O beyond settings/paths)."""
