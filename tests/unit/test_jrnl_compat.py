"""jrnl compatibility, checked against jrnl itself (in its own venv, .venv-jrnl, made by `make
test`), not our reading of its format: journals jrnl wrote come in as the same entries, and jrnl
reads our exports as the same entries we wrote."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date, datetime, time, timezone
from pathlib import Path

import pytest

from smallwins_desktop.core import wins
from smallwins_desktop.core.capture import Draft
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.exchange import export_wins, import_file
from smallwins_desktop.core.wins import WinFilter
from tests.exchange_data import NOW, ZONE, fill
from tests.jrnl_tool import jrnl_path

JRNL = jrnl_path()
CONFIG = """\
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: false
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
display_format: pretty
"""


class Jrnl:
    """The jrnl command on one journal file, with its own config and home."""

    def __init__(self, home: Path, journal: Path) -> None:
        self.home = home
        self.config = home / "jrnl.yaml"
        home.mkdir(parents=True, exist_ok=True)
        self.config.write_text(CONFIG.replace("{journal}", str(journal)), encoding="utf-8")

    def __call__(self, *args: str) -> str:
        env = {
            **os.environ,
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_DATA_HOME": str(self.home / "data"),
            "TZ": "UTC",
        }
        done = subprocess.run(
            [str(JRNL), "--config-file", str(self.config), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def entries(self) -> dict[str, object]:
        return json.loads(self("--format", "json"))  # type: ignore[no-any-return]


def _comparable(entries: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return sorted(
        (e["date"], e["time"], e["title"], e["body"], e["starred"], sorted(e["tags"]))  # type: ignore[type-var, arg-type]
        for e in entries
    )


def test_jrnl_is_installed_for_these_tests() -> None:
    assert JRNL.exists(), f"{JRNL} not found: `make test` installs jrnl 4.6 there"


@pytest.fixture
def written_by_jrnl(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    """A journal jrnl wrote: tags, a starred entry, a multi-line body, back-dated entries."""
    journal = tmp_path / "journal.txt"
    jrnl = Jrnl(tmp_path / "jrnl-home", journal)
    jrnl("2026-10-02 08:05: Shipped the beta #release. It went well @team *")
    jrnl("2026-11-19 17:45: setback: The demo broke #release")
    jrnl("2026-11-20 10:00: Gave the talk\nThe room was full.\n\nQuestions ran long #talks")
    jrnl("2026-11-20 11:30: Paired on the flaky test @maria #qa")
    return journal, jrnl.entries()


def test_a_journal_jrnl_wrote_comes_in_as_its_entries(
    store: Store, tmp_path: Path, written_by_jrnl: tuple[Path, dict[str, object]]
) -> None:
    _, exported = written_by_jrnl
    path = tmp_path / "exported.json"
    path.write_text(json.dumps(exported), encoding="utf-8")

    result = import_file(store, path, "jrnl-json", now=NOW, zone=ZONE)

    assert result.added == 4
    found = {w.text: w for w in wins.list_wins(store, since=date(2000, 1, 1))}
    beta = found["Shipped the beta #release. It went well"]
    assert (beta.day, beta.impact, beta.tags) == (date(2026, 10, 2), 3, ("release", "team"))
    assert beta.created_at == datetime(2026, 10, 2, 8, 5, tzinfo=timezone.utc)
    assert found["The demo broke"].kind == "setback"
    assert found["The demo broke"].tags == ("release",)
    talk = found["Gave the talk\nThe room was full.\n\nQuestions ran long"]
    assert talk.tags == ("talks",)
    assert found["Paired on the flaky test"].tags == ("maria", "qa")


def test_jrnl_json_and_the_text_journal_jrnl_wrote_are_the_same_wins(
    store: Store, tmp_path: Path, written_by_jrnl: tuple[Path, dict[str, object]]
) -> None:
    journal, exported = written_by_jrnl
    path = tmp_path / "exported.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    import_file(store, journal, "jrnl-txt", now=NOW, zone=ZONE)
    listed = wins.list_wins(store, since=date(2000, 1, 1))

    again = import_file(store, path, "jrnl-json", now=NOW, zone=ZONE)

    assert (again.added, again.skipped) == (0, 4)
    assert len(listed) == 4


@pytest.mark.parametrize("fmt", ["jrnl-txt", "jrnl-json"])
def test_jrnl_reads_our_export_as_the_entries_we_wrote(
    store: Store, tmp_path: Path, fmt: str
) -> None:
    fill(store)
    wins.add_draft(
        store,
        Draft("Wrote the plan\nwith the team\n\nand shared it", date(2026, 11, 5), impact=3),
        now=NOW,
        source="cli",
    )
    ours = tmp_path / "ours.json"
    with open(ours, "w", encoding="utf-8") as out:
        export_wins(store, "jrnl-json", out, WinFilter(), now=NOW, zone=ZONE)
    journal = tmp_path / "ours.txt"
    with open(journal, "w", encoding="utf-8") as out:
        export_wins(store, "jrnl-txt", out, WinFilter(), now=NOW, zone=ZONE)

    read_back = Jrnl(tmp_path / "jrnl-home", journal).entries()

    written = json.loads(ours.read_text(encoding="utf-8"))
    assert _comparable(read_back["entries"]) == _comparable(written["entries"])  # type: ignore[arg-type]
    assert read_back["tags"] == written["tags"]
    assert len(written["entries"]) == 5
    assert time(15, 30).strftime("%H:%M") in {e["time"] for e in written["entries"]}


def test_a_long_entry_jrnl_wrote_comes_in_whole_from_its_text_and_its_json(
    store: Store, tmp_path: Path
) -> None:
    journal = tmp_path / "journal.txt"
    jrnl = Jrnl(tmp_path / "jrnl-home", journal)
    paragraph = " ".join(f"Sentence {n} of a long look back at the year." for n in range(12))
    body = "\n\n".join(paragraph for _ in range(8))  # about 4,400 characters
    jrnl(f"2026-11-19 21:15: The year in review\n{body} #retro")
    jrnl("2026-11-20 09:00: A short one #qa")
    exported = tmp_path / "exported.json"
    exported.write_text(json.dumps(jrnl.entries()), encoding="utf-8")

    result = import_file(store, journal, "jrnl-txt", now=NOW, zone=ZONE)
    again = import_file(store, exported, "jrnl-json", now=NOW, zone=ZONE)

    assert [s.where for s in result.split] == ["journal.txt line 1"]
    parts = result.split[0].parts
    assert (result.added, again.added, again.skipped) == (parts + 1, 0, parts + 1)
    found = wins.list_wins(store, since=date(2000, 1, 1))
    pieces = sorted(
        (w for w in found if "(part " in w.text), key=lambda w: w.text.rsplit("(part ", 1)[1]
    )
    text = "\n".join(w.text.rsplit(" (part ", 1)[0] for w in pieces)
    assert " ".join(text.split()) == " ".join(f"The year in review {body}".split())
    assert all(w.tags == ("retro",) for w in pieces)
