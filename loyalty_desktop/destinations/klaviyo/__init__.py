"""Klaviyo as a destination: the adapter, how to open it, and the loyalty kit."""
