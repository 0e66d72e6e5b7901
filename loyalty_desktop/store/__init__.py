"""Local state in SQLite: schema and migrations, the members snapshot, the outbox, runs and rejects."""
