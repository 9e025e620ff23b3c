"""The operations the CLI and UI share: wins (wins.py, queries.py), goals, settings and streaks."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from smallwins_desktop.core import goals, queries, settings, stats, wins
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import CaptureError, NotFoundError
from smallwins_desktop.core.models import Setting, Tag, Win

MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 11, 16) + timedelta(days=i) for i in range(7))
LAST_THU, LAST_FRI = date(2026, 11, 12), date(2026, 11, 13)


def _texts(found: list[wins.WinRecord]) -> list[str]:
    return [w.text for w in found]


def _index_rows(store: Store) -> dict[int, tuple[str, str]]:
    """The search index as {win id: (text, tags in name order)}."""
    rows = store.db.execute_sql("SELECT rowid, text, tags FROM win_fts").fetchall()
    return {rowid: (text, " ".join(sorted(tags.split()))) for rowid, text, tags in rows}


def _win_id(store: Store, uuid: str) -> int:
    with store.bound():
        return int(Win.get(Win.uuid == uuid).id)


def _nothing_saved(store: Store) -> None:
    with store.bound():
        assert Win.select().count() == 0
        assert Tag.select().count() == 0


# -- add -----------------------------------------------------------------------------------------


def test_add_saves_every_field_of_the_capture_line(
    store: Store, today: date, now: datetime
) -> None:
    result = wins.add(
        store, "yesterday: Fixed the flaky test #Testing !!", today=today, now=now, source="capture"
    )

    win = result.win
    assert (win.text, win.day, win.kind, win.impact) == (
        "Fixed the flaky test",
        date(2026, 11, 19),
        "win",
        2,
    )
    assert win.tags == ("testing",)
    assert win.goal is None
    assert win.source == "capture"
    assert win.created_at == win.updated_at == now
    assert win.deleted_at is None
    assert wins.get(store, win.uuid) == win
    assert result.unknown_goal is None


def test_add_keeps_the_parsers_notes(store: Store, today: date, now: datetime) -> None:
    result = wins.add(store, "2026-02-30: Planned", today=today, now=now)

    assert result.win.day == today
    assert any("2026-02-30" in note for note in result.notes)


def test_text_is_trimmed(store: Store, today: date, now: datetime) -> None:
    assert wins.add(store, "  \n Swept the floor \t ", today=today, now=now).win.text == (
        "Swept the floor"
    )


@pytest.mark.parametrize("line", ["", "   ", "\n\t", "#tag +goal !!", "yesterday:", "\x00\x07"])
def test_empty_text_is_refused_and_nothing_saved(
    store: Store, today: date, now: datetime, line: str
) -> None:
    with pytest.raises(CaptureError, match="Nothing to save"):
        wins.add(store, line, today=today, now=now)

    _nothing_saved(store)


def test_text_of_2000_characters_is_accepted(store: Store, today: date, now: datetime) -> None:
    text = "x" * wins.MAX_TEXT_LENGTH

    assert wins.MAX_TEXT_LENGTH == 2_000
    assert wins.add(store, f"{text} #long", today=today, now=now).win.text == text


def test_text_of_2001_characters_is_refused_naming_the_limit(
    store: Store, today: date, now: datetime
) -> None:
    with pytest.raises(CaptureError, match="2,000") as raised:
        wins.add(store, "y" * 2_001 + " #long", today=today, now=now)

    assert "2,001" in str(raised.value)
    _nothing_saved(store)


def test_control_characters_are_removed(store: Store, today: date, now: datetime) -> None:
    win = wins.add(store, "Paid\x00 the\x1b bills\x7f\tearly\nagain", today=today, now=now).win

    assert win.text == "Paid the bills\tearly\nagain"


@pytest.mark.parametrize(
    "text",
    [
        "Ran 5 km 🏃‍♀️🎉 and felt great 👍🏽",
        "今日は初めてのプルリクエストを出した",
        "完成了报告",
        "סיימתי לכתוב את הפרק",
        "أكملت التقرير",
        "Mixed: English, עברית, العربية, 中文 ‏",
    ],
)
def test_emoji_cjk_and_right_to_left_text_are_stored_exactly(
    store: Store, today: date, now: datetime, text: str
) -> None:
    uuid = wins.add(store, text, today=today, now=now).win.uuid

    assert wins.get(store, uuid).text == text
    with store.bound():
        assert Win.get(Win.uuid == uuid).text == text


def test_an_unknown_goal_saves_the_win_without_one_and_says_so(
    store: Store, today: date, now: datetime
) -> None:
    result = wins.add(store, "Drafted the plan +Moonshot", today=today, now=now)

    assert result.unknown_goal == "moonshot"
    assert result.win.goal is None
    assert queries.list_wins(store) == [result.win]


def test_a_known_goal_is_linked(store: Store, today: date, now: datetime) -> None:
    goals.create(store, "Release 2", now=now, slug="release-2")

    result = wins.add(store, "Wrote the changelog +Release-2", today=today, now=now)

    assert result.unknown_goal is None
    assert result.win.goal == "release-2"
    assert result.win.goal_title == "Release 2"


def test_a_setback_is_saved_as_a_setback(store: Store, today: date, now: datetime) -> None:
    win = wins.add(store, "setback: The deploy failed", today=today, now=now).win

    assert win.kind == "setback"
    assert queries.list_wins(store, kind="setback") == [win]
    assert queries.list_wins(store, kind="win") == []


def test_an_unknown_source_is_a_programming_error(store: Store, today: date, now: datetime) -> None:
    with pytest.raises(ValueError, match="source"):
        wins.add(store, "Something", today=today, now=now, source="telepathy")
    _nothing_saved(store)


# -- edit, delete, restore -----------------------------------------------------------------------


def test_edit_changes_the_given_fields_only(store: Store, today: date, now: datetime) -> None:
    goals.create(store, "Launch", now=now)
    win = wins.add(store, "Wrote a draft #writing", today=today, now=now).win
    later = now + timedelta(minutes=5)

    edited = wins.edit(
        store, win.uuid, now=later, text="  Wrote the final draft  ", impact=3, goal="launch"
    )

    assert edited.text == "Wrote the final draft"
    assert edited.impact == 3
    assert edited.goal == "launch"
    assert edited.tags == ("writing",)
    assert edited.day == win.day
    assert edited.created_at == now
    assert edited.updated_at == later


def test_edit_can_move_a_win_to_another_day_kind_and_tags(
    store: Store, today: date, now: datetime
) -> None:
    win = wins.add(store, "Missed the bus #commute", today=today, now=now).win

    edited = wins.edit(store, win.uuid, now=now, day=MON, kind="setback", tags=["Travel", "bus"])

    assert (edited.day, edited.kind, edited.tags) == (MON, "setback", ("bus", "travel"))
    assert queries.list_wins(store, tag="commute") == []


def test_edit_with_goal_none_unlinks(store: Store, today: date, now: datetime) -> None:
    goals.create(store, "Launch", now=now)
    win = wins.add(store, "Demo +launch", today=today, now=now).win

    assert wins.edit(store, win.uuid, now=now, goal=None).goal is None


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"text": "   "}, CaptureError),
        ({"text": "z" * 2_001}, CaptureError),
        ({"impact": 4}, CaptureError),
        ({"kind": "triumph"}, CaptureError),
        ({"goal": "no-such-goal"}, NotFoundError),
        ({"tags": ["fine", "not/a/tag"]}, CaptureError),
        ({"text": "New text", "tags": ["two words"]}, CaptureError),
    ],
)
def test_an_invalid_edit_is_refused_and_changes_nothing(
    store: Store, today: date, now: datetime, change: dict[str, object], error: type[Exception]
) -> None:
    win = wins.add(store, "Original text #keep", today=today, now=now).win

    with pytest.raises(error):
        wins.edit(store, win.uuid, now=now + timedelta(hours=1), **change)  # type: ignore[arg-type]

    assert wins.get(store, win.uuid) == win


def test_soft_delete_hides_a_win_and_restore_brings_it_back(
    store: Store, today: date, now: datetime
) -> None:
    win = wins.add(store, "Called grandma #family", today=today, now=now).win
    later = now + timedelta(minutes=1)

    deleted = wins.delete(store, win.uuid, now=later)

    assert deleted.deleted_at == later
    assert queries.list_wins(store) == []
    assert queries.list_wins(store, search="grandma") == []
    assert queries.list_wins(store, tag="family") == []
    assert _texts(queries.list_wins(store, deleted=None)) == ["Called grandma"]

    restored = wins.restore(store, win.uuid)

    assert restored == win
    assert queries.list_wins(store) == [win]
    assert queries.list_wins(store, search="grandma") == [win]


@pytest.mark.parametrize("operation", ["get", "edit", "delete", "restore"])
def test_an_unknown_win_is_not_found(store: Store, now: datetime, operation: str) -> None:
    calls = {
        "get": lambda: wins.get(store, "no-such-uuid"),
        "edit": lambda: wins.edit(store, "no-such-uuid", now=now, text="x"),
        "delete": lambda: wins.delete(store, "no-such-uuid", now=now),
        "restore": lambda: wins.restore(store, "no-such-uuid"),
    }
    with pytest.raises(NotFoundError):
        calls[operation]()


# -- the search index ----------------------------------------------------------------------------


def test_the_index_is_kept_in_step_on_add_edit_delete_and_restore(
    store: Store, today: date, now: datetime
) -> None:
    win = wins.add(store, "Painted the fence #garden #diy", today=today, now=now).win
    rowid = _win_id(store, win.uuid)
    assert _index_rows(store) == {rowid: ("Painted the fence", "diy garden")}

    wins.edit(store, win.uuid, now=now, text="Painted the shed", tags=["outdoors"])
    assert _index_rows(store) == {rowid: ("Painted the shed", "outdoors")}
    assert queries.list_wins(store, search="fence") == []
    assert queries.list_wins(store, search="garden") == []
    assert _texts(queries.list_wins(store, search="shed outdoors")) == ["Painted the shed"]

    wins.delete(store, win.uuid, now=now)
    assert _index_rows(store) == {}

    wins.edit(store, win.uuid, now=now, text="Painted the barn")
    assert _index_rows(store) == {}, "editing a deleted win must not bring it back to search"

    wins.restore(store, win.uuid)
    assert _index_rows(store) == {rowid: ("Painted the barn", "outdoors")}


def test_search_matches_word_prefixes(store: Store, today: date, now: datetime) -> None:
    wins.add(store, "Fixed the flaky login test", today=today, now=now)
    wins.add(store, "Refactored the parser", today=today, now=now)

    assert _texts(queries.list_wins(store, search="flak")) == ["Fixed the flaky login test"]
    assert _texts(queries.list_wins(store, search="FIX LOG")) == ["Fixed the flaky login test"]
    assert _texts(queries.list_wins(store, search="the")) == [
        "Fixed the flaky login test",
        "Refactored the parser",
    ]
    assert queries.list_wins(store, search="flaky parser") == []


def test_search_finds_a_win_by_its_tag_name(store: Store, today: date, now: datetime) -> None:
    wins.add(store, "Wrote three tests #Testing", today=today, now=now)
    wins.add(store, "Went for a walk", today=today, now=now)

    assert _texts(queries.list_wins(store, search="testing")) == ["Wrote three tests"]


def test_search_ignores_accents_and_finds_other_scripts(
    store: Store, today: date, now: datetime
) -> None:
    wins.add(store, "Réparé le vélo", today=today, now=now)
    wins.add(store, "סיימתי את הפרק", today=today, now=now)

    assert _texts(queries.list_wins(store, search="velo")) == ["Réparé le vélo"]
    assert _texts(queries.list_wins(store, search="הפרק")) == ["סיימתי את הפרק"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        'say "hi',
        "-",
        "-draft",
        "*",
        "test*",
        "AND",
        "OR",
        "NOT",
        "fix AND",
        "NEAR(",
        "(a OR",
        "text:",
        "^start",
        "col:value",
        "'; DROP TABLE win; --",
        "{}[]",
        "",
        "   ",
    ],
)
def test_search_text_with_query_syntax_never_raises(
    store: Store, today: date, now: datetime, query: str
) -> None:
    wins.add(store, "Fixed the draft AND published it", today=today, now=now)

    found = queries.list_wins(store, search=query)

    assert isinstance(found, list)
    with store.bound():
        assert Win.select().count() == 1


def test_search_words_with_syntax_around_them_still_match(
    store: Store, today: date, now: datetime
) -> None:
    wins.add(store, "Fixed the draft AND published it", today=today, now=now)

    for query in ('"draft"', "-draft", "draft*", "fix AND", "(published"):
        assert len(queries.list_wins(store, search=query)) == 1, query


def test_fts_query_quotes_every_word_as_a_prefix() -> None:
    assert queries.fts_query('fix "the" AND -bug*') == '"fix"* "the"* "AND"* "bug"*'
    assert queries.fts_query("-*()\"'") is None


# -- lists ---------------------------------------------------------------------------------------


def _add_week(store: Store, today: date, now: datetime) -> None:
    for offset, line in enumerate(
        [
            "mon: Planned the week #work",
            "tue: Wrote the spec #work #writing",
            "wed: Went running #health",
            "thu: setback: The build broke #work",
            "fri: Shipped it #work !!!",
        ]
    ):
        wins.add(store, line, today=today, now=now + timedelta(seconds=offset))


def test_list_by_day_and_by_range(store: Store, today: date, now: datetime) -> None:
    _add_week(store, today, now)

    assert _texts(queries.list_wins(store, since=WED, until=WED)) == ["Went running"]
    assert _texts(queries.list_wins(store, since=TUE, until=THU)) == [
        "Wrote the spec",
        "Went running",
        "The build broke",
    ]
    assert _texts(queries.list_wins(store, since=THU)) == ["The build broke", "Shipped it"]
    assert _texts(queries.list_wins(store, until=MON)) == ["Planned the week"]
    assert queries.list_wins(store, since=SAT, until=SUN) == []


def test_list_is_in_day_order_or_newest_first(store: Store, today: date, now: datetime) -> None:
    _add_week(store, today, now)

    oldest_first = _texts(queries.list_wins(store))
    newest_first = _texts(queries.list_wins(store, newest_first=True))

    assert oldest_first[0] == "Planned the week"
    assert newest_first == list(reversed(oldest_first))
    assert _texts(queries.list_wins(store, newest_first=True, limit=2)) == [
        "Shipped it",
        "The build broke",
    ]


def test_list_by_tag_ignores_case_and_the_hash(store: Store, today: date, now: datetime) -> None:
    _add_week(store, today, now)

    expected = ["Planned the week", "Wrote the spec", "The build broke", "Shipped it"]
    assert _texts(queries.list_wins(store, tag="work")) == expected
    assert _texts(queries.list_wins(store, tag="#WORK")) == expected
    assert _texts(queries.list_wins(store, tag="writing", since=TUE, until=TUE)) == [
        "Wrote the spec"
    ]
    assert queries.list_wins(store, tag="nope") == []


def test_filters_combine(store: Store, today: date, now: datetime) -> None:
    _add_week(store, today, now)

    found = queries.list_wins(store, tag="work", search="the", since=TUE)

    assert _texts(found) == ["Wrote the spec", "The build broke"]


def test_tags_in_use_counts_ignore_deleted_wins(store: Store, today: date, now: datetime) -> None:
    _add_week(store, today, now)
    extra = wins.add(store, "Stretched #health", today=today, now=now).win
    gone = wins.add(store, "Secret #hidden #health", today=today, now=now).win

    wins.delete(store, gone.uuid, now=now)

    assert queries.tags_in_use(store) == [("work", 4), ("health", 2), ("writing", 1)]
    assert queries.tag_names(store) == ["health", "work", "writing"]  # "hidden" is in the trash
    wins.delete(store, extra.uuid, now=now)
    assert ("health", 1) in queries.tags_in_use(store)
    wins.restore(store, gone.uuid)
    assert queries.tag_names(store) == ["health", "hidden", "work", "writing"]


def test_count_by_day_counts_wins_not_setbacks_nor_deleted(
    store: Store, today: date, now: datetime
) -> None:
    _add_week(store, today, now)
    wins.add(store, "fri: Second win on friday", today=today, now=now)
    gone = wins.add(store, "fri: Deleted", today=today, now=now).win
    wins.delete(store, gone.uuid, now=now)

    assert queries.count_by_day(store, MON, SUN) == {MON: 1, TUE: 1, WED: 1, FRI: 2}
    assert queries.count_by_day(store, MON, SUN, kind="setback") == {THU: 1}
    assert queries.count_by_day(store, TUE, WED) == {TUE: 1, WED: 1}
    assert queries.total(store) == 5
    assert queries.total(store, kind="setback") == 1


# -- goals ---------------------------------------------------------------------------------------


def test_a_goal_slug_is_derived_from_its_title(store: Store, now: datetime) -> None:
    goal = goals.create(store, "  Release 2.0 — ship it!  ", now=now)

    assert goal.title == "Release 2.0 — ship it!"
    assert goal.slug == "release-2-0-ship-it"
    assert goal.status == "active"
    assert goals.get(store, "+Release-2-0-Ship-It") == goal


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Écrire le livre", "écrire-le-livre"), ("完成报告", "完成报告"), ("!!!", "goal")],
)
def test_slugify_keeps_letters_of_any_script(title: str, slug: str) -> None:
    assert goals.slugify(title) == slug


def test_an_explicit_slug_is_lower_cased_and_may_start_with_plus(
    store: Store, now: datetime
) -> None:
    assert goals.create(store, "Launch", now=now, slug="+Big-Launch").slug == "big-launch"


@pytest.mark.parametrize("slug", ["42", "two words", "semi;colon", "-"])
def test_a_slug_needs_a_letter_and_only_name_characters(
    store: Store, now: datetime, slug: str
) -> None:
    with pytest.raises(CaptureError, match="short name"):
        goals.create(store, "Something", now=now, slug=slug)
    assert goals.list_goals(store) == []


def test_a_duplicate_slug_is_refused(store: Store, now: datetime) -> None:
    goals.create(store, "Launch", now=now)

    with pytest.raises(CaptureError, match=r"already a goal \+launch"):
        goals.create(store, "LAUNCH", now=now)
    assert len(goals.list_goals(store)) == 1


def test_a_goal_needs_a_title(store: Store, now: datetime) -> None:
    with pytest.raises(CaptureError):
        goals.create(store, "   ", now=now)


def test_a_micro_goal_belongs_to_an_objective(store: Store, now: datetime) -> None:
    goals.create(store, "Run a marathon", now=now, slug="marathon")

    micro = goals.create(store, "Run 10 km", now=now, slug="10k", parent="Marathon", due=FRI)

    assert micro.parent == "marathon"
    assert micro.due == FRI
    assert [g.slug for g in goals.list_goals(store)] == ["marathon", "10k"]
    with pytest.raises(NotFoundError):
        goals.create(store, "Orphan", now=now, parent="nowhere")


# -- settings ------------------------------------------------------------------------------------


def test_a_missing_setting_reads_as_the_default(store: Store) -> None:
    assert settings.get(store, "capture.draft") is None
    assert settings.get(store, "capture.draft", "fallback") == "fallback"


@pytest.mark.parametrize("value", ["text ✓ 日本", 42, 1.5, True, None, [1, 2], {"a": {"b": [3]}}])
def test_settings_round_trip_json_values(store: Store, value: object) -> None:
    settings.put(store, "some.key", value)

    assert settings.get(store, "some.key", "default") == value


def test_put_replaces_and_remove_restores_the_default(store: Store) -> None:
    settings.put(store, "some.key", 1)
    settings.put(store, "some.key", 2)
    assert settings.get(store, "some.key") == 2

    settings.remove(store, "some.key")
    assert settings.get(store, "some.key", "gone") == "gone"


def test_an_unreadable_setting_reads_as_the_default(store: Store) -> None:
    with store.bound():
        Setting.create(key="broken", value="{not json")

    assert settings.get(store, "broken", "default") == "default"


def test_workdays_default_to_monday_to_friday(store: Store) -> None:
    assert settings.workdays(store) == frozenset({0, 1, 2, 3, 4})


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ([0, 2, 4], {0, 2, 4}),
        ([5, 6, 99, -1, "x"], {5, 6}),
        ([], {0, 1, 2, 3, 4}),
        (["mon"], {0, 1, 2, 3, 4}),
    ],
)
def test_custom_workdays_keep_only_valid_weekdays(
    store: Store, stored: object, expected: set[int]
) -> None:
    settings.put(store, settings.WORKDAYS, stored)

    assert settings.workdays(store) == frozenset(expected)


# -- streaks -------------------------------------------------------------------------------------

WEEKDAYS = frozenset({0, 1, 2, 3, 4})


def test_streak_counts_consecutive_workdays_ending_today(today: date) -> None:
    assert stats.streak({MON, TUE, WED, THU, FRI}, today, WEEKDAYS) == 5


def test_today_without_a_win_does_not_break_the_streak(today: date) -> None:
    assert stats.streak({MON, TUE, WED, THU}, today, WEEKDAYS) == 4


def test_a_missed_workday_breaks_the_streak(today: date) -> None:
    assert stats.streak({MON, TUE, THU, FRI}, today, WEEKDAYS) == 2
    assert stats.streak({MON, TUE, WED}, today, WEEKDAYS) == 0


def test_the_weekend_neither_counts_nor_breaks_the_streak(today: date) -> None:
    across_a_weekend = {LAST_THU, LAST_FRI, MON, TUE, WED, THU, FRI}

    assert stats.streak(across_a_weekend, today, WEEKDAYS) == 7
    assert stats.streak(across_a_weekend | {date(2026, 11, 14)}, today, WEEKDAYS) == 7


def test_on_the_weekend_the_streak_runs_to_friday() -> None:
    assert stats.streak({MON, TUE, WED, THU, FRI}, SUN, WEEKDAYS) == 5
    assert stats.streak({MON, TUE, WED, THU, FRI, SAT}, SUN, WEEKDAYS) == 5


def test_no_wins_no_streak(today: date) -> None:
    assert stats.streak(set(), today, WEEKDAYS) == 0
    assert stats.streak({MON, TUE}, today, frozenset()) == 0


def test_custom_workdays_shape_the_streak(today: date) -> None:
    mon_wed_fri = frozenset({0, 2, 4})
    every_day = frozenset(range(7))

    assert stats.streak({MON, WED, FRI}, today, mon_wed_fri) == 3
    assert stats.streak({MON, WED, FRI}, today, WEEKDAYS) == 1
    assert stats.streak({LAST_FRI, SAT, SUN, MON, TUE}, TUE, every_day) == 2
    assert stats.streak({date(2026, 11, 14), date(2026, 11, 15), MON, TUE}, TUE, every_day) == 4


def test_today_summary_reads_the_store(store: Store, today: date, now: datetime) -> None:
    _add_week(store, today, now)
    wins.add(store, "setback: Overslept", today=today, now=now)
    wins.add(store, "Second win today", today=today, now=now)

    summary = stats.today_summary(store, today)

    # Thursday holds only a setback, so the streak is Friday alone.
    assert summary == stats.TodaySummary(wins=2, setbacks=1, streak=1, total=5)
