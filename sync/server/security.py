"""Secrets: random tokens stored as SHA-256 hashes, staff passwords as scrypt hashes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import UTC, datetime

_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_secret(nbytes: int = 32) -> str:
    """A URL-safe random secret (no ``.``, so it can follow a device id in a Bearer credential)."""
    return secrets.token_urlsafe(nbytes)


def token_hash(token: str) -> str:
    """Tokens carry 256 random bits, so one SHA-256 is enough: there is nothing to brute-force."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same_hash(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    encode = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


# A fixed hash to check against when the user does not exist, so timing does not reveal names.
DUMMY_PASSWORD_HASH = hash_password(secrets.token_hex(8))
