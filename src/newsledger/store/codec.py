"""Row <-> record conversion: how records become table rows and JSON columns, and back."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from newsledger.models import (
    Actor,
    Event,
    EventMention,
    Location,
    Source,
    Territory,
    to_dict,
)


def dumps(obj: Any) -> str | None:
    """JSON text of a record, a list of records, or None."""
    if obj is None:
        return None
    if isinstance(obj, list):
        return json.dumps([to_dict(o) if hasattr(o, "__dataclass_fields__") else o for o in obj])
    if hasattr(obj, "__dataclass_fields__"):
        return json.dumps(to_dict(obj))
    return json.dumps(obj)


def short_hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def mention_id(m: EventMention) -> str:
    return short_hash(m.article_id, m.trigger_start, m.trigger_end, m.event_type)


def actors_from_json(text: str | None) -> list[Actor]:
    return [Actor(**a) for a in json.loads(text)] if text else []


def location_from_json(text: str | None) -> Location | None:
    return Location(**json.loads(text)) if text else None


def territory_from_json(text: str | None) -> Territory | None:
    return Territory(**json.loads(text)) if text else None


def event_from_record(record: str | dict[str, Any]) -> Event:
    """Rebuild an Event from its stored JSON record."""
    d = json.loads(record) if isinstance(record, str) else dict(record)
    d["actor"] = [Actor(**a) for a in d.get("actor") or []]
    d["recipient"] = [Actor(**a) for a in d.get("recipient") or []]
    d["location"] = Location(**d["location"]) if d.get("location") else None
    d["territory"] = Territory(**d["territory"]) if d.get("territory") else None
    d["sources"] = [Source(**s) for s in d.get("sources") or []]
    return Event(**d)
