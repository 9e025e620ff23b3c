"""Build the one-folder bundle: `python packaging/pyinstaller/build.py [--dist DIR]`.

PyInstaller bundles what its own Python can import, so it runs in a venv of its own
(`build/pyinstaller/venv` in the checkout), never the development one: there Small Wins is
installed from this checkout as a user gets it (a regular, non-editable install, with its
resources inside the package), with its dependencies and a pinned PyInstaller. The venv is
made again when pyproject.toml or the PyInstaller pin changes; otherwise only Small Wins is
reinstalled. The bundle lands in DIR/smallwins (default: dist/smallwins); run
DIR/smallwins/smallwins. Only the standard library is used here.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

PYINSTALLER = "pyinstaller==6.22.3"
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SPEC = HERE / "smallwins.spec"


def _key() -> str:
    digest = hashlib.sha256((REPO / "pyproject.toml").read_bytes())
    digest.update(f"{PYINSTALLER} {sys.version}".encode())
    return digest.hexdigest()


def _pip(python: Path, *args: str) -> None:
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args],
        check=True,
    )


def build_venv(where: Path) -> Path:
    """The PyInstaller venv, made or refreshed; its Python."""
    python = where / "bin" / "python"
    stamp = where / ".smallwins-build-key"
    key = _key()
    if not (python.exists() and stamp.is_file() and stamp.read_text() == key):
        print(f"Making the build venv {where}", flush=True)
        shutil.rmtree(where, ignore_errors=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(where)
        _pip(python, PYINSTALLER, str(REPO))
        stamp.write_text(key)
    else:  # the dependencies are in place: take this checkout's code as it is now
        _pip(python, "--no-deps", "--force-reinstall", str(REPO))
    return python


def build(dist: Path, work: Path, venv_dir: Path) -> Path:
    """Build the bundle into `dist`/smallwins; its executable."""
    python = build_venv(venv_dir)
    subprocess.run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        check=True,
        cwd=work.parent,
    )
    executable = dist / "smallwins" / "smallwins"
    if not executable.is_file():
        raise SystemExit(f"PyInstaller made no {executable}")
    return executable


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the Small Wins one-folder bundle.")
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="default: dist/")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "pyinstaller" / "work")
    parser.add_argument("--venv", type=Path, default=REPO / "build" / "pyinstaller" / "venv")
    args = parser.parse_args()
    if sys.platform == "win32":
        raise SystemExit("build.py is written for Linux and macOS; see packaging/README.md")
    started = time.monotonic()
    args.work.mkdir(parents=True, exist_ok=True)
    executable = build(args.dist.resolve(), args.work.resolve(), args.venv.resolve())
    print(f"Built {executable} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
