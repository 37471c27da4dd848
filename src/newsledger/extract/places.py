"""Toponyms of one article, each resolved to GeoNames in the light of the article's other places."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsledger.models import Article, Location, PlaceMention
from newsledger.resolve.gazetteer import (
    ADMIN_WORDS,
    TOWN_WORDS,
    Candidate,
    Gazetteer,
    GeoContext,
    get_gazetteer,
)
from newsledger.resolve.geo_build import ADMIN1, ADMIN2, COUNTRY, FEATURE, TOWN, norm

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
EMBED_LABELS = frozenset({"ORG"})
# Places inside other names must be big (a state, a country, a city of 50k+), so that "Jackson" in
# "Jackson Hewitt" stays a name. Set by hand on our own sentences.
EMBED_MIN_POP = 50_000
METONYM_MIN_POP = 100_000  # an ORG that is just a place name ("Moscow", "Fargo") is that place
COMPASS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
    "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "upstate", "downstate",
})
TRAILING_KIND_WORDS = frozenset({"province", "region", "city", "area", "state", "oblast", "district",
                                 "governorate", "county", "town", "village"})
_ADMIN_AFTER = re.compile(r"^[\s-]+(" + "|".join(sorted(ADMIN_WORDS)) + r")\b", re.I)
_TOWN_BEFORE = re.compile(r"\b(" + "|".join(sorted(TOWN_WORDS)) + r")\s+of\s+$", re.I)
_ADMIN_BEFORE = re.compile(r"\b(region|province|state|oblast|governorate|republic)\s+of\s+$", re.I)
_CONTAINER_GAP = re.compile(r"^\s*(,|,?\s+in(\s+the)?|\()\s*$", re.I)

# A candidate that wins with this share (softmax over its rivals) is sure enough to steer the
# others (country focus, nearby points); below it, it only votes with its share. Set by hand.
STEER_MIN_PROB = 0.6
# Readings of each other name that may pull, and the least share a pulling reading needs. These and
# POINT_FLATTEN were picked among three settings on the geo corpora (8/0.02/0.5 looked better on their
# first 100 articles and was worse on the whole of LGL and GeoWebNews).
POINT_CANDIDATES = 5
POINT_MIN_PROB = 0.05
# Pull weight = share ** POINT_FLATTEN: below 1 would let a name's second readings pull too.
POINT_FLATTEN = 1.0
ROUNDS = 2  # passes of re-ranking in context; a third pass changed nothing on samples
# Words that alone never make a place inside a longer name ("Christopher Inn" is not "Inn").
GENERIC_WORDS = frozenset({
    "old", "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "upper", "lower", "great", "little", "saint", "st", "st.", "lake", "river", "mount", "fort",
    "port", "church", "street", "road", "avenue", "park", "square", "center", "centre", "hall", "village",
    "city", "county", "high", "middle", "elementary", "school", "university", "college", "hospital",
    "airport", "station", "international", "national", "club", "golf", "inn", "hotel", "of", "and", "the",
    "valley", "bay", "beach", "island", "islands", "district", "state", "region", "house", "court",
    "memorial", "library", "cathedral", "museum", "bridge", "tower", "market", "mall", "plaza", "world",
    "cup", "royal", "union", "united", "republic", "federal", "metro", "town", "highway",
    "drive", "lane", "building", "office", "jail", "courthouse",
})
INNER_MIN_POP = 1_000  # a place name inside a longer name must be a real town (or a region/country)
PARTIAL_FACTOR = 0.5  # trust in a reading taken from a name inside the span ("Old Town Manassas")
FALLBACK_SCORE = 0.1  # trust in an unknown name placed at the article's main place


@dataclass
class Raw:
    """A toponym span before resolution."""
    text: str
    start: int
    end: int
    query: str  # what to look up ("Franklin County" when the text says "Franklin" then "County")
    kind: str | None = None  # cue from the words around it
    demonym: int | None = None  # gazetteer entry when the span is a demonym ("Ukrainian")
    containers: list[int] = field(default_factory=list)  # indices of Raw spans that contain this one
    partial: bool = False  # the query is a place name inside the span ("Old Town Manassas")


def find_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the toponyms and place demonyms in a processed Doc.

    Besides GPE/LOC/FAC entities this takes place names inside organisation names ("the Texas
    Department of Transportation" -> Texas), as the geoparsing corpora annotate them.
    """
    out: list[tuple[int, int]] = []
    for ent in doc.ents:
        label = ent.label_
        if label in PLACE_LABELS:
            if label == "FAC" and all(t.lower_ in GENERIC_WORDS for t in ent if t.is_alpha):
                continue  # "City Hall", "County Road": no place of their own
            span = _trim(doc, ent.start, ent.end, gaz)
            if span is not None:
                out.append(span)
        elif label == "NORP":
            if gaz.demonym(ent.text) is not None:
                out.append((ent.start_char, ent.end_char))
        elif label in EMBED_LABELS:
            out.extend(_embedded(doc, ent.start, ent.end, gaz))
    return out


def _trim(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int] | None:
    """Drop 'the', a possessive, a lower-case kind word and a compass prefix around a place name."""
    while start < end and doc[start].lower_ in ("the", "downtown", "metro", "greater", "central"):
        if doc[start].lower_ != "the" and not gaz.has_name(doc[start + 1:end].text):
            break
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or
                           (doc[end - 1].is_lower and doc[end - 1].lower_ in TRAILING_KIND_WORDS)):
        end -= 1
    if end - start > 1 and doc[start].lower_ in COMPASS and gaz.has_name(doc[start + 1:end].text) \
            and not gaz.has_name(doc[start:end].text):
        start += 1
    if start >= end:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _county_floor(text: str) -> float:
    """'Oconee County' says it is a county; a bare 'Ford' must be a big place on its own."""
    return 1e5 if text.split()[-1] in ("County", "Parish", "Borough") else 0.0


def _embedded(doc: Doc, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Big places named inside an organisation: 'Minnesota' in 'the Minnesota State Patrol',
    'Alexandria' in 'the University of Alexandria'. Only at the start or after 'of'/'in'."""
    positions = []
    first = start + 1 if doc[start].lower_ == "the" else start
    positions.append(first)
    positions += [i + 1 for i in range(first, end - 1) if doc[i].lower_ in ("of", "in", "for")]
    out: list[tuple[int, int]] = []
    for i in positions:
        if i >= end or not (doc[i].is_title or (doc[i].is_upper and len(doc[i]) > 1)):
            continue
        for size in range(min(4, end - i), 0, -1):
            toks = doc[i:i + size]
            if i + size == end and i == first:
                break  # the whole entity: a metonym, taken below only when it is a big place
            if not all(t.text.replace(".", "").isalpha() for t in toks) or \
                    all(t.lower_ in GENERIC_WORDS for t in toks):
                continue
            text = toks.text
            if gaz.has_name(text) and gaz.demonym(text) is None and \
                    gaz.max_pop(text, county_floor=_county_floor(text)) >= EMBED_MIN_POP:
                out.append((toks.start_char, toks.end_char))
                break
    whole = doc[first:end]
    if whole.text and len(whole) <= 3 and gaz.has_name(whole.text) and gaz.demonym(whole.text) is None \
            and gaz.max_pop(whole.text, county_floor=_county_floor(whole.text)) >= METONYM_MIN_POP:
        out.append((whole.start_char, whole.end_char))  # "Fargo raised its goal", tagged ORG
    return out


def _raw(text: str, start: int, end: int, gaz: Gazetteer) -> Raw:
    name = text[start:end]
    name = re.sub(r"^(the|The)\s+", "", name)
    r = Raw(text=text[start:end], start=start, end=end, query=name)
    after = text[end:end + 40]
    before = text[max(0, start - 30):start]
    m = _ADMIN_AFTER.match(after)
    if m:
        r.kind = "admin"
        combined = f"{name} {m.group(1)}"
        if gaz.has_name(combined):
            r.query = combined
    elif _TOWN_BEFORE.search(before):
        r.kind = "town"
    elif _ADMIN_BEFORE.search(before):
        r.kind = "admin"
    if not gaz.has_name(r.query) or gaz.demonym(r.query) is not None:
        d = gaz.demonym(name)
        if d is not None:
            r.demonym = d
        else:
            inner = _inner_name(name, gaz)
            if inner is not None:
                r.query, r.partial = inner, True
    return r


def _inner_name(name: str, gaz: Gazetteer) -> str | None:
    """The longest known place name inside an unknown one: 'Dulles International Airport' -> 'Dulles'."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        for st in range(len(words) - size + 1):
            sub = words[st:st + size]
            if not sub[0][:1].isupper() or all(w.lower() in GENERIC_WORDS for w in sub):
                continue
            text = " ".join(sub)
            if gaz.has_name(text) and gaz.max_pop(text) >= INNER_MIN_POP:
                return text
    return None


def _main_place(gaz: Gazetteer, ranks: dict[str, list[Candidate]], counts: dict[str, int]) -> int | None:
    """The article's most-weighted place, finest kind first (town, county, region, then country);
    a place in the article's main country counts more than a stray reading abroad."""
    shares: dict[str, float] = defaultdict(float)
    for key, ranked in ranks.items():
        if ranked and gaz.cc[ranked[0].entry]:
            shares[gaz.cc[ranked[0].entry]] += counts.get(key, 1) * ranked[0].prob
    total = sum(shares.values()) or 1.0
    for kinds in ((TOWN, ADMIN2), (ADMIN1,), (COUNTRY,)):
        weights: dict[int, float] = defaultdict(float)
        for key, ranked in ranks.items():
            i = ranked[0].entry if ranked else None
            if i is not None and gaz.kind[i] in kinds:
                weights[i] += counts.get(key, 1) * ranked[0].prob * (0.2 + shares[gaz.cc[i]] / total)
        if weights:
            return max(weights, key=weights.__getitem__)
    return None


def _link_containers(raws: list[Raw], text: str) -> None:
    """'Lyman, Donetsk' / 'Lyman, in the Donetsk region': the second place contains the first."""
    order = sorted(range(len(raws)), key=lambda k: raws[k].start)
    for a, b in zip(order, order[1:], strict=False):
        gap = text[raws[a].end:raws[b].start]
        if len(gap) <= 12 and _CONTAINER_GAP.match(gap):
            raws[a].containers.append(b)


def _context(gaz: Gazetteer, ranks: dict[str, list[Candidate]], counts: dict[str, int],
             skip: str) -> GeoContext:
    """Country and admin-1 shares and anchor points from every other name of the article."""
    ctx = GeoContext()
    countries: dict[str, float] = defaultdict(float)
    admin1: dict[tuple[str, str], float] = defaultdict(float)
    total = 0.0
    for g_id, (key, ranked) in enumerate(ranks.items()):
        if key == skip or not ranked:
            continue
        i, p = ranked[0].entry, ranked[0].prob
        w = counts[key] * (1.0 if p >= STEER_MIN_PROB else p)
        total += w
        if gaz.cc[i]:
            countries[gaz.cc[i]] += w
        a1 = gaz.admin1_of(i)
        if a1 is not None:
            admin1[a1] += w
        for c in ranked[:POINT_CANDIDATES]:
            if c.prob >= POINT_MIN_PROB and gaz.kind[c.entry] in (TOWN, ADMIN2):
                ctx.points.append((float(gaz.lat[c.entry]), float(gaz.lon[c.entry]), c.prob ** POINT_FLATTEN, g_id,
                                   gaz.cc[c.entry], gaz.a1[c.entry]))
    if total > 0:
        ctx.countries = {k: v / total for k, v in countries.items()}
        ctx.admin1 = {k: v / total for k, v in admin1.items()}
    return ctx


def resolve_spans(text: str, spans: list[tuple[int, int]], article_id: str = "",
                  gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Resolve given character spans of `text` together (one sense per name per article)."""
    gaz = gaz or get_gazetteer()
    raws = [_raw(text, s, e, gaz) for s, e in spans]
    _link_containers(raws, text)
    keys = [f"{norm(r.query)}|{r.kind or ''}" for r in raws]
    counts: dict[str, int] = defaultdict(int)
    for k, r in zip(keys, raws, strict=False):
        if r.demonym is None:
            counts[k] += 1
    first = {k: raws[n] for n, k in reversed(list(enumerate(keys)))}
    ranks: dict[str, list[Candidate]] = {}
    for k, r in first.items():
        if r.demonym is not None:
            continue
        ranked = gaz.rank(r.query, GeoContext(kind=r.kind))
        if ranked:
            ranks[k] = ranked
    for r in raws:  # demonyms vote for their country ("Ukrainian officials")
        if r.demonym is not None:
            ranks.setdefault(f"demonym|{r.demonym}", [Candidate(r.demonym, 0.0, 1.0)])
            counts[f"demonym|{r.demonym}"] += 1
    partial_keys = {k for k, r in first.items() if r.partial}
    for _ in range(ROUNDS):
        # Surest names first, each re-ranked against the latest readings of the others, so that
        # a pair like Walker County + Huntsville settles in one state instead of swapping.
        order = sorted((k for k, r in first.items() if r.demonym is None and k in ranks),
                       key=lambda k: -ranks[k][0].prob)
        for k in order:
            r = first[k]
            steer = {q: v for q, v in ranks.items() if q not in partial_keys}
            ctx = _context(gaz, steer, counts, skip=k)
            ctx.kind = r.kind
            ctx.within = [ranks[keys[c]][0].entry for c in _containers_of(raws, keys, k) if keys[c] in ranks]
            ranks[k] = gaz.rank(r.query, ctx)
    tops = {k: (v[0].entry, v[0].prob) for k, v in ranks.items()}
    main = _main_place(gaz, {k: v for k, v in ranks.items() if k not in partial_keys}, counts)
    out = []
    for k, r in zip(keys, raws, strict=False):
        if r.demonym is not None:
            loc = gaz.location(r.demonym, 0.9, reason="demonym")
            feature = "demonym"
        elif k in tops:
            i, p = tops[k]
            if r.partial:
                loc = gaz.location(i, p * PARTIAL_FACTOR, name=r.query,
                                   reason=f"not in gazetteer; placed at the place named inside it ({r.query})")
            else:
                loc = gaz.location(i, p)
            feature = gaz.feature(i)
        elif main is not None:
            loc = gaz.location(main, FALLBACK_SCORE, reason="not in gazetteer; placed at the article's "
                               f"main place ({gaz.names[main]}, {gaz.feature(main)})")
            feature = None
        else:
            loc = Location(name=r.query, reason="not in gazetteer")
            feature = None
        out.append(PlaceMention(article_id=article_id, text=r.text, start=r.start, end=r.end,
                                location=loc, feature=feature))
    return out


def _containers_of(raws: list[Raw], keys: list[str], key: str) -> list[int]:
    return [c for r, k in zip(raws, keys, strict=False) if k == key for c in r.containers]


def extract_places(doc: Doc, article: Article) -> list[PlaceMention]:
    """Every toponym (and place demonym) in `doc` with its resolved Location.

    Offsets are into `doc.text`, which the pipeline builds from `article.text`.
    """
    gaz = get_gazetteer()
    spans = find_spans(doc, gaz)
    try:
        return resolve_spans(doc.text, spans, article.article_id, gaz)
    except (ValueError, IndexError, KeyError) as exc:  # one bad name must not lose the article
        log.warning("place resolution failed for %s: %s", article.article_id, exc)
        return [PlaceMention(article_id=article.article_id, text=doc.text[s:e], start=s, end=e,
                             location=Location(name=doc.text[s:e], reason=f"resolution failed: {exc}"))
                for s, e in spans]


__all__ = ["extract_places", "resolve_spans", "find_spans", "ADMIN1", "COUNTRY", "FEATURE"]
