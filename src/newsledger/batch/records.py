"""ArticleResult <-> JSON text, so per-article results can travel through Parquet and come back whole."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from newsledger.models import (
    Actor,
    Article,
    ArticleResult,
    EventMention,
    Figure,
    Location,
    PlaceMention,
    Quote,
    Territory,
    TimeMention,
    to_dict,
)


def article_to_json(article: Article) -> str:
    return json.dumps(to_dict(article), ensure_ascii=False)


def article_from_dict(d: dict[str, Any]) -> Article:
    d = dict(d)
    if d.get("published"):
        d["published"] = datetime.fromisoformat(d["published"])
    return Article(**d)


def article_from_json(text: str) -> Article:
    return article_from_dict(json.loads(text))


def result_to_json(result: ArticleResult) -> str:
    """The whole result (article included) as one JSON object."""
    return json.dumps(to_dict(result), ensure_ascii=False)


def _location(d: dict[str, Any] | None) -> Location | None:
    return Location(**d) if d else None


def _mention(d: dict[str, Any]) -> EventMention:
    d = dict(d)
    d["actor"] = [Actor(**a) for a in d.get("actor") or []]
    d["recipient"] = [Actor(**a) for a in d.get("recipient") or []]
    d["territory"] = Territory(**d["territory"]) if d.get("territory") else None
    d["location"] = _location(d.get("location"))
    return EventMention(**d)


def _place(d: dict[str, Any]) -> PlaceMention:
    d = dict(d)
    d["location"] = _location(d.get("location")) or Location()
    return PlaceMention(**d)


def result_from_json(text: str) -> ArticleResult:
    """Rebuild an ArticleResult written by `result_to_json`."""
    d = json.loads(text)
    return ArticleResult(
        article=article_from_dict(d["article"]),
        sentences=[(int(s), int(e)) for s, e in d.get("sentences") or []],
        mentions=[_mention(m) for m in d.get("mentions") or []],
        quotes=[Quote(**q) for q in d.get("quotes") or []],
        figures=[Figure(**f) for f in d.get("figures") or []],
        places=[_place(p) for p in d.get("places") or []],
        times=[TimeMention(**t) for t in d.get("times") or []],
    )
