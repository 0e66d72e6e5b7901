"""Splio as a destination: the adapter, its HTTP calls, custom fields, and how to open it."""
