"""Time-ordered UUIDs (version 7, RFC 9562 §6.2 method 1) for rows inserted in bulk.

Random (version 4) ids scatter a million inserts over every page of every index on an id column
(primary keys, ``person_id``, ``entity_id``); once those indexes outgrow the page cache, each insert
reads and rewrites encrypted pages. Ids of one import share a millisecond timestamp and a counter, so
they sort in insertion order and every such index grows at its end. The 52 random bits that follow
the counter keep ids of imports started in the same millisecond on other workstations apart.
"""

from __future__ import annotations

import random
import time

_COUNTER_BITS = 22
_RANDOM_BITS = 52


class SequentialIds:
    def __init__(self) -> None:
        self._millis = time.time_ns() // 1_000_000
        self._counter = 0
        # Seeded from os.urandom: unpredictable enough to keep workstations apart, and fast.
        self._random = random.Random()

    def __call__(self) -> str:
        if self._counter >= 1 << _COUNTER_BITS:
            self._millis += 1
            self._counter = 0
        counter = self._counter
        self._counter += 1
        # 48-bit time | version 7 | 12 high counter bits | variant 10 | 10 low counter bits | random
        value = (
            (self._millis & (2**48 - 1)) << 80
            | 0x7 << 76
            | (counter >> 10) << 64
            | 0b10 << 62
            | (counter & 0x3FF) << _RANDOM_BITS
            | self._random.getrandbits(_RANDOM_BITS)
        )
        digits = f"{value:032x}"
        return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"
