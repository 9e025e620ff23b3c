"""Export and import: the user's wins are theirs, in formats other tools read.

Formats (these names are an interface scripts use; keep them):

    md          a brag document for a review (export only)          markdown.py
    csv         one row per win, for spreadsheets                   csvfile.py
    json        ours: versioned and lossless, wins in the trash too  ourjson.py
    jrnl-json   what `jrnl --format json` writes                    jrnl.py
    jrnl-txt    a jrnl text journal                                 jrnl.py

`export_wins` streams the wins a `WinFilter` picks into a text stream; `read_file` reads an
import file into an `Incoming` whose wins stream from the file; `importer.apply` saves it
all or nothing. Nothing here knows about the CLI or Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TextIO

from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.errors import ExchangeError
from smallwins_desktop.core.exchange import csvfile, jrnl, markdown, ourjson
from smallwins_desktop.core.exchange.importer import ImportResult, apply
from smallwins_desktop.core.exchange.incoming import Incoming
from smallwins_desktop.core.queries import WinFilter

EXPORT_FORMATS = ("md", "csv", "json", "jrnl-json", "jrnl-txt")
IMPORT_FORMATS = ("json", "csv", "jrnl-json", "jrnl-txt")
SUFFIXES = {"md": ".md", "csv": ".csv", "json": ".json", "jrnl-json": ".json", "jrnl-txt": ".txt"}
DEFAULT_TIME_FORMAT = jrnl.DEFAULT_TIME_FORMAT
_SNIFF_CHARS = 1 << 16
_OURS = re.compile(r'"format"\s*:\s*"smallwins"')

__all__ = [
    "DEFAULT_TIME_FORMAT",
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "ImportResult",
    "Incoming",
    "apply",
    "detect_format",
    "export_wins",
    "import_file",
    "read_file",
]


@uses_store
def export_wins(
    store: Store,
    fmt: str,
    out: TextIO,
    match: WinFilter,
    *,
    now: datetime,
    zone: tzinfo,
    time_format: str = DEFAULT_TIME_FORMAT,
    setbacks: bool = False,
    reflections: bool = False,
) -> int:
    """Write the wins `match` picks in format `fmt`; returns how many were written."""
    if fmt == "md":
        return markdown.write(store, out, match, setbacks=setbacks, reflections=reflections)
    if fmt == "csv":
        return csvfile.write(store, out, match)
    if fmt == "json":
        return ourjson.write(store, out, match, now=now)
    if fmt == "jrnl-json":
        return jrnl.write_json(store, out, match, zone=zone)
    if fmt == "jrnl-txt":
        return jrnl.write_text(store, out, match, zone=zone, time_format=time_format)
    raise ExchangeError(f"'{fmt}' is not an export format: use one of {', '.join(EXPORT_FORMATS)}.")


def detect_format(path: Path) -> str:
    """The import format of `path`, from its name and its first bytes."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".txt", ".jrnl", ".journal"):
        return "jrnl-txt"
    if suffix == ".md":
        raise ExchangeError(
            f"{path.name} is a Markdown brag document: it is for reading and cannot be "
            "imported. Import the json export instead."
        )
    try:
        with open(path, encoding="utf-8", errors="replace") as head:
            start = head.read(_SNIFF_CHARS)
    except OSError as error:
        raise ExchangeError(f"{path} cannot be read: {error.strerror or error}.") from None
    stripped = start.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return "json" if _OURS.search(start) else "jrnl-json"
    if stripped.startswith("["):
        return "jrnl-txt"
    raise ExchangeError(
        f"Cannot tell what kind of file {path.name} is: give --format "
        f"({', '.join(IMPORT_FORMATS)})."
    )


def read_file(
    path: Path,
    fmt: str,
    *,
    now: datetime,
    zone: tzinfo,
    time_format: str = DEFAULT_TIME_FORMAT,
) -> Incoming:
    """The file's contents, checked as they are read (see each format's module)."""
    if fmt == "json":
        return ourjson.read(path)
    if fmt == "csv":
        return csvfile.read(path, now=now)
    if fmt == "jrnl-json":
        return jrnl.read_json(path, zone=zone)
    if fmt == "jrnl-txt":
        return jrnl.read_text(path, zone=zone, time_format=time_format)
    raise ExchangeError(f"'{fmt}' is not an import format: use one of {', '.join(IMPORT_FORMATS)}.")


@uses_store
def import_file(
    store: Store,
    path: Path,
    fmt: str | None = None,
    *,
    now: datetime,
    zone: tzinfo,
    time_format: str = DEFAULT_TIME_FORMAT,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import `path` (format `fmt`, or detected) all or nothing; see `importer`."""
    chosen = fmt or detect_format(path)
    incoming = read_file(path, chosen, now=now, zone=zone, time_format=time_format)
    return apply(store, incoming, now=now, dry_run=dry_run, progress=progress)
