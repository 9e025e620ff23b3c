"""Checking what an import file says about a win, field by field, with messages that say
where (`where`: "line 12", "entry 5 (line 40)") and what is wrong."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

from smallwins_desktop.core.capture import (
    IMPACT_BIG,
    KIND_SETBACK,
    KIND_WIN,
    TAG_PATTERN,
    clean_text,
)
from smallwins_desktop.core.errors import CaptureError, ExchangeError
from smallwins_desktop.core.wins import MAX_TEXT_LENGTH, SOURCES, validate_text

_GOAL_SLUG = TAG_PATTERN


def fail(where: str, what: str) -> ExchangeError:
    return ExchangeError(f"{where}: {what}. Nothing was imported.")


def text(value: Any, where: str, name: str = "text") -> str:
    if not isinstance(value, str):
        raise fail(where, f"'{name}' must be text, not {_kind(value)}")
    try:
        return validate_text(value)
    except CaptureError as error:
        raise fail(where, str(error).rstrip(".")) from None


def long_text(value: Any, where: str, name: str = "text") -> str:
    """`text`, but of any length: `longtext.pieces` splits one too long for a win."""
    if not isinstance(value, str):
        raise fail(where, f"'{name}' must be text, not {_kind(value)}")
    if len(value) <= MAX_TEXT_LENGTH:  # cleaning never lengthens a text: checked once
        return text(value, where, name)
    cleaned = clean_text(value).strip()
    if len(cleaned) <= MAX_TEXT_LENGTH:
        return text(cleaned, where, name)
    return cleaned


def day(value: Any, where: str, name: str = "day") -> date:
    if not isinstance(value, str):
        raise fail(where, f"'{name}' must be a date like 2026-11-20, not {_kind(value)}")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise fail(where, f"'{name}' is {value!r}, not a date like 2026-11-20") from None


def moment(value: Any, where: str, name: str) -> datetime:
    """An ISO 8601 time with its zone (a time without one is taken as UTC)."""
    if not isinstance(value, str):
        raise fail(where, f"'{name}' must be a time like 2026-11-20T15:30:00+00:00")
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise fail(where, f"'{name}' is {value!r}, not a time like 2026-11-20T15:30:00Z") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def optional_moment(value: Any, where: str, name: str) -> datetime | None:
    return None if value is None or value == "" else moment(value, where, name)


def impact(value: Any, where: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or value not in (1, 2, IMPACT_BIG):
        raise fail(where, f"'impact' is {value!r}; it is 1 (small), 2 (medium) or 3 (big)")
    return int(value)


def kind(value: Any, where: str) -> str:
    if value not in (KIND_WIN, KIND_SETBACK):
        raise fail(where, f"'kind' is {value!r}; it is 'win' or 'setback'")
    return str(value)


def source(value: Any, where: str) -> str:
    if value not in SOURCES:
        raise fail(where, f"'source' is {value!r}; it is one of {', '.join(SOURCES)}")
    return str(value)


def tags(value: Any, where: str) -> tuple[str, ...]:
    """Tag names, lower-case and without '#'; a list, or words in one text."""
    if isinstance(value, str):
        value = re.split(r"[\s,]+", value.strip()) if value.strip() else []
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise fail(where, "'tags' must be a list of tag names")
    names = tuple(dict.fromkeys(t.strip().lstrip("#").lower() for t in value if t.strip()))
    bad = [t for t in names if not TAG_PATTERN.fullmatch(t)]
    if bad:
        raise fail(
            where,
            f"{', '.join(repr(t) for t in bad)} cannot be a tag (letters, digits, '-' and '_', "
            "with a letter)",
        )
    return names


def goal(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _GOAL_SLUG.fullmatch(value.strip().lstrip("+")):
        raise fail(where, f"'goal' is {value!r}, not a goal's short name like release-2")
    return value.strip().lstrip("+").lower()


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def uuid(value: Any, where: str) -> str:
    import uuid as uuidlib

    if isinstance(value, str) and _CANONICAL_UUID.fullmatch(value):
        return value
    try:
        return str(uuidlib.UUID(str(value)))
    except ValueError:
        raise fail(where, f"'uuid' is {value!r}, not a win id") from None


def mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(where, f"expected an object {{...}}, not {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text"}.get(
        type(value), "a list" if isinstance(value, list) else "an object"
    )
