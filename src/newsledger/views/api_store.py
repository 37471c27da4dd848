"""The API's one store connection: per-request read cursors that see whole batches, one locked write path.

DuckDB lets only one process open a file for writing, and no other process may open it meanwhile. So the app
opens its store once: read-only when the write endpoints are off (other read-only readers may share the file;
stop the server to ingest from the CLI), read-write when an API token turns them on (then ingest through the
API). Each request reads through its own `cursor()` of that connection: a DuckDB cursor is a separate
connection to the same database with its own transaction, so a read never sees half of a batch that the write
path is committing. Other backends share the one connection under a lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newsledger.settings import Settings
from newsledger.store import Store, open_store

log = logging.getLogger(__name__)


class StoreGate:
    """Owns the app's store; hands out read views and the write path."""

    def __init__(self, settings: Settings, *, writable: bool):
        self.settings = settings
        self.writable = writable
        read_only = not writable and not settings.db_is_postgres
        self.store: Store = open_store(settings.db, read_only=read_only)
        self._write_lock = threading.Lock()
        self._shared_lock = threading.Lock()
        self._duck = type(self.store).__name__ == "DuckStore"
        log.info("API store %s opened %s", settings.db, "read-write" if writable else "read-only")

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A store view for one request's reads."""
        if self._duck:
            cur = self.store.conn.cursor()
            # one transaction per request: a count and the rows it pages see the same committed batches
            cur.execute("BEGIN TRANSACTION")
            try:
                yield type(self.store)(cur, self.store.url)
            finally:
                cur.execute("ROLLBACK")
                cur.close()
        else:
            with self._shared_lock:
                yield self.store

    @contextmanager
    def write(self) -> Iterator[Store]:
        """The single write path: one writer at a time."""
        with self._write_lock:
            if self._duck:
                yield self.store
            else:
                with self._shared_lock:
                    yield self.store

    def close(self) -> None:
        self.store.close()
