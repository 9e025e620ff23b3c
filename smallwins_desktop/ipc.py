"""The single-instance protocol, usable without Qt (plain sockets).

The running app listens on a per-user local socket whose name derives from the user and the
data dir (`paths.instance_key`), inside a 0700 runtime dir, so profiles and tests never meet.
A client sends one JSON object per line and reads one JSON object back:

    -> {"v": 1, "cmd": "show_capture", "activation_token": "..."}   (token: Wayland, optional)
    <- {"v": 1, "ok": true}
    -> {"v": 1, "cmd": "add", "text": "Fixed the login test #qa", "today": "2026-11-20"}
    <- {"v": 1, "ok": true, "message": "Saved: ...", "notes": [...]}
    <- {"v": 1, "ok": false, "error": "Nothing to save: write what moved forward."}

`request` returns None when no instance answers, so the caller can fall back (write the
database directly, or start the app). This module must not import Qt or peewee: `smallwins
add` uses it on its fast path.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import struct
import sys
from collections.abc import Callable
from pathlib import Path

from smallwins_desktop import paths

TYPE_CHECKING = False  # the typing module costs `smallwins add` ~1 ms that it need not pay
if TYPE_CHECKING:
    from typing import Any

PROTOCOL_VERSION = 1
CONNECT_TIMEOUT_S = 0.5
# Longer than anything the app may wait on (busy_timeout is 5 s); a reply lost anyway is
# safe, because an add carries a client-made id that the store keeps unique.
REPLY_TIMEOUT_S = 30.0
MAX_MESSAGE_BYTES = 64 * 1024
_UNIX_PATH_MAX = 100  # sun_path is 104-108 bytes depending on the platform; stay under both.


class UnsafeSocketDirError(OSError):
    """The socket's directory is not the user's own private directory: never use it."""


class UnsafePeerError(OSError):
    """The process at the other end of the socket is another user's: tell it nothing."""


class ProtocolError(Exception):
    """A message that is not one JSON object on one line with a known version."""


def socket_name(data_dir: Path) -> str:
    """What the app listens on: a socket path on POSIX, a pipe name on Windows."""
    key = f"smallwins-{paths.instance_key(data_dir)}"
    if sys.platform == "win32":
        return key
    path = paths.runtime_dir() / f"{key}.sock"
    if len(os.fsencode(path)) > _UNIX_PATH_MAX:
        import tempfile

        path = Path(tempfile.gettempdir()) / f"smallwins-{os.getuid()}" / f"{key}.sock"
    return str(path)


def prepare_socket_dir(name: str) -> None:
    if sys.platform != "win32":
        directory = Path(name).parent
        try:
            paths.ensure_private_dir(directory)
        except PermissionError as error:
            raise UnsafeSocketDirError(
                f"{directory} belongs to someone else; Small Wins will not use it"
            ) from error
        check_socket_dir(directory)


def check_socket_dir(directory: Path) -> None:
    """Refuse a socket dir another user owns or others may enter: they could read every
    win sent through it, or pose as the app. Its parent must not be another user's either
    (they could swap the directory), which matters for the `/tmp/runtime-<uid>` fallback."""
    if sys.platform == "win32":
        return
    info = directory.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeSocketDirError(f"{directory} is not a directory; Small Wins will not use it")
    if info.st_uid != os.getuid():
        raise UnsafeSocketDirError(
            f"{directory} belongs to another user (uid {info.st_uid}); Small Wins will not use it"
        )
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise UnsafeSocketDirError(
            f"{directory} is open to other users (mode {stat.S_IMODE(info.st_mode):o}); "
            "Small Wins will not use it"
        )
    parent = directory.parent.stat()
    if parent.st_uid not in (os.getuid(), 0):
        raise UnsafeSocketDirError(
            f"{directory.parent} belongs to another user (uid {parent.st_uid}); "
            "Small Wins will not use it"
        )
    if parent.st_mode & 0o022 and not parent.st_mode & stat.S_ISVTX:
        raise UnsafeSocketDirError(
            f"others may rename entries in {directory.parent}; Small Wins will not use it"
        )


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the process at the other end of a local socket; None where the
    platform cannot say (then the 0700 directory is the only guard)."""
    if not hasattr(socket, "SO_PEERCRED"):
        return None
    creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return int(uid)


def check_peer(sock: socket.socket) -> None:
    """Refuse a peer that runs as another user (Linux: `SO_PEERCRED`)."""
    uid = peer_uid(sock)
    if uid is not None and uid != os.getuid():
        raise UnsafePeerError(f"the other end of the socket runs as another user (uid {uid})")


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps({"v": PROTOCOL_VERSION, **message}, ensure_ascii=False).encode() + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    """Parse one line; raises ProtocolError with a message fit to send back."""
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ProtocolError(f"not JSON: {error}") from error
    if not isinstance(message, dict):
        raise ProtocolError("expected a JSON object")
    if message.get("v") != PROTOCOL_VERSION:
        raise ProtocolError(f"unsupported protocol version {message.get('v')!r}")
    return message


ACTIVATION_TOKEN_ENV = "XDG_ACTIVATION_TOKEN"


def show_window_message(cmd: str) -> dict[str, Any]:
    """A request to show a window, carrying the launcher's Wayland activation token (set by
    the desktop for the shortcut or launcher that started us), so that the running app's
    window may take the focus instead of only asking for attention."""
    message: dict[str, Any] = {"cmd": cmd}
    token = os.environ.get(ACTIVATION_TOKEN_ENV)
    if token:
        message["activation_token"] = token
    return message


def request(
    data_dir: Path, message: dict[str, Any], *, timeout: float = REPLY_TIMEOUT_S
) -> dict[str, Any] | None:
    """Send `message` to the running instance; None when there is none (or it is not alive)."""
    return send(socket_name(data_dir), message, timeout=timeout)


def send(
    name: str, message: dict[str, Any], *, timeout: float = REPLY_TIMEOUT_S
) -> dict[str, Any] | None:
    """`request` by socket name. Nothing is sent through a socket dir that is not the
    user's own private directory."""
    try:
        if sys.platform == "win32":
            reply = _exchange_pipe(name, encode(message))
        else:
            reply = _exchange_unix(name, encode(message), timeout)
    except (UnsafeSocketDirError, UnsafePeerError) as error:
        import logging

        logging.getLogger(__name__).warning("nothing sent to %s: %s", name, error)
        return None
    except OSError:
        return None
    if not reply:
        return None
    try:
        return decode(reply)
    except ProtocolError:
        return None


def is_alive(name: str, *, timeout: float) -> bool:
    """Whether an instance listens on `name`: it answers a ping, or it took the connection but
    did not answer within `timeout` (busy starting up, say: alive all the same, and its socket
    must never be taken over). Only a socket nobody listens on (a crash leaves its file
    behind) refuses the connection."""
    if sys.platform == "win32":
        return send(name, {"cmd": "ping"}, timeout=timeout) is not None
    try:
        _exchange_unix(name, encode({"cmd": "ping"}), timeout)
    except TimeoutError:
        return True
    except (UnsafeSocketDirError, UnsafePeerError):
        return True  # someone is there; not a socket to remove
    except OSError:
        return False
    return True


def _exchange_unix(name: str, payload: bytes, timeout: float) -> bytes:
    if not os.path.exists(name):
        raise FileNotFoundError(name)
    check_socket_dir(Path(name).parent)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(CONNECT_TIMEOUT_S)
        sock.connect(name)
        check_peer(sock)  # before a byte of the message leaves
        sock.settimeout(timeout)
        # The app may hang up at once (too busy to serve us): its one line is still to be read.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(payload)
        try:
            return _read_line(sock.recv)
        except ConnectionResetError:
            return b""


def _read_line(read: Callable[[int], bytes]) -> bytes:
    """The first line of a reply, read in chunks until a newline, EOF or the size limit."""
    data = b""
    while b"\n" not in data and len(data) < MAX_MESSAGE_BYTES:
        chunk = read(4096)
        if not chunk:
            break
        data += chunk
    return data.split(b"\n", 1)[0]


def _exchange_pipe(name: str, payload: bytes) -> bytes:  # pragma: no cover - Windows only
    with open(rf"\\.\pipe\{name}", "r+b", buffering=0) as pipe:
        pipe.write(payload)
        return _read_line(pipe.read)
