"""Keeps PySide6 from holding the source text of every module the app imports.

Once PySide6 is imported, each module imported after it is checked for the word "PySide6"
(its `__feature__` support reads the module's source with `inspect.getsource`). The text it
reads stays in `linecache` for the life of the process: ~70,000 lines, ~6 MiB of the idle
app's memory, that nothing ever looks at again. `forget_checked_sources` lets each check run
as before and then drops that module's lines; a traceback reads them again when it needs them.

This touches nothing but the cache: where PySide6 has no such check (another version), it
does nothing.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def forget_checked_sources() -> None:
    """From now on, a module's source read for PySide6's check is not kept. Call it once
    PySide6 is imported (again is harmless)."""
    feature = sys.modules.get(_FEATURE_MODULE)
    check = getattr(feature, _CHECK, None)
    if feature is None or not callable(check) or getattr(check, "forgets_source", False):
        return

    def check_then_forget(module: ModuleType) -> bool:
        try:
            return bool(check(module))
        finally:
            filename = getattr(module, "__file__", None)
            if isinstance(filename, str):
                linecache.cache.pop(filename, None)

    check_then_forget.forgets_source = True  # type: ignore[attr-defined]
    setattr(feature, _CHECK, check_then_forget)
    # What PySide6 read before: the modules imported ahead of it. Only files read from disk
    # go; text a library put there for code it generated (no mtime) has no file to come from.
    for filename, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:
            del linecache.cache[filename]
