"""Translations: Qt's, so that plurals come out right in every language.

The source strings are English with Qt's numerus markers (`tr("%n win(s)", "", n)`). Even in
English those need a translation to become "1 win" and "3 wins", so `smallwins_en.qm` (the
numerus forms only, made by `make translations`) is always installed first; a translation
for the system's language, when one is shipped, is installed after it and takes precedence.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from smallwins_desktop.resources import resource_path

log = logging.getLogger(__name__)

BASE_NAME = "smallwins"


def install(app: QCoreApplication) -> list[QTranslator]:
    """Install the English plural forms and the system language's translation, if any.
    Returns the translators (they must stay alive as long as they are installed)."""
    folder = str(resource_path("translations"))
    installed = []
    english = QTranslator(app)
    if english.load(f"{BASE_NAME}_en", folder):
        app.installTranslator(english)
        installed.append(english)
    else:
        log.warning("no English plural forms in %s: counts read '1 win(s)'", folder)
    native = QTranslator(app)
    locale = QLocale.system()
    if locale.language() != QLocale.Language.English and native.load(
        locale, BASE_NAME, "_", folder
    ):
        app.installTranslator(native)
        installed.append(native)
    return installed
