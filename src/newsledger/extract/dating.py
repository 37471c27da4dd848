"""Event dates: pick the time expression that governs an event mention, never a silent default."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from newsledger.models import Article, EventMention, TimeMention
from newsledger.resolve.timex import sentence_bounds

logger = logging.getLogger(__name__)

__all__ = ["assign_date", "assign_dates"]

# How many sentences back a dated sentence still dates an undated one. Wire stories keep the lead's
# event for the next sentence or two, then move to background; 2 was chosen on our own test stories and
# errs towards the publication fallback, which is marked as such.
INHERIT_MAX_SENTENCES = 2
# Characters looked at around a trigger or signal word. Each covers the longest wording in our test
# paragraphs with room to spare and stays inside one clause: "had not yet been fully" before a trigger
# (PERFECT), "less than two hours" before "after" (SIGNAL), "at least" before a span (VAGUE).
PERFECT_LOOKBACK_CHARS = 60
SIGNAL_LOOKBACK_CHARS = 24
VAGUE_LOOKBACK_CHARS = 12
_DATED_TYPES = ("DATE", "TIME")
_REPORT_VERBS = (r"said|says|told|announced|reported|stated|confirmed|claimed|acknowledged|admitted|declared"
                 r"|added|denied|insisted|warned|according\s+to")
# "said on Monday", "Monday said": the expression dates the report, so the event is on or before it
_REPORTED_BEFORE = re.compile(rf"\b(?:{_REPORT_VERBS})\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.IGNORECASE)
_REPORTED_AFTER = re.compile(rf"^\s*(?:,\s*)?(?:{_REPORT_VERBS})\b", re.IGNORECASE)
_REPORTING = re.compile(rf"\b(?:{_REPORT_VERBS})\b", re.IGNORECASE)
_UNDATED_VALUES = ("PAST_REF", "FUTURE_REF")
# A wire dateline ("KYIV, Oct 2 (Meridian Wire) -"): its date is when the story was filed, not when the
# events in the lead happened, so it must not date them.
_DATELINE = re.compile(r"^[A-Z][A-Z .'\u2019-]{1,40}(?:, [A-Z][A-Za-z .]{1,30})?, [A-Z][a-z]{2,8}\.? \d{1,2}"
                       r"(?:, \d{4})?(?: \([^)\n]{1,40}\))? ?[-\u2013\u2014]")
# "after encircling it the day before", "since the invasion began in February": a phrase that tells of
# another event; a time expression inside it dates that event, not the clause it hangs from. A phrase that
# opens the sentence ends at its first comma; one that closes it runs to the sentence end (its commas are
# appositions: "since the 1998 bombing of a Birmingham, Ala., clinic that killed"), or to a new clause.
_SIGNAL = re.compile(r"\b(?:after|before|since|following|until)\b", re.IGNORECASE)
_PHRASE_END_OPENING = re.compile(r"[,;\u2013\u2014]")
_PHRASE_END_CLOSING = re.compile(r";|[,\u2013\u2014]\s+(?:and|but|while|whereas)\b")
# words that may come before an opening phrase: "Two days after ...", "Shortly before ..."
_OPENING_WORDS = re.compile(r"^[\W_]*(?:(?:and|but|just|only|shortly|soon|even|long|a|an|one|two|three|four|five"
                            r"|six|seven|eight|nine|ten|few|several|\d+|days?|weeks?|months?|years?|hours?|less"
                            r"|more|than|about|nearly|almost)\s+)*$", re.IGNORECASE)
# A phrase tells of an event when it has a verb before its first comma: a gerund right after the signal,
# or a past or finite verb ("after Russian forces withdrew", "since the invasion began"). "testified before Congress on
# Friday" or "after the Oct. 23 slaying" name no other event clause, so their dates stay usable.
_GERUND = re.compile(r"\s+[a-z]+ing\b")
_VERB = re.compile(r"\b(?:[a-z]{2,}ed|was|were|is|are|had|has|have|began|became|broke|brought|came|did|drew"
                   r"|fell|fled|flew|fought|found|gave|got|held|hit|kept|knew|led|left|lost|made|met|overran"
                   r"|ran|rose|sank|saw|sent|shot|shut|sold|spoke|stood|struck|swept|took|threw|told|tore"
                   r"|went|withdrew|won|wrote)\b")
# "hours after missiles struck Kyiv on Monday": the phrase's day is also the main clause's day
_SAME_DAY_BEFORE = re.compile(r"\b(?:hours|minutes|moments|shortly|soon|just)\s+$",
                              re.IGNORECASE)
# "entered the city hours later", "later that day": the same day as the last day mentioned
_SAME_DAY_LATER = re.compile(r"\b(?:(?:hours|minutes|moments|shortly)\s+(?:later|afterwards?)"
                             r"|later\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night))\b",
                             re.IGNORECASE)
# "two days after pulling out", "a week before the vote": a span counted from the event in the phrase
_SPAN_VALUE = re.compile(r"^P(\d+)([DW])$")
_SPAN_SIGNAL = re.compile(r"\s+(after|before)\b", re.IGNORECASE)
_SPAN_END_SIGNAL = re.compile(r"\s(after|before)$", re.IGNORECASE)  # "two days before" found as one expression
# "at least 30 days before closing", "about two weeks after": a bound or a guess, not a day to count to
_SPAN_VAGUE = re.compile(r"\b(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|several"
                         r"|within)\b", re.IGNORECASE)
# "had taken", "had been killed", "had already withdrawn": the event lies before the time of the story
_PERFECT = re.compile(r"\b(?:had|'d)\s+(?:(?:not|never|already|just|also|reportedly|previously|been|fully"
                      r"|completely|largely|effectively)\s+){0,3}$", re.IGNORECASE)
# what may stand before a sentence-opening time expression ("On Sunday, ...", "Late on Friday")
_OPENING = re.compile(r"^[\W_]*(?:(?:on|by|late|early|in|at|the)\s+)*$", re.IGNORECASE)
# "could be heading for a defeat", "would retaliate": a hypothetical event takes no day from elsewhere
_MODAL = re.compile(r"\b(?:could|might|may|would|will|shall)\b", re.IGNORECASE)


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


def _phrases(text: str, start: int, end: int, times: list[TimeMention]) -> list[tuple[int, int]]:
    """Spans of the subordinate event phrases ("after X did Y ...") in the sentence text[start:end].

    "after Monday" or "since Sunday" is a time, not another event, "the day before." tells of none,
    "hours after" keeps the main clause's day and "speaker after speaker" is no phrase.
    """
    out = []
    for m in _SIGNAL.finditer(text, start, end):
        after = len(text[m.end():end]) - len(text[m.end():end].lstrip()) + m.end()
        if any(t.start == after for t in times):
            continue  # "after Monday", "since 2014"
        if _SAME_DAY_BEFORE.search(text, max(start, m.start() - SIGNAL_LOOKBACK_CHARS), m.start()):
            continue  # "hours after the strike on Monday": the same day as the main clause
        before = text[max(start, m.start() - SIGNAL_LOOKBACK_CHARS):m.start()].lower().split()
        if before and text[m.end():end].lower().split()[:1] == before[-1:]:
            continue  # "speaker after speaker", "day after day"
        comma = _PHRASE_END_OPENING.search(text, m.end(), end)
        core_end = comma.start() if comma else end
        if not (_GERUND.match(text, m.end()) or _VERB.search(text, m.end(), core_end)):
            continue  # "a week after the anniversary, a bombing killed": no event clause of its own
        if _OPENING_WORDS.match(text[start:m.start()]):
            out.append((m.start(), core_end))
        else:
            stop = _PHRASE_END_CLOSING.search(text, m.end(), end)
            out.append((m.start(), stop.start() if stop else end))
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next((s for s in spans if s[0] <= pos < s[1]), None)


def _own(t: TimeMention, trigger: int, phrases: list[tuple[int, int]]) -> bool:
    """Whether expression `t` can date the event at `trigger`: not when `t` lies in a phrase about another
    event that the trigger is not in. (The event of a phrase may take the main clause's day: "entered on
    Sunday after troops withdrew" puts the withdrawal on or before Sunday.)"""
    phrase = _inside(t.start, phrases)
    return phrase is None or phrase == _inside(trigger, phrases)


def _perfect(text: str, lo: int, trigger: int) -> int | None:
    """Offset of the "had" when the event at `trigger` is told in the past perfect, else None."""
    m = _PERFECT.search(text, max(lo, trigger - PERFECT_LOOKBACK_CHARS), trigger)
    return m.start() if m else None


def _reported(text: str, t: TimeMention) -> bool:
    """Whether `t` dates a report of the event ("said on Sunday", "Sunday said") rather than the event."""
    return bool(_REPORTED_BEFORE.search(text[max(0, t.start - 20):t.start])
                or _REPORTED_AFTER.match(text[t.end:t.end + 20]))


def _counted_from(mention: EventMention, times: list[TimeMention], usable: list[TimeMention],
                  text: str, lo: int, article_day: date | None) -> bool:
    """"shelled Lyman on Monday, two days after pulling out": the pull-out is two days before Monday.

    Sets the date when the trigger lies in a phrase that a day or week span counts from, and the sentence
    dates the main clause.
    """
    for span in times:
        m = _SPAN_VALUE.match(span.value or "")
        sig = _SPAN_END_SIGNAL.search(text, span.start, span.end) or _SPAN_SIGNAL.match(text, span.end)
        if not (m and sig and lo <= span.start < mention.sent_end) or _SPAN_VAGUE.search(
                text, max(lo, span.start - VAGUE_LOOKBACK_CHARS), span.end):
            continue
        phrase = _inside(sig.start(1), _phrases(text, lo, mention.sent_end, times))
        if phrase is None or not sig.end() <= mention.trigger_start < phrase[1]:
            continue
        phrase_end = phrase[1]
        main = [t for t in usable if t.precision in ("day", "time") and t.date and lo <= t.start
                and t.end <= mention.sent_end and not span.start <= t.start < phrase_end]
        if not main:
            return False
        base = min(main, key=lambda t: _distance(t, span.start, phrase_end))
        days = int(m.group(1)) * (7 if m.group(2) == "W" else 1)
        shift = -days if sig.group(1).lower() == "after" else days
        day = date.fromisoformat(base.date) + timedelta(days=shift)  # type: ignore[arg-type]
        told = span.text if span.end >= sig.end() else f"{span.text} {sig.group(1)}"
        if article_day is not None and day > article_day:  # a day still to come: no event that happened
            mention.date, mention.date_precision, mention.date_text = article_day.isoformat(), "publication", None
            mention.date_reason = f"counted from {base.text!r} ({told}) lands after the publication date"
            return True
        mention.date = day.isoformat()
        mention.date_precision = "day"
        mention.date_text = told
        mention.date_reason = f"counted from {base.text!r} ({told})"
        return True
    return False


def _publication(mention: EventMention, article: Article, why: str) -> None:
    """The publication date, marked as such; null with the reason when the article has none."""
    if article.published is not None:
        mention.date = article.published.date().isoformat()
        mention.date_precision = "publication"
        mention.date_text = None
        mention.date_reason = f"{why}: publication date"
        return
    mention.date, mention.date_precision, mention.date_text = None, None, None
    mention.date_reason = f"{why}, and no publication date ({article.date_reason or 'missing'})"


def assign_date(mention: EventMention, times: list[TimeMention], article: Article) -> None:
    """Set `mention.date`, `date_precision`, `date_text` (and `date_reason`) from the article's times.

    Order: an event a span counts from ("two days after pulling out"); the time expression in the event's
    clause (nearest the trigger); else the nearest one in its sentence; else the main expression of a dated
    sentence at most INHERIT_MAX_SENTENCES before it; else the publication date with precision
    "publication". Expressions inside a phrase about another event ("after encircling it the day before")
    date only that event. An event told in the past perfect lies before the time of the story: it takes
    only an expression of its own, and without one the publication date (marked), unless it is reported
    speech carrying the story on ("the governor said two civilians had been killed"). A hypothetical event
    takes no day from other sentences. With no publication date and no usable expression the date stays
    null and `date_reason` says why.
    """
    text = article.text
    dateline = _dateline_end(text)
    lo = max(mention.sent_start, dateline)
    times = sorted((t for t in times if t.start >= dateline), key=lambda t: t.start)
    # "two days before protesters occupied the square" counts from the event that follows, not from the
    # last day mentioned, so the day it was given is no date for other events
    usable = [t for t in times if _usable(t) and not (
        t.type == "DURATION" and _SPAN_END_SIGNAL.search(t.text) and re.match(r"\s+\w", text[t.end:t.end + 2]))]
    trig = (mention.trigger_start, mention.trigger_end)
    if _counted_from(mention, times, usable, text, lo, article.published.date() if article.published else None):
        return
    phrases = _phrases(text, lo, mention.sent_end, times)
    had = _perfect(text, lo, mention.trigger_start)

    def own(t: TimeMention) -> bool:
        if not _own(t, mention.trigger_start, phrases):
            return False
        if had is None or t.start >= had:
            return True
        # a past perfect is dated by what follows its "had", or by a sentence-opening expression
        return bool(_OPENING.match(text[lo:t.start])) and not _REPORTING.search(text, t.end, mention.trigger_start)

    in_clause = [t for t in usable if t.start >= mention.clause_start and t.end <= mention.clause_end and own(t)]
    if in_clause:
        _set(mention, min(in_clause, key=lambda t: (_distance(t, *trig), t.start)), "clause")
        return
    phrase = _inside(mention.trigger_start, phrases)
    if phrase is not None and not any(phrase[0] <= t.start < phrase[1] for t in usable):
        # "entered Lyman on Sunday after Russian forces withdrew": on or before Sunday, the day unknown
        signal = text[phrase[0]:phrase[1]].split()[0].lower()
        _publication(mention, article, f"told as '{signal}' another event, without a day of its own")
        return
    later = _SAME_DAY_LATER.search(text, lo, mention.sent_end)
    if later is not None and not (mention.clause_start <= later.start() < mention.clause_end
                                  or later.end() <= mention.trigger_start):
        later = None  # "hours later" of another clause
    in_sentence = [t for t in usable if t.start >= lo and t.end <= mention.sent_end
                   and (later is None or t.end <= later.start()) and _own(t, mention.trigger_start, phrases)]
    if in_sentence:
        best = min(in_sentence, key=lambda t: (_distance(t, *trig), t.start))
        # "On Sunday, officials said troops had seized": a reporting verb between them makes it the report's day
        if had is not None and (_reported(text, best) or (
                best.end <= mention.trigger_start and _REPORTING.search(text, best.end, mention.trigger_start))):
            pub = article.published.date().isoformat() if article.published else None
            if best.precision in ("day", "time") and best.date and (pub is None or best.date <= pub):
                # the report's day is a closer upper bound than the publication day: marked the same way
                mention.date, mention.date_precision, mention.date_text = best.date, "publication", None
                mention.date_reason = (f"past perfect, on or before the day it was reported ({best.text!r}), "
                                       "which stands in for the publication date")
            else:
                _publication(mention, article, f"past perfect, before it was reported ({best.text!r}, {best.date})")
            return
        if later is not None:  # "said on Friday ..., and troops entered the city hours later"
            _set(mention, best, f"same day: {later.group(0)!r}")
            return
        if _reported(text, best):
            _set(mention, best, "sentence: date it was reported (event on or before)")
            return
        if had is None or own(best):
            _set(mention, best, "sentence")
            return
    other = [t for t in usable if lo <= t.start and t.end <= mention.sent_end]
    if other:  # the sentence's days belong to other events, so an earlier sentence's day is no better
        _publication(mention, article, f"the sentence dates only other events ({other[0].text!r})")
        return
    reported_speech = bool(_REPORTING.search(text, lo, mention.sent_end))
    if had is not None and not reported_speech:
        _publication(mention, article, "past perfect without a date of its own: before the story's time")
        return
    if mention.modality == "speculative" or _MODAL.search(text, max(lo, mention.clause_start), mention.trigger_start):
        _publication(mention, article, "hypothetical or future event without a date of its own")
        return
    inherited = _inherit(mention, times, usable, article)
    if inherited is not None:
        _set(mention, inherited, f"same day: {later.group(0)!r}" if later else "previous sentence")
        return
    _publication(mention, article, "no time expression near the event")


def _inherit(mention: EventMention, times: list[TimeMention], usable: list[TimeMention],
             article: Article) -> TimeMention | None:
    """The main day of the last dated sentence before the mention, if it is near enough.

    Only past or present days carry over ("Talks are set for Friday. Shelling went on." must not put the
    shelling on Friday), and not a day inside a phrase about another event ("after encircling it the day
    before").
    """
    pub_day = article.published.date().isoformat() if article.published else None
    earlier = [t for t in usable if t.end <= mention.sent_start and t.date is not None
               and t.precision in ("day", "time") and (pub_day is None or t.date <= pub_day)]
    if not earlier:
        return None
    bounds = sentence_bounds(article.text)
    starts = [s for s, _ in bounds]
    here = _sentence_index(starts, mention.sent_start)
    k = _sentence_index(starts, earlier[-1].start)
    if here - k > INHERIT_MAX_SENTENCES:
        return None
    s0, s1 = bounds[k]
    same = [t for t in earlier if s0 <= t.start < s1]
    phrases = _phrases(article.text, s0, s1, times)
    main = [t for t in same if _inside(t.start, phrases) is None]
    return (main or same)[-1]


def assign_dates(mentions: list[EventMention], times: list[TimeMention], article: Article) -> None:
    """`assign_date` for every mention of one article."""
    for m in mentions:
        assign_date(m, times, article)
