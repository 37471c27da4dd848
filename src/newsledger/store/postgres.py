"""The PostgreSQL backend: the same schema and SQL as DuckDB, run through psycopg 3 for shared deployments."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from newsledger.errors import NewsledgerError
from newsledger.store.base import Store

log = logging.getLogger(__name__)

# DuckDB spells the 8-byte float `DOUBLE`; PostgreSQL wants `DOUBLE PRECISION`. Only whole-word uses in DDL
# are rewritten (the schema has no column or string literal named "double").
_DOUBLE = re.compile(r"\bDOUBLE\b(?!\s+PRECISION)", re.IGNORECASE)
# Seconds to wait for a server before giving up with E200 (a local server answers in milliseconds).
CONNECT_TIMEOUT_S = 10


def translate(sql: str) -> str:
    """DuckDB-flavoured SQL with `?` marks -> PostgreSQL SQL with `%s` marks (literal `%` doubled)."""
    sql = sql.replace("%", "%%").replace("?", "%s")
    if sql.lstrip().upper().startswith(("CREATE TABLE", "ALTER TABLE")):
        sql = _DOUBLE.sub("DOUBLE PRECISION", sql)
    return sql


class PostgresStore(Store):
    """PostgreSQL via psycopg 3 in autocommit mode, so `Store.transaction`'s BEGIN/COMMIT delimit batches."""

    placeholder = "%s"

    def _sql(self, sql: str) -> str:
        return translate(sql)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), _clean(params))
        return cur

    def executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                # psycopg 3 pipelines executemany: one round trip per batch, not per row
                cur.executemany(self._sql(sql), [_clean(r) for r in rows])

    def insert_rows(self, table: str, rows: list[Sequence[Any]], columns: Sequence[str] | None = None) -> None:
        """COPY the rows in: one stream per table and batch instead of one INSERT per row."""
        if not rows:
            return
        cols = f" ({','.join(columns)})" if columns else ""
        with self.conn.cursor() as cur, cur.copy(f"COPY {table}{cols} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(_clean(row))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.conn.cursor() as cur:
            cur.execute(self._sql(sql), _clean(params))
            if cur.description is None:
                return []
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _clean(params: Sequence[Any]) -> list[Any]:
    """PostgreSQL text cannot hold NUL: replace it with U+FFFD (which matches nothing a filter looks for)."""
    return [p.replace("\x00", "\ufffd") if isinstance(p, str) and "\x00" in p else p for p in params]


def connect(url: str) -> Any:
    """A psycopg connection in autocommit mode, or NewsledgerError E200 saying what failed."""
    try:
        import psycopg
    except ImportError as exc:
        raise NewsledgerError("E200", "PostgreSQL needs psycopg 3: pip install 'psycopg[binary]==3.3.9'") from exc
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as exc:
        raise NewsledgerError("E200", f"cannot connect to PostgreSQL at {_redact(url)}: {exc}") from exc


def _redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def open_postgres(url: str) -> Store:
    """Open (and migrate) the PostgreSQL store at `url` (postgresql://user:pass@host:port/db)."""
    store = PostgresStore(connect(url), _redact(url))
    store.migrate()
    log.info("opened PostgreSQL store %s", store.url)
    return store
