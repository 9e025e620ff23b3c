"""`python -m smallwins_desktop` runs the `smallwins` command."""

import sys

from smallwins_desktop.entry import main

sys.exit(main())
