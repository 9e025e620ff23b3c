"""Where Small Wins keeps its files.

The data dir holds the database and its backups. It is chosen, first match wins, from an
explicit `--data-dir`, the `SMALLWINS_DATA_DIR` environment variable, and the platform's user
data dir (platformdirs). The runtime dir holds the single-instance socket; it is private to
the user and never shared between data dirs.

Nothing here touches the disk at import time; `ensure_private_dir` is the one place that
creates a directory, with mode 0700.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

APP_NAME = "smallwins"
DATA_DIR_ENV = "SMALLWINS_DATA_DIR"
DATABASE_NAME = "smallwins.db"
BACKUP_DIR_NAME = "backups"
PRIVATE_DIR_MODE = 0o700


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data dir for this run: `override`, else $SMALLWINS_DATA_DIR, else the platform's."""
    if override:
        return Path(override).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(directory: Path) -> Path:
    return directory / DATABASE_NAME


def backup_dir(directory: Path) -> Path:
    return directory / BACKUP_DIR_NAME


def runtime_dir() -> Path:
    """A per-user directory for sockets: platformdirs' runtime dir.

    That is $XDG_RUNTIME_DIR/smallwins on Linux, and where the session has none, a
    `/tmp/runtime-<uid>` fallback that anyone could have created first: `ipc` checks who owns
    the directory (and its parent) before it sends or listens on anything there.
    """
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and os.path.isabs(base) and Path(base).is_dir():  # what platformdirs returns too,
        return Path(base) / APP_NAME  # without importing it on the `capture`/`add` fast path
    import warnings

    import platformdirs

    with warnings.catch_warnings():  # "XDG_RUNTIME_DIR is not set": handled by the check
        warnings.simplefilter("ignore")
        try:
            return Path(platformdirs.user_runtime_dir(APP_NAME, appauthor=False))
        except PermissionError:  # it refused a fallback someone else made: so will `ipc`
            import tempfile

            return Path(tempfile.gettempdir()) / f"runtime-{os.getuid()}" / APP_NAME


def instance_key(directory: Path) -> str:
    """A short name derived from the user and the data dir, so that two profiles never meet."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(getattr(os, "getuid", int)())
    digest = hashlib.sha256(f"{user}\0{directory.resolve()}".encode()).hexdigest()
    return digest[:16]


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and any missing parents, also 0700) and make it the user's alone."""
    if not path.parent.exists():
        ensure_private_dir(path.parent)
    path.mkdir(exist_ok=True, mode=PRIVATE_DIR_MODE)
    if os.name != "nt" and stat.S_IMODE(path.stat().st_mode) != PRIVATE_DIR_MODE:
        path.chmod(PRIVATE_DIR_MODE)
    return path
