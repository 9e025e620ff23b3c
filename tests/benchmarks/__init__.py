"""Benchmarks of the real app on a private X desktop: `make bench` (not part of `make test`).

Each figure is printed beside a baseline measured in the same run (a bare PySide6 tray app,
`python -c pass`), with the ratio and the budget from the issues. See `__main__.py` for the
command line and `figures.py` for how each figure is taken. No file here is named test_*,
so pytest collects nothing from this directory.
"""
