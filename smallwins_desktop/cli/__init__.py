"""The `smallwins` command.

    smallwins                 start the tray app (or show the running one's capture window)
    smallwins capture         show the capture window, starting the app if needed
    smallwins settings        show the Settings window, starting the app if needed
    smallwins add TEXT...     record a win (`-` reads it from stdin)
    smallwins list            recent wins; --today, --since, --until, --tag, --search, --json
    smallwins edit ID ...     change a win (ID: the short id `list` shows)
    smallwins delete|restore ID   move a win to the trash (30 days) or back
    smallwins trash           deleted wins that can still be restored
    smallwins goal add|list|done|drop|edit   objectives and micro-goals, with progress
    smallwins config list|get|set|reset   settings (reminders, workdays, celebrations...)
    smallwins doctor          where the data is and whether it is healthy
    smallwins install-desktop | uninstall-desktop   add to / remove from the application menu

It must start fast: the parser is built by `main` alone (`run` runs a command without it);
peewee is imported by the commands that open the database, Qt only by the ones that show a
window.
Exit codes: 0 ok, 1 a problem the user can fix (one line on stderr, no traceback), 2 usage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from smallwins_desktop.cli.common import (
    EXIT_OK,
    EXIT_USER_ERROR,
    UserError,
    fail,
    quiet_core_logs,
    quiet_encoding_errors,
)
from smallwins_desktop.hashes import use_builtin_digests

__all__ = ["main", "main_gui", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    from smallwins_desktop.cli.app import cmd_run_app
    from smallwins_desktop.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    handler = getattr(args, "handler", cmd_run_app)
    return run(lambda: handler(args))


def run(command: Callable[[], int]) -> int:
    """Run one command as every `smallwins` command runs: its exit code, or 1 and one plain
    line on stderr for a problem the user can fix. `main` runs what argparse chose; a caller
    that knows the command already (`add` with no app to hand it to) skips the parser."""
    use_builtin_digests()  # before peewee imports hashlib: no OpenSSL to load
    quiet_encoding_errors()
    quiet_core_logs()
    try:
        return command()
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
            fail(str(error))
            return EXIT_USER_ERROR
        if _is_database_error(error):
            fail(str(classify(error)))
            return EXIT_USER_ERROR
        if isinstance(error, OSError):
            from smallwins_desktop.core.errors import in_words

            fail(in_words(error))
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
