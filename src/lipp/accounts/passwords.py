"""Password hashing: argon2id with argon2-cffi's defaults (RFC 9106's second recommended option)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()

# Checked against when no user matches, so a wrong name takes as long as a wrong password.
_DECOY = _HASHER.hash("no user has this password")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """True when `password` matches the stored hash; a missing hash costs the same time and is False."""
    try:
        return _HASHER.verify(stored or _DECOY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)
