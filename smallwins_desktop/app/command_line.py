"""The command that starts this very Small Wins, for a desktop shortcut or a login item.

It names the installed `smallwins` script by its full path (a login session may not have
the user's PATH), the frozen executable when packaged, or else this Python running the
package; and adds `--data-dir` when the data lives somewhere other than the default, so a
second profile's shortcut opens that profile.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from smallwins_desktop import paths


def own_command(data_dir: Path, *, gui: bool = False) -> list[str]:
    """argv that starts Small Wins on `data_dir`; `gui` prefers the console-less launcher
    (Windows' `smallwins-tray.exe`)."""
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        command = _script(gui) or [sys.executable, "-m", "smallwins_desktop"]
    if data_dir != _default_data_dir():
        command += ["--data-dir", str(data_dir)]
    return command


def this_program() -> list[str]:
    """argv that runs this same Small Wins again, for a relaunch (`restore --start`): the
    frozen executable itself when packaged, else this Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "smallwins_desktop"]


def as_text(argv: list[str]) -> str:
    """The command as one line a person can paste into a shortcut dialog."""
    if os.name == "nt":
        return subprocess.list2cmdline(argv)
    return shlex.join(argv)


def _script(gui: bool) -> list[str] | None:
    names = ["smallwins-tray", "smallwins"] if gui else ["smallwins"]
    suffix = ".exe" if os.name == "nt" else ""
    for name in names:
        beside = Path(sys.executable).with_name(name + suffix)
        if beside.is_file():
            return [str(beside)]
        found = shutil.which(name)
        if found:
            return [str(Path(found).absolute())]
    return None


def _default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(paths.APP_NAME, appauthor=False))
