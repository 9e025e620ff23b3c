"""The running app's end of the single-instance socket (`ipc.py` is the protocol).

Each connection sends one JSON object per line and gets one back. Commands are handled by
callables the composition root passes in; a bad message is answered with an error and never
reaches them, and nothing a client sends can crash the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from smallwins_desktop import ipc

log = logging.getLogger(__name__)

# A live instance answers a ping at once; one that does not within this is taken as gone.
PROBE_TIMEOUT_S = 2.0

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class IpcServer(QObject):
    """Listens on the per-user socket and dispatches commands.

    Signals:
        request_failed(str): a client sent something that could not be handled.
    """

    request_failed = Signal(str)

    def __init__(
        self, name: str, handlers: Mapping[str, Handler], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._handlers = {"ping": lambda _: {"ok": True}, **handlers}
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    @property
    def name(self) -> str:
        return self._name

    def listen(self) -> bool:
        """Start listening; False when another instance already answers on this name.

        A socket file is removed only when nobody answers on it (left by a crashed
        instance): removing a live server's socket would let two apps run side by side.
        """
        try:
            ipc.prepare_socket_dir(self._name)
        except ipc.UnsafeSocketDirError as error:
            log.error("%s", error)
            self.request_failed.emit(str(error))
            return False
        if ipc.send(self._name, {"cmd": "ping"}, timeout=PROBE_TIMEOUT_S) is not None:
            log.warning("another Small Wins already listens on %s", self._name)
            return False
        QLocalServer.removeServer(self._name)
        if not self._server.listen(self._name):
            log.error("cannot listen on %s: %s", self._name, self._server.errorString())
            return False
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data())
            socket.write(ipc.encode(self._dispatch(line)))
            socket.flush()
        if socket.bytesAvailable() > ipc.MAX_MESSAGE_BYTES:
            socket.write(ipc.encode({"ok": False, "error": "message too long"}))
            socket.disconnectFromServer()

    def _dispatch(self, line: bytes) -> dict[str, Any]:
        try:
            message = ipc.decode(line)
            handler = self._handlers.get(str(message.get("cmd")))
            if handler is None:
                raise ipc.ProtocolError(f"unknown command {message.get('cmd')!r}")
            return handler(message)
        except ipc.ProtocolError as error:
            self.request_failed.emit(str(error))
            return {"ok": False, "error": str(error)}
        except Exception as error:  # a client must never be able to crash the app
            log.exception("IPC command failed")
            self.request_failed.emit(str(error))
            return {"ok": False, "error": str(error)}
