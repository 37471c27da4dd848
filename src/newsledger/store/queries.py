"""Filtered reads shared by the CLI, the API and the exports (parameterised SQL only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from newsledger.models import Event
from newsledger.store.base import Store
from newsledger.store.codec import event_from_record


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters every listing takes; None means no filter."""
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    type: str | None = None  # PLOVER type, or comma-separated list
    place: str | None = None  # place, admin-1 or ISO country code
    actor: str | None = None  # actor name or code
    outlet: str | None = None
    modality: str | None = None
    min_sources: int | None = None  # minimum independent sources
    speaker: str | None = None  # quotes only
    kind: str | None = None  # quotes only: direct, indirect or stance (comma-separated)
    story: str | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except (TypeError, ValueError) as exc:
                    raise ValueError(f"--{name} must be a date as YYYY-MM-DD, not {value!r}") from exc
        if self.kind is not None and not set(self.kinds()) <= QUOTE_KINDS:
            raise ValueError(f"--kind must be among {', '.join(sorted(QUOTE_KINDS))}, not {self.kind!r}")
        if self.limit is not None and self.limit < 0 or self.offset < 0:
            raise ValueError("limit and offset must not be negative")


    def kinds(self) -> list[str]:
        """The quote kinds asked for, lower-cased."""
        return [k.strip().lower() for k in (self.kind or "").split(",") if k.strip()]


QUOTE_KINDS = frozenset({"direct", "indirect", "stance"})


def _like(value: str) -> str:
    """A LIKE pattern matching `value` as a substring, with LIKE's wildcards escaped."""
    return "%" + value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _page(sql: str, params: list[Any], f: Filters) -> str:
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(int(f.limit))
    if f.offset:
        sql += " OFFSET ?"
        params.append(int(f.offset))
    return sql


def event_where(f: Filters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.since:
        where.append("event_date >= ?")
        params.append(f.since)
    if f.until:
        where.append("event_date <= ?")
        params.append(f.until + "\uffff")
    if f.type:
        types = [t.strip().upper() for t in f.type.split(",") if t.strip()]
        where.append(f"event_type IN ({','.join('?' * len(types))})")
        params += types
    if f.place:
        where.append("(lower(place_name) LIKE ? ESCAPE '\\' OR lower(admin1) LIKE ? ESCAPE '\\' "
                     "OR lower(country) = ? OR lower(record) LIKE ? ESCAPE '\\')")
        pat = _like(f.place)
        params += [pat, pat, f.place.lower(), _like(f'"place": "{f.place}')]
    if f.actor:
        where.append("lower(actor_names) LIKE ? ESCAPE '\\'")
        params.append(_like(f.actor))
    if f.outlet:
        where.append("lower(outlets) LIKE ? ESCAPE '\\'")
        params.append(_like(f.outlet))
    if f.modality:
        where.append("modality = ?")
        params.append(f.modality)
    if f.min_sources:
        where.append("n_independent_sources >= ?")
        params.append(int(f.min_sources))
    if f.story:
        where.append("story_id = ?")
        params.append(f.story)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_events(store: Store, f: Filters) -> list[Event]:
    """Events matching `f`, newest first, then by independent sources."""
    where, params = event_where(f)
    sql = _page(f"SELECT record FROM events{where} ORDER BY event_date DESC NULLS LAST, "
                "n_independent_sources DESC, event_id", params, f)
    return [event_from_record(r["record"]) for r in store.query(sql, params)]


def count_events(store: Store, f: Filters) -> int:
    where, params = event_where(f)
    return int(store.query(f"SELECT count(*) AS n FROM events{where}", params)[0]["n"])


def get_event(store: Store, event_id: str) -> Event | None:
    rows = store.query("SELECT record FROM events WHERE event_id = ?", [event_id])
    return event_from_record(rows[0]["record"]) if rows else None


def _article_filters(f: Filters, alias: str = "a") -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.since:
        where.append(f"{alias}.published >= CAST(? AS TIMESTAMP)")
        params.append(f.since)
    if f.until:
        where.append(f"{alias}.published < CAST(? AS TIMESTAMP) + INTERVAL '1 day'")
        params.append(f.until)
    if f.outlet:
        where.append(f"lower({alias}.outlet) LIKE ? ESCAPE '\\'")
        params.append(_like(f.outlet))
    if f.story:
        where.append(f"{alias}.story_id = ?")
        params.append(f.story)
    return where, params


def _select(store: Store, sql: str, where: list[str], params: list[Any], order: str,
            f: Filters) -> list[dict[str, Any]]:
    """Run a listing: its filters, its order, then the page the filters ask for."""
    if where:
        sql += " WHERE " + " AND ".join(where)
    return store.query(_page(f"{sql} ORDER BY {order}", params, f), params)


def list_quotes(store: Store, f: Filters) -> list[dict[str, Any]]:
    where, params = _article_filters(f)
    if f.speaker:
        where.append("(lower(q.speaker) LIKE ? ESCAPE '\\' OR lower(q.speaker_role) LIKE ? ESCAPE '\\')")
        params += [_like(f.speaker), _like(f.speaker)]
    if f.kind:
        where.append(f"q.kind IN ({', '.join('?' * len(f.kinds()))})")
        params += f.kinds()
    sql = ("SELECT q.quote_id, q.speaker, q.speaker_role, q.text, q.kind, q.cue, q.article_id, "
           "q.start_char AS start, q.end_char AS \"end\", q.sentence, a.outlet, a.url, "
           "CAST(a.published AS VARCHAR) AS published FROM quotes q JOIN articles a USING (article_id)")
    return _select(store, sql, where, params, "a.published DESC NULLS LAST, q.article_id, q.start_char", f)


def list_figures(store: Store, f: Filters) -> list[dict[str, Any]]:
    where, params = _article_filters(f)
    sql = ("SELECT f.figure_id, f.text, f.value, f.value_max, f.approximate, f.bound, f.unit, f.counts, "
           "f.subject, f.claimed_by, f.article_id, f.start_char AS start, f.end_char AS \"end\", f.sentence, "
           "a.outlet, a.url, CAST(a.published AS VARCHAR) AS published "
           "FROM figures f JOIN articles a USING (article_id)")
    return _select(store, sql, where, params, "a.published DESC NULLS LAST, f.article_id, f.start_char", f)


def list_articles(store: Store, f: Filters) -> list[dict[str, Any]]:
    where, params = _article_filters(f)
    sql = ("SELECT a.article_id, a.title, a.outlet, a.url, CAST(a.published AS VARCHAR) AS published, "
           "a.date_reason, a.source_path, a.copy_group, a.copy_kind, a.copy_of, a.story_id, "
           "length(a.text) AS chars FROM articles a")
    return _select(store, sql, where, params, "a.published DESC NULLS LAST, a.article_id", f)


def territory_events(store: Store, place: str) -> list[Event]:
    """Events with a territorial-control change whose place or location matches `place`."""
    pat = _like(place)
    rows = store.query(
        "SELECT record FROM events WHERE has_territory AND (lower(place_name) LIKE ? ESCAPE '\\' "
        "OR lower(record) LIKE ? ESCAPE '\\') ORDER BY event_date NULLS LAST, event_id",
        [pat, _like(f'"place": "{place}')])
    return [event_from_record(r["record"]) for r in rows]
