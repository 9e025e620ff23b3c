"""The global capture shortcut: backends behind one interface (`base`), the X11 one (`x11`),
and the service that registers the `shortcut.capture` setting and says how that went."""
