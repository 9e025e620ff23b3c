"""`smallwins export`, `import`, `standup`, `backup` and `restore`, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from smallwins_desktop.core import wins
from smallwins_desktop.core.db import list_backups, open_store
from tests.exchange_data import NOW, fill, fingerprint
from tests.unit.test_cli import SMALLWINS, _ok, _run


def _filled(data_dir: Path) -> None:
    with open_store(data_dir, now=NOW) as store:
        fill(store)


def test_export_writes_each_format_filtered_to_a_file_or_stdout(
    data_dir: Path, tmp_path: Path
) -> None:
    _filled(data_dir)

    shown = _ok("export", "--format", "md", "--tag", "release", data_dir=data_dir)
    told = _ok(
        "export",
        "--format",
        "json",
        "--since",
        "2026-11-01",
        "-o",
        str(tmp_path / "w.json"),
        data_dir=data_dir,
    )

    piped = _ok("export", "--format", "csv", "-o", "-", data_dir=data_dir)
    assert piped.startswith("uuid,day,created_at,text,tags,goal,impact,kind\n")  # text mode
    assert "Exported" not in piped  # standard output holds the export alone
    assert shown.startswith("# Brag document")
    assert "Shipped the beta" in shown
    assert "runbook" not in shown
    data = json.loads((tmp_path / "w.json").read_text(encoding="utf-8"))
    assert {w["text"] for w in data["wins"]} == {
        "Shipped the beta", "The demo broke", "Paired on the flaky test", "Tidied the backlog",
    }  # fmt: skip
    assert told.strip() == f"Exported 4 wins to {tmp_path / 'w.json'}."
    assert not list(tmp_path.glob(".*partial"))


def test_import_moves_a_journal_and_a_second_import_adds_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    _filled(data_dir)
    exported = tmp_path / "all.json"
    _ok("export", "--format", "json", "-o", str(exported), data_dir=data_dir)
    other = tmp_path / "other"

    dry = _ok("import", str(exported), "--dry-run", data_dir=other)
    first = _ok("import", str(exported), data_dir=other)
    second = _ok("import", str(exported), "--format", "json", data_dir=other)

    assert dry.strip() == "Would add 5 wins, 1 goal."
    assert first.strip() == "Added 5 wins, 1 goal."
    assert second.strip() == "Added 0 wins; 5 already in the journal were skipped."
    with open_store(other, now=NOW) as store:
        assert len(wins.list_wins(store, deleted=None)) == 5


def test_importing_a_jrnl_journal_with_a_very_long_entry_goes_through_and_names_it(
    data_dir: Path, tmp_path: Path
) -> None:
    journal = tmp_path / "journal.txt"
    essay = "\n\n".join("Looking back at the whole quarter in some detail. " * 10 for _ in range(5))
    journal.write_text(
        f"[2026-11-02 09:00] Short #ops\n\n[2026-11-03 21:00] Quarter notes\n{essay}\n",
        encoding="utf-8",
    )

    told = _ok("import", str(journal), data_dir=data_dir).splitlines()

    assert told[0] == "Added 3 wins."
    assert "came in whole as consecutive wins" in told[1]
    length = len(f"Quarter notes\n{essay.strip()}")
    assert told[2] == f"  journal.txt line 3: {length:,} characters, 2 wins"
    with open_store(data_dir, now=NOW) as store:
        assert len(wins.list_wins(store, since=date(2026, 11, 1))) == 3


def test_a_bad_import_is_one_clear_line_and_changes_nothing(data_dir: Path, tmp_path: Path) -> None:
    _filled(data_dir)
    bad = tmp_path / "bad.csv"
    bad.write_text("day,text\n2026-11-20,Fine\n2026-02-30,Not a day\n", encoding="utf-8")
    with open_store(data_dir, now=NOW) as store:
        before = fingerprint(store)

    done = _run("import", str(bad), data_dir=data_dir)

    assert done.returncode == 1
    assert done.stderr.strip() == (
        "smallwins: bad.csv line 3: 'day' is '2026-02-30', not a date like 2026-11-20. "
        "Nothing was imported."
    )
    with open_store(data_dir, now=NOW) as store:
        assert fingerprint(store) == before


def test_standup_lists_the_last_workdays_wins(data_dir: Path) -> None:
    today = date.today()
    yesterday = today - timedelta(days=1)
    while yesterday.weekday() > 4:
        yesterday -= timedelta(days=1)
    _ok("add", f"{yesterday.isoformat()}: Fixed the login test #qa", data_dir=data_dir)
    _ok("add", f"{yesterday.isoformat()}: setback: The deploy failed", data_dir=data_dir)

    shown = _ok("standup", data_dir=data_dir)

    lines = shown.strip().splitlines()
    assert lines[0].endswith(f"({yesterday:%a} {yesterday.day} {yesterday:%b}):")
    assert lines[1:] == ["- Fixed the login test", "- Setback: The deploy failed"]


def test_backup_restore_and_the_win_restore_share_a_name(data_dir: Path, tmp_path: Path) -> None:
    _ok("add", "Kept in the backup", data_dir=data_dir)
    taken = _ok("backup", data_dir=data_dir).strip().removeprefix("Backed up to ")
    _ok("add", "Only after it", data_dir=data_dir)
    win_id = _ok("list", data_dir=data_dir).splitlines()[-1].split()[0]
    _ok("delete", win_id, data_dir=data_dir)
    _ok("restore", win_id, data_dir=data_dir)  # an id: the win comes back from the trash
    assert "Only after it" in _ok("list", data_dir=data_dir)

    told = _ok("restore", taken, data_dir=data_dir)

    assert told.splitlines()[0] == f"Restored {taken}."
    assert "before-restore" in told
    listed = _ok("list", data_dir=data_dir)
    assert "Kept in the backup" in listed
    assert "Only after it" not in listed
    assert any("before-restore" in p.name for p in list_backups(data_dir / "backups"))
    assert taken in _ok("backup", "--list", data_dir=data_dir) or Path(taken).name in _ok(
        "backup", "--list", data_dir=data_dir
    )


def test_restore_is_refused_while_the_app_has_the_database_open(data_dir: Path) -> None:
    _ok("add", "Safe", data_dir=data_dir)
    _ok("backup", data_dir=data_dir)
    with open_store(data_dir, now=NOW) as store:  # as the running app holds it
        before = fingerprint(store)

        done = _run("restore", data_dir=data_dir)

        assert done.returncode == 1
        assert "quit it first" in done.stderr
        assert fingerprint(store) == before


def test_the_exchange_commands_load_no_qt() -> None:
    script = (
        "import sys\n"
        "from smallwins_desktop.cli.parser import build_parser\n"
        "build_parser().parse_args(['export', '--format', 'md'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'peewee'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def _has_open(pid: int, path: Path) -> bool:
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except FileNotFoundError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == str(path):
                return True
        except OSError:
            continue
    return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to see the wait")
def test_restore_with_wait_waits_for_the_app_to_let_go(data_dir: Path) -> None:
    """What the app's Restore… hands over: the command waits while the app quits."""
    _ok("add", "Kept in the backup", data_dir=data_dir)
    taken = _ok("backup", data_dir=data_dir).strip().removeprefix("Backed up to ")
    _ok("add", "Only after it", data_dir=data_dir)
    store = open_store(data_dir, now=NOW)  # the app, still quitting
    restoring = subprocess.Popen(
        [str(SMALLWINS), "--data-dir", str(data_dir), "restore", taken, "--wait", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        lock = data_dir / "smallwins.db.lock"
        deadline = time.monotonic() + 60
        while not _has_open(restoring.pid, lock):  # it is at the lock, which the app holds
            assert restoring.poll() is None, restoring.communicate()
            assert time.monotonic() < deadline, "the restore never reached the lock"
        assert restoring.poll() is None
    finally:
        store.close()  # the app has quit
    out, err = restoring.communicate(timeout=60)

    assert restoring.returncode == 0, err
    assert out.startswith(f"Restored {taken}.")
    listed = _ok("list", data_dir=data_dir)
    assert "Kept in the backup" in listed
    assert "Only after it" not in listed
