"""jrnl's two formats, both ways, so a jrnl user can move in or out.

jrnl's JSON (`jrnl --format json`): `{"tags": {"#tag": count}, "entries": [{"title", "body",
"date": "YYYY-MM-DD", "time": "HH:MM", "tags": ["#tag"], "starred": bool}]}`. Its text
journal: `[YYYY-MM-DD HH:MM] title[ *]`, then the body, entries separated by a blank line;
the time format is jrnl's `timeformat` setting (default `%Y-%m-%d %H:%M`). jrnl's times are
local and naive: `zone` says which zone they are in.

A win becomes an entry: its text (after `setback: ` for a setback), with `#tag` for each tag
not already in it and `+slug` for its goal at the end; the first line is the title, the rest
the body; a big win is starred. An entry becomes a win the same way back: `#tag`, `@tag` and
`+slug` words at the very end are taken off the text as tags and the goal, tags inside the
text stay in it (and are tags too), a leading `setback:` makes a setback, starred is big.
jrnl has no ids: an entry's id is made from its date, time and words (`content_uuid`), so
importing the same journal twice, or its JSON and its text, adds each entry once. An entry
longer than a win may be comes in whole, as consecutive wins (`longtext`).
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from typing import Any, TextIO

from smallwins_desktop.core.capture import (
    IMPACT_BIG,
    IMPACT_SMALL,
    KIND_SETBACK,
    KIND_WIN,
    TAG_PATTERN,
    Draft,
)
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.exchange import fields
from smallwins_desktop.core.exchange.files import text_chunks, text_lines
from smallwins_desktop.core.exchange.incoming import Incoming
from smallwins_desktop.core.exchange.jsonstream import read_object
from smallwins_desktop.core.exchange.longtext import SplitEntry, pieces
from smallwins_desktop.core.wins import BulkEntry, Stamps, WinFilter, WinRecord, iter_wins

DEFAULT_TIME_FORMAT = "%Y-%m-%d %H:%M"
JRNL_TAG = re.compile(r"(?<!\S)([#@][-+*#/\w]+)")
"""How jrnl finds tags (its `tagsymbols` default, `#@`)."""
_MARKS = ("#", "@", "+")
_SETBACK = re.compile(r"\A\s*setback\s*:[ \t]*", re.IGNORECASE)
_HEADER = re.compile(r"\[([^\]]+)\] ")
NAMESPACE = uuidlib.UUID("6d1f6a55-8a57-4a8e-9a3c-3f2a9c1b7e10")


# -- export ------------------------------------------------------------------------------


def entry_text(win: WinRecord) -> str:
    """The win as the text of a jrnl entry (title, newline, body)."""
    text = ("setback: " if win.kind == KIND_SETBACK else "") + win.text
    present = {t.lower() for t in JRNL_TAG.findall(text)}
    extras = [f"#{t}" for t in win.tags if f"#{t}" not in present]
    if win.goal:
        extras.append(f"+{win.goal}")
    if extras:
        text = f"{text} {' '.join(extras)}"
    return text


def entry_json(win: WinRecord, zone: tzinfo) -> dict[str, Any]:
    text = entry_text(win)
    title, _, body = text.partition("\n")
    return {
        "title": title.strip(),
        "body": body.strip(),
        "date": win.day.isoformat(),
        "time": win.created_at.astimezone(zone).strftime("%H:%M"),
        "tags": list(dict.fromkeys(t.lower() for t in JRNL_TAG.findall(text))),
        "starred": win.impact == IMPACT_BIG,
    }


@uses_store
def write_json(store: Store, out: TextIO, match: WinFilter, *, zone: tzinfo) -> int:
    """jrnl's JSON; `tags` comes after `entries` here, so the export streams in one pass."""
    counts: Counter[str] = Counter()
    out.write('{\n  "entries": [')
    count = 0
    for count, win in enumerate(iter_wins(store, match), start=1):
        entry = entry_json(win, zone)
        counts.update(entry["tags"])
        out.write(",\n    " if count > 1 else "\n    ")
        out.write(json.dumps(entry, ensure_ascii=False))
    out.write("\n  ],\n")
    out.write(f'  "tags": {json.dumps(dict(counts.most_common()), ensure_ascii=False)}\n}}\n')
    return count


@uses_store
def write_text(
    store: Store,
    out: TextIO,
    match: WinFilter,
    *,
    zone: tzinfo,
    time_format: str = DEFAULT_TIME_FORMAT,
) -> int:
    """A jrnl text journal, as jrnl writes one."""
    count = 0
    for count, win in enumerate(iter_wins(store, match), start=1):
        entry = entry_json(win, zone)
        moment = datetime.combine(win.day, time.fromisoformat(entry["time"]))
        header = f"[{moment.strftime(time_format)}] {entry['title']}"
        if entry["starred"]:
            header += " *"
        body = "\n".join(_escaped(line, time_format) for line in entry["body"].split("\n"))
        out.write("\n" if count > 1 else "")
        out.write(f"{header}\n{body}\n" if entry["body"] else f"{header}\n")
    return count


def _escaped(line: str, time_format: str) -> str:
    """A body line that jrnl would take for the start of an entry gets a space before it."""
    found = _HEADER.match(line)
    return f" {line}" if found and _parses(found.group(1), time_format) else line


# -- import ------------------------------------------------------------------------------


def read_json(path: Path, *, zone: tzinfo) -> Incoming:
    members = read_object(text_chunks(path), path.name, streamed=frozenset({"entries"}))
    for key, value in members:
        if key == "entries":
            if not isinstance(value, Iterator):
                raise fields.fail(path.name, "'entries' must be a list")
            incoming = Incoming(wins=[])
            incoming.wins = _json_entries(path, value, members, zone, incoming.split)
            return incoming
    raise fields.fail(path.name, "this is not a jrnl JSON export (it has no 'entries')")


def _json_entries(
    path: Path,
    items: Iterator[tuple[Any, int]],
    rest: Iterator[tuple[str, Any]],
    zone: tzinfo,
    split: list[SplitEntry],
) -> Iterator[BulkEntry]:
    for number, (value, line) in enumerate(items, start=1):
        where = f"{path.name} entry {number} (line {line})"
        row = fields.mapping(value, where)
        title, body = row.get("title"), row.get("body", "")
        if not isinstance(title, str) or not isinstance(body, str):
            raise fields.fail(where, "'title' and 'body' must be text")
        day = fields.day(row.get("date"), where, "date")
        clock = row.get("time", "00:00")
        try:
            at = time.fromisoformat(clock) if isinstance(clock, str) else None
        except ValueError:
            at = None
        if at is None:
            raise fields.fail(where, f"'time' is {clock!r}, not a time like 09:30")
        starred = row.get("starred", False)
        if not isinstance(starred, bool):
            raise fields.fail(where, f"'starred' is {starred!r}, not true or false")
        text = f"{title.strip()}\n{body.strip()}" if body.strip() else title.strip()
        yield from pieces(entry_to_win(text, day, at, starred, zone, where), where, split)
    for _ in rest:
        pass


def read_text(path: Path, *, zone: tzinfo, time_format: str = DEFAULT_TIME_FORMAT) -> Incoming:
    incoming = Incoming(wins=[])
    incoming.wins = _text_entries(path, zone, time_format, incoming.split)
    return incoming


def _text_entries(
    path: Path, zone: tzinfo, time_format: str, split: list[SplitEntry]
) -> Iterator[BulkEntry]:
    start: tuple[datetime, int] | None = None
    lines: list[str] = []
    found = 0
    for number, line in enumerate(text_lines(path), start=1):
        header = _HEADER.match(line)
        moment = _parses(header.group(1), time_format) if header else None
        if header is None or moment is None:
            if start is None and line.strip():
                raise fields.fail(
                    f"{path.name} line {number}",
                    "this is not where a jrnl entry starts (a line like "
                    f"[{datetime(2026, 11, 20, 9, 30).strftime(time_format)}] Title); "
                    "is the time format right?",
                )
            lines.append(line)
            continue
        if start is not None:
            yield from _text_entry(path, start, lines, zone, split)
            found += 1
        start = (moment, number)
        lines = [line[header.end() :]]
    if start is not None:
        yield from _text_entry(path, start, lines, zone, split)
        found += 1
    if not found:
        raise fields.fail(path.name, "there are no jrnl entries in it")


def _text_entry(
    path: Path, start: tuple[datetime, int], lines: list[str], zone: tzinfo, split: list[SplitEntry]
) -> tuple[BulkEntry, ...]:
    moment, number = start
    raw = "".join(lines).replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = raw.partition("\n")
    starred = first.strip().endswith("*")
    if starred:  # as jrnl reads it: the marks around the title go
        first = first.strip("\n *")
    text = f"{first.strip()}\n{rest.strip()}" if rest.strip() else first.strip()
    where = f"{path.name} line {number}"
    entry = entry_to_win(text, moment.date(), moment.time(), starred, zone, where)
    return pieces(entry, where, split)


def entry_to_win(
    text: str, day: date, at: time, starred: bool, zone: tzinfo, where: str
) -> BulkEntry:
    """One jrnl entry as the win it becomes (see the module docstring); its text may be
    longer than a win's, for `longtext.pieces` to split."""
    key = content_uuid(day, at, text)
    kind = KIND_WIN
    setback = _SETBACK.match(text)
    if setback and text[setback.end() :].strip():
        kind, text = KIND_SETBACK, text[setback.end() :]
    tags = [t[1:].lower() for t in JRNL_TAG.findall(text)]
    trailing: list[str] = []
    goal = None
    while True:  # the last word, while it is a #tag, @tag or +goal and words come before it
        cut = max(text.rfind(" "), text.rfind("\n"), text.rfind("\t"))
        word = text[cut + 1 :]
        if cut < 0 or word[:1] not in _MARKS or not TAG_PATTERN.fullmatch(word[1:]):
            break
        rest = text[:cut].rstrip()
        if not rest:
            break
        if word[0] == "+":
            if goal is not None:
                break
            goal = word[1:].lower()
        else:
            trailing.insert(0, word[1:].lower())
        text = rest
    names = [t for t in dict.fromkeys([*tags, *trailing]) if TAG_PATTERN.fullmatch(t)]
    draft = Draft(
        text=fields.long_text(text, where),
        day=day,
        kind=kind,
        impact=IMPACT_BIG if starred else IMPACT_SMALL,
        tags=tuple(names),
        goal=goal,
    )
    created = datetime.combine(day, at, tzinfo=zone)
    return BulkEntry(draft, key, Stamps(created_at=created, source="import"))


def content_uuid(day: date, at: time, text: str) -> str:
    """A stable id for a jrnl entry: the same date, time and words give the same id."""
    words = " ".join(text.split())
    return str(uuidlib.uuid5(NAMESPACE, f"{day.isoformat()} {at:%H:%M}\n{words}"))


_DEFAULT_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})")


def _parses(blob: str, time_format: str) -> datetime | None:
    if time_format == DEFAULT_TIME_FORMAT:  # strptime is most of the cost of a long journal
        found = _DEFAULT_STAMP.fullmatch(blob)
        if found is None:
            return None
        try:
            year, month, day, hour, minute = (int(part) for part in found.groups())
            return datetime(year, month, day, hour, minute)
        except ValueError:
            return None
    try:
        return datetime.strptime(blob, time_format)
    except ValueError:
        return None
