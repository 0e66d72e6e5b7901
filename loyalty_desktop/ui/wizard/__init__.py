"""The set-up wizard: platform, key, loyalty data, field mapping, first sync, what to do next."""
