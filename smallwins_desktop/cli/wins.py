"""`smallwins add` and `smallwins list`."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date, timedelta

from smallwins_desktop.cli.common import (
    DEFAULT_LIST_DAYS,
    EXIT_OK,
    SEARCH_LIST_LIMIT,
    UserError,
    current_day,
    current_moment,
    current_time,
    data_dir_of,
    day_arg,
    open_store_for,
    open_store_in,
)

TYPE_CHECKING = False  # the typing module, for annotations alone, costs `smallwins add` ~2 ms
if TYPE_CHECKING:
    import argparse
    from pathlib import Path
    from typing import Any

    from smallwins_desktop.core.db import Store
    from smallwins_desktop.core.queries import WinFilter
    from smallwins_desktop.core.wins import WinRecord


def cmd_add(args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    if args.text == ["-"]:
        raw = sys.stdin.buffer.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise UserError(
                f"Standard input is not UTF-8 text (byte {raw[error.start]:#04x} at "
                f"position {error.start}); nothing was saved."
            ) from None
    from smallwins_desktop import ipc
    from smallwins_desktop.entry import new_win_id

    # One id for both paths: if the app saved it but the reply was lost, the direct write
    # below is a no-op instead of a second copy.
    win_id = args.id or new_win_id()
    today = current_day()
    message = {"cmd": "add", "text": text, "id": win_id, "today": today.isoformat()}
    reply = ipc.request(data_dir_of(args), message)
    if reply is not None and not reply.get("busy"):  # the app saved it and updated its tray
        if not reply.get("ok"):
            raise UserError(str(reply.get("error", "the running app refused the win")))
        print(reply.get("message", "Saved."))
        for note in reply.get("notes", []):
            print(f"Note: {note}", file=sys.stderr)
        return EXIT_OK
    return add_directly(data_dir_of(args), text, win_id, today=today)


def add_directly(data_dir: Path, text: str, win_id: str, *, today: date | None = None) -> int:
    """Write the win into the database (no app took it), under the id the app was offered."""
    from smallwins_desktop.core import wins

    now = current_moment()  # kept in UTC: no zone to read
    with open_store_in(data_dir, now=now) as store:
        result = wins.add(
            store, text, today=today or current_day(), now=now, source="cli", uuid=win_id
        )
    print(result.win.saved_message())
    for note in result.messages():
        print(f"Note: {note}", file=sys.stderr)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import queries, wins

    today = current_day()
    since = day_arg(args.since, today, "--since")
    until = day_arg(args.until, today, "--until")
    if args.today:
        since = until = today
    ranged = since is not None or until is not None
    if not ranged and args.tag is None and args.search is None:
        since = today - timedelta(days=DEFAULT_LIST_DAYS - 1)
    if since and until and since > until:
        raise UserError(f"--since {since} is after --until {until}.")
    # A search or a tag over all time can match years of wins: a person reads the newest.
    limit = args.limit
    over_all_time = not ranged and (args.tag is not None or args.search is not None)
    if limit is None and over_all_time and not (args.all or args.json):
        limit = SEARCH_LIST_LIMIT
    match = queries.WinFilter(since=since, until=until, tag=args.tag, search=args.search)
    with open_store_for(args) as store:
        unreadable = queries.unreadable(store)
        if unreadable:
            print(
                f"Note: {len(unreadable)} win(s) have a day that is no date and are not "
                "listed; `smallwins doctor` names them.",
                file=sys.stderr,
            )
        if args.json:  # streamed, one win a line: flat memory, however many match
            _write_json(_newest(store, match, limit))
            return EXIT_OK
        found = list(_newest(store, match, limit))
        more = 0
        if limit is not None and len(found) == limit:
            more = queries.count_wins(store, match) - len(found)
        ids = wins.short_ids(store, (w.uuid for w in found))
    if not found:
        print("No wins found." if (args.tag or args.search) else "No wins yet in this range.")
        return EXIT_OK
    current: date | None = None
    for win in found:
        if win.day != current:
            if current is not None:
                print()
            print(win.day.strftime("%a %d %b %Y"))
            current = win.day
        print(f"  {ids[win.uuid]}  {win.as_line()}")
    if more > 0:
        print(
            f"\nThe newest {len(found):,} of {len(found) + more:,} are shown; "
            "--all lists every one, --since narrows them.",
            file=sys.stderr,
        )
    return EXIT_OK


def _newest(store: Store, match: WinFilter, limit: int | None) -> Iterable[WinRecord]:
    """The wins `match` picks in day order; with `limit`, only the newest that many."""
    from smallwins_desktop.core import queries

    if limit is None:
        return queries.iter_wins(store, match)
    return reversed(list(queries.iter_wins(store, match, newest_first=True, limit=limit)))


def cmd_edit(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import wins

    changes: dict[str, Any] = {}
    if args.text is not None:
        changes["text"] = args.text
    if args.day is not None:
        changes["day"] = day_arg(args.day, current_day(), "--day")
    if args.impact is not None:
        changes["impact"] = args.impact
    if args.tags is not None:
        changes["tags"] = [t.strip().lstrip("#") for t in args.tags.split(",") if t.strip()]
    if args.no_goal:
        changes["goal"] = None
    elif args.goal is not None:
        changes["goal"] = args.goal.lstrip("+")
    if args.setback is not None:
        changes["kind"] = "setback" if args.setback else "win"
    if not changes:
        raise UserError("Nothing to change: give --text, --day, --tags, --goal, --impact ...")
    with open_store_for(args) as store:
        win = wins.edit(store, wins.resolve_id(store, args.id), now=current_time(), **changes)
    print(f"Changed: {win.day:%a %d %b}  {win.as_line()}")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import wins

    with open_store_for(args) as store:
        uuid = wins.resolve_id(store, args.id)
        win = wins.delete(store, uuid, now=current_time())
        shown = wins.short_ids(store, [uuid])[uuid]
    print(f"Deleted: {win.as_line()}")
    print(
        f"It stays in the trash for {wins.TRASH_DAYS} days: smallwins restore {shown}",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import wins

    with open_store_for(args) as store:
        win = wins.restore(store, wins.resolve_id(store, args.id))
    print(f"Restored: {win.day:%a %d %b}  {win.as_line()}")
    return EXIT_OK


def cmd_trash(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import wins

    with open_store_for(args) as store:
        purged = wins.purge_trash(store, now=current_time())
        found = wins.trash(store)
        ids = wins.short_ids(store, (w.uuid for w in found))
    if purged:
        print(
            f"Note: {purged} win(s) deleted over {wins.TRASH_DAYS} days ago were removed.",
            file=sys.stderr,
        )
    if not found:
        print("The trash is empty.")
        return EXIT_OK
    for win in found:
        deleted = win.deleted_at.astimezone() if win.deleted_at else None
        when = f"deleted {deleted:%a %d %b}" if deleted else ""
        print(f"  {ids[win.uuid]}  {win.as_line()}  ({win.day:%d %b}, {when})")
    print(f"Restore one with: smallwins restore ID (kept {wins.TRASH_DAYS} days)")
    return EXIT_OK


def _write_json(found: Iterable[WinRecord]) -> None:
    import json

    out = sys.stdout
    encode = json.JSONEncoder(ensure_ascii=False).encode
    out.write("[")
    lines: list[str] = []
    for n, win in enumerate(found):
        lines.append((",\n" if n else "\n") + encode(as_json(win)))
        if len(lines) >= 500:  # a few large writes, not two per win
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines) + "\n]\n")


def as_json(win: WinRecord) -> dict[str, Any]:
    return {
        "uuid": win.uuid,
        "day": win.day.isoformat(),
        "kind": win.kind,
        "text": win.text,
        "impact": win.impact,
        "tags": list(win.tags),
        "goal": win.goal,
        "source": win.source,
        "created_at": win.created_at.isoformat(),
        "updated_at": win.updated_at.isoformat(),
    }
