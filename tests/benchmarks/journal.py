"""Figures that grow with the journal: the bulk write path, and everyday commands over
100,000 wins, each beside the same thing on an empty journal (or a bare SQLite insert)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.benchmarks.figures import SMALLWINS, BenchError, progress
from tests.benchmarks.generate import fill
from tests.benchmarks.report import Row, ratio, verdict
from tests.benchmarks.stats import Sample

JOURNAL_SIZE = 100_000
BULK_BUDGET_WINS_PER_S = 20_000
COMMAND_BUDGET = 1.5  # each everyday command within 1.5x of its empty-journal time
STREAM_BUDGET = 1.25  # `list --json` over every win: peak memory about that of an empty one
NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
SEARCH_WORD = "parser"  # about one win in sixteen of the generated journal

# The journal window's figures (tests/benchmarks/journal_probe.py): name, key, unit, budget.
WINDOW_FIGURES = (
    ("journal window open to first paint", "open_ms", "ms", 300.0),
    ("journal search, keystroke to results painted", "search_ms", "ms", 30.0),
    ("heatmap + every rhythm figure + on this day", "rhythm_ms", "ms", 100.0),
    ("capture box's 'today so far'", "today_ms", "ms", None),
    ("memory with the journal open (VmRSS)", "rss_mib", "MiB", 150.0),
)
TODAY_ONLY_BASELINE = {"today_ms"}  # compared with a journal of today's wins alone


@dataclass
class JournalFigure:
    bulk_rate: float = 0.0  # wins per second through `bulk.add_many`
    bare_rate: float = 0.0  # rows per second of a plain executemany into a bare table
    commands: dict[str, tuple[Sample, Sample]] = field(default_factory=dict)  # full, empty
    memory: dict[str, tuple[Sample, Sample]] = field(default_factory=dict)  # MiB: full, empty
    window: dict[str, tuple[Sample, Sample]] = field(default_factory=dict)  # full, empty


COMMANDS = {
    "`smallwins doctor`": ["doctor"],
    "`smallwins list` (last 7 days)": ["list"],
    f"`smallwins list --search {SEARCH_WORD}`": ["list", "--search", SEARCH_WORD],
    "`smallwins add`, no app running": ["add", "Benchmarked the journal #bench"],
}
STREAMED = {"`smallwins list --json --since` ten years ago (every win)": ["list", "--json"]}


def _bulk(data_dir: Path, count: int) -> float:
    from smallwins_desktop.core.db import open_store

    with open_store(data_dir, now=NOW) as store:
        seconds = fill(store, count, now=NOW)
    return count / seconds if count else 0.0


def _bare(path: Path, count: int) -> float:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("CREATE TABLE t (a TEXT, b TEXT, c TEXT, d TEXT, e INTEGER)")
    rows = [
        (f"{i:032x}", f"Moved the release forward, step {i}", "2026-11-20", "now", 1)
        for i in range(count)
    ]
    started = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", rows)
    rate = count / (time.perf_counter() - started)
    conn.close()
    return rate


def _run(data_dir: Path, args: list[str]) -> tuple[float, float]:
    """Wall time (ms) and peak memory (MiB) of one `smallwins` command in a fresh process."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _TIMED,
            SMALLWINS,
            "--data-dir",
            str(data_dir),
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"smallwins {' '.join(args)} exited {done.returncode}: {done.stderr!r}")
    elapsed, peak = done.stdout.split()[-2:]
    return float(elapsed), float(peak)


# Times one child and reads its own peak memory (RUSAGE_CHILDREN of a process with one child),
# so the figures of earlier commands never mix in.
_TIMED = """\
import resource, subprocess, sys, time
started = time.monotonic()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
elapsed = (time.monotonic() - started) * 1000
if done.returncode:
    sys.exit(done.returncode)
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def _today_only(full: Path, today: Path) -> None:
    """A journal holding only the full one's wins of today: the baseline for what reads today
    alone, so the figure shows what the years of history cost it (nothing, ideally)."""
    from smallwins_desktop.core import bulk, queries
    from smallwins_desktop.core.capture import Draft
    from smallwins_desktop.core.db import open_store

    with open_store(full, now=NOW) as store:
        todays = queries.list_wins(store, since=NOW.date(), until=NOW.date(), deleted=None)
    drafts = [
        (Draft(text=w.text, day=w.day, kind=w.kind, impact=w.impact, tags=w.tags), None)
        for w in todays
    ]
    with open_store(today, now=NOW) as store:
        bulk.add_many(store, drafts, now=NOW, source="import")


def _probe(data_dir: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.journal_probe", str(data_dir), NOW.isoformat()],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"the journal window probe failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def measure_journal(runs: int, size: int = JOURNAL_SIZE) -> JournalFigure:
    figure = JournalFigure()
    with tempfile.TemporaryDirectory(prefix="smallwins-bench-") as tmp:
        root = Path(tmp)
        progress(f"bulk write of {size:,} wins over ten years")
        figure.bulk_rate = _bulk(root / "full", size)
        figure.bare_rate = _bare(root / "bare.db", size)
        _bulk(root / "empty", 0)
        for name, args in COMMANDS.items():
            progress(f"{name} over {size:,} wins and over none")
            full, empty = Sample("ms"), Sample("ms")
            for _ in range(runs):
                full.add(_run(root / "full", args)[0])
                empty.add(_run(root / "empty", args)[0])
            figure.commands[name] = (full, empty)
        for name, args in STREAMED.items():
            progress(f"{name}: peak memory over {size:,} wins and over none")
            since = ["--since", (NOW.date() - timedelta(days=3700)).isoformat()]
            full, empty = Sample("MiB"), Sample("MiB")
            for _ in range(runs):
                full.add(_run(root / "full", [*args, *since])[1])
                empty.add(_run(root / "empty", [*args, *since])[1])
            figure.memory[name] = (full, empty)
        _today_only(root / "full", root / "today")
        progress(f"the journal window over {size:,} wins and over none")
        for _ in range(runs):
            for which in ("full", "empty", "today"):
                taken = _probe(root / which)
                for _name, key, unit, _budget in WINDOW_FIGURES:
                    baseline = "today" if key in TODAY_ONLY_BASELINE else "empty"
                    if which not in ("full", baseline):
                        continue
                    pair = figure.window.setdefault(key, (Sample(unit), Sample(unit)))
                    pair[0 if which == "full" else 1].add(taken[key])
    return figure


def journal_rows(figure: JournalFigure, size: int = JOURNAL_SIZE) -> list[Row]:
    scale = f"{size // 1000}k wins" if size >= 1000 else f"{size} wins"
    rows = [
        Row(
            "bulk write in core (`bulk.add_many`)",
            f"{figure.bulk_rate:,.0f} wins/s",
            f"bare executemany {figure.bare_rate:,.0f} rows/s",
            ratio(figure.bulk_rate / figure.bare_rate),
            f">= {BULK_BUDGET_WINS_PER_S:,}/s",
            verdict(figure.bulk_rate >= BULK_BUDGET_WINS_PER_S),
        )
    ]
    for name, (full, empty) in figure.commands.items():
        rows.append(
            Row(
                f"{name}, {scale}",
                full.show(),
                f"empty journal {empty.show()}",
                ratio(full.ratio_to(empty)),
                f"<= {COMMAND_BUDGET}x",
                verdict(full.ratio_to(empty) <= COMMAND_BUDGET),
            )
        )
    for name, (full, empty) in figure.memory.items():
        rows.append(
            Row(
                f"{name}, {scale}: peak memory",
                full.show(),
                f"empty journal {empty.show()}",
                ratio(full.ratio_to(empty)),
                f"<= {STREAM_BUDGET}x",
                verdict(full.ratio_to(empty) <= STREAM_BUDGET),
            )
        )
    for name, key, unit, budget in WINDOW_FIGURES:
        if key not in figure.window:
            continue
        full, empty = figure.window[key]
        rows.append(
            Row(
                f"{name}, {scale}",
                full.show(),
                f"{'only today' if key in TODAY_ONLY_BASELINE else 'empty journal'} {empty.show()}",
                ratio(full.ratio_to(empty)),
                f"< {budget:g} {unit}" if budget is not None else f"<= {COMMAND_BUDGET}x",
                verdict(
                    full.median < budget
                    if budget is not None
                    else full.ratio_to(empty) <= COMMAND_BUDGET
                ),
            )
        )
    return rows


if __name__ == "__main__":  # `python -m tests.benchmarks.journal`: these figures alone
    from tests.benchmarks.report import render

    size = int(sys.argv[1]) if len(sys.argv) > 1 else JOURNAL_SIZE
    print(render(journal_rows(measure_journal(3, size), size)))
