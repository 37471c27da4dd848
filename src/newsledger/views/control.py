"""Control history of a place: who gained or lost it, when, and on whose reporting."""

from __future__ import annotations

import unicodedata
from typing import Any

from newsledger.models import Event

# modalities that state a change of control; speculative and negated reports are left out by default
CONFIRMED = frozenset({"asserted", "reported"})


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.lower().replace("'", "").replace("\u2019", "").split())


def _same_place(event: Event, place: str) -> bool:
    """Match on the territory's name, the resolved location's name, or a shared GeoNames id."""
    terr = event.territory
    if terr is None:
        return False
    want = _fold(place)
    if _fold(terr.place) == want:
        return True
    loc = event.location
    if loc is not None and loc.name and _fold(loc.name) == want and terr.geonameid in (None, loc.geonameid):
        return True
    return False


def control_history(events: list[Event], place: str, *, include_unconfirmed: bool = False) -> list[dict[str, Any]]:
    """Dated control changes of `place`, oldest first: date, gained_by, lost_by, sources and evidence.

    Each entry carries `holder_after` (who controls the place after this change, when known). Events
    without a date sort last. Speculative or negated reports are dropped unless `include_unconfirmed`.
    """
    rows: list[dict[str, Any]] = []
    for ev in events:
        if not _same_place(ev, place):
            continue
        if ev.modality not in CONFIRMED and not include_unconfirmed:
            continue
        terr = ev.territory
        if terr is None:
            continue
        rows.append({
            "date": ev.date, "date_precision": ev.date_precision, "place": terr.place,
            "geonameid": terr.geonameid or (ev.location.geonameid if ev.location else None),
            "gained_by": terr.gained_by, "lost_by": terr.lost_by, "event_id": ev.event_id,
            "event_type": ev.event_type, "modality": ev.modality, "confidence": ev.confidence,
            "n_sources": ev.n_sources or len(ev.sources),
            "n_independent_sources": ev.n_independent_sources,
            "sources": [{"article_id": s.article_id, "outlet": s.outlet, "url": s.url, "published": s.published,
                         "sentence": s.sentence} for s in ev.sources],
        })
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["event_id"]))
    holder: str | None = None
    for r in rows:
        if r["gained_by"]:
            holder = r["gained_by"]
        elif r["lost_by"] and holder in (None, r["lost_by"]):
            holder = None
        r["holder_after"] = holder
    return rows
