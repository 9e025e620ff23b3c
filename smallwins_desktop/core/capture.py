"""The quick-capture syntax: one typed line -> a parsed `Draft`.

    yesterday: Fixed the flaky login test #testing +release-2 !!

- a leading `today:`, `yesterday:`, weekday (`mon:` / `monday:`) or ISO date (`2026-11-20:`)
  sets the day; a weekday means the latest such day up to and including today;
- then a leading `setback:` records a setback instead of a win;
- `#tag` adds a tag and `+slug` links a goal (the first one named); each needs a letter, so
  "issue #42" and "a +1" stay plain text;
- a trailing `!`, `!!` or `!!!` (a word of its own) sets impact 1, 2 or 3.

Tags, the goal and the impact at the end of the line are syntax and leave the text; a tag or
goal in the middle of a sentence keeps its word in the text without the marker, so
"Shipped the #api docs" reads "Shipped the api docs". Everything else is kept exactly.

`parse` never raises: it is called on every keystroke for the live preview. Rules about what
may be saved (empty, too long) live in `wins.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

IMPACT_SMALL, IMPACT_MEDIUM, IMPACT_BIG = 1, 2, 3
KIND_WIN, KIND_SETBACK = "win", "setback"

_WEEKDAYS = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}  # fmt: skip
_DAY_PREFIX = re.compile(r"\A\s*([A-Za-z]+|\d{4}-\d{2}-\d{2})\s*:(?:[ \t]+|(?=\S)|\Z)")
_SETBACK_PREFIX = re.compile(r"\A\s*setback\s*:[ \t]*", re.IGNORECASE)
# A name: letters, digits, '-' and '_', with at least one letter; not glued to a word before it.
_NAME = r"(?=[\w-]*[^\W\d_])[\w-]+"
_TAG = re.compile(rf"(?<![\w#+])#({_NAME})")
_GOAL = re.compile(rf"(?<![\w#+])\+({_NAME})")
_TAG_WORD = re.compile(rf"#{_NAME}")
_GOAL_WORD = re.compile(rf"\+{_NAME}")
TAG_PATTERN = re.compile(_NAME)
"""A tag name on its own (without '#'): letters, digits, '-' and '_', at least one letter."""
_BANGS = re.compile(r"!+")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Draft:
    """What a capture line means. `notes` are things the user should be told."""

    text: str
    day: date
    kind: str = KIND_WIN
    impact: int = IMPACT_SMALL
    tags: tuple[str, ...] = ()
    goal: str | None = None
    notes: tuple[str, ...] = field(default=())


# Unicode's control characters (category Cc: U+0000-U+001F, U+007F-U+009F) but newline and tab.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Remove control characters other than newline and tab; normalise line endings."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def resolve_day(word: str, today: date) -> date | None:
    """The date a day prefix names, or None when `word` is not one."""
    lowered = word.lower()
    if lowered == "today":
        return today
    if lowered == "yesterday":
        return today - timedelta(days=1)
    if lowered in _WEEKDAYS:
        return today - timedelta(days=(today.weekday() - _WEEKDAYS[lowered]) % 7)
    try:
        return date.fromisoformat(word)
    except ValueError:
        return None


def parse(line: str, today: date) -> Draft:
    """Parse one capture line; `today` is the user's local date."""
    rest = clean_text(line)
    notes: list[str] = []
    day = today

    match = _DAY_PREFIX.match(rest)
    if match:
        resolved = resolve_day(match.group(1), today)
        if resolved is not None:
            day = resolved
            rest = rest[match.end() :]
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", match.group(1)):
            notes.append(f"{match.group(1)} is not a valid date; the win is filed under today.")

    kind = KIND_WIN
    match = _SETBACK_PREFIX.match(rest)
    if match:
        kind = KIND_SETBACK
        rest = rest[match.end() :]

    goal_match = _GOAL.search(rest)
    goal = goal_match.group(1).lower() if goal_match else None
    tags = list(dict.fromkeys(m.group(1).lower() for m in _TAG.finditer(rest)))

    body_end, impact = _trailing_syntax(rest, goal_match)
    body = rest[:body_end]
    if goal_match is not None and goal_match.end() <= body_end:
        # The goal named mid-sentence keeps its word; only the '+' goes.
        body = body[: goal_match.start()] + body[goal_match.start() + 1 :]
    body = _TAG.sub(r"\1", body)
    return Draft(
        text=body.strip(),
        day=day,
        kind=kind,
        impact=impact,
        tags=tuple(tags),
        goal=goal,
        notes=tuple(notes),
    )


def _trailing_syntax(rest: str, goal_match: re.Match[str] | None) -> tuple[int, int]:
    """Where the text ends before the trailing run of tags, goal and bangs; and the impact."""
    tokens = list(_TOKEN.finditer(rest))
    end = len(rest)
    impact = IMPACT_SMALL
    seen_bangs = False
    for token in reversed(tokens):
        word = token.group()
        if _BANGS.fullmatch(word):
            if not seen_bangs:
                impact = min(len(word), IMPACT_BIG)
                seen_bangs = True
        elif not (_TAG_WORD.fullmatch(word) or _is_goal_token(token, goal_match)):
            break
        end = token.start()
    return end, impact


def _is_goal_token(token: re.Match[str], goal_match: re.Match[str] | None) -> bool:
    return (
        goal_match is not None
        and token.start() == goal_match.start()
        and bool(_GOAL_WORD.fullmatch(token.group()))
    )
