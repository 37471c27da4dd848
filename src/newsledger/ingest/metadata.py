"""Metadata fields shared by every reader: publication dates and the Article builder."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from typing import Any

from newsledger.errors import InputError
from newsledger.ingest.normalise import article_id, clean_text
from newsledger.models import Article

log = logging.getLogger(__name__)


def parse_published(value: Any) -> tuple[datetime | None, bool, str | None]:
    """Return (naive-UTC datetime, has_time, reason-if-None) for an ISO date/datetime or date object."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, False, "missing"
    if isinstance(value, datetime):
        dt = value
        has_time = True
    elif isinstance(value, date):
        return datetime(value.year, value.month, value.day), False, None
    else:
        s = str(value).strip()
        try:
            if len(s) == 10:
                d = date.fromisoformat(s)
                return datetime(d.year, d.month, d.day), False, None
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
            has_time = True
        except ValueError:
            dt = _parse_loose(s)
            if dt is None:
                return None, False, f"unparseable: {s[:40]!r}"
            has_time = dt.hour or dt.minute
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    if not 1900 <= dt.year <= 2100:
        return None, False, f"implausible year {dt.year}"
    return dt, bool(has_time), None


def _parse_loose(s: str) -> datetime | None:
    """Accept RFC-822 and other common forms feeds use ("Sun, 02 Oct 2022 10:00:00 GMT")."""
    from email.utils import parsedate_to_datetime
    try:
        return parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slower; only for odd formats
    return dateparser.parse(s, settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})


def build_article(text: str, meta: dict[str, Any], path: str, line: int | None = None) -> Article:
    """Make an Article from text and metadata; an empty text is an InputError naming the file."""
    body = clean_text(text)
    if not body:
        raise InputError("E108", "record has no text", path=path, line=line)
    published, has_time, reason = parse_published(meta.get("published") or meta.get("date"))
    if reason and reason != "missing":
        log.warning("%s%s: publication date %s; article kept with unknown date", path,
                    f":{line}" if line else "", reason)
    where = f"{path}:{line}" if line else path
    return Article(
        article_id=article_id(body), text=body, title=_str(meta.get("title")), url=_str(meta.get("url")),
        outlet=_str(meta.get("outlet") or meta.get("source")), published=published,
        published_has_time=has_time, language=_str(meta.get("language")) or "en",
        source_path=where, date_reason=reason,
    )


def _str(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None
