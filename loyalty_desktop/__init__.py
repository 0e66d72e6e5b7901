"""Loyalty Desktop: sync a loyalty program into Splio and Klaviyo."""

__version__ = "0.1.0"
APP_NAME = "loyalty-desktop"
