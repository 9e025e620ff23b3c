"""`smallwins goal add|list|done|drop|reopen|edit`: objectives, micro-goals and their progress.

Core is imported inside each command, never at import time, so the fast paths stay light.
A due date may be a weekday (`fri`: the next one, today included) or `tomorrow`, besides
what every day option takes; a due date already past is kept, and said so.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from typing import TYPE_CHECKING

from smallwins_desktop.cli.common import (
    EXIT_OK,
    UserError,
    current_day,
    current_time,
    day_arg,
    open_store_for,
)

if TYPE_CHECKING:
    from smallwins_desktop.core.db import Store
    from smallwins_desktop.core.goals import GoalNode

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def due_arg(value: str | None, today: date) -> date | None:
    """A due date: `tomorrow`, a weekday (the next one, today included), or any day option
    (`2026-12-01`, `today`)."""
    if value is None:
        return None
    word = value.strip().lower()
    if word == "tomorrow":
        return today + timedelta(days=1)
    for number, (short, full) in enumerate(zip(_WEEKDAYS, _FULL_WEEKDAYS, strict=True)):
        if word == short or (len(word) >= 3 and full.startswith(word)):
            return today + timedelta(days=(number - today.weekday()) % 7)
    try:
        return day_arg(value, today, "--due")
    except UserError:
        raise UserError(f"--due: '{value}' is not a day (try 2026-12-01, tomorrow, fri).") from None


def _note_past_due(due: date | None, today: date) -> None:
    if due is not None and due < today:
        print(
            f"Note: {due.isoformat()} is already past, so the goal shows as overdue.",
            file=sys.stderr,
        )


def _warn_if_overloaded(store: Store) -> None:
    from smallwins_desktop.core import goals

    warning = goals.overload(store)
    if warning is not None:
        print(f"Note: {warning.message()}", file=sys.stderr)


def cmd_goal_add(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    today = current_day()
    due = due_arg(args.due, today)
    with open_store_for(args) as store:
        goal = goals.create(
            store,
            args.title,
            now=current_time(),
            slug=args.slug,
            parent=args.under,
            criteria=args.criteria or "",
            target=args.target,
            due=due,
        )
        under = f" under +{goal.parent}" if goal.parent else ""
        print(f"Goal added: {goal.title} (+{goal.slug}){under}")
        _note_past_due(due, today)
        _warn_if_overloaded(store)
    return EXIT_OK


def cmd_goal_list(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    today = current_day()
    with open_store_for(args) as store:
        found = goals.tree(store, today=today, include_closed=args.all)
        rates = goals.completion_rates(store, now=current_time())
        warning = goals.overload(store)
    if not found:
        if args.all:
            print('No goals yet. Add one with: smallwins goal add "Ship release 2"')
        else:
            print("No active goals. `smallwins goal list --all` shows the finished ones too.")
        return EXIT_OK
    for node in found:
        _print_node(node, today, indent="")
        for child in node.children:
            _print_node(child, today, indent="  ")
    told = [rate.line() for rate in rates if rate.rate is not None]
    if told:
        print("\nDone by the due date. " + " ".join(told))
    if warning is not None:
        print(f"\nNote: {warning.message()}", file=sys.stderr)
    return EXIT_OK


def _print_node(node: GoalNode, today: date, *, indent: str) -> None:
    goal = node.goal
    parts = [f"{indent}+{goal.slug}", goal.title, node.progress.bar()]
    if goal.status == "dropped":
        parts.append("[dropped]")
    if goal.due is not None and goal.status == "active":
        parts.append(_due_text(goal.due, today, overdue=node.overdue))
    print("  ".join(parts))
    if goal.criteria:
        print(f"{indent}    done means: {goal.criteria}")


def _due_text(due: date, today: date, *, overdue: bool) -> str:
    if overdue:
        late = (today - due).days
        return f"OVERDUE since {due.isoformat()} ({late} day{'s' if late != 1 else ''})"
    if due == today:
        return "due today"
    return f"due {due.isoformat()}"


def cmd_goal_done(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    today = current_day()
    with open_store_for(args) as store:
        done = goals.complete(store, args.slug, now=current_time(), today=today, source="cli")
        parent = goals.find(store, done.goal.parent) if done.goal.parent else None
        rest = goals.progress(store, parent.slug) if parent else None
    print(f"Completed +{done.goal.slug}: {done.goal.title}")
    celebration = done.celebration
    print(" ".join(line for line in (celebration.headline, celebration.detail) if line))
    if parent is not None and rest is not None and rest.total and rest.count >= rest.total:
        print(
            f"Every micro-goal of +{parent.slug} is done: "
            f"`smallwins goal done {parent.slug}` completes it."
        )
    return EXIT_OK


def cmd_goal_drop(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    with open_store_for(args) as store:
        dropped = goals.drop(store, args.slug, now=current_time())
    first, *rest = dropped
    print(f"Dropped +{first.slug}: {first.title}")
    if rest:
        print("Its micro-goals went with it: " + ", ".join(f"+{g.slug}" for g in rest))
    return EXIT_OK


def cmd_goal_reopen(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    with open_store_for(args) as store:
        reopening = goals.reopen(store, args.slug, now=current_time())
        first, *rest = reopening.goals
        print(f"Reopened +{first.slug}: {first.title}")
        if reopening.trashed_win is not None:
            print(f'Its win "{reopening.trashed_win.text}" went to the trash.')
        if rest:
            print(
                "Its micro-goals dropped with it came back: "
                + ", ".join(f"+{g.slug}" for g in rest)
            )
        _warn_if_overloaded(store)
    return EXIT_OK


def cmd_goal_edit(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    changes: dict[str, object] = {}
    if args.title is not None:
        changes["title"] = args.title
    if args.criteria is not None:
        changes["criteria"] = args.criteria
    if args.no_target:
        changes["target"] = None
    elif args.target is not None:
        changes["target"] = args.target
    today = current_day()
    if args.no_due:
        changes["due"] = None
    elif args.due is not None:
        changes["due"] = due_arg(args.due, today)
    if not changes:
        raise UserError(
            "Nothing to change: give --title, --criteria, --target (or --no-target), "
            "--due (or --no-due)."
        )
    with open_store_for(args) as store:
        goal = goals.edit(store, args.slug, **changes)  # type: ignore[arg-type]
    print(f"Goal changed: {goal.title} (+{goal.slug})")
    due = changes.get("due")
    _note_past_due(due if isinstance(due, date) else None, today)
    return EXIT_OK


def whole_number(text: str) -> int:
    """An argparse type: any whole number (the core says which are allowed, and why)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
