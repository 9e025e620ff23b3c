"""The command line's grammar: every command, its options and its handler."""

from __future__ import annotations

import argparse

from smallwins_desktop import __version__
from smallwins_desktop.cli.app import cmd_capture, cmd_journal, cmd_settings
from smallwins_desktop.cli.common import (
    DEFAULT_LIST_DAYS,
    SEARCH_LIST_LIMIT,
)
from smallwins_desktop.cli.config import (
    cmd_config_get,
    cmd_config_list,
    cmd_config_reset,
    cmd_config_set,
)
from smallwins_desktop.cli.doctor import cmd_doctor
from smallwins_desktop.cli.exchange import (
    cmd_backup,
    cmd_export,
    cmd_import,
    cmd_restore,
    cmd_standup,
)
from smallwins_desktop.cli.goals import (
    cmd_goal_add,
    cmd_goal_done,
    cmd_goal_drop,
    cmd_goal_edit,
    cmd_goal_list,
    cmd_goal_reopen,
    whole_number,
)
from smallwins_desktop.cli.reflect import cmd_reflect
from smallwins_desktop.cli.wins import (
    cmd_add,
    cmd_delete,
    cmd_edit,
    cmd_list,
    cmd_trash,
)


def cmd_install_desktop(args: argparse.Namespace) -> int:
    # Imported when run: its file handling would cost every other command's start-up.
    from smallwins_desktop.cli.desktop import cmd_install_desktop as install

    return install(args)


def cmd_uninstall_desktop(args: argparse.Namespace) -> int:
    from smallwins_desktop.cli.desktop import cmd_uninstall_desktop as uninstall

    return uninstall(args)


def build_parser() -> argparse.ArgumentParser:
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
    parser.add_argument(
        "--background",
        action="store_true",
        help="start without showing anything until a system tray appears (for start at login)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    capture = commands.add_parser("capture", help="show the quick-capture window")
    capture.set_defaults(handler=cmd_capture)
    journal = commands.add_parser(
        "journal", help="open the journal: look back, search, edit, see the rhythm"
    )
    journal.set_defaults(handler=cmd_journal)
    settings_window = commands.add_parser("settings", help="show the Settings window")
    settings_window.set_defaults(handler=cmd_settings)

    add = commands.add_parser(
        "add",
        help="record a win",
        description="Record a win. Syntax: [yesterday:|mon:|2026-11-20:] [setback:] "
        "text #tag +goal !!",
    )
    add.add_argument("text", nargs="+", help="the win; '-' reads it from standard input")
    # The id a hand-over already tried (entry.py): the same win is never saved twice.
    add.add_argument("--id", help=argparse.SUPPRESS)
    add.set_defaults(handler=cmd_add)

    listing = commands.add_parser(
        "list", help=f"list wins (the last {DEFAULT_LIST_DAYS} days unless told otherwise)"
    )
    listing.add_argument("--today", action="store_true", help="only today's wins")
    listing.add_argument("--since", metavar="DAY", help="from DAY (2026-11-01, yesterday, mon)")
    listing.add_argument("--until", metavar="DAY", help="up to and including DAY")
    listing.add_argument("--tag", help="only wins with this tag")
    listing.add_argument("--search", metavar="WORDS", help="only wins matching these words")
    listing.add_argument(
        "--limit",
        type=_positive,
        metavar="N",
        help=f"only the newest N (a search or tag over all time shows {SEARCH_LIST_LIMIT})",
    )
    listing.add_argument("--all", action="store_true", help="every match, however many")
    listing.add_argument("--json", action="store_true", help="print JSON for other programs")
    listing.set_defaults(handler=cmd_list)

    edit = commands.add_parser(
        "edit", help="change a win", description="Change a win; ID is the id `list` shows."
    )
    edit.add_argument("id", metavar="ID")
    edit.add_argument("--text", help="the new text")
    edit.add_argument("--day", metavar="DAY", help="move it to DAY (2026-11-01, yesterday, mon)")
    edit.add_argument("--tags", metavar="A,B", help="replace its tags ('' removes them all)")
    edit.add_argument("--goal", metavar="SLUG", help="link it to the goal +SLUG")
    edit.add_argument("--no-goal", action="store_true", help="unlink it from its goal")
    edit.add_argument("--impact", type=int, choices=(1, 2, 3), help="1 small, 2 medium, 3 big")
    kind = edit.add_mutually_exclusive_group()
    kind.add_argument("--setback", dest="setback", action="store_true", default=None)
    kind.add_argument("--win", dest="setback", action="store_false", help="not a setback")
    edit.set_defaults(handler=cmd_edit)

    delete = commands.add_parser("delete", help="move a win to the trash")
    delete.add_argument("id", metavar="ID")
    delete.set_defaults(handler=cmd_delete)
    restore = commands.add_parser(
        "restore",
        help="bring a win back from the trash, or restore a backup",
        description="restore ID brings a win back from the trash. restore [FILE] puts a "
        "backup in place of the database (default: the newest good one); the database as "
        "it was is backed up first. Quit the app before restoring a backup.",
    )
    restore.add_argument("target", metavar="ID|FILE", nargs="?")
    restore.add_argument("--wait", type=float, default=0.0, help=argparse.SUPPRESS)
    restore.add_argument("--start", action="store_true", help=argparse.SUPPRESS)
    restore.set_defaults(handler=cmd_restore)
    trash = commands.add_parser("trash", help="list deleted wins that can be restored")
    trash.set_defaults(handler=cmd_trash)

    _goal_commands(commands)

    _exchange_commands(commands)
    config = commands.add_parser(
        "config",
        help="show or change settings",
        description="Show or change settings (the same as the Settings dialog). "
        "`smallwins config list` names them all.",
    )
    config_commands = config.add_subparsers(
        title="config commands", metavar="ACTION", required=True
    )
    config_list = config_commands.add_parser("list", help="every setting and its value")
    config_list.add_argument("--json", action="store_true", help="print JSON for other programs")
    config_list.set_defaults(handler=cmd_config_list)
    config_get = config_commands.add_parser("get", help="one setting's value")
    config_get.add_argument("key", metavar="KEY")
    config_get.set_defaults(handler=cmd_config_get)
    config_set = config_commands.add_parser(
        "set",
        help="change a setting",
        description="Change a setting, e.g. `config set reminders.end_of_day.time 18:00`, "
        "`config set streak.workdays mon-thu`, `config set celebrations.style subtle`.",
    )
    config_set.add_argument("key", metavar="KEY")
    config_set.add_argument("value", metavar="VALUE")
    config_set.set_defaults(handler=cmd_config_set)
    config_reset = config_commands.add_parser("reset", help="put a setting back to its default")
    config_reset.add_argument("key", metavar="KEY")
    config_reset.set_defaults(handler=cmd_config_reset)

    reflect = commands.add_parser(
        "reflect",
        help="a minute of reflection on the day",
        description="Today's wins and setbacks, then four short questions and how confident "
        "you feel, each skipped with Enter. With an answer option it asks nothing.",
    )
    reflect.add_argument("--day", metavar="DAY", help="reflect on DAY (yesterday, mon, ...)")
    reflect.add_argument("--moved-forward", metavar="TEXT", help="what moved forward")
    reflect.add_argument("--in-the-way", metavar="TEXT", help="what got in the way")
    reflect.add_argument("--helped", metavar="TEXT", help="what helped")
    reflect.add_argument("--pick-up", metavar="TEXT", help="where you will pick up tomorrow")
    reflect.add_argument(
        "--confidence",
        type=int,
        choices=(1, 2, 3, 4, 5),
        help="how confident you feel about your work, 1 (not at all) to 5 (very)",
    )
    reflect.add_argument("--show", action="store_true", help="print the day's reflection")
    reflect.set_defaults(handler=cmd_reflect)

    doctor = commands.add_parser("doctor", help="check where the data is and that it is healthy")
    doctor.add_argument(
        "--full",
        action="store_true",
        help="check the whole database file again now (otherwise: once a day, and after "
        "anything but Small Wins touched it)",
    )
    doctor.set_defaults(handler=cmd_doctor)

    install_desktop = commands.add_parser(
        "install-desktop",
        help="add Small Wins to this user's application menu (desktop entry and icons)",
        description="Install the desktop entry, AppStream metadata and icons into "
        "$XDG_DATA_HOME (~/.local/share), starting this `smallwins` by its full path.",
    )
    install_desktop.set_defaults(handler=cmd_install_desktop)
    uninstall_desktop = commands.add_parser(
        "uninstall-desktop",
        help="remove what install-desktop added (your wins are kept)",
    )
    uninstall_desktop.set_defaults(handler=cmd_uninstall_desktop)
    return parser


def _goal_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    goal = commands.add_parser(
        "goal",
        help="objectives and micro-goals: add, list with progress, done, drop, reopen, edit",
        description="An objective holds micro-goals that are specific, measurable and "
        "time-bound. Wins link to a goal with +slug in their text.",
    )
    goal_commands = goal.add_subparsers(title="goal commands", metavar="ACTION", required=True)
    due_help = "due date: 2026-12-01, today, tomorrow, fri (the next Friday)"

    goal_add = goal_commands.add_parser(
        "add",
        help="add an objective, or a micro-goal --under one",
        description="Add a goal. A micro-goal goes --under an objective; give it what "
        "'done' means (--criteria), a number of wins to reach (--target) and a --due date.",
    )
    goal_add.add_argument("title")
    goal_add.add_argument("--under", "--parent", metavar="SLUG", help="the objective it is part of")
    goal_add.add_argument("--criteria", metavar="TEXT", help="what 'done' means")
    goal_add.add_argument(
        "--target", type=whole_number, metavar="N", help="wins linked to it that make it done"
    )
    goal_add.add_argument("--due", metavar="DAY", help=due_help)
    goal_add.add_argument("--slug", help="short name used as +slug (default: from the title)")
    goal_add.set_defaults(handler=cmd_goal_add)

    goal_list = goal_commands.add_parser(
        "list", help="the goals as a tree, with progress and due dates"
    )
    goal_list.add_argument("--all", action="store_true", help="done and dropped ones too")
    goal_list.set_defaults(handler=cmd_goal_list)

    goal_done = goal_commands.add_parser("done", help="complete a goal (it is recorded as a win)")
    goal_done.add_argument("slug", metavar="SLUG")
    goal_done.set_defaults(handler=cmd_goal_done)

    goal_drop = goal_commands.add_parser(
        "drop", help="let a goal go (an objective's micro-goals go with it)"
    )
    goal_drop.add_argument("slug", metavar="SLUG")
    goal_drop.set_defaults(handler=cmd_goal_drop)

    goal_reopen = goal_commands.add_parser(
        "reopen",
        help="make a done or dropped goal active again (its completion win goes to the trash)",
    )
    goal_reopen.add_argument("slug", metavar="SLUG")
    goal_reopen.set_defaults(handler=cmd_goal_reopen)

    goal_edit = goal_commands.add_parser("edit", help="change a goal (its +slug stays)")
    goal_edit.add_argument("slug", metavar="SLUG")
    goal_edit.add_argument("--title")
    goal_edit.add_argument("--criteria", metavar="TEXT", help="what 'done' means")
    target = goal_edit.add_mutually_exclusive_group()
    target.add_argument("--target", type=whole_number, metavar="N")
    target.add_argument("--no-target", action="store_true", help="done or not, no count")
    due = goal_edit.add_mutually_exclusive_group()
    due.add_argument("--due", metavar="DAY", help=due_help)
    due.add_argument("--no-due", action="store_true", help="no due date")
    goal_edit.set_defaults(handler=cmd_goal_edit)


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("it must be 1 or more")
    return value


EXPORT_FORMATS = ("md", "csv", "json", "jrnl-json", "jrnl-txt")  # core.exchange's, kept light
IMPORT_FORMATS = ("json", "csv", "jrnl-json", "jrnl-txt")
TIME_FORMAT = "%Y-%m-%d %H:%M"


def _exchange_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="write your wins as a brag document, CSV, JSON or a jrnl journal",
        description="md: a brag document; csv: for spreadsheets; json: everything, to move "
        "or keep (the trash too); jrnl-json, jrnl-txt: for jrnl.",
    )
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--since", metavar="DAY", help="from DAY (2026-11-01, yesterday, mon)")
    export.add_argument("--until", metavar="DAY", help="up to and including DAY")
    export.add_argument("--tag", help="only wins with this tag")
    export.add_argument("--goal", metavar="SLUG", help="only wins that moved +SLUG forward")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    export.add_argument("--setbacks", action="store_true", help="md: add the setbacks")
    export.add_argument(
        "--reflections",
        action="store_true",
        help="md: add the period's reflections and weekly reviews",
    )
    export.add_argument(
        "--time-format", default=TIME_FORMAT, help="jrnl-txt: jrnl's timeformat (%(default)s)"
    )
    export.set_defaults(handler=cmd_export)

    imports = commands.add_parser(
        "import",
        help="bring wins in from our JSON or CSV, or a jrnl journal",
        description="All or nothing: a file with a problem is refused, naming the line, and "
        "nothing is written. Wins already here are skipped, so a second import adds nothing.",
    )
    imports.add_argument("file", metavar="FILE")
    imports.add_argument("--format", choices=IMPORT_FORMATS, help="default: from the file")
    imports.add_argument("--dry-run", action="store_true", help="say what would be added")
    imports.add_argument(
        "--time-format", default=TIME_FORMAT, help="jrnl-txt: jrnl's timeformat (%(default)s)"
    )
    imports.set_defaults(handler=cmd_import)

    standup = commands.add_parser("standup", help="the last workday's wins, to paste")
    standup.set_defaults(handler=cmd_standup)

    backup = commands.add_parser("backup", help="back up the database now (into backups/, or FILE)")
    backup.add_argument("file", metavar="FILE", nargs="?")
    backup.add_argument("--list", action="store_true", help="list the backups kept")
    backup.set_defaults(handler=cmd_backup)
