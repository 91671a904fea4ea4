"""A larger SQLite page cache for one long read (statistics, settlement figures).

Those reads look up rows at random in big indexes; with the default 8 MiB cache the same encrypted pages
are read and decrypted again and again. The cache is per connection and only grows as pages are used, so
it is raised for the length of one computation and put back afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from sqlalchemy.orm import Session

LARGE_READ_KIB: Final = 64 * 1024


@contextmanager
def larger_page_cache(session: Session, kib: int = LARGE_READ_KIB) -> Iterator[None]:
    connection = session.connection()
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous)}")
