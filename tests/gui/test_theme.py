"""The look follows the choice, and "as the system" follows the system's colour scheme while
the app runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.theme import ACCENT_DARK, Theme


class System:
    scheme = Qt.ColorScheme.Light

    def __call__(self) -> Qt.ColorScheme:
        return self.scheme


@pytest.fixture
def system() -> System:
    return System()


@pytest.fixture
def theme(qtbot: QtBot, system: System) -> Iterator[Theme]:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    theme = Theme(qapp, system_scheme=system)
    yield theme
    theme.restore()


def window_lightness() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_as_the_system_turns_dark_when_the_system_does_and_back(
    theme: Theme, system: System, qtbot: QtBot
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    assert theme.apply("system") == "system"
    light = window_lightness()

    system.scheme = Qt.ColorScheme.Dark
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)

    assert window_lightness() < 60
    assert QApplication.palette().color(QPalette.ColorRole.Highlight).name() == ACCENT_DARK
    qtbot.waitUntil(lambda: widget.palette().color(QPalette.ColorRole.Window).lightness() < 60)
    system.scheme = Qt.ColorScheme.Light
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window_lightness() == light


def test_a_forced_scheme_ignores_the_system(theme: Theme, system: System) -> None:
    assert theme.apply("light") == "light"
    system.scheme = Qt.ColorScheme.Dark
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_lightness() > 200
    assert QApplication.style().name().lower() == "fusion"


def test_restoring_twice_is_harmless(theme: Theme) -> None:
    theme.apply("dark")
    theme.restore()
    theme.restore()  # an app shut down twice (a failed start, then quit)
    assert window_lightness() > 200
