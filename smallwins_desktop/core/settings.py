"""User settings: a key -> JSON value table, read with a default.

Keys are dotted names owned by the feature that uses them (`capture.draft`,
`streak.workdays`); a value that cannot be decoded reads as the default rather than failing.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.models import Setting

log = logging.getLogger(__name__)

WORKDAYS = "streak.workdays"
DEFAULT_WORKDAYS = (0, 1, 2, 3, 4)


@uses_store
def get(store: Store, key: str, default: Any = None) -> Any:
    row: Setting | None = Setting.get_or_none(Setting.key == key)
    if row is None:
        return default
    try:
        return json.loads(row.value)
    except ValueError:
        log.warning("setting %s holds unreadable JSON; using the default", key)
        return default


@uses_store
def put(store: Store, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False)
    with store.write():
        Setting.insert(key=key, value=encoded).on_conflict_replace().execute()


@uses_store
def remove(store: Store, key: str) -> None:
    with store.write():
        Setting.delete().where(Setting.key == key).execute()


@uses_store
def workdays(store: Store) -> frozenset[int]:
    """The weekdays (0 = Monday) the user works; streaks count only these."""
    value = get(store, WORKDAYS, list(DEFAULT_WORKDAYS))
    days = frozenset(d for d in value if isinstance(d, int) and 0 <= d <= 6)
    return days or frozenset(DEFAULT_WORKDAYS)
