"""Settings in the running app: the live values and who hears of a change (`live`), the dialog."""
