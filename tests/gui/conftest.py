"""GUI tests: real widgets on Qt's offscreen platform, a real temp database, a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

# Must be set before pytest-qt creates the QApplication; tests never need a real screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from smallwins_desktop.app.capture.window import CaptureWindow
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store


@pytest.fixture(scope="session", autouse=True)
def translations(qapp: object) -> Iterator[None]:
    """The app's translations, as `launch` installs them (the English plural forms)."""
    from PySide6.QtWidgets import QApplication

    from smallwins_desktop.app import i18n

    installed = i18n.install(QApplication.instance())  # type: ignore[arg-type]
    yield
    for translator in installed:
        QApplication.removeTranslator(translator)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc))


@pytest.fixture
def journal(store: Store, clock: FixedClock, qtbot: QtBot) -> Iterator[Journal]:
    journal = Journal(store, clock)
    yield journal
    journal.stop_watching()


@pytest.fixture
def window(journal: Journal, store: Store, qtbot: QtBot) -> Iterator[CaptureWindow]:
    window = CaptureWindow(journal)
    qtbot.addWidget(window)
    window.present()
    qtbot.waitExposed(window)
    yield window
    if not store.db.is_closed():
        window.save_draft()  # as the app does on quit, before its store closes
