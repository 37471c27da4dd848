"""The embedded DuckDB backend: a single file, no server to start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from newsledger.errors import NewsledgerError
from newsledger.store.base import Store


class DuckStore(Store):
    """DuckDB: a cursor is a second connection there, so statements run on the connection itself."""

    placeholder = "?"

    def _cursor(self) -> Any:
        return self.conn


def open_store(db: str, read_only: bool = False) -> Store:
    """Open (and migrate) the store at `db`: a DuckDB file path or a postgresql:// URL."""
    if db.startswith(("postgresql://", "postgres://")):
        from newsledger.store.postgres import open_postgres

        return open_postgres(db)
    path = Path(db)
    if read_only and not path.exists():
        raise NewsledgerError("E200", f"no store at {db}; run `newsledger ingest` first or pass --db")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise NewsledgerError("E200", f"cannot open {db}: {exc}") from exc
    store = DuckStore(conn, str(path))
    if not read_only:
        store.migrate()
    return store
