"""The command line answers faults with one line, never a traceback, and saves nothing bad.

Each of these printed a Python traceback on the old code.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from smallwins_desktop.core import queries, wins
from smallwins_desktop.core.db import open_store

_NOW = datetime.now(timezone.utc)


def _today() -> date:
    return datetime.now().astimezone().date()


SMALLWINS = str(Path(sys.executable).with_name("smallwins"))


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [SMALLWINS, *args], input=stdin, capture_output=True, timeout=60, check=False
    )


def test_invalid_utf8_on_stdin_is_refused_in_one_line(data_dir: Path) -> None:
    result = _run("add", "-", stdin=b"x\xff")
    assert result.returncode == 1
    assert result.stderr.decode() == (
        "smallwins: Standard input is not UTF-8 text (byte 0xff at position 1); "
        "nothing was saved.\n"
    )


def test_a_missing_table_is_reported_in_one_line(data_dir: Path) -> None:
    assert _run("add", "First win").returncode == 0
    conn = sqlite3.connect(data_dir / "smallwins.db")
    conn.execute("DROP TABLE win_fts")
    conn.commit()
    conn.close()

    result = _run("add", "Second win")

    assert result.returncode == 1
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert "missing part of its structure" in err


def test_list_into_a_closed_pipe_stops_quietly(data_dir: Path) -> None:
    # More output than a pipe buffers, so the write after the reader leaves really fails.
    with open_store(data_dir) as store:
        for i in range(3_000):
            wins.add(store, f"Win number {i}, long enough to fill a pipe", today=_today(), now=_NOW)
    proc = subprocess.Popen([SMALLWINS, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert b"Traceback" not in err
    assert err == b""


def test_a_win_with_a_day_that_is_no_date_is_named_once_and_the_rest_listed(
    data_dir: Path,
) -> None:
    """A row edited by hand (or a damaged page) must not make the whole journal unreadable."""
    with open_store(data_dir) as store:
        wins.add(store, "Readable win", today=_today(), now=_NOW)
        broken = wins.add(store, "Win with a broken day", today=_today(), now=_NOW).win
    conn = sqlite3.connect(data_dir / "smallwins.db")
    conn.execute("UPDATE win SET day = '2026-13-45' WHERE uuid = ?", (broken.uuid,))
    conn.commit()
    conn.close()

    listed = _run("list")
    doctor = _run("doctor")

    assert listed.returncode == 0
    assert "Readable win" in listed.stdout.decode()
    assert listed.stderr.decode().count("\n") == 1
    assert "not listed; `smallwins doctor` names them" in listed.stderr.decode()
    assert doctor.returncode == 0, doctor.stderr.decode()
    assert f"{broken.uuid} (day '2026-13-45')" in doctor.stdout.decode()
    with open_store(data_dir) as store:  # kept as it is, to be fixed, not dropped
        assert [uuid for uuid, _ in queries.unreadable(store)] == [broken.uuid]
        assert queries.total(store) == 2
