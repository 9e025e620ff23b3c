"""A minute of reflection at the end of the day: what moved forward, what got in the way,
what helped, where to pick up tomorrow, and how confident the person feels about their work.

Every answer is optional; a reflection is kept per day (`daily`) and per week (`weekly`, filed
under the week's Monday) and can be edited later. The next working morning, the pick-up note
is recalled once ("Yesterday you planned: ..."): `pick_up_to_recall` says whether it is due,
`mark_recalled` records that it was shown, so it never comes twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from smallwins_desktop.core import settings
from smallwins_desktop.core.capture import clean_text
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.errors import CaptureError
from smallwins_desktop.core.models import Reflection

DAILY, WEEKLY = "daily", "weekly"
KINDS = (DAILY, WEEKLY)
PROMPTS: tuple[tuple[str, str], ...] = (
    ("moved_forward", "What moved forward?"),
    ("got_in_the_way", "What got in the way?"),
    ("helped", "What helped?"),
    ("pick_up", "Where will you pick up tomorrow?"),
)
CONFIDENCE_PROMPT = "How confident do you feel about your work?"
CONFIDENCE_WORDS = {1: "not at all", 2: "a little", 3: "somewhat", 4: "quite", 5: "very"}
MAX_ANSWER_LENGTH = 2_000
MORNING_HOUR = 9  # the pick-up note is recalled from this hour on (the setting's default)
RECALLED_KEY = "reflection.recalled"  # the day of the last reflection whose note was recalled
ANSWERS = tuple(name for name, _ in PROMPTS)


@dataclass(frozen=True)
class ReflectionRecord:
    day: date
    kind: str
    moved_forward: str
    got_in_the_way: str
    helped: str
    pick_up: str
    confidence: int | None
    created_at: datetime
    updated_at: datetime

    def is_empty(self) -> bool:
        return self.confidence is None and not any(getattr(self, a) for a in ANSWERS)


def check_answers(answers: dict[str, object]) -> dict[str, object]:
    """The answers as they will be stored, or a `CaptureError` naming what is wrong."""
    cleaned: dict[str, object] = {}
    for name, value in answers.items():
        if name == "confidence":
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5
            ):
                raise CaptureError("Confidence is a number from 1 (not at all) to 5 (very).")
            cleaned[name] = value
            continue
        if name not in ANSWERS:
            raise CaptureError(f"A reflection has no answer called {name!r}.")
        if not isinstance(value, str):
            raise CaptureError(f"The answer to {_prompt(name)!r} must be text.")
        text = clean_text(value).strip()
        if len(text) > MAX_ANSWER_LENGTH:
            raise CaptureError(
                f"The answer to {_prompt(name)!r} is {len(text):,} characters; "
                f"at most {MAX_ANSWER_LENGTH:,} fit. Please shorten it."
            )
        cleaned[name] = text
    return cleaned


@uses_store
def save(
    store: Store, /, day: date, *, now: datetime, kind: str = DAILY, **answers: object
) -> ReflectionRecord:
    """Save (or change) the reflection on `day`; answers not given are kept as they were."""
    if kind not in KINDS:
        raise CaptureError(f"A reflection is daily or weekly, not {kind!r}.")
    cleaned = check_answers(answers)
    if kind == WEEKLY:
        day = day - timedelta(days=day.weekday())
    with store.write():
        row = Reflection.get_or_none((Reflection.day == day) & (Reflection.kind == kind))
        if row is None:
            row = Reflection(day=day, kind=kind, created_at=now)
        for name, value in cleaned.items():
            setattr(row, name, value)
        row.updated_at = now
        row.save()
    found = get(store, day, kind=kind)
    assert found is not None
    return found


@uses_store
def get(store: Store, day: date, *, kind: str = DAILY) -> ReflectionRecord | None:
    row = Reflection.get_or_none((Reflection.day == day) & (Reflection.kind == kind))
    return None if row is None else _record(row)


@uses_store
def between(store: Store, since: date, until: date, *, kind: str = DAILY) -> list[ReflectionRecord]:
    """The reflections of the days from `since` to `until`, oldest first."""
    query = (
        Reflection.select()
        .where(Reflection.kind == kind, Reflection.day.between(since, until))
        .order_by(Reflection.day)
    )
    return [_record(row) for row in query]


@uses_store
def everything(store: Store) -> list[ReflectionRecord]:
    """Every reflection, daily and weekly, oldest first (for a full export)."""
    query = Reflection.select().order_by(Reflection.day, Reflection.kind)
    return [_record(row) for row in query]


@uses_store
def pick_up_to_recall(
    store: Store,
    now: datetime,
    *,
    workdays: Iterable[int] | None = None,
    morning_hour: int = MORNING_HOUR,
) -> ReflectionRecord | None:
    """The reflection whose pick-up note is due to be recalled now, if any.

    Due on a working morning (a workday, from `morning_hour` local time) when the last
    reflection before today has a pick-up note, that reflection is from the previous
    workday or since (a note from last Friday comes on Monday, one from a week ago does not),
    and its note has not been recalled yet. `now` is local time."""
    days = frozenset(workdays) if workdays is not None else settings.workdays(store)
    today = now.date()
    if today.weekday() not in days or now.hour < morning_hour:
        return None
    last = (
        Reflection.select()
        .where(Reflection.kind == DAILY, Reflection.day < today, Reflection.pick_up != "")
        .order_by(Reflection.day.desc())
        .first()
    )
    if last is None or last.day < _previous_workday(today, days):
        return None
    if settings.get(store, RECALLED_KEY) == last.day.isoformat():
        return None
    return _record(last)


@uses_store
def mark_recalled(store: Store, reflection: ReflectionRecord) -> None:
    """Remember that this reflection's pick-up note was shown (it is not shown again)."""
    with store.write():
        settings.put(store, RECALLED_KEY, reflection.day.isoformat())


def recall_text(reflection: ReflectionRecord, today: date) -> str:
    """'Yesterday you planned: ...' (or 'On Friday you planned: ...')."""
    when = "Yesterday" if reflection.day == today - timedelta(days=1) else f"On {reflection.day:%A}"
    return f"{when} you planned: {reflection.pick_up}"


def _previous_workday(today: date, workdays: frozenset[int]) -> date:
    day = today - timedelta(days=1)
    for _ in range(7):
        if day.weekday() in workdays:
            return day
        day -= timedelta(days=1)
    return day


def _prompt(name: str) -> str:
    return dict(PROMPTS).get(name, name)


def _record(row: Reflection) -> ReflectionRecord:
    return ReflectionRecord(
        day=row.day if isinstance(row.day, date) else date.fromisoformat(str(row.day)),
        kind=row.kind,
        moved_forward=row.moved_forward,
        got_in_the_way=row.got_in_the_way,
        helped=row.helped,
        pick_up=row.pick_up,
        confidence=row.confidence,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
