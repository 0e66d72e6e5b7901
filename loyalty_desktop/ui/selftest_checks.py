"""The installation checks of `loyalty-desktop self-test` (see ui/selftest.py): the Qt platform
plugin, the translations, Qt's text services, the app icon, the GUI modules and the keyring. Each
returns its detail line (or (status, detail) for info/skip) or raises CheckFailed."""

from __future__ import annotations

import ctypes
import enum
import importlib
import importlib.metadata
import json
import os
import sys
from pathlib import Path
from typing import Any

from loyalty_desktop.core import paths, secrets


class Status(str, enum.Enum):
    """A check's outcome as the self-test prints it (FAIL in capitals so it stands out)."""

    OK = "ok"
    FAIL = "FAIL"
    INFO = "info"  # worth knowing, not a failure (e.g. no system keyring)
    SKIP = "skip"  # not checked in this mode or version


class CheckFailed(Exception):
    """A check's failure, in one sentence for the user."""


# -- Qt -------------------------------------------------------------------------------------------

def _plugin_file_names(name: str) -> tuple[str, ...]:
    if sys.platform == "win32":
        return (f"q{name}.dll",)
    if sys.platform == "darwin":
        return (f"libq{name}.dylib",)
    return (f"libq{name}.so",)


def _desktop_platforms() -> tuple[str, ...]:
    """The platform plugins a user's desktop needs from this installation."""
    if sys.platform == "win32":
        return ("windows",)
    if sys.platform == "darwin":
        return ("cocoa",)
    return ("xcb", "wayland")


def check_qt_platform(state: dict[str, Any]) -> str:
    from PySide6.QtCore import QLibraryInfo, qVersion

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    present = {n for n in ("xcb", "wayland", "windows", "cocoa", "offscreen", "minimal")
               if any((plugins / f).is_file() for f in _plugin_file_names(n))}
    missing_desktop = [n for n in _desktop_platforms() if n not in present]
    if sys.platform.startswith("linux") and "xcb" in missing_desktop:
        raise CheckFailed(f"the xcb platform plugin (X11 and XWayland desktops) is missing from {plugins}")
    if missing_desktop and not sys.platform.startswith("linux"):
        raise CheckFailed(f"the {missing_desktop[0]} platform plugin is missing from {plugins}")

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    note = ""
    if QApplication.instance() is None:
        requested = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0]
        if not requested and sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = requested = "offscreen"
            note = "no display here, so "
        wanted = requested or ("wayland" if os.environ.get("XDG_SESSION_TYPE") == "wayland"
                               and "wayland" in present else _desktop_platforms()[0])
        path = next((plugins / f for f in _plugin_file_names(wanted) if (plugins / f).is_file()), None)
        if path is None:
            raise CheckFailed(f"the {wanted} platform plugin is missing from {plugins}")
        if sys.platform.startswith("linux"):
            # Qt aborts the process when a plugin cannot load; loading it first turns a missing
            # system library (e.g. libxcb-cursor0) into a sentence.
            try:
                ctypes.CDLL(str(path))
            except OSError as exc:
                raise CheckFailed(f"the {wanted} platform plugin cannot load: {exc}") from None
        state["app"] = QApplication([sys.argv[0] if sys.argv else "loyalty-desktop"])
    name = QGuiApplication.platformName()
    state["qt"] = True
    return (f"{note}{name} loaded (Qt {qVersion()}); desktop plugins in this installation: "
            f"{', '.join(n for n in _desktop_platforms() if n in present) or 'none'}")


def check_translations() -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from loyalty_desktop.ui import i18n

    problems = []
    ours = paths.resources_dir() / "i18n" / "loyalty_desktop_fr.qm"
    t = QTranslator()
    if not ours.is_file():
        problems.append(f"{ours} is missing")
    elif not t.load(str(ours)) or t.isEmpty():
        problems.append(f"{ours} cannot be read or is empty")
    elif not t.language().startswith("fr"):
        problems.append(f"{ours} is a catalogue for {t.language()!r}, not French")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_fr = Path(qt_dir) / "qtbase_fr.qm"
    if not qt_fr.is_file():
        problems.append(f"Qt's {qt_fr} is missing (QWizard's buttons would stay in English)")
    for extra in sorted((paths.resources_dir() / "i18n").glob("fr_*.json")):
        try:
            json.loads(extra.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"{extra.name} is not readable JSON ({exc})")
    from loyalty_desktop.core.translate import catalogue  # the command line's reader (no Qt)

    probe = "Cancelled; the next sync resumes where this one stopped."  # errors.user_message
    if catalogue("fr").core(probe) == probe:
        problems.append(f"{ours} cannot be read without Qt: the command line would stay in English")
    if problems:
        raise CheckFailed("; ".join(problems))

    previous = QLocale()
    try:
        if i18n.install("fr") != "fr":
            raise CheckFailed("installing the French translators did not switch to French")
        # Qt's own catalogue answers this; kept out of ours (lupdate extracts only literal calls).
        qt_context, qt_source = "QWizard", "&Next >"
        probe = QCoreApplication.translate(qt_context, qt_source)
        if probe == qt_source:
            raise CheckFailed(f"Qt's {qt_fr.name} is present but does not translate QWizard's buttons")
    finally:
        i18n.install("en")
        QLocale.setDefault(previous)
    return f"{ours.name} ({t.language()}) and Qt's {qt_fr.name} load and answer (\"&Next >\" → {probe!r})"


def check_text_services() -> str:
    import functools

    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale("fr_FR"))
    words = ["zèbre", "école", "Zoé", "eux", "ecole"]
    got = sorted(words, key=functools.cmp_to_key(collator.compare))
    expected = ["ecole", "école", "eux", "zèbre", "Zoé"]
    if got != expected:
        raise CheckFailed(f"French sorting gives {got}, expected {expected}")
    upper = QLocale("fr_FR").toUpper("élève à l'œuvre")
    if upper != "ÉLÈVE À L'ŒUVRE":
        raise CheckFailed(f"French upper case gives {upper!r}")
    return "French sorting and case mapping are right"


def check_icon() -> str:
    from loyalty_desktop.ui.icons import app_icon, icon_files

    files = icon_files()
    icon = app_icon()
    if icon.isNull() or not files:
        raise CheckFailed(f"no icon files in {paths.resources_dir() / 'icons'}")
    sizes = sorted(files)
    pixmap = icon.pixmap(48, 48)
    if pixmap.isNull():
        raise CheckFailed("the app icon does not render")
    return f"{len(sizes)} sizes, {sizes[0]}–{sizes[-1]} px"


def check_gui_modules() -> str | tuple[Status, str]:
    loaded = []
    for module, label in (("loyalty_desktop.ui.app", "app"), ("loyalty_desktop.ui.wizard.wizard", "wizard"),
                          ("loyalty_desktop.ui.main.window", "main window")):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module and label == "main window":
                continue  # not in this version
            raise CheckFailed(f"{label}: {exc}") from None
        loaded.append(label)
    return ", ".join(loaded) + " import"


def check_qt_support_compiled() -> str | tuple[Status, str]:
    """Frozen: PySide6's signature package is loaded from the copy build.spec compiled into
    shiboken6/files.dir (packaging/shiboken_support.py), not compiled from its embedded source at
    every start; with its deferred parts, Qt's signatures still parse."""
    from PySide6.QtWidgets import QWidget
    from PySide6.support.signature import get_signature  # type: ignore[import-not-found]

    signatures = get_signature(QWidget.resize)  # two overloads: (QSize) and (w, h)
    if not isinstance(signatures, list) or len(signatures) != 2:
        raise CheckFailed(f"PySide6 does not parse Qt's signatures (QWidget.resize: {signatures!r})")
    loader = sys.modules.get("shibokensupport.signature.loader")
    where = Path(getattr(loader, "__file__", "") or "")
    if "files.dir" in where.parts and where.suffix == ".pyc":
        return "PySide6's signature package loaded precompiled; Qt's signatures parse"
    if not getattr(sys, "frozen", False):
        return Status.INFO, "from source: PySide6 compiles its signature package at each start (not a failure)"
    raise CheckFailed(f"PySide6's signature package was compiled at start ({where}): the bundle lacks "
                      "shiboken6/files.dir, which costs 25–35 ms of every start")


# -- keyring --------------------------------------------------------------------------------------

def _platform_backend() -> tuple[str, list[str]]:
    """keyring's backend module for this OS and the modules it needs."""
    if sys.platform == "win32":
        return "keyring.backends.Windows", ["win32ctypes.pywin32.win32cred"]
    if sys.platform == "darwin":
        return "keyring.backends.macOS", ["keyring.backends.macOS.api"]
    return "keyring.backends.SecretService", ["secretstorage", "jeepney"]


def check_keyring() -> str | tuple[Status, str]:
    import keyring

    eps = importlib.metadata.entry_points(group="keyring.backends")
    if not eps:
        raise CheckFailed("keyring finds no backends (the package metadata is missing from this build), "
                          "so API keys could never be saved")
    backend_module, needs = _platform_backend()
    for mod in [backend_module, *needs]:
        try:
            importlib.import_module(mod)
        except ImportError as exc:
            raise CheckFailed(f"{mod} cannot be imported ({exc}): the system keyring is unusable") from None
    kr = keyring.get_keyring()
    kind = f"{type(kr).__module__}.{type(kr).__name__}"
    label = secrets.backend_label()
    if label is not None:
        return f"API keys would be saved in {label} ({kind})"
    why = ""
    try:
        cls = importlib.import_module(backend_module).Keyring
        cls.priority  # noqa: B018 - raises with the reason when the backend is unusable here
    except Exception as exc:  # noqa: BLE001
        why = f" ({exc})"
    return Status.INFO, (f"no usable system keyring here{why}: API keys would be kept for the session only "
                         "(not a failure)")
