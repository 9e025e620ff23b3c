"""Our own JSON format: everything needed to rebuild the journal, versioned.

    {
      "format": "smallwins", "version": 1, "exported_at": "2026-11-20T15:30:00+00:00",
      "goals": [{"uuid", "title", "slug", "status", "parent", "criteria", "target", "due",
                 "created_at", "done_at", "done_win"}, ...],
      "settings": {"streak.workdays": [0, 1, 2, 3, 4], ...},
      "reflections": [{"day", "kind", "moved_forward", "got_in_the_way", "helped",
                       "pick_up", "confidence", "created_at", "updated_at"}, ...],
      "wins": [{"uuid", "day", "created_at", "updated_at", "deleted_at", "kind", "impact",
                "text", "tags", "goal", "source"}, ...]
    }

One goal or win a line, `wins` last, so a reader (ours streams: `jsonstream`) meets the goals
before the wins that name them. Times are ISO 8601 with their zone (UTC); `day` is the local
date the win belongs to; `deleted_at` is set for a win in the trash; a done goal's `done_win`
is the uuid of the "Completed: ..." win it recorded (so it is not counted as progress).
README.md documents it.
A file of a newer `version` is refused, untouched; members we do not know are ignored. A win
longer than a win may be (a file made by hand) comes in whole, as consecutive wins
(`longtext`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from smallwins_desktop.core import goals as goals_core
from smallwins_desktop.core import reflections, reminder_log, settings, stats
from smallwins_desktop.core.capture import Draft
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.errors import CaptureError
from smallwins_desktop.core.exchange import fields
from smallwins_desktop.core.exchange.files import text_chunks
from smallwins_desktop.core.exchange.incoming import Incoming
from smallwins_desktop.core.exchange.jsonstream import read_object
from smallwins_desktop.core.exchange.longtext import SplitEntry, pieces
from smallwins_desktop.core.goals import GoalRecord
from smallwins_desktop.core.reflections import ReflectionRecord
from smallwins_desktop.core.wins import BulkEntry, Stamps, WinFilter, WinRecord, iter_wins

FORMAT_NAME = "smallwins"
VERSION = 1
SETTINGS = (
    settings.WORKDAYS,
    stats.REST_DAYS,
    reminder_log.RULES_KEY,
    "celebrate.milestones",  # the milestones already celebrated (app/journal/journal.py)
)
"""The settings a move to another machine should keep; not drafts, pauses or snoozes."""
GOAL_STATUSES = goals_core.STATUSES


@uses_store
def write(store: Store, out: TextIO, match: WinFilter, *, now: datetime) -> int:
    """Write the journal (the wins `match` picks, every goal, the settings, every
    reflection); returns how many wins were written."""
    out.write("{\n")
    out.write(f'"format": "{FORMAT_NAME}",\n"version": {VERSION},\n')
    out.write(f'"exported_at": {_dump(now.isoformat())},\n')
    out.write('"goals": [')
    for n, goal in enumerate(goals_core.list_goals(store)):
        out.write(",\n" if n else "\n")
        out.write(_dump(goal_json(goal)))
    out.write('\n],\n"settings": ')
    kept = {key: value for key in SETTINGS if (value := settings.get(store, key)) is not None}
    out.write(_dump(kept))
    out.write(',\n"reflections": [')
    for n, reflection in enumerate(reflections.everything(store)):
        out.write(",\n" if n else "\n")
        out.write(_dump(reflection_json(reflection)))
    out.write('\n],\n"wins": [')
    count = 0
    for count, win in enumerate(iter_wins(store, match), start=1):
        out.write(",\n" if count > 1 else "\n")
        out.write(_dump(win_json(win)))
    out.write("\n]\n}\n")
    return count


def win_json(win: WinRecord) -> dict[str, Any]:
    return {
        "uuid": win.uuid,
        "day": win.day.isoformat(),
        "created_at": win.created_at.isoformat(),
        "updated_at": win.updated_at.isoformat(),
        "deleted_at": win.deleted_at.isoformat() if win.deleted_at else None,
        "kind": win.kind,
        "impact": win.impact,
        "text": win.text,
        "tags": list(win.tags),
        "goal": win.goal,
        "source": win.source,
    }


def goal_json(goal: GoalRecord) -> dict[str, Any]:
    return {
        "uuid": goal.uuid,
        "title": goal.title,
        "slug": goal.slug,
        "status": goal.status,
        "parent": goal.parent,
        "criteria": goal.criteria,
        "target": goal.target,
        "due": goal.due.isoformat() if goal.due else None,
        "created_at": goal.created_at.isoformat(),
        "done_at": goal.done_at.isoformat() if goal.done_at else None,
        "done_win": goal.done_win,
    }


def reflection_json(reflection: ReflectionRecord) -> dict[str, Any]:
    return {
        "day": reflection.day.isoformat(),
        "kind": reflection.kind,
        **{name: getattr(reflection, name) for name in reflections.ANSWERS},
        "confidence": reflection.confidence,
        "created_at": reflection.created_at.isoformat(),
        "updated_at": reflection.updated_at.isoformat(),
    }


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def read(path: Path) -> Incoming:
    """Read the file's header, goals and settings now; its wins as they are consumed."""
    members = read_object(text_chunks(path), path.name, streamed=frozenset({"wins"}))
    incoming = Incoming(wins=[])
    seen_format = False
    for key, value in members:
        if key == "format":
            if value != FORMAT_NAME:
                raise fields.fail(path.name, f"'format' is {value!r}, not {FORMAT_NAME!r}")
            seen_format = True
        elif key == "version":
            _check_version(path, value)
        elif key == "goals":
            if not isinstance(value, list):
                raise fields.fail(path.name, "'goals' must be a list")
            incoming.goals = [_goal(g, f"{path.name} goal {n}") for n, g in enumerate(value, 1)]
        elif key == "reflections":
            if not isinstance(value, list):
                raise fields.fail(path.name, "'reflections' must be a list")
            incoming.reflections = [
                _reflection(r, f"{path.name} reflection {n}") for n, r in enumerate(value, 1)
            ]
        elif key == "settings":
            incoming.settings = {
                k: v
                for k, v in fields.mapping(value, f"{path.name} settings").items()
                if k in SETTINGS
            }
        elif key == "wins":
            if not seen_format:
                raise fields.fail(path.name, "this is not a Small Wins export (no 'format')")
            if not isinstance(value, Iterator):
                raise fields.fail(path.name, "'wins' must be a list")
            incoming.wins = _wins(path, value, members, incoming.split)
            return incoming
    if not seen_format:
        raise fields.fail(path.name, "this is not a Small Wins export (no 'format')")
    return incoming


def _check_version(path: Path, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise fields.fail(path.name, f"'version' is {value!r}, not a version number")
    if value > VERSION:
        raise fields.fail(
            path.name,
            f"it was written by a newer Small Wins (format version {value}; this one reads "
            f"up to {VERSION}). Please update Small Wins",
        )


def _wins(
    path: Path,
    items: Iterator[tuple[Any, int]],
    rest: Iterator[tuple[str, Any]],
    split: list[SplitEntry],
) -> Iterator[BulkEntry]:
    for number, (value, line) in enumerate(items, start=1):
        where = f"{path.name} win {number} (line {line})"
        yield from pieces(win_entry(value, where), where, split)
    for key, _ in rest:  # the members after the wins: read, so the file is checked to its end
        if key in ("goals", "settings", "reflections"):
            raise fields.fail(
                path.name, f"'{key}' comes after 'wins'; it must come before them (as we write it)"
            )


def win_entry(value: Any, where: str) -> BulkEntry:
    row = fields.mapping(value, where)
    for required in ("uuid", "day", "text", "created_at"):
        if required not in row:
            raise fields.fail(where, f"'{required}' is missing")
    created = fields.moment(row["created_at"], where, "created_at")
    draft = Draft(
        text=fields.long_text(row["text"], where),
        day=fields.day(row["day"], where),
        kind=fields.kind(row.get("kind", "win"), where),
        impact=fields.impact(row.get("impact", 1), where),
        tags=fields.tags(row.get("tags", []), where),
        goal=fields.goal(row.get("goal"), where),
    )
    stamps = Stamps(
        created_at=created,
        updated_at=fields.optional_moment(row.get("updated_at"), where, "updated_at"),
        deleted_at=fields.optional_moment(row.get("deleted_at"), where, "deleted_at"),
        source=fields.source(row.get("source", "import"), where),
    )
    return BulkEntry(draft, fields.uuid(row["uuid"], where), stamps)


def _goal(value: Any, where: str) -> GoalRecord:
    row = fields.mapping(value, where)
    for required in ("uuid", "title", "slug", "created_at"):
        if required not in row:
            raise fields.fail(where, f"'{required}' is missing")
    title = row["title"]
    if not isinstance(title, str) or not title.strip():
        raise fields.fail(where, "'title' must be text")
    slug = fields.goal(row["slug"], where)
    assert slug is not None
    status = row.get("status", "active")
    if status not in GOAL_STATUSES:
        raise fields.fail(where, f"'status' is {status!r}; it is one of {', '.join(GOAL_STATUSES)}")
    target = row.get("target")
    if target is not None and (not isinstance(target, int) or isinstance(target, bool)):
        raise fields.fail(where, f"'target' is {target!r}, not a whole number")
    criteria = row.get("criteria", "")
    if not isinstance(criteria, str):
        raise fields.fail(where, "'criteria' must be text")
    return GoalRecord(
        uuid=fields.uuid(row["uuid"], where),
        title=title.strip(),
        slug=slug,
        status=str(status),
        parent=fields.goal(row.get("parent"), where),
        criteria=criteria,
        target=target,
        due=None if row.get("due") is None else fields.day(row["due"], where, "due"),
        created_at=fields.moment(row["created_at"], where, "created_at"),
        done_at=fields.optional_moment(row.get("done_at"), where, "done_at"),
        done_win=None if row.get("done_win") is None else fields.uuid(row["done_win"], where),
    )


def _reflection(value: Any, where: str) -> ReflectionRecord:
    row = fields.mapping(value, where)
    for required in ("day", "created_at"):
        if required not in row:
            raise fields.fail(where, f"'{required}' is missing")
    kind = row.get("kind", reflections.DAILY)
    if kind not in reflections.KINDS:
        raise fields.fail(where, f"'kind' is {kind!r}; it is daily or weekly")
    answers = {name: row.get(name, "") for name in reflections.ANSWERS}
    answers["confidence"] = row.get("confidence")
    try:
        checked = reflections.check_answers(answers)
    except CaptureError as error:
        raise fields.fail(where, str(error)) from None
    created = fields.moment(row["created_at"], where, "created_at")
    return ReflectionRecord(
        day=fields.day(row["day"], where),
        kind=str(kind),
        moved_forward=str(checked["moved_forward"]),
        got_in_the_way=str(checked["got_in_the_way"]),
        helped=str(checked["helped"]),
        pick_up=str(checked["pick_up"]),
        confidence=checked["confidence"],  # type: ignore[arg-type]
        created_at=created,
        updated_at=fields.optional_moment(row.get("updated_at"), where, "updated_at") or created,
    )
