"""The main window in demo mode, rendered to PNG (`loyalty-desktop screenshots`; a development tool)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from devtools.demo_window import a_month_later, demo_window, sync_and_wait, wait_until
from devtools.setup_shots import setup_shots
from loyalty_desktop import service
from loyalty_desktop.core.platforms import DEFAULT_DESTINATION


def demo_phone_conflicts(conn: service.Connection, count: int = 3) -> list[str]:
    """Demo mode only: give the sandboxed Klaviyo account other profiles that already own `count`
    members' phone numbers, as happens in real accounts. With phone numbers mapped, the platform
    then rejects those members' rows (email and phone belong to two different profiles), which
    shows the rejected rows as a merchant would meet them. Returns the phone numbers taken."""
    import httpx

    from loyalty_desktop.destinations.klaviyo.adapter import REVISION
    from loyalty_emulators import launch

    if conn.sandbox is None:
        raise ValueError("only for the demo sandbox")
    with service.open_store() as store:  # the demo's few hundred members, by email
        members = store.sample_members(store.member_count())
    phones = [str(m["phone"]) for m in members if m.get("phone") is not None][:count]
    headers = {"Authorization": f"Klaviyo-API-Key {launch.demo_key(launch.Platform.KLAVIYO)}", "revision": REVISION,
               "accept": "application/vnd.api+json", "content-type": "application/vnd.api+json"}
    with httpx.Client(base_url=conn.sandbox.base_url, headers=headers, timeout=10) as client:
        for i, phone in enumerate(phones):
            body = {"data": {"type": "profile", "attributes": {"email": f"front.desk.{i + 1}@gmail.com",
                                                                "phone_number": phone}}}
            client.post("/api/profiles", json=body).raise_for_status()
    return phones


def screenshots(outdir: Path, language: str) -> list[Path]:
    """The main window in demo mode, grabbed to PNG: the runs, the segments, the settings, a
    run's rejected rows and the Klaviyo kit once made. The demo history is a first sync, then a
    month later a second one with phone numbers mapped, three of which Klaviyo rejects. Runs in a
    fresh temporary data folder (never the user's)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["loyalty-desktop"])
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with demo_window(language, DEFAULT_DESTINATION, (1040, 720)) as win:
        runs = win.runs_tab
        sync_and_wait(win)
        win.settings_tab.schedule_box.mode.setCurrentIndex(1)  # every day at 06:00, from this run on
        # A month later, with phone numbers added to the mapping.
        a_month_later()
        assert win.connection is not None
        demo_phone_conflicts(win.connection)
        from loyalty_desktop.core.fields import KLAVIYO_LOYALTY

        win.settings.mapping = KLAVIYO_LOYALTY.with_field("phone", enabled=True).to_json()
        sync_and_wait(win)
        runs.runs_view.selectRow(0)

        def shot(name: str, widget: QWidget) -> None:
            for _ in range(3):  # a wrapped label's new height is laid out a pass later
                QApplication.processEvents()
            path = outdir / f"{language}-main-{name}.png"
            widget.grab().save(str(path))
            shots.append(path)

        win.tabs.setCurrentIndex(0)
        shot("1-runs", win)
        win.tabs.setCurrentIndex(1)
        shot("2-segments", win)
        win.tabs.setCurrentWidget(win.settings_tab)
        shot("3-settings", win)
        kit = win.kit_panel
        if kit is not None:  # the Klaviyo kit, made in the sandboxed account
            win.tabs.setCurrentWidget(kit)
            wait_until(lambda: bool(kit.plan) and kit.run_button.isEnabled())
            kit.language.setCurrentIndex(kit.language.findData(language))  # one language: fewer flows to pace
            wait_until(lambda: bool(kit.plan) and kit.run_button.isEnabled())
            kit.start()
            wait_until(lambda: kit.report is not None and not kit.running)
            shot("4-kit", win)
        win.tabs.setCurrentIndex(0)
        runs.open_selected_run()
        wait_until(lambda: runs.run_dialog is not None and runs.run_dialog.isVisible())
        assert runs.run_dialog is not None
        shot("5-rejected-rows", runs.run_dialog)
        runs.close_dialog()
        shots += setup_shots(win, outdir, language)
    del app
    return shots
