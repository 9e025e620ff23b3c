"""The global capture shortcut: backends behind one interface (`base`): X11 (`x11`), Wayland's
GlobalShortcuts portal (`portal`), Windows (`windows`); and the service that registers the
`shortcut.capture` setting and says how that went."""
