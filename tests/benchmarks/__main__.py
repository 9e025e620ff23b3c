"""`make bench`: `python -m tests.benchmarks [--quick] [--idle-seconds N] [--runs N]`.

Starts a private desktop (Xvfb, D-Bus, trayer, dunst; see tests/e2e/desktop.py), measures
Small Wins and its baselines there, and prints the table. Exits 0 when the figures were
taken, also when one is over its budget (marked OVER): a benchmark reports, it does not
judge. Exits 1 when the desktop stack is missing or a figure could not be taken.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks import adding, exchange, figures, journal, report
from tests.benchmarks.probe import Probe, ProbeError
from tests.e2e.desktop import (
    REQUIREMENTS,
    SCREEN_GEOMETRY,
    DesktopError,
    DesktopSession,
    missing_requirements,
)

FULL = {
    "startup": 10,
    "capture": 20,
    "add": 15,
    "version": 20,
    "idle": 60.0,
    "settle": 3.0,
    "journal": 3,
    "exchange": 1,
}
QUICK = {
    "startup": 3,
    "capture": 5,
    "add": 3,
    "version": 5,
    "idle": 5.0,
    "settle": 1.0,
    "journal": 1,
    "exchange": 1,
}
IDLE_SLICES = 6

HOW = """\
Each figure is the median of its runs, with their range in brackets; "bare tray app" is
tests/benchmarks/bare_tray.py (QApplication + one QSystemTrayIcon with the same SVG icon).
- start-up: from just before the process is spawned until the tray icon is on screen in
  trayer: its ring colour appears in the tray strip (polled every 2 ms over Xlib). Same
  icon, same detection for Small Wins (fresh data dir each run) and for the bare app.
  Runs interleaved; the first run of each is shown apart and not counted.
- capture: app running, window hidden (Esc); from just before `smallwins capture` is
  spawned until the window is viewable (mapped), and until it has painted itself (90% of
  its rows on screen differ from before); polled every 1 ms. The budget is for "painted".
  "App's share": the same request sent over the socket by the benchmark process itself
  (no new interpreter), until painted.
- add: `smallwins add TEXT` wall time with the app running (handed over on its socket) and
  with no app (the command writes the database), beside jrnl 4.6 (its own venv, .venv-jrnl)
  adding an entry to its journal; each journal holds an entry before the timed runs.
- every Python process caches bytecode (in the session's temp dir), as installed code has
  its .pyc files; the first runs of the session compile it.
- idle: both apps side by side in the tray, after {settle:g} s to settle; utime+stime of
  /proc/PID/stat over the window (clock tick {tick:g} ms, so resolution {resolution:.3f}%).
- journal: 100,000 wins written through `bulk.add_many` (beside a bare executemany of
  similar rows), then each command run on that journal and on an empty one, alternately.
- export, import: the same 100,000 wins exported with `smallwins export -o FILE`, then
  imported into an empty data dir with `smallwins import` (wall time, start-up included);
  the baseline is jrnl itself reading the first 10,000 of them (our jrnl-txt export) and
  writing its JSON: jrnl's time grows faster than its journal (minutes for 100,000)."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    plan = dict(QUICK if args.quick else FULL)
    if args.idle_seconds is not None:
        plan["idle"] = args.idle_seconds
    if args.runs is not None:
        for key in ("startup", "capture", "add", "version"):
            plan[key] = args.runs

    missing = missing_requirements()
    if missing:
        named = ", ".join(f"{name} ({REQUIREMENTS[name]})" for name in missing)
        packages = " ".join(sorted({REQUIREMENTS[name] for name in missing}))
        print(
            "make bench needs the real desktop stack; missing executables "
            f"(Debian package): {named}\n  sudo apt-get install {packages}",
            file=sys.stderr,
        )
        return 1
    if not Path(figures.SMALLWINS).exists():
        print(f"{figures.SMALLWINS} not found: install the project (make test).", file=sys.stderr)
        return 1

    print(_environment(plan), flush=True)
    print("Measuring (progress on stderr)...", file=sys.stderr, flush=True)
    began = time.monotonic()
    try:
        rows = _measure(plan)
    except DesktopError as error:
        print(f"The desktop stack did not start: {error}", file=sys.stderr)
        return 1
    except (figures.BenchError, ProbeError, AssertionError) as error:
        print(f"A figure could not be taken: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130

    print()
    print(report.render(rows))
    print()
    tick_ms = 1000 / figures.CLOCK_TICKS_PER_S
    resolution = tick_ms / 1000 / plan["idle"] * 100
    print(HOW.format(settle=plan["settle"], tick=tick_ms, resolution=resolution))
    print(f"Took {time.monotonic() - began:.0f} s; load average now {_load()}.")
    return 0


def _measure(plan: dict[str, float]) -> list[report.Row]:
    with DesktopSession() as desktop:
        # The app's socket is in the desktop's runtime dir; `ipc.request` looks there.
        os.environ["XDG_RUNTIME_DIR"] = desktop.env["XDG_RUNTIME_DIR"]
        _cache_bytecode(desktop.root / "pycache")
        with Probe(desktop) as probe:
            bench = figures.Bench(desktop, probe)
            figures.progress("`smallwins --version` vs `python -c pass`")
            version = figures.measure_version(desktop, int(plan["version"]))
            figures.progress("`smallwins capture` to the window visible")
            capture = figures.measure_capture(bench, int(plan["capture"]))
            figures.progress("`smallwins add` (app running, no app) vs jrnl 4.6")
            added = adding.measure_add(bench, int(plan["add"]))
            figures.progress("start-up to tray ready")
            startup = figures.measure_startup(bench, int(plan["startup"]))
            figures.progress("idle CPU and memory")
            idle = figures.measure_idle(bench, plan["idle"], plan["settle"], IDLE_SLICES)
    history = journal.measure_journal(int(plan["journal"]))
    moved = exchange.measure_exchange(int(plan["exchange"]))
    return [
        *report.startup_rows(startup),
        *report.capture_rows(capture, version.python, startup),
        *adding.add_rows(added),
        *report.version_rows(version),
        *report.idle_rows(idle),
        *journal.journal_rows(history),
        *exchange.exchange_rows(moved),
    ]


def _cache_bytecode(prefix: Path) -> None:
    """Let every process started from here cache its bytecode, in the session's temp dir.

    An installed app has its .pyc files; a machine with PYTHONDONTWRITEBYTECODE=1 would
    otherwise compile every module of the app (and of PySide6's support code) at each
    start-up. PYTHONPYCACHEPREFIX keeps the caches out of the source tree. Children see
    this through `DesktopSession.env`, a fresh copy of os.environ; this process is not
    affected (both variables are read at interpreter start-up).
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)


def _environment(plan: dict[str, float]) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from smallwins_desktop import __version__

    return (
        f"Small Wins {__version__} benchmarks: Python {platform.python_version()}, "
        f"PySide6 {pyside_version} (Qt {qVersion()}), {os.cpu_count()} CPUs, "
        f"load average {_load()}; Xvfb {SCREEN_GEOMETRY} + trayer.\n"
        f"Runs: start-up {plan['startup']:g} each, capture {plan['capture']:g}, "
        f"--version {plan['version']:g} each, idle {plan['idle']:g} s."
    )


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks",
        description="Small Wins benchmarks on a private X desktop, each beside its baseline.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer runs and a 5 s idle window (a smoke run, not for quoting)",
    )
    parser.add_argument(
        "--idle-seconds",
        type=float,
        metavar="N",
        help="length of the idle CPU window (default 60, 5 with --quick)",
    )
    parser.add_argument(
        "--runs", type=int, metavar="N", help="runs per timed figure (overrides the defaults)"
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
