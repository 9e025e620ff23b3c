"""Fill `resources/translations/smallwins_en.ts` (made by `pyside6-lupdate -pluralonly`) with
the English singular and plural of each `%n ...(s)` string: "%n win(s)" -> "%n win", "%n wins".

Run by `make translations`; `pyside6-lrelease` then compiles it into the `.qm` the app loads.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# `QCoreApplication.translate("Context", "%n thing(s)", None, n)` outside a class: lupdate
# reads these without their count, so they are found here and added as plural strings.
_TRANSLATE_N = re.compile(
    r'QCoreApplication\.translate\(\s*"(?P<context>[^"]+)",\s*"(?P<source>[^"]*%L?n[^"]*)",'
    r"\s*None,"
)


def forms(source: str) -> tuple[str, str]:
    return source.replace("(s)", ""), source.replace("(s)", "s")


def counted_calls(sources: list[Path]) -> list[tuple[str, str]]:
    """(context, source) of each counted `QCoreApplication.translate` in these files."""
    found = []
    for path in sources:
        for match in _TRANSLATE_N.finditer(path.read_text(encoding="utf-8")):
            found.append((match["context"], match["source"]))
    return sorted(set(found))


def add_missing(root: ET.Element, calls: list[tuple[str, str]]) -> None:
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for context_name, source in calls:
        context = contexts.get(context_name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = context_name
            contexts[context_name] = context
        for message in context.iter("message"):
            if message.findtext("source") == source:
                message.set("numerus", "yes")
                break
        else:
            message = ET.SubElement(context, "message", numerus="yes")
            ET.SubElement(message, "source").text = source


def fill(path: str, sources: list[Path] | None = None) -> int:
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", "en")
    add_missing(root, counted_calls(sources or []))
    count = 0
    for message in root.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        old = message.find("translation")
        if old is not None:
            message.remove(old)
        translation = ET.SubElement(message, "translation")
        for text in forms(source):
            ET.SubElement(translation, "numerusform").text = text
        count += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return count


if __name__ == "__main__":
    files = sorted(Path(sys.argv[2]).rglob("*.py")) if len(sys.argv) > 2 else []
    print(f"{fill(sys.argv[1], files)} plural strings filled in {sys.argv[1]}")
