"""The quick-capture window, driven with real key presses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smallwins_desktop.app import look
from smallwins_desktop.app.capture.window import HIDE_AFTER_RESURFACED_MS, CaptureWindow
from smallwins_desktop.app.journal.journal import DRAFT_KEY, Journal
from smallwins_desktop.core import goals, queries, settings, wins
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store, open_store
from smallwins_desktop.core.wins import MAX_TEXT_LENGTH


def saved(store: Store) -> list[wins.WinRecord]:
    return queries.list_wins(store)


def test_typing_a_line_and_enter_saves_the_win_and_hides(
    window: CaptureWindow, store: Store, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "Fixed the flaky login test #testing")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)

    [win] = saved(store)
    assert (win.text, win.tags, win.impact, win.source) == (
        "Fixed the flaky login test",
        ("testing",),
        1,
        "capture",
    )
    assert window.editor.text() == ""
    assert "Win #1 today" in window.message.text()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3_000)


def test_ctrl_enter_saves_and_stays_open_for_the_next(
    window: CaptureWindow, store: Store, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "First")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor, "Second")
    qtbot.keyClick(window.editor, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)

    assert [w.text for w in saved(store)] == ["First", "Second"]
    assert window.isVisible()
    assert window.today_list.count() == 2
    assert "Win #2 today" in window.message.text()


def test_shift_enter_adds_a_line_instead_of_saving(
    window: CaptureWindow, store: Store, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "Line one")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.editor, "line two")
    assert saved(store) == []
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert [w.text for w in saved(store)] == ["Line one\nline two"]


def test_esc_hides_and_keeps_the_draft_across_a_restart(
    window: CaptureWindow, store: Store, data_dir: Path, clock: FixedClock, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "Half a thought #idea")
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert saved(store) == []
    store.close()

    with open_store(data_dir) as reopened:
        again = CaptureWindow(Journal(reopened, clock))
        qtbot.addWidget(again)
        again.present()
        assert again.editor.text() == "Half a thought #idea"


def test_draft_is_saved_while_typing_so_a_crash_loses_nothing(
    window: CaptureWindow, store: Store, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "Typed, then the power went out")
    qtbot.waitUntil(
        lambda: settings.get(store, DRAFT_KEY) == "Typed, then the power went out",
        timeout=3_000,
    )


def test_saving_clears_the_draft(window: CaptureWindow, store: Store, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.editor, "Done")
    window.save_draft()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert settings.get(store, DRAFT_KEY) is None


def test_empty_text_shows_a_message_and_saves_nothing(
    window: CaptureWindow, store: Store, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "   #just-a-tag")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert saved(store) == []
    assert window.isVisible()
    assert window.message.isVisible()
    assert "Nothing to save" in window.message.text()
    assert window.editor.text() == "   #just-a-tag", "the typed text is kept to fix"


def test_over_long_text_shows_the_counter_and_the_limit_and_saves_nothing(
    window: CaptureWindow, store: Store, qtbot: QtBot
) -> None:
    window.editor.set_text("x" * (MAX_TEXT_LENGTH - 100))
    assert window.counter.isVisible()
    assert window.counter.text() == f"{MAX_TEXT_LENGTH - 100:,} / {MAX_TEXT_LENGTH:,}"
    window.editor.set_text("x" * (MAX_TEXT_LENGTH + 1))
    assert window.counter.property("over") is True
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert saved(store) == []
    assert f"{MAX_TEXT_LENGTH:,}" in window.message.text()


def test_unknown_goal_saves_the_win_and_offers_to_create_the_goal(
    window: CaptureWindow, store: Store, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "Drafted the plan +launch-v2")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    [win] = saved(store)
    assert win.goal is None
    assert window.create_goal_button.isVisible()
    assert "+launch-v2" in window.message.text()
    assert window.isVisible(), "the offer stays until the user answers"

    qtbot.mouseClick(window.create_goal_button, Qt.MouseButton.LeftButton)
    assert goals.get(store, "launch-v2") is not None
    assert saved(store)[0].goal == "launch-v2"


def test_completion_offers_tags_already_in_use(
    window: CaptureWindow, journal: Journal, store: Store, qtbot: QtBot
) -> None:
    journal.add_line("Earlier #testing #team", source="cli")
    qtbot.keyClicks(window.editor, "Reviewed the suite #tes")
    popup = window.editor.completer.popup()
    assert popup.isVisible()
    assert window.editor.completer.currentCompletion() == "#testing"
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.text() == "Reviewed the suite #testing "
    assert not popup.isVisible()
    assert saved(store)[-1].text == "Earlier", "Tab completed; it did not submit"


def test_completion_offers_goals_after_plus(
    window: CaptureWindow, store: Store, clock: FixedClock, qtbot: QtBot
) -> None:
    goals.create(store, "Release two", now=clock.now(), slug="release-2")
    window.refresh()
    qtbot.keyClicks(window.editor, "Notes +rel")
    assert window.editor.completer.popup().isVisible()
    assert window.editor.completer.currentCompletion() == "+release-2"


def test_alt_number_and_buttons_set_the_impact(
    window: CaptureWindow, store: Store, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "Shipped it")
    qtbot.keyClick(window.editor, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.impact_buttons.checkedId() == 3
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor, "Smaller thing")
    qtbot.mouseClick(window.impact_buttons.button(2), Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert [w.impact for w in saved(store)] == [3, 2]


def test_typed_bangs_show_on_the_impact_buttons(window: CaptureWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.editor, "Milestone reached !!!")
    assert window.impact_buttons.checkedId() == 3


def test_todays_wins_are_listed_below_the_input(
    window: CaptureWindow, journal: Journal, clock: FixedClock
) -> None:
    journal.add_line("yesterday: Not today", source="cli")
    journal.add_line("Today's first", source="cli")
    assert window.today_list.count() == 1
    assert "Today's first" in window.today_list.item(0).text()


def test_a_big_win_is_celebrated_more_than_a_small_one(window: CaptureWindow, qtbot: QtBot) -> None:
    qtbot.keyClicks(window.editor, "Small step")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    small = window.message.text()
    qtbot.keyClicks(window.editor, "Launched the product !!!")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    big = window.message.text()
    headline, *rest = big.split("<br>")
    big_size = look.points(look.Type.HEADLINE)  # the type scale's largest, from the app font
    assert f"font-size: {big_size}pt; font-weight: bold;" in headline  # only the headline is big
    assert all("font-size" not in line for line in rest)
    assert "bold" not in small


def test_celebrations_and_todays_wins_use_drawn_marks_not_symbol_characters(
    window: CaptureWindow, qtbot: QtBot
) -> None:
    symbols = [chr(c) for c in (0x2713, 0x2605, 0x270E, 0x21AF, 0x1F389)]  # check, star, ...
    qtbot.keyClicks(window.editor, "Small step")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    small_mark = window.message_bar.mark.pixmap()
    assert window.message_bar.mark.isVisibleTo(window)
    qtbot.keyClicks(window.editor, "Launched the product !!!")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    big_mark = window.message_bar.mark.pixmap()
    assert big_mark.width() > small_mark.width()  # the big win's star is larger
    assert not any(s in window.message.text() for s in symbols)
    qtbot.keyClicks(window.editor, "setback: the deploy failed")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not window.message_bar.mark.isVisibleTo(window)  # a setback is not celebrated

    items = [window.today_list.item(n) for n in range(window.today_list.count())]
    assert [i.text() for i in items] == ["Small step", "Launched the product", "the deploy failed"]
    assert all(not i.icon().isNull() for i in items)
    assert not any(s in i.text() for i in items for s in symbols)
    first = items[0].icon().pixmap(16).toImage()
    big = items[1].icon().pixmap(16).toImage()
    assert first != big  # small and big impact look different


def test_tags_used_on_similar_wins_are_suggested_and_added_with_a_click(
    window: CaptureWindow, store: Store, journal: Journal, qtbot: QtBot
) -> None:
    journal.add_line("Fixed the flaky upload test #testing #ci", source="cli")
    journal.add_line("Wrote the release notes #docs", source="cli")
    qtbot.keyClicks(window.editor, "Another flaky test fixed")
    qtbot.waitUntil(lambda: window.suggestions.suggestions() != [])
    assert window.suggestions.suggestions() == ["ci", "testing"]
    assert window.suggestions.isVisibleTo(window)

    qtbot.mouseClick(window.suggestions.buttons[1], Qt.MouseButton.LeftButton)
    assert window.editor.text() == "Another flaky test fixed #testing"
    qtbot.waitUntil(lambda: window.suggestions.suggestions() == ["ci"])  # not offered twice
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert queries.list_wins(store, search="another")[0].tags == ("testing",)


def test_a_milestone_is_celebrated_once_even_if_its_win_is_deleted_and_logged_again(
    window: CaptureWindow, store: Store, clock: FixedClock, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "The very first")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "first win" in window.message.text()
    [first] = saved(store)
    wins.delete(store, first.uuid, now=clock.now())
    qtbot.keyClicks(window.editor, "First again")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "first win" not in window.message.text()


def test_a_setback_recalls_a_past_win_from_its_goal(
    window: CaptureWindow, store: Store, clock: FixedClock, qtbot: QtBot
) -> None:
    goals.create(store, "Release two", now=clock.now(), slug="release-2")
    wins.add(
        store,
        "2026-11-12: Shipped the beta +release-2 !!",
        today=clock.now().date(),
        now=clock.now(),
    )
    window.refresh()

    qtbot.keyClicks(window.editor, "setback: The release build broke +release-2")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)

    bar = window.message_bar
    assert bar.resurfaced.isVisible()
    assert (
        bar.resurfaced.text() == "You moved this forward before: Shipped the beta (Thu 12 Nov 2026)"
    )
    assert "Setbacks are how we learn" in window.message.text()
    assert window.isVisible()  # it stays long enough to be read, then hides
    assert window._hide_timer.isActive()
    assert window._hide_timer.interval() == HIDE_AFTER_RESURFACED_MS


def test_a_setback_with_nothing_to_recall_shows_only_its_calm_word(
    window: CaptureWindow, store: Store, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.editor, "setback: A bad day #mood")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)

    assert not window.message_bar.resurfaced.isVisible()
    assert "Setbacks are how we learn" in window.message.text()


def test_the_next_save_clears_the_recalled_win(
    window: CaptureWindow, store: Store, clock: FixedClock, qtbot: QtBot
) -> None:
    wins.add(
        store,
        "2026-11-12: Fixed the flaky test #testing",
        today=clock.now().date(),
        now=clock.now(),
    )
    qtbot.keyClicks(window.editor, "setback: Tests are red #testing")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.message_bar.resurfaced.isVisible()

    qtbot.keyClicks(window.editor, "Tests are green again #testing")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert not window.message_bar.resurfaced.isVisible()
