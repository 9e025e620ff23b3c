"""Export and import of a 100,000-win journal through the real commands, beside jrnl reading
and exporting the first `JRNL_SIZE` of the same entries (our jrnl-txt export of them) in the
same run: jrnl's own time grows faster than the journal (over two minutes for 100,000 here),
so it gets the size the issue quotes it at."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks.figures import SMALLWINS, BenchError, progress
from tests.benchmarks.journal import JOURNAL_SIZE, _bulk
from tests.benchmarks.report import Row, ratio, verdict
from tests.benchmarks.stats import Sample
from tests.jrnl_tool import jrnl_path

BUDGET_S = 10.0
JRNL_SIZE = 10_000
JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: false
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
display_format: pretty
"""


@dataclass
class ExchangeFigure:
    size: int
    jrnl_size: int = 0
    steps: dict[str, Sample] = field(default_factory=dict)
    jrnl: Sample = field(default_factory=lambda: Sample("s"))


STEPS = {
    "export --format json": ("json", "export"),
    "export --format jrnl-txt": ("jrnl-txt", "export"),
    "import (json)": ("json", "import"),
    "import (jrnl-txt)": ("jrnl-txt", "import"),
}


def _timed(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.monotonic()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
    )
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        raise BenchError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-500:]!r}")
    return elapsed


def _jrnl(root: Path, journal: Path) -> float:
    """jrnl reading the journal and writing its JSON export, as a user runs it."""
    home = root / "jrnl-home"
    home.mkdir(exist_ok=True)
    config = home / "jrnl.yaml"
    config.write_text(JRNL_CONFIG.format(journal=journal), encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "TZ": "UTC"}
    return _timed([str(jrnl_path()), "--config-file", str(config), "--format", "json"], env)


def _first_entries(journal: Path, count: int) -> Path:
    """The first `count` entries of a jrnl text journal, as a journal of their own."""
    part = journal.with_name(f"first-{count}.txt")
    seen = 0
    with open(journal, encoding="utf-8") as source, open(part, "w", encoding="utf-8") as out:
        for line in source:
            if line.startswith("[") and "] " in line:
                seen += 1
                if seen > count:
                    break
            out.write(line)
    return part


def measure_exchange(runs: int, size: int = JOURNAL_SIZE) -> ExchangeFigure:
    figure = ExchangeFigure(size)
    with tempfile.TemporaryDirectory(prefix="smallwins-bench-") as tmp:
        root = Path(tmp)
        progress(f"export and import of {size:,} wins, and jrnl on the same entries")
        _bulk(root / "full", size)
        for name, (fmt, step) in STEPS.items():
            sample = figure.steps.setdefault(name, Sample("s"))
            for run in range(runs):
                exported = root / f"export.{fmt}"
                if step == "export":
                    exported.unlink(missing_ok=True)
                    command = ["--data-dir", str(root / "full"), "export", "--format", fmt]
                    sample.add(_timed([SMALLWINS, *command, "-o", str(exported)]))
                else:
                    into = root / f"into-{fmt}-{run}"
                    command = ["--data-dir", str(into), "import", str(exported), "--format", fmt]
                    sample.add(_timed([SMALLWINS, *command]))
        figure.jrnl_size = min(size, JRNL_SIZE)
        journal = _first_entries(root / "export.jrnl-txt", figure.jrnl_size)
        for _ in range(runs):
            figure.jrnl.add(_jrnl(root, journal))
    return figure


def exchange_rows(figure: ExchangeFigure) -> list[Row]:
    rows = []
    for name, sample in figure.steps.items():
        rows.append(
            Row(
                f"`smallwins {name}`, {figure.size // 1000}k wins",
                sample.show(),
                f"jrnl read+export, {figure.jrnl_size // 1000}k: {figure.jrnl.show()}",
                ratio(sample.ratio_to(figure.jrnl)),
                f"< {BUDGET_S:.0f} s",
                verdict(sample.median < BUDGET_S),
            )
        )
    return rows


if __name__ == "__main__":  # `python -m tests.benchmarks.exchange [N]`: these figures alone
    from tests.benchmarks.report import render

    count = int(sys.argv[1]) if len(sys.argv) > 1 else JOURNAL_SIZE
    print(render(exchange_rows(measure_exchange(1, count))))
