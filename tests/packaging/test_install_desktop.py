"""`smallwins install-desktop` / `uninstall-desktop`, run as a user would, on a private
$XDG_DATA_HOME: what lands where, that it validates, and that uninstall takes back only that."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from smallwins_desktop.cli.desktop import desktop_entry_text, installed_files
from smallwins_desktop.resources import APP_ID, resource_path
from tests.packaging.tools import Validate, require_tool

SMALLWINS = Path(sys.executable).with_name("smallwins")
ENTRY = f"applications/{APP_ID}.desktop"
SCALABLE = f"icons/hicolor/scalable/apps/{APP_ID}.svg"
SYMBOLIC = f"icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg"
METAINFO = f"metainfo/{APP_ID}.metainfo.xml"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SMALLWINS), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def _entries(text: str, group: str = "Desktop Entry") -> dict[str, str]:
    found: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == group and "=" in line:
            key, _, value = line.partition("=")
            found[key] = value
    return found


def _read_exec(value: str) -> list[str]:
    """argv from an Exec value as the Desktop Entry spec reads it: the string escape
    (`\\\\` is one backslash), then words, where double quotes group and, inside them, a
    backslash escapes `"`, `` ` ``, `$` and itself; `%%` is a literal `%`."""
    value = value.replace("\\\\", "\\")
    words: list[str] = []
    word: str | None = None
    quoted = False
    chars = iter(value)
    for char in chars:
        if quoted:
            if char == "\\":
                char = next(chars)
            elif char == '"':
                quoted = False
                continue
        elif char == '"':
            quoted, word = True, word or ""
            continue
        elif char == " ":
            if word is not None:
                words.append(word)
            word = None
            continue
        if char == "%":
            char = next(chars)  # "%%" -> "%"; the field codes (%f, %U...) are not used here
        word = (word or "") + char
    if word is not None:
        words.append(word)
    return words


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_install_puts_the_entry_and_icons_in_the_menu_starting_this_smallwins(
    data_home: Path, data_dir: Path
) -> None:
    done = _run("install-desktop")

    assert done.returncode == 0, done.stderr
    assert "application menu" in done.stdout
    assert {ENTRY, SCALABLE, SYMBOLIC, METAINFO} <= _files(data_home)
    assert (data_home / SCALABLE).read_bytes() == resource_path(
        "icons", "smallwins.svg"
    ).read_bytes()
    assert (data_home / SYMBOLIC).read_bytes() == (
        resource_path("icons", "smallwins-symbolic.svg").read_bytes()
    )
    entry = (data_home / ENTRY).read_text(encoding="utf-8")
    main = _entries(entry)
    # The tests' data dir is not the default one, so the entry opens that data dir.
    assert _read_exec(main["Exec"]) == [str(SMALLWINS), "--data-dir", str(data_dir)]
    assert main["TryExec"] == str(SMALLWINS)
    assert Path(main["TryExec"]).is_absolute()
    assert main["Icon"] == APP_ID
    capture = _entries(entry, "Desktop Action capture")
    assert _read_exec(capture["Exec"]) == [str(SMALLWINS), "--data-dir", str(data_dir), "capture"]
    assert str(SMALLWINS) in done.stdout


def test_the_installed_entry_validates(data_home: Path, validate_desktop_entry: Validate) -> None:
    assert _run("install-desktop").returncode == 0
    validate_desktop_entry(data_home / ENTRY)


def test_the_default_data_dir_adds_no_option(data_home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_DATA_DIR"}
    done = _run("install-desktop", env=env)
    assert done.returncode == 0, done.stderr
    assert _entries((data_home / ENTRY).read_text(encoding="utf-8"))["Exec"] == str(SMALLWINS)


def test_uninstall_removes_only_what_install_wrote(data_home: Path) -> None:
    others = {
        "applications/org.example.Other.desktop": "[Desktop Entry]\nType=Application\n",
        "icons/hicolor/scalable/apps/org.example.Other.svg": "<svg/>",
        "icons/hicolor/symbolic/apps/org.example.Other-symbolic.svg": "<svg/>",
        "metainfo/org.example.Other.metainfo.xml": "<component/>",
    }
    for relative, text in others.items():
        (data_home / relative).parent.mkdir(parents=True, exist_ok=True)
        (data_home / relative).write_text(text, encoding="utf-8")
    before = _files(data_home)
    assert _run("install-desktop").returncode == 0
    assert _run("install-desktop").returncode == 0  # again: replaces its own files

    done = _run("uninstall-desktop")

    assert done.returncode == 0, done.stderr
    assert "no longer in the application menu" in done.stdout
    left = _files(data_home)
    assert not {ENTRY, SCALABLE, SYMBOLIC, METAINFO} & left
    # What remains is what was there, plus the caches the desktop tools keep up to date.
    assert before <= left
    assert {Path(p).name for p in left - before} <= {"mimeinfo.cache", "icon-theme.cache"}
    for relative, text in others.items():
        assert (data_home / relative).read_text(encoding="utf-8") == text


def test_uninstall_with_nothing_installed_says_so(data_home: Path) -> None:
    done = _run("uninstall-desktop")
    assert done.returncode == 0, done.stderr
    assert "nothing to remove" in done.stdout


def test_an_entry_someone_else_wrote_is_neither_replaced_nor_removed(data_home: Path) -> None:
    mine = "[Desktop Entry]\nType=Application\nName=My own Small Wins\nExec=/opt/sw/run\n"
    (data_home / ENTRY).parent.mkdir(parents=True)
    (data_home / ENTRY).write_text(mine, encoding="utf-8")

    for command in ("install-desktop", "uninstall-desktop"):
        done = _run(command)
        assert done.returncode == 1, command
        assert "was not written by `smallwins install-desktop`" in done.stderr
        assert "Traceback" not in done.stderr
        assert (data_home / ENTRY).read_text(encoding="utf-8") == mine
    assert not (data_home / SCALABLE).exists()


def test_missing_cache_tools_are_a_note_not_a_failure(data_home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "no-tools"
    empty.mkdir()
    done = _run("install-desktop", env={**os.environ, "PATH": str(empty)})
    assert done.returncode == 0, done.stderr
    assert "update-desktop-database is not installed" in done.stderr
    assert (data_home / ENTRY).is_file()


def test_an_unwritable_data_home_is_a_clear_error(data_home: Path) -> None:
    if os.geteuid() == 0:
        blocker = data_home / "applications"
        blocker.write_text("a file where the folder should be", encoding="utf-8")
    else:
        data_home.chmod(0o500)
    try:
        done = _run("install-desktop")
    finally:
        data_home.chmod(0o700)
    assert done.returncode == 1
    assert done.stderr.startswith("smallwins: cannot install into"), done.stderr
    assert "Traceback" not in done.stderr
    assert not (data_home / SCALABLE).exists()


@pytest.mark.parametrize(
    "program",
    ["/opt/Small Wins/bin/smallwins", '/home/a"b/$HOME/back\\slash/100%/smallwins'],
)
def test_exec_lines_quote_paths_a_launcher_reads_back(program: str) -> None:
    shipped = resource_path("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8")

    text = desktop_entry_text(shipped, [program], ["icons/x.svg"])

    assert _read_exec(_entries(text)["Exec"]) == [program]
    assert installed_files(text) == ["icons/x.svg"]


def test_only_plain_relative_paths_are_taken_back() -> None:
    text = (
        "[Desktop Entry]\nType=Application\n"
        "X-SmallWins-Installed=icons/a.svg;/etc/passwd;../outside;icons/../../up;;\n"
    )
    assert installed_files(text) == ["icons/a.svg"]


def test_installing_over_an_older_install_takes_back_files_no_longer_shipped(
    data_home: Path,
) -> None:
    assert _run("install-desktop").returncode == 0
    old_icon = data_home / "icons/hicolor/48x48/apps" / f"{APP_ID}.png"
    old_icon.parent.mkdir(parents=True)
    old_icon.write_bytes(b"an older version's icon")
    entry = data_home / ENTRY
    text = entry.read_text(encoding="utf-8")
    entry.write_text(
        text.replace(
            "X-SmallWins-Installed=", f"X-SmallWins-Installed={old_icon.relative_to(data_home)};"
        ),
        encoding="utf-8",
    )

    assert _run("install-desktop").returncode == 0

    assert not old_icon.exists()
    assert {ENTRY, SCALABLE, SYMBOLIC, METAINFO} <= _files(data_home)


def test_an_existing_icon_cache_is_refreshed_to_hold_the_new_icons(data_home: Path) -> None:
    tool = require_tool("gtk-update-icon-cache", "gtk-update-icon-cache")
    hicolor = data_home / "icons" / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    (hicolor / "scalable" / "apps" / "org.example.Other.svg").write_text("<svg/>")
    subprocess.run([tool, "--quiet", "--force", "--ignore-theme-index", str(hicolor)], check=True)
    assert APP_ID.encode() not in (hicolor / "icon-theme.cache").read_bytes()

    done = _run("install-desktop")

    assert done.returncode == 0, done.stderr
    assert "Note:" not in done.stderr
    assert APP_ID.encode() in (hicolor / "icon-theme.cache").read_bytes()
