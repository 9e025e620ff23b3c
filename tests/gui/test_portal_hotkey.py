"""The Wayland shortcut through the GlobalShortcuts portal, on a real private D-Bus session bus
(dbus-daemon) with a stand-in portal process (fake_portal.py) that records what reached it.

Where dbus-daemon is missing these tests are skipped, unless SMALLWINS_REQUIRE_DESKTOP=1 (CI),
where that is a failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.hotkey import portal
from smallwins_desktop.app.hotkey.base import HotkeyError
from smallwins_desktop.app.hotkey.service import HotkeyService, HotkeyState, default_backend
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.app.settings.pages import ShortcutPage
from smallwins_desktop.core import shortcut
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from tests.e2e.desktop import BUS_CONFIG
from tests.needs import require_tool
from tests.qt_app import started_app

FAKE_PORTAL = Path(__file__).with_name("fake_portal.py")
WAIT_MS = 5_000


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    """The address of a private session bus of its own (no service is activated on it)."""
    daemon = require_tool("dbus-daemon", "dbus-daemon")
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=tmp_path / "bus.socket"))
    process = subprocess.Popen(
        [daemon, "--nofork", "--print-address=1", f"--config-file={config}"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()  # printed once it listens
    assert address.startswith("unix:"), f"dbus-daemon printed {address!r}"
    yield address
    process.terminate()
    process.wait(timeout=10)
    process.stdout.close()


class FakePortal:
    """fake_portal.py on the bus; `events` fills with what it received, as it arrives."""

    def __init__(self, address: str, *options: str) -> None:
        self.events: list[dict[str, Any]] = []
        self.process = subprocess.Popen(
            [sys.executable, str(FAKE_PORTAL), address, *options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.events.append(json.loads(line))

    def named(self, event: str) -> list[dict[str, Any]]:
        return [e for e in list(self.events) if e["event"] == event]

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.send("quit")
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise
        self._reader.join(timeout=10)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def start_portal(bus: str, qtbot: QtBot) -> Iterator[Any]:
    started: list[FakePortal] = []

    def start(*options: str) -> FakePortal:
        fake = FakePortal(bus, *options)
        started.append(fake)
        qtbot.waitUntil(lambda: bool(fake.named("ready")), timeout=WAIT_MS)
        return fake

    yield start
    for fake in started:
        fake.stop()


@pytest.fixture
def service(bus: str, qtbot: QtBot) -> Iterator[HotkeyService]:
    made = HotkeyService(factory=lambda: portal.open_portal(bus))
    yield made
    made.close()


def settled(service: HotkeyService, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: "Waiting" not in (service.state.problem or ""), timeout=WAIT_MS)


def test_the_trigger_is_written_as_the_shortcuts_spec_wants() -> None:
    assert portal.preferred_trigger(shortcut.parse("Ctrl+Alt+W")) == "CTRL+ALT+w"
    assert portal.preferred_trigger(shortcut.parse("shift+meta+F9")) == "SHIFT+LOGO+F9"
    assert portal.preferred_trigger(shortcut.parse("Ctrl+Space")) == "CTRL+space"
    assert str(portal.granted_shortcut("CTRL+ALT+w")) == "Ctrl+Alt+W"
    assert str(portal.granted_shortcut("<Control><Alt>w")) == "Ctrl+Alt+W"
    assert portal.granted_shortcut("Press the red button") is None


def test_registering_binds_the_shortcut_with_its_trigger_and_description(
    start_portal: Any, service: HotkeyService, qtbot: QtBot
) -> None:
    fake = start_portal()
    states = []
    service.state_changed.connect(states.append)

    service.apply("Ctrl+Alt+W")
    assert service.state.problem == "Waiting for the desktop to allow Ctrl+Alt+W…"
    settled(service, qtbot)

    assert service.state.registered == "Ctrl+Alt+W"
    [bind] = fake.named("BindShortcuts")
    assert bind["signature"] == "oa(sa{sv})sa{sv}"
    assert bind["shortcuts"] == [
        ["capture", {"description": "Log a win with Small Wins", "preferred_trigger": "CTRL+ALT+w"}]
    ]
    [create] = fake.named("CreateSession")
    assert create["signature"] == "a{sv}"
    assert bind["session"].endswith(create["options"]["session_handle_token"])
    assert [s.registered for s in states] == [None, "Ctrl+Alt+W"]
    # The connection said which application it is before its first portal call.
    assert [e["event"] for e in fake.events[:3]] == ["ready", "Register", "CreateSession"]
    assert fake.named("Register")[0]["app_id"] == "app.smallwins.SmallWins"  # the desktop entry


def test_an_activation_from_the_desktop_is_a_press(
    start_portal: Any, service: HotkeyService, qtbot: QtBot
) -> None:
    fake = start_portal()
    service.apply("Ctrl+Alt+W")
    settled(service, qtbot)

    with qtbot.waitSignal(service.pressed, timeout=WAIT_MS):
        fake.send("activate")


def test_a_session_the_desktop_closed_is_no_longer_claimed(
    start_portal: Any, service: HotkeyService, qtbot: QtBot
) -> None:
    fake = start_portal()
    service.apply("Ctrl+Alt+W")
    settled(service, qtbot)
    assert service.state.registered == "Ctrl+Alt+W"

    fake.send("close-session")

    qtbot.waitUntil(lambda: service.state.registered is None, timeout=WAIT_MS)
    assert "The desktop closed Small Wins' shortcut session" in (service.state.problem or "")


def test_the_keys_the_user_chose_in_the_desktops_dialog_are_the_ones_named(
    start_portal: Any, service: HotkeyService, qtbot: QtBot
) -> None:
    start_portal("--trigger", "CTRL+SHIFT+k")
    service.apply("Ctrl+Alt+W")
    settled(service, qtbot)

    assert service.state.registered == "Ctrl+Shift+K"


def test_a_cancelled_dialog_is_said_and_nothing_stays_bound(
    start_portal: Any, service: HotkeyService, qtbot: QtBot
) -> None:
    fake = start_portal("--bind-response", "1")
    service.apply("Ctrl+Alt+W")
    settled(service, qtbot)

    assert service.state.registered is None
    assert service.state.problem == "Binding Ctrl+Alt+W was cancelled in the desktop's dialog."
    qtbot.waitUntil(lambda: bool(fake.named("Close")), timeout=WAIT_MS)
    [create] = fake.named("CreateSession")
    assert fake.named("Close")[0]["path"].endswith(create["options"]["session_handle_token"])


@pytest.mark.parametrize(
    ("portal_says", "problem"),
    [
        ("--grant-nothing", "The desktop did not grant Ctrl+Alt+W"),
        ("--refuse-first-session", "The desktop portal refused CreateSession: No session."),
    ],
    ids=["not-granted", "session-refused"],
)
def test_a_shortcut_the_desktop_did_not_bind_is_not_claimed_and_is_said(
    portal_says: str, problem: str, start_portal: Any, service: HotkeyService, qtbot: QtBot
) -> None:
    start_portal(portal_says)
    service.apply("Ctrl+Alt+W")
    settled(service, qtbot)

    assert service.state.registered is None
    assert problem in (service.state.problem or "")


def test_a_late_refusal_of_replaced_keys_leaves_the_new_ones_alone(
    start_portal: Any, service: HotkeyService, qtbot: QtBot
) -> None:
    fake = start_portal("--refuse-first-session")
    service.apply("Ctrl+Alt+W")
    service.apply("Ctrl+Shift+F9")  # before the portal answered the first
    settled(service, qtbot)

    assert service.state.registered == "Ctrl+Shift+F9"
    assert len(fake.named("BindShortcuts")) == 1


def test_unregistering_closes_the_session(
    start_portal: Any, service: HotkeyService, qtbot: QtBot
) -> None:
    fake = start_portal()
    service.apply("Ctrl+Alt+W")
    settled(service, qtbot)
    [bind] = fake.named("BindShortcuts")
    assert not fake.named("Close")

    service.apply("none")

    assert service.state.problem == "The global shortcut is off."
    qtbot.waitUntil(lambda: bool(fake.named("Close")), timeout=WAIT_MS)
    assert fake.named("Close")[0]["path"] == bind["session"]


def test_new_keys_replace_the_old_session(
    start_portal: Any, service: HotkeyService, qtbot: QtBot
) -> None:
    fake = start_portal()
    service.apply("Ctrl+Alt+W")
    settled(service, qtbot)
    service.apply("Ctrl+Shift+F9")
    settled(service, qtbot)

    assert service.state.registered == "Ctrl+Shift+F9"
    first, second = fake.named("BindShortcuts")
    assert second["shortcuts"][0][1]["preferred_trigger"] == "CTRL+SHIFT+F9"
    assert [c["path"] for c in fake.named("Close")] == [first["session"]]


def test_without_a_portal_on_the_bus_wayland_has_no_backend(
    bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
    with pytest.raises(HotkeyError, match="this desktop's portal offers no global shortcuts"):
        portal.open_portal()
    assert default_backend(platform="wayland") is None

    unsupported = HotkeyService(factory=lambda: default_backend(platform="wayland"))
    state = unsupported.apply("Ctrl+Alt+W")
    assert state.registered is None
    assert state.problem == "Small Wins cannot register a global shortcut on this desktop."


def test_a_portal_without_global_shortcuts_is_no_backend(
    bus: str, start_portal: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_portal("--without-global-shortcuts")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
    assert default_backend(platform="wayland") is None


def test_on_wayland_with_the_portal_the_default_backend_is_the_portal(
    bus: str, start_portal: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_portal()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
    backend = default_backend(platform="wayland")
    assert isinstance(backend, portal.PortalHotkey)
    assert backend.version == 1
    backend.close()


def test_in_the_app_the_tray_names_the_shortcut_once_granted_and_a_press_opens_the_capture_box(
    start_portal: Any,
    bus: str,
    store: Store,
    clock: FixedClock,
    data_dir: Path,
    qtbot: QtBot,
) -> None:
    fake = start_portal()
    hotkeys = HotkeyService(factory=lambda: portal.open_portal(bus))
    parts = {"notification_backends": [], "hotkeys": hotkeys}
    with started_app(store, clock, data_dir, qtbot, **parts) as app:
        assert app.tray is not None
        qtbot.waitUntil(lambda: app.hotkeys.state.registered == "Ctrl+Alt+W", timeout=WAIT_MS)
        assert app.tray.capture_action.shortcut().toString() == "Ctrl+Alt+W"
        assert not app.capture.isVisible()

        fake.send("activate")
        qtbot.waitUntil(app.capture.isVisible, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(fake.named("Close")), timeout=WAIT_MS)


def test_the_settings_page_says_the_desktop_is_asking_and_keeps_the_manual_steps(
    qtbot: QtBot, store: Store, clock: FixedClock
) -> None:
    page = ShortcutPage(LiveSettings(store, clock), "smallwins capture", HotkeyState(None))
    qtbot.addWidget(page)
    page.set_state(HotkeyState(None, "Waiting for the desktop to allow Ctrl+Alt+W…", pending=True))
    assert page.state.text() == (
        "Waiting for the desktop to allow Ctrl+Alt+W… If the desktop asks nothing, bind the "
        "command below by hand:"
    )
    page.set_state(HotkeyState(None, "Binding Ctrl+Alt+W was cancelled in the desktop's dialog."))
    assert "Bind the command below to a key" in page.state.text()
    assert page.command.text() == "smallwins capture"


def test_on_wayland_without_a_backend_the_state_says_the_desktop_offers_none() -> None:
    state = HotkeyService(factory=lambda: None, platform="wayland").apply("Ctrl+Alt+W")
    assert state.problem is not None
    assert "This Wayland desktop lets no application register a global shortcut" in state.problem
