"""The bundle's entry point: the same `smallwins` command the wheel installs."""

import sys

from smallwins_desktop.entry import main

if __name__ == "__main__":
    sys.exit(main())
