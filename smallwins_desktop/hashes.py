"""hashlib's digests from CPython's own code instead of OpenSSL, for the process that calls
`use_builtin_digests` before hashlib is first imported.

peewee imports hashlib for one digest (md5, to shorten an over-long index name), and hashlib
loads OpenSSL's libcrypto as it is imported: ~3.3 MiB that an app sitting in the tray holds all
day, and ~1.2 ms at each start of `smallwins`. CPython ships its own implementation of every
digest hashlib always offers, and hashlib falls back to them when its OpenSSL module cannot be
imported; `use_builtin_digests` makes it so, for this process only.

Nothing Small Wins runs needs what only OpenSSL offers (`pbkdf2_hmac`, `scrypt`, digests beyond
md5, sha1, sha2, sha3 and blake2): it makes no network connections, and `hmac`, `random` and
`uuid` use the same fallbacks. A Python built without those implementations (some hardened
builds keep only OpenSSL's) is left as it is.
"""

from __future__ import annotations

import sys

_OPENSSL = "_hashlib"
# hashlib's fallbacks for the digests it always offers (`hashlib.algorithms_guaranteed`):
# `_sha2` from Python 3.12, `_sha256` and `_sha512` before.
_BUILTIN = (
    ("_md5", "_sha1", "_sha2", "_blake2", "_sha3")
    if sys.version_info >= (3, 12)
    else ("_md5", "_sha1", "_sha256", "_sha512", "_blake2", "_sha3")
)


def use_builtin_digests() -> bool:
    """Have hashlib use CPython's digests in this process; False if it could not (hashlib or
    OpenSSL is loaded already, or this Python lacks one of its own digests)."""
    if _OPENSSL in sys.modules and sys.modules[_OPENSSL] is None:
        return True  # done already
    if "hashlib" in sys.modules or _OPENSSL in sys.modules:
        return False
    try:
        for name in _BUILTIN:
            __import__(name)
    except ImportError:
        return False
    sys.modules[_OPENSSL] = None  # type: ignore[assignment]  # import _hashlib: ImportError
    return True
