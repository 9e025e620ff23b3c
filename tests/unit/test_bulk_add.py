"""The bulk write path: the same wins as one-by-one adds, all or nothing, each uuid once."""

from __future__ import annotations

import uuid as uuidlib
from datetime import date, datetime
from pathlib import Path

import pytest

from smallwins_desktop.core import bulk, goals, queries, wins
from smallwins_desktop.core.capture import Draft, parse
from smallwins_desktop.core.db import Store, open_store
from smallwins_desktop.core.errors import CaptureError

LINES = [
    "Shipped the beta #release #team +launch !!",
    "yesterday: setback: The demo broke #release",
    "2026-11-02: Wrote the runbook #ops !",
    "Paired on the flaky test #qa #team",
]


def _comparable(found: list[wins.WinRecord]) -> list[tuple[object, ...]]:
    return sorted(
        (w.uuid, w.text, w.day, w.kind, w.impact, w.tags, w.goal, w.source, w.created_at)
        for w in found
    )


def test_bulk_adds_store_exactly_what_single_adds_store(
    tmp_path: Path, today: date, now: datetime
) -> None:
    ids = [str(uuidlib.uuid4()) for _ in LINES]
    drafts = [parse(line, today) for line in LINES]
    with (
        open_store(tmp_path / "one", now=now) as one,
        open_store(tmp_path / "bulk", now=now) as many,
    ):
        for store in (one, many):
            goals.create(store, "Launch", now=now, slug="launch")
        for draft, win_id in zip(drafts, ids, strict=True):
            wins.add_draft(one, draft, now=now, source="import", uuid=win_id)

        result = bulk.add_many(many, zip(drafts, ids, strict=True), now=now, source="import")

        assert result == bulk.BulkResult(added=4, skipped=0)
        since = date(2000, 1, 1)
        assert _comparable(queries.list_wins(many, since=since)) == _comparable(
            queries.list_wins(one, since=since)
        )
        for query in ("release", "runbook", "team"):
            assert {w.uuid for w in queries.list_wins(many, search=query)} == {
                w.uuid for w in queries.list_wins(one, search=query)
            }
        assert queries.tags_in_use(many) == queries.tags_in_use(one)


def test_the_same_file_twice_adds_nothing_the_second_time(
    store: Store, today: date, now: datetime
) -> None:
    entries = [(parse(line, today), str(uuidlib.uuid4())) for line in LINES]
    assert bulk.add_many(store, entries, now=now, source="import").added == 4

    again = bulk.add_many(store, [*entries, *entries], now=now, source="import")

    assert again == bulk.BulkResult(added=0, skipped=4)
    assert queries.total(store) + queries.total(store, kind="setback") == 4


def test_one_bad_entry_names_itself_and_nothing_is_saved(
    store: Store, today: date, now: datetime
) -> None:
    entries: list[tuple[Draft, str | None]] = [(parse(line, today), None) for line in LINES]
    entries.insert(2, (Draft(text="   ", day=today), None))

    with pytest.raises(CaptureError, match="Entry 3: Nothing to save"):
        bulk.add_many(store, entries, now=now, source="import")

    assert queries.list_wins(store, since=date(2000, 1, 1)) == []
    assert queries.tags_in_use(store) == []


def test_streamed_listing_yields_what_the_list_holds_across_batches(
    store: Store, today: date, now: datetime
) -> None:
    entries = [(parse(f"Step {i} of the release #r{i % 3}", today), None) for i in range(1_203)]
    bulk.add_many(store, entries, now=now, source="import")  # more than two batches of 500

    streamed = list(queries.iter_wins(store, search="release"))

    assert streamed == queries.list_wins(store, search="release")
    assert len(streamed) == 1_203
    assert {w.tags for w in streamed} == {("r0",), ("r1",), ("r2",)}
    assert all(w.created_at.tzinfo is not None for w in streamed)
