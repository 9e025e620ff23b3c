"""The daily reflection window (from the end-of-day reminder, the tray and the journal)."""
