# ruff: noqa: E501  (tables of cases read better one per line)
"""Exports: each format holds what it promises, user text cannot break a format, filters hold."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from markdown_it import MarkdownIt

from smallwins_desktop.core import wins
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.exchange import export_wins, markdown
from smallwins_desktop.core.queries import WinFilter
from tests.exchange_data import NOW, TODAY, ZONE, fill


def _export(store: Store, fmt: str, match: WinFilter | None = None, **options: bool) -> str:
    out = io.StringIO()
    export_wins(store, fmt, out, match or WinFilter(), now=NOW, zone=ZONE, **options)
    return out.getvalue()


NASTY = [
    "# Not a heading",
    "A [link](http://evil.example) and ![img](x.png)",
    "Code `rm -rf` and ``` fences",
    "<script>alert(1)</script> &amp; &copy;",
    "*not emphasis* and _neither_ and **nor this**",
    "- not a list",
    "1. not an ordered list",
    "> not a quote",
    "back\\slash at the end\\",
    "=====",
    "Two lines\n# second line is no heading\n---",
    "a | b | c ~~struck~~",
]


def _inline_texts(document: str) -> list[str]:
    """The plain text of each list item's paragraph as a CommonMark parser reads it."""
    tokens = MarkdownIt("commonmark").parse(document)
    texts = []
    for n, token in enumerate(tokens):
        if token.type == "list_item_open":
            inline = tokens[n + 2]
            assert inline.type == "inline"
            texts.append(
                "".join(
                    "\n" if c.type in ("hardbreak", "softbreak") else c.content
                    for c in inline.children or []
                )
            )
    return texts


def test_a_brag_document_keeps_any_user_text_as_plain_text(store: Store) -> None:
    for text in NASTY:
        wins.add_draft(store, wins.Draft(text=text, day=TODAY), now=NOW, source="cli")

    document = _export(store, "md")

    tokens = MarkdownIt("commonmark").parse(document)
    kinds = {t.type for t in tokens}
    assert not kinds & {"code_block", "fence", "blockquote_open", "html_block", "hr"}
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Brag document", "Wins", "November 2026"]
    assert all(t.type != "ordered_list_open" for t in tokens)
    inline_kinds = {c.type for t in tokens if t.type == "inline" for c in t.children or []}
    assert not inline_kinds & {"link_open", "image", "code_inline", "em_open", "html_inline"}
    items = _inline_texts(document)
    assert len(items) == len(NASTY)
    for text in NASTY:
        shown = f"{text.strip()} · Fri 20 Nov"
        assert shown in items, (text, items)


def test_a_brag_document_groups_by_goal_then_month_and_marks_impact(store: Store) -> None:
    fill(store)

    document = _export(store, "md", setbacks=True)
    assert "Setbacks" not in _export(store, "md")

    tokens = MarkdownIt("commonmark").parse(document)
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Brag document",
        "Ship release 2",
        "November 2026",
        "Other wins",
        "October 2026",
        "November 2026",
        "Setbacks and lessons",
        "November 2026",
    ]
    assert "- **Shipped the beta** · (big) · Mon 2 Nov · release, team" in document
    assert "- Wrote the runbook · (medium) · Fri 30 Oct · ops" in document
    assert "Tidied" not in document  # in the trash
    assert "Wins from 30 Oct 2026 to 20 Nov 2026: 3 wins, 1 big, 1 medium." in document


def test_markdown_escape_neutralises_every_structure() -> None:
    assert markdown.escape("# x") == "\\# x"
    assert markdown.escape("- x") == "\\- x"
    assert markdown.escape("2) x") == "2\\) x"
    assert markdown.escape("a](b)") == "a\\](b)"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "'"])
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(store: Store, start: str) -> None:
    text = f'{start}HYPERLINK("http://evil.example")'
    wins.add_draft(store, wins.Draft(text=f"x{text}", day=TODAY), now=NOW, source="cli")
    store.db.execute_sql("UPDATE win SET text = ?", (text,))  # as an import could have left it

    rows = list(csv.reader(io.StringIO(_export(store, "csv"))))

    assert rows[0] == ["uuid", "day", "created_at", "text", "tags", "goal", "impact", "kind"]
    assert rows[1][3] == "'" + text
    assert not rows[1][3].startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_has_one_row_per_win_with_its_fields(store: Store) -> None:
    fill(store)

    rows = list(csv.DictReader(io.StringIO(_export(store, "csv"))))

    beta = next(r for r in rows if r["text"] == "Shipped the beta")
    assert beta["tags"] == "release team"
    assert beta["goal"] == "release-2"
    assert (beta["impact"], beta["kind"], beta["day"]) == ("3", "win", "2026-11-02")
    assert len(rows) == 4  # the trash is not exported unless asked
    assert {r["kind"] for r in rows} == {"win", "setback"}


def test_json_is_versioned_and_holds_the_trash_goals_and_settings(store: Store) -> None:
    fill(store)
    from smallwins_desktop.core import stats

    stats.set_rest_day(store, date(2026, 11, 11), True)

    data = json.loads(_export(store, "json", WinFilter(deleted=None)))

    assert (data["format"], data["version"]) == ("smallwins", 1)
    assert [g["slug"] for g in data["goals"]] == ["release-2"]
    assert data["settings"] == {"streak.rest_days": ["2026-11-11"]}
    assert len(data["wins"]) == 5
    trashed = next(w for w in data["wins"] if w["deleted_at"])
    assert trashed["text"] == "Tidied the backlog"
    assert set(trashed) == {
        "uuid", "day", "created_at", "updated_at", "deleted_at", "kind", "impact", "text",
        "tags", "goal", "source",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("match", "expected"),
    [
        (WinFilter(since=date(2026, 11, 1)), {"Shipped the beta", "The demo broke", "Paired on the flaky test"}),
        (WinFilter(until=date(2026, 11, 2)), {"Wrote the runbook", "Shipped the beta"}),
        (WinFilter(tag="release"), {"Shipped the beta", "The demo broke"}),
        (WinFilter(goal="release-2"), {"Shipped the beta"}),
    ],
)  # fmt: skip
def test_filters_pick_the_wins_each_format_exports(
    store: Store, match: WinFilter, expected: set[str]
) -> None:
    fill(store)

    in_json = {w["text"] for w in json.loads(_export(store, "json", match))["wins"]}
    in_csv = {r["text"] for r in csv.DictReader(io.StringIO(_export(store, "csv", match)))}
    in_jrnl = {
        e["title"].split(" #")[0] for e in json.loads(_export(store, "jrnl-json", match))["entries"]
    }

    assert in_json == in_csv == {t.removeprefix("setback: ") for t in in_jrnl} == expected


def test_jrnl_exports_carry_tags_goal_setbacks_and_stars(store: Store) -> None:
    fill(store)

    entries = json.loads(_export(store, "jrnl-json"))["entries"]
    text = _export(store, "jrnl-txt")

    beta = next(e for e in entries if e["title"].startswith("Shipped"))
    assert beta == {
        "title": "Shipped the beta #release #team +release-2",
        "body": "",
        "date": "2026-11-02",
        "time": "15:30",
        "tags": ["#release", "#team"],
        "starred": True,
    }
    assert any(e["title"] == "setback: The demo broke #release" for e in entries)
    assert "[2026-11-02 15:30] Shipped the beta #release #team +release-2 *\n" in text
    assert text.count("\n\n[") == len(entries) - 1


def test_a_brag_document_can_carry_the_periods_reflections_escaped(store: Store) -> None:
    from datetime import timedelta

    from smallwins_desktop.core import reflections

    wins.add_draft(store, wins.Draft(text="Shipped it", day=TODAY), now=NOW, source="cli")
    reflections.save(
        store, TODAY, now=NOW, moved_forward="The *beta* went out", helped="# Pairing", confidence=4
    )
    reflections.save(store, TODAY, now=NOW, kind=reflections.WEEKLY, moved_forward="Mornings")
    reflections.save(store, TODAY - timedelta(days=60), now=NOW, helped="Long ago")
    assert "Reflections" not in _export(store, "md")  # only when asked

    document = _export(store, "md", WinFilter(since=TODAY - timedelta(days=30)), reflections=True)

    tokens = MarkdownIt("commonmark").parse(document)
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Reflections" in headings
    assert "Long ago" not in document  # outside the period
    texts = _inline_texts(document)
    assert "What moved forward? The *beta* went out" in texts  # kept as plain text
    assert "What helped? # Pairing" in texts
    assert "Confidence: 4 of 5" in texts
    assert "What worked this week? Mornings" in texts
