"""Tab pages built when first shown (or first asked for).

The main window's first frame needs only the tab in front (the last runs); building the others (the
segments, the kit, the settings) and importing the modules behind them made the window appear 0.2 s
later (issue 18's start-up budget is 0.5 s). Each such tab starts as an empty placeholder page with
its title; the first time it comes to the front, or the code asks for its page, the real page is
built and takes the placeholder's place (same index, title and current tab). Until then nothing of
it exists, so whatever a page would show is applied when it is built.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QObject):
    built = Signal(str, QWidget)  # key, the page just built (now in the tab widget)

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._pages: dict[str, QWidget] = {}  # what the tab widget holds now: the placeholder or the page
        self._built: dict[str, QWidget] = {}
        # Connected before the window's own slots: a tab brought to the front is built before they run.
        tabs.currentChanged.connect(self._current_changed)

    def add(self, key: str, make: Callable[[], QWidget], index: int = -1) -> None:
        """A tab whose page `make()` builds when needed; `index` as QTabWidget.insertTab (-1: last)."""
        placeholder = QWidget()
        self._makers[key], self._pages[key] = make, placeholder
        self.tabs.insertTab(index, placeholder, "")

    def has(self, key: str) -> bool:
        return key in self._pages

    def page(self, key: str) -> QWidget:
        """The widget in the tab now (the placeholder until built): for indexOf and the tab's title."""
        return self._pages[key]

    def built_page(self, key: str) -> QWidget | None:
        """The page if it was built (None otherwise: nothing to update on it)."""
        return self._built.get(key)

    def get(self, key: str) -> QWidget:
        """The page, built (and swapped in) now if it was not yet."""
        page = self._built.get(key)
        if page is not None:
            return page
        page = self._makers.pop(key)()
        placeholder = self._pages[key]
        tabs = self.tabs
        index = tabs.indexOf(placeholder)
        current = tabs.currentIndex() == index
        blocked = tabs.blockSignals(True)  # the same tab stays current: not a change for the window
        try:
            tabs.insertTab(index, page, tabs.tabIcon(index), tabs.tabText(index))
            tabs.setTabToolTip(index, tabs.tabToolTip(index + 1))
            if current:
                tabs.setCurrentIndex(index)  # before the placeholder goes: no other tab shows meanwhile
            tabs.removeTab(index + 1)
        finally:
            tabs.blockSignals(blocked)
        placeholder.deleteLater()
        self._pages[key] = self._built[key] = page
        self.built.emit(key, page)
        return page

    def remove(self, key: str) -> QWidget | None:
        """Take the tab away; the page if it had been built (the caller disposes of it)."""
        if key not in self._pages:
            return None
        page = self._pages.pop(key)
        self._makers.pop(key, None)
        self.tabs.removeTab(self.tabs.indexOf(page))
        built = self._built.pop(key, None)
        if built is None:
            page.deleteLater()
        return built

    def _current_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for key, page in list(self._pages.items()):
            if page is widget and key not in self._built:
                self.get(key)
