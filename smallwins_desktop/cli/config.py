"""`smallwins config list|get|set|reset`: the settings the Settings dialog shows, in a terminal.

Values are typed as a person would (`17:30`, `mon-fri`, `on`); a refused value writes nothing
and says why. After a change the running app, if any, is told over its socket, so a new
reminder time re-plans its scheduler at once.
"""

from __future__ import annotations

import argparse
import json

from smallwins_desktop.cli.common import EXIT_OK, current_time, data_dir_of, open_store_for

NOTIFY_TIMEOUT_S = 5.0


def cmd_config_list(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import config

    with open_store_for(args) as store:
        found = config.values(store)
    if args.json:
        print(json.dumps({key: config.option(key).to_json(v) for key, v in found.items()}))
        return EXIT_OK
    shown = {key: config.show(key, value) for key, value in found.items()}
    key_width = max(map(len, shown))
    value_width = max(map(len, shown.values()))
    for key, text in shown.items():
        print(f"{key:<{key_width}}  {text:<{value_width}}  {config.option(key).help}")
    return EXIT_OK


def cmd_config_get(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import config

    config.option(args.key)  # an unknown key is refused before the database is opened
    with open_store_for(args) as store:
        value = config.get(store, args.key)
    print(config.show(args.key, value))
    return EXIT_OK


def cmd_config_set(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import config

    found = config.option(args.key)
    found.parse(args.value)  # refused before the database is opened
    with open_store_for(args) as store:
        value = config.put(store, found.key, args.value, now=current_time())
    print(f"{found.key} = {config.show(found.key, value)}{_tell_the_app(args, found.key)}")
    return EXIT_OK


def cmd_config_reset(args: argparse.Namespace) -> int:
    from smallwins_desktop.core import config

    found = config.option(args.key)
    with open_store_for(args) as store:
        value = config.reset(store, found.key, now=current_time())
    print(f"{found.key} = {config.show(found.key, value)}{_tell_the_app(args, found.key)}")
    return EXIT_OK


def _tell_the_app(args: argparse.Namespace, key: str) -> str:
    from smallwins_desktop import ipc

    message = {"cmd": "settings_changed", "keys": [key]}
    reply = ipc.request(data_dir_of(args), message, timeout=NOTIFY_TIMEOUT_S)
    if reply is None:
        return ""
    if reply.get("ok"):
        return " (the running app uses it now)"
    return " (the running app did not take it; restart it to use the new value)"
