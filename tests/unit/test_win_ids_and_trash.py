"""Short win ids for the command line, and the 30-day trash."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from smallwins_desktop.core import queries, wins
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import NotFoundError

SHARED = "0123abcd-"


def _add(store: Store, uuid: str, today: date, now: datetime) -> None:
    wins.add(store, f"Win {uuid[:12]}", today=today, now=now, uuid=uuid)


def test_a_short_id_is_seven_characters_unless_a_neighbour_shares_more(
    store: Store, today: date, now: datetime
) -> None:
    alone = "9f8e7d6c-0000-4000-8000-000000000000"
    twin_a = SHARED + "1111-4000-8000-000000000000"
    twin_b = SHARED + "1112-4000-8000-000000000000"
    for uuid in (alone, twin_a, twin_b):
        _add(store, uuid, today, now)

    shown = wins.short_ids(store, [alone, twin_a, twin_b])

    assert shown[alone] == "9f8e7d6"
    assert shown[twin_a] == SHARED + "1111"
    assert shown[twin_b] == SHARED + "1112"
    for uuid, short in shown.items():
        assert wins.resolve_id(store, short) == uuid


def test_an_ambiguous_or_unknown_prefix_is_refused(
    store: Store, today: date, now: datetime
) -> None:
    _add(store, SHARED + "1111-4000-8000-000000000000", today, now)
    _add(store, SHARED + "2222-4000-8000-000000000000", today, now)

    with pytest.raises(NotFoundError, match="More than one win"):
        wins.resolve_id(store, "0123abcd")
    with pytest.raises(NotFoundError, match="There is no win"):
        wins.resolve_id(store, "ffff")
    with pytest.raises(NotFoundError, match="not a win id"):
        wins.resolve_id(store, "012")
    assert wins.resolve_id(store, "0123ABCD-2").startswith(SHARED + "2222")


def test_the_trash_keeps_deleted_wins_thirty_days_then_purges_them(
    store: Store, today: date, now: datetime
) -> None:
    old = wins.add(store, "Deleted long ago #gone", today=today, now=now).win
    recent = wins.add(store, "Deleted lately", today=today, now=now).win
    kept = wins.add(store, "Never deleted", today=today, now=now).win
    wins.delete(store, old.uuid, now=now - timedelta(days=wins.TRASH_DAYS, seconds=1))
    wins.delete(store, recent.uuid, now=now - timedelta(days=2))

    assert [w.uuid for w in wins.trash(store)] == [recent.uuid, old.uuid]
    assert wins.purge_trash(store, now=now) == 1

    assert [w.uuid for w in wins.trash(store)] == [recent.uuid]
    assert wins.deleted_count(store) == 1
    with pytest.raises(NotFoundError):
        wins.get(store, old.uuid)
    assert store.db.execute_sql("SELECT COUNT(*) FROM win_tag").fetchone()[0] == 0
    wins.restore(store, recent.uuid)
    assert {w.uuid for w in queries.list_wins(store, since=date(2000, 1, 1))} == {
        recent.uuid,
        kept.uuid,
    }
