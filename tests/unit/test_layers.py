"""The layers hold (issue 14): the GUI talks to the core through the service facade only, Qt stays
in the GUI, and the emulators stand apart from the app.

Every module is parsed with `ast` (imports inside functions count too). A GUI module may import
from sources, destinations, store, sync or net only plain value types (Enums, dataclasses, named
tuples, exceptions it catches) and the few names in VALUE_TYPES; anything with behaviour (a
function, a parser, a client, a module) goes through `loyalty_desktop.service` or a
`loyalty_desktop.service_*` sibling.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import importlib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "loyalty_desktop"
UI = PACKAGE / "ui"
CORE_LAYERS = ("sources", "destinations", "store", "sync", "net")

# Value types that are neither an Enum nor a dataclass, each with why the GUI may hold one.
VALUE_TYPES: dict[str, str] = {
    # The handle the GUI sets to stop a background run; it passes it to the service, calls nothing else.
    "loyalty_desktop.net.cancel.CancelToken": "the stop handle the GUI hands to the service",
    "loyalty_desktop.net.client.CancelToken": "the same, by its older address (net.client re-exports it)",
}


def _modules(root: Path) -> Iterator[Path]:
    yield from sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> Iterator[tuple[int, str, str | None]]:
    """(line, module, name) for every import in `path`; name None for `import module`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                yield node.lineno, node.module, alias.name


def _core_layer(module: str) -> bool:
    return any(module == f"loyalty_desktop.{layer}" or module.startswith(f"loyalty_desktop.{layer}.")
               for layer in CORE_LAYERS)


def _is_value_type(module: str, name: str) -> bool:
    if f"{module}.{name}" in VALUE_TYPES:
        return True
    obj = getattr(importlib.import_module(module), name, None)
    if not isinstance(obj, type):
        return False  # a function, a constant, a module: reach it through the service
    if issubclass(obj, (enum.Enum, BaseException)):  # states and the errors the GUI catches
        return True
    if dataclasses.is_dataclass(obj):
        return True
    return issubclass(obj, tuple) and hasattr(obj, "_fields")  # a NamedTuple


def test_value_types_allow_list_names_real_classes() -> None:
    for dotted in VALUE_TYPES:
        module, _, name = dotted.rpartition(".")
        assert isinstance(getattr(importlib.import_module(module), name, None), type), dotted


def test_ui_reaches_the_core_through_the_service_only() -> None:
    offenders = []
    for path in _modules(UI):
        for line, module, name in _imports(path):
            if not _core_layer(module):
                continue
            if name is None or not _is_value_type(module, name):
                what = module if name is None else f"{module}.{name}"
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert not offenders, ("GUI modules import behaviour from the core; add a typed function to "
                           "loyalty_desktop/service.py (or a service_* sibling):\n" + "\n".join(offenders))


def test_qt_stays_in_the_gui() -> None:
    # packaging/ (the PyInstaller hooks, the launcher) and resources/ (icon making) handle Qt's files
    # as a build concern; devtools/ takes screenshots of the GUI.
    offenders = []
    for root in (PACKAGE, ROOT / "loyalty_emulators", ROOT / "bench"):
        for path in _modules(root):
            if UI in path.parents:
                continue
            for line, module, _name in _imports(path):
                if module == "PySide6" or module.startswith("PySide6."):
                    offenders.append(f"{path.relative_to(ROOT)}:{line}: {module}")
    assert not offenders, "Qt imported outside loyalty_desktop/ui:\n" + "\n".join(offenders)


def test_emulators_import_nothing_from_the_app() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}: {module}"
                 for path in _modules(ROOT / "loyalty_emulators")
                 for line, module, _name in _imports(path)
                 if module == "loyalty_desktop" or module.startswith("loyalty_desktop.")]
    assert not offenders, "loyalty_emulators imports the app:\n" + "\n".join(offenders)


def _runtime_imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of the imports that run: those under `if TYPE_CHECKING:` are types only."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skipped.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "loyalty_emulators":  # `from loyalty_emulators import launch`
                yield from ((node.lineno, f"loyalty_emulators.{alias.name}") for alias in node.names)
            else:
                yield node.lineno, node.module


def test_the_app_and_benchmarks_start_emulators_through_launch_only() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}: {module}"
                 for folder in (PACKAGE, ROOT / "devtools", ROOT / "bench")
                 for path in _modules(folder)
                 for line, module in _runtime_imports(path)
                 if module.startswith("loyalty_emulators") and module != "loyalty_emulators.launch"]
    assert not offenders, "the emulators reached around loyalty_emulators.launch:\n" + "\n".join(offenders)
