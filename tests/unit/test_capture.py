"""The quick-capture syntax (DESIGN.md, capture.py): one typed line -> a parsed draft."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smallwins_desktop.core.capture import (
    IMPACT_BIG,
    IMPACT_MEDIUM,
    IMPACT_SMALL,
    KIND_SETBACK,
    KIND_WIN,
    clean_text,
    parse,
    resolve_day,
)

A_FRIDAY = date(2026, 11, 20)
PROPERTY_SETTINGS = settings(max_examples=100, deadline=None)


def test_the_design_example_parses_into_every_field(today: date) -> None:
    draft = parse("yesterday: Fixed the flaky login test #testing +release-2 !!", today)

    assert draft.day == date(2026, 11, 19)
    assert draft.text == "Fixed the flaky login test"
    assert draft.tags == ("testing",)
    assert draft.goal == "release-2"
    assert draft.impact == IMPACT_MEDIUM
    assert draft.kind == KIND_WIN
    assert draft.notes == ()


def test_plain_text_is_a_small_win_today(today: date) -> None:
    draft = parse("Wrote the release notes", today)

    assert draft == parse("Wrote the release notes", today)
    assert (draft.text, draft.day, draft.kind, draft.impact) == (
        "Wrote the release notes",
        today,
        KIND_WIN,
        IMPACT_SMALL,
    )
    assert draft.tags == ()
    assert draft.goal is None


def test_text_is_trimmed(today: date) -> None:
    assert parse("   \t Wrote tests  \n ", today).text == "Wrote tests"


# -- day prefixes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("today:", date(2026, 11, 20)),
        ("Today:", date(2026, 11, 20)),
        ("yesterday:", date(2026, 11, 19)),
        ("YESTERDAY:", date(2026, 11, 19)),
        ("2026-11-01:", date(2026, 11, 1)),
        ("2025-02-28:", date(2025, 2, 28)),
    ],
)
def test_day_prefix_sets_the_day_and_leaves_the_text(
    prefix: str, expected: date, today: date
) -> None:
    draft = parse(f"{prefix} Called the bank", today)

    assert draft.day == expected
    assert draft.text == "Called the bank"
    assert draft.notes == ()


def test_day_prefix_needs_no_space_after_the_colon(today: date) -> None:
    draft = parse("yesterday:Called the bank", today)

    assert draft.day == date(2026, 11, 19)
    assert draft.text == "Called the bank"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        # Today is Friday 2026-11-20: a weekday is the latest such day up to and including today.
        ("fri:", date(2026, 11, 20)),
        ("friday:", date(2026, 11, 20)),
        ("thu:", date(2026, 11, 19)),
        ("thursday:", date(2026, 11, 19)),
        ("wed:", date(2026, 11, 18)),
        ("tue:", date(2026, 11, 17)),
        ("mon:", date(2026, 11, 16)),
        ("Monday:", date(2026, 11, 16)),
        ("sun:", date(2026, 11, 15)),
        ("sat:", date(2026, 11, 14)),
        ("saturday:", date(2026, 11, 14)),
    ],
)
def test_weekday_prefix_means_the_latest_such_day_up_to_today(
    prefix: str, expected: date, today: date
) -> None:
    draft = parse(f"{prefix} Paired on the parser", today)

    assert draft.day == expected
    assert draft.text == "Paired on the parser"


def test_weekday_resolves_against_the_injected_today() -> None:
    a_monday = date(2026, 11, 23)

    assert parse("fri: Shipped", a_monday).day == date(2026, 11, 20)
    assert parse("mon: Shipped", a_monday).day == a_monday


def test_invalid_iso_date_files_under_today_with_a_note(today: date) -> None:
    draft = parse("2026-02-30: Planned the sprint", today)

    assert draft.day == today
    assert len(draft.notes) == 1
    assert "2026-02-30" in draft.notes[0]
    assert "not a valid date" in draft.notes[0]


def test_a_word_with_a_colon_that_is_not_a_day_stays_text(today: date) -> None:
    draft = parse("Note: the build is green", today)

    assert draft.day == today
    assert draft.text == "Note: the build is green"
    assert draft.notes == ()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("today", date(2026, 11, 20)),
        ("yesterday", date(2026, 11, 19)),
        ("mon", date(2026, 11, 16)),
        ("2026-01-31", date(2026, 1, 31)),
        ("someday", None),
        ("2026-13-01", None),
        ("", None),
    ],
)
def test_resolve_day(word: str, expected: date | None, today: date) -> None:
    assert resolve_day(word, today) == expected


# -- setbacks ------------------------------------------------------------------------------------


def test_setback_prefix_records_a_setback(today: date) -> None:
    draft = parse("setback: The demo crashed", today)

    assert draft.kind == KIND_SETBACK
    assert draft.text == "The demo crashed"
    assert draft.day == today


def test_setback_prefix_comes_after_a_day_prefix(today: date) -> None:
    draft = parse("yesterday: Setback: Missed the deadline #work", today)

    assert draft.kind == KIND_SETBACK
    assert draft.day == date(2026, 11, 19)
    assert draft.text == "Missed the deadline"
    assert draft.tags == ("work",)


# -- tags ----------------------------------------------------------------------------------------


def test_tags_are_lower_cased_and_leave_the_text(today: date) -> None:
    draft = parse("Fixed the login #Testing #UX", today)

    assert draft.text == "Fixed the login"
    assert draft.tags == ("testing", "ux")


def test_a_repeated_tag_is_kept_once(today: date) -> None:
    assert parse("Tidied #home #Home #HOME", today).tags == ("home",)


def test_tags_may_hold_digits_dashes_and_underscores(today: date) -> None:
    assert parse("Ran #5k-run #q4_goals", today).tags == ("5k-run", "q4_goals")


@pytest.mark.parametrize("line", ["Closed issue #42", "Closed #42 and #7", "Closed #2026-11"])
def test_a_tag_needs_a_letter_so_numbers_stay_text(line: str, today: date) -> None:
    draft = parse(line, today)

    assert draft.tags == ()
    assert draft.text == line


def test_a_tag_in_the_middle_of_a_sentence_keeps_its_word(today: date) -> None:
    draft = parse("Shipped the #api docs", today)

    assert draft.text == "Shipped the api docs"
    assert draft.tags == ("api",)


def test_a_hash_inside_a_word_is_not_a_tag(today: date) -> None:
    draft = parse("Learned C# today", today)

    assert draft.tags == ()
    assert draft.text == "Learned C# today"


# -- goals ---------------------------------------------------------------------------------------


def test_goal_is_linked_by_slug_and_leaves_the_text(today: date) -> None:
    draft = parse("Wrote the changelog +Release-2", today)

    assert draft.goal == "release-2"
    assert draft.text == "Wrote the changelog"


def test_a_goal_in_the_middle_of_a_sentence_keeps_its_word(today: date) -> None:
    draft = parse("Worked on +release-2 docs", today)

    assert draft.goal == "release-2"
    assert draft.text == "Worked on release-2 docs"


def test_a_plus_number_is_not_a_goal(today: date) -> None:
    draft = parse("Gave the review a +1", today)

    assert draft.goal is None
    assert draft.text == "Gave the review a +1"


# -- impact --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bangs", "impact"),
    [
        ("", IMPACT_SMALL),
        (" !", IMPACT_SMALL),
        (" !!", IMPACT_MEDIUM),
        (" !!!", IMPACT_BIG),
        (" !!!!", IMPACT_BIG),
        (" !!!!!!!!", IMPACT_BIG),
    ],
)
def test_trailing_bangs_set_the_impact(bangs: str, impact: int, today: date) -> None:
    draft = parse(f"Landed the migration{bangs}", today)

    assert draft.impact == impact
    assert draft.text == "Landed the migration"


def test_bangs_glued_to_a_word_are_text(today: date) -> None:
    draft = parse("It works!!", today)

    assert draft.impact == IMPACT_SMALL
    assert draft.text == "It works!!"


def test_bangs_may_come_among_the_trailing_tags_and_goal(today: date) -> None:
    draft = parse("Demoed the app !!! #demo +launch", today)

    assert draft.impact == IMPACT_BIG
    assert draft.tags == ("demo",)
    assert draft.goal == "launch"
    assert draft.text == "Demoed the app"


# -- characters ----------------------------------------------------------------------------------


def test_control_characters_are_removed_except_newline_and_tab(today: date) -> None:
    draft = parse("Fixed\x00 the\x07 bug\x1b\tin\x7f the\nparser\x9b", today)

    assert draft.text == "Fixed the bug\tin the\nparser"


def test_carriage_returns_become_newlines() -> None:
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"


@pytest.mark.parametrize(
    "text",
    [
        "Shipped it 🎉🚀",
        "Family: 👩‍👩‍👧‍👦 and a flag 🇳🇿 and skin tone 👍🏽",
        "今日はテストを書いた",
        "完成了第一个版本",
        "סיימתי את הפרויקט",
        "أنهيت المشروع بنجاح",
        "Mixed עברית and English with ‏marks‎",
    ],
)
def test_emoji_cjk_and_right_to_left_text_are_kept_exactly(text: str, today: date) -> None:
    assert parse(text, today).text == text


def test_tags_of_any_script_are_recognised(today: date) -> None:
    draft = parse("Wrote the essay #écriture #日本語", today)

    assert draft.tags == ("écriture", "日本語")
    assert draft.text == "Wrote the essay"


# -- properties ----------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(st.text())
def test_parse_never_raises(line: str) -> None:
    draft = parse(line, A_FRIDAY)

    assert draft.impact in (IMPACT_SMALL, IMPACT_MEDIUM, IMPACT_BIG)
    assert draft.kind in (KIND_WIN, KIND_SETBACK)
    assert draft.text == draft.text.strip()


_PLAIN_CHARACTER = st.characters(
    blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp"),
    blacklist_characters="#+!:",
).filter(lambda ch: not ch.isspace())
_WORDS = st.lists(st.text(_PLAIN_CHARACTER, min_size=1, max_size=12), max_size=8)
_NAMES = st.builds(
    str.__add__,
    st.sampled_from("aZé日ж"),
    st.text("aB3_-9zé", max_size=10),
)


@st.composite
def _syntax_suffix(draw: st.DrawFn) -> tuple[list[str], list[str], str | None, int]:
    """Trailing syntax tokens (tags and a goal, in any order, then bangs) and what they mean."""
    tags = draw(st.lists(_NAMES, max_size=4))
    goal = draw(st.none() | _NAMES)
    tokens = [f"#{t}" for t in tags] + ([f"+{goal}"] if goal else [])
    tokens = list(draw(st.permutations(tokens)))
    bangs = draw(st.integers(min_value=0, max_value=6))
    if bangs:
        tokens.append("!" * bangs)
    named_tags = [t[1:].lower() for t in tokens if t.startswith("#")]
    return tokens, named_tags, goal, bangs


@PROPERTY_SETTINGS
@given(words=_WORDS, suffix=_syntax_suffix())
def test_parse_never_loses_a_word_that_is_not_syntax(
    words: list[str], suffix: tuple[list[str], list[str], str | None, int]
) -> None:
    tokens = suffix[0]
    draft = parse(" ".join(words + tokens), A_FRIDAY)

    assert draft.text == " ".join(words)


@PROPERTY_SETTINGS
@given(
    words=_WORDS.filter(bool),
    suffix=_syntax_suffix(),
    prefix=st.sampled_from(["", "today: ", "yesterday: ", "2026-11-01: ", "mon: "]),
    setback=st.booleans(),
)
def test_tags_goal_and_impact_round_trip(
    words: list[str],
    suffix: tuple[list[str], list[str], str | None, int],
    prefix: str,
    setback: bool,
) -> None:
    tokens, tags, goal, bangs = suffix
    line = prefix + ("setback: " if setback else "") + " ".join(words + tokens)

    draft = parse(line, A_FRIDAY)

    assert draft.tags == tuple(dict.fromkeys(tags))
    assert draft.goal == (goal.lower() if goal else None)
    assert draft.impact == (min(bangs, IMPACT_BIG) if bangs else IMPACT_SMALL)
    assert draft.kind == (KIND_SETBACK if setback else KIND_WIN)
    assert draft.day == (resolve_day(prefix.strip(" :"), A_FRIDAY) if prefix else A_FRIDAY)
    assert draft.text == " ".join(words)
