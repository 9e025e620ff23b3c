"""An imported entry longer than a win may be, brought in whole as consecutive wins.

A win holds at most `wins.MAX_TEXT_LENGTH` (2,000) characters; an entry from a journal kept
for years (jrnl's above all, or a CSV edited in a spreadsheet) may be longer. Such an entry
neither stops the import nor loses a word: its text is cut where it breaks best (a blank
line, then a line's end, a sentence's end, a space; never in the first half of a piece, and
mid-word only for a run with no space at all), and each piece becomes a win ending
"(part N of M)". The import's summary names every entry split, and where it is in the file.

The pieces share the entry's day, time, kind and tags (a tag filter shows the whole entry);
only the first carries its goal and its impact, so one entry is one step towards a goal and
weighs what it weighed. The first piece keeps the entry's id and the others get ids made from
it (`part_uuid`), so importing the file again adds none of them twice.

An entry longer than `MAX_PARTS` wins' worth is refused, naming it: that is no journal entry
but a file read the wrong way.
"""

from __future__ import annotations

import dataclasses
import uuid as uuidlib
from collections.abc import Iterator
from dataclasses import dataclass

from smallwins_desktop.core.capture import IMPACT_SMALL
from smallwins_desktop.core.exchange import fields
from smallwins_desktop.core.wins import MAX_TEXT_LENGTH, BulkEntry

MAX_PARTS = 250
NAMESPACE = uuidlib.UUID("3c0d8a52-9a1e-4f4b-8d6e-5b2f7e91c4a8")
_BREAKS = ("\n\n", "\n", ". ", "! ", "? ", "; ", " ", "\t")
"""Where a piece may end, best first; a sentence's mark stays with the piece it ends."""


@dataclass(frozen=True)
class SplitEntry:
    """An entry imported as `parts` wins: where it is in the file, and how long it is."""

    where: str
    length: int
    parts: int
    first_uuid: str


def mark(n: int, total: int) -> str:
    return f" (part {n} of {total})"


def part_uuid(first: str, n: int) -> str:
    """The id of piece `n` (2 and on) of the entry whose id is `first`."""
    return str(uuidlib.uuid5(NAMESPACE, f"{first}/{n}"))


def split_text(text: str, limit: int = MAX_TEXT_LENGTH) -> list[str]:
    """`text` (trimmed, longer than `limit`) as pieces that each fit in `limit` with their
    "(part N of M)" mark; every character but the whitespace at a cut is kept."""
    digits = 1
    while True:
        room = limit - len(mark(10**digits - 1, 10**digits - 1))
        pieces = _pieces(text, room)
        if len(str(len(pieces))) <= digits:
            return pieces
        digits += 1


def _pieces(text: str, room: int) -> list[str]:
    pieces: list[str] = []
    rest = text
    while len(rest) > room:
        cut = _break(rest[: room + 1], room)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    pieces.append(rest)
    return pieces


def _break(window: str, room: int) -> int:
    """Where to end a piece taken from `window` (its `room + 1` first characters)."""
    for sep in _BREAKS:
        found = window.rfind(sep, room // 2)
        if found > 0:
            return found + 1 if sep[0] in ".!?;" else found
    return room


def pieces(entry: BulkEntry, where: str, found: list[SplitEntry]) -> tuple[BulkEntry, ...]:
    """`entry` as it is, or, when its text is too long for one win, as the wins it is split
    into (see the module docstring); each split is added to `found`."""
    text = entry.draft.text
    if len(text) <= MAX_TEXT_LENGTH:
        return (entry,)
    return tuple(_split(entry, text, where, found))


def _split(entry: BulkEntry, text: str, where: str, found: list[SplitEntry]) -> Iterator[BulkEntry]:
    parts = split_text(text)
    if len(parts) > MAX_PARTS:
        raise fields.fail(
            where,
            f"this entry is {len(text):,} characters, more than {MAX_PARTS} wins' worth; "
            "is it really one journal entry (is the format right?)",
        )
    if entry.uuid is None:
        raise ValueError("an imported entry has an id (its own, or one made from its words)")
    first = entry.uuid
    found.append(SplitEntry(where, len(text), len(parts), first))
    total = len(parts)
    for n, part in enumerate(parts, start=1):
        draft = dataclasses.replace(entry.draft, text=part + mark(n, total))
        if n > 1:
            draft = dataclasses.replace(draft, goal=None, impact=IMPACT_SMALL)
        yield BulkEntry(draft, first if n == 1 else part_uuid(first, n), entry.stamps)
