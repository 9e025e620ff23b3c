"""The `smallwins` command.

    smallwins                 start the tray app (or show the running one's capture window)
    smallwins capture         show the capture window, starting the app if needed
    smallwins add TEXT...     record a win (`-` reads it from stdin)
    smallwins list            recent wins; --today, --since, --until, --tag, --search, --json
    smallwins goal add|list   goals that wins can move forward (+slug)
    smallwins doctor          where the data is and whether it is healthy

It must start fast: only argparse and the standard library are imported up front; peewee is
imported by the commands that open the database, Qt only by the ones that show a window.
Exit codes: 0 ok, 1 a problem the user can fix (one line on stderr, no traceback), 2 usage.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smallwins_desktop import __version__

if TYPE_CHECKING:
    from smallwins_desktop.core.clock import Clock
    from smallwins_desktop.core.db import Store
    from smallwins_desktop.core.wins import WinRecord

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2
DEFAULT_LIST_DAYS = 7


class UserError(Exception):
    """A problem the user can fix; printed as one line."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _quiet_encoding_errors()
    _quiet_core_logs()
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _run_app)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`smallwins list | head -1`): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        from smallwins_desktop.core.errors import SmallWinsError, classify

        if isinstance(error, UserError | SmallWinsError):
            _fail(str(error))
            return EXIT_USER_ERROR
        if _is_database_error(error):
            _fail(str(classify(error)))
            return EXIT_USER_ERROR
        if isinstance(error, OSError):
            _fail(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "))
            return EXIT_USER_ERROR
        raise


def _is_database_error(error: Exception) -> bool:
    import sqlite3

    peewee = sys.modules.get("peewee")
    database_errors: tuple[type[Exception], ...] = (sqlite3.Error,)
    if peewee is not None:
        database_errors += (peewee.PeeweeException,)
    return isinstance(error, database_errors)


def main_gui() -> int:
    """Entry point for launchers and desktop shortcuts (no console on Windows)."""
    return main(sys.argv[1:])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smallwins",
        description="Notice and celebrate your progress, one small win at a time.",
    )
    parser.add_argument("--version", action="version", version=f"smallwins {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the database lives (default: $SMALLWINS_DATA_DIR or the user data dir)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    capture = commands.add_parser("capture", help="show the quick-capture window")
    capture.set_defaults(handler=_cmd_capture)

    add = commands.add_parser(
        "add",
        help="record a win",
        description="Record a win. Syntax: [yesterday:|mon:|2026-11-20:] [setback:] "
        "text #tag +goal !!",
    )
    add.add_argument("text", nargs="+", help="the win; '-' reads it from standard input")
    add.set_defaults(handler=_cmd_add)

    listing = commands.add_parser(
        "list", help=f"list wins (the last {DEFAULT_LIST_DAYS} days unless told otherwise)"
    )
    listing.add_argument("--today", action="store_true", help="only today's wins")
    listing.add_argument("--since", metavar="DAY", help="from DAY (2026-11-01, yesterday, mon)")
    listing.add_argument("--until", metavar="DAY", help="up to and including DAY")
    listing.add_argument("--tag", help="only wins with this tag")
    listing.add_argument("--search", metavar="WORDS", help="only wins matching these words")
    listing.add_argument("--json", action="store_true", help="print JSON for other programs")
    listing.set_defaults(handler=_cmd_list)

    goal = commands.add_parser("goal", help="add or list goals")
    goal_commands = goal.add_subparsers(title="goal commands", metavar="ACTION", required=True)
    goal_add = goal_commands.add_parser("add", help="add a goal")
    goal_add.add_argument("title")
    goal_add.add_argument("--slug", help="short name used as +slug (default: from the title)")
    goal_add.add_argument("--parent", metavar="SLUG", help="the objective this goal belongs to")
    goal_add.add_argument("--due", metavar="DAY", help="due date")
    goal_add.set_defaults(handler=_cmd_goal_add)
    goal_list = goal_commands.add_parser("list", help="list goals")
    goal_list.set_defaults(handler=_cmd_goal_list)

    doctor = commands.add_parser("doctor", help="check where the data is and that it is healthy")
    doctor.set_defaults(handler=_cmd_doctor)
    return parser


# -- commands ----------------------------------------------------------------------------------


def _run_app(args: argparse.Namespace) -> int:
    from smallwins_desktop.app.launch import run_app

    return run_app(_data_dir(args))


def _cmd_capture(args: argparse.Namespace) -> int:
    from smallwins_desktop.app.launch import show_capture

    return show_capture(_data_dir(args))


def _cmd_add(args: argparse.Namespace) -> int:
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
    import uuid

    from smallwins_desktop import ipc

    # One id for both paths: if the app saved it but the reply was lost, the direct write
    # below is a no-op instead of a second copy.
    win_id = str(uuid.uuid4())
    today = _today()
    message = {"cmd": "add", "text": text, "id": win_id, "today": today.isoformat()}
    reply = ipc.request(_data_dir(args), message)
    if reply is not None and not reply.get("busy"):  # the app saved it and updated its tray
        if not reply.get("ok"):
            raise UserError(str(reply.get("error", "the running app refused the win")))
        print(reply.get("message", "Saved."))
        for note in reply.get("notes", []):
            print(f"Note: {note}", file=sys.stderr)
        return EXIT_OK

    from smallwins_desktop.core import wins

    with _open(args) as store:
        result = wins.add(store, text, today=today, now=_now(), source="cli", uuid=win_id)
    print(result.win.saved_message())
    for note in result.messages():
        print(f"Note: {note}", file=sys.stderr)
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import wins

    today = _today()
    since = _day_arg(args.since, today, "--since")
    until = _day_arg(args.until, today, "--until")
    if args.today:
        since = until = today
    if since is None and until is None and args.tag is None and args.search is None:
        since = today - timedelta(days=DEFAULT_LIST_DAYS - 1)
    if since and until and since > until:
        raise UserError(f"--since {since} is after --until {until}.")
    with _open(args) as store:
        found = wins.list_wins(store, since=since, until=until, tag=args.tag, search=args.search)
        unreadable = wins.unreadable(store)
    if unreadable:
        print(
            f"Note: {len(unreadable)} win(s) have a day that is no date and are not listed; "
            "`smallwins doctor` names them.",
            file=sys.stderr,
        )
    if args.json:
        json.dump([_as_json(w) for w in found], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
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
        print(f"  {win.as_line()}")
    return EXIT_OK


def _cmd_goal_add(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    due = _day_arg(args.due, _today(), "--due")
    with _open(args) as store:
        goal = goals.create(
            store, args.title, now=_now(), slug=args.slug, parent=args.parent, due=due
        )
    print(f"Goal added: {goal.title} (+{goal.slug})")
    return EXIT_OK


def _cmd_goal_list(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import goals

    with _open(args) as store:
        found = goals.list_goals(store)
    if not found:
        print('No goals yet. Add one with: smallwins goal add "Ship release 2"')
    for goal in found:
        due = f"  due {goal.due}" if goal.due else ""
        parent = f"  (part of +{goal.parent})" if goal.parent else ""
        print(f"+{goal.slug}  {goal.title}  [{goal.status}]{due}{parent}")
    return EXIT_OK


def _cmd_doctor(args: argparse.Namespace) -> int:
    from smallwins_desktop.doctor import report

    print(report(_data_dir(args), now=_now()))
    return EXIT_OK


# -- helpers -----------------------------------------------------------------------------------


def _data_dir(args: argparse.Namespace) -> Path:
    from smallwins_desktop import paths

    return paths.data_dir(args.data_dir)


def _open(args: argparse.Namespace) -> Store:
    """Open the store; a damaged database is reported, recovered, and work goes on."""
    from smallwins_desktop.core.db import open_store
    from smallwins_desktop.core.errors import DatabaseRecoveredError

    directory = _data_dir(args)
    try:
        return open_store(directory, now=_now())
    except DatabaseRecoveredError as recovered:
        print(f"smallwins: warning: {recovered}", file=sys.stderr)
        return open_store(directory, now=_now())


def _now() -> datetime:
    return _clock().now()


def _today() -> date:
    """Today in the user's zone, as the running app counts it (the same `SystemClock`)."""
    return _clock().now().date()


@functools.cache
def _clock() -> Clock:
    from smallwins_desktop.core.clock import SystemClock

    return SystemClock()


def _day_arg(value: str | None, today: date, flag: str) -> date | None:
    if value is None:
        return None
    from smallwins_desktop.core.capture import resolve_day

    day = resolve_day(value.strip(), today)
    if day is None:
        raise UserError(f"{flag}: '{value}' is not a day (try 2026-11-01, today, yesterday, mon).")
    return day


def _as_json(win: WinRecord) -> dict[str, Any]:
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


def _fail(message: str) -> None:
    print(f"smallwins: {message}", file=sys.stderr)


def _quiet_core_logs() -> None:
    """Core logs for the app's log; without this, Python's last-resort handler would print
    its records raw on stderr next to the CLI's own message about the same event."""
    import logging

    package = logging.getLogger("smallwins_desktop")
    if not any(isinstance(h, logging.NullHandler) for h in package.handlers):
        package.addHandler(logging.NullHandler())


def _quiet_encoding_errors() -> None:
    """A console that cannot show an emoji prints '?' instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
