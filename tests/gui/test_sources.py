"""PySide6's check of each imported module leaves no source text behind (app/sources.py)."""

from __future__ import annotations

import os
import subprocess
import sys

_IMPORTS_AFTER_PYSIDE = """
import linecache, sys
import PySide6.QtCore
linecache.cache["<generated>"] = (6, None, ["x = 1\\n"], "<generated>")  # code a library made
from smallwins_desktop.app.sources import forget_checked_sources
forget_checked_sources()
forget_checked_sources()  # twice is harmless
from smallwins_desktop.app.tray.icons import icon  # PySide6 checks what an import names
from smallwins_desktop.core.review import week_review
uses_pyside, plain = (sys.modules[f.__module__] for f in (icon, week_review))
feature = sys.modules["shibokensupport.feature"].pyside_feature_dict
kept = [m.__file__ for m in (uses_pyside, plain) if m.__file__ in linecache.cache]
generated_kept = "<generated>" in linecache.cache
print(kept, feature.get(uses_pyside.__name__), feature.get(plain.__name__), generated_kept)
"""


def test_modules_imported_after_pyside_leave_no_source_in_memory_and_are_told_apart() -> None:
    """No file stays in linecache, and PySide6 still tells a module that uses it (0) from
    one that does not (-1); what a library put there for code it generated stays."""
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTS_AFTER_PYSIDE],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[] 0 -1 True"
