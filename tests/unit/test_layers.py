"""The layers point one way (DESIGN.md): `core` imports neither Qt nor `app` nor `ipc`;
`app` never imports the CLI; the fast paths of `smallwins` load neither Qt nor peewee."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import smallwins_desktop.core

CORE = Path(smallwins_desktop.core.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "smallwins_desktop.app", "smallwins_desktop.ipc")
CORE_FILES = sorted(CORE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_of(path: Path) -> str:
    name = _module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _imported_names(source: str, package: str) -> list[str]:
    """Every module an import statement anywhere in `source` names, relative ones resolved."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.rsplit(".", node.level - 1)[0]
                module = f"{base}.{module}" if module else base
            names.append(module)
            names += [f"{module}.{alias.name}" for alias in node.names]
    return names


def _is_forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f"{f}.") for f in FORBIDDEN)


def test_the_import_checker_catches_every_form_of_import() -> None:
    source = (
        "import os, PySide6.QtCore\n"
        "from ..app import tray\n"
        "def later():\n"
        "    from shiboken6 import isValid\n"
        "    from smallwins_desktop import app\n"
        "from . import wins\n"
    )

    found = _imported_names(source, "smallwins_desktop.core")

    assert [n for n in found if _is_forbidden(n)] == [
        "PySide6.QtCore",
        "smallwins_desktop.app",
        "smallwins_desktop.app.tray",
        "shiboken6",
        "shiboken6.isValid",
        "smallwins_desktop.app",
    ]
    assert "smallwins_desktop.core.wins" in found
    assert not _is_forbidden("smallwins_desktop.apple")


def test_there_are_core_modules_to_check() -> None:
    assert CORE / "db.py" in CORE_FILES
    assert CORE / "wins.py" in CORE_FILES


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE)))
def test_no_core_source_file_imports_qt_or_the_app(path: Path) -> None:
    names = _imported_names(path.read_text(encoding="utf-8"), _package_of(path))

    offending = [name for name in names if _is_forbidden(name)]

    assert offending == [], f"{path.relative_to(CORE.parent)} imports {offending}"


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [_module_name(p) for p in CORE_FILES]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"forbidden = {FORBIDDEN!r}\n"
        "print(' '.join(sorted(m for m in sys.modules\n"
        "                      if any(m == f or m.startswith(f + '.') for f in forbidden))))\n"
    )

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"importing core loaded: {done.stdout.strip()}"


APP = CORE.parent / "app"
CLI_MODULES = ("smallwins_desktop.cli",)


@pytest.mark.parametrize(
    "path", sorted(APP.rglob("*.py")), ids=lambda p: str(p.relative_to(APP.parent))
)
def test_the_app_layer_never_imports_the_cli(path: Path) -> None:
    names = _imported_names(path.read_text(encoding="utf-8"), _package_of(path))
    assert [n for n in names if any(n == m or n.startswith(f"{m}.") for m in CLI_MODULES)] == [], (
        f"{path.name} imports the CLI; text both show belongs in core"
    )


_LOADED = """
import os, sys
sys.argv = ["smallwins", *sys.argv[1:]]

def said_what_loaded():
    names = sorted(n for n in set(sys.modules) & {names!r} if sys.modules[n] is not None)
    print("LOADED:" + ",".join(names), file=sys.stderr, flush=True)

exit_at_once = os._exit
os._exit = lambda code: (said_what_loaded(), exit_at_once(code))
from smallwins_desktop.entry import main  # as the console script does
code = main()
said_what_loaded()
sys.exit(code)
"""
# Each costs the fast path a millisecond or more to import; the budget is ~8 ms in all.
_QT = {"PySide6", "shiboken6"}
_SLOW = _QT | {"peewee", "argparse", "smallwins_desktop.cli", "socket", "pathlib", "hashlib"}
_SLOW |= {"_hashlib", "uuid", "typing", "contextlib", "struct"}
_JSON = {"json", "re", "enum"}  # reading a reply that says more than "ok" needs json
# With no app, `add` writes the database (peewee and the core load what they need), but it
# builds no parser, reads no IANA zone, needs typing only for annotations, loads neither the
# queries nor the bulk write path, and gives hashlib CPython's digests, not OpenSSL's.
_NOT_TO_WRITE_A_WIN = _QT | {"argparse", "smallwins_desktop.cli.parser", "tzlocal", "zoneinfo"}
_NOT_TO_WRITE_A_WIN |= {"shutil", "_strptime", "typing"}
_NOT_TO_WRITE_A_WIN |= {"smallwins_desktop.core.queries", "smallwins_desktop.core.bulk", "_hashlib"}
_WATCHED = _SLOW | _JSON | _NOT_TO_WRITE_A_WIN


@pytest.mark.parametrize(
    ("args", "reply", "may_load"),
    [
        (["--version"], None, set()),
        (["capture"], {"ok": True}, set()),
        (["add", "Handed to the running app"], {"ok": True, "message": "Saved."}, _JSON),
        (["add", "Written by the command itself"], None, _WATCHED - _NOT_TO_WRITE_A_WIN),
    ],
    ids=["version", "capture", "add", "add-no-app"],
)
def test_the_fast_paths_load_only_what_they_use(
    args: list[str],
    reply: dict[str, object] | None,
    may_load: set[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`--version`; a `capture` or `add` the running app takes (an answering socket stands in
    for it): none loads Qt, peewee, the CLI or the standard modules too slow for it; and an
    `add` with no app, which writes the win without a parser or the zone database."""
    import json
    import shutil
    import socket
    import tempfile
    import threading

    from smallwins_desktop import ipc, paths

    # A runtime dir as short as a session's (/run/user/1000): the socket's name fits in it.
    runtime = tempfile.mkdtemp(prefix="sw-run-")
    monkeypatch.setenv("XDG_RUNTIME_DIR", runtime)
    heard: list[dict[str, object]] = []
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)

    def answer() -> None:
        conn, _ = listener.accept()
        with conn:
            heard.append(json.loads(conn.recv(65536)))
            conn.sendall(json.dumps({"v": 1, **(reply or {})}).encode() + b"\n")

    if reply is not None:  # the running app, as far as the client can tell
        name = ipc.socket_name(paths.data_dir())
        ipc.prepare_socket_dir(name)
        listener.bind(name)
        listener.listen(1)
        threading.Thread(target=answer, daemon=True).start()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _LOADED.format(names=_WATCHED), *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        listener.close()
        shutil.rmtree(runtime)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stderr.rpartition("LOADED:")[2].strip().split(",")) - {""}
    assert loaded <= may_load, f"{args[0]} loaded {sorted(loaded - may_load)}"
    if reply is not None:
        assert [m["cmd"] for m in heard] == ["add" if args[0] == "add" else "show_capture"]
    if args[0] == "add":
        assert done.stdout.strip() == ("Saved." if reply else f"Saved: {args[1]}")


def test_version_is_answered_before_the_cli_is_imported() -> None:
    """`smallwins --version` should cost little more than starting Python."""
    script = (
        "import runpy, sys\n"
        "sys.argv = ['smallwins', '--version']\n"
        "try:\n"
        "    runpy.run_module('smallwins_desktop', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED:' + ','.join(sorted(m for m in sys.modules if m in\n"
        "      ('argparse', 'smallwins_desktop.cli', 'smallwins_desktop.ipc'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "LOADED:", done.stdout
