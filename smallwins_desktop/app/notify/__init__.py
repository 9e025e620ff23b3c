"""Notifications: the notifier, one module per backend, and the window of recent outcomes."""
