"""Event dates: pick the time expression that governs an event mention, never a silent default."""

from __future__ import annotations

import logging
import re

from newsledger.models import Article, EventMention, TimeMention
from newsledger.resolve.timex import sentence_bounds

logger = logging.getLogger(__name__)

__all__ = ["assign_date", "assign_dates"]

# How many sentences back a dated sentence still dates an undated one. Wire stories keep the lead's
# event for the next sentence or two, then move to background; 2 was chosen on our own test stories and
# errs towards the publication fallback, which is marked as such.
INHERIT_MAX_SENTENCES = 2
_DATED_TYPES = ("DATE", "TIME")
# "said on Monday", "Monday said": the expression dates the report, so the event is on or before it
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|confirmed|claimed)\s+(?:on\s+)?$", re.IGNORECASE)
_REPORTED_AFTER = re.compile(r"^\s*(?:,\s*)?(?:said|told|announced|reported|confirmed)\b", re.IGNORECASE)
_UNDATED_VALUES = ("PAST_REF", "FUTURE_REF")
# A wire dateline ("KYIV, Oct 2 (Meridian Wire) -"): its date is when the story was filed, not when the
# events in the lead happened, so it must not date them.
_DATELINE = re.compile(r"^[A-Z][A-Z .'\u2019-]{1,40}(?:, [A-Z][A-Za-z .]{1,30})?, [A-Z][a-z]{2,8}\.? \d{1,2}"
                       r"(?:, \d{4})?(?: \([^)\n]{1,40}\))? ?[-\u2013\u2014]")


def _dateline_end(text: str) -> int:
    """End offset of the article's wire dateline, or 0 when it has none."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def _usable(t: TimeMention) -> bool:
    """A time expression that can date an event: a point in time, not a duration, set or vague ref.

    "Three days later" is a DURATION in TimeML terms but carries the day it lands on, so it dates events.
    """
    if t.type == "DURATION":
        return t.date is not None
    return t.type in _DATED_TYPES and t.value not in _UNDATED_VALUES


def _distance(t: TimeMention, start: int, end: int) -> int:
    if t.end <= start:
        return start - t.end
    if t.start >= end:
        return t.start - end
    return 0


def _set(mention: EventMention, t: TimeMention | None, reason: str) -> None:
    if t is None or t.date is None:
        mention.date, mention.date_precision = None, None
    else:
        mention.date, mention.date_precision = t.date, t.precision
    mention.date_text = t.text if t is not None else None
    if t is None or t.date is not None:
        mention.date_reason = reason
    else:
        mention.date_reason = t.reason or f"{reason}: {t.text!r} ({t.value}) names no calendar period"


def _sentence_index(starts: list[int], pos: int) -> int:
    i = 0
    for k, s in enumerate(starts):
        if s <= pos:
            i = k
    return i


def assign_date(mention: EventMention, times: list[TimeMention], article: Article) -> None:
    """Set `mention.date`, `date_precision`, `date_text` (and `date_reason`) from the article's times.

    Order: the time expression in the event's clause (nearest the trigger); else the nearest one in
    its sentence; else a dated sentence at most INHERIT_MAX_SENTENCES before it; else the publication
    date with precision "publication". With no publication date and no usable expression the date stays
    null and `date_reason` says why. An expression that cannot be anchored (no publication date) leaves
    the date null rather than falling back to a guess.
    """
    dateline = _dateline_end(article.text)
    usable = sorted((t for t in times if _usable(t) and t.start >= dateline), key=lambda t: t.start)
    trig = (mention.trigger_start, mention.trigger_end)

    in_clause = [t for t in usable if t.start >= mention.clause_start and t.end <= mention.clause_end]
    if in_clause:
        best = min(in_clause, key=lambda t: (_distance(t, *trig), t.start))
        _set(mention, best, "clause")
        return
    in_sentence = [t for t in usable if t.start >= mention.sent_start and t.end <= mention.sent_end]
    if in_sentence:
        best = min(in_sentence, key=lambda t: (_distance(t, *trig), t.start))
        text = article.text
        reported = _REPORTED_BEFORE.search(text[max(0, best.start - 20):best.start]) or \
            _REPORTED_AFTER.match(text[best.end:best.end + 20])
        _set(mention, best, "sentence: date it was reported (event on or before)" if reported else "sentence")
        return
    pub_day = article.published.date().isoformat() if article.published else None
    # only past or present days carry over: "Talks are set for Friday. Shelling went on." must not put
    # the shelling on Friday
    earlier = [t for t in usable if t.end <= mention.sent_start and t.date is not None
               and t.precision in ("day", "time") and (pub_day is None or t.date <= pub_day)]
    if earlier:
        starts = [s for s, _ in sentence_bounds(article.text)]
        here = _sentence_index(starts, mention.sent_start)
        last = earlier[-1]
        if here - _sentence_index(starts, last.start) <= INHERIT_MAX_SENTENCES:
            _set(mention, last, "previous sentence")
            return
    if article.published is not None:
        mention.date = article.published.date().isoformat()
        mention.date_precision = "publication"
        mention.date_text = None
        mention.date_reason = "no time expression near the event: publication date"
        return
    mention.date, mention.date_precision, mention.date_text = None, None, None
    mention.date_reason = f"no time expression near the event and no publication date " \
                          f"({article.date_reason or 'missing'})"


def assign_dates(mentions: list[EventMention], times: list[TimeMention], article: Article) -> None:
    """`assign_date` for every mention of one article."""
    for m in mentions:
        assign_date(m, times, article)
