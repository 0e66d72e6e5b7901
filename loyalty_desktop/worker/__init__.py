"""The worker process: syncs and spreadsheet checks run in a child of the app's own executable,
so the GUI process only draws (protocol.py: the JSON lines both ends speak; child.py: the child)."""
