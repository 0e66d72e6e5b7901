"""Shared test helpers (not test modules): fixtures, sandbox checks, spreadsheet builders, probes.

Importable as `helpers` because pyproject's pytest config puts tests/ on sys.path."""
