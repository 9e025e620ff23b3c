"""The `smallwins` console script: the hand-over fast path, then the full CLI.

`smallwins --version` is answered here outright. `smallwins capture` is what users bind to
a keyboard shortcut, so its usual case, an app already running, must show the window with
as little start-up as possible: this module checks for exactly that case before importing
argparse or anything else of the CLI, and asks the running app over its socket (`ipc.py`:
os, sys and C modules only). With no app running, those commands start it here too, still
without the CLI; anything else goes to `cli.main` unchanged.
"""

from __future__ import annotations

import os
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
    started = _start_app(argv)
    if started is not None:
        return started
    added = _hand_over_add(argv)
    if added is not None:
        return added
    from smallwins_desktop.cli import main as cli_main

    return cli_main(argv)


def _split_data_dir(argv: list[str]) -> tuple[str | None, list[str]]:
    if argv[:1] == ["--data-dir"] and len(argv) >= 2:
        return argv[1], argv[2:]
    if argv[:1] and argv[0].startswith("--data-dir="):
        return argv[0].partition("=")[2], argv[1:]
    return None, argv


def _hand_over_add(argv: list[str]) -> int | None:
    """`smallwins add WORDS...` with the app running: handed over here, before argparse, the
    CLI and peewee are imported (the app saves it and its tray updates at once). None when
    this is not such a command. With no app running, the command writes the win itself, with
    the same id, so a reply lost on the way never makes a second copy."""
    data_dir, rest = _split_data_dir(argv)
    words = rest[1:]
    if rest[:1] != ["add"] or not words or any(w.startswith("-") for w in words):
        return None  # options, --help, standard input: the full command line does those
    from smallwins_desktop import ipc, paths

    win_id = new_win_id()
    message = {"cmd": "add", "text": " ".join(words), "id": win_id}
    reply = ipc.request(paths.data_dir_text(data_dir), message)
    if reply is None or reply.get("busy"):  # the command writes it, still without argparse
        from smallwins_desktop.cli import run
        from smallwins_desktop.cli.wins import add_directly

        directory = paths.data_dir(data_dir)
        return _exit_at_once(run(lambda: add_directly(directory, message["text"], win_id)))
    if not reply.get("ok"):
        error = reply.get("error", "the running app refused the win")
        print(f"smallwins: {error}", file=sys.stderr)
        return 1
    print(reply.get("message", "Saved."))
    for note in reply.get("notes", []):
        print(f"Note: {note}", file=sys.stderr)
    return 0


def _exit_at_once(code: int) -> int:
    """End a command that has closed its database and said what it did without Python's
    tear-down, which for the modules `add` loaded (peewee, sqlite3, typing...) costs ~8 ms
    and does nothing such a command needs: no file, thread or handler is left open."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: started with the stream closed
                stream.flush()
    except (OSError, ValueError):
        return code  # the usual exit says what went wrong
    os._exit(code)


def new_win_id() -> str:
    """A random (version 4) UUID in its usual text form, as `str(uuid.uuid4())` writes it:
    the uuid module costs this path ~6 ms of imports (platform, enum) for sixteen bytes."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # the RFC 4122 variant
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


_APP_COMMANDS = {(): None, ("capture",): "capture", ("journal",): "journal"}


def _start_app(argv: list[str]) -> int | None:
    """`smallwins`, `capture` or `journal` with no app running: start it, without the CLI's
    argparse and modules (the tray icon comes up sooner). None for any other command."""
    data_dir, rest = _split_data_dir(argv)
    if tuple(rest) not in _APP_COMMANDS:
        return None
    from smallwins_desktop import paths
    from smallwins_desktop.app.launch import run_app
    from smallwins_desktop.core.errors import SmallWinsError, in_words

    try:
        return run_app(paths.data_dir(data_dir), show=_APP_COMMANDS[tuple(rest)])
    except (OSError, SmallWinsError) as error:  # said as the full command line says them
        print(f"smallwins: {in_words(error)}", file=sys.stderr)
        return 1


def _hand_over(argv: list[str]) -> bool:
    """True when a running app took a bare `smallwins`, `smallwins capture` or `journal`."""
    data_dir, rest = _split_data_dir(argv)
    if rest not in ([], ["capture"], ["journal"]):
        return False
    from smallwins_desktop import ipc, paths

    command = "show_journal" if rest == ["journal"] else "show_capture"
    reply = ipc.request(paths.data_dir_text(data_dir), ipc.show_window_message(command))
    return bool(reply and reply.get("ok"))
