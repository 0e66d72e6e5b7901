"""The Klaviyo API emulator (profiles, bulk jobs, events, segments, templates, flows)."""
