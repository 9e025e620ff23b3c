"""`smallwins goal add|list|done|drop|edit`, run as the real command against a temp data dir.

The CLI reads the wall clock for "today", so due dates here are relative to the local today.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from smallwins_desktop.cli.common import UserError
from smallwins_desktop.cli.goals import due_arg
from smallwins_desktop.core import goals, wins
from smallwins_desktop.core.db import open_store

SMALLWINS = Path(sys.executable).parent / ("smallwins.exe" if os.name == "nt" else "smallwins")


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SMALLWINS), "--data-dir", str(data_dir), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )


def _ok(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = _run(data_dir, *args)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done


def _refused(data_dir: Path, *args: str) -> str:
    done = _run(data_dir, *args)
    assert done.returncode == 1, done.stdout
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("smallwins: ")
    return line


def _today() -> date:
    return datetime.now().astimezone().date()


def _goals(data_dir: Path) -> list[goals.GoalRecord]:
    with open_store(data_dir) as store:
        return goals.list_goals(store)


def test_goal_add_takes_a_micro_goal_under_an_objective_with_all_its_fields(
    data_dir: Path,
) -> None:
    _ok(data_dir, "goal", "add", "Understand customers", "--slug", "customers")
    due = (_today() + timedelta(days=7)).isoformat()

    done = _ok(
        data_dir,
        "goal", "add", "Collect insights", "--under", "customers",
        "--criteria", "Five written up", "--target", "5", "--due", due,
    )  # fmt: skip

    assert done.stdout.strip() == (
        "Goal added: Collect insights (+collect-insights) under +customers"
    )
    micro = _goals(data_dir)[1]
    assert (micro.parent, micro.criteria, micro.target, micro.due) == (
        "customers",
        "Five written up",
        5,
        date.fromisoformat(due),
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--target", "0"), "from 1 to"),
        (("--target", "-2"), "from 1 to"),
        (("--under", "nowhere"), "no goal +nowhere"),
        (("--due", "someday"), "--due: 'someday' is not a day"),
    ],
)
def test_goal_add_refuses_bad_input_with_one_line_and_saves_nothing(
    data_dir: Path, args: tuple[str, ...], says: str
) -> None:
    assert says in _refused(data_dir, "goal", "add", "Write posts", *args)
    assert _goals(data_dir) == []


def test_a_due_date_in_the_past_is_kept_and_said(data_dir: Path) -> None:
    past = (_today() - timedelta(days=3)).isoformat()

    done = _ok(data_dir, "goal", "add", "Late already", "--due", past)

    assert f"{past} is already past" in done.stderr
    assert _goals(data_dir)[0].due == date.fromisoformat(past)


def test_goal_list_draws_a_tree_with_bars_due_dates_and_overdue(data_dir: Path) -> None:
    today = _today()
    with open_store(data_dir) as store:
        now = datetime.now().astimezone()
        goals.create(store, "Launch", now=now)
        goals.create(
            store, "Site", now=now, slug="site", parent="launch", target=5,
            due=today + timedelta(days=2), criteria="Live on the domain",
        )  # fmt: skip
        goals.create(store, "Docs", now=now, slug="docs", parent="launch", due=today - timedelta(1))
        for n in range(3):
            wins.add(store, f"Step {n} +site", today=today, now=now)

    listing = _ok(data_dir, "goal", "list").stdout.splitlines()

    assert listing[0] == "+launch  Launch  [------] 0/2"
    assert listing[1] == f"  +site  Site  [###---] 3/5  due {(today + timedelta(2)).isoformat()}"
    assert listing[2] == "      done means: Live on the domain"
    assert listing[3] == (
        f"  +docs  Docs  [------]  OVERDUE since {(today - timedelta(1)).isoformat()} (1 day)"
    )


def test_goal_done_records_the_win_celebrates_and_names_the_objective_left(
    data_dir: Path,
) -> None:
    _ok(data_dir, "goal", "add", "Launch")
    _ok(data_dir, "goal", "add", "Ship the site", "--under", "launch", "--slug", "site")

    done = _ok(data_dir, "goal", "done", "site")

    lines = done.stdout.splitlines()
    assert lines[0] == "Completed +site: Ship the site"
    assert lines[1].startswith("Nice — that moved things forward.")
    assert "goal done launch" in lines[2]
    with open_store(data_dir) as store:
        [win] = wins.list_wins(store, deleted=None)
    assert (win.text, win.impact, win.goal) == ("Completed: Ship the site", 2, "site")
    listing = _ok(data_dir, "goal", "list", "--all").stdout
    assert "+site  Ship the site  [######] done" in listing
    assert "already done" in _refused(data_dir, "goal", "done", "site")


def test_goal_list_leaves_closed_goals_out_unless_asked(data_dir: Path) -> None:
    _ok(data_dir, "goal", "add", "Keep me")
    _ok(data_dir, "goal", "add", "Let go")
    _ok(data_dir, "goal", "drop", "let-go")

    assert "let-go" not in _ok(data_dir, "goal", "list").stdout
    assert "+let-go  Let go  [------]  [dropped]" in _ok(data_dir, "goal", "list", "--all").stdout


def test_goal_drop_takes_an_objectives_micro_goals_with_it(data_dir: Path) -> None:
    _ok(data_dir, "goal", "add", "Launch")
    _ok(data_dir, "goal", "add", "Site", "--under", "launch")

    done = _ok(data_dir, "goal", "drop", "launch")

    assert done.stdout.splitlines() == [
        "Dropped +launch: Launch",
        "Its micro-goals went with it: +site",
    ]
    assert {g.status for g in _goals(data_dir)} == {"dropped"}


def test_goal_edit_changes_what_is_given_and_refuses_nothing_or_nonsense(
    data_dir: Path,
) -> None:
    _ok(data_dir, "goal", "add", "Write posts", "--slug", "posts", "--target", "3")

    _ok(data_dir, "goal", "edit", "posts", "--title", "Write blog posts", "--no-target")

    [goal] = _goals(data_dir)
    assert (goal.slug, goal.title, goal.target) == ("posts", "Write blog posts", None)
    assert "Nothing to change" in _refused(data_dir, "goal", "edit", "posts")
    assert "from 1 to" in _refused(data_dir, "goal", "edit", "posts", "--target", "0")
    assert "Did you mean +posts" in _refused(data_dir, "goal", "edit", "post", "--title", "x")
    assert _goals(data_dir) == [goal]


def test_adding_past_the_limit_gives_a_calm_note(data_dir: Path) -> None:
    _ok(data_dir, "config", "set", "goals.active_limit", "2")
    _ok(data_dir, "goal", "add", "One")
    quiet = _ok(data_dir, "goal", "add", "Two")

    loud = _ok(data_dir, "goal", "add", "Three")

    assert quiet.stderr == ""
    assert "Note: You have 3 active micro-goals; your limit is 2." in loud.stderr
    assert len(_goals(data_dir)) == 3  # a warning, never a block


def test_a_setback_is_noted_saying_the_word_once(data_dir: Path) -> None:
    done = _ok(data_dir, "add", "setback: The demo crashed #demo")

    assert done.stdout.strip() == "Setback noted: The demo crashed #demo"


FRIDAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("word", "day"),
    [
        ("tomorrow", date(2026, 11, 21)),
        ("fri", FRIDAY),
        ("mon", date(2026, 11, 23)),
        ("thursday", date(2026, 11, 26)),
        ("2026-12-01", date(2026, 12, 1)),
        ("today", FRIDAY),
    ],
)
def test_a_due_weekday_is_the_next_one(word: str, day: date) -> None:
    assert due_arg(word, FRIDAY) == day


def test_a_due_date_that_is_no_day_is_refused() -> None:
    with pytest.raises(UserError, match="not a day"):
        due_arg("whenever", FRIDAY)


def test_goal_reopen_undoes_done_and_drop_and_says_what_changed(data_dir: Path) -> None:
    _ok(data_dir, "goal", "add", "Launch")
    _ok(data_dir, "goal", "add", "Site", "--under", "launch", "--target", "2")
    _ok(data_dir, "add", "Built the hero +site")
    _ok(data_dir, "goal", "done", "site")

    reopened = _ok(data_dir, "goal", "reopen", "site")

    assert reopened.stdout.splitlines() == [
        "Reopened +site: Site",
        'Its win "Completed: Site" went to the trash.',
    ]
    assert "+site  Site  [###---] 1/2" in _ok(data_dir, "goal", "list").stdout
    with open_store(data_dir) as store:
        assert [w.text for w in wins.list_wins(store)] == ["Built the hero"]
    _ok(data_dir, "goal", "drop", "launch")

    back = _ok(data_dir, "goal", "reopen", "launch")

    assert back.stdout.splitlines() == [
        "Reopened +launch: Launch",
        "Its micro-goals dropped with it came back: +site",
    ]
    assert {g.status for g in _goals(data_dir)} == {"active"}
    assert "already active" in _refused(data_dir, "goal", "reopen", "site")
    assert "no goal +nope" in _refused(data_dir, "goal", "reopen", "nope")
