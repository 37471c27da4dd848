"""Storage: one schema, DuckDB by default, PostgreSQL by URL."""

from newsledger.store.base import Store
from newsledger.store.duck import open_store

__all__ = ["Store", "open_store"]
