"""Each `smallwins add` is saved exactly once, whichever path saves it, and bad input saves
nothing.

On the old code a client that timed out waiting for a stalled app wrote the win directly,
and the app then handled the buffered request too: two copies. Now each add carries a
client-made id that the store keeps unique, so the second path is a no-op. The old IPC
`add` also saved `{"text": null}` as the win "None".
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.core import queries, wins
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import CaptureError
from tests.qt_app import ask, started_app


@pytest.fixture
def app(store: Store, data_dir: Path, qtbot: QtBot) -> Iterator[SmallWinsApp]:
    clock = FixedClock(datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc))
    with started_app(store, clock, data_dir, qtbot) as app:
        yield app


def test_the_same_client_id_saves_one_win(store: Store, today: date, now: datetime) -> None:
    win_id = str(uuid.uuid4())
    first = wins.add(store, "Once only #qa", today=today, now=now, uuid=win_id)
    again = wins.add(store, "Once only #qa", today=today, now=now, uuid=win_id)
    assert first.win.uuid == again.win.uuid == win_id
    assert [w.text for w in queries.list_wins(store)] == ["Once only"]


def test_a_malformed_client_id_is_refused(store: Store, today: date, now: datetime) -> None:
    with pytest.raises(CaptureError, match="not a valid win id"):
        wins.add(store, "With a bad id", today=today, now=now, uuid="not-a-uuid")
    assert queries.list_wins(store) == []


def test_a_win_the_app_saved_is_not_saved_again_by_the_fallback_path(
    app: SmallWinsApp, store: Store, data_dir: Path, qtbot: QtBot, today: date, now: datetime
) -> None:
    win_id = str(uuid.uuid4())
    message = {"cmd": "add", "text": "Handed over once", "id": win_id}
    reply = ask(qtbot, data_dir, message)
    assert reply is not None
    assert reply["ok"], reply
    # The client gave up waiting (the app stalled) and wrote directly with the same id.
    wins.add(store, "Handed over once", today=today, now=now, uuid=win_id)
    # ...and a retry of the request arrives too.
    assert ask(qtbot, data_dir, message) is not None
    assert [w.text for w in queries.list_wins(store)] == ["Handed over once"]


@pytest.mark.parametrize(
    "message",
    [
        {"cmd": "add", "text": None},
        {"cmd": "add"},
        {"cmd": "add", "text": ["a", "list"]},
        {"cmd": "add", "text": "Fine text", "id": 42},
        {"cmd": "add", "text": "Fine text", "today": "yesterday-ish"},
    ],
)
def test_ipc_add_with_bad_fields_answers_an_error_and_saves_nothing(
    app: SmallWinsApp, store: Store, data_dir: Path, qtbot: QtBot, message: dict[str, Any]
) -> None:
    reply = ask(qtbot, data_dir, message)
    assert reply is not None
    assert reply["ok"] is False
    assert reply["error"]
    assert queries.list_wins(store) == []


def test_ipc_add_files_the_win_under_the_clients_today(
    app: SmallWinsApp, store: Store, data_dir: Path, qtbot: QtBot
) -> None:
    reply = ask(qtbot, data_dir, {"cmd": "add", "text": "Late night", "today": "2026-11-21"})
    assert reply is not None
    assert reply["ok"], reply
    [win] = queries.list_wins(store, since=date(2026, 11, 21))
    assert win.day == date(2026, 11, 21)
