"""Output formats shared by the CLI and exports: JSON, JSONL, CSV, GeoJSON and terminal tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from newsledger.models import Event, to_dict

EVENT_CSV_COLUMNS = (
    "event_id", "date", "date_precision", "event_type", "mode", "modality", "actor", "actor_code",
    "recipient", "recipient_code", "territory_place", "gained_by", "lost_by", "location", "geonameid",
    "lat", "lon", "admin1", "country", "precision", "n_sources", "n_independent_sources", "outlets",
    "story_id", "confidence", "disagreements", "first_sentence",
)


def event_flat(e: Event) -> dict[str, Any]:
    """One flat row of an event, for CSV, Parquet and tables."""
    loc = e.location
    t = e.territory
    return {
        "event_id": e.event_id, "date": e.date, "date_precision": e.date_precision, "event_type": e.event_type,
        "mode": e.mode, "modality": e.modality,
        "actor": "; ".join(a.name for a in e.actor), "actor_code": "; ".join(a.code or "" for a in e.actor),
        "recipient": "; ".join(a.name for a in e.recipient),
        "recipient_code": "; ".join(a.code or "" for a in e.recipient),
        "territory_place": t.place if t else None, "gained_by": t.gained_by if t else None,
        "lost_by": t.lost_by if t else None,
        "location": loc.name if loc else None, "geonameid": loc.geonameid if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "admin1": loc.admin1 if loc else None, "country": loc.country if loc else None,
        "precision": loc.precision if loc else None,
        "n_sources": e.n_sources, "n_independent_sources": e.n_independent_sources,
        "outlets": "; ".join(sorted({s.outlet or "" for s in e.sources})), "story_id": e.story_id,
        "confidence": e.confidence, "disagreements": json.dumps(e.disagreements) if e.disagreements else "",
        "first_sentence": e.sources[0].sentence if e.sources else "",
    }


def to_json(records: Sequence[Any]) -> str:
    return json.dumps([to_dict(r) if hasattr(r, "__dataclass_fields__") else r for r in records],
                      indent=2, ensure_ascii=False, default=str)


def to_jsonl(records: Sequence[Any]) -> str:
    return "".join(json.dumps(to_dict(r) if hasattr(r, "__dataclass_fields__") else r, ensure_ascii=False,
                              default=str) + "\n" for r in records)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    buf = io.StringIO()
    cols = list(columns or (rows[0].keys() if rows else []))
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def events_geojson(events: Sequence[Event]) -> dict[str, Any]:
    """A FeatureCollection of events that have coordinates; properties are the flat event row."""
    feats = []
    for e in events:
        if e.location is None or e.location.lat is None or e.location.lon is None:
            continue
        props = event_flat(e)
        props["sources"] = [to_dict(s) for s in e.sources]
        feats.append({"type": "Feature", "id": e.event_id,
                      "geometry": {"type": "Point", "coordinates": [e.location.lon, e.location.lat]},
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats}
