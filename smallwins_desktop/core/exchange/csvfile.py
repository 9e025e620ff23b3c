"""CSV: one row per win, for spreadsheets, both ways.

Columns: uuid, day, created_at, text, tags (space-separated), goal, impact, kind. A cell a
spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
return) is written with a `'` before it, as OWASP advises; so is a cell that starts with `'`
itself, so reading our file back takes exactly one `'` off and gets the text unchanged.

Importing needs a header row with at least `day` and `text`; other columns are optional
(a row without `uuid` gets an id made from its day and words, so a second import of the
same file adds nothing) and columns we do not know are ignored. A text longer than a win
may be comes in whole, as consecutive wins (`longtext`).
"""

from __future__ import annotations

import csv
import uuid as uuidlib
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from smallwins_desktop.core.capture import Draft
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.exchange import fields
from smallwins_desktop.core.exchange.files import csv_rows
from smallwins_desktop.core.exchange.incoming import Incoming
from smallwins_desktop.core.exchange.longtext import SplitEntry, pieces
from smallwins_desktop.core.wins import BulkEntry, Stamps, WinFilter, iter_wins

COLUMNS = ("uuid", "day", "created_at", "text", "tags", "goal", "impact", "kind")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"
NAMESPACE = uuidlib.UUID("0b5e3f7c-2d4a-4c61-9e0f-7a1c3e5b9d22")


def neutralised(cell: str) -> str:
    """The cell as a spreadsheet will show it, never run it (see the module docstring)."""
    return _QUOTE + cell if cell.startswith((*FORMULA_STARTS, _QUOTE)) else cell


def restored(cell: str) -> str:
    """`neutralised` undone."""
    return cell[1:] if cell.startswith(_QUOTE) else cell


@uses_store
def write(store: Store, out: TextIO, match: WinFilter) -> int:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for win in iter_wins(store, match):
        count += 1
        writer.writerow(
            [
                win.uuid,
                win.day.isoformat(),
                win.created_at.isoformat(),
                neutralised(win.text),
                neutralised(" ".join(win.tags)),
                neutralised(win.goal or ""),
                win.impact,
                win.kind,
            ]
        )
    return count


def read(path: Path, *, now: datetime) -> Incoming:
    incoming = Incoming(wins=[])
    incoming.wins = _rows(path, now, incoming.split)
    return incoming


def _rows(path: Path, now: datetime, split: list[SplitEntry]) -> Iterator[BulkEntry]:
    rows = csv_rows(path)
    header = next(rows, None)
    if header is None:
        raise fields.fail(path.name, "the file is empty: there is nothing to import")
    names = [name.strip().lower() for name in header[1]]
    missing = [name for name in ("day", "text") if name not in names]
    if missing:
        raise fields.fail(
            f"{path.name} line 1",
            f"the header row has no {' or '.join(missing)} column (expected {', '.join(COLUMNS)})",
        )
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(names):
            raise fields.fail(
                f"{path.name} line {line}", f"{len(cells)} cells, but the header names {len(names)}"
            )
        row = {name: restored(cell) for name, cell in zip(names, cells, strict=False)}
        where = f"{path.name} line {line}"
        yield from pieces(_entry(row, where, now), where, split)


def _entry(row: dict[str, str], where: str, now: datetime) -> BulkEntry:
    draft = Draft(
        text=fields.long_text(row.get("text", ""), where),
        day=fields.day(row.get("day", ""), where),
        kind=fields.kind(row.get("kind") or "win", where),
        impact=fields.impact(row.get("impact") or 1, where),
        tags=fields.tags(row.get("tags", ""), where),
        goal=fields.goal(row.get("goal"), where),
    )
    created = fields.optional_moment(row.get("created_at"), where, "created_at")
    if row.get("uuid", "").strip():
        win_id = fields.uuid(row["uuid"], where)
    else:
        words = " ".join(draft.text.split())
        win_id = str(uuidlib.uuid5(NAMESPACE, f"{draft.day.isoformat()}\n{words}"))
    stamps = Stamps(created_at=created or now.astimezone(timezone.utc), source="import")
    return BulkEntry(draft, win_id, stamps)
