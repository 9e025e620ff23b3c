"""The capture box: the window, its editor with completion, and how a saved win is celebrated."""
