"""Reminders in the app: the scheduler's tick and the controller that turns a due reminder
into a notification and the user's answers (snooze, skip, pause) into records."""
