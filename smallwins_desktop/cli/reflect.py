"""`smallwins reflect`: a minute of reflection on the day, in the terminal.

Interactive by default: today's wins and setbacks, then the four questions and the confidence
scale, each answered or skipped with Enter (an answer given before is kept: Enter leaves it).
With any of the answer options it asks nothing and saves those; `--show` prints the day's
reflection.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from smallwins_desktop.cli.common import (
    EXIT_OK,
    UserError,
    current_day,
    current_time,
    day_arg,
    open_store_for,
)

if TYPE_CHECKING:
    from smallwins_desktop.core.reflections import ReflectionRecord

OPTIONS = {  # option dest -> the reflection's answer
    "moved_forward": "moved_forward",
    "in_the_way": "got_in_the_way",
    "helped": "helped",
    "pick_up": "pick_up",
}


def cmd_reflect(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import queries, reflections
    from smallwins_desktop.core.errors import CaptureError

    today = current_day()
    day = day_arg(args.day, today, "--day") or today
    if day > today:
        raise UserError(f"--day {day} is in the future: reflect on a day that has been.")
    given = {
        answer: getattr(args, option)
        for option, answer in OPTIONS.items()
        if getattr(args, option) is not None
    }
    if args.confidence is not None:
        given["confidence"] = args.confidence
    with open_store_for(args) as store:
        before = reflections.get(store, day)
        if args.show:
            print(_shown(before, day) if before else f"No reflection on {day:%a %d %b %Y} yet.")
            return EXIT_OK
        if not given:
            todays = queries.list_wins(store, since=day, until=day)
            given = _ask(day, todays, before)
        try:
            saved = reflections.save(store, day, now=current_time(), **given)
        except CaptureError as error:
            raise UserError(str(error)) from None
    print(f"Reflection saved for {day:%a %d %b %Y}." if not saved.is_empty() else "Nothing noted.")
    return EXIT_OK


def _ask(day: object, todays: list[object], before: ReflectionRecord | None) -> dict[str, object]:
    from smallwins_desktop.core import reflections

    out = sys.stdout
    wins_ = [w for w in todays if getattr(w, "kind", "win") == "win"]
    setbacks = [w for w in todays if getattr(w, "kind", "win") == "setback"]
    out.write(f"A minute on {day:%A %-d %B}. Enter skips a question.\n\n")  # type: ignore[str-format]
    if wins_:
        out.write("Wins:\n" + "".join(f"  - {w.text}\n" for w in wins_))  # type: ignore[attr-defined]
    if setbacks:
        out.write("Setbacks:\n" + "".join(f"  - {w.text}\n" for w in setbacks))  # type: ignore[attr-defined]
    if not todays:
        out.write("Nothing logged that day; a reflection is worth it all the same.\n")
    out.write("\n")
    answers: dict[str, object] = {}
    for name, prompt in reflections.PROMPTS:
        earlier = getattr(before, name) if before else ""
        hint = f" [{earlier}]" if earlier else ""
        reply = _line(f"{prompt}{hint} ")
        if reply:
            answers[name] = reply
    scale = "1 not at all ... 5 very"
    while True:
        earlier_confidence = before.confidence if before else None
        hint = f" [{earlier_confidence}]" if earlier_confidence else ""
        reply = _line(f"{reflections.CONFIDENCE_PROMPT} ({scale}){hint} ")
        if not reply:
            break
        if reply in {"1", "2", "3", "4", "5"}:
            answers["confidence"] = int(reply)
            break
        out.write("A number from 1 to 5, or Enter to skip.\n")
    return answers


def _line(prompt: str) -> str:
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:  # end of input: the rest is skipped
        return ""
    return line.strip()


def _shown(reflection: ReflectionRecord, day: object) -> str:
    from smallwins_desktop.core import reflections

    lines = [f"{day:%A %-d %B %Y}"]  # type: ignore[str-format]
    for name, prompt in reflections.PROMPTS:
        answer = getattr(reflection, name)
        if answer:
            lines.append(f"{prompt} {answer}")
    if reflection.confidence:
        word = reflections.CONFIDENCE_WORDS[reflection.confidence]
        lines.append(f"Confidence: {reflection.confidence}/5 ({word})")
    return "\n".join(lines)
