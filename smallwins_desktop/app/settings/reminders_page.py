"""The Reminders page: for each rule its switch, time, days, "only if no win yet" and grace.

Every control writes its `reminders.<rule>.<field>` setting the moment it changes, so the
scheduler re-plans at once (see `LiveSettings`).
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from smallwins_desktop.app import look
from smallwins_desktop.app.settings.days import DaysPicker
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.app.settings.page import Page
from smallwins_desktop.core import config
from smallwins_desktop.core.reminders import END_OF_DAY, WEEKLY_REVIEW


class RuleBox(QGroupBox):
    """The controls of one reminder rule."""

    def __init__(self, page: Page, rule: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._page = page
        self._prefix = f"reminders.{rule}"
        self.setAccessibleName(title)
        self.enabled = QCheckBox(self.tr("Remind me"), self)
        self.enabled.setAccessibleName(self.tr("%s: on") % title)
        self.enabled.toggled.connect(lambda on: self._put("enabled", on))
        self.time = QTimeEdit(self)
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("%s: time") % title)
        self.time.editingFinished.connect(self._time_edited)
        self.follow = QCheckBox(self.tr("On my workdays"), self)
        self.follow.setAccessibleName(self.tr("%s: on my workdays") % title)
        self.follow.toggled.connect(self._follow_toggled)
        self.days = DaysPicker(self.tr("%s: days") % title, self)
        self.days.days_changed.connect(lambda days: self._put("days", days))
        self.only_if_no_win = QCheckBox(self.tr("Only when today has no win yet"), self)
        self.only_if_no_win.setAccessibleName(self.tr("%s: only when today has no win") % title)
        self.only_if_no_win.toggled.connect(lambda on: self._put("only_if_no_win", on))
        self.grace = QSpinBox(self)
        self.grace.setRange(1, config.MAX_GRACE_MINUTES)
        self.grace.setSuffix(self.tr(" min"))
        self.grace.setAccessibleName(self.tr("%s: may come late by, in minutes") % title)
        self.grace.setToolTip(
            self.tr("A reminder missed while the computer slept still comes this late.")
        )
        self.grace.editingFinished.connect(lambda: self._put("grace", self.grace.value()))
        form = look.form(self, look.Space.M)
        form.addRow(self.enabled)
        form.addRow(self.tr("Time:"), self.time)
        form.addRow(self.tr("Days:"), self.follow)
        form.addRow("", self.days)
        form.addRow(self.only_if_no_win)
        form.addRow(self.tr("Late by at most:"), self.grace)

    def load(self) -> None:
        get = self._page.live.get
        self.enabled.setChecked(bool(get(f"{self._prefix}.enabled")))
        at: time = get(f"{self._prefix}.time")
        self.time.setTime(QTime(at.hour, at.minute))
        days = get(f"{self._prefix}.days")
        follows = days == config.FOLLOW_WORKDAYS
        self.follow.setChecked(follows)
        self.days.set_days(get(config.WORKDAYS) if follows else days)
        self.days.setEnabled(not follows)
        self.only_if_no_win.setChecked(bool(get(f"{self._prefix}.only_if_no_win")))
        self.grace.setValue(int(get(f"{self._prefix}.grace")))
        for control in (self.time, self.follow, self.days, self.only_if_no_win, self.grace):
            control.setEnabled(
                self.enabled.isChecked() and (control is not self.days or not follows)
            )

    def _put(self, field: str, value: object) -> None:
        if self._page.loading:
            return
        self._page.put(f"{self._prefix}.{field}", value)
        self._page.reload()  # e.g. switching off greys the rest

    def _time_edited(self) -> None:
        edited = self.time.time()
        self._put("time", time(edited.hour(), edited.minute()))

    def _follow_toggled(self, follows: bool) -> None:
        self._put("days", config.FOLLOW_WORKDAYS if follows else self.days.days())


class RemindersPage(Page):
    def __init__(self, live: LiveSettings, parent: QWidget | None = None) -> None:
        super().__init__(live, parent)
        self.set_title(self.tr("Reminders"))
        self.end_of_day = RuleBox(self, END_OF_DAY, self.tr("End of the day"), self)
        self.weekly_review = RuleBox(self, WEEKLY_REVIEW, self.tr("Weekly review"), self)
        self.next = QLabel(self)
        self.next.setAccessibleName(self.tr("Next reminder"))
        self.body.addWidget(self.end_of_day)
        self.body.addWidget(self.weekly_review)
        self.body.addWidget(self.next)
        self.reload()

    def load(self) -> None:
        self.end_of_day.load()
        self.weekly_review.load()
        upcoming = self.live.next_reminder()
        self.next.setText(
            self.tr("Next reminder: %1").replace("%1", upcoming.strftime("%a %d %b, %H:%M"))
            if upcoming
            else self.tr("No reminder will come: both are off.")
        )
