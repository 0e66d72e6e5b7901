"""Whether the computer is online, as far as Qt can tell (QNetworkInformation: NetworkManager,
connman, Windows and macOS backends). Where no backend loads, the answer is "maybe" (online) and
the automatic sync falls back on retrying with back-off."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class NetworkWatch(QObject):
    back_online = Signal()  # the network came back after being down

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._info: object | None = None
        self._was_online = True
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend() or QNetworkInformation.loadBackendByFeatures(
                    QNetworkInformation.Feature.Reachability):
                info = QNetworkInformation.instance()
                if info is not None:
                    self._info = info
                    info.reachabilityChanged.connect(self._changed)
                    self._was_online = self.online()
        except Exception:
            log.info("no network-status backend; offline runs are retried with back-off", exc_info=True)

    def online(self) -> bool:
        """False only when the backend knows the computer is offline."""
        if self._info is None:
            return True
        from PySide6.QtNetwork import QNetworkInformation

        reach = self._info.reachability()  # type: ignore[attr-defined]
        return bool(reach != QNetworkInformation.Reachability.Disconnected)

    def _changed(self, _reach: object) -> None:
        now_online = self.online()
        if now_online and not self._was_online:
            self.back_online.emit()
        self._was_online = now_online
