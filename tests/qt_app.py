"""The composed app for Qt tests, and a client that talks to it while its loop runs.

Imported by GUI and reliability tests only (it imports Qt); unit tests never load it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from smallwins_desktop import ipc
from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.core.clock import Clock
from smallwins_desktop.core.db import Store


@contextmanager
def started_app(
    store: Store, clock: Clock, data_dir: Path, qtbot: QtBot, **parts: Any
) -> Iterator[SmallWinsApp]:
    """The app started as the loop starts it; `parts` replace its own (hotkeys=..., say)."""
    app = SmallWinsApp(store, clock, data_dir, tray_available=True, **parts)
    qtbot.addWidget(app.capture)
    assert app.start()
    app.finish_start()  # as the loop does once the tray icon is up
    try:
        yield app
    finally:
        app.shutdown()  # as on quit: no timer of this app fires into the next test's store


def ask(qtbot: QtBot, data_dir: Path, message: dict[str, Any]) -> dict[str, Any] | None:
    """Send an IPC request from another thread while the Qt loop serves it."""
    replies: list[dict[str, Any] | None] = []
    thread = threading.Thread(target=lambda: replies.append(ipc.request(data_dir, message)))
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    thread.join()
    return replies[0]
