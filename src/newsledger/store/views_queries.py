"""Reads the analyst's views need beyond queries.py: stories, places, evidence spans, facets, timelines."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from newsledger.models import Event
from newsledger.store.base import Store
from newsledger.store.codec import event_from_record
from newsledger.store.queries import Filters, _article_filters, _page, event_where


def list_stories(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Stories (clusters of articles about one development), newest first, with their size and headline."""
    where, params = _article_filters(replace(f, story=None))  # the listing is of stories: no story filter
    cond = " AND ".join(["a.story_id IS NOT NULL", *where])
    sql = ("SELECT a.story_id, count(*) AS n_articles, count(DISTINCT coalesce(a.copy_group, a.article_id)) "
           "AS n_independent, min(CAST(a.published AS VARCHAR)) AS first_published, "
           "max(CAST(a.published AS VARCHAR)) AS last_published, "
           "string_agg(DISTINCT a.outlet, '|') AS outlets, min(a.title) AS any_title "
           f"FROM articles a WHERE {cond} GROUP BY a.story_id")
    sql = _page(sql + " ORDER BY last_published DESC NULLS LAST, a.story_id", params, f)
    rows = store.query(sql, params)
    if not rows:
        return rows
    ids = [r["story_id"] for r in rows]
    marks = ",".join("?" * len(ids))
    counts = {r["story_id"]: r["n"] for r in store.query(
        f"SELECT story_id, count(*) AS n FROM events WHERE story_id IN ({marks}) GROUP BY story_id", ids)}
    titles = _earliest_titles(store, ids)
    for r in rows:
        r["outlets"] = sorted(o for o in (r.pop("outlets") or "").split("|") if o)
        r["title"] = titles.get(r["story_id"]) or r.pop("any_title", None)
        r.pop("any_title", None)
        r["n_events"] = int(counts.get(r["story_id"], 0))
    return rows


def _earliest_titles(store: Store, story_ids: list[str]) -> dict[str, str]:
    """The headline of each story's first-published article."""
    marks = ",".join("?" * len(story_ids))
    out: dict[str, str] = {}
    for r in store.query(f"SELECT story_id, title FROM articles WHERE story_id IN ({marks}) AND title IS NOT NULL "
                         "ORDER BY published NULLS LAST, article_id", story_ids):
        out.setdefault(r["story_id"], r["title"])
    return out


def get_story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story: its articles (oldest first) and events."""
    arts = store.query("SELECT article_id, title, outlet, url, CAST(published AS VARCHAR) AS published, "
                       "copy_kind, copy_of FROM articles WHERE story_id = ? ORDER BY published NULLS LAST, "
                       "article_id", [story_id])
    if not arts:
        return None
    rows = store.query("SELECT record FROM events WHERE story_id = ? ORDER BY event_date NULLS LAST, "
                       "n_independent_sources DESC, event_id", [story_id])
    return {"story_id": story_id, "title": next((a["title"] for a in arts if a["title"]), None),
            "articles": arts, "events": [event_from_record(r["record"]) for r in rows]}


def list_places(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Places that events are located at, with how many events and whether control changed there."""
    where, params = event_where(f)
    cond = where + (" AND " if where else " WHERE ") + "place_name IS NOT NULL"
    sql = ("SELECT place_name AS name, any_value(geonameid) AS geonameid, avg(lat) AS lat, avg(lon) AS lon, "
           "any_value(admin1) AS admin1, any_value(country) AS country, count(*) AS n_events, "
           "sum(CASE WHEN has_territory THEN 1 ELSE 0 END) AS n_control_changes, "
           "min(event_date) AS first_date, max(event_date) AS last_date "
           f"FROM events{cond} GROUP BY place_name")
    sql = _page(sql + " ORDER BY n_events DESC, name", params, f)
    return store.query(sql, params)


def facets(store: Store) -> dict[str, Any]:
    """Values the web page offers in its filters, and the date range of the store."""
    def col(sql: str) -> list[str]:
        return [r["v"] for r in store.query(sql) if r["v"]]

    outlets: set[str] = set()
    for o in col("SELECT DISTINCT outlets AS v FROM events"):
        outlets |= {x for x in o.split("|") if x}
    rng = store.query("SELECT min(event_date) AS lo, max(event_date) AS hi, count(*) AS n FROM events")[0]
    return {
        "types": col("SELECT DISTINCT event_type AS v FROM events ORDER BY v"),
        "modalities": col("SELECT DISTINCT modality AS v FROM events ORDER BY v"),
        "outlets": sorted(outlets),
        "places": col("SELECT DISTINCT place_name AS v FROM events ORDER BY v"),
        "date_min": rng["lo"], "date_max": rng["hi"], "n_events": int(rng["n"]),
    }


def timeline(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Event counts per day and type (dated events only), oldest first."""
    where, params = event_where(Filters(**{**_as_dict(f), "limit": None, "offset": 0}))
    cond = where + (" AND " if where else " WHERE ") + "event_date IS NOT NULL"
    return store.query(f"SELECT substr(event_date, 1, 10) AS date, event_type AS type, count(*) AS n "
                       f"FROM events{cond} GROUP BY 1, 2 ORDER BY 1, 2", params)


def _as_dict(f: Filters) -> dict[str, Any]:
    return {k: getattr(f, k) for k in f.__dataclass_fields__}


def event_evidence(store: Store, event: Event) -> list[dict[str, Any]]:
    """Each source of `event` with highlight spans (relative to its sentence) for trigger, actors and places."""
    mentions = store.query(
        "SELECT article_id, sent_start, trigger, trigger_start, trigger_end, actor, recipient, location "
        "FROM mentions WHERE event_id = ?", [event.event_id])
    by_key = {(m["article_id"], m["sent_start"], m["trigger"]): m for m in mentions}
    aids = sorted({s.article_id for s in event.sources})
    articles: dict[str, dict[str, Any]] = {}
    places: dict[str, list[dict[str, Any]]] = {}
    if aids:
        marks = ",".join("?" * len(aids))
        for r in store.query(f"SELECT article_id, title, CAST(published AS VARCHAR) AS published, copy_kind, "
                             f"copy_of FROM articles WHERE article_id IN ({marks})", aids):
            articles[r["article_id"]] = r
        for r in store.query(f"SELECT article_id, text, start_char, end_char, name FROM places "
                             f"WHERE article_id IN ({marks})", aids):
            places.setdefault(r["article_id"], []).append(r)
    out = []
    for s in event.sources:
        m = by_key.get((s.article_id, s.start, s.trigger))
        spans: list[dict[str, Any]] = []
        if m and m["trigger_start"] is not None:
            spans.append({"kind": "trigger", "start": m["trigger_start"] - s.start,
                          "end": m["trigger_end"] - s.start, "text": m["trigger"]})
        elif s.trigger:
            spans += _find(s.sentence, s.trigger, "trigger")
        actor_texts = _actor_texts(m["actor"] if m else None) or [a.text or a.name for a in event.actor]
        recip_texts = _actor_texts(m["recipient"] if m else None) or [a.text or a.name for a in event.recipient]
        for t in actor_texts:
            spans += _find(s.sentence, t, "actor")
        for t in recip_texts:
            spans += _find(s.sentence, t, "recipient")
        for p in places.get(s.article_id, []):
            if s.start <= p["start_char"] and (p["end_char"] or 0) <= s.end:
                spans.append({"kind": "place", "start": p["start_char"] - s.start,
                              "end": p["end_char"] - s.start, "text": p["text"]})
        art = articles.get(s.article_id, {})
        out.append({"article_id": s.article_id, "outlet": s.outlet, "url": s.url, "title": art.get("title"),
                    "published": s.published or art.get("published"), "copy_kind": art.get("copy_kind"),
                    "copy_of": art.get("copy_of"), "sentence": s.sentence, "start": s.start, "end": s.end,
                    "trigger": s.trigger, "highlights": _clean_spans(spans, len(s.sentence))})
    return out


def _actor_texts(raw: str | None) -> list[str]:
    if not raw:
        return []
    return [a.get("text") or a.get("name") for a in json.loads(raw) if a.get("text") or a.get("name")]


def _find(sentence: str, text: str, kind: str) -> list[dict[str, Any]]:
    """The first case-insensitive occurrence of `text` in `sentence` as a span (none if absent)."""
    if not text:
        return []
    i = sentence.lower().find(text.lower())
    return [] if i < 0 else [{"kind": kind, "start": i, "end": i + len(text), "text": sentence[i:i + len(text)]}]


def _clean_spans(spans: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """In-range, non-overlapping spans sorted by start; earlier kinds (trigger first) win overlaps."""
    order = {"trigger": 0, "actor": 1, "recipient": 2, "place": 3}
    kept: list[dict[str, Any]] = []
    for sp in sorted(spans, key=lambda x: (order.get(x["kind"], 9), x["start"])):
        if not (0 <= sp["start"] < sp["end"] <= n):
            continue
        if any(sp["start"] < k["end"] and k["start"] < sp["end"] for k in kept):
            continue
        kept.append(sp)
    return sorted(kept, key=lambda x: x["start"])


def events_for_export(store: Store, f: Filters) -> list[Event]:
    """Every event matching `f`, oldest first (exports read the store in date order)."""
    where, params = event_where(f)
    sql = _page(f"SELECT record FROM events{where} ORDER BY event_date NULLS LAST, event_id", params, f)
    return [event_from_record(r["record"]) for r in store.query(sql, params)]
