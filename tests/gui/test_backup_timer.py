"""The daily backup while the app runs: on the injected clock, once a day, failures told."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.app.backup_timer import CHECK_INTERVAL_MS, BackupTimer
from smallwins_desktop.app.notify.base import Notification
from smallwins_desktop.core import wins
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store, list_backups


def test_a_backup_is_taken_once_a_day_while_the_app_runs(
    store: Store, clock: FixedClock, qtbot: QtBot
) -> None:
    timer = BackupTimer(store, clock)
    assert timer.check() is None  # nothing to keep yet
    wins.add(store, "Worth keeping", today=clock.now().date(), now=clock.now())

    with qtbot.waitSignal(timer.backed_up) as told:
        timer.timer.timeout.emit()  # what the hourly timer does
    first = Path(told.args[0])
    clock.advance(timedelta(hours=23))
    assert timer.check() is None
    clock.advance(timedelta(hours=2))
    second = timer.check()

    assert second is not None
    assert list_backups(store.backups) == [second, first]
    assert timer.timer.interval() == CHECK_INTERVAL_MS


def test_a_backup_that_cannot_be_written_is_told(
    store: Store, clock: FixedClock, qtbot: QtBot
) -> None:
    wins.add(store, "Worth keeping", today=clock.now().date(), now=clock.now())
    store.backups.write_text("a file where the backups folder should be")
    timer = BackupTimer(store, clock)

    with qtbot.waitSignal(timer.failed) as told:
        assert timer.check() is None

    assert "could not be written" in told.args[0]


class Recording:
    name = "recording"

    def __init__(self) -> None:
        self.sent: list[Notification] = []

    def send(self, notification: Notification) -> None:
        self.sent.append(notification)


def test_the_app_runs_the_backup_timer_and_tells_of_a_failure(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot
) -> None:
    recording = Recording()
    app = SmallWinsApp(
        store, clock, data_dir, tray_available=True, notification_backends=[recording]
    )
    qtbot.addWidget(app.capture)
    assert app.start()
    app.finish_start()
    try:
        assert app.backups.timer.isActive()
        wins.add(store, "Worth keeping", today=clock.now().date(), now=clock.now())
        store.backups.write_text("a file where the backups folder should be")

        app.backups.check()

        (told,) = recording.sent
        assert told.key == "backup"
        assert told.body.startswith("The daily backup failed: The backup could not be written")
    finally:
        app.shutdown()
    assert not app.backups.timer.isActive()
