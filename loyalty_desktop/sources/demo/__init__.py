"""The demo loyalty program (Maison Lumière): a simulated platform for offline demos, tests and benchmarks."""
