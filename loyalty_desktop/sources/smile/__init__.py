"""Smile.io as a loyalty source: API client, local mirror, mapping to the model."""
