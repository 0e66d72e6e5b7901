# PyInstaller runtime hook, in place of PyInstaller's own for PySide6 (pyi_rth_pyside6, which
# build.spec drops): where Qt finds its plugins, without importing Qt.
#
# PyInstaller's hook also imports PySide6.QtCore, only to register an embedded qt.conf when the
# bindings have not (conda builds). PySide6's wheels register their own (libpyside's internal
# qt.conf, "Prefix = <package>/Qt"), so that import only cost every process of the bundle Qt's
# libraries before its first line: about 0.1 s and their memory in the sync worker and the demo's
# sandbox process, which never use Qt. The GUI imports QtCore itself a moment later. `self-test`
# checks the platform plugin and Qt's own French catalogue load, which need these paths.
import os
import sys

_bundle: str = getattr(sys, "_MEIPASS")  # noqa: B009 (set by PyInstaller's bootloader; not in typeshed)
_qt = os.path.join(_bundle, "PySide6") if sys.platform == "win32" else os.path.join(_bundle, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
if sys.platform == "win32":  # Qt's DLLs and OpenSSL beside the executable, as PyInstaller's hook does
    os.environ["PATH"] = _bundle + os.pathsep + os.environ.get("PATH", "")
del _bundle, _qt
