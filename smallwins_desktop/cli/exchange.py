"""`smallwins export`, `import`, `standup`, `backup` and `restore` (a backup, or a win).

Each imports the core (and so peewee) only when it runs. An export to a file is written
beside it and renamed into place when complete, so a failure never leaves half a file.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from smallwins_desktop.cli.common import (
    EXIT_OK,
    UserError,
    current_day,
    current_time,
    data_dir_of,
    day_arg,
    open_store_for,
)


def cmd_export(args: argparse.Namespace) -> int:
    from smallwins_desktop.core.exchange import export_wins
    from smallwins_desktop.core.queries import WinFilter

    today = current_day()
    since = day_arg(args.since, today, "--since")
    until = day_arg(args.until, today, "--until")
    if since and until and since > until:
        raise UserError(f"--since {since} is after --until {until}.")
    match = WinFilter(
        since=since,
        until=until,
        tag=args.tag,
        goal=args.goal.lstrip("+") if args.goal else None,
        deleted=None if args.format == "json" else False,  # ours is lossless: the trash too
    )
    now = current_time()
    with open_store_for(args) as store, _output(args.output) as out:
        count = export_wins(
            store,
            args.format,
            out,
            match,
            now=now,
            zone=now.tzinfo,  # type: ignore[arg-type]
            time_format=args.time_format,
            setbacks=args.setbacks,
            reflections=args.reflections,
        )
    if args.output and args.output != "-":
        print(f"Exported {count} {'win' if count == 1 else 'wins'} to {args.output}.")
    return EXIT_OK


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path).expanduser()
    partial = target.with_name(f".{target.name}.partial")
    with open(partial, "w", encoding="utf-8", newline="") as out:
        try:
            yield out
        except BaseException:
            out.close()
            partial.unlink(missing_ok=True)
            raise
    os.replace(partial, target)


def cmd_import(args: argparse.Namespace) -> int:
    from smallwins_desktop.core.exchange import import_file

    path = Path(args.file).expanduser()
    now = current_time()
    with open_store_for(args) as store:
        result = import_file(
            store,
            path,
            args.format,
            now=now,
            zone=now.tzinfo,  # type: ignore[arg-type]
            time_format=args.time_format,
            dry_run=args.dry_run,
        )
    print(result.summary())  # a running app notices the new wins itself (data_version)
    return EXIT_OK


def cmd_standup(args: argparse.Namespace) -> int:
    from smallwins_desktop.core.exchange.standup import standup

    with open_store_for(args) as store:
        print(standup(store, current_day()))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import backup

    if args.list:
        from smallwins_desktop import paths
        from smallwins_desktop.core.db import list_backups

        found = list_backups(paths.backup_dir(data_dir_of(args)))
        if not found:
            print("No backups yet: smallwins backup takes one.")
        for path in found:
            print(f"{path.name}  {path.stat().st_size / 1024:.0f} KiB")
        return EXIT_OK
    with open_store_for(args) as store:
        if args.file:
            taken = backup.back_up_to(store, Path(args.file))
        else:
            taken = backup.back_up(store, now=current_time())
    print(f"Backed up to {taken}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """`restore ID` brings a win back from the trash; `restore [FILE]` restores a backup."""
    target = args.target
    if target is not None and not _names_a_file(target):
        from smallwins_desktop.cli.wins import cmd_restore as restore_win

        args.id = target
        return restore_win(args)
    from smallwins_desktop.core import backup

    done = backup.restore(
        data_dir_of(args),
        Path(target) if target else None,
        now=current_time(),
        wait=args.wait,
    )
    print(f"Restored {done.restored_from}.")
    if done.previous is not None:
        print(f"The database as it was is kept in {done.previous}.")
    if args.start:
        import subprocess

        from smallwins_desktop.app.command_line import this_program

        command = [*this_program(), "--data-dir", str(data_dir_of(args))]
        subprocess.Popen(command, start_new_session=True)
    return EXIT_OK


def _names_a_file(target: str) -> bool:
    return target.endswith(".db") or os.sep in target or Path(target).expanduser().is_file()
