"""The benchmark's end of `xprobe.py`: arm a watch, start the thing being timed, read when.

with Probe(desktop) as probe:
    probe.arm([tray_icon_present()])
    started = time.monotonic()
    process = desktop.spawn(...)
    [shown] = probe.times()
    elapsed = shown - started
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.e2e.desktop import SCREEN_GEOMETRY, TRAY_HEIGHT_PX, DesktopSession

XPROBE = Path(__file__).with_name("xprobe.py")
POLL_INTERVAL_S = 0.001  # for windows: a check costs ~0.1 ms
TRAY_POLL_INTERVAL_S = 0.002  # for the tray strip: a check costs ~0.25 ms, so keep it lighter
LIVENESS_CHECK_S = 0.1

SCREEN_WIDTH_PX, SCREEN_HEIGHT_PX = (int(n) for n in SCREEN_GEOMETRY.split("x")[:2])
TRAY_STRIP_PX = 200  # the right end of the top edge, where trayer sits
TRAY_STRIP = [SCREEN_WIDTH_PX - TRAY_STRIP_PX, 0, TRAY_STRIP_PX, TRAY_HEIGHT_PX]
RING_RGB = [0x7E, 0xE2, 0xA8]  # the stroke of resources/icons/tray-empty.svg
RING_TOLERANCE = 24
RING_MIN_PIXELS = 4

Stage = dict[str, Any]


class ProbeError(RuntimeError):
    """The probe could not watch, or what it waited for did not happen in time."""


def tray_icon(*, present: bool = True, min_pixels: int = RING_MIN_PIXELS) -> Stage:
    """The empty-ring tray icon is drawn in trayer (or, present=False, no longer is)."""
    return {
        "kind": "colour",
        "rect": TRAY_STRIP,
        "rgb": RING_RGB,
        "tol": RING_TOLERANCE,
        "min": min_pixels,
        "present": present,
    }


def mapped(window: int, *, viewable: bool = True) -> Stage:
    return {"kind": "mapped", "window": window, "viewable": viewable}


def painted(rect: list[int], fraction: float = 0.9) -> Stage:
    """Most rows of `rect` on screen differ from what they showed when the probe was armed."""
    return {"kind": "changed", "rect": clip_to_screen(rect), "fraction": fraction}


def clip_to_screen(rect: list[int]) -> list[int]:
    x, y, width, height = rect
    left, top = max(0, x), max(0, y)
    right = min(SCREEN_WIDTH_PX, x + width)
    bottom = min(SCREEN_HEIGHT_PX, y + height)
    if right <= left or bottom <= top:
        raise ProbeError(f"rectangle {rect} is off the screen")
    return [left, top, right - left, bottom - top]


class Probe:
    """A running `xprobe.py` on the session's display."""

    def __init__(self, desktop: DesktopSession) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-I", str(XPROBE)],
            env=desktop.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        self._buffer = b""
        self._expect("ready")

    def __enter__(self) -> Probe:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """End the probe, also when it is in the middle of a wait."""
        if self._process.stdin is not None and not self._process.stdin.closed:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()

    def arm(
        self, stages: list[Stage], *, timeout: float = 10.0, interval: float | None = None
    ) -> None:
        """Start watching; returns once the probe has taken its snapshots and polls.

        The poll interval defaults to 1 ms, or 2 ms when the stages include a colour count.
        """
        if interval is None:
            colour = any(stage["kind"] == "colour" for stage in stages)
            interval = TRAY_POLL_INTERVAL_S if colour else POLL_INTERVAL_S
        self._send({"stages": stages, "interval": interval, "timeout": timeout})
        self._expect("armed")

    def times(self, alive: Callable[[], bool] | None = None) -> list[float]:
        """When each armed stage came true (time.monotonic()); waits for the last one.

        `alive` is asked every LIVENESS_CHECK_S while waiting; when it says False (the app
        under test died, say), this raises at once instead of waiting for the timeout. The
        probe is then in an unknown state: close it.
        """
        return [float(t) for t in self._expect("times", alive)]

    def wait(self, stages: list[Stage], *, timeout: float = 10.0) -> list[float]:
        self.arm(stages, timeout=timeout, interval=0.01)
        return self.times()

    def geometry(self, window: int) -> list[int]:
        """The window's [x, y, width, height] on the screen."""
        self._send({"geometry": window})
        return [int(n) for n in self._expect("geometry")]

    def count(self, stage: Stage) -> int:
        """How many pixels match a "colour" stage right now."""
        self._send({"count": stage})
        return int(self._expect("count"))

    def _send(self, message: dict[str, Any]) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(message).encode() + b"\n")

    def _expect(self, key: str, alive: Callable[[], bool] | None = None) -> Any:
        assert self._process.stdout is not None
        fd = self._process.stdout.fileno()
        while b"\n" not in self._buffer:
            ready, _, _ = select.select([fd], [], [], LIVENESS_CHECK_S)
            if not ready:
                if alive is not None and not alive():
                    raise ProbeError("the process under test exited")
                continue
            chunk = os.read(fd, 4096)
            if not chunk:
                raise ProbeError(f"the X probe exited (code {self._process.poll()})")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        reply = json.loads(line)
        if "error" in reply:
            raise ProbeError(str(reply["error"]))
        if key not in reply:
            raise ProbeError(f"the X probe answered {reply!r}, expected {key!r}")
        return reply[key]
