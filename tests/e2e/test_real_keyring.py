"""The real GNOME keyring, headless under dbus-run-session: the key goes in, a sync reads it from
there, nothing else on disk holds it, and `key delete` removes it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from loyalty_emulators.klaviyo.server import KlaviyoSandbox

pytestmark = pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-run-session and gnome-keyring-daemon (.ci/run installs them)")

SCRIPT = r"""
set -e
eval "$(printf %s testpw | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
py() { "$PYTHON" "$@"; }
py -c 'from loyalty_desktop.core import secrets; print("backend:", secrets.backend_label())'
printf '%s\n' "$KEY" | py -m loyalty_desktop key set klaviyo
py -m loyalty_desktop sync --members 60 --to klaviyo --base-url "$URL"
py -m loyalty_desktop key delete klaviyo
py -c 'from loyalty_desktop.core import secrets; print("after delete:", secrets.load("klaviyo"))'
"""


def test_key_round_trips_through_gnome_keyring(tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        key = sb.add_key()
        # The real keyring: neither the app's variables nor the tests' file keyring (PYTHON_KEYRING_BACKEND).
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("LOYALTY_DESKTOP_") and k != "PYTHON_KEYRING_BACKEND"}
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"), XDG_RUNTIME_DIR=str(tmp_path),
                   LOYALTY_DESKTOP_DATA_DIR=str(data), PYTHON=sys.executable, KEY=key, URL=sb.base_url or "")
        r = subprocess.run(["dbus-run-session", "--", "bash", "-c", SCRIPT], env=env, capture_output=True,
                           text=True, timeout=180)
        assert r.returncode == 0, r.stdout + r.stderr
        assert len(sb.profiles()) == 60
    assert "backend: GNOME Keyring" in r.stdout
    assert "in GNOME Keyring" in r.stdout
    assert "Contacts sent: 60" in r.stdout
    assert "after delete: None" in r.stdout
    assert key not in r.stdout + r.stderr
    for f in data.rglob("*"):
        if f.is_file():
            assert key.encode() not in f.read_bytes(), f
