"""Replaces PyInstaller's own hook for PySide6.QtGui (hooks in `hookspath` take precedence): the
same collection, minus the Qt plugins Loyalty Desktop does not need.

The filtering has to happen here, before the analysis: PyInstaller collects the link-time
dependencies of every plugin it is given, so dropping, say, the GTK platform theme after the
analysis would still leave GTK, Cairo and Pango (≈ 20 MB of the build machine's libraries) behind.

Kept: the platforms a desktop uses (xcb and wayland on Linux, windows, cocoa) plus offscreen and
minimal (self-test and start-up measurement without a display); the Windows and macOS themes;
compose/ibus input methods; the xcb OpenGL integrations (Qt probes them at start-up); the Wayland
XDG shell and the "bradient" title bar for compositors that draw none (GNOME); Windows/macOS
styles. Dropped: image formats (PNG, the only format the app draws, is built into QtGui), the SVG
icon engine, eglfs/linuxfb/vnc and other embedded platforms, evdev/tuio input, the GTK theme and
the XDG portal theme (156 kB for portal file dialogs and dark-mode detection: Qt's own file dialog,
translated, is what a Linux merchant gets; the 80 MB budget had no room left), the
virtual keyboard, and the Wayland OpenGL buffer integrations (a widgets app renders in software).
"""

import os
import re

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

KEEP = {
    "platforms": r"(qxcb|qwayland|qwindows|qcocoa|qoffscreen|qminimal)\.",
    "platformthemes": r"(qwindows|qmac|qcocoa)",
    "platforminputcontexts": r"(compose|ibus)",
    "xcbglintegrations": r".",
    "styles": r".",
    "wayland-shell-integration": r"xdg-shell",
    "wayland-decoration-client": r"bradient",
}

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)


def _wanted(src: str) -> bool:
    plugin_type = os.path.basename(os.path.dirname(src))
    pattern = KEEP.get(plugin_type)
    return bool(pattern and re.search(pattern, os.path.basename(src), re.IGNORECASE))


binaries = [(src, dest) for src, dest in binaries if "plugins" not in dest.replace("\\", "/").split("/")
            or _wanted(src)]
