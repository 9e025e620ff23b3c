"""The schema, as an ordered list of small migration steps.

Step N takes a database at `PRAGMA user_version` N-1 to N. Each step is plain SQL, so that an
old step never changes meaning when the models change later; `db.open_store` runs each one in
its own transaction together with the version bump, after taking a backup.
"""

from __future__ import annotations

from collections.abc import Sequence

Step = Sequence[str]

_V1_INITIAL: Step = (
    """CREATE TABLE goal (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        parent_id INTEGER REFERENCES goal(id) ON DELETE SET NULL,
        criteria TEXT NOT NULL DEFAULT '',
        target INTEGER,
        due DATE,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'dropped')),
        done_at DATETIME,
        created_at DATETIME NOT NULL
    )""",
    """CREATE TABLE win (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        day DATE NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        impact INTEGER NOT NULL DEFAULT 1 CHECK (impact BETWEEN 1 AND 3),
        kind TEXT NOT NULL DEFAULT 'win' CHECK (kind IN ('win', 'setback')),
        goal_id INTEGER REFERENCES goal(id) ON DELETE SET NULL,
        source TEXT NOT NULL DEFAULT 'cli',
        deleted_at DATETIME
    )""",
    "CREATE INDEX win_day ON win (day)",
    "CREATE INDEX win_goal_id ON win (goal_id)",
    "CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    """CREATE TABLE win_tag (
        win_id INTEGER NOT NULL REFERENCES win(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
        PRIMARY KEY (win_id, tag_id)
    )""",
    "CREATE INDEX win_tag_tag_id ON win_tag (tag_id)",
    "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # rowid = win.id; holds only wins that are not deleted.
    """CREATE VIRTUAL TABLE win_fts USING fts5(
        text, tags, tokenize = 'unicode61 remove_diacritics 2'
    )""",
)

_V2_REMINDERS: Step = (
    # One row per reminder occurrence decided (fired, missed or skipped), written before
    # delivery: the UNIQUE key is what makes "at most once" hold across restarts and processes.
    """CREATE TABLE reminder_occurrence (
        id INTEGER PRIMARY KEY,
        rule TEXT NOT NULL,
        local_date DATE NOT NULL,
        scheduled_at DATETIME NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('fire', 'missed', 'skip')),
        reason TEXT NOT NULL,
        decided_at DATETIME NOT NULL,
        UNIQUE (rule, local_date)
    )""",
    "CREATE TABLE reminder_snooze (rule TEXT PRIMARY KEY, until DATETIME NOT NULL)",
    """CREATE TABLE notification_delivery (
        id INTEGER PRIMARY KEY,
        notification_key TEXT NOT NULL,
        backend TEXT NOT NULL,
        ok INTEGER NOT NULL,
        error TEXT,
        local_date DATE NOT NULL,
        at DATETIME NOT NULL
    )""",
    "CREATE INDEX notification_delivery_local_date ON notification_delivery (local_date)",
)

_V3_TIMELINE: Step = (
    # The journal's timeline pages newest first: day, then time of entry. The index also
    # carries what streaks, the heatmap, the rhythm and the counts read (kind, impact, in the
    # trash or not), so those are answered from it without touching the table.
    "CREATE INDEX win_timeline ON win (day, created_at, kind, impact, deleted_at)",
)

_V4_SMALL_COUNTS: Step = (
    # Counting setbacks and the trash reads these small partial indexes, not every row.
    "CREATE INDEX win_kept_setbacks ON win (day) WHERE kind = 'setback' AND deleted_at IS NULL",
    "CREATE INDEX win_trash ON win (deleted_at) WHERE deleted_at IS NOT NULL",
)

_V5_REFLECTIONS: Step = (
    # One reflection a day (daily) and one a week (weekly, on its Monday); every answer is
    # optional, so each is text that may be empty, and confidence may be missing.
    """CREATE TABLE reflection (
        id INTEGER PRIMARY KEY,
        day DATE NOT NULL,
        kind TEXT NOT NULL DEFAULT 'daily' CHECK (kind IN ('daily', 'weekly')),
        moved_forward TEXT NOT NULL DEFAULT '',
        got_in_the_way TEXT NOT NULL DEFAULT '',
        helped TEXT NOT NULL DEFAULT '',
        pick_up TEXT NOT NULL DEFAULT '',
        confidence INTEGER CHECK (confidence BETWEEN 1 AND 5),
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        UNIQUE (day, kind)
    )""",
)

_V6_GOAL_PROGRESS: Step = (
    # The win that completing a goal recorded ("Completed: ..."): it is linked to the goal
    # but is not progress towards it, and it is what the completion earned.
    "ALTER TABLE goal ADD COLUMN done_win_id INTEGER REFERENCES win(id) ON DELETE SET NULL",
    # Progress bars count each goal's wins (not setbacks, not the trash) off this index.
    "CREATE INDEX win_goal_progress ON win (goal_id) WHERE kind = 'win' AND deleted_at IS NULL",
    # The completion rate and the overload guard read goals by status.
    "CREATE INDEX goal_status ON goal (status, due)",
)

STEPS: tuple[Step, ...] = (
    _V1_INITIAL,
    _V2_REMINDERS,
    _V3_TIMELINE,
    _V4_SMALL_COUNTS,
    _V5_REFLECTIONS,
    _V6_GOAL_PROGRESS,
)
LATEST_VERSION = len(STEPS)
