"""What the journal window asks of the core: filtered, paged listings, counts, highlight spans
and tag suggestions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from smallwins_desktop.core import bulk, goals, queries, wins
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.queries import WinFilter

FRI = date(2026, 11, 20)


@pytest.fixture
def journal(store: Store, now: datetime) -> Store:
    goals.create(store, "Release two", now=now, slug="release")
    for line in (
        "mon: Fixed the flaky login test #testing +release",
        "tue: setback: The deploy failed #ops !!",
        "wed: Paired on the café search #testing !!!",
        "thu: Wrote the release notes +release !!",
        "Reviewed three pull requests #review",
    ):
        wins.add(store, line, today=FRI, now=now, source="cli")
    return store


def texts(store: Store, match: WinFilter, **paging: int) -> list[str]:
    return [w.text for w in queries.iter_wins(store, match, newest_first=True, **paging)]


def test_filters_combine_and_each_narrows_the_list(journal: Store) -> None:
    assert texts(journal, WinFilter(tag="testing")) == [
        "Paired on the café search",
        "Fixed the flaky login test",
    ]
    assert texts(journal, WinFilter(goal="release")) == [
        "Wrote the release notes",
        "Fixed the flaky login test",
    ]
    assert texts(journal, WinFilter(goal="+release", impact=2)) == ["Wrote the release notes"]
    assert texts(journal, WinFilter(kind="setback")) == ["The deploy failed"]
    assert texts(journal, WinFilter(since=date(2026, 11, 17), until=date(2026, 11, 18))) == [
        "Paired on the café search",
        "The deploy failed",
    ]
    assert texts(journal, WinFilter(tag="#Testing", search="flaky")) == [
        "Fixed the flaky login test"
    ]
    assert texts(journal, WinFilter(search="?!")) == []


def test_count_agrees_with_the_listing(journal: Store) -> None:
    for match in (
        WinFilter(),
        WinFilter(tag="testing"),
        WinFilter(search="re"),
        WinFilter(search=""),
    ):
        assert queries.count_wins(journal, match) == len(texts(journal, match))
    assert queries.count_wins(journal, WinFilter()) == 5


def test_pages_follow_each_other_without_gaps_or_repeats(journal: Store) -> None:
    everything = texts(journal, WinFilter())
    pages = [texts(journal, WinFilter(), limit=2, offset=n) for n in (0, 2, 4)]
    assert [text for page in pages for text in page] == everything
    assert everything[0] == "Reviewed three pull requests"  # newest day first


def test_the_trash_is_its_own_listing(journal: Store, now: datetime) -> None:
    [gone] = queries.list_wins(journal, search="deploy")
    wins.delete(journal, gone.uuid, now=now)
    assert texts(journal, WinFilter(deleted=True)) == ["The deploy failed"]
    assert "The deploy failed" not in texts(journal, WinFilter())
    assert len(texts(journal, WinFilter(deleted=None))) == 5


def test_a_filter_knows_whether_it_narrows_anything() -> None:
    assert WinFilter().is_empty()
    assert WinFilter(deleted=True).is_empty()
    assert not WinFilter(tag="x").is_empty()


def test_match_spans_mark_the_words_the_search_matched() -> None:
    text = "Paired on the Café search, then searched again"
    spans = queries.match_spans(text, "cafe SEARCH")
    assert [text[a:b] for a, b in spans] == ["Café", "search", "searched"]
    assert queries.match_spans(text, "") == []
    assert queries.match_spans(text, None) == []
    assert queries.match_spans(text, "air") == []  # a prefix of a word, not any substring


def test_tags_are_suggested_from_earlier_wins_with_similar_words(journal: Store) -> None:
    assert queries.suggest_tags(journal, "another flaky test fixed") == ["testing"]
    assert queries.suggest_tags(journal, "the deploy went fine") == ["ops"]
    assert queries.suggest_tags(journal, "fixed the deploy", exclude=["#ops"]) == ["testing"]
    assert queries.suggest_tags(journal, "the and of") == []
    assert queries.suggest_tags(journal, "") == []


def test_suggestions_leave_out_deleted_wins(journal: Store, now: datetime) -> None:
    [gone] = queries.list_wins(journal, search="deploy")
    wins.delete(journal, gone.uuid, now=now)
    assert queries.suggest_tags(journal, "deploy again") == []


def test_suggestions_are_safe_with_search_syntax_in_the_text(journal: Store) -> None:
    assert queries.suggest_tags(journal, 'flaky" OR NEAR( * test') == ["testing"]


def test_a_search_with_many_hits_pages_the_same_either_way_it_is_planned(
    store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from smallwins_desktop.core.capture import parse

    drafts = [
        (parse(f"Tuned the parser, pass {n}" if n % 3 else f"Other work {n}", FRI), None)
        for n in range(900)
    ]
    drafts = [
        (d.__class__(**{**d.__dict__, "day": FRI - timedelta(days=(n * 7) % 300)}), u)
        for n, (d, u) in enumerate(drafts)
    ]
    bulk.add_many(store, drafts, now=now, source="import")
    for win in queries.list_wins(store, search="pass 1")[:40]:  # some hits go to the trash
        wins.delete(store, win.uuid, now=now)
    match = WinFilter(search="parser")
    assert queries.count_wins(store, match) == 600 - 40  # the trash is not searched
    assert queries.count_wins(store, match) == len(list(queries.iter_wins(store, match)))

    def pages() -> list[list[str]]:
        return [
            [w.uuid for w in queries.iter_wins(store, match, newest_first=True, limit=50, offset=o)]
            for o in (0, 50, 500, 550)
        ]

    monkeypatch.setattr(queries, "_WALK_FROM", 10**9)  # fetch every hit, then sort
    sorted_way = pages()
    monkeypatch.setattr(queries, "_WALK_FROM", 0)  # walk the timeline, keep the hits
    walked = pages()
    assert walked == sorted_way
    assert [len(p) for p in walked] == [50, 50, 50, 10]  # 560 hits in all
    everything = list(queries.iter_wins(store, match, newest_first=True))
    assert [w.day for w in everything] == sorted((w.day for w in everything), reverse=True)
    assert all(w.deleted_at is None and "parser" in w.text for w in everything)


def test_paging_after_the_last_win_shown_matches_paging_by_offset(
    store: Store, now: datetime
) -> None:
    from datetime import timedelta

    from smallwins_desktop.core.capture import parse

    # several wins a day, some days back-dated among them, so ties on the day are common
    drafts = [
        (parse(f"Win {n} #t{n % 3}", FRI - timedelta(days=(n * 5) % 17)), None) for n in range(120)
    ]
    bulk.add_many(store, drafts, now=now, source="import")
    for match in (WinFilter(), WinFilter(tag="t1"), WinFilter(search="win")):
        for newest_first in (True, False):
            whole = [w.uuid for w in queries.iter_wins(store, match, newest_first=newest_first)]
            paged: list[str] = []
            while True:
                page = [
                    w.uuid
                    for w in queries.iter_wins(
                        store,
                        match,
                        newest_first=newest_first,
                        limit=7,
                        after=paged[-1] if paged else None,
                    )
                ]
                if not page:
                    break
                paged += page
            assert paged == whole, (match, newest_first)
    gone = queries.list_wins(store)[10].uuid
    wins.delete(store, gone, now=now)
    purged_later = now + timedelta(days=wins.TRASH_DAYS + 1)
    wins.purge_trash(store, now=purged_later)
    assert list(queries.iter_wins(store, after=gone, limit=5)) == []  # gone: page by offset then
