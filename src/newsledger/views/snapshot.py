"""A deterministic dump of everything the store holds about its articles (golden files, debugging)."""

from __future__ import annotations

from typing import Any

from newsledger.models import to_dict
from newsledger.store.base import Store
from newsledger.store.queries import Filters, list_events


def store_snapshot(store: Store) -> dict[str, Any]:
    """Articles, events, quotes, figures, places and times in a stable order, as plain JSON values."""
    def rows(sql: str) -> list[dict[str, Any]]:
        return [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
                for r in store.query(sql)]

    events = sorted((to_dict(e) for e in list_events(store, Filters())), key=lambda e: e["event_id"])
    for e in events:
        e.pop("coder_version", None)  # changes with every release; not part of the behaviour under test
    return {
        "articles": rows("SELECT article_id, title, outlet, url, CAST(published AS VARCHAR) AS published, "
                         "copy_kind, copy_of, story_id FROM articles ORDER BY article_id"),
        "events": events,
        "quotes": rows("SELECT article_id, start_char, end_char, speaker, speaker_role, kind, cue, text "
                       "FROM quotes ORDER BY article_id, start_char"),
        "figures": rows("SELECT article_id, start_char, end_char, text, value, value_max, approximate, bound, "
                        "unit, counts, subject, claimed_by FROM figures ORDER BY article_id, start_char"),
        "places": rows("SELECT article_id, start_char, end_char, text, name, geonameid, lat, lon, admin1, "
                       "country, precision FROM places ORDER BY article_id, start_char"),
        "times": rows("SELECT article_id, start_char, end_char, text, type, value, day, precision "
                      "FROM times ORDER BY article_id, start_char"),
    }
