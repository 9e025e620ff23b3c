"""The pieces the `capture`/`add` fast path writes itself, to spare the imports of json, uuid
and hashlib: each must do what the library it stands in for does."""

from __future__ import annotations

import json
import os
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
