"""A JSON object read a piece at a time: its big arrays stream, one element at a time.

Our export and jrnl's put every entry in one array (`wins`, `entries`). `read_object` yields
the object's members in file order; a member named in `streamed` whose value is an array
comes as an iterator of `(element, line)` pairs, decoded one element at a time with the
standard library's decoder, so memory holds one element and one chunk, however long the
file. Anything that is not JSON raises `ExchangeError` with the line and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from smallwins_desktop.core.errors import ExchangeError

MAX_VALUE_CHARS = 4 << 20
"""One element (or any other member's value) larger than this is refused as malformed."""
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Reader:
    def __init__(self, chunks: Iterator[str], name: str) -> None:
        self._chunks = chunks
        self._name = name
        self.buf = ""
        self.pos = 0
        self._line = 1  # the line of buf[_counted_to]
        self._counted_to = 0
        self.eof = False

    def fill(self) -> bool:
        """Read another chunk; False at the end of the file."""
        if self.eof:
            return False
        self._line += self.buf.count("\n", self._counted_to, self.pos)
        self.buf = self.buf[self.pos :]
        self.pos = self._counted_to = 0
        chunk = next(self._chunks, None)
        if chunk is None:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf) or not self.fill():
                return self.buf[self.pos : self.pos + 1]

    def take(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise self.error(f"expected {what}")
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as error:
                if len(self.buf) - self.pos > MAX_VALUE_CHARS or not self.fill():
                    raise self.error(error.msg, at=error.pos) from None
                continue
            if end == len(self.buf) and self.fill():  # a number may go on in the next chunk
                continue
            self.pos = end
            return value

    def line(self) -> int:
        self.peek()
        self._line += self.buf.count("\n", self._counted_to, self.pos)
        self._counted_to = self.pos
        return self._line

    def error(self, what: str, at: int | None = None) -> ExchangeError:
        at = self.pos if at is None else at
        line = self._line + self.buf.count("\n", self._counted_to, at)
        column = at - (self.buf.rfind("\n", 0, at) + 1) + 1
        found = self.buf[at : at + 1]
        if not found:
            where = "the file ends too early (is it cut short?)"
        else:
            where = f"line {line}, column {column}"
        return ExchangeError(
            f"{self._name}: not valid JSON at {where}: {what}. Nothing was imported."
        )


def read_object(
    chunks: Iterator[str], name: str, *, streamed: frozenset[str] = frozenset()
) -> Iterator[tuple[str, Any]]:
    """The members of the JSON object in `chunks`; see the module docstring."""
    reader = _Reader(chunks, name)
    if reader.peek() == "":
        raise ExchangeError(f"{name} is empty: there is nothing to import; nothing was imported.")
    reader.take("{", "a JSON object, starting with '{'")
    if reader.peek() == "}":
        reader.pos += 1
    else:
        while True:
            if reader.peek() != '"':
                raise reader.error("expected a member name in double quotes")
            key = reader.value()
            reader.take(":", "':' after a member name")
            if key in streamed and reader.peek() == "[":
                reader.pos += 1
                items = _elements(reader)
                yield key, items
                for _ in items:  # what the caller left unread
                    pass
            else:
                yield key, reader.value()
            if reader.peek() == ",":
                reader.pos += 1
                continue
            reader.take("}", "',' or '}' after a member")
            break
    if reader.peek() != "":
        raise reader.error("more text after the end of the JSON object")


def _elements(reader: _Reader) -> Iterator[tuple[Any, int]]:
    if reader.peek() == "]":
        reader.pos += 1
        return
    while True:
        line = reader.line()
        yield reader.value(), line
        if reader.peek() == ",":
            reader.pos += 1
            continue
        reader.take("]", "',' or ']' after an entry")
        return
