"""Tab pages built when first shown (ui/main/lazy_tabs): nothing is built until its tab comes to the
front or the code asks for it; then the page takes the placeholder's place (same index, title,
current tab) and the tab widget's listeners see one change, to that index, with the page in it."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from loyalty_desktop.ui.main.lazy_tabs import LazyTabs


def test_a_lazy_tab_is_built_in_place_when_first_shown_or_asked_for(qtbot: Any) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("runs"), "&Runs")
    pages = LazyTabs(tabs)
    made: list[str] = []

    def maker(name: str) -> Any:
        def make() -> QWidget:
            made.append(name)
            return QLabel(name)
        return make

    pages.add("a", maker("a"))
    pages.add("c", maker("c"))
    pages.add("b", maker("b"), tabs.indexOf(pages.page("c")))  # inserted before "c"
    for key, title in (("a", "&A"), ("b", "&B"), ("c", "&C")):
        tabs.setTabText(tabs.indexOf(pages.page(key)), title)
    seen: list[tuple[int, str]] = []
    tabs.currentChanged.connect(lambda i: seen.append((i, cast(QLabel, tabs.widget(i)).text())))
    tabs.show()
    qtbot.waitExposed(tabs)
    assert made == [] and pages.built_page("a") is None

    tabs.setCurrentIndex(2)  # "b" comes to the front: built then, in its place
    assert made == ["b"] and seen == [(2, "b")]
    assert tabs.currentWidget() is pages.built_page("b") is pages.page("b")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&Runs", "&A", "&B", "&C"]

    page_c = pages.get("c")  # asked for: built without coming to the front
    assert made == ["b", "c"] and tabs.indexOf(page_c) == 3 and tabs.currentIndex() == 2
    assert pages.get("c") is page_c and made == ["b", "c"]  # once

    assert pages.remove("a") is None and not pages.has("a")  # never built: nothing to hand back
    assert pages.remove("b") is not None and tabs.count() == 2
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&Runs", "&C"] and made == ["b", "c"]
