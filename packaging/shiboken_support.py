"""PySide6's signature support package, compiled ahead of time for the bundle (build.spec uses it).

On every start, `import PySide6` runs shiboken's `shibokensupport` package (function signatures,
`__feature__`, error messages), about 2,000 lines of Python. The wheel keeps it as source inside
`libshiboken` (a base64 zip), so each process compiles it again: 25–35 ms of the frozen app's
start-up, before its first line runs. Shiboken imports it from `shiboken6/files.dir/` instead when
that folder exists (`signature_bootstrap.find_incarnated_files`), through Python's ordinary import
system, which loads `.pyc` files without their source. So the build writes the same modules,
compiled by the Python the bundle runs, into the bundle's `shiboken6/files.dir/`.

Two of its modules also compile regular expressions at import that a running app seldom or never
uses, 15–20 ms of every start; the copy defers them to first use (`LAZY`, `DEFERRED`):
- `signature.lib.pyi_generator` only writes .pyi stub files (a developer tool), yet the loader
  imports it: its copy is a stand-in that runs the real module's code on first use of a name;
- `signature.parser` builds its argument-list parser at import; the copy builds it on first parse.
A PySide6 whose text differs is copied unchanged, with a warning (the build goes on).

Taken from the installed shiboken6 at build time, so the copy always matches the library shipped.
`loyalty-desktop self-test` checks the frozen app loaded them from there and that signatures
still parse.

Usage: python packaging/shiboken_support.py DEST_DIR   (writes DEST_DIR/shibokensupport/…/*.pyc)
"""

from __future__ import annotations

import importlib.util
import marshal
import sys
from pathlib import Path

FOLDER = "files.dir"  # beside shiboken6/__init__: where signature_bootstrap looks
PACKAGE = "shibokensupport"


LAZY = ("shibokensupport/signature/lib/pyi_generator.py",)
STAND_IN = """\
# Stand-in written by Loyalty Desktop's build (packaging/shiboken_support.py): the real module's
# code, which compiles regular expressions at import, runs on first use of one of its names.
import marshal as _marshal

_CODE = {code!r}


def __getattr__(name):
    if name.startswith("__") and name.endswith("__"):
        raise AttributeError(name)  # probes by the import system and inspect: not a use
    global __getattr__
    del __getattr__
    exec(_marshal.loads(_CODE), globals())
    try:
        return globals()[name]
    except KeyError:
        raise AttributeError(name) from None
"""

# (module, text in it, what replaces it)
DEFERRED = (("shibokensupport/signature/parser.py",
             """arglistParser = ArglistParser()


def _parse_arglist(argstr):
    return arglistParser.parse(argstr)
""",
             """arglistParser = None  # built on first use (Loyalty Desktop's build: packaging/shiboken_support.py)


def _parse_arglist(argstr):
    global arglistParser
    if arglistParser is None:
        arglistParser = ArglistParser()
    return arglistParser.parse(argstr)
"""),)


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


def deferring(name: str, source: bytes, warn: list[str]) -> bytes:
    """The module's source with its start-up work deferred (LAZY, DEFERRED); unchanged, with a
    line in `warn`, when this PySide6's text is not the one expected."""
    if name in LAZY:
        code = compile(source, name, "exec")
        return STAND_IN.format(code=marshal.dumps(code)).encode()
    for module, old, new in DEFERRED:
        if name == module:
            text = source.decode()
            if text.count(old) != 1:
                warn.append(f"{name}: not deferred (this PySide6's text differs)")
                return source
            return text.replace(old, new).encode()
    return source


def write_compiled(dest: Path, warn: list[str] | None = None) -> list[Path]:
    """Compile each module into DEST/<its path>.pyc (sourceless: the import system loads a .pyc
    with no .py beside it without checking any timestamp); returns the files written."""
    written = []
    warn = [] if warn is None else warn
    for name, source in sorted(embedded_sources().items()):
        code = compile(deferring(name, source, warn), name, "exec")  # the name shiboken's loader gives it
        target = dest / (name + "c")
        target.parent.mkdir(parents=True, exist_ok=True)
        # The header: magic number, flags 0 (timestamp-based), then a timestamp and size nobody reads.
        target.write_bytes(importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code))
        written.append(target)
    if not any(path.name == "loader.pyc" for path in written):
        raise SupportNotFound("no signature loader among shiboken6's embedded modules")
    return written


if __name__ == "__main__":
    problems: list[str] = []
    for path in write_compiled(Path(sys.argv[1]), problems):
        print(path)
    for line in problems:
        print(f"WARNING: {line}", file=sys.stderr)
