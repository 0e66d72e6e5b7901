"""Where things live on disk: the one place that decides paths.

Data (SQLite store), config (settings), logs and cache come from platformdirs; the data folder can
be overridden with `--data-dir` or the LOYALTY_DESKTOP_DATA_DIR environment variable (tests, demos
from a USB stick). Secrets never go to any of these: they live in the OS keyring (secrets.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from loyalty_desktop import APP_NAME

ENV_DATA_DIR = "LOYALTY_DESKTOP_DATA_DIR"
_override: Path | None = None


def set_data_dir(path: Path | str | None) -> None:
    """Override the data folder for this process (the `--data-dir` option)."""
    global _override  # noqa: PLW0603 - the one process-wide data folder
    _override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    if _override is not None:
        base = _override
    elif os.environ.get(ENV_DATA_DIR):
        base = Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
    else:
        base = platformdirs.user_data_path(APP_NAME, appauthor=False)
    return ensure_folder(base)


def ensure_folder(path: Path) -> Path:
    """`path`, created if missing; a file in the way or a read-only parent is a DiskError the user
    can act on, not a traceback."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from loyalty_desktop.core.disk_errors import from_os

        raise from_os(exc, path) or exc  # noqa: B904 - the same error or its disk wording, chained implicitly
    return path


def store_path() -> Path:
    return data_dir() / "store.sqlite3"


def demo_program_path() -> Path:
    return data_dir() / "demo-program.sqlite3"


def log_dir() -> Path:
    # With an overridden data folder, logs go beside it so a test or a USB-stick demo leaves
    # nothing in the user's profile.
    if _override is not None or os.environ.get(ENV_DATA_DIR):
        path = data_dir() / "logs"
    else:
        path = platformdirs.user_log_path(APP_NAME, appauthor=False)
    return ensure_folder(path)


def resources_dir() -> Path:
    """`resources/` beside the package, or inside a PyInstaller bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "resources"
