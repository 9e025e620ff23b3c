"""A stand-in for xdg-desktop-portal's GlobalShortcuts, run as its own process on a test's
private session bus: `python fake_portal.py ADDRESS [--bind-response N] [--grant-nothing]
[--trigger TEXT] [--without-global-shortcuts] [--refuse-first-session]`.

It owns org.freedesktop.portal.Desktop and answers like the real portal: CreateSession and
BindShortcuts reply with their Request object path (the one the spec fixes from the caller's
unique name and handle_token), then emit that Request's Response signal to the caller;
Properties.Get gives GlobalShortcuts' version; Session.Close is answered. It writes one JSON line
to stdout for each call it received (with the D-Bus signature it came with) and reads commands
from stdin: `activate` emits Activated for the last session, `close-session` closes it from the
desktop's side (Session::Closed), `quit` ends it.

It speaks D-Bus through jeepney's wire-level API; what it records is each call as dbus-daemon
delivered it, with the signature it carried, so a wrongly typed argument shows.
"""

from __future__ import annotations

import argparse
import json
import selectors
import sys
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

OBJECT_PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.GlobalShortcuts"


def plain(vardict: dict[str, tuple[str, Any]]) -> dict[str, Any]:
    """An a{sv} as jeepney gives it ({key: (signature, value)}) with its values alone."""
    return {key: value for key, (_signature, value) in vardict.items()}


class FakePortal:
    def __init__(self, options: argparse.Namespace) -> None:
        self.options = options
        self.connection = open_dbus_connection(options.address)
        reply = self.connection.send_and_get_reply(
            message_bus.RequestName("org.freedesktop.portal.Desktop", 4)
        )
        assert reply.body[0] == 1, f"could not own the portal name: {reply.body}"
        self.sessions: list[tuple[str, str]] = []  # (session path, owner)
        self.refused = False

    def say(self, **event: Any) -> None:
        print(json.dumps(event), flush=True)

    def run(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self.connection.sock, selectors.EVENT_READ, "bus")
        selector.register(sys.stdin, selectors.EVENT_READ, "stdin")
        self.say(event="ready", name=self.connection.unique_name)
        while True:
            for key, _ in selector.select():
                if key.data == "stdin":
                    line = sys.stdin.readline()
                    if not line or line.strip() == "quit":
                        return
                    self.command(line.split())
                else:
                    while True:
                        try:
                            message = self.connection.receive(timeout=0)
                        except TimeoutError:
                            break
                        self.handle(message)

    def command(self, words: list[str]) -> None:
        if words and words[0] == "activate" and self.sessions:
            session, owner = self.sessions[-1]
            emitter = DBusAddress(OBJECT_PATH, interface=INTERFACE)
            signal = new_signal(emitter, "Activated", "osta{sv}", (session, "capture", 1234, {}))
            signal.header.fields[HeaderFields.destination] = owner
            self.connection.send(signal)
            self.say(event="activated", session=session)
        elif words and words[0] == "close-session" and self.sessions:
            session, owner = self.sessions.pop()
            emitter = DBusAddress(session, interface="org.freedesktop.portal.Session")
            signal = new_signal(emitter, "Closed", "a{sv}", ({},))
            signal.header.fields[HeaderFields.destination] = owner
            self.connection.send(signal)
            self.say(event="closed", session=session)

    def respond(self, path: str, owner: str, code: int, results: dict[str, Any]) -> None:
        emitter = DBusAddress(path, interface="org.freedesktop.portal.Request")
        signal = new_signal(emitter, "Response", "ua{sv}", (code, results))
        signal.header.fields[HeaderFields.destination] = owner
        self.connection.send(signal)

    def handle(self, message: Any) -> None:
        if message.header.message_type != MessageType.method_call:
            return
        fields = message.header.fields
        interface = fields.get(HeaderFields.interface)
        member = fields.get(HeaderFields.member)
        path = fields.get(HeaderFields.path)
        sender = fields.get(HeaderFields.sender, "")
        signature = fields.get(HeaderFields.signature, "")
        sender_part = sender.lstrip(":").replace(".", "_")
        if interface == "org.freedesktop.DBus.Properties" and member == "Get":
            wanted = tuple(message.body)
            if wanted == (INTERFACE, "version") and not self.options.without_global_shortcuts:
                self.connection.send(new_method_return(message, "v", (("u", 1),)))
            else:
                self.connection.send(
                    new_error(
                        message,
                        "org.freedesktop.DBus.Error.InvalidArgs",
                        "s",
                        (f"No such interface “{wanted[0]}”",),
                    )
                )
            return
        if interface == "org.freedesktop.host.portal.Registry" and member == "Register":
            app_id, _options = message.body
            self.connection.send(new_method_return(message))
            self.say(event="Register", app_id=app_id)
            return
        if interface == INTERFACE and member == "CreateSession":
            (options,) = message.body
            if self.options.refuse_first_session and not self.refused:
                self.refused = True
                self.connection.send(
                    new_error(message, "org.freedesktop.portal.Error.Failed", "s", ("No session",))
                )
                self.say(event="CreateSession refused")
                return
            token = options["handle_token"][1]
            session_token = options["session_handle_token"][1]
            request = f"{OBJECT_PATH}/request/{sender_part}/{token}"
            session = f"{OBJECT_PATH}/session/{sender_part}/{session_token}"
            self.sessions.append((session, sender))
            self.connection.send(new_method_return(message, "o", (request,)))
            self.say(event="CreateSession", signature=signature, options=plain(options))
            self.respond(request, sender, 0, {"session_handle": ("s", session)})
            return
        if interface == INTERFACE and member == "BindShortcuts":
            session, shortcuts, parent_window, options = message.body
            token = options["handle_token"][1]
            request = f"{OBJECT_PATH}/request/{sender_part}/{token}"
            self.connection.send(new_method_return(message, "o", (request,)))
            self.say(
                event="BindShortcuts",
                signature=signature,
                session=session,
                shortcuts=[[shortcut_id, plain(info)] for shortcut_id, info in shortcuts],
                parent_window=parent_window,
            )
            code = self.options.bind_response
            results: dict[str, Any] = {}
            if code == 0:
                granted = []
                if not self.options.grant_nothing:
                    for shortcut_id, info in shortcuts:
                        trigger = self.options.trigger or info["preferred_trigger"][1]
                        granted.append(
                            (
                                shortcut_id,
                                {
                                    "description": info["description"],
                                    "trigger_description": ("s", trigger),
                                },
                            )
                        )
                results = {"shortcuts": ("a(sa{sv})", granted)}
            self.respond(request, sender, code, results)
            return
        if interface == "org.freedesktop.portal.Session" and member == "Close":
            self.sessions = [(s, o) for s, o in self.sessions if s != path]
            self.connection.send(new_method_return(message))
            self.say(event="Close", path=path)
            return
        self.connection.send(
            new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s", (str(member),))
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("--bind-response", type=int, default=0)
    parser.add_argument("--grant-nothing", action="store_true")
    parser.add_argument("--trigger", default="")
    parser.add_argument("--without-global-shortcuts", action="store_true")
    parser.add_argument("--refuse-first-session", action="store_true")
    FakePortal(parser.parse_args()).run()


if __name__ == "__main__":
    main()
