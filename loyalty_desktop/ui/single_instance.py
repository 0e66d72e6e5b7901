"""One Loyalty Desktop per user and data folder: a second launch asks the running one to come
forward (over a QLocalSocket) and exits; it never opens a second app on the same store.

The server's name is per user and per data folder, so two users (or a demo on another folder) do
not meet. A socket left behind by a crashed app answers nobody: the launch removes it
(QLocalServer.removeServer) and becomes the running app."""

from __future__ import annotations

import getpass
import hashlib
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from loyalty_desktop.core import paths

log = logging.getLogger(__name__)

CONNECT_MS = 500
MESSAGE = b"show\n"


def server_name() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name (odd containers): the folder alone still separates
        user = ""
    digest = hashlib.sha256(f"{user}\0{paths.data_dir().resolve()}".encode()).hexdigest()[:20]
    return f"loyalty-desktop-{digest}"


class SingleInstance(QObject):
    activated = Signal()  # another launch asked this one to come forward

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """True: this is the one instance (it now listens). False: another runs and was told to
        come forward; the caller exits."""
        if self._tell_running():
            return False
        QLocalServer.removeServer(self.name)  # a crash's leftover socket, or nothing
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Two launches at the same instant: the other one won; tell it, else run anyway.
            log.info("single-instance server not started: %s", server.errorString())
            return not self._tell_running()
        server.newConnection.connect(self._connection)
        self.server = server
        return True

    def _tell_running(self) -> bool:
        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(CONNECT_MS):
            return False
        sock.write(MESSAGE)
        sock.flush()
        sock.waitForBytesWritten(CONNECT_MS)
        sock.disconnectFromServer()
        if sock.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            sock.waitForDisconnected(CONNECT_MS)
        return True

    def _connection(self) -> None:
        assert self.server is not None
        while (sock := self.server.nextPendingConnection()) is not None:
            # A launch writes a few bytes and hangs up: read them here, then let the socket go.
            readable = sock.bytesAvailable() > 0 or sock.waitForReadyRead(CONNECT_MS)
            if readable and bytes(sock.readAll().data()).startswith(MESSAGE.strip()):
                self.activated.emit()
            sock.abort()
            sock.deleteLater()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
