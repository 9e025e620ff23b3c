"""A day of use, compressed: the real app on the real desktop stack takes 500 wins through
IPC and a few thousand typed characters, and is still up, answering, with each win stored
once.

On PySide6 6.12.0 with Python 3.11 the app aborted ("Fatal Python error: none_dealloc")
after about 140 handed-over adds or 1,300 typed characters.
"""

from __future__ import annotations

import uuid

from smallwins_desktop import ipc

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import RunningApp
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import RunningApp

ADDS = 500
TYPED_CHARACTERS = 3_000


def test_the_app_survives_a_day_of_use_and_stores_each_win_once(
    app: RunningApp, desktop: DesktopSession
) -> None:
    app.start()
    ids = [str(uuid.uuid4()) for _ in range(ADDS)]
    for i, win_id in enumerate(ids):
        message = {"cmd": "add", "text": f"Soak win {i} #soak", "id": win_id}
        reply = ipc.request(app.data_dir, message, timeout=10)
        assert reply is not None, f"the app stopped answering after {i} adds"
        assert reply["ok"], reply
    # A retry of every tenth add (a lost reply) must not store it again.
    for i in range(0, ADDS, 10):
        message = {"cmd": "add", "text": f"Soak win {i} #soak", "id": ids[i]}
        assert ipc.request(app.data_dir, message, timeout=10) is not None

    assert app.cli("capture").returncode == 0
    [window] = desktop.wait_until(
        lambda: desktop.window_ids("Log a win", only_visible=True), what="the capture window"
    )
    desktop.xdotool("windowfocus", "--sync", str(window))
    # Type and erase in chunks, as a person drafts: every keystroke is Qt calls.
    chunk = "typing all day long "
    for _ in range(TYPED_CHARACTERS // (len(chunk) * 2)):
        desktop.xdotool("type", "--delay", "1", chunk)
        desktop.xdotool("key", "--delay", "1", *["BackSpace"] * len(chunk))
    desktop.xdotool("type", "--delay", "1", "Last win of the soak")
    desktop.xdotool("key", "Return")

    assert app.process is not None
    assert app.process.poll() is None, desktop.log_text(f"app-{app.starts}")[-2000:]
    assert app.status() is not None
    saved = desktop.wait_until(
        lambda: (found := app.wins()) and len(found) == ADDS + 1 and found,
        timeout=20,
        what="every win in the database",
    )
    texts = [w["text"] for w in saved]
    assert sorted(texts) == sorted(
        [f"Soak win {i}" for i in range(ADDS)] + ["Last win of the soak"]
    )
