"""plyer's native notifier: the main path on Windows and macOS (Linux: notify-send).

plyer hides most of its failures, so `PlyerBackend` checks beforehand what plyer would fail
on silently, and reports `failed_late` when a thread plyer started dies afterwards. Nothing
here touches plyer at import or construction: only `send` does.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
import sys
import threading
import unicodedata
import warnings
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from smallwins_desktop.app.notify.base import APP_NAME, Notification, NotifyError, app_icon_path
from smallwins_desktop.app.notify.freedesktop import ensure_notification_server, session_bus

log = logging.getLogger(__name__)


PLYER_TIMEOUT_S = 10  # how long plyer asks the platform to show it
# plyer's Linux module picks its Flatpak path (the desktop portal through `gdbus`) when this
# directory exists; we look where plyer looks.
FLATPAK_MARKER = Path("/app")

PlyerNotify = Callable[..., Any]


def portal_safe_text(text: str) -> str:
    """`text` made safe for plyer's Flatpak path, which pastes it into a GVariant literal.

    A quote or backslash would end or escape the literal (the portal call then fails, and
    plyer discards the error), and a control character breaks the parse.
    """
    text = text.replace("'", "\u2019").replace("\\", "\u2216")
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)


class _ThreadFailures:
    """Routes exceptions of threads started during a call to a callback, not to stderr.

    plyer's Windows notifier shows its balloon from a thread of its own, whose errors would
    otherwise only be printed. One instance is installed as `threading.excepthook` (chaining
    to the previous hook for every other thread) the first time it is needed.
    """

    _installed: _ThreadFailures | None = None

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watched: weakref.WeakKeyDictionary[threading.Thread, Callable[[str], None]]
        self._watched = weakref.WeakKeyDictionary()
        self._calls: list[tuple[set[threading.Thread], Callable[[str], None]]] = []
        self._previous = threading.excepthook
        threading.excepthook = self._hook

    @classmethod
    def installed(cls) -> _ThreadFailures:
        if cls._installed is None or threading.excepthook != cls._installed._hook:
            cls._installed = cls()
        return cls._installed

    @contextmanager
    def watching_new_threads(self, on_failure: Callable[[str], None]) -> Iterator[None]:
        call = (set(threading.enumerate()), on_failure)
        with self._lock:
            self._calls.append(call)
        try:
            yield
        finally:
            with self._lock:
                self._calls.remove(call)
                for thread in set(threading.enumerate()) - call[0]:
                    self._watched[thread] = on_failure

    def _hook(self, args: threading.ExceptHookArgs) -> None:
        thread = args.thread
        callback = None
        if thread is not None:
            with self._lock:
                callback = self._watched.pop(thread, None)
                for started_before, on_failure in self._calls:
                    if callback is None and thread not in started_before:
                        callback = on_failure
        if callback is None:
            self._previous(args)
            return
        callback(f"{args.exc_type.__name__}: {args.exc_value}")


class PlyerBackend(QObject):
    """Native notifications through plyer: the main path on Windows and macOS.

    Checked before calling plyer, because plyer would fail without a word: on Linux, that
    notify-send (or python-dbus) exists and a notification server is on the session bus
    (plyer ignores notify-send's exit status); in a Flatpak, that `gdbus` exists (and the
    text is made quote-free). Raised by plyer: NotImplementedError when it has no notifier
    for the platform (macOS without pyobjus, say). Warnings plyer emits are logged.

    Signals:
        failed_late(str notification_key, str error): a thread plyer started for a
            notification that `send` reported as shown has died with `error` (Windows).
    """

    failed_late = Signal(str, str)

    name = "plyer"

    def __init__(
        self,
        *,
        platform: str = sys.platform,
        notify: PlyerNotify | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`notify` stands in for `plyer.notification.notify` (tests); None uses plyer."""
        super().__init__(parent)
        self._platform = platform
        self._notify = notify

    def send(self, notification: Notification) -> None:
        import subprocess  # here: the idle app need not hold it for a fallback it may not use

        title, body = notification.title, notification.body
        if self._platform.startswith("linux"):
            if FLATPAK_MARKER.is_dir():
                if shutil.which("gdbus") is None:
                    raise NotifyError("plyer's Flatpak notifier needs gdbus, which is missing")
                title, body = portal_safe_text(title), portal_safe_text(body)
            else:
                self._check_linux()
        icon = app_icon_path(".ico" if self._platform == "win32" else ".svg")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            notify = self._notify or self._plyer_notify()
            with _ThreadFailures.installed().watching_new_threads(
                lambda error: self._thread_failed(notification.key, error)
            ):
                try:
                    notify(
                        title=title,
                        message=body,
                        app_name=APP_NAME,
                        app_icon=str(icon) if icon.is_file() else "",
                        timeout=PLYER_TIMEOUT_S,
                    )
                except NotImplementedError as error:
                    raise NotifyError(
                        f"plyer has no notifier for this platform ({error})"
                    ) from error
                except (OSError, subprocess.SubprocessError) as error:
                    raise NotifyError(f"plyer's notifier failed to run: {error}") from error
        for warning in caught:
            log.warning("plyer: %s", warning.message)

    def _check_linux(self) -> None:
        if importlib.util.find_spec("dbus") is None and shutil.which("notify-send") is None:
            raise NotifyError(
                "plyer needs notify-send (package libnotify-bin) or python-dbus on Linux; "
                "neither is installed"
            )
        ensure_notification_server(session_bus())

    @staticmethod
    def _plyer_notify() -> PlyerNotify:
        from plyer import facades, notification  # type: ignore[import-untyped]

        # plyer picks (and caches) its platform notifier on first use; when it finds none
        # it uses the bare facade, whose notify raises NotImplementedError.
        if notification.__class__ is facades.Notification:
            raise NotifyError("plyer found no notifier on this system")
        notify: PlyerNotify = notification.notify
        return notify

    def _thread_failed(self, key: str, error: str) -> None:
        # Runs in plyer's thread; the signal reaches the Notifier through its event loop.
        log.error("plyer's notifier thread failed after sending %r: %s", key, error)
        self.failed_late.emit(key, error)
