"""Reading an import file as text, with a clear error for one that is not text.

Files are read a chunk at a time (never whole), as UTF-8 with or without a byte-order mark.
A byte that is not UTF-8 (a binary file, a file in another encoding) stops the import with
the position of that byte; nothing has been written by then.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from smallwins_desktop.core.errors import ExchangeError

CHUNK_BYTES = 1 << 16


def text_chunks(path: Path) -> Iterator[str]:
    """The file's text, `CHUNK_BYTES` at a time."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset = 0
    with _open(path) as raw:
        while True:
            block = raw.read(CHUNK_BYTES)
            try:
                text = decoder.decode(block, final=not block)
            except UnicodeDecodeError as error:
                raise not_text(path, offset + error.start - len(decoder.getstate()[0])) from None
            if text:
                yield text
            if not block:
                return
            offset += len(block)


def text_lines(path: Path) -> Iterator[str]:
    """The file's lines, each with its line ending ('\\n', '\\r\\n' or '\\r' kept)."""
    with _open(path) as raw:
        wrapper = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        number = 0
        try:
            for number, line in enumerate(wrapper, start=1):  # noqa: B007
                yield line
        except UnicodeDecodeError:
            raise ExchangeError(
                f"{path.name} is not UTF-8 text (a byte near line {number + 1} is not); "
                "nothing was imported."
            ) from None


def csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each record of a CSV file; a record whose quoted cell spans
    lines is numbered by the line it starts on."""
    reader = csv.reader(text_lines(path))
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ExchangeError(
                f"{path.name} line {reader.line_num}: not CSV ({error}); nothing was imported."
            ) from None
        yield start, row


def not_text(path: Path, position: int) -> ExchangeError:
    return ExchangeError(
        f"{path.name} is not UTF-8 text (the byte near position {position} is not): is it "
        "the right file? Nothing was imported."
    )


def _open(path: Path) -> io.BufferedReader:
    try:
        return open(path, "rb")
    except IsADirectoryError:
        raise ExchangeError(f"{path} is a folder, not a file.") from None
    except FileNotFoundError:
        raise ExchangeError(f"There is no file {path}.") from None
    except PermissionError:
        raise ExchangeError(f"{path} cannot be read: permission denied.") from None
