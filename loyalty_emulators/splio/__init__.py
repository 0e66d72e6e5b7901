"""The Splio API emulator (contacts, custom fields, lists)."""
