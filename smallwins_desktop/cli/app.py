"""`smallwins`, `smallwins capture` and `smallwins settings`: start the tray app or hand over
to the running one."""

from __future__ import annotations

import argparse

from smallwins_desktop.cli.common import (
    data_dir_of,
)


def cmd_run_app(args: argparse.Namespace) -> int:
    from smallwins_desktop.app.launch import run_app

    return run_app(data_dir_of(args), background=bool(getattr(args, "background", False)))


def cmd_capture(args: argparse.Namespace) -> int:
    from smallwins_desktop.app.launch import show_capture

    return show_capture(data_dir_of(args))


def cmd_journal(args: argparse.Namespace) -> int:
    from smallwins_desktop.app.launch import show_journal

    return show_journal(data_dir_of(args))


def cmd_settings(args: argparse.Namespace) -> int:
    from smallwins_desktop.app.launch import show_settings

    return show_settings(data_dir_of(args))
