"""Goals: what wins move forward. A micro-goal may belong to an objective (its parent).

Wins link to a goal by its slug (`+release-2` in the capture line). This module creates and
finds goals; completing them and measuring progress build on it later.
"""

from __future__ import annotations

import re
import unicodedata
import uuid as uuidlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import peewee as pw

from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.errors import CaptureError, NotFoundError
from smallwins_desktop.core.models import Goal

STATUSES = ("active", "done", "dropped")
MAX_TITLE_LENGTH = 200
_SLUG = re.compile(r"(?=[\w-]*[^\W\d_])[\w-]+")


@dataclass(frozen=True)
class GoalRecord:
    uuid: str
    title: str
    slug: str
    status: str
    parent: str | None
    criteria: str
    target: int | None
    due: date | None
    created_at: datetime
    done_at: datetime | None


def slugify(title: str) -> str:
    """'Release 2.0 — ship it!' -> 'release-2-0-ship-it' (letters of any script are kept)."""
    text = unicodedata.normalize("NFKC", title).lower()
    slug = re.sub(r"[^\w]+", "-", text).strip("-_")
    return slug[:40].strip("-") or "goal"


@uses_store
def create(
    store: Store,
    title: str,
    *,
    now: datetime,
    slug: str | None = None,
    parent: str | None = None,
    criteria: str = "",
    target: int | None = None,
    due: date | None = None,
) -> GoalRecord:
    title = title.strip()
    if not title:
        raise CaptureError("A goal needs a title.")
    if len(title) > MAX_TITLE_LENGTH:
        raise CaptureError(f"A goal's title can be at most {MAX_TITLE_LENGTH} characters.")
    slug = (slug or slugify(title)).lower().lstrip("+")
    if not _SLUG.fullmatch(slug):
        raise CaptureError(
            f"'{slug}' cannot be a goal's short name: use letters, digits, '-' or '_', "
            "with at least one letter."
        )
    with store.write():
        parent_goal = None
        if parent is not None:
            parent_goal = Goal.get_or_none(Goal.slug == parent.lower())
            if parent_goal is None:
                raise NotFoundError(f"There is no goal +{parent}.")
        try:
            Goal.create(
                uuid=str(uuidlib.uuid4()),
                title=title,
                slug=slug,
                parent=parent_goal,
                criteria=criteria.strip(),
                target=target,
                due=due,
                created_at=now,
            )
        except pw.IntegrityError as error:
            raise CaptureError(f"There is already a goal +{slug}.") from error
    found = get(store, slug)
    assert found is not None
    return found


@uses_store
def get(store: Store, slug: str) -> GoalRecord | None:
    rows = _records(_select().where(Goal.slug == slug.lower().lstrip("+")))
    return rows[0] if rows else None


@uses_store
def list_goals(store: Store, *, status: str | None = None) -> list[GoalRecord]:
    query = _select()
    if status is not None:
        query = query.where(Goal.status == status)
    return _records(query.order_by(Goal.created_at))


def _select() -> Any:
    parent = Goal.alias()
    return Goal.select(Goal, parent.slug.alias("parent_slug")).join(
        parent, pw.JOIN.LEFT_OUTER, on=(Goal.parent == parent.id)
    )


def _records(query: Any) -> list[GoalRecord]:
    return [
        GoalRecord(
            uuid=row.uuid,
            title=row.title,
            slug=row.slug,
            status=row.status,
            parent=row.parent_slug,
            criteria=row.criteria,
            target=row.target,
            due=row.due,
            created_at=row.created_at,
            done_at=row.done_at,
        )
        for row in query.objects()
    ]
