"""The baseline: the least a PySide6 tray app can do. Run as `python bare_tray.py ICON.svg`.

A QApplication, one QSystemTrayIcon with an SVG icon, shown, and the event loop; nothing
else. The benchmark starts it exactly as it starts `smallwins` and waits for its icon to
appear in the tray the same way, so the difference is what Small Wins adds.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    tray = QSystemTrayIcon(QIcon(sys.argv[1]))
    tray.setToolTip("bare PySide6 tray app")
    tray.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
