"""The tests' keyring: kept in a JSON file the test's worker processes read too (they load it
through PYTHON_KEYRING_BACKEND, as a real keyring is shared by every process of the user)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors

ENV_FILE = "LOYALTY_DESKTOP_TEST_KEYRING"
BACKEND = f"{__name__}.MemoryKeyring"  # the name keyring imports in a child process


class MemoryKeyring(keyring.backend.KeyringBackend):
    """(Named for what it stands for: nothing of it outlives the test.)"""

    priority = 1

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()  # keyring makes one of every backend class when it looks for the best: no file then
        self.path = path or (Path(os.environ[ENV_FILE]) if os.environ.get(ENV_FILE) else None)

    def _items(self) -> dict[str, str]:
        if self.path is None:
            return {}
        try:
            return dict(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def _save(self, items: dict[str, str]) -> None:
        if self.path is None:
            raise keyring.errors.PasswordSetError("no keyring file")
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(items), encoding="utf-8")
        tmp.replace(self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._items().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._save({**self._items(), f"{service}\n{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        items = self._items()
        items.pop(f"{service}\n{username}", None)
        self._save(items)
