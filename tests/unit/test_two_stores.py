"""Each core operation uses the database of the store it is given, and no other.

On the old code `open_store` bound every model class process-wide: with two stores open,
`wins.add(A, ...)` wrote the win into B and its search row into A, and after `B.close()`
peewee quietly reconnected to B when A was listed.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import smallwins_desktop.core as core
from smallwins_desktop.core import goals, queries, reminder_log, settings, wins
from smallwins_desktop.core.db import Store, open_store


@pytest.fixture
def two(tmp_path: Path, now: datetime) -> Iterator[tuple[Store, Store]]:
    with open_store(tmp_path / "a", now=now) as a, open_store(tmp_path / "b", now=now) as b:
        yield a, b


def _everything_in(store: Store, today: date, now: datetime) -> None:
    wins.add(store, f"Win in {store.data_dir.name} #{store.data_dir.name}tag", today=today, now=now)
    goals.create(store, f"Goal of {store.data_dir.name}", now=now)
    settings.put(store, "probe", store.data_dir.name)
    reminder_log.snooze(store, "end_of_day", now + timedelta(minutes=10))
    reminder_log.record_delivery(
        store, notification_key="k", backend=store.data_dir.name, ok=True, error=None, now=now
    )


def _seen_by(store: Store, now: datetime) -> dict[str, object]:
    return {
        "wins": [w.text for w in queries.list_wins(store, since=date(2000, 1, 1))],
        "search": [w.text for w in queries.list_wins(store, search="win")],
        "tags": [name for name, _ in queries.tags_in_use(store)],
        "goals": [g.title for g in goals.list_goals(store)],
        "setting": settings.get(store, "probe"),
        "snoozed": bool(reminder_log.load_state(store, now).snoozed_until),
        "deliveries": [d.backend for d in reminder_log.recent_deliveries(store)],
    }


def test_two_stores_in_one_process_never_see_each_others_data(
    two: tuple[Store, Store], today: date, now: datetime
) -> None:
    a, b = two
    _everything_in(a, today, now)

    assert _seen_by(b, now) == {
        "wins": [],
        "search": [],
        "tags": [],
        "goals": [],
        "setting": None,
        "snoozed": False,
        "deliveries": [],
    }
    _everything_in(b, today, now)
    assert _seen_by(a, now) == {
        "wins": ["Win in a"],
        "search": ["Win in a"],
        "tags": ["atag"],
        "goals": ["Goal of a"],
        "setting": "a",
        "snoozed": True,
        "deliveries": ["a"],
    }


def test_a_closed_store_stays_closed_while_another_is_in_use(
    two: tuple[Store, Store], today: date, now: datetime
) -> None:
    a, b = two
    wins.add(a, "Still in A", today=today, now=now)
    b.close()

    assert [w.text for w in queries.list_wins(a, since=date(2000, 1, 1))] == ["Still in A"]
    with pytest.raises(RuntimeError, match="closed"):
        queries.list_wins(b, since=date(2000, 1, 1))
    assert b.db.is_closed()


def _core_operations() -> Iterator[tuple[str, object]]:
    for info in pkgutil.walk_packages(core.__path__, f"{core.__name__}."):
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(function).parameters)
            if params[:1] == ["store"]:
                yield f"{module.__name__}.{name}", function


def test_every_core_operation_that_takes_a_store_runs_against_it() -> None:
    operations = dict(_core_operations())
    assert "smallwins_desktop.core.wins.add" in operations
    unmarked = [name for name, op in operations.items() if not getattr(op, "uses_store", False)]
    assert unmarked == [], "decorate these with @uses_store"
