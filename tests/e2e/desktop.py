"""A private, throw-away X11 desktop for end-to-end tests.

`DesktopSession` starts, inside a fresh temp dir, everything a tray app needs on a real
Linux desktop: an X server (Xvfb), a D-Bus session bus, a system tray (trayer) and a
notification server (dunst). Processes started with `DesktopSession.env` see only this
desktop: their DISPLAY, bus, XDG_RUNTIME_DIR, HOME and XDG config/data/cache/state dirs all
point into the temp dir, so nothing touches the real user's session or files.

What it owns: every process it starts (the stack, and whatever a test starts with `spawn`),
each in its own process group, and the temp dir. `stop()` ends them all and removes the dir,
also when `start()` fails half-way.

Choices that matter to tests:

- The bus is hermetic: its config has no service dirs, so nothing is D-Bus-activated (no
  stray dunst started without our config, no accessibility bus, no StatusNotifierWatcher, so
  Qt embeds its tray icon in trayer through XEmbed).
- `start()` returns only once trayer owns the `_NET_SYSTEM_TRAY_S0` selection (what Qt's
  `QSystemTrayIcon.isSystemTrayAvailable()` checks) and dunst answers on the bus.
- dunst keeps a notification on screen for `NOTIFICATION_TIMEOUT_S`; it reaches dunst's
  history only once it is closed (timeout, click, `dunstctl close`/`close-all`).
  `notifications()` lists everything dunst received, displayed or not, from a script rule.
- `dunstctl action 0` invokes the top notification's "default" action, or else opens the
  context menu; so does `dunstctl context`. The menu's dmenu picks the first entry (the first
  action), or the one `choose_action(label)` named. A left click on a notification does its action.
- There is no window manager: `xdotool windowactivate` does not work, `windowfocus` does.

This module does not import pytest; the fixtures live in conftest.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar
from xml.sax.saxutils import escape as xml_escape

T = TypeVar("T")

SCREEN_GEOMETRY = "1280x800x24"
TRAY_HEIGHT_PX = 28
TRAY_SELECTION = "_NET_SYSTEM_TRAY_S0"
NOTIFICATION_TIMEOUT_S = 20
HISTORY_LENGTH = 1000
STARTUP_TIMEOUT_S = 20.0
STOP_GRACE_S = 5.0
COMMAND_TIMEOUT_S = 30.0
LOG_TAIL_CHARS = 2000

# Executable -> the Debian package that provides it. `dunstctl history` runs `busctl --user`,
# and dunst does not pull in systemd when dbus-x11 already provides a session bus.
REQUIREMENTS: dict[str, str] = {
    "Xvfb": "xvfb",
    "dbus-daemon": "dbus-daemon",
    "dbus-send": "dbus-bin",
    "busctl": "systemd",
    "trayer": "trayer",
    "dunst": "dunst",
    "dunstctl": "dunst",
    "notify-send": "libnotify-bin",
    "xdotool": "xdotool",
    "import": "imagemagick",
    "convert": "imagemagick",
}

# Variables that would point a child at the real session, or pick another Qt platform.
_LEAKY_ENV = (
    "DBUS_SESSION_BUS_ADDRESS",
    "DBUS_SESSION_BUS_PID",
    "DBUS_SESSION_BUS_WINDOWID",
    "DBUS_STARTER_ADDRESS",
    "DBUS_STARTER_BUS_TYPE",
    "DESKTOP_SESSION",
    "DISPLAY",
    "QT_QPA_PLATFORM",
    "SESSION_MANAGER",
    "WAYLAND_DISPLAY",
    "XAUTHORITY",
    "XDG_CURRENT_DESKTOP",
    "XDG_SESSION_DESKTOP",
)

# A private session bus with no service dirs, so nothing can be D-Bus-activated on it.
BUS_CONFIG = """\
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

# The context menu ("dunstctl context") pipes the choices into `dmenu`: the harness's answers
# the entry named in the file `choose_action` (see `choose_action`), else the first.
_DMENU = """\
#!/bin/sh
choice="$(cat '{choice}' 2>/dev/null)"
if [ -n "$choice" ]; then grep -m 1 -i -F -- "$choice"; else head -n 1; fi
"""
_DUNSTRC = """\
[global]
    monitor = 0
    follow = none
    width = 320
    height = 120
    origin = top-right
    offset = 8x{offset_y}
    notification_limit = 0
    indicate_hidden = yes
    sort = no
    idle_threshold = 0
    show_age_threshold = -1
    font = Monospace 9
    markup = full
    format = "<b>%s</b>\\n%b"
    history_length = {history_length}
    sticky_history = yes
    always_run_script = true
    dmenu = {dmenu}
    browser = /bin/true
    mouse_left_click = do_action, close_current
    mouse_middle_click = close_all
    mouse_right_click = context

[urgency_low]
    timeout = {timeout}

[urgency_normal]
    timeout = {timeout}

[urgency_critical]
    timeout = 0

[smallwins_e2e_record]
    script = "{recorder}"
"""

# Run by dunst (a rule with no filter matches every notification); appends one JSON line.
_RECORDER = """\
#!{python} -IS
import json, os
fields = {{k[6:].lower(): v for k, v in os.environ.items() if k.startswith("DUNST_")}}
fields["appname"] = fields.pop("app_name", "")
fd = os.open({log!r}, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
os.write(fd, (json.dumps(fields) + "\\n").encode())
os.close(fd)
"""

# A line of ImageMagick's histogram, e.g. "    484: (255,0,255) #FF00FF magenta".
_HISTOGRAM_LINE = re.compile(r"(?m)^\s*(?P<count>\d+):.*?#(?P<colour>[0-9A-F]{6})\b")

# Run in a child so that an Xlib I/O error (which calls exit()) cannot end the test run.
_SELECTION_OWNER = """\
import ctypes, sys
x = ctypes.CDLL("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XGetSelectionOwner.restype = ctypes.c_ulong
x.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]
d = x.XOpenDisplay(None)
if not d:
    sys.exit("cannot open display")
print(x.XGetSelectionOwner(d, x.XInternAtom(d, sys.argv[1].encode(), 0)))
x.XCloseDisplay(d)
"""


class DesktopError(RuntimeError):
    """The desktop stack could not be started, or a command in it failed."""


def missing_requirements() -> list[str]:
    """Names of the executables the desktop stack needs that are not on PATH."""
    return [name for name in REQUIREMENTS if shutil.which(name) is None]


def wait_until(
    predicate: Callable[[], T],
    timeout: float = 10.0,
    interval: float = 0.05,
    what: str = "condition",
) -> T:
    """Poll `predicate` until it returns something truthy, and return that.

    Raises AssertionError naming `what` when `timeout` seconds pass first. Exceptions from
    the predicate propagate at once.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:g}s waiting for {what}")
        time.sleep(interval)


@dataclass
class _Child:
    name: str
    process: subprocess.Popen[bytes]
    log: Path


class DesktopSession:
    """Xvfb + D-Bus session bus + trayer + dunst, private to one temp dir.

    Use as a context manager, or call `start()` and `stop()`. Not thread-safe.
    """

    def __init__(self, *, keep_dir: bool = False) -> None:
        """`keep_dir` leaves the temp dir (logs, config) in place after `stop()`."""
        self._keep_dir = keep_dir
        self._root: Path | None = None
        self._children: list[_Child] = []
        self._display = ""
        self._bus_address = ""
        self._overrides: dict[str, str] | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> DesktopSession:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> DesktopSession:
        """Start the whole stack and wait until the tray and dunst are ready."""
        if self._root is not None:
            raise DesktopError("this DesktopSession is already started")
        missing = missing_requirements()
        if missing:
            raise DesktopError("missing executables: " + ", ".join(missing))
        self._root = Path(tempfile.mkdtemp(prefix="smallwins-e2e-"))
        try:
            self._make_dirs()
            self._overrides = self._private_env()
            self._start_xvfb()
            self._overrides["DISPLAY"] = self._display
            self._start_bus()
            self._overrides["DBUS_SESSION_BUS_ADDRESS"] = self._bus_address
            self._start_tray()
            self._start_dunst()
            self.wait_until(
                self.tray_owner, timeout=STARTUP_TIMEOUT_S, what=f"trayer to own {TRAY_SELECTION}"
            )
            self.wait_until(
                self._dunst_answers, timeout=STARTUP_TIMEOUT_S, what="dunst to answer on D-Bus"
            )
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """End every process this session started (newest first) and remove the temp dir.

        Safe to call more than once, and after a failed `start()`.
        """
        try:
            while self._children:
                self._end(self._children.pop())
        finally:
            # An interrupted shutdown must not strand the rest of the stack.
            for child in reversed(self._children):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(child.process.pid, signal.SIGKILL)
                child.process.wait()
            self._children.clear()
        self._overrides = None
        self._display = ""
        self._bus_address = ""
        if self._root is not None and not self._keep_dir:
            shutil.rmtree(self._root, ignore_errors=True)
        self._root = None

    # -- what tests use --------------------------------------------------------------------

    @property
    def env(self) -> dict[str, str]:
        """The environment for processes that should live on this desktop.

        A fresh copy of `os.environ` at each access (so a test's monkeypatched variables,
        such as SMALLWINS_DATA_DIR, come through), with the session's DISPLAY, bus, HOME,
        XDG dirs and QT_QPA_PLATFORM=xcb on top, and variables naming another session or
        Qt platform removed.
        """
        if self._overrides is None:
            raise DesktopError("the DesktopSession is not started")
        env = {key: value for key, value in os.environ.items() if key not in _LEAKY_ENV}
        env.update(self._overrides)
        return env

    @property
    def display(self) -> str:
        """The X display, e.g. ":3"."""
        return self._display

    @property
    def bus_address(self) -> str:
        """The D-Bus session bus address."""
        return self._bus_address

    @property
    def root(self) -> Path:
        """The session's temp dir (home, runtime dir, config, logs)."""
        if self._root is None:
            raise DesktopError("the DesktopSession is not started")
        return self._root

    @property
    def log_dir(self) -> Path:
        """Where each process's stdout and stderr go, as `<name>.log`."""
        return self.root / "logs"

    def run(
        self,
        cmd: Sequence[str | os.PathLike[str]],
        *,
        check: bool = True,
        timeout: float = COMMAND_TIMEOUT_S,
        **kwargs: Any,
    ) -> subprocess.CompletedProcess[str]:
        """Run a command on this desktop and return its captured text output.

        Defaults: `env=self.env`, no stdin, stdout/stderr captured as text. With `check`, a
        non-zero exit raises DesktopError showing the command's output.
        """
        options: dict[str, Any] = {"env": self.env, "capture_output": True, "text": True}
        if "input" not in kwargs:
            options["stdin"] = subprocess.DEVNULL
        options.update(kwargs)
        result: subprocess.CompletedProcess[str] = subprocess.run(
            [os.fspath(part) for part in cmd], check=False, timeout=timeout, **options
        )
        if check and result.returncode != 0:
            raise DesktopError(
                f"{_quote(cmd)} exited with {result.returncode}\n"
                f"stdout: {result.stdout}\nstderr: {result.stderr}"
            )
        return result

    def spawn(
        self, cmd: Sequence[str | os.PathLike[str]], *, name: str, **kwargs: Any
    ) -> subprocess.Popen[bytes]:
        """Start a long-running process on this desktop (the app under test, say).

        Its stdout and stderr go to `log_dir / f"{name}.log"`; `stop()` ends it if still
        running. End it earlier with `terminate()`.
        """
        kwargs.setdefault("env", self.env)
        return self._spawn(name, cmd, **kwargs)

    def terminate(self, process: subprocess.Popen[bytes], timeout: float = STOP_GRACE_S) -> int:
        """End a process started with `spawn` (SIGTERM, then SIGKILL) and return its code."""
        for child in self._children:
            if child.process is process:
                self._children.remove(child)
                self._end(child, timeout)
                break
        else:
            raise DesktopError(f"process {process.pid} was not started by this session")
        return process.returncode

    def log_text(self, name: str) -> str:
        """The output so far of the process started under `name`."""
        path = self.log_dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def wait_until(
        self,
        predicate: Callable[[], T],
        timeout: float = 10.0,
        interval: float = 0.05,
        what: str = "condition",
    ) -> T:
        """`wait_until`, and on timeout also report any process of the stack that died."""
        try:
            return wait_until(predicate, timeout=timeout, interval=interval, what=what)
        except AssertionError as error:
            raise AssertionError(f"{error}{self._obituaries()}") from None

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        """Save the whole screen as an image (PNG for a .png path) and return its path."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.run(["import", "-window", "root", target])
        return target

    def screen_colors(self, x: int, y: int, width: int, height: int) -> dict[str, int]:
        """How many pixels of each colour ("RRGGBB") a rectangle of the screen holds now."""
        geometry = f"{width}x{height}+{x}+{y}"
        cmd = ["convert", "x:root", "-crop", geometry, "+repage", "-depth", "8"]
        result = self.run([*cmd, "-format", "%c", "histogram:info:-"])
        return {
            match["colour"]: int(match["count"])
            for match in _HISTOGRAM_LINE.finditer(result.stdout)
        }

    def xdotool(self, *args: str) -> str:
        """Run `xdotool` with `args` on this display and return its stdout."""
        return self.run(["xdotool", *args]).stdout

    def window_ids(self, name_substring: str, *, only_visible: bool = False) -> list[int]:
        """Ids of the windows whose title contains `name_substring` (plain text)."""
        cmd = ["xdotool", "search"]
        if only_visible:
            cmd.append("--onlyvisible")
        result = self.run([*cmd, "--name", re.escape(name_substring)], check=False)
        # xdotool exits 1, printing nothing, when no window matches.
        if result.returncode not in (0, 1):
            raise DesktopError(f"xdotool search failed: {result.stderr}")
        return [int(line) for line in result.stdout.split()]

    def selection_owner(self, selection: str) -> int:
        """The id of the window owning an X selection, 0 when it has no owner."""
        result = self.run([sys.executable, "-IS", "-c", _SELECTION_OWNER, selection])
        return int(result.stdout)

    def tray_owner(self) -> int:
        """The window that owns the system tray selection (0: no tray)."""
        return self.selection_owner(TRAY_SELECTION)

    def stop_tray(self) -> None:
        """End trayer and wait until nobody owns the tray selection (a panel not up yet)."""
        for child in [c for c in self._children if c.name == "trayer"]:
            self._children.remove(child)
            self._end(child)
        self.wait_until(lambda: self.tray_owner() == 0, what="the tray selection to be free")

    def start_tray(self) -> None:
        """Start trayer (again) and wait until it owns the tray selection."""
        if any(c.name == "trayer" and c.process.poll() is None for c in self._children):
            return
        self._start_tray()
        self.wait_until(
            self.tray_owner, timeout=STARTUP_TIMEOUT_S, what=f"trayer to own {TRAY_SELECTION}"
        )

    @property
    def _choice_file(self) -> Path:
        return self.root / "dmenu-choice"

    def choose_action(self, label: str | None) -> None:
        """Make the next `dunstctl context` pick the action whose menu entry has `label`
        (None: the first entry, as by default)."""
        if label is None:
            self._choice_file.unlink(missing_ok=True)
        else:
            self._choice_file.write_text(label)

    def dunstctl(self, *args: str) -> str:
        """Run `dunstctl` with `args` (e.g. "close-all", "action", "0") and return stdout."""
        return self.run(["dunstctl", *args]).stdout

    def dunst_history(self) -> list[dict[str, Any]]:
        """dunst's history (closed notifications), newest first.

        Each entry has at least summary, body, appname and id; other dunst fields
        (urgency, category, default_action_name, timestamp, ...) are kept as well.
        """
        reply = json.loads(self.dunstctl("history"))
        entries: list[dict[str, Any]] = reply["data"][0]
        return [{key: field["data"] for key, field in entry.items()} for entry in entries]

    def notifications(self) -> list[dict[str, Any]]:
        """Every notification dunst has received, displayed or closed, oldest first.

        Each entry has summary, body, appname, id (int) and urgency, among others.
        """
        path = self.root / "notifications.jsonl"
        if not path.exists():
            return []
        entries = [json.loads(line) for line in path.read_text().splitlines() if line]
        for entry in entries:
            entry["id"] = int(entry.get("id") or 0)
        return entries

    # -- starting the pieces ---------------------------------------------------------------

    def _make_dirs(self) -> None:
        for name in ("runtime", "home", "config", "data", "cache", "state", "logs"):
            (self.root / name).mkdir()
        # Qt and D-Bus insist on a runtime dir only its owner can enter.
        (self.root / "runtime").chmod(0o700)

    def _start_xvfb(self) -> None:
        read_fd, write_fd = os.pipe()
        try:
            try:
                # -noreset: the server must not reset when its last client goes away.
                cmd = ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN_GEOMETRY]
                cmd += ["-nolisten", "tcp", "-noreset"]
                self._spawn("xvfb", cmd, env=self.env, pass_fds=(write_fd,))
            finally:
                os.close(write_fd)
            number = self._read_line(read_fd, "Xvfb")
        finally:
            os.close(read_fd)
        if not number.isdigit():
            raise DesktopError(f"Xvfb reported display {number!r}{self._obituaries()}")
        self._display = f":{number}"

    def _start_bus(self) -> None:
        config = self.root / "bus.conf"
        socket = self.root / "runtime" / "bus"
        config.write_text(BUS_CONFIG.format(socket=xml_escape(str(socket))))
        read_fd, write_fd = os.pipe()
        try:
            try:
                cmd = ["dbus-daemon", f"--config-file={config}", "--nofork", "--nopidfile"]
                cmd.append(f"--print-address={write_fd}")
                self._spawn("dbus", cmd, env=self.env, pass_fds=(write_fd,))
            finally:
                os.close(write_fd)
            address = self._read_line(read_fd, "dbus-daemon")
        finally:
            os.close(read_fd)
        if not address.startswith("unix:"):
            raise DesktopError(f"dbus-daemon reported address {address!r}{self._obituaries()}")
        self._bus_address = address

    def _private_env(self) -> dict[str, str]:
        """The session's variables, still without DISPLAY and the bus address."""
        return dict(
            XDG_RUNTIME_DIR=str(self.root / "runtime"),
            HOME=str(self.root / "home"),
            XDG_CONFIG_HOME=str(self.root / "config"),
            XDG_DATA_HOME=str(self.root / "data"),
            XDG_CACHE_HOME=str(self.root / "cache"),
            XDG_STATE_HOME=str(self.root / "state"),
            XDG_SESSION_TYPE="x11",
            QT_QPA_PLATFORM="xcb",
        )

    def _start_tray(self) -> None:
        cmd = ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request"]
        cmd += ["--height", str(TRAY_HEIGHT_PX), "--transparent", "false"]
        cmd += ["--SetDockType", "true", "--SetPartialStrut", "true", "--expand", "true"]
        self._spawn("trayer", cmd, env=self.env)

    def _start_dunst(self) -> None:
        recorder = self.root / "record-notification"
        recorder.write_text(
            _RECORDER.format(python=sys.executable, log=str(self.root / "notifications.jsonl"))
        )
        recorder.chmod(0o700)
        dmenu = self.root / "dmenu"
        dmenu.write_text(_DMENU.format(choice=self._choice_file))
        dmenu.chmod(0o700)
        dunstrc = self.root / "config" / "dunst" / "dunstrc"
        dunstrc.parent.mkdir(parents=True)
        dunstrc.write_text(
            _DUNSTRC.format(
                offset_y=TRAY_HEIGHT_PX + 8,
                history_length=HISTORY_LENGTH,
                timeout=NOTIFICATION_TIMEOUT_S,
                recorder=recorder,
                dmenu=dmenu,
            )
        )
        self._spawn("dunst", ["dunst", "-config", dunstrc], env=self.env)

    def _dunst_answers(self) -> bool:
        return self.run(["dunstctl", "debug"], check=False).returncode == 0

    # -- processes -------------------------------------------------------------------------

    def _spawn(
        self, name: str, cmd: Sequence[str | os.PathLike[str]], **kwargs: Any
    ) -> subprocess.Popen[bytes]:
        for child in [c for c in self._children if c.name == name]:
            if child.process.poll() is None:
                raise DesktopError(f"a process named {name!r} is already running in this session")
            self._children.remove(child)  # ended (e.g. killed by a test): the name is free
        log = self.log_dir / f"{name}.log"
        with log.open("ab") as output:
            process = subprocess.Popen(
                [os.fspath(part) for part in cmd],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                # Own process group: stop() can end the process and anything it started.
                start_new_session=True,
                **kwargs,
            )
        self._children.append(_Child(name, process, log))
        return process

    def _end(self, child: _Child, timeout: float = STOP_GRACE_S) -> None:
        process = child.process
        for sig in (signal.SIGTERM, signal.SIGKILL):
            # Signal the whole group: a leader that already exited may leave children behind.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, sig)
            try:
                process.wait(timeout=timeout)
                break
            except subprocess.TimeoutExpired:
                continue
        else:
            process.wait()

    def _read_line(self, fd: int, what: str) -> str:
        """Read the first line a starting process writes to `fd`, within the startup timeout."""
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        data = b""
        while b"\n" not in data:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DesktopError(f"timed out waiting for {what}{self._obituaries()}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 256)
            if not chunk:
                raise DesktopError(f"{what} did not start{self._obituaries()}")
            data += chunk
        return data.decode().strip()

    def _obituaries(self) -> str:
        """A note on each process of the session that has exited, with its log's tail."""
        notes = []
        for child in self._children:
            code = child.process.poll()
            if code is not None:
                tail = child.log.read_text(errors="replace")[-LOG_TAIL_CHARS:]
                notes.append(f"\n{child.name} exited with {code}; its log ends:\n{tail}")
        return "".join(notes)


def _quote(cmd: Sequence[str | os.PathLike[str]]) -> str:
    return " ".join(os.fspath(part) for part in cmd)
