"""`smallwins add` beside jrnl 4.6 adding an entry, in the same run: with the app running (the
win is handed to it over the socket) and with no app (the command writes the database
itself). Each tool adds to a journal that already exists, as a user's second entry of the day
does; runs are interleaved so that drift on the machine hits all three alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.benchmarks.exchange import JRNL_CONFIG
from tests.benchmarks.figures import Bench, BenchError, _timed_run, progress
from tests.benchmarks.report import Row, budget_row
from tests.benchmarks.stats import Sample
from tests.jrnl_tool import jrnl_path

APP_RUNNING_BUDGET = 0.25  # of jrnl's time
NO_APP_BUDGET = 0.5


@dataclass
class AddFigure:
    app_running: Sample = field(default_factory=lambda: Sample("ms"))
    no_app: Sample = field(default_factory=lambda: Sample("ms"))
    jrnl: Sample = field(default_factory=lambda: Sample("ms"))


def _jrnl_command(bench: Bench) -> tuple[list[str], dict[str, str]]:
    jrnl = jrnl_path()
    if not jrnl.exists():
        raise BenchError(f"{jrnl} not found: `make bench` installs jrnl 4.6 there")
    home = bench.desktop.root / "jrnl-add-home"
    home.mkdir(exist_ok=True)
    config = home / "jrnl.yaml"
    config.write_text(JRNL_CONFIG.format(journal=home / "journal.txt"), encoding="utf-8")
    env = {**bench.desktop.env, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "TZ": "UTC"}
    return [str(jrnl), "--config-file", str(config)], env


def measure_add(bench: Bench, runs: int) -> AddFigure:
    figure = AddFigure()
    running_dir, direct_dir = bench.fresh_data_dir(), bench.fresh_data_dir()
    name = bench.unique("app-add")
    process, _ = bench.start(bench.app_cmd(running_dir), name)
    bench.app_status(running_dir, process, name)
    jrnl, jrnl_env = _jrnl_command(bench)
    desktop = bench.desktop
    try:
        for data_dir in (running_dir, direct_dir):  # each journal exists before the timing
            _timed_run(desktop, [*bench.app_cmd(data_dir), "add", "Set up the journal"])
        _timed_run(desktop, [*jrnl, "Set up the journal"], jrnl_env)
        for run in range(runs):
            text = f"Fixed flaky test number {run} #qa"
            trio = [
                ([*bench.app_cmd(running_dir), "add", text], None, figure.app_running),
                ([*bench.app_cmd(direct_dir), "add", text], None, figure.no_app),
                ([*jrnl, text], jrnl_env, figure.jrnl),
            ]
            turn = run % len(trio)
            for cmd, env, sample in trio[turn:] + trio[:turn]:
                sample.add(_timed_run(desktop, cmd, env))
    finally:
        bench.stop(process)
    progress(
        f"add: app running {figure.app_running.show()}, no app {figure.no_app.show()}, "
        f"jrnl {figure.jrnl.show()}"
    )
    return figure


def add_rows(figure: AddFigure) -> list[Row]:
    jrnl = "jrnl 4.6 adding an entry"
    return [
        budget_row(
            "`smallwins add`, app running",
            figure.app_running,
            jrnl,
            figure.jrnl,
            APP_RUNNING_BUDGET,
        ),
        budget_row("`smallwins add`, no app", figure.no_app, jrnl, figure.jrnl, NO_APP_BUDGET),
    ]
