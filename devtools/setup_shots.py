"""The screens for changing the set-up later, rendered to PNG (`loyalty-desktop screenshots`): the
Connection box when the key is missing (its one "Paste the key…" button), the key dialog, the
wizard opened prefilled from the main window, and the window after "Save without syncing". A
development tool."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from devtools.demo_window import wait_until
from loyalty_desktop.ui.main.sync_controller import Health
from loyalty_desktop.ui.main.window import MainWindow


def setup_shots(win: MainWindow, outdir: Path, language: str) -> list[Path]:
    shots: list[Path] = []

    def shot(name: str, widget: QWidget) -> None:
        QApplication.processEvents()
        path = outdir / f"{language}-main-{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    # The prefilled wizard ("Change the set-up…"), its first page and the mapping page.
    wiz = win.setup_again.open()
    assert wiz is not None
    shot("6-change-setup", wiz)
    wiz.next()
    wiz.next()
    wait_until(wiz.verify_page.isComplete)  # the demo key is checked at once
    wiz.next()
    wiz.next()
    wait_until(lambda: wiz.currentPage() is wiz.mapping_page and wiz.mapping_page.preview.rowCount() > 0)
    shot("7-change-mapping", wiz)
    wiz.next()
    wait_until(wiz.sync_page.preview_panel.start_button.isEnabled)
    shot("8-change-preview", wiz)
    # "Save without syncing": the choices kept, the window says what the next sync will do (here a
    # first sync: the wizard's demo account is a new one).
    wiz.sync_page.preview_panel.save_button.click()
    wait_until(lambda: win.setup_again.wizard is None and win.sync_panel.next_label.isVisible()
                and not win.history.refreshing)
    shot("11-saved-without-sync", win)
    # What a merchant sees after "Forget key" (shown on the demo window: its Connection box as if
    # no key were stored), and the key dialog its one button opens.
    ctl = win.controller
    demo, health = ctl.demo, ctl.health
    ctl.demo, ctl.health = False, Health.NO_KEY
    win.connection_panel.show_state()
    shot("9-no-key", win)
    dialog = win.connection_panel.enter_key()
    shot("10-key-dialog", dialog)
    dialog.reject()
    ctl.demo, ctl.health = demo, health
    win.connection_panel.show_state()
    return shots
