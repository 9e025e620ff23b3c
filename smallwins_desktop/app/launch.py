"""Starting the tray app from the command line (not built yet)."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(data_dir: Path) -> int:
    print("smallwins: the tray app is not available yet; use 'smallwins add'.", file=sys.stderr)
    return 1


def show_capture(data_dir: Path) -> int:
    return run_app(data_dir)
