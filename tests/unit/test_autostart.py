"""Start at login on each platform, through the same interface: the entry is written, read
back from where the system keeps it, and removed. Windows' registry is a dict here; the XDG
file and the macOS LaunchAgent are real files in temp dirs."""

from __future__ import annotations

import plistlib
import shlex
from pathlib import Path

import pytest

from smallwins_desktop.app.autostart import (
    RUN_VALUE,
    Autostart,
    AutostartError,
    MacLaunchAgent,
    WindowsRun,
    XdgAutostart,
    desktop_exec,
    for_platform,
)

COMMAND = ["/opt/small wins/bin/smallwins", "--data-dir", "/home/ann/100% wins"]


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


@pytest.fixture(params=["xdg", "windows", "mac"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Autostart:
    if request.param == "xdg":
        return XdgAutostart(tmp_path / "config")
    if request.param == "windows":
        return WindowsRun(FakeRegistry())
    return MacLaunchAgent(tmp_path / "home")


def test_enable_is_read_back_and_disable_removes_it(backend: Autostart) -> None:
    assert not backend.is_enabled()

    backend.enable(COMMAND)
    assert backend.is_enabled()
    backend.enable(COMMAND)  # again: still one entry
    assert backend.is_enabled()

    backend.disable()
    assert not backend.is_enabled()
    backend.disable()  # nothing left to remove is fine


def _exec_argv(line: str) -> list[str]:
    """Undo the two layers of quoting of an Exec= value (for arguments without `$`)."""
    return shlex.split(line.replace("\\\\", "\\").replace("%%", "%"))


def test_the_xdg_file_starts_this_command_in_the_background(tmp_path: Path) -> None:
    backend = XdgAutostart(tmp_path / "config", icon="/icons/smallwins.svg")
    backend.enable(COMMAND)

    path = tmp_path / "config" / "autostart" / "smallwins.desktop"
    text = path.read_text()
    assert text.startswith("[Desktop Entry]\nType=Application\nName=Small Wins\n")
    assert "Icon=/icons/smallwins.svg\n" in text
    exec_line = backend.exec_line()
    assert exec_line is not None
    assert _exec_argv(exec_line) == [*COMMAND, "--background"]
    assert "100%% wins" in exec_line
    assert oct(path.stat().st_mode & 0o777) == "0o644"
    assert [p.name for p in path.parent.iterdir()] == ["smallwins.desktop"]  # no temp left


@pytest.mark.parametrize(
    "edit", ["Hidden=true", "X-GNOME-Autostart-enabled=false"], ids=["hidden", "gnome-off"]
)
def test_an_xdg_entry_switched_off_by_the_desktop_reads_as_off(tmp_path: Path, edit: str) -> None:
    backend = XdgAutostart(tmp_path / "config")
    backend.enable(COMMAND)
    with backend.path.open("a") as entry:
        entry.write(f"{edit}\n")

    assert not backend.is_enabled()


def test_desktop_exec_quotes_what_the_spec_reserves() -> None:
    assert desktop_exec(["/usr/bin/smallwins", "--background"]) == "/usr/bin/smallwins --background"
    assert desktop_exec(['a"b', "c$d", "e\\f"]) == '"a\\\\"b" "c\\\\$d" "e\\\\\\\\f"'


def test_the_xdg_backend_follows_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "elsewhere"))
    assert XdgAutostart().path == tmp_path / "elsewhere" / "autostart" / "smallwins.desktop"


def test_windows_runs_the_quoted_command_from_hkcu_run() -> None:
    registry = FakeRegistry()
    WindowsRun(registry).enable(COMMAND)

    assert registry.values == {
        RUN_VALUE: '"/opt/small wins/bin/smallwins" --data-dir "/home/ann/100% wins" --background'
    }


def test_a_registry_failure_is_reported_with_where(tmp_path: Path) -> None:
    class Denied(FakeRegistry):
        def set(self, name: str, value: str) -> None:
            raise PermissionError("access denied")

    with pytest.raises(AutostartError, match=r"cannot write HKEY_CURRENT_USER\\Software"):
        WindowsRun(Denied()).enable(COMMAND)


def test_the_mac_launch_agent_runs_at_load(tmp_path: Path) -> None:
    backend = MacLaunchAgent(tmp_path / "home")
    backend.enable(COMMAND)

    path = tmp_path / "home" / "Library" / "LaunchAgents" / "app.smallwins.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent == {
        "Label": "app.smallwins",
        "ProgramArguments": [*COMMAND, "--background"],
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }


def test_a_damaged_launch_agent_is_reported_not_taken_as_on(tmp_path: Path) -> None:
    backend = MacLaunchAgent(tmp_path / "home")
    backend.path.parent.mkdir(parents=True)
    backend.path.write_bytes(b"not a plist")

    with pytest.raises(AutostartError, match="cannot read"):
        backend.is_enabled()


def test_a_file_that_cannot_be_written_is_reported_and_nothing_is_changed(
    tmp_path: Path,
) -> None:
    config_home = tmp_path / "config"
    config_home.mkdir()
    (config_home / "autostart").write_text("a file where the directory should be")

    with pytest.raises(AutostartError, match="cannot write"):
        XdgAutostart(config_home).enable(COMMAND)

    assert sorted(p.name for p in config_home.iterdir()) == ["autostart"]
    assert (config_home / "autostart").read_text() == "a file where the directory should be"


def test_each_platform_has_its_backend() -> None:
    assert isinstance(for_platform("linux"), XdgAutostart)
    assert isinstance(for_platform("win32"), WindowsRun)
    assert isinstance(for_platform("darwin"), MacLaunchAgent)
