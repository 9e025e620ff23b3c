"""Export, import and the data actions in the app: dialogs over `core.exchange` and
`core.backup`, opened from the journal's File menu and the Settings dialog's Data page.

    open_export_dialog(journal, parent)   File → Export…
    open_import_dialog(journal, parent)   File → Import…
    DataActions(journal)                  Back up now, Restore…, Open data folder
"""

from __future__ import annotations

from smallwins_desktop.app.exchange.data_actions import DataActions
from smallwins_desktop.app.exchange.export_dialog import ExportDialog, open_export_dialog
from smallwins_desktop.app.exchange.import_dialog import ImportDialog, open_import_dialog

__all__ = [
    "DataActions",
    "ExportDialog",
    "ImportDialog",
    "open_export_dialog",
    "open_import_dialog",
]
