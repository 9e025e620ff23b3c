"""`smallwins install-desktop` / `uninstall-desktop`: Small Wins in this user's application menu.

A pip or pipx install puts the `smallwins` command on disk but tells no desktop about it.
`install-desktop` copies the desktop entry, the AppStream metadata and the two themed icons
that ship inside the package (`resources/desktop`, `resources/icons`) into the user's
`$XDG_DATA_HOME` (default `~/.local/share`):

    applications/app.smallwins.SmallWins.desktop
    metainfo/app.smallwins.SmallWins.metainfo.xml
    icons/hicolor/scalable/apps/app.smallwins.SmallWins.svg
    icons/hicolor/symbolic/apps/app.smallwins.SmallWins-symbolic.svg

The installed entry's Exec and TryExec name the `smallwins` command in use by its absolute
path (a launcher may not have the user's PATH), with `--data-dir` when this run uses a data
dir other than the default. The entry lists the other files it brought
(`X-SmallWins-Installed`), so `uninstall-desktop` removes exactly those and nothing else, and
refuses to touch an entry it did not write. Afterwards the desktop's caches are refreshed
with `update-desktop-database` and `gtk-update-icon-cache` where those tools are installed
(the icon cache only where one already exists); a missing or failing tool is a note, not an
error. Standard library only: no Qt, no peewee.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from smallwins_desktop.cli.common import EXIT_OK, UserError, data_dir_of
from smallwins_desktop.resources import APP_ID, resource_path

INSTALLED_KEY = "X-SmallWins-Installed"
PROGRAM = "smallwins"  # the command the shipped entry's Exec lines start with
TOOL_TIMEOUT_S = 60


@dataclass(frozen=True)
class Shipped:
    """One file the package ships and where it goes, relative to $XDG_DATA_HOME."""

    source: tuple[str, ...]  # under resources/
    target: str


DESKTOP_ENTRY = Shipped(("desktop", f"{APP_ID}.desktop"), f"applications/{APP_ID}.desktop")
OTHER_FILES = (
    Shipped(("desktop", f"{APP_ID}.metainfo.xml"), f"metainfo/{APP_ID}.metainfo.xml"),
    Shipped(("icons", "smallwins.svg"), f"icons/hicolor/scalable/apps/{APP_ID}.svg"),
    Shipped(
        ("icons", "smallwins-symbolic.svg"),
        f"icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg",
    ),
)


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share where it is unset or not absolute (XDG spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def desktop_entry_text(shipped: str, command: Sequence[str], installed: Sequence[str]) -> str:
    """The shipped entry with every Exec starting `command` instead of `smallwins`, TryExec
    naming its program, and the list of the other files installed with it."""
    from smallwins_desktop.app.autostart import desktop_exec

    lines = []
    group = None
    for line in shipped.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            group = stripped[1:-1]
        key, sep, value = line.partition("=")
        key = key.strip()
        if sep and key == "Exec":
            program, *arguments = value.split()
            if program != PROGRAM or any(not a.isidentifier() for a in arguments):
                raise UserError(f"the packaged desktop entry has an unexpected Exec line: {line}")
            line = f"Exec={desktop_exec([*command, *arguments])}"
        elif sep and key == "TryExec":
            line = "TryExec=" + command[0].replace("\\", "\\\\")  # a plain string value
        lines.append(line)
        if group == "Desktop Entry" and sep and key == "Type":
            lines.append(f"{INSTALLED_KEY}={''.join(f'{path};' for path in installed)}")
    return "\n".join(lines) + "\n"


def installed_files(entry_text: str) -> list[str] | None:
    """The files an entry written by `install-desktop` says it brought; None for another's."""
    group = None
    for line in entry_text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            group = stripped[1:-1]
            continue
        key, sep, value = stripped.partition("=")
        if group == "Desktop Entry" and sep and key.strip() == INSTALLED_KEY:
            return [path for path in value.strip().split(";") if _is_plain_relative(path)]
    return None


def _is_plain_relative(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts


def _source(shipped: Shipped) -> Path:
    path = resource_path(*shipped.source)
    if not path.is_file():
        raise UserError(
            f"this Small Wins was installed without its desktop files ({path} is missing); "
            "reinstall the package"
        )
    return path


def _write_whole(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _require_xdg() -> None:
    if sys.platform in ("win32", "darwin"):
        raise UserError(
            "install-desktop is for Linux and other freedesktop.org desktops; "
            "see packaging/README.md for Windows and macOS"
        )


def _ours(entry_path: Path, otherwise: str) -> list[str] | None:
    """The files an entry that `install` wrote lists; None when there is no entry. An entry
    someone else wrote is refused (`otherwise` says what was done instead)."""
    try:
        text = entry_path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):  # no entry (not even its folder)
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"cannot read {entry_path}: {error}") from error
    listed = installed_files(text)
    if listed is None:
        raise UserError(f"{entry_path} was not written by `smallwins install-desktop`; {otherwise}")
    return listed


def install(home: Path, command: Sequence[str]) -> list[Path]:
    """Install the desktop files under `home`; the paths written, the desktop entry first."""
    entry_path = home / DESKTOP_ENTRY.target
    earlier = _ours(entry_path, "nothing was changed (move it away to install)") or []
    sources = [(shipped, _source(shipped)) for shipped in (DESKTOP_ENTRY, *OTHER_FILES)]
    entry_path.parent.mkdir(parents=True, exist_ok=True)  # where it fails, nothing is written
    written = []
    for shipped, source in sources[1:]:
        target = home / shipped.target
        _write_whole(target, source.read_bytes())
        written.append(target)
    text = desktop_entry_text(
        sources[0][1].read_text(encoding="utf-8"),
        command,
        [shipped.target for shipped in OTHER_FILES],
    )
    _write_whole(entry_path, text.encode("utf-8"))
    for relative in set(earlier) - {shipped.target for shipped in OTHER_FILES}:
        (home / relative).unlink(missing_ok=True)  # an older version's file, no longer shipped
    return [entry_path, *written]


def uninstall(home: Path) -> list[Path] | None:
    """Remove what `install` wrote under `home`; the paths removed, None if not installed."""
    entry_path = home / DESKTOP_ENTRY.target
    listed = _ours(entry_path, "it was left as it is")
    if listed is None:
        return None
    removed = []
    for relative in listed:
        path = home / relative
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
    entry_path.unlink()
    return [entry_path, *removed]


def refresh_caches(home: Path) -> list[str]:
    """Let the desktop notice the change; notes about tools that are missing or failed."""
    notes = []
    applications = home / "applications"
    hicolor = home / "icons" / "hicolor"
    runs: list[list[str]] = []
    if applications.is_dir():
        runs.append(["update-desktop-database", "--quiet", str(applications)])
    if (hicolor / "icon-theme.cache").is_file():
        runs.append(
            ["gtk-update-icon-cache", "--quiet", "--force", "--ignore-theme-index", str(hicolor)]
        )
    for argv in runs:
        tool = shutil.which(argv[0])
        if tool is None:
            notes.append(f"{argv[0]} is not installed; the menu may update at the next login")
            continue
        try:
            done = subprocess.run(
                [tool, *argv[1:]],
                capture_output=True,
                text=True,
                timeout=TOOL_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            notes.append(f"{argv[0]} did not run: {error}")
            continue
        if done.returncode != 0:
            said = (done.stderr or done.stdout).strip().splitlines()
            notes.append(f"{argv[0]} failed: {said[-1] if said else f'exit {done.returncode}'}")
    if hicolor.is_dir():
        with contextlib.suppress(OSError):
            os.utime(hicolor)  # icon themes watch the theme folder's time
    return notes


def cmd_install_desktop(args: argparse.Namespace) -> int:
    _require_xdg()
    from smallwins_desktop.app.command_line import as_text, own_command

    home = data_home()
    command = own_command(data_dir_of(args))
    try:
        written = install(home, command)
    except OSError as error:
        raise UserError(
            f"cannot install into {home}: {error.strerror or error}"
            + (f" ({error.filename})" if error.filename else "")
        ) from error
    print("Small Wins is in the application menu of this user:")
    for path in written:
        print(f"  {path}")
    print(f"It starts: {as_text(command)}")
    for note in refresh_caches(home):
        print(f"Note: {note}", file=sys.stderr)
    return EXIT_OK


def cmd_uninstall_desktop(args: argparse.Namespace) -> int:
    _require_xdg()
    home = data_home()
    try:
        removed = uninstall(home)
    except OSError as error:
        raise UserError(f"cannot remove from {home}: {error.strerror or error}") from error
    if removed is None:
        print(
            f"Small Wins was not in the application menu of this user "
            f"({home / DESKTOP_ENTRY.target} does not exist); nothing to remove."
        )
        return EXIT_OK
    print("Small Wins is no longer in the application menu; removed:")
    for path in removed:
        print(f"  {path}")
    print("Your wins and settings are kept.")
    for note in refresh_caches(home):
        print(f"Note: {note}", file=sys.stderr)
    return EXIT_OK
