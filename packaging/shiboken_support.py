"""PySide6's signature support package, compiled ahead of time for the bundle (build.spec uses it).

On every start, `import PySide6` runs shiboken's `shibokensupport` package (function signatures,
`__feature__`, error messages), about 2,000 lines of Python. The wheel keeps it as source inside
`libshiboken` (a base64 zip), so each process compiles it again: 25–35 ms of the frozen app's
start-up, before its first line runs. Shiboken imports it from `shiboken6/files.dir/` instead when
that folder exists (`signature_bootstrap.find_incarnated_files`), through Python's ordinary import
system, which loads `.pyc` files without their source. So the build writes the same modules,
compiled by the Python the bundle runs, into the bundle's `shiboken6/files.dir/`.

Taken from the installed shiboken6 at build time, so the copy always matches the library shipped.
`loyalty-desktop self-test` checks the frozen app loaded them from there.

Usage: python packaging/shiboken_support.py DEST_DIR   (writes DEST_DIR/shibokensupport/…/*.pyc)
"""

from __future__ import annotations

import importlib.util
import marshal
import sys
from pathlib import Path

FOLDER = "files.dir"  # beside shiboken6/__init__: where signature_bootstrap looks
PACKAGE = "shibokensupport"


class SupportNotFound(RuntimeError):
    """This shiboken6 does not keep its support package where this script expects it."""


def embedded_sources() -> dict[str, bytes]:
    """The support package's modules as shiboken6 embeds them: {"shibokensupport/x.py": source}."""
    import shiboken6  # noqa: F401  (its import runs the embedded package)

    loader = sys.modules.get(f"{PACKAGE}.signature.loader")
    archive = getattr(getattr(loader, "__loader__", None), "zfile", None)
    if archive is None:
        raise SupportNotFound("shiboken6 did not load its signature package from its embedded archive")
    return {name: archive.read(name) for name in archive.namelist()
            if name.startswith(f"{PACKAGE}/") and name.endswith(".py")}


def write_compiled(dest: Path) -> list[Path]:
    """Compile each module into DEST/<its path>.pyc (sourceless: the import system loads a .pyc
    with no .py beside it without checking any timestamp); returns the files written."""
    written = []
    for name, source in sorted(embedded_sources().items()):
        code = compile(source, name, "exec")  # the name shiboken's own loader gives it
        target = dest / (name + "c")
        target.parent.mkdir(parents=True, exist_ok=True)
        # The header: magic number, flags 0 (timestamp-based), then a timestamp and size nobody reads.
        target.write_bytes(importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code))
        written.append(target)
    if not any(path.name == "loader.pyc" for path in written):
        raise SupportNotFound("no signature loader among shiboken6's embedded modules")
    return written


if __name__ == "__main__":
    for path in write_compiled(Path(sys.argv[1])):
        print(path)
