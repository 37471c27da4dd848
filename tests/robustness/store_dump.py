"""Read a whole store into comparable form: every table's rows, sorted, without wall-clock columns."""

from __future__ import annotations

import duckdb

# Columns that record when something ran, so two equivalent runs differ in them by design.
CLOCK_COLUMNS = {"ingested_at", "applied_at"}
TABLES = ("schema_migrations", "articles", "sentences", "mentions", "events", "event_sources", "quotes", "figures",
          "places", "times")
PER_ARTICLE = ("articles", "sentences", "mentions", "quotes", "figures", "places", "times")

Rows = list[tuple[str, ...]]


def _rows(conn: duckdb.DuckDBPyConnection, table: str, skip: set[str]) -> tuple[list[str], Rows]:
    cols = [r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall() if r[0] not in skip]
    rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
    return cols, sorted(tuple(repr(v) for v in r) for r in rows)


def dump(db: str) -> dict[str, Rows]:
    """{table: sorted rows} for a DuckDB store file, opened read-only; {} when it has no schema yet."""
    conn = duckdb.connect(db, read_only=True)
    try:
        present = {r[0] for r in conn.execute("SHOW TABLES").fetchall()}
        return {t: _rows(conn, t, CLOCK_COLUMNS)[1] for t in TABLES if t in present}
    finally:
        conn.close()


def by_article(db: str) -> dict[str, dict[str, Rows]]:
    """{article_id: {table: rows}} over the per-article tables (the mention->event column left out)."""
    conn = duckdb.connect(db, read_only=True)
    try:
        present = {r[0] for r in conn.execute("SHOW TABLES").fetchall()}
        out: dict[str, dict[str, Rows]] = {}
        for table in PER_ARTICLE:
            if table not in present:
                continue
            cols, rows = _rows(conn, table, CLOCK_COLUMNS | {"event_id"})
            at = cols.index("article_id")
            for row in rows:
                out.setdefault(row[at], {}).setdefault(table, []).append(row)
        return out
    finally:
        conn.close()


def differences(a: dict[str, Rows], b: dict[str, Rows]) -> list[str]:
    """One line per table whose rows differ between two dumps."""
    return [f"{t}: {len(a.get(t, []))} rows vs {len(b.get(t, []))}, {len(set(a.get(t, [])) ^ set(b.get(t, [])))} "
            f"differ" for t in TABLES if a.get(t, []) != b.get(t, [])]
