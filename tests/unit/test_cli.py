"""The real `smallwins` command, run in subprocesses against a temp data dir.

The CLI reads the wall clock for "today", so these tests either pass explicit ISO dates or
only compare wins recorded and listed relative to the same "today". Wins a test needs but does
not test the recording of are written in-process through the core (a subprocess costs ~0.2 s).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from smallwins_desktop import __version__
from smallwins_desktop.core import queries, wins
from smallwins_desktop.core.db import open_store
from smallwins_desktop.core.migrations import LATEST_VERSION

SMALLWINS = Path(sys.executable).parent / ("smallwins.exe" if os.name == "nt" else "smallwins")
JSON_FIELDS = {
    "uuid",
    "day",
    "kind",
    "text",
    "impact",
    "tags",
    "goal",
    "source",
    "created_at",
    "updated_at",
}


def _run(
    *args: str, data_dir: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    assert SMALLWINS.exists(), f"{SMALLWINS} is missing: install the project (pip install -e .)"
    command = [str(SMALLWINS)]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*command, *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def _ok(*args: str, data_dir: Path, stdin: str | None = None) -> str:
    done = _run(*args, data_dir=data_dir, stdin=stdin)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def _listed(data_dir: Path, *args: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(_ok("list", "--json", *args, data_dir=data_dir))
    return found


def _texts(data_dir: Path, *args: str) -> list[object]:
    return [w["text"] for w in _listed(data_dir, *args)]


def _local_today() -> date:
    return datetime.now().astimezone().date()


def _seed(data_dir: Path, *lines: str) -> None:
    """Record capture lines directly, as `smallwins add` would."""
    with open_store(data_dir) as store:
        for line in lines:
            wins.add(store, line, today=_local_today(), now=datetime.now().astimezone())


def _stored(data_dir: Path) -> list[wins.WinRecord]:
    """Every win in the database, deleted or not, read in-process."""
    with open_store(data_dir) as store:
        return queries.list_wins(store, deleted=None)


def _assert_user_error(done: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("smallwins: ")
    for fragment in fragments:
        assert fragment in lines[0]


# -- add and list --------------------------------------------------------------------------------


def test_add_then_list_shows_the_win(data_dir: Path) -> None:
    added = _ok("add", "2026-11-20:", "Fixed the flaky test", "#testing", "!!", data_dir=data_dir)
    listed = _ok("list", "--since", "2026-11-20", "--until", "2026-11-20", data_dir=data_dir)

    assert added.strip() == "Saved: Fixed the flaky test #testing !!"
    [win] = _listed(data_dir, "--since", "2026-11-20")
    assert listed.splitlines() == [
        "Fri 20 Nov 2026",
        f"  {str(win['uuid'])[:7]}  Fixed the flaky test #testing !!",
    ]


def test_add_dash_reads_a_multi_line_win_from_stdin(data_dir: Path) -> None:
    _ok("add", "-", data_dir=data_dir, stdin="2026-11-20: First line\nsecond line #multi\n")

    [win] = _listed(data_dir, "--tag", "multi")
    assert win["text"] == "First line\nsecond line"
    assert win["day"] == "2026-11-20"


def test_a_setback_is_acknowledged_as_one(data_dir: Path) -> None:
    out = _ok("add", "2026-11-20: setback: The build broke", data_dir=data_dir)

    assert out.strip() == "Setback noted: The build broke"


def test_list_json_has_the_documented_fields(data_dir: Path) -> None:
    _ok("add", "2026-11-19: setback: Lost the keys #home !!!", data_dir=data_dir)

    [win] = _listed(data_dir, "--since", "2026-11-19", "--until", "2026-11-19")

    assert set(win) == JSON_FIELDS
    assert win["day"] == "2026-11-19"
    assert win["kind"] == "setback"
    assert win["text"] == "Lost the keys"
    assert win["impact"] == 3
    assert win["tags"] == ["home"]
    assert win["goal"] is None
    assert win["source"] == "cli"
    for stamp in (win["created_at"], win["updated_at"]):
        assert isinstance(stamp, str)
        assert datetime.fromisoformat(stamp).utcoffset() is not None


def test_list_json_with_nothing_found_is_an_empty_array(data_dir: Path) -> None:
    assert _listed(data_dir) == []


def test_emoji_cjk_and_right_to_left_text_survive_the_command_line(data_dir: Path) -> None:
    text = "Shipped 🎉 今日は良い日 שלום עולם"
    _ok("add", f"2026-11-20: {text}", data_dir=data_dir)

    assert _texts(data_dir, "--since", "2026-11-20") == [text]


def test_list_today_shows_only_todays_wins(data_dir: Path) -> None:
    _seed(data_dir, "Recorded today", "2020-01-01: Long ago")

    assert _texts(data_dir, "--today") == ["Recorded today"]


def test_list_shows_the_last_days_by_default(data_dir: Path) -> None:
    _seed(data_dir, "yesterday: Recorded yesterday", "2020-01-01: Long ago")

    listed = _ok("list", data_dir=data_dir)

    assert "  Recorded yesterday" in listed
    assert "Long ago" not in listed


def test_list_since_and_until_are_inclusive(data_dir: Path) -> None:
    _seed(data_dir, *(f"{day}: Win on {day}" for day in ("2026-11-18", "2026-11-19", "2026-11-20")))

    assert _texts(data_dir, "--since", "2026-11-19") == ["Win on 2026-11-19", "Win on 2026-11-20"]
    assert _texts(data_dir, "--until", "2026-11-19") == ["Win on 2026-11-18", "Win on 2026-11-19"]
    assert _texts(data_dir, "--since", "2026-11-19", "--until", "2026-11-19") == [
        "Win on 2026-11-19"
    ]


def test_list_since_and_until_accept_day_words(data_dir: Path) -> None:
    _seed(data_dir, "Recorded today", "2020-01-01: Long ago")

    assert _texts(data_dir, "--since", "yesterday", "--until", "today") == ["Recorded today"]


def test_list_by_tag_and_by_search(data_dir: Path) -> None:
    _seed(
        data_dir,
        "2026-11-20: Fixed the flaky login test #Testing",
        "2026-11-20: Went for a run #health",
    )

    assert _texts(data_dir, "--tag", "#Testing") == ["Fixed the flaky login test"]
    assert _texts(data_dir, "--search", 'flak "login') == ["Fixed the flaky login test"]
    assert _ok("list", "--tag", "nothing", data_dir=data_dir).strip() == "No wins found."


def test_a_search_over_all_time_lists_the_newest_and_says_how_many_more(data_dir: Path) -> None:
    from smallwins_desktop.cli import common

    lines = [
        f"2026-{m:02d}-{d:02d}: Tuned the parser, round {m}-{d}" for m in (9, 10) for d in (1, 2, 3)
    ]
    _seed(data_dir, *lines, "2026-10-04: Something else")
    done = _run("list", "--search", "parser", "--limit", "4", data_dir=data_dir)
    assert done.returncode == 0
    listed = [line.split("  ", 2)[-1] for line in done.stdout.splitlines() if line.startswith("  ")]
    assert listed == [  # the newest four, oldest of them first, as a log reads
        "Tuned the parser, round 9-3",
        "Tuned the parser, round 10-1",
        "Tuned the parser, round 10-2",
        "Tuned the parser, round 10-3",
    ]
    assert "The newest 4 of 6 are shown" in done.stderr
    everything = _ok("list", "--search", "parser", "--all", data_dir=data_dir)
    assert everything.count("Tuned the parser") == 6
    assert len(_texts(data_dir, "--search", "parser")) == 6  # --json lists every match
    assert len(_texts(data_dir, "--search", "parser", "--limit", "2")) == 2
    ranged = _run("list", "--search", "parser", "--since", "2026-10-02", data_dir=data_dir)
    assert ranged.stdout.count("Tuned the parser") == 2  # a range is listed whole
    assert "newest" not in ranged.stderr
    assert common.SEARCH_LIST_LIMIT >= 50
    refused = _run("list", "--limit", "0", data_dir=data_dir)
    assert refused.returncode != 0
    assert "--limit" in refused.stderr


# -- errors and exit codes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--since", "someday"),
        ("list", "--until", "2026-02-30"),
        ("list", "--since", "2026-11-20", "--until", "2026-11-19"),
    ],
)
def test_a_bad_day_is_a_one_line_user_error(data_dir: Path, args: tuple[str, ...]) -> None:
    _assert_user_error(_run(*args, data_dir=data_dir))


@pytest.mark.parametrize("text", ["   ", "#only #tags !!", "2026-11-20:"])
def test_empty_text_is_refused_and_nothing_saved(data_dir: Path, text: str) -> None:
    _assert_user_error(_run("add", text, data_dir=data_dir), "Nothing to save")

    assert _stored(data_dir) == []


def test_too_long_text_is_refused_naming_the_limit(data_dir: Path) -> None:
    _assert_user_error(_run("add", "x" * 2_001, data_dir=data_dir), "2,000")

    assert _stored(data_dir) == []


def test_an_unknown_goal_saves_the_win_with_a_note(data_dir: Path) -> None:
    done = _run("add", "2026-11-20: Drafted the plan +moonshot", data_dir=data_dir)

    assert done.returncode == 0
    assert "no goal +moonshot" in done.stderr
    assert "Traceback" not in done.stderr
    [win] = _stored(data_dir)
    assert (win.text, win.goal) == ("Drafted the plan", None)


def test_a_known_goal_links(data_dir: Path) -> None:
    _ok("goal", "add", "Release 2", "--slug", "release-2", data_dir=data_dir)
    done = _run("add", "2026-11-20: Wrote the changelog +release-2", data_dir=data_dir)

    assert (done.returncode, done.stderr) == (0, "")
    assert [w.goal for w in _stored(data_dir)] == ["release-2"]
    assert "+release-2  Release 2  [------]" in _ok("goal", "list", data_dir=data_dir)


def test_an_invalid_iso_date_files_under_today_with_a_note(data_dir: Path) -> None:
    done = _run("add", "2026-02-30: Planned the sprint", data_dir=data_dir)

    assert done.returncode == 0
    assert "not a valid date" in done.stderr
    assert [(w.text, w.day) for w in _stored(data_dir)] == [
        ("2026-02-30: Planned the sprint", _local_today())
    ]


@pytest.mark.parametrize(
    "args",
    [("add",), ("list", "--bogus"), ("frobnicate",), ("goal",), ("list", "--since")],
)
def test_usage_errors_exit_2(data_dir: Path, args: tuple[str, ...]) -> None:
    done = _run(*args, data_dir=data_dir)

    assert done.returncode == 2
    assert "usage:" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unwritable_data_dir_is_a_clear_user_error(tmp_path: Path) -> None:
    # A directory cannot be made under a regular file, whoever runs the test (even root).
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    data_dir = blocker / "sub"

    for args in (("add", "A win"), ("doctor",)):
        _assert_user_error(_run(*args, data_dir=data_dir), str(blocker))
    assert blocker.read_text() == "not a directory"


# -- doctor, version, data dir -------------------------------------------------------------------


def test_doctor_reports_where_the_data_is_and_that_it_is_healthy(data_dir: Path) -> None:
    _seed(data_dir, "2026-11-20: One #a", "2026-11-20: setback: Two")

    lines = _ok("doctor", data_dir=data_dir).splitlines()
    report = dict(line.split(":", 1) for line in lines[1:])
    fields = {key: value.strip() for key, value in report.items()}

    assert lines[0] == f"Small Wins {__version__}"
    assert fields["Data dir"].startswith(str(data_dir))
    assert fields["Database"].startswith(str(data_dir / "smallwins.db"))
    assert fields["Schema version"].startswith(f"{LATEST_VERSION} ")
    assert fields["Integrity"].startswith("ok (checked in full today")  # _seed checked it
    assert fields["Wins"] == "1 (1 setbacks, 0 deleted)"
    assert fields["Tags"] == "1"
    assert fields["Goals"] == "0 (0 active)"


def _integrity(data_dir: Path, *args: str) -> str:
    for line in _ok("doctor", *args, data_dir=data_dir).splitlines():
        if line.startswith("Integrity:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError("no Integrity line")


def test_doctor_checks_the_whole_file_when_anything_else_touched_it_or_when_asked(
    data_dir: Path,
) -> None:
    _seed(data_dir, "One")
    assert _integrity(data_dir, "--full") == "ok"
    db = data_dir / "smallwins.db"
    os.utime(db, ns=(db.stat().st_atime_ns, db.stat().st_mtime_ns + 1_000))  # touched
    assert _integrity(data_dir) == "ok (the whole file, checked just now)"
    assert _integrity(data_dir).startswith("ok (checked in full today")


def test_version_prints_the_version() -> None:
    done = _run("--version")

    assert (done.returncode, done.stdout.strip()) == (0, f"smallwins {__version__}")


def test_version_imports_neither_qt_nor_peewee() -> None:
    script = (
        "import sys\n"
        "from smallwins_desktop import cli\n"
        "try:\n"
        "    cli.main(['--version'])\n"
        "except SystemExit as stop:\n"
        "    assert stop.code == 0, stop.code\n"
        "heavy = ('PySide6', 'shiboken6', 'peewee')\n"
        "print(' '.join(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("smallwins ")
    assert done.stdout.splitlines()[-1].strip() == ""


def test_smallwins_data_dir_is_honoured_and_data_dir_flag_beats_it(
    data_dir: Path, tmp_path: Path
) -> None:
    assert os.environ["SMALLWINS_DATA_DIR"] == str(data_dir)
    other = tmp_path / "other"

    assert _run("add", "2026-11-20: Into the env dir").returncode == 0
    assert _run("add", "2026-11-20: Into the flag dir", data_dir=other).returncode == 0

    assert [w.text for w in _stored(data_dir)] == ["Into the env dir"]
    assert [w.text for w in _stored(other)] == ["Into the flag dir"]


def test_a_damaged_database_is_reported_and_the_command_still_works(data_dir: Path) -> None:
    _seed(data_dir, "2026-11-20: Safe in the backup")
    with open_store(data_dir):  # opening a journal with wins takes the daily backup
        [backup] = (data_dir / "backups").glob("smallwins-*.db")
    database = data_dir / "smallwins.db"
    database.write_bytes(b"garbage" * 1000)

    done = _run("list", "--json", "--since", "2026-11-20", data_dir=data_dir)

    assert done.returncode == 0
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("smallwins: warning: ")
    [damaged] = data_dir.glob("smallwins.db.damaged-*")
    assert str(damaged) in done.stderr
    assert str(backup) in done.stderr
    assert damaged.read_bytes() == b"garbage" * 1000
    assert [w["text"] for w in json.loads(done.stdout)] == ["Safe in the backup"]
    _ok("add", "2026-11-20: Carrying on", data_dir=data_dir)
    assert [w.text for w in _stored(data_dir)] == ["Safe in the backup", "Carrying on"]


# -- edit, delete, restore, trash ----------------------------------------------------------------


def _short_id(data_dir: Path, text: str) -> str:
    for line in _ok("list", "--since", "2000-01-01", data_dir=data_dir).splitlines():
        if line.endswith(text):
            return line.split()[0]
    raise AssertionError(f"{text!r} is not listed")


def test_edit_changes_a_win_named_by_the_id_list_shows(data_dir: Path) -> None:
    _seed(data_dir, "Drafted the plan #planning")
    short = _short_id(data_dir, "Drafted the plan #planning")

    out = _ok(
        "edit",
        short,
        "--text",
        "Drafted and shared the plan",
        "--tags",
        "planning,team",
        "--impact",
        "2",
        "--day",
        "2026-11-18",
        data_dir=data_dir,
    )

    assert out.strip() == "Changed: Wed 18 Nov  Drafted and shared the plan #planning #team !!"
    [win] = _listed(data_dir, "--since", "2000-01-01")
    assert (win["text"], win["tags"], win["impact"], win["day"]) == (
        "Drafted and shared the plan",
        ["planning", "team"],
        2,
        "2026-11-18",
    )
    assert _texts(data_dir, "--search", "shared") == ["Drafted and shared the plan"]


def test_delete_moves_to_the_trash_and_restore_brings_it_back(data_dir: Path) -> None:
    _seed(data_dir, "Kept", "Deleted by mistake")
    short = _short_id(data_dir, "Deleted by mistake")

    deleted = _run("delete", short, data_dir=data_dir)
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout.strip() == "Deleted: Deleted by mistake"
    assert f"smallwins restore {short}" in deleted.stderr
    assert _texts(data_dir, "--since", "2000-01-01") == ["Kept"]
    assert _texts(data_dir, "--search", "mistake") == []
    assert f"  {short}  Deleted by mistake" in _ok("trash", data_dir=data_dir)

    _ok("restore", short[:5], data_dir=data_dir)

    assert _texts(data_dir, "--since", "2000-01-01") == ["Kept", "Deleted by mistake"]
    assert _texts(data_dir, "--search", "mistake") == ["Deleted by mistake"]
    assert _ok("trash", data_dir=data_dir).strip() == "The trash is empty."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("edit", "12", "--text", "x"), "is not a win id"),
        (("edit", "ffffffff", "--text", "x"), "There is no win with the id ffffffff"),
        (("edit", "ffffffff"), "Nothing to change"),
        (("delete", "not-hex!"), "is not a win id"),
        (("restore", "abcd"), "There is no win with the id abcd"),
    ],
)
def test_a_bad_win_id_is_one_line_and_changes_nothing(
    data_dir: Path, args: tuple[str, ...], message: str
) -> None:
    _seed(data_dir, "Untouched")
    done = _run(*args, data_dir=data_dir)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert message in done.stderr
    assert _texts(data_dir, "--since", "2000-01-01") == ["Untouched"]


# -- config --------------------------------------------------------------------------------------


def test_config_set_then_get_round_trips_through_the_database(data_dir: Path) -> None:
    assert _ok("config", "set", "reminders.end_of_day.time", "18:05", data_dir=data_dir) == (
        "reminders.end_of_day.time = 18:05\n"
    )
    assert _ok("config", "get", "reminders.end_of_day.time", data_dir=data_dir) == "18:05\n"
    listed = json.loads(_ok("config", "list", "--json", data_dir=data_dir))
    assert listed["reminders.end_of_day.time"] == "18:05"
    assert listed["streak.workdays"] == [0, 1, 2, 3, 4]
    assert "streak.workdays  " in _ok("config", "list", data_dir=data_dir)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("set", "reminders.end_of_day.time", "25:00"), "a time of day such as 17:30"),
        (("set", "celebrations.style", "loud"), "one of off, subtle, full"),
        (("get", "reminders.bedtime"), "There is no setting 'reminders.bedtime'"),
    ],
)
def test_config_refuses_bad_keys_and_values_with_one_line_and_writes_nothing(
    data_dir: Path, args: tuple[str, ...], message: str
) -> None:
    done = _run("config", *args, data_dir=data_dir)

    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not data_dir.exists()  # refused before the database was opened


def test_config_reset_puts_the_default_back(data_dir: Path) -> None:
    _ok("config", "set", "appearance.theme", "dark", data_dir=data_dir)
    assert _ok("config", "reset", "appearance.theme", data_dir=data_dir) == (
        "appearance.theme = system\n"
    )


# -- reflect -------------------------------------------------------------------------------------


def test_reflect_asks_after_listing_the_days_wins_and_saves_the_answers(data_dir: Path) -> None:
    _seed(data_dir, "Shipped the beta #work", "setback: The build broke")
    done = _run(
        "reflect",
        data_dir=data_dir,
        stdin="The beta went out\n\nPairing with Sam\nThe release notes\nseven\n4\n",
    )
    assert done.returncode == 0, done.stderr
    assert "  - Shipped the beta" in done.stdout
    assert "Setbacks:\n  - The build broke" in done.stdout
    assert "A number from 1 to 5" in done.stdout  # "seven" asked again
    shown = _ok("reflect", "--show", data_dir=data_dir)
    assert "What moved forward? The beta went out" in shown
    assert "What got in the way?" not in shown  # skipped
    assert "Where will you pick up tomorrow? The release notes" in shown
    assert "Confidence: 4/5 (quite)" in shown


def test_reflect_with_options_asks_nothing_and_keeps_earlier_answers(data_dir: Path) -> None:
    _ok("reflect", "--moved-forward", "The parser", "--confidence", "3", data_dir=data_dir)
    _ok("reflect", "--helped", "A quiet morning", data_dir=data_dir)
    shown = _ok("reflect", "--show", data_dir=data_dir)
    assert "What moved forward? The parser" in shown
    assert "What helped? A quiet morning" in shown
    assert "Confidence: 3/5" in shown
    yesterday = _ok("reflect", "--show", "--day", "yesterday", data_dir=data_dir)
    assert yesterday.startswith("No reflection on")


def test_reflect_refuses_bad_answers_with_a_message(data_dir: Path) -> None:
    _assert_user_error(_run("reflect", "--helped", "x" * 2_001, data_dir=data_dir), "at most 2,000")
    assert _run("reflect", "--confidence", "9", data_dir=data_dir).returncode == 2
    _assert_user_error(_run("reflect", "--day", "tomorrow", data_dir=data_dir), "--day")
