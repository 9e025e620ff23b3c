"""An imported entry longer than a win may be (2,000 characters) comes in whole, as
consecutive wins marked "(part N of M)", and the import goes through: from jrnl, our CSV and
our JSON, with the dry run, the summary and a second import telling the same story."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smallwins_desktop.core import wins
from smallwins_desktop.core.db import Store, open_store
from smallwins_desktop.core.exchange import import_file, longtext
from smallwins_desktop.core.wins import MAX_TEXT_LENGTH
from tests.exchange_data import NOW, ZONE, fingerprint

_MARK = re.compile(r" \(part (\d+) of (\d+)\)\Z")


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "other", now=NOW) as opened:
        yield opened


def _essay(paragraphs: int = 9) -> str:
    """A long entry as people write one: paragraphs of sentences, about 560 characters each."""
    sentence = "Today the migration moved forward and the team learned something new"
    return "\n\n".join(
        " ".join(f"{sentence} ({p}.{s})." for s in range(7)) for p in range(paragraphs)
    )


def _words(text: str) -> str:
    return " ".join(text.split())


def _rejoined(parts: list[wins.WinRecord]) -> str:
    """The texts of an entry's parts, in order, their marks taken off."""
    ordered = sorted(parts, key=lambda w: int(_MARK.search(w.text).group(1)))  # type: ignore[union-attr]
    return "\n".join(_MARK.sub("", w.text) for w in ordered)


def _jrnl_text(path: Path, long_body: str) -> Path:
    path.write_text(
        "[2026-11-18 09:00] Short one before #ops\n\n"
        f"[2026-11-19 21:15] A long evening entry *\n{long_body} #retro +migration\n\n"
        "[2026-11-20 08:30] Short one after\n",
        encoding="utf-8",
    )
    return path


def test_a_jrnl_entry_over_a_wins_limit_comes_in_whole_as_marked_parts(
    store: Store, tmp_path: Path
) -> None:
    body = _essay()
    path = _jrnl_text(tmp_path / "journal.txt", body)

    result = import_file(store, path, "jrnl-txt", now=NOW, zone=ZONE)

    every = wins.list_wins(store, since=date(2000, 1, 1))
    assert {"Short one before", "Short one after"} <= {w.text for w in every}
    parts = [w for w in every if _MARK.search(w.text)]
    total = len(parts)
    assert total == 3
    assert result.added == 2 + total
    assert all(len(w.text) <= MAX_TEXT_LENGTH for w in parts)
    assert {_MARK.search(w.text).group(2) for w in parts} == {str(total)}  # type: ignore[union-attr]
    assert _words(_rejoined(parts)) == _words(f"A long evening entry\n{body}")  # nothing lost
    assert all(p.day == date(2026, 11, 19) for p in parts)
    assert all(p.created_at == datetime(2026, 11, 19, 21, 15, tzinfo=timezone.utc) for p in parts)
    assert all(p.tags == ("retro",) for p in parts)  # a tag filter shows the whole entry
    first = next(w for w in parts if w.text.endswith(f"(part 1 of {total})"))
    assert first.text.startswith("A long evening entry\n")
    assert (first.goal, first.impact) == ("migration", 3)
    rest = [w for w in parts if w is not first]
    assert {(w.goal, w.impact) for w in rest} == {(None, 1)}
    assert len(wins.list_wins(store, goal="migration")) == 1  # one entry, one step
    assert len(result.split) == 1
    assert result.split[0].where == "journal.txt line 3"
    assert result.summary().splitlines() == [
        f"Added {2 + total} wins, 1 goal.",
        "1 entry is longer than 2,000 characters, a win's most, and came in whole as "
        "consecutive wins marked (part 1 of N), (part 2 of N)…:",
        f"  journal.txt line 3: {len(body) + 21:,} characters, {total} wins",
    ]


def test_the_parts_end_where_the_text_breaks_best() -> None:
    body = _essay()

    pieces = longtext.split_text(body)

    assert len(pieces) == 3
    for piece in pieces[:-1]:  # whole paragraphs: the cuts fall on blank lines
        assert piece.endswith(").")
        assert len(piece) + len(longtext.mark(3, 3)) <= MAX_TEXT_LENGTH
    assert "\n\n".join(pieces) == body
    sentences = longtext.split_text(
        ("One sentence here. " * 150).strip()
    )  # no paragraphs: sentences
    assert all(p.endswith("here.") for p in sentences)
    unbroken = longtext.split_text("x" * 4_500)  # no space at all: cut, every character kept
    assert "".join(unbroken) == "x" * 4_500
    assert max(len(p) for p in unbroken) + len(longtext.mark(3, 3)) == MAX_TEXT_LENGTH


def test_the_mark_grows_with_the_count_and_every_part_still_fits() -> None:
    text = "word " * 5_000  # 25,000 characters: 13 parts, a two-digit mark
    pieces = longtext.split_text(text.strip())

    assert len(pieces) >= 10
    assert all(len(p + longtext.mark(n, len(pieces))) <= MAX_TEXT_LENGTH for n, p in
               enumerate(pieces, start=1))  # fmt: skip
    assert _words(" ".join(pieces)) == _words(text)


def test_a_second_import_adds_none_of_the_parts_and_names_no_split(
    store: Store, tmp_path: Path
) -> None:
    path = _jrnl_text(tmp_path / "journal.txt", _essay())
    first = import_file(store, path, "jrnl-txt", now=NOW, zone=ZONE)
    before = fingerprint(store)

    again = import_file(store, path, "jrnl-txt", now=NOW, zone=ZONE)

    assert (again.added, again.skipped) == (0, first.added)
    assert again.split == ()
    assert "longer than" not in again.summary()
    assert fingerprint(store) == before


def test_the_dry_run_names_the_long_entry_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    path = _jrnl_text(tmp_path / "journal.txt", _essay())
    before = fingerprint(store)

    told = import_file(store, path, "jrnl-txt", now=NOW, zone=ZONE, dry_run=True)

    assert fingerprint(store) == before
    assert told.added == 5
    lines = told.summary().splitlines()
    assert lines[0] == "Would add 5 wins, 1 goal."
    assert "would come in whole as consecutive wins" in lines[1]
    assert lines[2].startswith("  journal.txt line 3: ")
    done = import_file(store, path, "jrnl-txt", now=NOW, zone=ZONE)
    assert (done.added, len(done.split)) == (told.added, 1)


def test_jrnl_json_and_text_of_one_long_entry_are_the_same_wins(
    store: Store, tmp_path: Path
) -> None:
    body = _essay()
    _jrnl_text(tmp_path / "journal.txt", body)
    as_json = tmp_path / "journal.json"
    entry = {"date": "2026-11-19", "time": "21:15", "starred": True, "tags": ["#retro"]}
    entry.update(title="A long evening entry", body=f"{body} #retro +migration")
    as_json.write_text(json.dumps({"entries": [entry]}), encoding="utf-8")
    import_file(store, tmp_path / "journal.txt", "jrnl-txt", now=NOW, zone=ZONE)

    again = import_file(store, as_json, "jrnl-json", now=NOW, zone=ZONE)

    assert (again.added, again.skipped) == (0, 3)


def test_a_long_text_in_our_csv_or_json_comes_in_whole_too(
    store: Store, other: Store, tmp_path: Path
) -> None:
    body = _essay(5)
    table = tmp_path / "wins.csv"
    with open(table, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["day", "text", "tags", "goal", "impact"])
        writer.writerow(["2026-11-19", body, "retro", "migration", "2"])
        writer.writerow(["2026-11-20", "Short", "", "", "1"])
    ours = tmp_path / "wins.json"
    ours.write_text(
        json.dumps({"format": "smallwins", "version": 1, "wins": [{
            "uuid": "9b2d6c1e-4f3a-4e8b-9c7d-1a2b3c4d5e6f", "day": "2026-11-19",
            "created_at": "2026-11-19T20:00:00+00:00", "text": body, "tags": ["retro"],
        }]}),
        encoding="utf-8",
    )  # fmt: skip

    from_csv = import_file(store, table, "csv", now=NOW, zone=ZONE)
    from_json = import_file(other, ours, "json", now=NOW, zone=ZONE)

    cases = ((from_csv, store, "wins.csv line 2"), (from_json, other, "wins.json win 1 (line 1)"))
    for result, journal, where in cases:
        parts = [w for w in wins.list_wins(journal, since=date(2000, 1, 1)) if _MARK.search(w.text)]
        assert len(parts) == 2, where
        assert _words(_rejoined(parts)) == _words(body), where
        assert [s.where for s in result.split] == [where]
    assert wins.get(other, "9b2d6c1e-4f3a-4e8b-9c7d-1a2b3c4d5e6f").text.endswith("(part 1 of 2)")
    assert import_file(store, table, "csv", now=NOW, zone=ZONE).added == 0
    assert import_file(other, ours, "json", now=NOW, zone=ZONE).added == 0


def test_an_entry_of_a_text_that_fits_is_left_as_it_is(store: Store, tmp_path: Path) -> None:
    body = "y" * (MAX_TEXT_LENGTH - len("Title\n"))
    path = tmp_path / "j.txt"
    path.write_text(f"[2026-11-19 21:15] Title\n{body}\n", encoding="utf-8")

    result = import_file(store, path, "jrnl-txt", now=NOW, zone=ZONE)

    [win] = wins.list_wins(store, since=date(2000, 1, 1))
    assert win.text == f"Title\n{body}"
    assert (result.added, result.split) == (1, ())


_runs = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=400,
)
_gaps = st.sampled_from([" ", "\n", "\n\n", ". ", "\t", "! ", "  "])
_long_texts = (
    st.lists(st.tuples(_runs, _gaps), min_size=1, max_size=30)
    .map(lambda bits: "".join(run + gap for run, gap in bits))
    .map(lambda t: (t * (MAX_TEXT_LENGTH // len(t) + 2)).strip())
)  # always past the limit


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_long_texts)
def test_any_long_text_splits_into_marked_parts_that_fit_and_lose_no_character(
    text: str,
) -> None:
    parts = longtext.split_text(text)

    assert len(parts) >= 2
    assert all(p and p == p.strip() for p in parts)
    assert all(len(p + longtext.mark(n, len(parts))) <= MAX_TEXT_LENGTH for n, p in
               enumerate(parts, start=1))  # fmt: skip
    assert "".join("".join(parts).split()) == "".join(text.split())  # only cut whitespace goes
