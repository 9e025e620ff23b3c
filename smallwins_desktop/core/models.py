"""Peewee models: the tables of the Small Wins database.

The schema itself is created and changed only by the migrations in `migrations.py`; these
classes describe it for queries and must stay in step with the latest migration (a unit test
compares them). Models are bound to a database by `db.open_store`, never at import time.

Times are stored as naive UTC (`created_at`, `updated_at`, `deleted_at`, `done_at`) and come
back as aware UTC datetimes; `day` is the user's local date a win belongs to.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import peewee as pw

TYPE_CHECKING = False  # the typing module, for annotations alone, costs `smallwins add` ~2 ms
if TYPE_CHECKING:
    from typing import Any


class UTCDateTimeField(pw.DateTimeField):
    """Stores aware datetimes as naive UTC text and returns them aware (UTC)."""

    def db_value(self, value: Any) -> Any:
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return super().db_value(value)  # type: ignore[no-untyped-call]

    def python_value(self, value: Any) -> Any:
        value = super().python_value(value)  # type: ignore[no-untyped-call]
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


def as_date(value: object) -> date:
    """A DateField's value as a `date`, however the row delivered it (date, datetime, text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def readable_day(value: object) -> date | None:
    """`as_date`, or None for text that is no date (a row edited by hand, a damaged page)."""
    try:
        return as_date(value)
    except ValueError:
        return None


class BaseModel(pw.Model):
    class Meta:
        legacy_table_names = False


class Goal(BaseModel):
    id = pw.AutoField()
    uuid = pw.CharField(unique=True)
    title = pw.TextField()
    slug = pw.CharField(unique=True)
    parent = pw.ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    criteria = pw.TextField(default="")
    target = pw.IntegerField(null=True)
    due = pw.DateField(null=True)
    status = pw.CharField(default="active")
    done_at = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField()
    # The "Completed: ..." win completing it recorded (Win is defined below, hence deferred).
    done_win = pw.DeferredForeignKey("Win", null=True, on_delete="SET NULL")


class Win(BaseModel):
    id = pw.AutoField()
    uuid = pw.CharField(unique=True)
    text = pw.TextField()
    day = pw.DateField(index=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    impact = pw.SmallIntegerField(default=1)
    kind = pw.CharField(default="win")
    goal = pw.ForeignKeyField(Goal, null=True, backref="wins", on_delete="SET NULL")
    source = pw.CharField(default="cli")
    deleted_at = UTCDateTimeField(null=True)


class Tag(BaseModel):
    id = pw.AutoField()
    name = pw.CharField(unique=True)


class WinTag(BaseModel):
    win = pw.ForeignKeyField(Win, backref="win_tags", on_delete="CASCADE")
    tag = pw.ForeignKeyField(Tag, backref="win_tags", on_delete="CASCADE")

    class Meta:
        primary_key = pw.CompositeKey("win", "tag")


class Setting(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField()


class ReminderOccurrence(BaseModel):
    id = pw.AutoField()
    rule = pw.CharField()
    local_date = pw.DateField()
    scheduled_at = UTCDateTimeField()
    action = pw.CharField()
    reason = pw.CharField()
    decided_at = UTCDateTimeField()

    class Meta:
        indexes = ((("rule", "local_date"), True),)


class ReminderSnooze(BaseModel):
    rule = pw.CharField(primary_key=True)
    until = UTCDateTimeField()


class NotificationDelivery(BaseModel):
    id = pw.AutoField()
    notification_key = pw.CharField()
    backend = pw.CharField()
    ok = pw.BooleanField()
    error = pw.TextField(null=True)
    local_date = pw.DateField(index=True)
    at = UTCDateTimeField()


class Reflection(BaseModel):
    """A minute of reflection on a day (daily) or a week (weekly, filed on its Monday)."""

    id = pw.AutoField()
    day = pw.DateField()
    kind = pw.CharField(default="daily")
    moved_forward = pw.TextField(default="")
    got_in_the_way = pw.TextField(default="")
    helped = pw.TextField(default="")
    pick_up = pw.TextField(default="")
    confidence = pw.SmallIntegerField(null=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()

    class Meta:
        indexes = ((("day", "kind"), True),)


MODELS: tuple[type[pw.Model], ...] = (
    Goal,
    Win,
    Tag,
    WinTag,
    Setting,
    ReminderOccurrence,
    ReminderSnooze,
    NotificationDelivery,
    Reflection,
)
