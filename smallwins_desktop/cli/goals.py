"""`smallwins goal add` and `smallwins goal list`."""

from __future__ import annotations

import argparse

from smallwins_desktop.cli.common import (
    EXIT_OK,
    current_day,
    current_time,
    day_arg,
    open_store_for,
)


def cmd_goal_add(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    due = day_arg(args.due, current_day(), "--due")
    with open_store_for(args) as store:
        goal = goals.create(
            store, args.title, now=current_time(), slug=args.slug, parent=args.parent, due=due
        )
    print(f"Goal added: {goal.title} (+{goal.slug})")
    return EXIT_OK


def cmd_goal_list(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    with open_store_for(args) as store:
        found = goals.list_goals(store)
    if not found:
        print('No goals yet. Add one with: smallwins goal add "Ship release 2"')
    for goal in found:
        due = f"  due {goal.due}" if goal.due else ""
        parent = f"  (part of +{goal.parent})" if goal.parent else ""
        print(f"+{goal.slug}  {goal.title}  [{goal.status}]{due}{parent}")
    return EXIT_OK
