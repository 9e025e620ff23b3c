"""Goals (core/goals.py): objectives and micro-goals, progress, completion, the overload guard
and the completion rate at its boundaries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from smallwins_desktop.core import bulk, config, goals, queries, settings, wins
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import CaptureError, GoalError, NotFoundError
from smallwins_desktop.core.models import Goal, Win
from smallwins_desktop.core.recognition import CELEBRATED_KEY

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc)


def _add(store: Store, line: str, *, day: date = TODAY) -> wins.WinRecord:
    return wins.add(store, line, today=day, now=NOW).win


def _node(found: list[goals.GoalNode], slug: str) -> goals.GoalNode:
    for node in found:
        if node.goal.slug == slug:
            return node
        for child in node.children:
            if child.goal.slug == slug:
                return child
    raise AssertionError(f"+{slug} is not in the tree")


# -- creating and editing ------------------------------------------------------------------------


def test_a_micro_goal_keeps_its_criteria_target_and_due_date(store: Store) -> None:
    goals.create(store, "Understand our customers", now=NOW, slug="customers")

    micro = goals.create(
        store,
        "Collect customer insights",
        now=NOW,
        slug="insights",
        parent="customers",
        criteria="  Five insights written up in the wiki ",
        target=5,
        due=date(2026, 11, 27),
    )

    assert micro.parent == "customers"
    assert micro.criteria == "Five insights written up in the wiki"
    assert (micro.target, micro.due, micro.status) == (5, date(2026, 11, 27), "active")


@pytest.mark.parametrize("target", [0, -3, goals.MAX_TARGET + 1])
def test_a_target_below_one_or_absurdly_high_is_refused_and_nothing_is_saved(
    store: Store, target: int
) -> None:
    with pytest.raises(GoalError, match="target"):
        goals.create(store, "Write posts", now=NOW, target=target)

    assert goals.list_goals(store) == []


def test_micro_goals_go_two_levels_deep_and_under_an_active_objective(store: Store) -> None:
    goals.create(store, "Marathon", now=NOW)
    goals.create(store, "Run 10 km", now=NOW, slug="10k", parent="marathon")
    goals.create(store, "Old plan", now=NOW, slug="old")
    goals.drop(store, "old", now=NOW)

    with pytest.raises(GoalError, match=r"micro-goal of \+marathon"):
        goals.create(store, "Buy shoes", now=NOW, parent="10k")
    with pytest.raises(GoalError, match="dropped"):
        goals.create(store, "Revive it", now=NOW, parent="old")
    with pytest.raises(NotFoundError):
        goals.create(store, "Orphan", now=NOW, parent="nowhere")
    assert [g.slug for g in goals.list_goals(store)] == ["marathon", "10k", "old"]


def test_edit_changes_the_fields_given_and_keeps_the_slug(store: Store) -> None:
    goals.create(store, "Write posts", now=NOW, slug="posts", target=3, due=TODAY)
    _add(store, "Drafted the first post +posts")

    edited = goals.edit(store, "+Posts", title="Write blog posts", target=4, due=None)

    assert (edited.slug, edited.title, edited.target, edited.due) == (
        "posts",
        "Write blog posts",
        4,
        None,
    )
    assert goals.progress(store, "posts") == goals.Progress(1, 4, done=False)
    cleared = goals.edit(store, "posts", target=None, criteria="Four posts published")
    assert (cleared.target, cleared.criteria) == (None, "Four posts published")


def test_edit_refuses_a_bad_target_or_an_unknown_goal_and_changes_nothing(store: Store) -> None:
    goals.create(store, "Write posts", now=NOW, slug="posts", target=3)

    with pytest.raises(GoalError):
        goals.edit(store, "posts", title="New title", target=0)
    with pytest.raises(NotFoundError, match=r"Did you mean \+posts"):
        goals.edit(store, "post", title="New title")
    with pytest.raises(CaptureError):
        goals.edit(store, "posts", title="  ")

    kept = goals.find(store, "posts")
    assert (kept.title, kept.target) == ("Write posts", 3)


# -- progress ------------------------------------------------------------------------------------


def test_progress_counts_linked_wins_but_not_setbacks_or_the_trash(store: Store) -> None:
    goals.create(store, "Collect insights", now=NOW, slug="insights", target=5)
    goals.create(store, "Something else", now=NOW, slug="other", target=5)
    _add(store, "Talked to Ana +insights")
    _add(store, "Talked to Ben +insights", day=TODAY - timedelta(days=40))
    deleted = _add(store, "Talked to Cy +insights")
    wins.delete(store, deleted.uuid, now=NOW)
    _add(store, "setback: Dan cancelled +insights")
    _add(store, "Unrelated +other")

    assert goals.progress(store, "insights") == goals.Progress(2, 5, done=False)
    assert goals.win_counts(store) == {
        _goal_id(store, "insights"): 2,
        _goal_id(store, "other"): 1,
    }


def _goal_id(store: Store, slug: str) -> int:
    with store.bound():
        return int(Goal.get(Goal.slug == slug).id)


def test_progress_without_a_target_is_done_or_not(store: Store) -> None:
    goals.create(store, "Book the venue", now=NOW, slug="venue")
    _add(store, "Called three venues +venue")

    assert goals.progress(store, "venue") == goals.Progress(0, None, done=False)
    goals.complete(store, "venue", now=NOW, today=TODAY)
    assert goals.progress(store, "venue") == goals.Progress(1, None, done=True)


def test_an_objective_counts_its_micro_goals_done_against_those_kept(store: Store) -> None:
    goals.create(store, "Launch", now=NOW)
    for slug in ("site", "docs", "demo", "ads"):
        goals.create(store, slug.title(), now=NOW, slug=slug, parent="launch")
    goals.complete(store, "site", now=NOW, today=TODAY)
    goals.drop(store, "ads", now=NOW)

    assert goals.progress(store, "launch") == goals.Progress(1, 3, done=False)


def test_the_bar_draws_progress_as_text() -> None:
    assert goals.Progress(3, 5, False).bar() == "[###---] 3/5"
    assert goals.Progress(4, 5, False).bar() == "[####--] 4/5"
    assert goals.Progress(7, 5, False).bar() == "[######] 7/5"
    assert goals.Progress(0, 5, False).bar() == "[------] 0/5"
    assert goals.Progress(0, None, False).bar() == "[------]"
    assert goals.Progress(1, None, True).bar() == "[######] done"
    assert goals.Progress(1, 3, True).bar() == "[######] done (1/3)"


def test_the_tree_holds_objectives_with_their_micro_goals_and_marks_overdue(
    store: Store,
) -> None:
    goals.create(store, "Launch", now=NOW)
    goals.create(store, "Site", now=NOW, slug="site", parent="launch", due=TODAY - timedelta(1))
    goals.create(store, "Docs", now=NOW, slug="docs", parent="launch", due=TODAY, target=2)
    goals.create(store, "Read a book", now=NOW, slug="book")
    _add(store, "Wrote the install page +docs")

    found = goals.tree(store, today=TODAY)

    assert [n.goal.slug for n in found] == ["launch", "book"]
    launch = found[0]
    assert launch.is_objective
    assert [c.goal.slug for c in launch.children] == ["site", "docs"]
    assert _node(found, "site").overdue
    assert not _node(found, "docs").overdue  # due today is not late yet
    assert _node(found, "docs").progress == goals.Progress(1, 2, done=False)
    assert launch.progress == goals.Progress(0, 2, done=False)


def test_the_tree_of_active_goals_leaves_out_closed_ones(store: Store) -> None:
    goals.create(store, "Launch", now=NOW)
    goals.create(store, "Site", now=NOW, slug="site", parent="launch")
    goals.create(store, "Docs", now=NOW, slug="docs", parent="launch")
    goals.create(store, "Old", now=NOW, slug="old")
    goals.complete(store, "site", now=NOW, today=TODAY)
    goals.drop(store, "old", now=NOW)

    found = goals.tree(store, today=TODAY, include_closed=False)

    assert [(n.goal.slug, [c.goal.slug for c in n.children]) for n in found] == [
        ("launch", ["docs"])
    ]
    # its progress still counts the micro-goal done
    assert found[0].progress == goals.Progress(1, 2, done=False)


def test_progress_is_counted_by_one_grouped_query_not_per_win(store: Store) -> None:
    goals.create(store, "Insights", now=NOW, slug="insights", target=5)
    entries = [(wins.parse(f"Insight {n} +insights", TODAY), None) for n in range(300)]
    bulk.add_many(store, entries, now=NOW, source="import")
    statements: list[str] = []
    real = store.db.execute_sql

    def counted(sql: str, params: object = None, *args: object, **kw: object) -> object:
        statements.append(sql)
        return real(sql, params, *args, **kw)  # type: ignore[arg-type]

    store.db.execute_sql = counted  # type: ignore[method-assign]
    try:
        found = goals.tree(store, today=TODAY)
    finally:
        del store.db.execute_sql

    assert found[0].progress == goals.Progress(300, 5, done=False)
    counting = [s for s in statements if "FROM win" in s]
    assert len(counting) == 1
    assert "GROUP BY" in counting[0]
    plan = " ".join(str(row[-1]) for row in real("EXPLAIN QUERY PLAN " + counting[0]).fetchall())
    assert "win_goal_progress" in plan


# -- completing and dropping ---------------------------------------------------------------------


def test_completing_a_micro_goal_records_a_medium_win_and_its_celebration(store: Store) -> None:
    goals.create(store, "Launch", now=NOW)
    goals.create(store, "Ship the site", now=NOW, slug="site", parent="launch", target=2)
    _add(store, "Built the landing page +site")

    done = goals.complete(store, "site", now=NOW, today=TODAY)

    assert done.goal.status == "done"
    assert done.goal.done_at == NOW
    assert (done.win.text, done.win.impact, done.win.kind, done.win.goal, done.win.day) == (
        "Completed: Ship the site",
        2,
        "win",
        "site",
        TODAY,
    )
    assert done.celebration.level == 2
    assert "Win #2 today" in done.celebration.detail
    # the completion win is no progress towards the goal it completed
    assert goals.progress(store, "site") == goals.Progress(1, 2, done=True)


def test_completing_a_goal_celebrates_a_milestone_once(store: Store) -> None:
    goals.create(store, "First goal", now=NOW, slug="first")

    done = goals.complete(store, "first", now=NOW, today=TODAY)

    assert done.celebration.milestone == "wins:1"
    assert settings.get(store, CELEBRATED_KEY) == ["wins:1"]


def test_completing_an_objective_waits_for_its_micro_goals_and_then_is_big(
    store: Store,
) -> None:
    goals.create(store, "Launch", now=NOW)
    goals.create(store, "Site", now=NOW, slug="site", parent="launch")

    with pytest.raises(GoalError, match=r"1 active micro-goal \(\+site\)"):
        goals.complete(store, "launch", now=NOW, today=TODAY)
    assert queries.total(store) == 0
    goals.complete(store, "site", now=NOW, today=TODAY)

    assert goals.complete(store, "launch", now=NOW, today=TODAY).win.impact == 3


def test_a_goal_is_completed_once_and_a_second_time_changes_nothing(store: Store) -> None:
    goals.create(store, "Site", now=NOW, slug="site")
    goals.complete(store, "site", now=NOW, today=TODAY)

    with pytest.raises(GoalError, match="already done"):
        goals.complete(store, "site", now=NOW + timedelta(hours=1), today=TODAY)
    with pytest.raises(GoalError, match="already done"):
        goals.drop(store, "site", now=NOW)
    with pytest.raises(NotFoundError):
        goals.complete(store, "nowhere", now=NOW, today=TODAY)
    assert queries.total(store) == 1
    assert goals.find(store, "site").done_at == NOW


def test_when_the_win_cannot_be_recorded_the_goal_stays_active(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    goals.create(store, "Site", now=NOW, slug="site")

    def broken(*args: object, **kwargs: object) -> object:
        raise CaptureError("the disk said no")

    monkeypatch.setattr(goals.recognition, "recognise", broken)
    with pytest.raises(CaptureError):
        goals.complete(store, "site", now=NOW, today=TODAY)

    assert goals.find(store, "site").status == "active"
    with store.bound():
        assert Win.select().count() == 0


def test_dropping_an_objective_drops_its_active_micro_goals_without_a_win(store: Store) -> None:
    goals.create(store, "Launch", now=NOW)
    goals.create(store, "Site", now=NOW, slug="site", parent="launch")
    goals.create(store, "Docs", now=NOW, slug="docs", parent="launch")
    goals.complete(store, "docs", now=NOW, today=TODAY)

    dropped = goals.drop(store, "launch", now=NOW)

    assert [(g.slug, g.status) for g in dropped] == [("launch", "dropped"), ("site", "dropped")]
    assert goals.find(store, "docs").status == "done"
    assert queries.total(store) == 1  # the docs' completion, nothing for the drop


def test_reopening_a_goal_done_by_mistake_makes_it_active_and_trashes_its_win(
    store: Store,
) -> None:
    goals.create(store, "Ship the site", now=NOW, slug="site", target=2)
    _add(store, "Built the landing page +site")
    done = goals.complete(store, "site", now=NOW, today=TODAY)
    later = NOW + timedelta(minutes=3)

    reopening = goals.reopen(store, "site", now=later)

    site = goals.find(store, "site")
    assert [g.slug for g in reopening.goals] == ["site"]
    assert (site.status, site.done_at, site.done_win) == ("active", None, None)
    assert reopening.trashed_win is not None
    assert reopening.trashed_win.uuid == done.win.uuid
    assert reopening.trashed_win.deleted_at == later
    assert [w.text for w in queries.list_wins(store)] == ["Built the landing page"]
    assert [w.uuid for w in wins.trash(store)] == [done.win.uuid]
    assert goals.progress(store, "site") == goals.Progress(1, 2, done=False)
    assert queries.total(store) == 1


def test_the_completion_win_of_a_reopened_goal_restored_from_the_trash_is_no_step(
    store: Store,
) -> None:
    goals.create(store, "Ship it", now=NOW, slug="ship", target=2)
    _add(store, "Step one +ship")
    goals.complete(store, "ship", now=NOW, today=TODAY)
    reopening = goals.reopen(store, "ship", now=NOW)
    assert reopening.trashed_win is not None

    restored = wins.restore(store, reopening.trashed_win.uuid)

    assert restored.goal is None
    assert goals.progress(store, "ship") == goals.Progress(1, 2, done=False)


def test_after_reopening_streaks_and_totals_are_as_before_the_goal_was_done(
    store: Store,
) -> None:
    from smallwins_desktop.core import stats

    goals.create(store, "Site", now=NOW, slug="site")
    _add(store, "Planned it", day=TODAY - timedelta(days=1))  # Thursday
    before = stats.rhythm(store, TODAY)
    summary = stats.today_summary(store, TODAY)
    goals.complete(store, "site", now=NOW, today=TODAY)
    assert stats.rhythm(store, TODAY).streak == before.streak + 1  # the completion was a win

    goals.reopen(store, "site", now=NOW)

    after = stats.rhythm(store, TODAY)
    assert (after.streak, after.this_week, after.heatmap) == (
        before.streak,
        before.this_week,
        before.heatmap,
    )
    assert stats.today_summary(store, TODAY) == summary
    assert queries.list_wins(store, since=TODAY, until=TODAY) == []


def test_a_reopened_goal_can_be_done_again_and_counts_once(store: Store) -> None:
    goals.create(store, "Site", now=NOW, slug="site", target=1)
    _add(store, "A step +site")
    goals.complete(store, "site", now=NOW, today=TODAY)
    goals.reopen(store, "site", now=NOW)

    again = goals.complete(store, "site", now=NOW + timedelta(hours=1), today=TODAY)

    assert goals.find(store, "site").done_win == again.win.uuid
    assert goals.progress(store, "site") == goals.Progress(1, 1, done=True)
    assert sorted(w.text for w in queries.list_wins(store)) == ["A step", "Completed: Site"]


def test_reopening_a_dropped_objective_brings_back_the_micro_goals_dropped_with_it(
    store: Store,
) -> None:
    goals.create(store, "Launch", now=NOW)
    goals.create(store, "Site", now=NOW, slug="site", parent="launch")
    goals.create(store, "Docs", now=NOW, slug="docs", parent="launch")
    goals.create(store, "Blog", now=NOW, slug="blog", parent="launch")
    goals.complete(store, "docs", now=NOW, today=TODAY)
    goals.drop(store, "blog", now=NOW - timedelta(hours=1))  # let go before, on its own
    goals.drop(store, "launch", now=NOW)

    reopening = goals.reopen(store, "launch", now=NOW + timedelta(hours=1))

    assert [(g.slug, g.status) for g in reopening.goals] == [
        ("launch", "active"),
        ("site", "active"),
    ]
    assert reopening.trashed_win is None
    assert goals.find(store, "docs").status == "done"
    assert goals.find(store, "blog").status == "dropped"
    assert queries.total(store) == 1  # the docs' completion stays
    assert goals.progress(store, "launch") == goals.Progress(1, 2, done=False)


def test_a_micro_goal_reopens_only_under_an_active_objective(store: Store) -> None:
    goals.create(store, "Launch", now=NOW)
    goals.create(store, "Site", now=NOW, slug="site", parent="launch")
    goals.complete(store, "site", now=NOW, today=TODAY)
    goals.complete(store, "launch", now=NOW, today=TODAY)

    with pytest.raises(GoalError, match=r"part of \+launch, which is done: reopen \+launch first"):
        goals.reopen(store, "site", now=NOW)
    assert goals.find(store, "site").status == "done"
    assert queries.total(store) == 2

    goals.reopen(store, "launch", now=NOW)
    goals.reopen(store, "site", now=NOW)
    assert [g.status for g in goals.list_goals(store)] == ["active", "active"]
    assert queries.total(store) == 0


def test_reopening_an_active_or_unknown_goal_is_refused_and_changes_nothing(
    store: Store,
) -> None:
    goals.create(store, "Site", now=NOW, slug="site")

    with pytest.raises(GoalError, match="already active"):
        goals.reopen(store, "site", now=NOW)
    with pytest.raises(NotFoundError):
        goals.reopen(store, "nowhere", now=NOW)
    assert goals.find(store, "site").status == "active"


def test_reopening_keeps_a_completion_win_already_in_the_trash_where_it_is(
    store: Store,
) -> None:
    goals.create(store, "Site", now=NOW, slug="site")
    done = goals.complete(store, "site", now=NOW, today=TODAY)
    wins.delete(store, done.win.uuid, now=NOW)

    reopening = goals.reopen(store, "site", now=NOW + timedelta(hours=1))

    assert reopening.trashed_win is None
    assert wins.get(store, done.win.uuid).deleted_at == NOW


def test_reopening_counts_against_the_overload_guard_and_the_rate(store: Store) -> None:
    goals.create(store, "Late", now=NOW, slug="late", due=TODAY - timedelta(days=2))
    goals.complete(store, "late", now=NOW, today=TODAY)
    assert goals.completion_rate(store, now=NOW, days=30).late == 1

    goals.reopen(store, "late", now=NOW)

    rate = goals.completion_rate(store, now=NOW, days=30)
    assert (rate.late, rate.overdue) == (0, 1)
    assert goals.active_micro_goals(store) == 1


# -- the overload guard --------------------------------------------------------------------------


def test_overload_warns_past_the_limit_counting_only_active_micro_goals(store: Store) -> None:
    goals.create(store, "Launch", now=NOW)  # an objective: not itself a micro-goal
    for n in range(5):
        goals.create(store, f"Step {n}", now=NOW, slug=f"step-{n}", parent="launch")

    assert goals.active_micro_goals(store) == 5
    assert goals.overload(store) is None  # five is the limit, not past it
    goals.create(store, "Step 5", now=NOW, slug="step-5")
    warning = goals.overload(store)
    assert warning == goals.Overload(active=6, limit=5)
    assert "6 active micro-goals" in warning.message()
    goals.complete(store, "step-0", now=NOW, today=TODAY)
    assert goals.overload(store) is None


def test_the_overload_limit_is_a_setting_that_refuses_nonsense(store: Store) -> None:
    for n in range(3):
        goals.create(store, f"Step {n}", now=NOW, slug=f"step-{n}")

    config.put(store, config.GOALS_ACTIVE_LIMIT, "2", now=NOW)

    assert goals.overload(store) == goals.Overload(active=3, limit=2)
    for bad in ("0", "-1", "many", str(config.MAX_ACTIVE_LIMIT + 1)):
        with pytest.raises(config.SettingError):
            config.put(store, config.GOALS_ACTIVE_LIMIT, bad, now=NOW)
    assert config.get(store, config.GOALS_ACTIVE_LIMIT) == 2


# -- the completion rate -------------------------------------------------------------------------


def _micro(store: Store, slug: str, due: date) -> None:
    goals.create(store, slug, now=NOW - timedelta(days=200), slug=slug, due=due)


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


def test_done_on_the_due_date_is_on_time_and_a_day_after_is_late(store: Store) -> None:
    _micro(store, "on-the-day", TODAY - timedelta(days=5))
    _micro(store, "day-after", TODAY - timedelta(days=5))
    _micro(store, "early", TODAY + timedelta(days=10))
    goals.complete(store, "on-the-day", now=_at(TODAY - timedelta(days=5)), today=TODAY)
    goals.complete(store, "day-after", now=_at(TODAY - timedelta(days=4)), today=TODAY)
    goals.complete(store, "early", now=_at(TODAY), today=TODAY)

    rate = goals.completion_rate(store, now=NOW, days=30)

    assert (rate.on_time, rate.late, rate.overdue, rate.dropped) == (2, 1, 0, 0)
    assert rate.rate == pytest.approx(2 / 3)
    assert rate.line() == "Last 30 days: 67% on time (2 on time, 1 late, 0 overdue)."


def test_the_window_includes_its_first_day_and_not_the_day_before(store: Store) -> None:
    first_day = TODAY - timedelta(days=29)
    _micro(store, "first-day", first_day)
    _micro(store, "day-before", first_day - timedelta(days=1))
    goals.complete(store, "first-day", now=_at(first_day), today=TODAY)
    goals.complete(store, "day-before", now=_at(first_day - timedelta(days=1)), today=TODAY)

    thirty, ninety = goals.completion_rates(store, now=NOW)

    assert (thirty.days, thirty.on_time) == (30, 1)
    assert (ninety.days, ninety.on_time) == (90, 2)


def test_overdue_counts_from_the_day_after_the_due_date(store: Store) -> None:
    _micro(store, "due-today", TODAY)
    _micro(store, "due-yesterday", TODAY - timedelta(days=1))
    _micro(store, "long-gone", TODAY - timedelta(days=30))  # due before the 30-day window
    _micro(store, "no-due", TODAY)
    goals.edit(store, "no-due", due=None)

    thirty = goals.completion_rate(store, now=NOW, days=30)
    ninety = goals.completion_rate(store, now=NOW, days=90)

    assert (thirty.overdue, thirty.rate) == (1, 0.0)
    assert ninety.overdue == 2


def test_dropped_goals_are_counted_apart_and_leave_the_rate_alone(store: Store) -> None:
    _micro(store, "kept", TODAY - timedelta(days=2))
    _micro(store, "let-go", TODAY - timedelta(days=2))
    goals.complete(store, "kept", now=_at(TODAY - timedelta(days=3)), today=TODAY)
    goals.drop(store, "let-go", now=_at(TODAY - timedelta(days=1)))

    rate = goals.completion_rate(store, now=NOW, days=30)

    assert (rate.on_time, rate.dropped, rate.rate) == (1, 1, 1.0)
    assert "1 dropped" in rate.line()


def test_with_nothing_due_there_is_no_rate(store: Store) -> None:
    _micro(store, "future", TODAY + timedelta(days=3))

    rate = goals.completion_rate(store, now=NOW, days=30)

    assert rate.rate is None
    assert rate.line() == "Last 30 days: no micro-goal fell due."


def test_the_day_a_goal_was_done_is_the_users_local_day(store: Store) -> None:
    """Done at 23:30 in UTC-5 on the due date is 04:30 UTC the next day: still on time."""
    zone = timezone(timedelta(hours=-5))
    due = TODAY - timedelta(days=3)
    _micro(store, "late-evening", due)
    evening = datetime(due.year, due.month, due.day, 23, 30, tzinfo=zone)
    goals.complete(store, "late-evening", now=evening, today=due)

    rate = goals.completion_rate(store, now=NOW.astimezone(zone), days=30)

    assert (rate.on_time, rate.late) == (1, 0)


def test_objectives_are_not_counted_in_the_rate(store: Store) -> None:
    goals.create(store, "Launch", now=NOW, due=TODAY - timedelta(days=1))
    goals.create(store, "Site", now=NOW, slug="site", parent="launch")

    assert goals.completion_rate(store, now=NOW, days=30).overdue == 0
