"""A fast watcher of the X screen, run as a child process: `python -I xprobe.py`.

It talks to the X server through libX11 with ctypes (no third-party package), so that one
X round trip costs well under a millisecond and the benchmark can poll every millisecond
without starting a process per look. It runs in its own process because Xlib calls exit()
on a fatal I/O error, which must not end the benchmark.

Protocol: one JSON object per line on stdin, one JSON object per line on stdout.

    -> {"stages": [STAGE, ...], "interval": 0.001, "timeout": 10}
    <- {"armed": true}                   (snapshots taken; start the thing being timed now)
    <- {"times": [t1, t2, ...]}          (time.monotonic() when each stage came true, in turn)
    <- {"error": "..."}                  (a stage timed out, or a bad request)
    -> {"geometry": WINDOW}
    <- {"geometry": [x, y, width, height], "map_state": 0|1|2}
    -> {"count": {"rect": [x, y, w, h], "rgb": [r, g, b], "tol": 24}}
    <- {"count": N}                      (pixels of that colour in the rect now)

Stages, each waited for after the previous one came true:

    {"kind": "colour", "rect": [x, y, w, h], "rgb": [r, g, b], "tol": 24, "min": 4,
     "present": true}        at least `min` pixels within `tol` of `rgb` (or, present=false,
                             fewer than `min`)
    {"kind": "mapped", "window": ID, "viewable": true}
                             the window is viewable (or, viewable=false, no longer is)
    {"kind": "changed", "rect": [x, y, w, h], "fraction": 0.9}
                             at least `fraction` of the rect's rows differ from what the
                             screen showed there when the request was armed

time.monotonic() is CLOCK_MONOTONIC, the same clock in every process, so the parent
subtracts its own start time from these.
"""

from __future__ import annotations

import ctypes
import functools
import json
import sys
import time
from typing import Any

Z_PIXMAP = 2
ALL_PLANES = 0xFFFFFFFFFFFFFFFF
IS_VIEWABLE = 2


class XImage(ctypes.Structure):
    # The leading fields of Xlib's XImage; the function table that follows is not needed.
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
        ("red_mask", ctypes.c_ulong),
        ("green_mask", ctypes.c_ulong),
        ("blue_mask", ctypes.c_ulong),
    ]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


class ProbeError(Exception):
    pass


class Screen:
    """One connection to the X server, with the few calls the probe needs."""

    def __init__(self) -> None:
        x = ctypes.CDLL("libX11.so.6")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XGetImage.restype = ctypes.POINTER(XImage)
        x.XGetImage.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_ulong,
            ctypes.c_int,
        ]
        x.XDestroyImage.argtypes = [ctypes.POINTER(XImage)]
        x.XGetWindowAttributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(XWindowAttributes),
        ]
        x.XTranslateCoordinates.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
        ]
        x.XSetErrorHandler.argtypes = [ErrorHandler]
        self._x = x
        self._display = x.XOpenDisplay(None)
        if not self._display:
            raise ProbeError("cannot open the X display")
        self._root = x.XDefaultRootWindow(self._display)
        self._errors = 0
        # A vanished window is an error reply, not a reason for Xlib to exit the process.
        self._handler = ErrorHandler(self._on_error)
        x.XSetErrorHandler(self._handler)

    def _on_error(self, _display: int | None, _event: int | None) -> int:
        self._errors += 1
        return 0

    def rows(self, rect: list[int]) -> list[bytes]:
        """The screen's pixels in `rect`, one bytes object per row (32 bits a pixel)."""
        x, y, width, height = rect
        image = self._x.XGetImage(
            self._display, self._root, x, y, width, height, ALL_PLANES, Z_PIXMAP
        )
        if not image:
            raise ProbeError(f"XGetImage failed for {rect}")
        try:
            info = image.contents
            if info.bits_per_pixel != 32:
                raise ProbeError(f"unsupported {info.bits_per_pixel} bits per pixel")
            data = ctypes.string_at(info.data, info.bytes_per_line * info.height)
            return [
                data[row * info.bytes_per_line : row * info.bytes_per_line + width * 4]
                for row in range(info.height)
            ]
        finally:
            self._x.XDestroyImage(image)

    def count_colour(self, rect: list[int], rgb: list[int], tol: int) -> int:
        """Pixels in `rect` whose every channel is within `tol` of `rgb`.

        Kept cheap (the probe polls every millisecond beside the app being timed): each
        channel is sliced out and mapped to 0/1 bytes in C, and the three masks are ANDed
        as big integers.
        """
        pixels = b"".join(self.rows(rect))
        # Little-endian 32-bit pixels: B, G, R, unused.
        blue, green, red = (
            int.from_bytes(pixels[offset::4].translate(_near_table(value, tol)), "big")
            for offset, value in enumerate(reversed(rgb))
        )
        return bin(blue & green & red).count("1")

    def map_state(self, window: int) -> int:
        attributes = XWindowAttributes()
        before = self._errors
        status = self._x.XGetWindowAttributes(self._display, window, ctypes.byref(attributes))
        if not status or self._errors != before:
            return 0
        return int(attributes.map_state)

    def geometry(self, window: int) -> tuple[list[int], int]:
        attributes = XWindowAttributes()
        if not self._x.XGetWindowAttributes(self._display, window, ctypes.byref(attributes)):
            raise ProbeError(f"no window {window}")
        x, y, child = ctypes.c_int(), ctypes.c_int(), ctypes.c_ulong()
        self._x.XTranslateCoordinates(
            self._display,
            window,
            self._root,
            0,
            0,
            ctypes.byref(x),
            ctypes.byref(y),
            ctypes.byref(child),
        )
        return [x.value, y.value, attributes.width, attributes.height], attributes.map_state


@functools.cache
def _near_table(value: int, tol: int) -> bytes:
    """A bytes.translate table: 1 for byte values within `tol` of `value`, else 0."""
    return bytes(1 if abs(byte - value) <= tol else 0 for byte in range(256))


def _changed_rows(before: list[bytes], after: list[bytes]) -> float:
    if not before:
        return 0.0
    return sum(1 for old, new in zip(before, after, strict=True) if old != new) / len(before)


def wait(screen: Screen, request: dict[str, Any]) -> list[float]:
    """Arm every stage, say so, then wait for each in turn; return when each came true."""
    interval = float(request.get("interval", 0.001))
    deadline_s = float(request.get("timeout", 10.0))
    stages: list[dict[str, Any]] = request["stages"]
    snapshots = [
        screen.rows(stage["rect"]) if stage["kind"] == "changed" else [] for stage in stages
    ]
    _send({"armed": True})
    deadline = time.monotonic() + deadline_s
    times: list[float] = []
    for index, stage in enumerate(stages):
        while not _holds(screen, stage, snapshots[index]):
            if time.monotonic() > deadline:
                raise ProbeError(f"timed out after {deadline_s:g}s in stage {index}: {stage}")
            time.sleep(interval)
        times.append(time.monotonic())
    return times


def _holds(screen: Screen, stage: dict[str, Any], snapshot: list[bytes]) -> bool:
    kind = stage["kind"]
    if kind == "colour":
        count = screen.count_colour(stage["rect"], stage["rgb"], int(stage.get("tol", 24)))
        enough = count >= int(stage.get("min", 4))
        return enough if stage.get("present", True) else not enough
    if kind == "mapped":
        viewable = screen.map_state(int(stage["window"])) == IS_VIEWABLE
        return viewable if stage.get("viewable", True) else not viewable
    if kind == "changed":
        return _changed_rows(snapshot, screen.rows(stage["rect"])) >= float(
            stage.get("fraction", 0.9)
        )
    raise ProbeError(f"unknown stage kind {kind!r}")


def _send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> int:
    try:
        screen = Screen()
    except (OSError, ProbeError) as error:
        _send({"error": str(error)})
        return 1
    _send({"ready": True})
    for line in sys.stdin:
        try:
            request = json.loads(line)
            if "geometry" in request:
                rect, state = screen.geometry(int(request["geometry"]))
                _send({"geometry": rect, "map_state": state})
            elif "count" in request:
                query = request["count"]
                count = screen.count_colour(query["rect"], query["rgb"], int(query.get("tol", 24)))
                _send({"count": count})
            else:
                _send({"times": wait(screen, request)})
        except (ProbeError, KeyError, ValueError, TypeError) as error:
            _send({"error": str(error)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
