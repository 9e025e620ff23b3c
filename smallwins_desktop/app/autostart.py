"""Start at login: one small interface, one backend per platform.

- Linux and other XDG desktops: `$XDG_CONFIG_HOME/autostart/smallwins.desktop` (the XDG
  Autostart spec), whose Exec starts Small Wins with `--background`.
- Windows: the `Small Wins` value under `HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`,
  through a small `Registry` (the real one wraps `winreg`; tests pass a dict-backed one).
- macOS: a LaunchAgent, `~/Library/LaunchAgents/app.smallwins.plist`, with RunAtLoad; launchd
  reads it at the next login.

The truth is what the system holds, never a copy in our database: `is_enabled` reads the
file or the registry value every time, so the Settings checkbox shows what will really
happen at the next login (also after the user removed the entry by hand). Files are written
whole or not at all (a temp file renamed into place). Failures raise `AutostartError` with a
message a person can act on. No Qt here: this is plain files and the registry.
"""

from __future__ import annotations

import os
import plistlib
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

BACKGROUND_FLAG = "--background"
DESKTOP_FILE_NAME = "smallwins.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Small Wins"
LAUNCH_AGENT_LABEL = "app.smallwins"


class AutostartError(Exception):
    """Start at login could not be read or changed (the message says why and where)."""


class Autostart(Protocol):
    name: str

    def is_enabled(self) -> bool:
        """Whether Small Wins starts at the next login, as the system says now."""
        ...

    def enable(self, command: Sequence[str]) -> None:
        """Start `command` (plus `--background`) at login."""
        ...

    def disable(self) -> None:
        """Do not start at login (nothing to do when it was not set)."""
        ...

    def location(self) -> str:
        """Where the entry lives, for the Settings page."""
        ...


def _write_whole(path: Path, data: bytes) -> None:
    """Write `path` all at once: a temp file beside it, then renamed into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AutostartError(
            f"cannot write {path}: cannot make the folder {path.parent} ({error.strerror or error})"
        ) from error
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, 0o644)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise AutostartError(f"cannot write {path}: {error.strerror or error}") from error


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise AutostartError(f"cannot remove {path}: {error.strerror or error}") from error


# -- Linux: XDG autostart ------------------------------------------------------------------

_EXEC_RESERVED = re.compile(r'[\s"`$\\<>~|&;*?#()\']')


def desktop_exec(argv: Sequence[str]) -> str:
    """An Exec= line for `argv` (Desktop Entry spec: quote arguments that need it, escape
    `"`, `` ` ``, `$` and `\\` inside quotes, and double `%`)."""
    parts = []
    for arg in argv:
        arg = arg.replace("%", "%%")
        if arg and not _EXEC_RESERVED.search(arg):
            parts.append(arg)
            continue
        escaped = re.sub(r'(["`$\\])', r"\\\1", arg)
        parts.append(f'"{escaped}"')
    # The file format escapes a backslash once more (spec: "string" values).
    return " ".join(parts).replace("\\", "\\\\")


class XdgAutostart:
    name = "xdg"

    def __init__(self, config_home: Path | None = None, icon: str = "smallwins") -> None:
        base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        self.path = base / "autostart" / DESKTOP_FILE_NAME
        self._icon = icon

    def location(self) -> str:
        return str(self.path)

    def is_enabled(self) -> bool:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return False
        except OSError as error:
            raise AutostartError(f"cannot read {self.path}: {error.strerror}") from error
        entries = _desktop_entries(text)
        return (
            entries.get("Hidden", "false").lower() != "true"
            and entries.get("X-GNOME-Autostart-enabled", "true").lower() != "false"
            and bool(entries.get("Exec"))
        )

    def exec_line(self) -> str | None:
        """The Exec= value of the installed entry, if any."""
        try:
            return _desktop_entries(self.path.read_text(encoding="utf-8")).get("Exec")
        except OSError:
            return None

    def enable(self, command: Sequence[str]) -> None:
        argv = [*command, BACKGROUND_FLAG]
        text = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Small Wins\n"
            "Comment=Notice and celebrate your progress, one small win at a time\n"
            f"Exec={desktop_exec(argv)}\n"
            f"Icon={self._icon}\n"
            "Terminal=false\n"
            "Categories=Utility;\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        _write_whole(self.path, text.encode("utf-8"))

    def disable(self) -> None:
        _remove(self.path)


def _desktop_entries(text: str) -> dict[str, str]:
    """The keys of the [Desktop Entry] group."""
    found: dict[str, str] = {}
    group = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
            continue
        if group == "Desktop Entry" and "=" in line:
            key, _, value = line.partition("=")
            found[key.strip()] = value.strip()
    return found


# -- Windows: HKCU Run ---------------------------------------------------------------------


class Registry(Protocol):
    """The one registry key we use: string values under HKCU\\...\\Run."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class WinRegistry:
    """`Registry` over `winreg` (Windows only; imported when first used)."""

    def get(self, name: str) -> str | None:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            return


def windows_command_line(argv: Sequence[str]) -> str:
    """Quote as Windows' CommandLineToArgvW reads it back."""
    import subprocess

    return subprocess.list2cmdline(list(argv))


class WindowsRun:
    name = "windows-run"

    def __init__(self, registry: Registry | None = None) -> None:
        self._registry = registry or WinRegistry()

    def location(self) -> str:
        return f"HKEY_CURRENT_USER\\{RUN_KEY} ({RUN_VALUE})"

    def is_enabled(self) -> bool:
        try:
            return bool(self._registry.get(RUN_VALUE))
        except OSError as error:
            raise AutostartError(f"cannot read {self.location()}: {error}") from error

    def enable(self, command: Sequence[str]) -> None:
        try:
            self._registry.set(RUN_VALUE, windows_command_line([*command, BACKGROUND_FLAG]))
        except OSError as error:
            raise AutostartError(f"cannot write {self.location()}: {error}") from error

    def disable(self) -> None:
        try:
            self._registry.delete(RUN_VALUE)
        except OSError as error:
            raise AutostartError(f"cannot remove {self.location()}: {error}") from error


# -- macOS: a LaunchAgent ------------------------------------------------------------------


class MacLaunchAgent:
    name = "launch-agent"

    def __init__(self, home: Path | None = None) -> None:
        self.path = (
            (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        )

    def location(self) -> str:
        return str(self.path)

    def is_enabled(self) -> bool:
        try:
            with self.path.open("rb") as source:
                agent = plistlib.load(source)
        except FileNotFoundError:
            return False
        except (OSError, plistlib.InvalidFileException, ValueError) as error:
            raise AutostartError(f"cannot read {self.path}: {error}") from error
        return (
            isinstance(agent, dict)
            and bool(agent.get("RunAtLoad"))
            and not agent.get("Disabled", False)
            and bool(agent.get("ProgramArguments"))
        )

    def program_arguments(self) -> list[str]:
        with self.path.open("rb") as source:
            return list(plistlib.load(source).get("ProgramArguments", []))

    def enable(self, command: Sequence[str]) -> None:
        agent = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": [*command, BACKGROUND_FLAG],
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        _write_whole(self.path, plistlib.dumps(agent))

    def disable(self) -> None:
        _remove(self.path)


def for_platform(platform: str = sys.platform) -> Autostart:
    """The backend of this platform."""
    if platform == "win32":
        return WindowsRun()
    if platform == "darwin":
        return MacLaunchAgent()
    from smallwins_desktop.resources import resource_path

    return XdgAutostart(icon=str(resource_path("icons", "smallwins.svg")))
