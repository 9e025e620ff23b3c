"""The tray: its icon and menu, the small window shown where there is no tray, the icons."""
