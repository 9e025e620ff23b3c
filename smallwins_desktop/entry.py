"""The `smallwins` console script: the hand-over fast path, then the full CLI.

`smallwins --version` is answered here outright. `smallwins capture` is what users bind to
a keyboard shortcut, so its usual case, an app already running, must show the window with
as little start-up as possible: this module checks for exactly that case before importing
argparse or anything else of the CLI, and asks the running app over its socket (`ipc.py`:
os, socket and json only). Anything else, including "no app is running", goes to `cli.main`
unchanged.
"""

from __future__ import annotations

import sys

_HANDED_OVER = 0


def main() -> int:
    argv = sys.argv[1:]
    if argv == ["--version"]:  # answered before argparse and the CLI are imported
        from smallwins_desktop import __version__

        print(f"smallwins {__version__}")
        return 0
    if _hand_over(argv):
        return _HANDED_OVER
    from smallwins_desktop.cli import main as cli_main

    return cli_main(argv)


def _hand_over(argv: list[str]) -> bool:
    """True when a running app took a bare `smallwins`, `smallwins capture` or `journal`."""
    data_dir: str | None = None
    rest = argv
    if rest[:1] == ["--data-dir"] and len(rest) >= 2:
        data_dir, rest = rest[1], rest[2:]
    elif rest[:1] and rest[0].startswith("--data-dir="):
        data_dir, rest = rest[0].partition("=")[2], rest[1:]
    if rest not in ([], ["capture"], ["journal"]):
        return False
    from smallwins_desktop import ipc, paths

    command = "show_journal" if rest == ["journal"] else "show_capture"
    reply = ipc.request(paths.data_dir(data_dir), ipc.show_window_message(command))
    return bool(reply and reply.get("ok"))
