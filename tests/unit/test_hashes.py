"""hashlib with CPython's own digests (`hashes.use_builtin_digests`), as the app and the CLI
use it: the same digests as OpenSSL's, peewee's one use of it works, and OpenSSL is not loaded.
Each case runs in a fresh Python, since hashlib is imported once per process."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

_WITH_BUILTIN_DIGESTS = """
import json, sys
from smallwins_desktop.hashes import use_builtin_digests
first, again = use_builtin_digests(), use_builtin_digests()
import hashlib
import peewee
data = sys.argv[1].encode()
digests = {name: hashlib.new(name, data).hexdigest() for name in sorted(sys.argv[2:])}
fields = ("a_field_with_a_name_long_enough", "another_field_with_a_long_name_too")
class Win(peewee.Model):  # an index name over 64 characters: peewee shortens it with md5
    a_field_with_a_name_long_enough = peewee.TextField()
    another_field_with_a_long_name_too = peewee.TextField()
    class Meta:
        database = peewee.SqliteDatabase(":memory:")
        indexes = ((fields, False),)
Win.create_table()
index = Win._meta.database.get_indexes("win")[0].name
maps = open("/proc/self/maps").read() if sys.platform.startswith("linux") else ""
print(json.dumps({
    "used": [first, again],
    "digests": digests,
    "index": index,
    "openssl": sys.modules.get("_hashlib") is not None or "libcrypto" in maps,
}))
"""

_AFTER_HASHLIB = """
import hashlib
from smallwins_desktop.hashes import use_builtin_digests
print(use_builtin_digests(), hashlib.sha256(b"x").hexdigest())
"""


def _run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # hashlib logs an error for a digest it cannot make
    return done.stdout


def test_every_guaranteed_digest_is_the_same_as_openssls_and_openssl_is_not_loaded() -> None:
    text = "Fixed the flaky login test #qa ✓"
    names = sorted(hashlib.algorithms_guaranteed - {"shake_128", "shake_256"})
    found = json.loads(_run(_WITH_BUILTIN_DIGESTS, text, *names))
    assert found["used"] == [True, True]
    expected = {name: hashlib.new(name, text.encode()).hexdigest() for name in names}
    assert found["digests"] == expected
    long_name = "win_a_field_with_a_name_long_enough_another_field_with_a_long_name_too"
    assert found["index"] == long_name[:56] + "_" + hashlib.md5(long_name.encode()).hexdigest()[:7]
    assert found["openssl"] is False


def test_a_process_that_imported_hashlib_already_keeps_it_as_it_is() -> None:
    used, digest = _run(_AFTER_HASHLIB).split()
    assert used == "False"
    assert digest == hashlib.sha256(b"x").hexdigest()
