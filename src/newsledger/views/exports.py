"""Whole-store or filtered exports of events: CSV, JSONL, GeoJSON, Parquet, ACLED-like columns, PLOVER JSON."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from newsledger.models import Actor, Event, to_dict
from newsledger.views import formats

log = logging.getLogger(__name__)

EXPORT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "geojson", "parquet", "acled", "plover")
# What a web client gets for each format.
MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet", "acled": "text/csv; charset=utf-8",
    "plover": "application/json",
}
EXTENSIONS: dict[str, str] = {"csv": "csv", "jsonl": "jsonl", "geojson": "geojson", "parquet": "parquet",
                              "acled": "acled.csv", "plover": "plover.json"}

# PLOVER location resolution: 1 country .. 5 sub-city (our "feature" is a named spot inside or near a town).
PLOVER_RESOLUTION: dict[str, int] = {"country": 1, "admin1": 2, "town": 4, "feature": 5}


def plover_actor(a: Actor) -> dict[str, Any]:
    return {"name": a.name, "code": a.code, "country": a.country, "sector": a.sector, "text": a.text}


def plover_record(e: Event) -> dict[str, Any]:
    """One event in PLOVER JSON: actor/recipient as lists, location with a 1..5 resolution, sources kept."""
    loc = e.location
    locations = []
    if loc is not None and (loc.name or loc.lat is not None):
        locations.append({"name": loc.name, "geonameid": loc.geonameid, "lat": loc.lat, "lon": loc.lon,
                          "admin1": loc.admin1, "country": loc.country,
                          "resolution": PLOVER_RESOLUTION.get(loc.precision or "", None)})
    return {
        "id": e.event_id, "date": e.date, "date_resolution": e.date_precision, "event": e.event_type,
        "mode": e.mode, "context": [], "modality": e.modality,
        "actor": [plover_actor(a) for a in e.actor], "recipient": [plover_actor(a) for a in e.recipient],
        "location": locations,
        "territory": to_dict(e.territory) if e.territory else None,
        "source": [{"article_id": s.article_id, "outlet": s.outlet, "url": s.url, "published": s.published,
                    "text": s.sentence, "start": s.start, "end": s.end} for s in e.sources],
        "n_independent_sources": e.n_independent_sources, "confidence": e.confidence,
        "disagreements": e.disagreements, "story_id": e.story_id, "coder": e.coder_version,
    }


def parquet_bytes(events: Sequence[Event]) -> bytes:
    """A Parquet file of flat event rows plus the full sources as a JSON column."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for e in events:
        row = formats.event_flat(e)
        row["sources"] = json.dumps([to_dict(s) for s in e.sources], ensure_ascii=False)
        rows.append(row)
    cols = [*formats.EVENT_CSV_COLUMNS, "sources"]
    schema = pa.schema([(c, _arrow_type(c)) for c in cols])
    table = pa.Table.from_pylist(rows, schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def _arrow_type(col: str) -> Any:
    import pyarrow as pa

    if col in ("lat", "lon", "confidence"):
        return pa.float64()
    if col in ("geonameid", "n_sources", "n_independent_sources"):
        return pa.int64()
    return pa.string()


def export_bytes(events: Sequence[Event], fmt: str) -> bytes:
    """The whole export of `events` in `fmt` (one of EXPORT_FORMATS) as bytes."""
    if fmt == "parquet":
        return parquet_bytes(events)
    return export_text(events, fmt).encode("utf-8")


def export_text(events: Sequence[Event], fmt: str) -> str:
    """Text formats: csv, jsonl, geojson, acled, plover."""
    if fmt == "csv":
        return formats.to_csv([formats.event_flat(e) for e in events], formats.EVENT_CSV_COLUMNS)
    if fmt == "jsonl":
        return formats.to_jsonl(list(events))
    if fmt == "geojson":
        return json.dumps(formats.events_geojson(events), ensure_ascii=False, indent=1) + "\n"
    if fmt == "acled":
        from newsledger.views.acled import ACLED_COLUMNS, acled_columns

        return formats.to_csv([acled_columns(e) for e in events], ACLED_COLUMNS)
    if fmt == "plover":
        return json.dumps([plover_record(e) for e in events], ensure_ascii=False, indent=1) + "\n"
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


def write_export(events: Sequence[Event], fmt: str, out: Path | BinaryIO) -> int:
    """Write the export to a path or a binary stream; returns the number of bytes written."""
    data = export_bytes(events, fmt)
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    else:
        out.write(data)
    log.info("exported %d events as %s (%d bytes)", len(events), fmt, len(data))
    return len(data)
