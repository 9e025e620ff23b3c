"""A seeded journal that looks like years of real use, written through the core's bulk path.

Ten years of workdays (and now and then a weekend), a few wins a day, varied texts built from
what people at work log, tags drawn with a long tail (a few used all the time, many rarely),
a goal on about two wins in five, impact mostly small, now and then a setback. The same seed
gives the same journal, so figures from two runs are taken over the same data.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from smallwins_desktop.core.capture import KIND_SETBACK, KIND_WIN, Draft
from smallwins_desktop.core.db import Store

VERBS = (
    "Shipped",
    "Fixed",
    "Reviewed",
    "Wrote",
    "Paired on",
    "Cleaned up",
    "Demoed",
    "Planned",
    "Unblocked",
    "Closed",
    "Drafted",
    "Measured",
    "Simplified",
    "Tested",
    "Documented",
    "Presented",
)
OBJECTS = (
    "the release notes",
    "the flaky login test",
    "the parser",
    "five support tickets",
    "the onboarding guide",
    "two pull requests",
    "the heatmap",
    "the backlog",
    "the quarterly plan",
    "the deploy script",
    "the customer interview notes",
    "the search index",
    "the design review",
    "the budget sheet",
    "the API docs",
    "the migration",
)
ENDINGS = ("", "", "", " with Sam", " before lunch", " for the team", " at last", " in an hour")
SETBACKS = (
    "the build broke again",
    "missed the review deadline",
    "the demo crashed",
    "lost an afternoon to meetings",
    "the migration had to be rolled back",
)
TAGS = (
    "work",
    "code",
    "docs",
    "team",
    "support",
    "review",
    "ci",
    "design",
    "planning",
    "customer",
    "ops",
    "learning",
    "health",
    "writing",
    "mentoring",
    "meetings",
    "research",
    "release",
    "bugfix",
    "ux",
    "data",
    "security",
    "hiring",
    "talk",
    "focus",
    "home",
    "reading",
    "sport",
    "community",
    "oss",
)
GOALS = (
    ("launch-beta", "Launch the beta"),
    ("onboarding", "Make onboarding painless"),
    ("speak", "Give a conference talk"),
    ("tests", "A test suite people trust"),
    ("docs", "Docs a newcomer can follow"),
    ("health", "Move every day"),
    ("hiring", "Hire two engineers"),
    ("perf", "Halve the page load time"),
    ("mentor", "Mentor a junior colleague"),
    ("reading", "Read twelve books"),
    ("oss", "Contribute upstream"),
    ("budget", "Keep the project on budget"),
)


def drafts(count: int, today: date, *, seed: int = 7, days: int = 3650) -> list[Draft]:
    """`count` drafts spread over the `days` days up to `today` (ten years unless told),
    oldest first."""
    rng = random.Random(seed)
    span = [today - timedelta(days=n) for n in range(days)]
    workdays = [d for d in span if d.weekday() < 5]
    weekends = [d for d in span if d.weekday() >= 5] or workdays
    tag_weights = [1 / (rank + 1) for rank in range(len(TAGS))]  # a long tail
    out: list[Draft] = []
    for _ in range(count):
        day = rng.choice(weekends) if rng.random() < 0.05 else rng.choice(workdays)
        setback = rng.random() < 0.08
        if setback:
            text = rng.choice(SETBACKS)
        else:
            text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(ENDINGS)}"
        tags = tuple(dict.fromkeys(rng.choices(TAGS, tag_weights, k=rng.choice((0, 1, 1, 2, 3)))))
        goal = rng.choice(GOALS)[0] if rng.random() < 0.4 else None
        impact = rng.choices((1, 2, 3), (70, 22, 8))[0]
        out.append(
            Draft(
                text=text,
                day=day,
                kind=KIND_SETBACK if setback else KIND_WIN,
                impact=impact,
                tags=tags,
                goal=goal,
            )
        )
    out.sort(key=lambda d: d.day)
    return out


def fill(store: Store, count: int, *, now: datetime, seed: int = 7, days: int = 3650) -> float:
    """Write the goals and `count` wins over `days` days up to `now`; returns the seconds
    the bulk write of the wins took."""
    import time

    from smallwins_desktop.core import bulk, goals

    for slug, title in GOALS:
        if goals.get(store, slug) is None:
            goals.create(store, title, now=now, slug=slug)
    made = drafts(count, now.date(), seed=seed, days=days)
    started = time.perf_counter()
    bulk.add_many(store, [(d, None) for d in made], now=now, source="import")
    return time.perf_counter() - started
