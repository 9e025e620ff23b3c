"""The printed table: each figure, its baseline from the same run, the ratio, the budget."""

from __future__ import annotations

from dataclasses import dataclass

from tests.benchmarks.figures import CaptureFigure, IdleFigure, StartupFigure, VersionFigure
from tests.benchmarks.stats import Sample

# The performance issue's goals, each against its baseline from the same run.
STARTUP_RATIO_BUDGET = 1.3  # of the bare tray app
MEMORY_RATIO_BUDGET = 1.3  # of the bare tray app
CAPTURE_RATIO_BUDGET = 2.0  # of `python -c pass`
VERSION_RATIO_BUDGET = 1.5  # of `python -c pass`
IDLE_CPU_BUDGET_PERCENT = 0.5

HEADER = ("figure", "Small Wins", "baseline, same run", "ratio", "budget", "")


@dataclass
class Row:
    figure: str
    subject: str
    baseline: str
    ratio: str
    budget: str = "-"
    verdict: str = "info"

    def cells(self) -> tuple[str, ...]:
        return (self.figure, self.subject, self.baseline, self.ratio, self.budget, self.verdict)


def verdict(within: bool) -> str:
    return "OK" if within else "OVER"


def ratio(value: float) -> str:
    return f"{value:.2f}x"


def budget_row(figure: str, subject: Sample, baseline: str, base: Sample, budget: float) -> Row:
    """A figure held to at most `budget` times its baseline `base` (named `baseline`)."""
    value = subject.ratio_to(base)
    return Row(
        figure,
        subject.show(),
        f"{baseline} {base.show()}",
        ratio(value),
        f"<= {budget}x",
        verdict(value <= budget),
    )


def version_rows(figure: VersionFigure) -> list[Row]:
    return [
        budget_row(
            "`smallwins --version`, wall time",
            figure.smallwins,
            "python -c pass",
            figure.python,
            VERSION_RATIO_BUDGET,
        )
    ]


def capture_rows(figure: CaptureFigure, python: Sample, startup: StartupFigure) -> list[Row]:
    rows = [
        budget_row(
            "`smallwins capture` to window visible (painted)",
            figure.painted,
            "python -c pass",
            python,
            CAPTURE_RATIO_BUDGET,
        ),
        Row(
            "  ... to window mapped (viewable)",
            figure.mapped.show(),
            f"python -c pass {python.show()}",
            ratio(figure.mapped.ratio_to(python)),
        ),
        Row(
            "  ... to the `capture` command exiting",
            figure.client_exit.show(),
            f"python -c pass {python.show()}",
            ratio(figure.client_exit.ratio_to(python)),
        ),
        Row(
            "  app's share: show_capture sent in-process",
            figure.ipc_painted.show(),
            f"python -c pass {python.show()}",
            ratio(figure.ipc_painted.ratio_to(python)),
        ),
    ]
    if startup.first_capture.values:
        rows.append(
            Row(
                "  first `capture` after start-up (painted)",
                startup.first_capture.show(),
                f"python -c pass {python.show()}",
                ratio(startup.first_capture.ratio_to(python)),
            )
        )
    return rows


def startup_rows(figure: StartupFigure) -> list[Row]:
    return [
        budget_row(
            "start-up to tray icon shown",
            figure.smallwins,
            "bare tray app",
            figure.bare,
            STARTUP_RATIO_BUDGET,
        ),
        Row(
            "  first start-up of each (not counted)",
            f"{figure.cold_smallwins:.0f} ms",
            f"bare tray app {figure.cold_bare:.0f} ms",
            ratio(figure.cold_smallwins / figure.cold_bare if figure.cold_bare else 0.0),
        ),
    ]


def idle_rows(figure: IdleFigure) -> list[Row]:
    def cpu(total: float, slices: Sample) -> str:
        low, high = min(slices.values), max(slices.values)
        return f"{total:.3f}% ({low:.2f}-{high:.2f} per {figure.slice_seconds:.3g} s)"

    cpu_ratio = figure.smallwins_cpu / figure.bare_cpu if figure.bare_cpu else None
    return [
        Row(
            f"idle CPU over {figure.seconds:g} s, % of one core",
            cpu(figure.smallwins_cpu, figure.smallwins_slices),
            f"bare tray app {cpu(figure.bare_cpu, figure.bare_slices)}",
            ratio(cpu_ratio) if cpu_ratio is not None else "n/a",
            f"< {IDLE_CPU_BUDGET_PERCENT}%",
            verdict(figure.smallwins_cpu < IDLE_CPU_BUDGET_PERCENT),
        ),
        budget_row(
            "memory while idle (VmRSS)",
            figure.smallwins_rss,
            "bare tray app",
            figure.bare_rss,
            MEMORY_RATIO_BUDGET,
        ),
        Row(
            "  peak memory (VmHWM)",
            f"{figure.smallwins_peak_rss:.1f} MiB",
            f"bare tray app {figure.bare_peak_rss:.1f} MiB",
            ratio(figure.smallwins_peak_rss / figure.bare_peak_rss),
        ),
    ]


def render(rows: list[Row]) -> str:
    table = [HEADER, *(row.cells() for row in rows)]
    widths = [max(len(cells[i]) for cells in table) for i in range(len(HEADER))]
    lines = []
    for index, cells in enumerate(table):
        line = "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        lines.append(line.rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)
