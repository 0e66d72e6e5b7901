"""The automatic sync's schedule (pure), the OS entries that start the app or a sync by themselves."""
