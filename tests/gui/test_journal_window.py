"""The journal window as a person uses it: scroll, search, filter, edit, delete and undo.

Real widgets on the offscreen platform over a real temp database with a fixed clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.journal.editor import WinEditor
from smallwins_desktop.app.journal.heatmap import day_tooltip
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.journal.timeline import FIRST_PAGE, PAGE_SIZE, day_heading
from smallwins_desktop.app.journal.trash import TrashDialog
from smallwins_desktop.app.journal.window import JournalWindow
from smallwins_desktop.core import bulk, queries, wins
from smallwins_desktop.core.capture import parse
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.queries import DayTotal, WinFilter
from smallwins_desktop.core.stats import HeatCell


@pytest.fixture
def journal_window(journal: Journal, qtbot: QtBot) -> Iterator[JournalWindow]:
    window = JournalWindow(journal)
    qtbot.addWidget(window)
    window.present()
    qtbot.waitExposed(window)
    yield window
    window.close()


def _bulk(store: Store, clock: FixedClock, lines: list[tuple[str, int]]) -> None:
    """Save `(line, days ago)` pairs through the core's bulk path."""
    today = clock.now().date()
    drafts = [(parse(line, today - timedelta(days=ago)), None) for line, ago in lines]
    bulk.add_many(store, drafts, now=clock.now(), source="import")


def _texts(window: JournalWindow) -> list[str]:
    model = window.model
    return [model.win(row).text for row in range(model.rowCount())]  # type: ignore[union-attr]


def test_the_timeline_fetches_a_page_at_a_time_newest_first(
    store: Store, clock: FixedClock, journal: Journal, qtbot: QtBot
) -> None:
    _bulk(store, clock, [(f"Win number {n}", n // 3) for n in range(PAGE_SIZE * 2 + 10)])
    window = JournalWindow(journal)
    qtbot.addWidget(window)
    window.present()
    qtbot.waitExposed(window)

    model = window.model
    assert model.total == PAGE_SIZE * 2 + 10
    assert model.rowCount() == FIRST_PAGE  # one screenful and some, not every win
    days = [model.win(row).day for row in range(model.rowCount())]  # type: ignore[union-attr]
    assert days == sorted(days, reverse=True)

    assert model.canFetchMore(model.index(-1))
    window.view.scrollToBottom()  # the view asks for more as it reaches the end
    qtbot.waitUntil(lambda: model.rowCount() > FIRST_PAGE)
    assert model.rowCount() in (FIRST_PAGE + PAGE_SIZE, FIRST_PAGE + 2 * PAGE_SIZE)
    while model.canFetchMore(model.index(-1)):
        model.fetchMore(model.index(-1))
    assert model.rowCount() == PAGE_SIZE * 2 + 10
    everything = [model.win(row) for row in range(model.rowCount())]
    assert len({w.uuid for w in everything if w}) == PAGE_SIZE * 2 + 10  # none twice
    assert [w.day for w in everything if w] == sorted(
        (w.day for w in everything if w), reverse=True
    )
    assert window.summary.text() == "All 410 wins, newest first"


def test_days_get_a_heading_above_their_first_win(
    store: Store, clock: FixedClock, journal_window: JournalWindow
) -> None:
    _bulk(store, clock, [("Older", 1), ("Today one", 0), ("Today two", 0)])
    journal_window.refresh()
    model = journal_window.model
    from smallwins_desktop.app.journal.timeline import FIRST_OF_DAY_ROLE

    firsts = [model.index(row).data(FIRST_OF_DAY_ROLE) for row in range(3)]
    assert firsts == [True, False, True]
    today = clock.now().date()
    assert day_heading(today, today).startswith("Today · ")
    assert day_heading(today - timedelta(days=1), today).startswith("Yesterday · ")
    assert day_heading(date(2024, 3, 5), today) == "Tuesday 5 March 2024"


def test_search_as_you_type_narrows_the_timeline_and_marks_the_matches(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(
        store,
        clock,
        [("Shipped the release notes #docs", 0), ("Fixed the login bug", 1), ("Released v2", 2)],
    )
    journal_window.refresh()
    assert journal_window.model.rowCount() == 3

    qtbot.keyClicks(journal_window.search, "releas")
    qtbot.waitUntil(lambda: journal_window.model.rowCount() == 2)
    assert sorted(_texts(journal_window)) == ["Released v2", "Shipped the release notes"]
    assert journal_window.delegate.search == "releas"
    # the word the prefix matched is marked, as the search index matched it
    assert queries.match_spans("Shipped the release notes", "releas") == [(12, 19)]
    assert "matching “releas”" in journal_window.summary.text()
    assert journal_window.clear_button.isEnabled()

    qtbot.keyClick(journal_window, Qt.Key.Key_Escape)  # Esc clears every filter
    assert journal_window.search.text() == ""
    assert journal_window.model.rowCount() == 3
    assert not journal_window.clear_button.isEnabled()


def test_filters_combine_and_one_click_clears_them(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(
        store,
        clock,
        [
            ("Paired on the parser #code !!!", 0),
            ("Wrote the guide #docs", 0),
            ("setback: the build broke #code", 1),
            ("Reviewed two changes #code", 40),
        ],
    )
    journal_window.refresh()
    window = journal_window
    window.tag_filter.showPopup()  # filled when it opens
    window.tag_filter.hidePopup()
    window.tag_filter.setCurrentIndex(window.tag_filter.findData("code"))
    assert sorted(_texts(window)) == [
        "Paired on the parser",
        "Reviewed two changes",
        "the build broke",
    ]
    window.kind_filter.setCurrentIndex(window.kind_filter.findData("win"))
    assert sorted(_texts(window)) == ["Paired on the parser", "Reviewed two changes"]
    window.period_filter.setCurrentIndex(window.period_filter.findData("30"))
    assert _texts(window) == ["Paired on the parser"]
    assert window.summary.text() == "1 win · #code · wins only · last 30 days"

    qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 4
    assert window.summary.text() == "All 4 wins, newest first"


def test_nothing_matching_says_how_to_clear(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    assert "Ctrl+N" in journal_window.empty.text()  # an empty journal invites the first win
    _bulk(store, clock, [("Something", 0)])
    journal_window.refresh()
    qtbot.keyClicks(journal_window.search, "zebra")
    qtbot.waitUntil(lambda: journal_window.stack.currentWidget() is journal_window.empty)
    assert "Esc clears" in journal_window.empty.text()


def test_clicking_a_heatmap_day_shows_that_day_only(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("Two days ago", 2), ("Also two days ago", 2), ("Today", 0)])
    journal_window.refresh()
    day = clock.now().date() - timedelta(days=2)
    heatmap = journal_window.heatmap
    centre = heatmap.cell_rect(day).center()
    assert heatmap.day_at(centre) == day
    assert heatmap.tooltip_at(day) == f"{day:%a %-d %b}: 2 wins"
    qtbot.mouseClick(heatmap, Qt.MouseButton.LeftButton, pos=centre)
    assert sorted(_texts(journal_window)) == ["Also two days ago", "Two days ago"]
    assert journal_window.period_filter.currentData() == "picked"

    # a drag picks a range of days
    first = heatmap.cell_rect(day).center()
    last = heatmap.cell_rect(clock.now().date()).center()
    qtbot.mousePress(heatmap, Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseMove(heatmap, last)
    qtbot.mouseRelease(heatmap, Qt.MouseButton.LeftButton, pos=last)
    assert journal_window.model.rowCount() == 3


def test_day_tooltips_say_the_day_and_count() -> None:
    day = date(2026, 11, 17)
    cell = HeatCell(day=day, total=DayTotal(wins=3, setbacks=0, weight=3), level=2)
    assert day_tooltip(cell) == "Tue 17 Nov: 3 wins"
    one = HeatCell(day=day, total=DayTotal(wins=1, setbacks=2, weight=1), level=1)
    assert day_tooltip(one) == "Tue 17 Nov: 1 win, 2 setbacks"
    rest = HeatCell(day=day, total=DayTotal(wins=0, setbacks=0, weight=0), level=0, rest=True)
    assert day_tooltip(rest) == "Tue 17 Nov: no wins, rest day"


def _open_editor(window: JournalWindow, qtbot: QtBot, row: int = 0) -> WinEditor:
    window.view.setCurrentIndex(window.model.index(row))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.state() == QAbstractItemView.State.EditingState)
    editor = window.view.indexWidget(window.model.index(row))
    if editor is None:
        editor = window.view.findChild(WinEditor)
    assert isinstance(editor, WinEditor)
    return editor


def test_enter_edits_in_place_and_the_edit_is_saved_and_undoable(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("Fixed the flaky test #ci", 0)])
    journal_window.refresh()
    uuid = journal_window.model.win(0).uuid  # type: ignore[union-attr]

    editor = _open_editor(journal_window, qtbot)
    assert editor.text.text() == "Fixed the flaky test"
    editor.text.setText("Fixed the flaky upload test")
    editor.tags.setText("ci testing")
    editor.impact.setCurrentIndex(editor.impact.findData(3))
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: journal_window.view.state() != QAbstractItemView.State.EditingState)

    saved = wins.get(store, uuid)
    assert (saved.text, list(saved.tags), saved.impact) == (
        "Fixed the flaky upload test",
        ["ci", "testing"],
        3,
    )
    assert journal_window.model.win(0).text == "Fixed the flaky upload test"  # type: ignore[union-attr]
    assert queries.list_wins(store, search="upload")[0].uuid == uuid  # the index follows

    journal_window.undo_action.trigger()  # Ctrl+Z
    back = wins.get(store, uuid)
    assert (back.text, list(back.tags), back.impact) == ("Fixed the flaky test", ["ci"], 1)
    journal_window.redo_action.trigger()
    assert wins.get(store, uuid).text == "Fixed the flaky upload test"


def test_a_bad_edit_is_refused_in_the_editor_and_nothing_changes(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("Kept as it was", 0)])
    journal_window.refresh()
    uuid = journal_window.model.win(0).uuid  # type: ignore[union-attr]
    editor = _open_editor(journal_window, qtbot)
    editor.text.setText("   ")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    assert editor.problem.isVisibleTo(editor)
    assert editor.problem.text()
    editor.text.setText("Kept as it was")
    editor.tags.setText("no/slashes")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    assert "tag" in editor.problem.text().lower()
    qtbot.keyClick(editor.text, Qt.Key.Key_Escape)  # cancel
    qtbot.waitUntil(lambda: journal_window.view.state() != QAbstractItemView.State.EditingState)
    saved = wins.get(store, uuid)
    assert (saved.text, list(saved.tags)) == ("Kept as it was", [])


def test_edit_can_move_a_win_to_another_day(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("Logged on the wrong day", 0)])
    journal_window.refresh()
    uuid = journal_window.model.win(0).uuid  # type: ignore[union-attr]
    editor = _open_editor(journal_window, qtbot)
    editor.day.setDate(editor.day.date().addDays(-3))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert wins.get(store, uuid).day == clock.now().date() - timedelta(days=3)


def test_delete_then_undo_from_the_bar_and_from_ctrl_z(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("Keep me #team +launch", 0), ("Second", 1)])
    journal_window.refresh()
    window = journal_window
    uuid = window.model.win(0).uuid  # type: ignore[union-attr]

    window.view.setCurrentIndex(window.model.index(0))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert _texts(window) == ["Second"]
    assert window.notice.isVisibleTo(window)
    assert "trash" in window.notice.label.text()
    assert [w.uuid for w in wins.trash(store)] == [uuid]

    qtbot.mouseClick(window.notice.undo_button, Qt.MouseButton.LeftButton)
    back = wins.get(store, uuid)
    assert back.deleted_at is None
    assert list(back.tags) == ["team"]
    assert [w.uuid for w in queries.list_wins(store, search="keep")] == [uuid]
    assert "Keep me" in _texts(window)

    window.view.setCurrentIndex(window.model.index(window.model.row_of(uuid) or 0))
    window.delete_action.trigger()
    assert wins.trash(store)[0].uuid == uuid
    window.undo_action.trigger()  # Ctrl+Z does the same
    assert wins.trash(store) == []
    assert queries.count_wins(store, WinFilter()) == 2


def test_the_trash_restores_and_says_how_long_is_left(
    store: Store, clock: FixedClock, journal: Journal, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("Deleted by mistake", 0)])
    uuid = queries.list_wins(store)[0].uuid
    journal.delete(uuid)
    dialog = TrashDialog(journal)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.win(0).uuid == uuid  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert wins.get(store, uuid).deleted_at is None
    assert dialog.model.rowCount() == 0


def test_a_win_added_elsewhere_shows_up_while_the_window_is_open(
    journal: Journal, journal_window: JournalWindow
) -> None:
    assert journal_window.model.rowCount() == 0
    journal.add_line("Logged from the capture box", source="capture")
    assert _texts(journal_window) == ["Logged from the capture box"]
    assert journal_window.rhythm.isVisible()


def test_ctrl_n_asks_for_the_capture_box_and_ctrl_f_goes_to_search(
    journal_window: JournalWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(journal_window.capture_requested):
        qtbot.keyClick(journal_window.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(journal_window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is journal_window.search


def test_every_control_has_an_accessible_name(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("A win #tag", 0)])
    journal_window.refresh()
    _open_editor(journal_window, qtbot)
    nameless = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in journal_window.findChildren(QWidget)
        if w.isVisibleTo(journal_window)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and type(w).__name__ not in ("QScrollBar", "QSplitterHandle", "QWidget")
        and not w.objectName().startswith("qt_")  # Qt's own parts of a compound widget
        and not w.accessibleName()
    ]
    assert nameless == []


def test_the_heatmap_is_reachable_by_keyboard(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("Yesterday's win", 1)])
    journal_window.refresh()
    heatmap = journal_window.heatmap
    heatmap.setFocus()
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)  # from today to the day before
    qtbot.keyClick(heatmap, Qt.Key.Key_Return)
    assert _texts(journal_window) == ["Yesterday's win"]
    assert heatmap.day_at(QPoint(-5, -5)) is None


def test_scrolling_on_after_the_last_loaded_win_went_elsewhere_skips_nothing(
    store: Store, clock: FixedClock, journal: Journal, qtbot: QtBot
) -> None:
    _bulk(store, clock, [(f"Win number {n}", n // 4) for n in range(FIRST_PAGE + 120)])
    window = JournalWindow(journal)
    qtbot.addWidget(window)
    window.present()
    model = window.model
    last = model.win(FIRST_PAGE - 1)
    assert last is not None
    wins.delete(store, last.uuid, now=clock.now())  # from the CLI, say: no signal yet
    model.fetchMore(model.index(-1))
    shown = [model.win(row).uuid for row in range(model.rowCount())]  # type: ignore[union-attr]
    assert len(shown) == len(set(shown))  # nothing twice
    everything = [w.uuid for w in queries.iter_wins(store, newest_first=True)]
    assert [u for u in shown if u != last.uuid] == everything[: len(shown) - 1]


def test_the_editor_suggests_tags_from_similar_wins_and_adds_the_chosen_one(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("Fixed the flaky upload test #ci", 3), ("Fixed a flaky login test", 0)])
    journal_window.refresh()
    editor = _open_editor(journal_window, qtbot)
    assert editor.text.text() == "Fixed a flaky login test"
    editor.text.setText("Fixed a flaky login test again")  # typing asks for suggestions
    qtbot.waitUntil(lambda: editor.suggestions.suggestions() == ["ci"])
    qtbot.mouseClick(editor.suggestions.buttons[0], Qt.MouseButton.LeftButton)
    assert editor.tags.text() == "ci"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert queries.list_wins(store, search="login")[0].tags == ("ci",)


def test_file_export_starts_from_the_filters_in_force_and_import_opens_its_dialog(
    store: Store, clock: FixedClock, journal_window: JournalWindow, qtbot: QtBot
) -> None:
    _bulk(store, clock, [("Wrote the guide #docs", 0), ("Reviewed a change #code", 3)])
    journal_window.refresh()
    journal_window.tag_filter.showPopup()
    journal_window.tag_filter.hidePopup()
    journal_window.tag_filter.setCurrentIndex(journal_window.tag_filter.findData("docs"))
    journal_window.period_filter.setCurrentIndex(journal_window.period_filter.findData("30"))
    dialog = journal_window.show_export()
    qtbot.addWidget(dialog)
    today = clock.now().date()
    assert dialog.limit_period.isChecked()
    assert dialog.since.date().toPython() == today - timedelta(days=29)
    assert dialog.until.date().toPython() == today
    assert dialog.tag.currentData() == "docs"
    dialog.close()
    importing = journal_window.show_import()
    qtbot.addWidget(importing)
    assert importing.isVisible()
    importing.close()
    assert {a.text() for a in journal_window.file_menu.actions()} >= {"&Export…", "&Import…"}


def test_the_rhythm_panel_shows_insights_with_their_numbers_and_the_confidence_line(
    store: Store, clock: FixedClock, journal_window: JournalWindow
) -> None:
    from smallwins_desktop.core import reflections

    today = clock.now().date()
    _bulk(
        store,
        clock,
        [
            ("Shipped the beta !!!", 12),
            ("setback: The demo crashed", 0),
            ("setback: Lost a day", 0),
        ],
    )
    for ago, confidence in ((14, 3), (7, 4), (0, 2)):
        reflections.save(store, today - timedelta(days=ago), now=clock.now(), confidence=confidence)
    journal_window.refresh()
    panel = journal_window.rhythm
    assert panel.insights.isVisibleTo(journal_window)
    text = panel.insights.text()
    assert "A heavy week" in text
    assert "This week: 2 setbacks and 0 wins." in text
    assert "Shipped the beta" in text  # a past win to look back on
    assert panel.confidence.isVisibleTo(journal_window)
    assert [w.mean for w in panel.confidence.weeks][-3:] == [3.0, 4.0, 2.0]
    assert "latest 2.0" in panel.confidence_line.text()
