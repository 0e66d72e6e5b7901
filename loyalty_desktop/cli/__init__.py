"""The `loyalty-desktop` command line."""
