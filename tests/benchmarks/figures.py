"""The measurements: each figure of Small Wins beside its baseline, taken in the same run.

Definitions, identical for Small Wins and its baseline:

- Tray ready: from just before the process is spawned until the tray icon's pixels (the
  empty ring of resources/icons/tray-empty.svg, which the baseline shows too) are on screen
  in trayer's strip. That needs the tray to have docked the icon (XEmbed) and the app to
  have painted it: what a person would see.
- Capture window visible: from just before `smallwins capture` is spawned (app already
  running, window hidden) until the window is mapped (viewable) and then until it has
  painted itself, i.e. most rows of its rectangle on screen differ from what was there.
- Idle CPU: utime + stime from /proc/PID/stat over a window of wall time, after start-up
  has settled; memory: VmRSS from /proc/PID/status, sampled through that window.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from smallwins_desktop import ipc
from smallwins_desktop.resources import resource_path
from tests.benchmarks.probe import Probe, ProbeError, Stage, mapped, painted, tray_icon
from tests.benchmarks.stats import Sample
from tests.e2e.desktop import DesktopSession

SMALLWINS = str(Path(sys.executable).with_name("smallwins"))
PYTHON = sys.executable
BARE_TRAY = Path(__file__).with_name("bare_tray.py")
TRAY_ICON_SVG = resource_path("icons", "tray-empty.svg")
CAPTURE_TITLE = "Log a win"
STARTUP_TIMEOUT_S = 30.0
HIDE_SETTLE_S = 0.05
RING_MIN_EXTRA = 8  # pixels a second ring adds at the least, for telling two icons from one
LOG_TAIL_CHARS = 1500
CLOCK_TICKS_PER_S = os.sysconf("SC_CLK_TCK")


class BenchError(RuntimeError):
    """A measurement could not be taken (the app did not start, a window never showed...)."""


def progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def python_pass() -> list[str]:
    return [PYTHON, "-c", "pass"]


class Bench:
    """The desktop, the probe, and the chores every figure shares."""

    def __init__(self, desktop: DesktopSession, probe: Probe) -> None:
        self.desktop = desktop
        self.probe = probe
        self._serial = 0
        self._data_root = desktop.root / "bench-data"
        self.capture_rect: list[int] | None = None

    def fresh_data_dir(self) -> Path:
        self._serial += 1
        return self._data_root / f"data-{self._serial}"

    def unique(self, name: str) -> str:
        self._serial += 1
        return f"{name}-{self._serial}"

    @staticmethod
    def app_cmd(data_dir: Path) -> list[str]:
        return [SMALLWINS, "--data-dir", str(data_dir)]

    @staticmethod
    def bare_cmd() -> list[str]:
        return [PYTHON, str(BARE_TRAY), str(TRAY_ICON_SVG)]

    def start(
        self, cmd: list[str], name: str, stage: Stage | None = None
    ) -> tuple[subprocess.Popen[bytes], float]:
        """Spawn `cmd` and return it with the ms until its tray icon was on screen."""
        self.probe.arm([stage or tray_icon()], timeout=STARTUP_TIMEOUT_S)
        started = time.monotonic()
        process = self.desktop.spawn(cmd, name=name)
        try:
            [shown] = self.probe.times(alive=lambda: process.poll() is None)
        except ProbeError as error:
            raise BenchError(f"{name}: {error}{self._log_tail(name)}") from None
        return process, (shown - started) * 1000

    def stop(self, process: subprocess.Popen[bytes]) -> None:
        """End a process and wait until no tray icon is left on screen."""
        self.desktop.terminate(process)
        self.probe.wait([tray_icon(present=False)])

    def app_status(self, data_dir: Path, process: subprocess.Popen[bytes], name: str) -> None:
        """Check that the app answers, is the process we started, and has a real tray."""
        status = self.desktop.wait_until(
            lambda: ipc.request(data_dir, {"cmd": "status"}, timeout=2),
            timeout=STARTUP_TIMEOUT_S,
            what=f"{name} to answer on its socket",
        )
        if not status or status.get("pid") != process.pid or status.get("tray") is not True:
            raise BenchError(f"{name}: unexpected status {status}{self._log_tail(name)}")

    def capture(self, data_dir: Path) -> float:
        """Run `smallwins capture`; return when it exited (time.monotonic())."""
        result = self.desktop.run([*self.app_cmd(data_dir), "capture"], check=False)
        exited = time.monotonic()
        if result.returncode != 0:
            raise BenchError(f"smallwins capture exited {result.returncode}: {result.stderr}")
        return exited

    def hide_capture(self, window: int) -> None:
        """Esc in the capture window (the user's way), then wait until it is unmapped."""
        self.desktop.xdotool("windowfocus", "--sync", str(window))
        self.desktop.xdotool("key", "Escape")
        self.probe.wait([mapped(window, viewable=False)])
        time.sleep(HIDE_SETTLE_S)

    def _log_tail(self, name: str) -> str:
        text = self.desktop.log_text(name)[-LOG_TAIL_CHARS:]
        return f"\n--- {name} log ---\n{text}" if text else ""


def _timed_run(
    desktop: DesktopSession, cmd: Sequence[str], env: dict[str, str] | None = None
) -> float:
    """Wall time of a command in ms, output discarded (`env`: the desktop's by default)."""
    env = env or desktop.env
    started = time.monotonic()
    code = subprocess.call(
        cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    elapsed = (time.monotonic() - started) * 1000
    if code != 0:
        raise BenchError(f"{' '.join(cmd)} exited {code}")
    return elapsed


# -- `smallwins --version` and `python -c pass` -------------------------------------------------


@dataclass
class VersionFigure:
    smallwins: Sample = field(default_factory=lambda: Sample("ms"))
    python: Sample = field(default_factory=lambda: Sample("ms"))


def measure_version(desktop: DesktopSession, runs: int) -> VersionFigure:
    figure = VersionFigure()
    version_cmd = [SMALLWINS, "--version"]
    for cmd in (version_cmd, python_pass()):  # warm the page cache; not counted
        _timed_run(desktop, cmd)
    for run in range(runs):
        pairs = [(version_cmd, figure.smallwins), (python_pass(), figure.python)]
        for cmd, sample in pairs if run % 2 == 0 else reversed(pairs):
            sample.add(_timed_run(desktop, cmd))
    progress(f"--version: {figure.smallwins.show()}, python -c pass: {figure.python.show()}")
    return figure


# -- `smallwins capture` to the window visible ---------------------------------------------------


@dataclass
class CaptureFigure:
    mapped: Sample = field(default_factory=lambda: Sample("ms"))
    painted: Sample = field(default_factory=lambda: Sample("ms"))
    client_exit: Sample = field(default_factory=lambda: Sample("ms"))
    ipc_painted: Sample = field(default_factory=lambda: Sample("ms"))


def measure_capture(bench: Bench, runs: int) -> CaptureFigure:
    figure = CaptureFigure()
    data_dir = bench.fresh_data_dir()
    name = bench.unique("app-capture")
    process, _ = bench.start(bench.app_cmd(data_dir), name)
    bench.app_status(data_dir, process, name)
    desktop = bench.desktop

    # The first show creates the native window; learn its id and place from it (the first
    # show itself is timed after each start-up, in measure_startup).
    bench.capture(data_dir)
    windows = desktop.wait_until(
        lambda: desktop.window_ids(CAPTURE_TITLE, only_visible=True),
        timeout=10,
        what="the capture window",
    )
    if len(windows) != 1:
        raise BenchError(f"expected one visible {CAPTURE_TITLE!r} window, found {windows}")
    [window] = windows
    bench.capture_rect = bench.probe.geometry(window)
    bench.hide_capture(window)

    for run in range(runs):
        bench.probe.arm([mapped(window), painted(bench.capture_rect)])
        started = time.monotonic()
        exited = bench.capture(data_dir)
        try:
            shown, drawn = bench.probe.times(alive=lambda: process.poll() is None)
        except ProbeError as error:
            raise BenchError(f"capture run {run + 1}: {error}") from None
        figure.mapped.add((shown - started) * 1000)
        figure.painted.add((drawn - started) * 1000)
        figure.client_exit.add((exited - started) * 1000)
        bench.hide_capture(window)

        # The app's own share: the same request sent from this process, no new interpreter.
        bench.probe.arm([painted(bench.capture_rect)])
        started = time.monotonic()
        reply = ipc.request(data_dir, {"cmd": "show_capture"})
        if not reply or not reply.get("ok"):
            raise BenchError(f"show_capture over IPC answered {reply!r}")
        [drawn] = bench.probe.times(alive=lambda: process.poll() is None)
        figure.ipc_painted.add((drawn - started) * 1000)
        bench.hide_capture(window)
    bench.stop(process)
    progress(f"capture: painted {figure.painted.show()}, mapped {figure.mapped.show()}")
    return figure


# -- start-up to tray ready ----------------------------------------------------------------------


@dataclass
class StartupFigure:
    smallwins: Sample = field(default_factory=lambda: Sample("ms"))
    bare: Sample = field(default_factory=lambda: Sample("ms"))
    first_capture: Sample = field(default_factory=lambda: Sample("ms"))
    cold_smallwins: float = 0.0
    cold_bare: float = 0.0


def measure_startup(bench: Bench, runs: int) -> StartupFigure:
    """Start-up of both, interleaved (ABBA...) so that drift on the machine hits both alike.

    After each Small Wins start-up (outside the timed part) the first `smallwins capture` is
    timed too: the window is built at start-up but shown for the first time then.
    """
    figure = StartupFigure()
    figure.cold_smallwins = _start_smallwins(bench, None)
    figure.cold_bare = _start_bare(bench)
    for run in range(runs):
        order = ["smallwins", "bare"] if run % 2 == 0 else ["bare", "smallwins"]
        for which in order:
            if which == "smallwins":
                figure.smallwins.add(_start_smallwins(bench, figure.first_capture))
            else:
                figure.bare.add(_start_bare(bench))
        progress(f"start-up {run + 1}/{runs}: {figure.smallwins.show()} vs {figure.bare.show()}")
    return figure


def _start_smallwins(bench: Bench, first_capture: Sample | None) -> float:
    data_dir = bench.fresh_data_dir()
    name = bench.unique("app-start")
    process, elapsed = bench.start(bench.app_cmd(data_dir), name)
    bench.app_status(data_dir, process, name)
    if first_capture is not None and bench.capture_rect is not None:
        bench.probe.arm([painted(bench.capture_rect)])
        started = time.monotonic()
        bench.capture(data_dir)
        [drawn] = bench.probe.times(alive=lambda: process.poll() is None)
        first_capture.add((drawn - started) * 1000)
    bench.stop(process)
    return elapsed


def _start_bare(bench: Bench) -> float:
    process, elapsed = bench.start(bench.bare_cmd(), bench.unique("bare-tray"))
    bench.stop(process)
    return elapsed


# -- idle CPU and memory -------------------------------------------------------------------------


@dataclass
class IdleFigure:
    seconds: float
    slice_seconds: float
    smallwins_cpu: float = 0.0  # % of one core over the whole window
    bare_cpu: float = 0.0
    smallwins_slices: Sample = field(default_factory=lambda: Sample("%"))
    bare_slices: Sample = field(default_factory=lambda: Sample("%"))
    smallwins_rss: Sample = field(default_factory=lambda: Sample("MiB"))
    bare_rss: Sample = field(default_factory=lambda: Sample("MiB"))
    smallwins_peak_rss: float = 0.0
    bare_peak_rss: float = 0.0


def cpu_ticks(pid: int) -> int:
    """utime + stime of every thread of the process, in clock ticks."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)


def memory_mib(pid: int, key: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) / 1024
    raise BenchError(f"no {key} in /proc/{pid}/status")


def measure_idle(bench: Bench, seconds: float, settle: float, slices: int) -> IdleFigure:
    """Both apps run side by side in the same tray, measured over the same wall time."""
    slices = max(1, slices)
    figure = IdleFigure(seconds=seconds, slice_seconds=seconds / slices)
    data_dir = bench.fresh_data_dir()
    app_name = bench.unique("app-idle")
    app, _ = bench.start(bench.app_cmd(data_dir), app_name)
    bench.app_status(data_dir, app, app_name)
    one_icon = bench.probe.count(tray_icon())
    # The second ring has the same colour: wait until there are about twice as many pixels.
    bare, _ = bench.start(
        bench.bare_cmd(),
        bench.unique("bare-idle"),
        tray_icon(min_pixels=one_icon + max(RING_MIN_EXTRA, one_icon // 2)),
    )
    progress(f"idle: settling {settle:g} s, then measuring {seconds:g} s")
    time.sleep(settle)

    pids = {"smallwins": app.pid, "bare": bare.pid}
    begin = time.monotonic()
    first = {key: cpu_ticks(pid) for key, pid in pids.items()}
    previous, previous_at = dict(first), begin
    now = begin
    for index in range(1, slices + 1):
        time.sleep(max(0.0, begin + index * figure.slice_seconds - time.monotonic()))
        now = time.monotonic()
        ticks = {key: cpu_ticks(pid) for key, pid in pids.items()}
        for key, sample in (("smallwins", figure.smallwins_slices), ("bare", figure.bare_slices)):
            sample.add(_percent(ticks[key] - previous[key], now - previous_at))
        for key, pid in pids.items():
            rss = memory_mib(pid)
            (figure.smallwins_rss if key == "smallwins" else figure.bare_rss).add(rss)
        previous, previous_at = ticks, now
    figure.smallwins_cpu = _percent(previous["smallwins"] - first["smallwins"], now - begin)
    figure.bare_cpu = _percent(previous["bare"] - first["bare"], now - begin)
    figure.smallwins_peak_rss = memory_mib(app.pid, "VmHWM")
    figure.bare_peak_rss = memory_mib(bare.pid, "VmHWM")
    for process, name in ((app, app_name), (bare, "bare tray app")):
        if process.poll() is not None:
            raise BenchError(f"{name} exited during the idle window")
    bench.desktop.terminate(bare)
    bench.stop(app)
    progress(f"idle: smallwins {figure.smallwins_cpu:.3f}%, bare {figure.bare_cpu:.3f}%")
    return figure


def _percent(ticks: int, wall_seconds: float) -> float:
    return ticks / CLOCK_TICKS_PER_S / wall_seconds * 100 if wall_seconds > 0 else 0.0
