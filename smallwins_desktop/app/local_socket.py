"""The single-instance socket's server side on Unix: a Unix socket on Qt's event loop.

`LocalServer` and `LocalSocket` offer the few calls of QLocalServer and QLocalSocket that
`ipc_server.py` uses, and behave as those do, on a plain `socket` with QSocketNotifiers.
They exist so that the idle app does not load QtNetwork (and the Kerberos libraries it
links) for one local socket: ~3 MiB. Windows keeps QLocalServer (its named pipes).

What they keep from Qt: the socket file is made private to the user; `close()` removes it; a
failed `accept` (out of file descriptors, say) closes the server, which the caller's
watchdog notices and listens again; `abort()` and the peer hanging up emit `disconnected`;
`disconnectFromServer()` hangs up once what was written has been sent. Writes never block:
what the peer does not read yet waits in memory and goes when the socket is writable.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import socket

from PySide6.QtCore import QByteArray, QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

LISTEN_BACKLOG = 50  # QLocalServer's
MAX_PENDING = 30  # QLocalServer's maxPendingConnections: more wait in the backlog
READ_CHUNK = 65_536
_GONE = (errno.EPIPE, errno.ECONNRESET, errno.ENOTCONN)


class LocalSocket(QObject):
    """One accepted connection.

    Signals:
        readyRead: more bytes arrived (read them with `canReadLine`/`readLine`).
        disconnected: the connection is closed (by the peer, `abort` or
            `disconnectFromServer`); emitted once.
    """

    readyRead = Signal()
    disconnected = Signal()

    def __init__(self, sock: socket.socket, parent: QObject | None = None) -> None:
        super().__init__(parent)
        sock.setblocking(False)
        self._sock: socket.socket | None = sock
        self._incoming = bytearray()
        self._outgoing = bytearray()
        self._closing = False
        self._reader = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        self._reader.activated.connect(self._readable)
        self._writer = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Write, self)
        self._writer.setEnabled(False)
        self._writer.activated.connect(self._send)

    def socketDescriptor(self) -> int:
        return self._sock.fileno() if self._sock is not None else -1

    def canReadLine(self) -> bool:
        return b"\n" in self._incoming

    def readLine(self) -> QByteArray:
        """The next line, its newline included."""
        end = self._incoming.find(b"\n") + 1 or len(self._incoming)
        line = bytes(self._incoming[:end])
        del self._incoming[:end]
        return QByteArray(line)

    def bytesAvailable(self) -> int:
        return len(self._incoming)

    def write(self, data: bytes) -> None:
        if self._sock is None or self._closing:
            return
        self._outgoing += data
        self._send()

    def flush(self) -> None:
        self._send()

    def disconnectFromServer(self) -> None:
        """Hang up once everything written has been sent."""
        self._closing = True
        self._reader.setEnabled(False)  # nothing more is read from a connection that is ending
        if not self._outgoing:
            self._close()

    def abort(self) -> None:
        """Hang up now; anything not yet sent is dropped."""
        self._outgoing.clear()
        self._close()

    def _readable(self) -> None:
        """One read per wake-up (the loop calls again while more waits), so a client that
        streams cannot hold the app here; what it sends is checked between reads."""
        if self._sock is None or self._closing:
            return
        try:
            chunk = self._sock.recv(READ_CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:  # the peer hung up (or the connection broke)
            self._close()
            return
        self._incoming += chunk
        self.readyRead.emit()

    def _send(self) -> None:
        while self._sock is not None and self._outgoing:
            try:
                sent = self._sock.send(self._outgoing)
            except (BlockingIOError, InterruptedError):
                break
            except OSError as error:
                if error.errno not in _GONE:
                    log.warning("a reply could not be sent: %s", error)
                self.abort()
                return
            del self._outgoing[:sent]
        if self._sock is None:
            return
        self._writer.setEnabled(bool(self._outgoing))
        if self._closing and not self._outgoing:
            self._close()

    def _close(self) -> None:
        if self._sock is None:
            return
        self._reader.setEnabled(False)
        self._writer.setEnabled(False)
        sock, self._sock = self._sock, None
        sock.close()
        self._incoming.clear()  # a line read before the hang-up is not acted on after it
        self.disconnected.emit()


class LocalServer(QObject):
    """A listening Unix socket at a path, private to the user.

    Signals:
        newConnection: connections are waiting (`nextPendingConnection`).
    """

    newConnection = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sock: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._path = ""
        self._pending: list[LocalSocket] = []
        self._error = ""

    @staticmethod
    def removeServer(name: str) -> bool:
        """Remove the socket file at `name` (left by an instance that is gone)."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        return True

    def listen(self, name: str) -> bool:
        self.close()
        try:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        except OSError as error:  # no descriptor left, say: as QLocalServer, say so
            self._error = str(error)
            return False
        try:
            sock.bind(name)
            os.chmod(name, 0o600)
            sock.listen(LISTEN_BACKLOG)
        except OSError as error:
            sock.close()
            self._error = str(error)
            return False
        sock.setblocking(False)
        self._sock, self._path, self._error = sock, name, ""
        self._notifier = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return True

    def isListening(self) -> bool:
        return self._sock is not None

    def errorString(self) -> str:
        return self._error

    def hasPendingConnections(self) -> bool:
        return bool(self._pending)

    def nextPendingConnection(self) -> LocalSocket:
        taken = self._pending.pop(0)
        if self._notifier is not None:
            self._notifier.setEnabled(True)  # room again for what waits in the backlog
        return taken

    def close(self) -> None:
        """Stop listening and remove the socket file; pending connections are dropped."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None
            self.removeServer(self._path)
        for waiting in self._pending:
            waiting.abort()
            waiting.deleteLater()
        self._pending.clear()

    def _accept(self) -> None:
        accepted = False
        while self._sock is not None and len(self._pending) < MAX_PENDING:
            try:
                conn, _ = self._sock.accept()
            except (BlockingIOError, InterruptedError):
                break
            except OSError as error:  # as QLocalServer does: the server closes
                self._error = f"accept failed: {error}"
                self.close()
                break
            self._pending.append(LocalSocket(conn, self))
            accepted = True
        if self._notifier is not None and len(self._pending) >= MAX_PENDING:
            self._notifier.setEnabled(False)  # until the caller takes some
        if accepted:
            self.newConnection.emit()
