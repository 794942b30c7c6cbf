"""Pseudonyms for people's names in exports and reports.

:func:`pseudonymise` maps a name to a short code such as ``C-7K2QF4``: the same
name and key always give the same code; different names almost never collide
(30 bits).  It is a keyed hash (HMAC-SHA-256), so without the key nobody can
confirm a guessed name.  The counsellor database gives every client a random
key once (its stored ``pseudonym``), so exports of one client always carry the
same pseudonym, even after a rename, and the pseudonym cannot be linked back
to the name without the database.

With the default empty key the code is still stable, but anyone who guesses
the name can recompute it: pass a key when that matters.

>>> pseudonymise("张三") == pseudonymise(" 张三 ")
True
>>> pseudonymise("张三") != pseudonymise("李四")
True
>>> len(pseudonymise("Zhang San")), pseudonymise("Zhang San").startswith("C-")
(8, True)
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"   # Crockford base32: no I, L, O, U
_CODE_LEN = 6


def pseudonymise(name: str, *, key: bytes | str = b"") -> str:
    """A stable pseudonym ``C-XXXXXX`` for ``name`` (NFKC, spaces and case ignored)."""
    canonical = "".join(unicodedata.normalize("NFKC", str(name)).split()).casefold()
    key_bytes = key.encode("utf-8") if isinstance(key, str) else key
    digest = hmac.new(key_bytes, canonical.encode("utf-8"), hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big")
    code = []
    for _ in range(_CODE_LEN):
        number, rest = divmod(number, 32)
        code.append(_ALPHABET[rest])
    return "C-" + "".join(code)


def redact(text: str, names: list[str] | tuple[str, ...], replacement: str) -> str:
    """``text`` with every occurrence of each non-empty name replaced (exact substring).

    >>> redact("张三说：张三的借呗已逾期", ["张三"], "C-XXXX")
    'C-XXXX说：C-XXXX的借呗已逾期'
    """
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        text = text.replace(name, replacement)
    return text
