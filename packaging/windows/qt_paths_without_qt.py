"""Where Qt's plugins and translations are in PySide6's Windows wheel, told to PyInstaller without
loading Qt: for the Windows build under Wine (packaging/windows/wine_build.py).

PyInstaller's Qt hooks find Qt's plugins and translations by importing PySide6.QtCore in a child
process and asking QLibraryInfo. Under Wine 8 that import fails (Qt6Core.dll needs Windows' own
icuuc.dll, which Wine lacks), the hooks then collect nothing, and the bundle has no platform plugin
(qwindows.dll) and no Qt translations: it would not start on Windows. The wheel's layout is fixed
(a qt.conf with Prefix = the package folder: plugins/, translations/, qml/ beside the DLLs), so
build.spec answers the question itself when LOYALTY_DESKTOP_QT_PATHS_WITHOUT_QT is set. On real
Windows (CI) the hooks ask Qt as usual.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path
from typing import Any


def qt_info() -> dict[str, Any]:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    pkg = Path(next(iter(spec.submodule_search_locations))).resolve()
    version = [int(n) for n in importlib.metadata.version("PySide6-Essentials").split(".")[:3]]
    sub = {"PrefixPath": "", "DocumentationPath": "doc", "HeadersPath": "include", "LibrariesPath": "lib",
           "LibraryExecutablesPath": "", "BinariesPath": "", "PluginsPath": "plugins", "QmlImportsPath": "qml",
           "Qml2ImportsPath": "qml", "ArchDataPath": "", "DataPath": "", "TranslationsPath": "translations",
           "ExamplesPath": "examples", "TestsPath": "tests", "SettingsPath": ""}
    return {"is_debug_build": False, "version": version,
            "location": {k: str(pkg / v) if v else str(pkg) for k, v in sub.items()},
            "package_location": str(pkg)}


def install() -> None:
    """Answer PyInstaller's QLibraryInfo query for PySide6 with qt_info(); every other isolated call
    runs as usual."""
    import PyInstaller.utils.hooks.qt as qt_hooks

    real = qt_hooks.isolated
    info = qt_info()

    class Isolated:
        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        @staticmethod
        def decorate(fn: Any) -> Any:
            if fn.__name__ == "_read_qt_library_info":
                return lambda package: info if package == "PySide6" else None
            return real.decorate(fn)

    qt_hooks.isolated = Isolated()
