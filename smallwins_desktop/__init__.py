"""Small Wins: a desktop tray app for noticing and celebrating progress.

Importing this package does nothing but define the version; the `smallwins` command must stay
cheap to start, so Qt and peewee are imported only by the commands that need them.
"""

__version__ = "0.1.0"
