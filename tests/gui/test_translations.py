"""Counts read as English does ("1 win", "3 wins"), through Qt's plural forms, and the
shipped plural file covers every counted string in the Qt layer."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from smallwins_desktop.app.journal.heatmap import day_tooltip
from smallwins_desktop.app.tray.tray import summary_text
from smallwins_desktop.core.queries import DayTotal
from smallwins_desktop.core.stats import HeatCell, TodaySummary
from smallwins_desktop.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_counts_are_singular_and_plural() -> None:
    def summary(wins: int, streak: int) -> str:
        return summary_text(TodaySummary(wins=wins, setbacks=0, streak=streak, total=wins))

    assert summary(1, 0) == "1 win today"
    assert summary(3, 2) == "3 wins today · 2 workdays in a row"
    assert summary(0, 5) == "No wins yet today · 5 workdays in a row"
    day = date(2026, 11, 17)
    one = HeatCell(day=day, total=DayTotal(1, 1, 1), level=1)
    assert day_tooltip(one) == "Tue 17 Nov: 1 win, 1 setback"
    translate = QCoreApplication.translate
    assert translate("RhythmPanel", "%n workday(s)", None, 1) == "1 workday"
    grouped = QLocale().toString(4210)  # the user's digit grouping: "4,210", "4.210"
    assert translate("JournalWindow", "%Ln win(s)", None, 4210) == f"{grouped} wins"


def test_every_counted_string_has_its_english_forms(tmp_path: Path) -> None:
    """What `make translations` would write now is what is shipped (run it after adding a
    counted string)."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "smallwins_desktop" / "app").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), "-pluralonly", "-no-obsolete", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(resource_path("translations")))
    try:
        import english_plurals
    finally:
        sys.path.pop(0)
    english_plurals.fill(str(fresh), [Path(s) for s in sources])

    def counted(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (str(c.findtext("name")), str(m.findtext("source")))
            for c in root.iter("context")
            for m in c.iter("message")
            if m.get("numerus") == "yes" and m.find("translation/numerusform") is not None
        }

    shipped = counted(resource_path("translations", "smallwins_en.ts"))
    assert counted(fresh) == shipped
    assert len(shipped) >= 8
    qm = resource_path("translations", "smallwins_en.qm")
    assert (
        qm.stat().st_mtime >= resource_path("translations", "smallwins_en.ts").stat().st_mtime - 1
    )
