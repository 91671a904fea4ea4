"""Body encoding shared by both ends: JSON (UTF-8) optionally gzip-compressed, decoded within a limit."""

from __future__ import annotations

import gzip
import zlib

from pydantic import BaseModel

GZIP_MIN_BYTES = 1024  # smaller bodies are not worth compressing


class BodyTooLarge(ValueError):
    """The body is over the limit (compressed or after decoding)."""


def encode_json(model: BaseModel) -> bytes:
    return model.model_dump_json(exclude_none=False).encode("utf-8")


def gzip_body(data: bytes) -> bytes:
    # mtime=0 keeps the output deterministic (same bytes for the same body).
    return gzip.compress(data, compresslevel=5, mtime=0)


def gunzip_limited(data: bytes, limit: int) -> bytes:
    """Decode a gzip body, refusing to produce more than ``limit`` bytes (a small bomb stays small).

    Raises :class:`BodyTooLarge` when over the limit and ``ValueError`` for bytes that are not gzip.
    """
    decoder = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decoder.decompress(data, limit + 1)
    except zlib.error as error:
        raise ValueError(f"not a gzip body: {error}") from error
    if len(out) > limit or decoder.unconsumed_tail:
        raise BodyTooLarge(f"decoded body over {limit} bytes")
    if not decoder.eof:
        raise ValueError("truncated gzip body")
    return out
