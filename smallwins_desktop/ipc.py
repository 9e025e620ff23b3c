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
database directly, or start the app).

`smallwins capture` and `add` talk to the app through this module on their fast path, whose
budget is about what Python itself takes to start, so it imports only os and sys up front:
- the socket is `_socket`, the C module under `socket`, whose enums cost ~6 ms to import;
- a request, a flat object of strings and numbers, is written without the json module (with
  the `re` it loads, another ~6 ms); json reads the reply, once the request is on its way;
- paths come from `paths`' string forms, without pathlib.
Qt and peewee are never imported here.
"""

from __future__ import annotations

import os
import sys

from smallwins_desktop import paths

TYPE_CHECKING = False  # the typing module costs the fast path ~1 ms that it need not pay
if TYPE_CHECKING:
    from collections.abc import Callable
    from socket import socket as Socket
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


def socket_name(data_dir: str | os.PathLike[str]) -> str:
    """What the app listens on: a socket path on POSIX, a pipe name on Windows."""
    key = f"smallwins-{paths.instance_key(data_dir)}"
    if sys.platform == "win32":
        return key
    path = os.path.join(paths.runtime_dir_text(), f"{key}.sock")
    if len(os.fsencode(path)) > _UNIX_PATH_MAX:
        import tempfile

        path = os.path.join(tempfile.gettempdir(), f"smallwins-{os.getuid()}", f"{key}.sock")
    return path


def prepare_socket_dir(name: str) -> None:
    if sys.platform != "win32":
        from pathlib import Path

        directory = Path(name).parent
        try:
            paths.ensure_private_dir(directory)
        except PermissionError as error:
            raise UnsafeSocketDirError(
                f"{directory} belongs to someone else; Small Wins will not use it"
            ) from error
        check_socket_dir(directory)


def check_socket_dir(directory: str | os.PathLike[str]) -> None:
    """Refuse a socket dir another user owns or others may enter: they could read every
    win sent through it, or pose as the app. Its parent must not be another user's either
    (they could swap the directory), which matters for the `/tmp/runtime-<uid>` fallback."""
    if sys.platform == "win32":
        return
    import stat

    directory = os.fspath(directory)
    info = os.lstat(directory)
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
    above = os.path.dirname(os.path.abspath(directory))
    parent = os.stat(above)
    if parent.st_uid not in (os.getuid(), 0):
        raise UnsafeSocketDirError(
            f"{above} belongs to another user (uid {parent.st_uid}); Small Wins will not use it"
        )
    if parent.st_mode & 0o022 and not parent.st_mode & stat.S_ISVTX:
        raise UnsafeSocketDirError(
            f"others may rename entries in {above}; Small Wins will not use it"
        )


def peer_uid(sock: Socket) -> int | None:
    """The user id of the process at the other end of a local socket; None where the
    platform cannot say (then the 0700 directory is the only guard)."""
    import _socket

    if not hasattr(_socket, "SO_PEERCRED"):
        return None
    # struct ucred: pid_t pid, uid_t uid, gid_t gid, each 32 bits in the machine's order
    creds = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, 12)
    return int.from_bytes(creds[4:8], sys.byteorder)


def check_peer(sock: Socket) -> None:
    """Refuse a peer that runs as another user (Linux: `SO_PEERCRED`)."""
    uid = peer_uid(sock)
    if uid is not None and uid != os.getuid():
        raise UnsafePeerError(f"the other end of the socket runs as another user (uid {uid})")


# How json.dumps(ensure_ascii=False) writes these characters inside a string.
_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x20)}
_ESCAPES.update(
    {ord('"'): '\\"', ord("\\"): "\\\\", ord("\b"): "\\b", ord("\f"): "\\f"}
    | {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
)


def encode(message: dict[str, Any]) -> bytes:
    """`message` as its line: JSON, byte for byte as json.dumps(ensure_ascii=False) writes it.
    A flat object of strings, integers, booleans and nulls (every request) is written here,
    without the json module; anything else, and text that is not valid Unicode (a lone
    surrogate, from command-line bytes that did not decode), goes through json."""
    full = {"v": PROTOCOL_VERSION, **message}
    if all(type(key) is str and type(value) in _FLAT for key, value in full.items()):
        fields = ", ".join(f"{_string(key)}: {_scalar(value)}" for key, value in full.items())
        try:
            return f"{{{fields}}}\n".encode()
        except UnicodeEncodeError:
            pass
    import json

    try:
        return json.dumps(full, ensure_ascii=False).encode() + b"\n"
    except UnicodeEncodeError:
        return json.dumps(full).encode() + b"\n"  # \ud8xx escapes: the reader sees what we saw


_FLAT = (str, int, bool, type(None))


def _string(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"'


def _scalar(value: str | int | bool | None) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    return _string(value) if type(value) is str else str(value)


def decode(line: bytes) -> dict[str, Any]:
    """Parse one line; raises ProtocolError with a message fit to send back."""
    if line == _PLAIN_OK:  # the usual answer to `capture`: no json import while the app paints
        return {"v": PROTOCOL_VERSION, "ok": True}
    import json

    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ProtocolError(f"not JSON: {error}") from error
    if not isinstance(message, dict):
        raise ProtocolError("expected a JSON object")
    if message.get("v") != PROTOCOL_VERSION:
        raise ProtocolError(f"unsupported protocol version {message.get('v')!r}")
    return message


_PLAIN_OK = encode({"ok": True}).rstrip(b"\n")

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
    data_dir: str | os.PathLike[str], message: dict[str, Any], *, timeout: float = REPLY_TIMEOUT_S
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
    import _socket  # not `socket`: see the module's docstring

    if not os.path.exists(name):
        raise FileNotFoundError(name)
    check_socket_dir(os.path.dirname(name))
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(CONNECT_TIMEOUT_S)
        sock.connect(name)
        check_peer(sock)  # before a byte of the message leaves
        sock.settimeout(timeout)
        try:  # noqa: SIM105 - contextlib.suppress would cost the fast path its import
            sock.sendall(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the app may hang up at once (too busy to serve us): its line is still to read
        try:
            return _read_line(sock.recv)
        except ConnectionResetError:
            return b""
    finally:
        sock.close()


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
