"""`python -m tests.benchmarks.journal_probe DATA_DIR`: the journal window's figures as JSON.

Run in a process of its own per measurement (Qt offscreen), as the running app would meet
them: the app's modules are loaded already (the tray app imports them as it starts), the
window is built on first open. Prints one JSON object:
- open_ms: from asking for the journal until its timeline (or its 'nothing here') has painted;
- search_ms: median time from a word typed into the search box until the timeline shows
  the results and has painted them (search runs on the next turn of the event loop);
- rhythm_ms: median time of the heatmap and every rhythm figure (and "on this day");
- today_ms: median time of the capture box's "today so far" (its refresh on opening);
- rss_mib: resident memory with the journal open, after the searches.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

SEARCH_WORDS = ("parser", "release", "review", "migration", "sam")
REPEATS = 7


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(data_dir: str, now_iso: str) -> dict[str, float]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from smallwins_desktop.core.clock import FixedClock
    from smallwins_desktop.core.db import open_store

    app = QApplication([])
    now = datetime.fromisoformat(now_iso).astimezone(timezone.utc)
    clock = FixedClock(now)
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(time.perf_counter())
            return False

    def wait_for_paint() -> float:
        painted.clear()
        give_up = time.perf_counter() + 10
        while not painted:
            app.processEvents()
            if time.perf_counter() > give_up:
                raise SystemExit("the journal's timeline did not paint within 10 s")
        return painted[0]

    # What the running app loaded when it started (the journal window's code among it).
    import smallwins_desktop.app.application  # noqa: F401
    from smallwins_desktop.app.journal.journal import Journal
    from smallwins_desktop.app.journal.window import JournalWindow

    with open_store(Path(data_dir), now=now) as store:
        started = time.perf_counter()

        journal = Journal(store, clock)
        window = JournalWindow(journal)
        watch = PaintWatch()
        window.view.viewport().installEventFilter(watch)
        window.empty.installEventFilter(watch)  # what shows instead when nothing matches
        window.present()
        open_ms = (wait_for_paint() - started) * 1000

        search = []
        for _ in range(REPEATS):
            for word in SEARCH_WORDS:
                window.clear_filters()
                wait_for_paint()
                typed = time.perf_counter()
                window.search.setText(word)  # as a keystroke does: the search is queued
                search.append((wait_for_paint() - typed) * 1000)
        rss = _rss_mib()

        rhythm = []
        for _ in range(REPEATS):
            begun = time.perf_counter()
            journal.rhythm()
            journal.on_this_day()
            rhythm.append((time.perf_counter() - begun) * 1000)

        from smallwins_desktop.app.capture.window import CaptureWindow

        capture = CaptureWindow(journal)
        today = []
        for _ in range(REPEATS):
            begun = time.perf_counter()
            capture.refresh()  # what the box reads each time it opens
            today.append((time.perf_counter() - begun) * 1000)
        window.close()
        journal.stop_watching()
    return {
        "open_ms": open_ms,
        "search_ms": statistics.median(search),
        "rhythm_ms": statistics.median(rhythm),
        "today_ms": statistics.median(today),
        "rss_mib": rss,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
