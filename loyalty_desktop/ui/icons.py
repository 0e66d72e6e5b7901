"""The application icon: `resources/icons/loyalty-desktop-<N>.png`, rendered from the SVG source by
`resources/icons/make_icons.py`. PNGs rather than the SVG, so the app needs no SVG plugin."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from loyalty_desktop.core.paths import resources_dir

NAME = "loyalty-desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_files() -> dict[int, Path]:
    """Pixel size → PNG file, for the sizes present."""
    folder = resources_dir() / "icons"
    return {s: p for s in SIZES if (p := folder / f"{NAME}-{s}.png").is_file()}


def app_icon() -> QIcon:
    """Every size of the icon in one QIcon (Qt picks the closest for title bars, task bars, docks);
    a null QIcon if the files are missing. Set it on the application: `app.setWindowIcon(app_icon())`."""
    icon = QIcon()
    for size, path in icon_files().items():
        icon.addFile(str(path), QSize(size, size))
    return icon
