"""The export and import dialogs and the data actions, offscreen on a real temp database."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.exchange import (
    DataActions,
    ExportDialog,
    ImportDialog,
    open_export_dialog,
    open_import_dialog,
)
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core import backup, wins
from smallwins_desktop.core.db import list_backups
from smallwins_desktop.core.exchange.importer import ImportResult
from tests.exchange_data import fill, fingerprint


def test_export_says_how_many_wins_and_writes_the_chosen_file(
    journal: Journal, qtbot: QtBot, tmp_path: Path
) -> None:
    fill(journal.store)
    target = tmp_path / "brag.md"
    asked: list[str] = []

    def choose(parent: QWidget, title: str, suggested: str) -> str:
        asked.append(suggested)
        return str(target)

    dialog = ExportDialog(journal, choose_path=choose)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "4 wins will be exported."
    dialog.tag.setCurrentIndex(dialog.tag.findData("release"))
    assert dialog.summary.text() == "2 wins will be exported."

    with qtbot.waitSignal(dialog.exported) as told:
        dialog.export_button.click()

    assert told.args == [str(target), 1]  # the brag document lists wins, not setbacks
    assert asked[0].endswith(".md")
    assert "Shipped the beta" in target.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*partial"))


def test_a_json_export_from_the_dialog_holds_the_trash(
    journal: Journal, qtbot: QtBot, tmp_path: Path
) -> None:
    fill(journal.store)
    dialog = ExportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))

    count = dialog.export_to(tmp_path / "all.json")

    assert count == 5
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert sum(1 for w in data["wins"] if w["deleted_at"]) == 1


def test_an_export_that_cannot_be_written_says_so_and_leaves_no_file(
    journal: Journal, qtbot: QtBot, tmp_path: Path
) -> None:
    fill(journal.store)
    dialog = ExportDialog(journal)
    qtbot.addWidget(dialog)

    assert dialog.export_to(tmp_path / "missing-folder" / "x.md") is None

    assert dialog.problem.text().startswith("Nothing was exported:")
    assert not (tmp_path / "missing-folder").exists()


def _exported_json(store_journal: Journal, tmp_path: Path) -> Path:
    path = tmp_path / "all.json"
    dialog = ExportDialog(store_journal)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert dialog.export_to(path)
    dialog.deleteLater()
    return path


def test_import_previews_then_imports_and_the_journal_hears_of_it(
    journal: Journal, qtbot: QtBot, tmp_path: Path
) -> None:
    fill(journal.store)
    exported = _exported_json(journal, tmp_path)
    for win in wins.list_wins(journal.store, deleted=None):  # an empty journal to bring it into
        journal.store.db.execute_sql("DELETE FROM win WHERE uuid = ?", (win.uuid,))
    journal.store.db.execute_sql("DELETE FROM win_fts")
    dialog = ImportDialog(journal, choose_file=lambda parent, title: str(exported))
    qtbot.addWidget(dialog)
    before = fingerprint(journal.store)

    with qtbot.waitSignal(dialog.previewed) as previewed:
        dialog.browse.click()

    assert previewed.args[0] == ImportResult(added=5, skipped=0, dry_run=True)
    assert dialog.preview_label.text() == "Would add 5 wins."
    assert fingerprint(journal.store) == before
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignals([dialog.imported, journal.changed]):
        dialog.import_button.click()
    assert dialog.preview_label.text() == "Added 5 wins."
    assert len(wins.list_wins(journal.store, deleted=None)) == 5
    assert not dialog.import_button.isEnabled()


def test_the_preview_names_a_jrnl_entry_too_long_for_one_win_and_imports_it_whole(
    journal: Journal, qtbot: QtBot, tmp_path: Path
) -> None:
    long_body = "\n\n".join(
        "A paragraph of the long entry, written at length. " * 9 for _ in range(7)
    )
    journal_file = tmp_path / "journal.txt"
    journal_file.write_text(
        f"[2026-11-18 09:00] A short one\n\n[2026-11-19 21:15] The long one\n{long_body}\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(journal, choose_file=lambda parent, title: str(journal_file))
    qtbot.addWidget(dialog)

    with qtbot.waitSignal(dialog.previewed):
        dialog.browse.click()

    shown = dialog.preview_label.text().splitlines()
    assert shown[0] == "Would add 3 wins."
    assert "longer than 2,000 characters" in shown[1]
    assert shown[2].strip().startswith("journal.txt line 3: ")
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert dialog.preview_label.text().startswith("Added 3 wins.")
    texts = [w.text for w in wins.list_wins(journal.store, since=None)]
    assert sum("(part " in t for t in texts) == 2


def test_a_bad_file_is_named_in_the_preview_and_cannot_be_imported(
    journal: Journal, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("day,text\n2026-11-20,ok\n2026-11-31,bad day\n", encoding="utf-8")
    dialog = ImportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert not dialog.time_format.isEnabled()  # only jrnl text journals have one
    dialog.path.setText(str(bad))

    assert dialog.preview() is None

    assert dialog.preview_label.text().startswith("bad.csv line 3: 'day' is '2026-11-31'")
    assert not dialog.import_button.isEnabled()


def test_a_long_import_shows_progress_and_cancel_writes_nothing(
    journal: Journal, qtbot: QtBot, tmp_path: Path
) -> None:
    rows = "".join(f"2026-11-{1 + n % 28:02d},Win number {n}\n" for n in range(3_000))
    path = tmp_path / "long.csv"
    path.write_text("day,text\n" + rows, encoding="utf-8")
    dialog = ImportDialog(journal)
    dialog.progress_after_ms = 0
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    assert dialog.preview() is not None
    before = fingerprint(journal.store)
    seen: list[int] = []

    def cancel_half_way(count: int) -> None:
        seen.append(count)
        assert dialog.progress is not None
        assert dialog.progress.maximum() == 3_000
        if count >= 1_500:
            dialog.progress.cancel()

    dialog.progressed.connect(cancel_half_way)

    assert dialog.run_import() is None

    assert seen[:3] == [500, 1_000, 1_500]
    assert dialog.preview_label.text() == "Cancelled: nothing was imported."
    assert fingerprint(journal.store) == before


def test_open_helpers_show_the_dialogs(journal: Journal, qtbot: QtBot) -> None:
    export = open_export_dialog(journal)
    imports = open_import_dialog(journal)
    try:
        assert export.isVisible()
        assert imports.isVisible()
    finally:
        export.close()
        imports.close()


def test_back_up_now_and_open_the_data_folder(journal: Journal, qtbot: QtBot) -> None:
    fill(journal.store)
    opened: list[QUrl] = []
    actions = DataActions(journal, open_url=lambda url: opened.append(url) or True)

    with qtbot.waitSignal(actions.backed_up) as told:
        taken = actions.back_up_now()

    assert taken is not None
    assert told.args == [str(taken)]
    assert taken in list_backups(journal.store.backups)
    backup.check(taken)
    assert actions.open_data_folder()
    assert opened == [QUrl.fromLocalFile(str(journal.store.data_dir))]
    assert [a.text() for a in actions.actions(actions)] == [
        "&Back up now",
        "&Restore a backup…",
        "Open the &data folder",
    ]


def test_restore_checks_asks_then_hands_over_and_quits(
    journal: Journal, qtbot: QtBot, tmp_path: Path
) -> None:
    fill(journal.store)
    good = backup.back_up(journal.store, now=journal.now() + timedelta(minutes=1))
    launched: list[tuple[str, Sequence[str]]] = []
    quits: list[bool] = []
    asked: list[str] = []
    actions = DataActions(
        journal,
        launch=lambda program, arguments: launched.append((program, arguments)) or True,
        confirm=lambda parent, text: asked.append(text) or True,
        quit_app=lambda: quits.append(True),
    )
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database" * 500)

    with qtbot.waitSignal(actions.failed):
        assert not actions.restore(damaged)
    assert (launched, asked, quits) == ([], [], [])

    assert actions.restore()  # the newest good backup

    program, arguments = launched[0]
    assert program == sys.executable
    assert list(arguments[-5:]) == ["restore", str(good), "--wait", "30", "--start"]
    assert arguments[arguments.index("--data-dir") + 1] == str(journal.store.data_dir)
    assert good.name in asked[0]
    assert quits == [True]


def test_a_packaged_app_restores_through_its_own_executable(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frozen bundle has no `-m smallwins_desktop`: the executable is the program."""
    backup.back_up(journal.store, now=journal.now() + timedelta(minutes=1))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    launched: list[tuple[str, Sequence[str]]] = []
    actions = DataActions(
        journal,
        launch=lambda program, arguments: launched.append((program, arguments)) or True,
        confirm=lambda parent, text: True,
        quit_app=lambda: None,
    )

    assert actions.restore()

    program, arguments = launched[0]
    assert program == sys.executable
    assert list(arguments[:2]) == ["--data-dir", str(journal.store.data_dir)]
    assert "-m" not in arguments
