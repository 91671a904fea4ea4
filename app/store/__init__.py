"""The local store: encrypted SQLite, migrations, outbox, backups."""

from app.search import hook as _search_hook  # noqa: F401  (registers the search index flush hook)
from app.store import outbox as _outbox  # noqa: F401  (registers the outbox flush hook)
from app.store.errors import StoreError
from app.store.paths import DataDir, resolve_data_dir
from app.store.store import Store, create_store, open_store, store_exists

__all__ = ["DataDir", "Store", "StoreError", "create_store", "open_store", "resolve_data_dir", "store_exists"]
