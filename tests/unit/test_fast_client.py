"""The pieces the `capture`/`add` fast path writes itself, to spare the imports of json, uuid
and hashlib: each must do what the library it stands in for does."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smallwins_desktop import ipc, paths
from smallwins_desktop.entry import new_win_id

_SCALARS = st.one_of(st.text(), st.integers(), st.booleans(), st.none())
_KEYS = st.text().filter(lambda key: key != "v")  # the version is encode's to write
_FLAT = st.dictionaries(_KEYS, _SCALARS, max_size=5)


def _json_line(message: dict[str, object]) -> bytes:
    return json.dumps({"v": ipc.PROTOCOL_VERSION, **message}, ensure_ascii=False).encode() + b"\n"


@given(_FLAT)
def test_a_request_is_written_byte_for_byte_as_json_writes_it(message: dict[str, object]) -> None:
    try:
        expected = _json_line(message)
    except UnicodeEncodeError:  # a lone surrogate: see the next test
        return
    assert ipc.encode(message) == expected


@given(st.dictionaries(_KEYS, st.one_of(_SCALARS, st.lists(st.text())), max_size=5))
def test_any_message_reads_back_as_it_was_sent(message: dict[str, object]) -> None:
    assert ipc.decode(ipc.encode(message).rstrip(b"\n")) == {"v": 1, **message}


def test_text_that_is_not_valid_unicode_still_makes_a_valid_line() -> None:
    """Bytes on the command line that do not decode arrive as lone surrogates."""
    message = {"cmd": "add", "text": "caf\udce9 \u00e9", "id": "x"}
    line = ipc.encode(message)
    line.decode("utf-8")  # valid UTF-8, so the app can read it
    assert ipc.decode(line.rstrip(b"\n"))["text"] == "caf\udce9 \u00e9"


@pytest.mark.parametrize("text", ['say "done"', "back\\slash", "tab\tnew\nline\r", "\x00\x1f\x7f"])
def test_characters_json_escapes_are_escaped(text: str) -> None:
    line = ipc.encode({"text": text})
    assert b"\n" not in line.rstrip(b"\n")  # one message, one line
    assert line == _json_line({"text": text})


def test_the_plain_ok_reply_reads_as_any_other() -> None:
    line = ipc.encode({"ok": True}).rstrip(b"\n")
    assert ipc.decode(line) == json.loads(line) == {"v": 1, "ok": True}
    with pytest.raises(ipc.ProtocolError):
        ipc.decode(b'{"v": 2, "ok": true}')


def test_a_new_win_id_is_a_random_uuid_in_its_usual_form() -> None:
    ids = {new_win_id() for _ in range(200)}
    assert len(ids) == 200
    for text in ids:
        value = uuid.UUID(text)
        assert value.version == 4
        assert value.variant == uuid.RFC_4122
        assert str(value) == text


def test_the_instance_key_names_the_data_dir_however_it_is_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "link").symlink_to(data)
    monkeypatch.chdir(tmp_path)
    key = paths.instance_key(data)
    assert len(key) == 16
    spellings = ["data", "./data/", str(tmp_path / "link"), f"{tmp_path}/x/../data"]
    assert {paths.instance_key(s) for s in spellings} == {key}
    assert ipc.socket_name(paths.data_dir_text("link")) == ipc.socket_name(data)


def test_the_instance_key_differs_by_data_dir_and_by_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = {paths.instance_key(tmp_path / f"profile-{n}") for n in range(1000)}
    assert len(keys) == 1000
    mine = paths.instance_key(tmp_path)
    monkeypatch.setenv("USER", f"{os.environ.get('USER', '')}-someone-else")
    assert paths.instance_key(tmp_path) != mine


def test_the_data_dir_text_is_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.data_dir_text("~/x") == str(paths.data_dir("~/x"))
    assert paths.data_dir_text("rel") == str(tmp_path / "rel")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "env"))
    assert paths.data_dir_text() == str(paths.data_dir()) == str(tmp_path / "env")


def test_the_instance_key_is_the_one_earlier_versions_listen_on(tmp_path: Path) -> None:
    """An app started before an upgrade keeps its socket's name: the new `capture` must find
    it there, or a second tray app starts beside it."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(os.getuid())
    before = hashlib.sha256(f"{user}\0{tmp_path.resolve()}".encode()).hexdigest()[:16]
    assert paths.instance_key(tmp_path) == before


def _add_with_no_app(*words: str, **streams: object) -> subprocess.CompletedProcess[bytes]:
    """`smallwins add WORDS` as the console script runs it (the test's data and runtime dirs
    come from the environment)."""
    script = "import sys; from smallwins_desktop.entry import main; sys.exit(main())"
    run: dict[str, object] = {"capture_output": True, **streams}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", script, "add", *words], timeout=60, check=False, **run
    )


def test_an_add_with_its_output_closed_saves_the_win_and_succeeds(data_dir: Path) -> None:
    """`smallwins add ... >&-` from a launcher: nothing to print to, and no reason to fail
    (a launcher that retries on failure would save the win twice)."""
    done = _add_with_no_app(
        "Saved",
        "with",
        "no",
        "stdout",
        capture_output=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "smallwins_desktop", "list"], capture_output=True, text=True
    )
    assert "Saved with no stdout" in listed.stdout


def test_an_add_of_bytes_that_are_not_utf8_says_so_and_saves_nothing(data_dir: Path) -> None:
    done = _add_with_no_app(os.fsdecode(b"caf\xe9"), "works")
    assert done.returncode == 1
    assert done.stderr.decode().strip().splitlines() == [
        "smallwins: The text is not UTF-8 (byte 0xe9 at character 4); nothing was saved."
    ]
    listed = subprocess.run(
        [sys.executable, "-m", "smallwins_desktop", "list"], capture_output=True, text=True
    )
    assert listed.stdout.strip() == "No wins yet in this range."


def test_a_message_json_must_write_itself_is_written_as_json_writes_it() -> None:
    for message in ({1: "a number for a key"}, {"notes": ["a", "list"]}, {"x": 1.5}):
        assert ipc.encode(message) == _json_line(message)  # type: ignore[arg-type]
