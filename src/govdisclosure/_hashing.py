"""BLAKE2b for the library's cache keys and digests, without importing :mod:`hashlib`.

:mod:`hashlib` loads OpenSSL and wraps each of its algorithms when it is
first imported: about 5 ms, a fiftieth of a ``validate FILE`` run, for a
hash the interpreter has built in (``_blake2``, which :mod:`hashlib` itself
hands out).  An interpreter built without its own BLAKE2 gets
:mod:`hashlib`'s, the same function.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython built --without-builtin-hashlib-hashes
    from hashlib import blake2b

__all__ = ["blake2b"]
