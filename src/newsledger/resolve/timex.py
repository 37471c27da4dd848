"""Temporal normaliser: find time expressions in text and anchor them on the publication date."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime

from newsledger.models import TimeMention
from newsledger.resolve import timex_calendar as cal
from newsledger.resolve.timex_anchor import Context, Resolved, resolve
from newsledger.resolve.timex_rules import Candidate, find_candidates

logger = logging.getLogger(__name__)

__all__ = ["TimexResolver", "find_timexes", "looks_ahead", "tense_near"]

_REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_FUTURE = {"will", "'ll", "shall", "would", "plans", "plan", "planned", "planning", "scheduled", "expected",
           "expects", "expect", "due", "upcoming", "intends", "intend", "aims", "going", "forecast",
           "forecasts", "next", "hopes", "until"}
_PAST_IRREGULAR = set("""was were had did came went took made began fell rose won lost left met held saw
gave got sold bought paid struck hit shot fought broke ran led sent spent brought caught drove flew fled froze
knew rode sank sought spoke stood swept threw wrote ago earlier last since has have been""".split())
_NOUN_CUES = {"plan", "plans", "forecast", "forecasts", "hopes", "aims"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
# Words that govern a date lying ahead even in a past-tense sentence: "the pact, signed Monday, is effective
# Feb. 1"; the date then may fall in next year (see timex_anchor.PAST_AHEAD_DAYS)
_AHEAD_WORDS = {"effective", "payable", "due"}
_ARTICLES = {"the", "a", "an", "its", "their", "his", "her", "our"}  # before "-ed": an adjective
_REPORTING = {"said", "says", "say", "told", "announced", "reported", "stated", "added", "declared",
              "confirmed", "denied", "claimed", "warned", "revealed", "disclosed"}
_NOT_PAST = {"hundred", "indeed", "need", "speed", "seed", "feed", "breed", "united", "limited", "armed",
             "based", "bed", "red", "shed", "sled", "wed", "proceed", "exceed", "succeed", "embed"}
# Words scanned on each side of an expression for tense cues; 12 covers a news clause without running
# into the next one (checked by hand on our own test sentences).
TENSE_WINDOW_WORDS = 12
# "until Tuesday", "as early as Friday", "is to resume Monday": the expression lies ahead
_FUTURE_BEFORE = re.compile(r"(?:\buntil|\btill|as\s+(?:soon|early)\s+as|no\s+later\s+than"
                            r"|\b(?:set|scheduled|slated|planned|due)\s+(?:for|on)"
                            r"|\b(?:is|are|set|slated|due)\s+to\s+\w+(?:\s+\w+){0,3})\s+(?:on\s+)?$", re.IGNORECASE)
# Characters before an expression searched for those cues: room for "is to resume trading in Paris".
FUTURE_LOOKBACK_CHARS = 48
# "had been scheduled to expire at midnight Friday": a plan told in the past perfect is over
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "Until Thursday, they had not called him a suspect": the past perfect right after makes it past
_PLUPERFECT_AFTER = re.compile(r",?\s+(?:\w+\s+){0,2}had\b", re.IGNORECASE)
_PERIOD_END_RE = re.compile(r"\s+(?:ended|ending|that\s+ended)\s+(?:on\s+)?", re.IGNORECASE)
_THAN_RE = re.compile(r"\s+than\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z']+")
_ABBREV_END_RE = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Col|Lt"
                            r"|Sgt|St|No|Inc|Corp|Co|Ltd|Jr|Sr|Prof|Gov|Sen|Rep|Rev|Capt|Maj)|\b[A-Z]|\.[A-Z])\.$")
_SENT_END_RE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*\n")


def _cue(word: str) -> str | None:
    w = word.lower()
    if w in _FUTURE:
        return "future"
    if w in _PAST_IRREGULAR or w in _REPORTING or (len(w) >= 5 and w.endswith("ed") and w not in _NOT_PAST):
        return "past"
    return None


def _cues(words: list[str]) -> list[str | None]:
    """Tense cue of each word; a plan in the past perfect ("had been due to", "had planned") is past, and
    after a determiner or a past verb "plan" or "forecast" is a noun ("announced the plan Aug. 21")."""
    out: list[str | None] = []
    for i, w in enumerate(words):
        cue = None if w.lower() in _REPORTING else _cue(w)
        if cue == "future" and any(x.lower() == "had" for x in words[max(0, i - 3):i]):
            cue = "past"
        if cue == "future" and i > 0 and w.lower() in _NOUN_CUES and (
                words[i - 1].lower() in _DETERMINERS or _cue(words[i - 1]) == "past"
                or words[i - 1].lower() in _REPORTING):
            cue = None  # "announced plans to", "the plan": a noun; the verb before it carries the tense
        if cue == "past" and i > 0 and w.lower().endswith("ed") and words[i - 1].lower() in _ARTICLES:
            cue = None  # "the reduced dividend", "its expanded plant": a participle used as an adjective
        out.append(cue)
    return out


def _next_to(words: list[str], i: int, after: str) -> bool:
    """Whether words[i] is the "next" of "next to" (`after` is the text that follows the list)."""
    if words[i].lower() != "next":
        return False
    following = words[i + 1] if i + 1 < len(words) else after.split()[0] if after.split() else ""
    return following.lower() == "to"


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans, enough to keep tense cues and references within a sentence."""
    bounds, start = [], 0
    for m in _SENT_END_RE.finditer(text):
        if _ABBREV_END_RE.search(text[max(0, m.start() - 8):m.start()]):
            continue  # "Oct. 23", "Mr. Smith", "U.S. officials": not a sentence end
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def looks_ahead(text: str, start: int, sent: tuple[int, int]) -> bool:
    """Whether the word before the expression points forward ("effective Feb. 1", "payable Jan. 2")."""
    left = _WORD_RE.findall(text[sent[0]:start])[-1:]
    return bool(left) and left[0].lower() in _AHEAD_WORDS


def tense_near(text: str, start: int, end: int, sent: tuple[int, int]) -> str:
    """"past", "future" or "none" for an expression at text[start:end], from nearby words in its sentence.

    A reporting verb right next to the expression ("said Friday", "Friday said") makes it past; other
    reporting verbs are ignored because the reported event may be in the future. Otherwise the nearest
    tense cue wins, the left one on a tie.
    """
    left = _WORD_RE.findall(text[sent[0]:start])[-TENSE_WINDOW_WORDS:]
    right = _WORD_RE.findall(text[end:sent[1]])[:TENSE_WINDOW_WORDS]
    near_left = [w for w in left[-2:] if w.lower() not in ("on", "late", "early", "last", "this")]
    if (near_left and near_left[-1].lower() in _REPORTING) or (right and right[0].lower() in _REPORTING):
        return "past"
    lookback = text[max(sent[0], start - FUTURE_LOOKBACK_CHARS):start]
    m = _FUTURE_BEFORE.search(lookback)
    if m:
        cue_start = start - len(lookback) + m.start()
        if _PLUPERFECT_AFTER.match(text, end, sent[1]):
            return "past"
        if not _PLUPERFECT.search(text[max(sent[0], cue_start - 24):cue_start]):
            return "future"
    # "next to the embassy" is a place, not a future
    left = [w for i, w in enumerate(left) if not _next_to(left, i, text[start:end])]
    right = [w for i, w in enumerate(right) if not _next_to(right, i, "")]
    lc, rc = _cues(left), _cues(right)
    lcues = [(i, c) for i, c in enumerate(reversed(lc)) if c]
    rcues = [(i, c) for i, c in enumerate(rc) if c]
    best = None
    if lcues:
        best = lcues[0]
    if rcues and (best is None or rcues[0][0] < best[0]):
        best = rcues[0]
    return best[1] if best and best[1] else "none"


def _as_date(anchor: date | datetime | None) -> date | None:
    if isinstance(anchor, datetime):
        return anchor.date()
    return anchor


class TimexResolver:
    """Finds and anchors time expressions. Data source: our rules in timex_rules/timex_anchor (no model)."""

    def resolve(self, text: str, anchor: date | datetime | None) -> list[TimeMention]:
        """Time expressions of `text`, anchored on `anchor` (publication date), in text order."""
        return find_timexes(text, anchor)


def _mention(c: Candidate, r: Resolved) -> TimeMention:
    p = r.point
    day = p.day.isoformat() if p and p.day and r.value not in ("PAST_REF", "FUTURE_REF") else None
    precision = p.precision if p and day else None
    return TimeMention(text=c.text, start=c.start, end=c.end, type=r.type,  # type: ignore[arg-type]
                       value=r.value, date=day if precision else None, precision=precision,  # type: ignore[arg-type]
                       reason=r.reason)


def _is_comparison(c: Candidate) -> bool:
    """"a year earlier", "year-ago": they compare with the period under discussion without moving it."""
    g = c.groups
    if c.rule == "rel_day":
        return not re.match(r"(?:day|week)", g["unit"].lower())
    if c.rule == "ref_word":
        return g["w"].lower() in ("year-earlier", "year-ago")
    if c.rule == "period":
        return g["rel"].lower().split()[-1] in ("year-ago", "year-earlier", "comparable", "year-before")
    if c.rule == "quarter":
        return bool(g.get("qago"))
    if c.rule == "year_period":
        return True  # "compared with a loss in the 1988 period": last year's quarter, for comparison
    return c.rule == "period_ago"


def _ends_period(text: str, c: Candidate, before: list[TimeMention]) -> bool:
    """"the quarter ended Sept. 30": the day closes the period just named, which stays under discussion."""
    prev = before[-1] if before else None
    return bool(prev is not None and prev.type == "DATE" and prev.precision in ("week", "month", "quarter", "year")
                and _PERIOD_END_RE.fullmatch(text, prev.end, c.start))


def find_timexes(text: str, anchor: date | datetime | None) -> list[TimeMention]:
    """Find time expressions in `text` and give each a TimeML value anchored on `anchor`.

    Offsets index into `text`. With `anchor` None only absolute expressions (and expressions counted
    from an absolute one, such as "the day before" after "2 October 2022") get values; the others carry
    value None and a `reason`. `date` is the first calendar day the expression covers and `precision` its
    granularity (day, week, month, quarter, year, time).
    """
    if not text:
        return []
    ctx = Context(anchor=_as_date(anchor))
    sents = sentence_bounds(text)
    out: list[TimeMention] = []
    si = 0
    for c in find_candidates(text):
        while si < len(sents) - 1 and c.start >= sents[si][1]:
            si += 1
        ctx.tense = tense_near(text, c.start, c.end, sents[si])
        ctx.looks_ahead = looks_ahead(text, c.start, sents[si])
        try:
            r = resolve(c, ctx)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError) as exc:
            logger.warning("could not anchor %r: %s", c.text, exc)
            r = Resolved(c.type, None, reason=f"anchoring failed: {exc}")
        if r.type == "DURATION" and r.point is not None and _THAN_RE.match(text, c.end):
            r = Resolved(r.type, r.value, reason="a difference ('a day later than'), not a date")
        out.append(_mention(c, r))
        p = r.point
        # "three days later" is valued as a span (P3D) but lands on a day that later expressions count from
        dated = r.type in ("DATE", "TIME") or c.rule == "rel_day"
        if p is not None and p.day is not None and dated and r.value not in _REF_VALUES \
                and not _is_comparison(c):
            if p.precision in ("day", "time"):
                ctx.ref_day = cal.day_point(p.day)
            if p.precision is not None and not _ends_period(text, c, out[:-1]):
                ctx.ref_any = p
    return out
