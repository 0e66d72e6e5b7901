"""Packaging checks that need no build: the lock file every bundle build installs from.

`make dist` (and the CI release jobs) install PyInstaller and the app's dependencies from
packaging/requirements-dist.lock with `pip install --require-hashes`; `make test` installs from
pyproject.toml's ranges. The lock must pin, with hashes, every dependency pyproject.toml names (the
runtime ones and the `dist` extra) at a version its range allows, or the bundle would be built from
something else than what the tests ran: `make lock` rewrites it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "packaging" / "requirements-dist.lock"


def _lock_entries() -> dict[str, tuple[str, Marker | None, list[str]]]:
    """name -> (version, marker, hashes), from pip's requirements format (backslash continuations)."""
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    entries = {}
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        hashes = re.findall(r"--hash=(sha256:[0-9a-f]{64})", line)
        spec = re.sub(r"--hash=\S+", "", line).strip()
        req = Requirement(spec)
        (op, version), = [(s.operator, s.version) for s in req.specifier]
        assert op == "==", f"{req.name} is not pinned exactly in {LOCK.name}: {spec}"
        entries[canonicalize_name(req.name)] = (version, req.marker, hashes)
    return entries


def test_lock_pins_every_package_exactly_with_hashes() -> None:
    entries = _lock_entries()
    assert len(entries) > 20
    for name, (_version, _marker, hashes) in entries.items():
        assert hashes, f"{name} has no --hash in {LOCK.name}"


def test_lock_satisfies_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["dist"]]
    entries = _lock_entries()
    for req in wanted:
        name = canonicalize_name(req.name)
        assert name in entries, f"{req.name} (pyproject.toml) is not in {LOCK.name}: run `make lock`"
        version = entries[name][0]
        assert req.specifier.contains(version, prereleases=True), (
            f"{LOCK.name} pins {req.name}=={version}, outside pyproject.toml's {req.specifier}: run `make lock`")


def test_lock_covers_each_os_keyring_backend() -> None:
    """The lock is universal (one file for the Linux, Windows and macOS builds): each OS's keyring
    backend dependencies are there, behind their markers."""
    entries = _lock_entries()
    for name, platform in (("secretstorage", "linux"), ("jeepney", "linux"), ("pywin32-ctypes", "win32"),
                           ("pefile", "win32"), ("macholib", "darwin")):
        marker = entries[name][1]
        assert marker is not None and marker.evaluate({"sys_platform": platform, "platform_system": ""}), name
