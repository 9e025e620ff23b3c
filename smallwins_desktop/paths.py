"""Where Small Wins keeps its files.

The data dir holds the database and its backups. It is chosen, first match wins, from an
explicit `--data-dir`, the `SMALLWINS_DATA_DIR` environment variable, and the platform's user
data dir (platformdirs). The runtime dir holds the single-instance socket; it is private to
the user and never shared between data dirs.

Nothing here touches the disk at import time; `ensure_private_dir` is the one place that
creates a directory, with mode 0700.

`smallwins capture` and `smallwins add` with the app running need only the socket's name, so
the `_text` forms answer in plain strings: this module imports neither pathlib nor hashlib
(with the `re` and OpenSSL they load, ~5 ms of a fast path whose budget is ~8 ms).
"""

from __future__ import annotations

import os
import stat

TYPE_CHECKING = False  # typing, too, is more than the fast path may spend
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "smallwins"
DATA_DIR_ENV = "SMALLWINS_DATA_DIR"
DATABASE_NAME = "smallwins.db"
BACKUP_DIR_NAME = "backups"
PRIVATE_DIR_MODE = 0o700


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data dir for this run: `override`, else $SMALLWINS_DATA_DIR, else the platform's."""
    from pathlib import Path

    return Path(data_dir_text(override))


def data_dir_text(override: str | os.PathLike[str] | None = None) -> str:
    """`data_dir` as an absolute, resolved path string."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return os.path.realpath(os.path.expanduser(os.fspath(chosen)))
    import platformdirs

    return str(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(directory: Path) -> Path:
    return directory / DATABASE_NAME


def backup_dir(directory: Path) -> Path:
    return directory / BACKUP_DIR_NAME


def runtime_dir() -> Path:
    from pathlib import Path

    return Path(runtime_dir_text())


def runtime_dir_text() -> str:
    """A per-user directory for sockets: platformdirs' runtime dir.

    That is $XDG_RUNTIME_DIR/smallwins on Linux, and where the session has none, a
    `/tmp/runtime-<uid>` fallback that anyone could have created first: `ipc` checks who owns
    the directory (and its parent) before it sends or listens on anything there.
    """
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and os.path.isabs(base) and os.path.isdir(base):  # what platformdirs returns too,
        return os.path.join(base, APP_NAME)  # without importing it on the fast path
    import warnings

    import platformdirs

    with warnings.catch_warnings():  # "XDG_RUNTIME_DIR is not set": handled by the check
        warnings.simplefilter("ignore")
        try:
            return str(platformdirs.user_runtime_dir(APP_NAME, appauthor=False))
        except PermissionError:  # it refused a fallback someone else made: so will `ipc`
            import tempfile

            return os.path.join(tempfile.gettempdir(), f"runtime-{os.getuid()}", APP_NAME)


def instance_key(directory: str | os.PathLike[str]) -> str:
    """A short name derived from the user and the data dir, so that two profiles never meet.

    It names the app's socket, so it must never change between versions: an app still
    running from before an upgrade would not be found, and a second one would start."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(getattr(os, "getuid", int)())
    key = f"{user}\0{os.path.realpath(directory)}".encode("utf-8", "surrogateescape")
    return _sha256_hex(key)[:16]


def _sha256_hex(data: bytes) -> str:
    """SHA-256 from CPython's own implementation, the one hashlib falls back to: hashlib
    itself loads OpenSSL first, which costs the `capture`/`add` fast path ~3 ms."""
    try:
        from _sha2 import sha256  # Python 3.12 and later
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.10 and 3.11
        except ImportError:  # a build without it: hashlib has one
            from hashlib import sha256
    return sha256(data).hexdigest()


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and any missing parents, also 0700) and make it the user's alone."""
    if not path.parent.exists():
        ensure_private_dir(path.parent)
    path.mkdir(exist_ok=True, mode=PRIVATE_DIR_MODE)
    if os.name != "nt" and stat.S_IMODE(path.stat().st_mode) != PRIVATE_DIR_MODE:
        path.chmod(PRIVATE_DIR_MODE)
    return path
