"""The small visual language every window speaks: a spacing scale and a type scale.

Spacing: five named steps (4, 8, 12, 16, 24 logical pixels, and none). Every layout's margins
and spacing, and every fixed gap, is one of them; `box`, `grid` and `form` build layouts
with them, `pad` sets them on an existing one. Logical pixels already follow the screen's
scale factor, so nothing here reads the DPI.

Type: a handful of roles (caption, body, strong, title, headline), each a ratio of the
application font, so text follows the system's font size (and DPI) and is never a fixed
point or pixel size. `set_role` gives a widget its role's font (only the size and weight are
set, the family still comes from the application); `font` does the same for painting;
`points` is the size in points for the odd rich-text span that needs one.

The scale follows the application font while the app runs, too: `set_role` remembers the role
on the widget (the `ROLE_PROPERTY` property), and when the application font changes (the user
changed the desktop's font or its size) every widget that has a role, in every window built,
shown or hidden, gets its role's new size at once (`Follower`). Text in the body role follows
by itself, through Qt (and here, for a widget with a style sheet, which Qt leaves out). What
is sized from a font beyond that (a fixed height from a line's height, a rich-text span in
points) says how to refit with `refit`, called again on each change of the widget's font;
then every window grows to what its content asks for (`grow_windows`).

The palette lives in `marks.Colors` and `theme`; the drawn marks and icons in `marks` and
`tray.icons` (SVGs from `resources/icons`, never emoji). This module never changes a
widget's colours, and importing it does nothing but define things.
"""

from __future__ import annotations

import enum
import gc
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QVBoxLayout,
    QWidget,
)


class Space(enum.IntEnum):
    """The spacing scale, in logical pixels."""

    NONE = 0
    XS = 4  # inside a group: a label and its hint, chips in a row
    S = 8  # between controls in a row or a column
    M = 12  # between groups; a panel's edge
    L = 16  # a window's edge
    XL = 24  # an indent (a micro-goal under its objective, a choice's hint)


SPACING = tuple(int(step) for step in Space)

WINDOW_MARGINS = (Space.L, Space.M, Space.L, Space.M)
"""Left, top, right, bottom of a window's outer layout."""
CONTROL_GAP = Space.S
"""Between the controls of a row or a column."""
SECTION_GAP = Space.M
"""Above a new section of a column."""


@dataclass(frozen=True)
class Role:
    """A place for text in the type scale: its size relative to the application font."""

    ratio: float
    bold: bool = False


class Type:
    """The type scale (each role's name is what `set_role` remembers on a widget)."""

    CAPTION = Role(0.85)  # details under a win, axis labels, fine print
    BODY = Role(1.0)
    STRONG = Role(1.0, bold=True)  # a section's name, a word that must be seen
    TITLE = Role(1.2, bold=True)  # a window's or a page's heading
    HEADLINE = Role(1.6)  # a figure to read at a glance; the big celebration


ROLES = {name: role for name, role in vars(Type).items() if isinstance(role, Role)}
TYPE_RATIOS = tuple(sorted({role.ratio for role in vars(Type).values() if isinstance(role, Role)}))
SMALLEST_POINTS = 7.0
"""No text is drawn smaller than this, whatever the application font."""

Margins = Space | tuple[Space, Space] | tuple[Space, Space, Space, Space]


def _step(value: object) -> int:
    if not isinstance(value, Space):
        raise ValueError(f"{value!r} is not a step of the spacing scale {SPACING}")
    return int(value)


def _steps(margins: Margins) -> tuple[int, int, int, int]:
    if isinstance(margins, tuple):
        values = margins * 2 if len(margins) == 2 else margins
    else:
        values = (margins,) * 4
    left, top, right, bottom = (_step(v) for v in values)
    return left, top, right, bottom


_L = TypeVar("_L", bound=QLayout)


def pad(layout: _L, margins: Margins = Space.NONE, spacing: Space = CONTROL_GAP) -> _L:
    """Give `layout` margins (one step, (horizontal, vertical), or four) and spacing from the
    scale; returns it."""
    between = _step(spacing)
    Follower.ensure()
    layout.setContentsMargins(*_steps(margins))
    if isinstance(layout, QGridLayout | QFormLayout):
        layout.setHorizontalSpacing(between)
        layout.setVerticalSpacing(between)
    else:
        layout.setSpacing(between)
    return layout


def row(
    parent: QWidget | None = None, margins: Margins = Space.NONE, spacing: Space = CONTROL_GAP
) -> QHBoxLayout:
    """A horizontal layout (on `parent`, if given) with margins and spacing from the scale."""
    return pad(QHBoxLayout(parent), margins, spacing)


def column(
    parent: QWidget | None = None, margins: Margins = Space.NONE, spacing: Space = CONTROL_GAP
) -> QVBoxLayout:
    """A vertical layout (on `parent`, if given) with margins and spacing from the scale."""
    return pad(QVBoxLayout(parent), margins, spacing)


def grid(
    parent: QWidget | None = None, margins: Margins = Space.NONE, spacing: Space = CONTROL_GAP
) -> QGridLayout:
    return pad(QGridLayout(parent), margins, spacing)


def form(
    parent: QWidget | None = None, margins: Margins = Space.NONE, spacing: Space = CONTROL_GAP
) -> QFormLayout:
    return pad(QFormLayout(parent), margins, spacing)


def gap(layout: QBoxLayout, step: Space = SECTION_GAP) -> None:
    """A fixed gap of one step in a row or column (before a new section)."""
    layout.addSpacing(_step(step))


def application_points() -> float:
    """The application font's size in points (what the system and the user chose)."""
    size = QGuiApplication.font().pointSizeF()
    return size if size > 0 else 10.0


def points(role: Role) -> float:
    """The role's size in points, relative to the application font (rounded to 0.1)."""
    return round(max(SMALLEST_POINTS, application_points() * role.ratio), 1)


def font(role: Role, base: QFont | None = None) -> QFont:
    """A font for `role`: `base` (the application font by default) at the role's size and
    weight."""
    made = QFont(base if base is not None else QGuiApplication.font())
    made.setPointSizeF(points(role))
    made.setBold(role.bold)
    return made


ROLE_PROPERTY = "smallwinsRole"
"""The name of the role `set_role` gave a widget (a Qt property on the widget)."""


def set_role(widget: QWidget, role: Role) -> QWidget:
    """Draw `widget`'s text in `role`; only size and weight are set (on an empty QFont, which
    resolves the rest against the widget's), so the family still follows the application.
    The role is remembered on the widget, and its size follows a change of the application
    font. Returns the widget."""
    name = next((key for key, known in ROLES.items() if known == role), None)
    if name is None:
        raise ValueError(f"{role!r} is not a role of the type scale")
    widget.setProperty(ROLE_PROPERTY, name)
    widget.setFont(font(role, QFont()))
    Follower.ensure()
    return widget


def role_of(widget: QWidget) -> Role | None:
    """The role `set_role` gave `widget`, if any."""
    name = widget.property(ROLE_PROPERTY)
    return ROLES.get(name) if isinstance(name, str) else None


def every_widget(*, windows_only: bool = False) -> list[QWidget]:
    """Every widget of the application (or every window), each held until the list goes.

    Listed with the garbage collector paused. PySide6 makes the list from a copy of Qt's, and
    wraps each widget Python has not met yet as it goes; a collection those wrappers set off
    could free a window nothing else held (one in a reference cycle), and the copy would then
    hand PySide6 a freed widget: a crash."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return QApplication.topLevelWidgets() if windows_only else QApplication.allWidgets()
    finally:
        if collecting:
            gc.enable()


def reapply_roles() -> int:
    """Give every widget its size in the type scale for the application font as it is now:
    its role's, or, for a widget with a style sheet and no font of its own, its parent's (Qt
    hands a new font on to such a widget only if its parent has a style sheet too). Returns
    how many widgets had a role."""
    # Every window first takes the new font from Qt (events Qt posted for it and may not have
    # delivered yet).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    count = 0
    for widget in every_widget():
        role = role_of(widget)
        if role is not None:
            wanted = font(role, QFont())
            current = widget.font()
            if current.pointSizeF() != wanted.pointSizeF() or current.bold() != role.bold:
                widget.setFont(wanted)
            count += 1
        elif widget.testAttribute(Qt.WidgetAttribute.WA_StyleSheet) and not widget.testAttribute(
            Qt.WidgetAttribute.WA_SetFont
        ):
            widget.setFont(QFont())  # resolved again against its parent's font
    return count


class Follower(QObject):
    """Watches, for the whole application, for a change of its font, and then re-applies the
    type scale (`reapply_roles`) once per change.

    The application says `fontChanged` when its font is set (the desktop's platform theme
    sets it when the user changes it), and posts ApplicationFontChange to every window, which
    then hands the font on to its widgets. A font unlike the last one queues the work behind
    those events, so it runs in the same turn of the event loop, once every window has the
    new font. Made by the first layout or role, so nothing of it runs before a window is
    built."""

    _instance: Follower | None = None

    @classmethod
    def ensure(cls) -> Follower | None:
        """The application's follower, made and installed if it is not yet."""
        app = QApplication.instance()
        if app is None:
            return None
        try:
            installed = cls._instance is not None and cls._instance.parent() is app
        except RuntimeError:  # made for an application that is gone
            installed = False
        if not installed:
            cls._instance = cls(app)
        return cls._instance

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._known = QFont(QGuiApplication.font())
        # The application's signal, not an event filter on it: such a filter is called, in
        # Python, for every event of every object (~1.5 MiB more idle, a slower first capture).
        app.fontChanged.connect(self._font_changed)

    def _font_changed(self, _font: QFont) -> None:
        self.follow()

    def follow(self) -> None:
        """Re-apply the roles if the application font is not the one they were sized for."""
        now = QGuiApplication.font()
        if now == self._known:
            return
        self._known = QFont(now)
        QTimer.singleShot(0, self, _follow_the_font)


def _follow_the_font() -> None:
    reapply_roles()
    grow_windows()


def grow_windows() -> None:
    """Let every window (shown or hidden) grow to the size its content now asks for, within
    its screen, so larger text is not squeezed; a window is never made smaller than the user
    made it."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # hints up to date
    for window in every_widget(windows_only=True):
        if window.windowType() not in (Qt.WindowType.Window, Qt.WindowType.Dialog):
            continue  # menus, tooltips and popups size themselves each time they open
        if window.layout() is None:
            continue
        wanted = window.size().expandedTo(window.sizeHint())
        screen = window.screen()
        if screen is not None:
            wanted = wanted.boundedTo(screen.availableGeometry().size())
        if wanted != window.size():
            window.resize(wanted)


class _Refit(QObject):
    def __init__(self, widget: QWidget, fit: Callable[[], object]) -> None:
        super().__init__(widget)
        self._fit = fit
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self._fit()
        return False


def refit(widget: QWidget, fit: Callable[[], object]) -> None:
    """Call `fit` again whenever `widget`'s font changes (after the application font
    changed): for a size computed from the font, such as a box a few lines high."""
    _Refit(widget, fit)
    Follower.ensure()
