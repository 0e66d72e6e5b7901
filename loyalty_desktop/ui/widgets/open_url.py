"""Opening a web page or a folder with the system, saying so when nothing could."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices


def open_page(url: QUrl) -> str:
    """Open `url` (a web page, a folder); when nothing could open it, the sentence to show instead,
    with the address to copy ("" when it opened)."""
    if not url.isEmpty() and QDesktopServices.openUrl(url):
        return ""
    where = url.toLocalFile() if url.isLocalFile() else url.toString()
    return QCoreApplication.translate("OpenPage", "Nothing could open it on this computer. Open it yourself: {where}"
                                      ).format(where=where)
