"""What the journal window asks of the core: filtered, paged listings, counts, highlight spans
and tag suggestions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from smallwins_desktop.core import goals, wins
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.wins import WinFilter

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
    return [w.text for w in wins.iter_wins(store, match, newest_first=True, **paging)]


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
        assert wins.count_wins(journal, match) == len(texts(journal, match))
    assert wins.count_wins(journal, WinFilter()) == 5


def test_pages_follow_each_other_without_gaps_or_repeats(journal: Store) -> None:
    everything = texts(journal, WinFilter())
    pages = [texts(journal, WinFilter(), limit=2, offset=n) for n in (0, 2, 4)]
    assert [text for page in pages for text in page] == everything
    assert everything[0] == "Reviewed three pull requests"  # newest day first


def test_the_trash_is_its_own_listing(journal: Store, now: datetime) -> None:
    [gone] = wins.list_wins(journal, search="deploy")
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
    spans = wins.match_spans(text, "cafe SEARCH")
    assert [text[a:b] for a, b in spans] == ["Café", "search", "searched"]
    assert wins.match_spans(text, "") == []
    assert wins.match_spans(text, None) == []
    assert wins.match_spans(text, "air") == []  # a prefix of a word, not any substring


def test_tags_are_suggested_from_earlier_wins_with_similar_words(journal: Store) -> None:
    assert wins.suggest_tags(journal, "another flaky test fixed") == ["testing"]
    assert wins.suggest_tags(journal, "the deploy went fine") == ["ops"]
    assert wins.suggest_tags(journal, "fixed the deploy", exclude=["#ops"]) == ["testing"]
    assert wins.suggest_tags(journal, "the and of") == []
    assert wins.suggest_tags(journal, "") == []


def test_suggestions_leave_out_deleted_wins(journal: Store, now: datetime) -> None:
    [gone] = wins.list_wins(journal, search="deploy")
    wins.delete(journal, gone.uuid, now=now)
    assert wins.suggest_tags(journal, "deploy again") == []


def test_suggestions_are_safe_with_search_syntax_in_the_text(journal: Store) -> None:
    assert wins.suggest_tags(journal, 'flaky" OR NEAR( * test') == ["testing"]
