"""A CSV or Excel export as a loyalty source: read, parse, check, then hand members to the store."""
