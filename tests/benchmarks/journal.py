"""Figures that grow with the journal: the bulk write path, and everyday commands over
100,000 wins, each beside the same thing on an empty journal (or a bare SQLite insert)."""

from __future__ import annotations

import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.benchmarks.figures import SMALLWINS, BenchError, progress
from tests.benchmarks.report import Row, ratio, verdict
from tests.benchmarks.stats import Sample

JOURNAL_SIZE = 100_000
BULK_BUDGET_WINS_PER_S = 20_000
NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)


@dataclass
class JournalFigure:
    bulk_rate: float = 0.0  # wins per second through `wins.add_many`
    bare_rate: float = 0.0  # rows per second of a plain executemany into a bare table
    commands: dict[str, tuple[Sample, Sample]] = field(default_factory=dict)  # full, empty
    memory: dict[str, tuple[float, float]] = field(default_factory=dict)  # MiB: full, empty


COMMANDS = {
    "`smallwins doctor`": ["doctor"],
    "`smallwins list --search release --json`": ["list", "--search", "release", "--json"],
    "`smallwins list` (last 7 days)": ["list"],
}


def _drafts(count: int) -> list[tuple[object, None]]:
    from smallwins_desktop.core.capture import parse

    today = NOW.date()
    return [
        (
            parse(
                f"Moved the release forward, step {i} #t{i % 40} #work",
                today - timedelta(days=i % 2_000),
            ),
            None,
        )
        for i in range(count)
    ]


def _bulk(data_dir: Path, count: int) -> float:
    from smallwins_desktop.core import wins
    from smallwins_desktop.core.db import open_store

    drafts = _drafts(count)
    with open_store(data_dir, now=NOW) as store:
        started = time.perf_counter()
        wins.add_many(store, drafts, now=NOW, source="import")  # type: ignore[arg-type]
        return count / (time.perf_counter() - started)


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
    """Wall time (ms) and peak memory (MiB) of one `smallwins` command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    done = subprocess.run(
        [SMALLWINS, "--data-dir", str(data_dir), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    elapsed = (time.monotonic() - started) * 1000
    if done.returncode != 0:
        raise BenchError(f"smallwins {' '.join(args)} exited {done.returncode}: {done.stderr!r}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def measure_journal(runs: int, size: int = JOURNAL_SIZE) -> JournalFigure:
    figure = JournalFigure()
    with tempfile.TemporaryDirectory(prefix="smallwins-bench-") as tmp:
        root = Path(tmp)
        progress(f"bulk write of {size:,} wins")
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
    return figure


def journal_rows(figure: JournalFigure) -> list[Row]:
    rows = [
        Row(
            "bulk write in core (`wins.add_many`)",
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
                f"{name}, {JOURNAL_SIZE // 1000}k wins",
                full.show(),
                f"empty journal {empty.show()}",
                ratio(full.ratio_to(empty)),
            )
        )
    return rows


if __name__ == "__main__":  # `python -m tests.benchmarks.journal`: these figures alone
    from tests.benchmarks.report import render

    size = int(sys.argv[1]) if len(sys.argv) > 1 else JOURNAL_SIZE
    print(render(journal_rows(measure_journal(3, size))))
