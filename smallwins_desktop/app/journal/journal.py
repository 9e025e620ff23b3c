"""The app's one window onto the store: every widget reads and writes wins through here.

`Journal` wraps the core operations with the app's clock and tells the UI when anything
changed, whoever changed it: a win saved here, one handed over by `smallwins add` through IPC,
or one written by another process (noticed by polling `PRAGMA data_version`, which moves only
when another connection commits). It also notices the day rolling over, so the tray goes back
to "no win yet" at midnight. It runs no SQL itself: that is `core`'s job.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from smallwins_desktop.core import (
    goals,
    recognition,
    reflections,
    review,
    setbacks,
    settings,
    stats,
    wins,
)
from smallwins_desktop.core import insights as core_insights
from smallwins_desktop.core.capture import Draft, parse
from smallwins_desktop.core.celebrate import Celebration
from smallwins_desktop.core.clock import Clock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import SmallWinsError
from smallwins_desktop.core.goals import (
    Completion,
    CompletionRate,
    GoalNode,
    GoalRecord,
    Overload,
    Reopening,
)
from smallwins_desktop.core.stats import Memory, Rhythm, TodaySummary
from smallwins_desktop.core.wins import AddResult, WinFilter, WinRecord

log = logging.getLogger(__name__)

EXTERNAL_CHANGE_POLL_MS = 3_000
DRAFT_KEY = "capture.draft"
CELEBRATED_KEY = recognition.CELEBRATED_KEY


class Journal(QObject):
    """Wins, goals and today's summary for the UI.

    Signals:
        changed: the wins changed (from here, IPC or another process), or the day rolled over.
    """

    changed = Signal()

    def __init__(self, store: Store, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._data_version = store.data_version()
        self._day = self.today()
        self._poll = QTimer(self)
        self._poll.setInterval(EXTERNAL_CHANGE_POLL_MS)
        self._poll.timeout.connect(self.check_for_changes)

    @property
    def store(self) -> Store:
        """The store under this journal, for features that work on the whole file (export,
        import, backups). Read-only: the journal is the one that opens and closes it."""
        return self._store

    @property
    def clock(self) -> Clock:
        return self._clock

    def notify_changed(self) -> None:
        """Tell the windows that wins changed through the store directly (an import)."""
        self._changed()

    # -- time ------------------------------------------------------------------------------

    def today(self) -> date:
        return self._clock.now().date()

    # -- reading ---------------------------------------------------------------------------

    def summary(self) -> TodaySummary:
        return stats.today_summary(self._store, self.today())

    def has_win_on(self, day: date) -> bool:
        """Whether `day` has a win (not a setback, not deleted): a reminder's "only if none"."""
        return bool(wins.count_by_day(self._store, day, day))

    def todays_wins(self) -> list[WinRecord]:
        return self.wins_on(self.today())

    def wins_on(self, day: date) -> list[WinRecord]:
        return wins.list_wins(self._store, since=day, until=day)

    def reflection(self, day: date) -> reflections.ReflectionRecord | None:
        return reflections.get(self._store, day)

    def save_reflection(self, day: date, **answers: object) -> reflections.ReflectionRecord:
        """Save the day's reflection (raising what the core refuses); tells the windows."""
        saved = reflections.save(self._store, day, now=self._clock.now(), **answers)
        self._changed()
        return saved

    def recent(self, *, limit: int = 200, search: str | None = None) -> list[WinRecord]:
        return wins.list_wins(self._store, search=search or None, limit=limit, newest_first=True)

    def page(
        self, match: WinFilter, *, offset: int, limit: int, after: str | None = None
    ) -> list[WinRecord]:
        """One page of the timeline: the wins `match` picks, newest first; with `after` (the
        uuid of the last win shown), those that follow it, found by a seek, not by counting."""
        return list(
            wins.iter_wins(
                self._store,
                match,
                offset=0 if after else offset,
                limit=limit,
                newest_first=True,
                after=after,
            )
        )

    def count(self, match: WinFilter) -> int:
        return wins.count_wins(self._store, match)

    def get(self, uuid: str) -> WinRecord:
        return wins.get(self._store, uuid)

    def rhythm(self) -> Rhythm:
        return stats.rhythm(self._store, self.today())

    def insights(self) -> list[core_insights.Insight]:
        return core_insights.insights(self._store, self.today())

    def confidence_by_week(self) -> list[core_insights.WeekConfidence]:
        return core_insights.confidence_by_week(self._store, self.today())

    def on_this_day(self) -> list[Memory]:
        return stats.on_this_day(self._store, self.today())

    def suggest_tags(self, text: str, *, exclude: Iterable[str] = ()) -> list[str]:
        return wins.suggest_tags(self._store, text, exclude=exclude)

    def tags_in_use(self) -> list[tuple[str, int]]:
        return wins.tags_in_use(self._store)

    def tag_names(self) -> list[str]:
        return wins.tag_names(self._store)

    def goal_slugs(self) -> list[str]:
        return [g.slug for g in goals.list_goals(self._store, status="active")]

    def goals(self) -> list[GoalRecord]:
        return goals.list_goals(self._store)

    def past_win_for(self, setback_uuid: str) -> WinRecord | None:
        """One past win from the goal or a tag of a setback just saved, to recall."""
        return setbacks.past_win_for(self._store, setback_uuid)

    def parse(self, line: str) -> Draft:
        return parse(line, self.today())

    # -- writing ---------------------------------------------------------------------------

    def add(
        self, draft: Draft, *, source: str, uuid: str | None = None
    ) -> tuple[AddResult, Celebration]:
        """Save a parsed draft; raises CaptureError for text that cannot be saved.

        `uuid` is the client's id for the win: the same id twice saves it once."""
        now = self._clock.now()
        with self._store.write():  # the win and its milestone bookkeeping land together
            result = wins.add_draft(self._store, draft, now=now, source=source, uuid=uuid)
            celebration = recognition.recognise(self._store, result.win, today=self.today())
        self._changed()
        return result, celebration

    def add_line(
        self, line: str, *, source: str, uuid: str | None = None, today: date | None = None
    ) -> AddResult:
        draft = parse(line, today) if today is not None else self.parse(line)
        result, _ = self.add(draft, source=source, uuid=uuid)
        return result

    def create_goal_for(self, slug: str, win_uuid: str) -> GoalRecord:
        """Create the goal a win named but that did not exist yet, and link the win to it."""
        now = self._clock.now()
        with self._store.write():  # no goal without its win linked, nor the other way round
            title = slug.replace("-", " ").capitalize()
            goal = goals.create(self._store, title, now=now, slug=slug)
            wins.edit(self._store, win_uuid, now=now, goal=goal.slug)
        self._changed()
        return goal

    def week_review(self) -> review.WeekReview:
        return review.week_review(self._store, self.today())

    def weekly_reflection(self) -> reflections.ReflectionRecord | None:
        return reflections.get(self._store, stats.monday_of(self.today()), kind=reflections.WEEKLY)

    def save_weekly_reflection(self, **answers: object) -> reflections.ReflectionRecord:
        saved = reflections.save(
            self._store, self.today(), now=self._clock.now(), kind=reflections.WEEKLY, **answers
        )
        self._changed()
        return saved

    # -- goals -----------------------------------------------------------------------------

    def goal_tree(self, *, include_closed: bool = False) -> list[GoalNode]:
        return goals.tree(self._store, today=self.today(), include_closed=include_closed)

    def goal_overload(self) -> Overload | None:
        return goals.overload(self._store)

    def completion_rates(self) -> list[CompletionRate]:
        return goals.completion_rates(self._store, now=self._clock.now())

    def add_goal(self, title: str, **fields: Any) -> GoalRecord:
        """`goals.create`'s fields: slug, parent, criteria, target, due."""
        goal = goals.create(self._store, title, now=self._clock.now(), **fields)
        self._changed()
        return goal

    def complete_goal(self, slug: str) -> Completion:
        """Mark a goal done; its "Completed: ..." win and celebration come back."""
        done = goals.complete(
            self._store, slug, now=self._clock.now(), today=self.today(), source="capture"
        )
        self._changed()
        return done

    def drop_goal(self, slug: str) -> list[GoalRecord]:
        dropped = goals.drop(self._store, slug, now=self._clock.now())
        self._changed()
        return dropped

    def reopen_goal(self, slug: str) -> Reopening:
        """Make a done or dropped goal active again; its completion win goes to the trash."""
        reopened = goals.reopen(self._store, slug, now=self._clock.now())
        self._changed()
        return reopened

    def edit(self, uuid: str, **fields: Any) -> WinRecord:
        """Change a win (`wins.edit`'s fields: text, day, impact, kind, tags, goal)."""
        changed = wins.edit(self._store, uuid, now=self._clock.now(), **fields)
        self._changed()
        return changed

    def delete(self, uuid: str) -> WinRecord:
        """Move a win to the trash (restorable for `wins.TRASH_DAYS` days)."""
        deleted = wins.delete(self._store, uuid, now=self._clock.now())
        self._changed()
        return deleted

    def restore(self, uuid: str) -> WinRecord:
        restored = wins.restore(self._store, uuid)
        self._changed()
        return restored

    def set_rest_day(self, day: date, rest: bool) -> None:
        stats.set_rest_day(self._store, day, rest)
        self._changed()

    def now(self) -> datetime:
        return self._clock.now()

    # -- the capture draft -----------------------------------------------------------------

    def draft(self) -> str:
        value = settings.get(self._store, DRAFT_KEY, "")
        return value if isinstance(value, str) else ""

    def save_draft(self, text: str) -> None:
        if text.strip():
            settings.put(self._store, DRAFT_KEY, text)
        else:
            settings.remove(self._store, DRAFT_KEY)
        self._data_version = self._store.data_version()

    # -- noticing changes ------------------------------------------------------------------

    def start_watching(self) -> None:
        self.purge_trash()
        self._poll.start()

    def purge_trash(self) -> None:
        """Wins deleted over `wins.TRASH_DAYS` ago go for good (at start and each new day;
        the daily backup taken when the store opened still holds them)."""
        try:
            purged = wins.purge_trash(self._store, now=self._clock.now())
        except SmallWinsError as error:
            log.warning("cannot empty the old part of the trash: %s", error)
            return
        if purged:
            log.info("removed %d win(s) deleted over %d days ago", purged, wins.TRASH_DAYS)

    def stop_watching(self) -> None:
        self._poll.stop()

    def check_for_changes(self) -> None:
        """Emit `changed` when another process wrote to the database or the day rolled over."""
        version = self._store.data_version()
        today = self.today()
        if version != self._data_version or today != self._day:
            log.debug("journal changed outside this window (data_version %s)", version)
            self._data_version = version
            if today != self._day:
                self._day = today
                self.purge_trash()
            self.changed.emit()

    def _changed(self) -> None:
        self._data_version = self._store.data_version()
        self.changed.emit()
