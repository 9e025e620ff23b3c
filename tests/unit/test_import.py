# ruff: noqa: E501  (tables of cases read better one per line)
"""Imports: lossless from our JSON, faithful from CSV and jrnl, all or nothing, never twice."""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smallwins_desktop.core import goals, reflections, wins
from smallwins_desktop.core.capture import TAG_PATTERN, Draft
from smallwins_desktop.core.db import Store, open_store
from smallwins_desktop.core.errors import ExchangeError
from smallwins_desktop.core.exchange import export_wins, import_file
from smallwins_desktop.core.wins import BulkEntry, Stamps, WinFilter
from tests.exchange_data import NOW, TODAY, ZONE, everything, fill, fingerprint


def _export(store: Store, fmt: str, path: Path, match: WinFilter | None = None) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as out:
        export_wins(store, fmt, out, match or WinFilter(deleted=None), now=NOW, zone=ZONE)
    return path


def _import(store: Store, path: Path, fmt: str | None = None, **options: object):  # type: ignore[no-untyped-def]
    return import_file(store, path, fmt, now=NOW, zone=ZONE, **options)  # type: ignore[arg-type]


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "other", now=NOW) as opened:
        yield opened


def _goals(store: Store) -> list[goals.GoalRecord]:
    return goals.list_goals(store)


# -- round trips ---------------------------------------------------------------------------


def _kept(text: str) -> bool:
    """Whether the text is stored as it is (already trimmed, no control characters)."""
    try:
        return wins.validate_text(text) == text
    except wins.CaptureError:
        return False


_texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60
).filter(lambda t: _kept(t))
_tags = st.lists(
    st.from_regex(r"[a-zà-öø-ÿ][a-z0-9à-öø-ÿ_-]{0,10}", fullmatch=True), max_size=4
).map(lambda names: tuple(sorted(set(names))))
_times = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
)
_wins = st.lists(
    st.tuples(
        _texts,
        st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
        st.sampled_from(["win", "setback"]),
        st.integers(1, 3),
        _tags,
        st.sampled_from([None, "release-2", "écrire"]),
        _times,
        st.one_of(st.none(), st.timedeltas(timedelta(0), timedelta(days=400))),
        st.booleans(),
        st.sampled_from(wins.SOURCES),
    ),
    max_size=12,
)


_goals_drawn = st.lists(
    st.tuples(
        _texts.map(lambda t: t.replace("\n", " ")[:60]).filter(lambda t: t.strip() == t),
        st.from_regex(r"[a-zé][a-z0-9é_-]{0,12}", fullmatch=True),
        st.sampled_from(goals.STATUSES),
        st.text(max_size=40),
        st.one_of(st.none(), st.integers(0, 10_000)),
        st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))),
        st.one_of(st.none(), _times),
    ),
    max_size=3,
    unique_by=lambda g: g[1],
)


def _add_goal(store: Store, drawn: tuple[object, ...]) -> None:
    from smallwins_desktop.core.models import Goal

    title, slug, status, criteria, target, due, done_at = drawn
    if slug in ("release-2", "écrire"):
        return
    with store.write():
        Goal.insert(
            uuid=str(uuid.uuid4()), title=title, slug=slug, status=status, criteria=criteria,
            target=target, due=due, done_at=done_at, created_at=NOW,
        ).execute()  # fmt: skip


_answers = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40).map(
    str.strip
)
_reflections_drawn = st.lists(
    st.tuples(
        st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
        st.sampled_from(reflections.KINDS),
        _answers,
        _answers,
        _answers,
        _answers,
        st.one_of(st.none(), st.integers(1, 5)),
        _times,
    ),
    max_size=4,
    unique_by=lambda r: (r[0] - timedelta(days=r[0].weekday()) if r[1] == "weekly" else r[0], r[1]),
)


def _add_reflection(store: Store, drawn: tuple[object, ...]) -> None:
    day, kind, moved, in_the_way, helped, pick_up, confidence, when = drawn
    reflections.save(
        store, day, now=when, kind=kind, moved_forward=moved, got_in_the_way=in_the_way,
        helped=helped, pick_up=pick_up, confidence=confidence,
    )  # type: ignore[arg-type]  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    found=_wins,
    more_goals=_goals_drawn,
    drawn_reflections=_reflections_drawn,
    completed=st.booleans(),
)
def test_our_json_round_trips_every_win_goal_and_reflection_exactly(
    found: list[tuple[object, ...]],
    more_goals: list[tuple[object, ...]],
    drawn_reflections: list[tuple[object, ...]],
    completed: bool,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        with open_store(base / "a", now=NOW) as one, open_store(base / "b", now=NOW) as two:
            goals.create(one, "Ship release 2", now=NOW, slug="release-2")
            goals.create(one, "Écrire le livre ✍️", now=NOW, slug="écrire", parent="release-2")
            for drawn in more_goals:
                _add_goal(one, drawn)
            for drawn in drawn_reflections:
                _add_reflection(one, drawn)
            entries = []
            for text, day, kind, impact, tags, goal, created, later, gone, source in found:
                assert all(TAG_PATTERN.fullmatch(t) for t in tags)  # type: ignore[attr-defined]
                updated = None if later is None else created + later  # type: ignore[operator]
                stamps = Stamps(created, updated, updated if gone and updated else None, source)  # type: ignore[arg-type]
                draft = Draft(text, day, kind, impact, tags, goal)  # type: ignore[arg-type]
                entries.append(BulkEntry(draft, None, stamps))
            wins.add_many(one, entries, now=NOW, source="import")
            if completed:  # its "Completed: ..." win is named by the goal (done_win)
                goals.complete(one, "écrire", now=NOW, today=TODAY)

            result = _import(two, _export(one, "json", base / "export.json"))

            assert everything(two) == everything(one)
            assert _goals(two) == _goals(one)
            assert reflections.everything(two) == reflections.everything(one)
            assert result.reflections_added == len(drawn_reflections)
            assert result.added == len(everything(one))
            assert wins.list_wins(two, search="release") == wins.list_wins(one, search="release")


def test_csv_round_trips_what_it_holds(store: Store, other: Store, tmp_path: Path) -> None:
    fill(store)
    wins.add_draft(store, Draft("=SUM(A1) and 'quoted'", date(2026, 11, 3)), now=NOW, source="cli")

    _import(other, _export(store, "csv", tmp_path / "w.csv", WinFilter()))

    def fields(s: Store) -> list[tuple[object, ...]]:
        return sorted(
            (w.uuid, w.text, w.day, w.kind, w.impact, w.tags, w.goal, w.created_at)
            for w in wins.list_wins(s)
        )

    assert fields(other) == fields(store)
    assert [g.slug for g in _goals(other)] == ["release-2"]  # made for the wins that name it


@pytest.mark.parametrize("fmt", ["jrnl-json", "jrnl-txt"])
def test_jrnl_round_trips_text_tags_goal_setbacks_and_stars(
    store: Store, other: Store, tmp_path: Path, fmt: str
) -> None:
    fill(store)
    wins.add_draft(
        store,
        Draft("Three lines\nline two\n\nparagraph two", date(2026, 11, 4), impact=3, tags=("a",)),
        now=NOW,
        source="cli",
    )

    _import(other, _export(store, fmt, tmp_path / "w.jrnl", WinFilter()), fmt)

    def fields(s: Store) -> list[tuple[object, ...]]:
        return sorted(
            (w.text, w.day, w.kind, w.impact == 3, w.tags, w.goal, w.created_at.time())
            for w in wins.list_wins(s)  # jrnl has a date and a time, not when it was written
        )

    assert fields(other) == fields(store)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    store: Store, other: Store, tmp_path: Path
) -> None:
    fill(store)
    for fmt in ("json", "csv", "jrnl-json", "jrnl-txt"):
        path = _export(store, fmt, tmp_path / f"w.{fmt}")
        first = _import(other, path, fmt)
        before = fingerprint(other)

        again = _import(other, path, fmt)

        assert again.added == 0, fmt
        assert again.skipped == first.added + first.skipped, fmt
        assert fingerprint(other) == before, fmt


def test_jrnl_json_and_text_of_one_journal_are_the_same_entries(
    store: Store, other: Store, tmp_path: Path
) -> None:
    fill(store)
    _import(other, _export(store, "jrnl-json", tmp_path / "j.json", WinFilter()), "jrnl-json")

    again = _import(other, _export(store, "jrnl-txt", tmp_path / "j.txt", WinFilter()), "jrnl-txt")

    assert (again.added, again.skipped) == (0, 4)


def test_a_dry_run_says_what_would_happen_and_writes_nothing(
    store: Store, other: Store, tmp_path: Path
) -> None:
    fill(store)
    path = _export(store, "json", tmp_path / "w.json")
    before = fingerprint(other)

    told = _import(other, path, dry_run=True)

    assert fingerprint(other) == before
    assert (told.added, told.skipped, told.goals_added) == (5, 0, 1)
    assert told.summary() == "Would add 5 wins, 1 goal."
    done = _import(other, path)
    assert (done.added, done.skipped, done.goals_added) == (5, 0, 1)


def test_the_format_is_told_from_the_file(store: Store, other: Store, tmp_path: Path) -> None:
    fill(store)
    for fmt, name in (
        ("json", "a.json"),
        ("jrnl-json", "b.json"),
        ("csv", "c.csv"),
        ("jrnl-txt", "d.txt"),
    ):
        path = _export(store, fmt, tmp_path / name)
        assert _import(other, path, dry_run=True).added > 0, fmt  # no format given


def test_jrnl_text_reads_the_time_format_it_is_given(other: Store, tmp_path: Path) -> None:
    path = tmp_path / "j.txt"
    path.write_text("[20.11.2026 09:15] Gave the talk #talks *\nIt went well.\n", encoding="utf-8")

    with pytest.raises(ExchangeError, match="line 1: this is not where a jrnl entry starts"):
        _import(other, path, "jrnl-txt")
    _import(other, path, "jrnl-txt", time_format="%d.%m.%Y %H:%M")

    (win,) = wins.list_wins(other, since=date(2000, 1, 1))
    assert (win.text, win.day, win.tags, win.impact) == (
        "Gave the talk #talks\nIt went well.",  # only tags at the very end leave the text
        date(2026, 11, 20),
        ("talks",),
        3,
    )
    assert win.created_at == datetime(2026, 11, 20, 9, 15, tzinfo=timezone.utc)


# -- bad files: a clear message, nothing written --------------------------------------------


def _truncated(store: Store, tmp_path: Path) -> Path:
    text = _export(store, "json", tmp_path / "full.json").read_text(encoding="utf-8")
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    return path


def _json(tmp_path: Path, wins_list: list[object], name: str = "bad.json") -> Path:
    path = tmp_path / name
    good = {
        "uuid": "6d1f6a55-8a57-4a8e-9a3c-3f2a9c1b7e11",
        "day": "2026-11-20",
        "created_at": "2026-11-20T10:00:00+00:00",
        "text": "A fine win",
    }
    rows = [
        good,
        *[
            {**good, "uuid": f"6d1f6a55-8a57-4a8e-9a3c-3f2a9c1b7e{n:02d}", **w}
            for n, w in enumerate(wins_list, 20)
        ],
    ]  # type: ignore[dict-item]
    path.write_text(json.dumps({"format": "smallwins", "version": 1, "wins": rows}, indent=1))
    return path


BAD_FILES = {
    "truncated": (lambda s, p: _truncated(s, p), "json", "ends too early"),
    "empty": (lambda s, p: _write(p / "e.json", b""), "json", "is empty"),
    "binary": (lambda s, p: _write(p / "b.json", bytes(range(256)) * 4), "json", "not UTF-8"),
    "binary csv": (lambda s, p: _write(p / "b.csv", b"day,text\n" + bytes(range(128, 256))), "csv", "not UTF-8"),
    "wrong type": (lambda s, p: _json(p, [{"impact": "lots"}]), "json", r"win 2 \(line \d+\): 'impact' is 'lots'"),
    "text a number": (lambda s, p: _json(p, [{"text": 5}]), "json", "win 2 .*'text' must be text"),
    "bad date": (lambda s, p: _json(p, [{"day": "2026-13-40"}]), "json", "win 2 .*'day' is '2026-13-40'"),
    "bad time": (lambda s, p: _json(p, [{"created_at": "noon"}]), "json", "'created_at' is 'noon'"),
    "not an object": (lambda s, p: _write(p / "o.json", b'{"format": "smallwins", "wins": [[1]]}'), "json", "win 1 .*expected an object"),
    "newer version": (lambda s, p: _write(p / "n.json", b'{"format": "smallwins", "version": 99, "wins": []}'), "json", "newer Small Wins"),
    "csv bad date": (lambda s, p: _write(p / "d.csv", b"day,text\n2026-11-20,ok\nyesterday,x\n"), "csv", "line 3: 'day' is 'yesterday'"),
    "csv no header": (lambda s, p: _write(p / "h.csv", b"2026-11-20,ok\n"), "csv", "line 1: the header row has no"),
    "jrnl wrong type": (lambda s, p: _write(p / "j.json", b'{"entries": [{"title": "a", "body": "", "date": "2026-11-20", "time": "9", "starred": false}]}'), "jrnl-json", "entry 1 .*'time' is '9'"),
    "jrnl text garbage": (lambda s, p: _write(p / "j.txt", b"hello\n[2026-11-20 09:00] x\n"), "jrnl-txt", "line 1"),
    "goals after wins": (lambda s, p: _write(p / "g.json", b'{"format": "smallwins", "wins": [], "goals": []}'), "json", "'goals' comes after 'wins'"),
    "far too long": (lambda s, p: _json(p, [{"text": "x" * 500_001}]), "json", "win 2 .*500,001 characters, more than 250 wins' worth"),
    "bad reflection": (lambda s, p: _write(p / "r.json", b'{"format": "smallwins", "reflections": [{"day": "2026-11-20", "confidence": 9, "created_at": "2026-11-20T10:00:00+00:00"}], "wins": []}'), "json", "reflection 1: Confidence is a number from 1"),
}  # fmt: skip


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_clearly_and_nothing_changes(
    store: Store, tmp_path: Path, case: str
) -> None:
    fill(store)
    make, fmt, message = BAD_FILES[case]
    path = make(store, tmp_path)
    before = fingerprint(store)

    with pytest.raises(ExchangeError, match=message) as refused:
        _import(store, path, fmt)

    assert "Nothing was imported" in str(refused.value) or "nothing" in str(refused.value)
    assert fingerprint(store) == before


def test_a_large_file_of_garbage_is_refused_quickly(store: Store, tmp_path: Path) -> None:
    fill(store)
    path = tmp_path / "garbage.json"
    with open(path, "wb") as out:  # 20 MB of bytes that look like nothing
        block = os.urandom(1 << 20)
        for _ in range(20):
            out.write(block)
    before = fingerprint(store)

    with pytest.raises(ExchangeError):
        _import(store, path, "json")
    with pytest.raises(ExchangeError):
        _import(store, path, "jrnl-txt")

    assert fingerprint(store) == before


def test_an_error_late_in_a_long_file_writes_nothing(store: Store, tmp_path: Path) -> None:
    rows = [
        {"uuid": f"00000000-0000-4000-8000-{n:012d}", "day": "2026-11-20", "text": f"Win {n}",
         "created_at": "2026-11-20T10:00:00Z"}
        for n in range(3_000)
    ]  # fmt: skip
    rows[2_900]["impact"] = 7
    path = tmp_path / "long.json"
    path.write_text(json.dumps({"format": "smallwins", "version": 1, "wins": rows}))
    before = fingerprint(store)

    with pytest.raises(ExchangeError, match="win 2901"):
        _import(store, path)

    assert fingerprint(store) == before


def test_a_long_json_file_is_read_a_piece_at_a_time(tmp_path: Path) -> None:
    from smallwins_desktop.core.exchange import files, jsonstream

    path = tmp_path / "long.json"
    items = [{"n": n, "text": "é" * (n % 50)} for n in range(20_000)]
    path.write_text(json.dumps({"a": 1, "wins": items, "z": [1]}, indent=1), encoding="utf-8")
    chunks = 0

    def counted() -> Iterator[str]:
        nonlocal chunks
        for chunk in files.text_chunks(path):
            chunks += 1
            yield chunk

    members = jsonstream.read_object(counted(), path.name, streamed=frozenset({"wins"}))
    key, value = next(members)
    assert (key, value) == ("a", 1)
    key, streamed = next(members)
    first, line = next(streamed)
    assert (key, first, line) == ("wins", items[0], 4)
    assert chunks == 1  # nothing past the first chunk has been read yet
    assert [item for item, _ in streamed] == items[1:]
    assert next(members) == ("z", [1])


def test_settings_come_along_where_the_journal_has_none_of_its_own(
    store: Store, other: Store, tmp_path: Path
) -> None:
    from smallwins_desktop.core import settings, stats

    fill(store)
    stats.set_rest_day(store, date(2026, 11, 11), True)
    settings.put(store, settings.WORKDAYS, [0, 1, 2, 3])
    settings.put(other, settings.WORKDAYS, [0, 1, 2, 3, 4, 5])
    path = _export(store, "json", tmp_path / "w.json")

    result = _import(other, path)

    assert result.settings_added == 1
    assert stats.rest_days(other) == {date(2026, 11, 11)}
    assert settings.get(other, settings.WORKDAYS) == [0, 1, 2, 3, 4, 5]  # its own are kept


def test_a_reflection_this_journal_has_for_the_day_is_kept_and_a_second_import_adds_none(
    store: Store, other: Store, tmp_path: Path
) -> None:
    day = date(2026, 11, 19)
    reflections.save(store, day, now=NOW, moved_forward="From the file", confidence=2)
    reflections.save(store, day + timedelta(days=1), now=NOW, pick_up="Also from the file")
    reflections.save(other, day, now=NOW, moved_forward="Mine", confidence=5)
    path = _export(store, "json", tmp_path / "r.json")

    first = _import(other, path)
    assert first.reflections_added == 1
    assert "1 reflection" in first.summary()
    kept = reflections.get(other, day)
    assert kept is not None
    assert (kept.moved_forward, kept.confidence) == ("Mine", 5)
    assert reflections.get(other, day + timedelta(days=1)).pick_up == "Also from the file"  # type: ignore[union-attr]
    assert _import(other, path).reflections_added == 0


def _rows_by_uuid(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every column of the tables a user fills, row ids put as the uuids they stand for, so
    two journals compare field by field whatever ids their rows got."""
    db = store.db
    win_uuid = dict(db.execute_sql("SELECT id, uuid FROM win").fetchall())
    goal_uuid = dict(db.execute_sql("SELECT id, uuid FROM goal").fetchall())
    tag_name = dict(db.execute_sql("SELECT id, name FROM tag").fetchall())

    def table(name: str) -> list[tuple[object, ...]]:
        cursor = db.execute_sql(f'SELECT * FROM "{name}"')
        columns = [d[0] for d in cursor.description]
        rows = []
        for row in cursor.fetchall():
            named = dict(zip(columns, row, strict=True))
            named.pop("id", None)
            for column, ids in (
                ("goal_id", goal_uuid), ("parent_id", goal_uuid), ("done_win_id", win_uuid),
                ("win_id", win_uuid), ("tag_id", tag_name),
            ):  # fmt: skip
                if column in named and named[column] is not None:
                    named[column] = ids[named[column]]
            rows.append(tuple(sorted(named.items(), key=lambda item: item[0])))
        return sorted(rows, key=repr)

    return {name: table(name) for name in ("goal", "win", "tag", "win_tag", "reflection")}


def test_our_json_export_then_import_into_an_empty_journal_keeps_every_field(
    store: Store, other: Store, tmp_path: Path
) -> None:
    from smallwins_desktop.core import settings, stats

    fill(store)
    goals.create(store, "Launch the site", now=NOW, slug="launch")
    goals.create(store, "Landing page", now=NOW, slug="site", parent="launch", target=2,
                 criteria="Live and linked", due=date(2026, 11, 27))  # fmt: skip
    goals.create(store, "Write the docs", now=NOW, slug="docs", parent="launch")
    wins.add(store, "Built the hero +site", today=TODAY, now=NOW)
    goals.complete(store, "site", now=NOW, today=TODAY)
    goals.drop(store, "docs", now=NOW)
    goals.complete(store, "launch", now=NOW + timedelta(minutes=5), today=TODAY)
    reflections.save(store, TODAY, now=NOW, moved_forward="The site", confidence=4)
    stats.set_rest_day(store, date(2026, 11, 11), True)
    settings.put(store, settings.WORKDAYS, [0, 1, 2, 3])
    path = _export(store, "json", tmp_path / "all.json")

    _import(other, path)

    theirs, ours = _rows_by_uuid(other), _rows_by_uuid(store)
    for table in ours:
        assert theirs[table] == ours[table], table
    assert settings.get(other, settings.WORKDAYS) == [0, 1, 2, 3]
    assert stats.rest_days(other) == {date(2026, 11, 11)}
    for slug in ("release-2", "launch", "site", "docs"):
        assert goals.progress(other, slug) == goals.progress(store, slug), slug
    assert goals.progress(other, "site") == goals.Progress(1, 2, done=True)  # not 2: no step
