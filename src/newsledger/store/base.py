"""The store: one write path (transactional per batch), typed reads; DuckDB by default.

SQL here uses `?` placeholders and plain types so that a PostgreSQL backend can run it unchanged after
placeholder translation (see `Store._sql`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from newsledger.models import Article, ArticleResult, Event, EventMention, Figure, Location
from newsledger.store.codec import (
    actors_from_json,
    dumps,
    location_from_json,
    mention_id,
    short_hash,
    territory_from_json,
)
from newsledger.store.schema import ARTICLE_TABLES, MIGRATIONS

log = logging.getLogger(__name__)

ARTICLE_COLS = ("article_id", "title", "url", "outlet", "published", "published_has_time", "date_reason",
                "language", "source_path", "text", "ingested_at", "coder_version")
LINK_COLS = ("copy_group", "copy_kind", "copy_of", "copy_score", "story_id")
# Name under which a batch of rows is shown to DuckDB as an Arrow table for one INSERT/UPDATE ... SELECT.
_ROWS_VIEW = "__newsledger_rows"


class Store:
    """Base class holding all SQL; subclasses supply a DB-API connection and placeholder style."""

    placeholder = "?"

    def __init__(self, conn: Any, url: str):
        self.conn = conn
        self.url = url

    # -- plumbing -----------------------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _cursor(self) -> Any:
        """A cursor inside the connection's transaction (backends override where that differs)."""
        return self.conn.cursor()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self._cursor()
        cur.execute(self._sql(sql), list(params))
        return cur

    def executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        if rows:
            self._cursor().executemany(self._sql(sql), [list(r) for r in rows])

    def insert_rows(self, table: str, rows: list[Sequence[Any]], columns: Sequence[str] | None = None) -> None:
        """Append rows (all columns in table order unless `columns` is given).

        DuckDB gets one Arrow table per call (executemany there costs ~1 ms a row: it was 19% of ingest
        time); other backends use executemany (or override this, as PostgreSQL does with COPY).
        """
        if not rows:
            return
        cols = f" ({','.join(columns)})" if columns else ""
        arrow = self._arrow_rows(rows)
        if arrow is not None:
            self._with_rows_view(arrow, f"INSERT INTO {table}{cols} SELECT * FROM {_ROWS_VIEW}")
            return
        self.executemany(f"INSERT INTO {table}{cols} VALUES ({','.join('?' * len(rows[0]))})", rows)

    def update_rows(self, table: str, key: str, columns: Sequence[str], rows: list[Sequence[Any]]) -> None:
        """UPDATE `columns` of the rows whose `key` is the last value of each row."""
        if not rows:
            return
        arrow = self._arrow_rows(rows)
        if arrow is not None:
            sets = ", ".join(f"{c} = r.c{i}" for i, c in enumerate(columns))
            self._with_rows_view(arrow, f"UPDATE {table} SET {sets} FROM {_ROWS_VIEW} r "
                                        f"WHERE {table}.{key} = r.c{len(columns)}")
            return
        sets = ", ".join(f"{c} = ?" for c in columns)
        self.executemany(f"UPDATE {table} SET {sets} WHERE {key} = ?", rows)

    def _arrow_rows(self, rows: list[Sequence[Any]]) -> Any:
        """The rows as an Arrow table (columns c0..cN) where the connection can scan one, else None."""
        if not (hasattr(self.conn, "register") and hasattr(self.conn, "unregister")):
            return None
        import pyarrow as pa

        try:
            return pa.table({f"c{i}": list(col) for i, col in enumerate(zip(*rows, strict=True))})
        except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError):
            return None  # mixed types in a column: let the database convert or refuse them row by row

    def _with_rows_view(self, arrow: Any, sql: str) -> None:
        self.conn.register(_ROWS_VIEW, arrow)
        try:
            self.conn.execute(sql)
        finally:
            self.conn.unregister(_ROWS_VIEW)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing: readers never see half of a batch, a crash leaves the last whole batch."""
        self.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------------------------
    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version now in force."""
        self.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)""")
        done = {r["version"] for r in self.query("SELECT version FROM schema_migrations")}
        for version, name, statements in MIGRATIONS:
            if version in done:
                continue
            with self.transaction():
                for stmt in statements:
                    self.execute(stmt)
                self.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, datetime.now()))
            log.info("applied migration %d: %s", version, name)
        return max([v for v, _, _ in MIGRATIONS])

    # -- writes -------------------------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found |= {r["article_id"] for r in self.query(
                f"SELECT article_id FROM articles WHERE article_id IN ({marks})", chunk)}
        return found

    def write_results(self, results: list[ArticleResult], coder_version: str,
                      links: dict[str, dict[str, Any]] | None = None) -> int:
        """Store a batch of processed articles (and their copy/story links) in one transaction.

        Already-stored ids are skipped, so re-running an interrupted ingest converges to one clean run.
        """
        known = self.known_ids(r.article.article_id for r in results)
        fresh = [r for r in results if r.article.article_id not in known]
        if not fresh:
            return 0
        now = datetime.now()
        links = links or {}
        with self.transaction():
            # link columns go in with the article row: one INSERT instead of an INSERT and an UPDATE
            self.insert_rows("articles", [
                (a.article_id, a.title, a.url, a.outlet, a.published, a.published_has_time, a.date_reason,
                 a.language, a.source_path, a.text, now, coder_version,
                 *(links.get(a.article_id, {}).get(c) for c in LINK_COLS)) for a in (r.article for r in fresh)],
                (*ARTICLE_COLS, *LINK_COLS))
            self.insert_rows("sentences", [
                (r.article.article_id, i, s, e) for r in fresh for i, (s, e) in enumerate(r.sentences)])
            self.insert_rows("mentions", [_mention_row(m) for r in fresh for m in _unique_mentions(r.mentions)])
            self.insert_rows("quotes", [
                (short_hash(q.article_id, q.start, q.end), q.article_id, q.speaker, q.speaker_role, q.text,
                 q.kind, q.start, q.end, q.cue, q.sentence) for r in fresh for q in _unique(r.quotes)])
            self.insert_rows("figures", [
                (short_hash(f.article_id, f.start, f.end), f.article_id, f.text, f.value, f.value_max,
                 f.approximate, f.bound, f.unit, f.counts, f.subject, f.claimed_by, f.start, f.end, f.sentence)
                for r in fresh for f in _unique(r.figures)])
            self.insert_rows("places", [
                (p.article_id, p.text, p.start, p.end, p.location.name, p.location.geonameid, p.location.lat,
                 p.location.lon, p.location.admin1, p.location.country, p.location.precision,
                 p.location.score, p.location.reason, p.feature)
                for r in fresh for p in _unique(r.places)])
            self.insert_rows("times", [
                (r.article.article_id, t.text, t.start, t.end, t.type, t.value, t.date, t.precision, t.reason)
                for r in fresh for t in _unique(r.times)])
        return len(fresh)

    def replace_events(self, events: list[Event], mention_event: dict[str, str],
                       source_mentions: dict[tuple[str, int, str | None], str] | None = None) -> None:
        """Swap in a new set of merged events (and the mention->event map) in one transaction.

        `source_mentions` maps (article_id, sentence start, trigger) of a Source to its mention id.
        """
        source_mentions = source_mentions or {}
        with self.transaction():
            self.execute("DELETE FROM event_sources")
            self.execute("DELETE FROM events")
            self.execute("UPDATE mentions SET event_id = NULL")
            self.insert_rows("events", [_event_row(e) for e in events])
            self.insert_rows("event_sources", [
                (e.event_id, s.article_id, source_mentions.get((s.article_id, s.start, s.trigger), ""),
                 s.outlet, s.url, s.sentence, s.start, s.end) for e in events for s in e.sources])
            self.update_rows("mentions", "mention_id", ("event_id",),
                             [(ev, mid) for mid, ev in mention_event.items()])

    # -- reads --------------------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in (*ARTICLE_TABLES, "articles", "events", "event_sources"):
            raise ValueError(f"unknown table {table}")
        return int(self.query(f"SELECT count(*) AS n FROM {table}")[0]["n"])

    def unmerged_mentions(self) -> int:
        return int(self.query("SELECT count(*) AS n FROM mentions WHERE event_id IS NULL")[0]["n"])

    def articles(self, ids: Iterable[str] | None = None, since: datetime | None = None,
                 until: datetime | None = None, text: bool = True) -> list[tuple[Article, dict[str, Any]]]:
        """Stored articles (with their link columns), by id or publication window, oldest first.

        `text=False` leaves each article's text empty: the event merge needs only dates and sources, and
        reading every text back made the final merge hold the whole corpus in memory.
        """
        where, params = [], []
        if ids is not None:
            ids = list(ids)
            if not ids:
                return []
            where.append(f"article_id IN ({','.join('?' * len(ids))})")
            params += ids
        if since is not None:
            where.append("published >= ?")
            params.append(since)
        if until is not None:
            where.append("published <= ?")
            params.append(until)
        cols = "*" if text else ", ".join(f"'' AS {c}" if c == "text" else c for c in (*ARTICLE_COLS, *LINK_COLS))
        sql = f"SELECT {cols} FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
        rows = self.query(sql + " ORDER BY published NULLS FIRST, article_id", params)
        return [(_article_from_row(r), {k: r[k] for k in ("copy_group", "copy_kind", "copy_of", "copy_score",
                                                          "story_id")}) for r in rows]

    def article_features(self, ids: list[str]) -> dict[str, set[str]]:
        """Lower-cased place and actor names per stored article: the story-clustering features."""
        out: dict[str, set[str]] = {i: set() for i in ids}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.query(f"SELECT article_id, coalesce(name, text) AS n FROM places "
                                f"WHERE article_id IN ({marks})", chunk):
                if r["n"]:
                    out[r["article_id"]].add(r["n"].lower())
            for r in self.query(f"SELECT article_id, actor, recipient FROM mentions WHERE article_id IN ({marks})",
                                chunk):
                for a in actors_from_json(r["actor"]) + actors_from_json(r["recipient"]):
                    out[r["article_id"]].add(a.name.lower())
        return out

    def counted_figures(self) -> list[Figure]:
        """Figures that count something (no unit) in articles with event mentions: merging compares them
        across sources to flag disagreements ("66 people" vs "more than 70")."""
        return [Figure(article_id=r["article_id"], text=r["text"], value=r["value"], value_max=r["value_max"],
                       start=r["start_char"], end=r["end_char"], unit=r["unit"], counts=r["counts"],
                       bound=r["bound"] or "exact")
                for r in self.query(
                    "SELECT article_id, text, value, value_max, bound, unit, counts, start_char, end_char FROM figures "
                    "WHERE counts IS NOT NULL AND (unit IS NULL OR unit = '') AND value IS NOT NULL "
                    "AND article_id IN (SELECT DISTINCT article_id FROM mentions) "
                    "ORDER BY article_id, start_char")]

    def mentions(self) -> list[tuple[str, EventMention]]:
        """All stored event mentions as (mention_id, EventMention)."""
        out = []
        for r in self.query("SELECT * FROM mentions ORDER BY article_id, trigger_start"):
            out.append((r["mention_id"], EventMention(
                article_id=r["article_id"], event_type=r["event_type"], mode=r["mode"],
                actor=actors_from_json(r["actor"]), recipient=actors_from_json(r["recipient"]),
                modality=r["modality"], trigger=r["trigger"], trigger_start=r["trigger_start"],
                trigger_end=r["trigger_end"], sentence=r["sentence"], sent_start=r["sent_start"],
                sent_end=r["sent_end"], clause_start=r["clause_start"], clause_end=r["clause_end"],
                territory=territory_from_json(r["territory"]), location=location_from_json(r["location"]),
                date=r["event_date"], date_precision=r["date_precision"], date_text=r["date_text"],
                confidence=r["confidence"], coder_version=r["coder_version"])))
        return out


def _unique(items: list[Any]) -> list[Any]:
    """Drop records with the same span (an extractor may report one twice); keeps the first."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for it in items:
        key = (it.start, getattr(it, "end", None))
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def _unique_mentions(items: list[EventMention]) -> list[EventMention]:
    seen: set[str] = set()
    out = []
    for m in items:
        k = mention_id(m)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out


def _mention_row(m: EventMention) -> tuple[Any, ...]:
    return (mention_id(m), m.article_id, m.event_type, m.mode, m.modality, dumps(m.actor), dumps(m.recipient),
            m.trigger, m.trigger_start, m.trigger_end, m.sentence, m.sent_start, m.sent_end, m.clause_start,
            m.clause_end, dumps(m.territory), dumps(m.location), m.date, m.date_precision, m.date_text,
            m.confidence, m.coder_version, None)


def _event_row(e: Event) -> tuple[Any, ...]:
    loc = e.location or Location()
    names = "|".join(sorted({a.name for a in e.actor + e.recipient} | {a.code or "" for a in e.actor + e.recipient}))
    outlets = "|".join(sorted({s.outlet or "" for s in e.sources}))
    return (e.event_id, e.event_type, e.mode, e.modality, e.date, e.date_precision, loc.name, loc.geonameid,
            loc.lat, loc.lon, loc.country, loc.admin1, names, outlets, e.territory is not None, e.n_sources,
            e.n_independent_sources, e.story_id, e.confidence, dumps(e))


def _article_from_row(r: dict[str, Any]) -> Article:
    return Article(article_id=r["article_id"], text=r["text"], title=r["title"], url=r["url"],
                   outlet=r["outlet"], published=r["published"], published_has_time=bool(r["published_has_time"]),
                   language=r["language"] or "en", source_path=r["source_path"], date_reason=r["date_reason"])
