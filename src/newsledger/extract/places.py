"""Toponyms of one article, each resolved to GeoNames in the light of the article's other places."""

from __future__ import annotations

import logging
import math
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
    haversine_km,
)
from newsledger.resolve.geo_build import ADMIN1, ADMIN2, COUNTRY, FEATURE, TOWN, norm
from newsledger.resolve.geo_plausible import metro_region, plausible_inner, stray_village

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
# States and provinces have governors and legislatures, towns have mayors ("New York Gov. Cuomo");
# "upstate New York" is the state.
_REGION_AFTER = re.compile(r"^(\u2019s|'s)?\s+(gov\.|governor|lt\. gov\.|lieutenant governor|legislature|"
                           r"state legislature|state senate|attorney general)(?!\w)", re.I)
_REGION_BEFORE = re.compile(r"\b(upstate|downstate)\s+$", re.I)
_PLURAL_ADMIN_AFTER = re.compile(r"^\s+(counties|parishes|provinces|states|regions|oblasts|districts|"
                                 r"governorates|prefectures)\b", re.I)  # not "departments": fire departments
_LIST_GAP = re.compile(r"^\s*(,|,?\s+(and|or))\s*$")
_CONTAINER_GAP = re.compile(r"^\s*(,|,?\s+in(\s+the)?|\()\s*$", re.I)
_POSSESSIVE_GAP = re.compile(r"^(\u2019s|'s|')\s+(the\s+)?$")  # "Utah's Zion National Park": the first contains the second
# "Kisii, Wajir, Mandera" and "Zaire, Bundibugyo and Sudan" are lists, not "town, region": a comma
# link is a list when another capitalised name follows the second one
_LIST_NEXT = re.compile(r"^(,\s*(and\s+|or\s+)?|\s+(and|or|&)\s+)(the\s+)?[A-Z]")

# A candidate that wins with this share (softmax over its rivals) is sure enough to steer the
# others (country focus, nearby points); below it, it only votes with its share. Set by hand.
STEER_MIN_PROB = 0.6
CONTEXT_MIN_WEIGHT = 0.5  # half a sure name; 1.0 and 0.5 compared on the dev halves (BENCHMARKS, places)
# Readings of each other name that may pull, and the least share a pulling reading needs. These and
# POINT_FLATTEN were picked among three settings on the geo corpora (8/0.02/0.5 looked better on their
# first 100 articles and was worse on the whole of LGL and GeoWebNews).
POINT_CANDIDATES = 5
POINT_MIN_PROB = 0.05
# Pull weight = share ** POINT_FLATTEN: below 1 would let a name's second readings pull too.
POINT_FLATTEN = 1.0
# Two names with readings this close (a town and its county, two neighbouring towns) back those
# readings with this bonus each (twice at most), looking at each name's first readings only.
# Compared on all three geo corpora: 10/15/25/40 km, bonus 1/1.5/2/2.5, 10/20/50 readings;
# 15 km, 1.5, 10 was best or level on each (LGL +1.6 pt; a larger bonus cost GeoVirus and GeoWebNews).
COLOCATED_KM = 15.0
COLOCATED_BONUS = 1.5
COLOCATED_CANDIDATES = 10
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
    comma_in: int | None = None  # index of the Raw that a comma puts it in ("Orient, Ohio")


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
        r.kind = None if m.group(1).lower() == "region" and metro_region(name, gaz) else "admin"
        combined = f"{name} {m.group(1)}"
        if gaz.has_name(combined):
            r.query = combined
    elif _REGION_AFTER.match(after) or _REGION_BEFORE.search(before):
        r.kind = "region"
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
    """The article's most-weighted place: the heaviest town or county of its most-weighted region
    (a state named once and a few towns in it outweigh one stray namesake elsewhere), else the
    heaviest place, finest kind first (town, county, region, then country). A place in the
    article's main country counts more than a stray reading abroad."""
    shares: dict[str, float] = defaultdict(float)
    for key, ranked in ranks.items():
        if ranked and gaz.cc[ranked[0].entry]:
            shares[gaz.cc[ranked[0].entry]] += counts.get(key, 1) * ranked[0].prob
    total = sum(shares.values()) or 1.0

    def weight(key: str, c: Candidate) -> float:
        return counts.get(key, 1) * c.prob * (0.2 + shares[gaz.cc[c.entry]] / total)

    regions: dict[tuple[str, str], float] = defaultdict(float)
    towns: dict[int, float] = defaultdict(float)
    for key, ranked in ranks.items():
        i = ranked[0].entry if ranked else None
        if i is not None and gaz.kind[i] in (TOWN, ADMIN2, ADMIN1) and gaz.a1[i]:
            regions[(gaz.cc[i], gaz.a1[i])] += weight(key, ranked[0])
            if gaz.kind[i] != ADMIN1:
                towns[i] += weight(key, ranked[0])
    if regions:
        best = max(regions, key=regions.__getitem__)
        inside = {i: w for i, w in towns.items() if (gaz.cc[i], gaz.a1[i]) == best}
        if inside:
            return max(inside, key=inside.__getitem__)
    for kinds in ((TOWN, ADMIN2), (ADMIN1,), (COUNTRY,)):
        weights: dict[int, float] = defaultdict(float)
        for key, ranked in ranks.items():
            if ranked and gaz.kind[ranked[0].entry] in kinds:
                weights[ranked[0].entry] += weight(key, ranked[0])
        if weights:
            return max(weights, key=weights.__getitem__)
    return None


def _generic(name: str) -> bool:
    """'North', 'West Side': only generic words, no name of their own."""
    return all(w.lower() in GENERIC_WORDS for w in name.split())


def _is_country(gaz: Gazetteer, name: str) -> bool:
    return any(gaz.kind[i] == COUNTRY for i in gaz.candidates(name))


def _link_containers(raws: list[Raw], text: str, gaz: Gazetteer) -> None:
    """'Lyman, Donetsk' / 'Lyman, in the Donetsk region': the second place contains the first."""
    order = sorted(range(len(raws)), key=lambda k: raws[k].start)
    starts = {raws[k].start: k for k in order}
    for a, b in zip(order, order[1:], strict=False):
        gap = text[raws[a].end:raws[b].start]
        after = _LIST_NEXT.match(text[raws[b].end:raws[b].end + 12])
        nxt = starts.get(raws[b].end + after.end() - 1) if after else None
        # a list goes on after the second name, unless what follows is its country ("Toronto, Ontario, Canada")
        listed = after is not None and not (after.group(1).strip() == "," and nxt is not None
                                            and _is_country(gaz, raws[nxt].query)
                                            and not _is_country(gaz, raws[b].query))
        if len(gap) <= 12 and _CONTAINER_GAP.match(gap) and not (gap.strip() == "," and listed):
            raws[a].containers.append(b)
            if gap.strip() == ",":
                raws[a].comma_in = b
        elif _POSSESSIVE_GAP.match(gap):
            raws[b].containers.append(a)


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
        # shares of at least one surely-read name: a lone ambiguous "Washington" (0.2) must not make the
        # article 100% American and pull "Moscow" to Idaho
        total = max(total, CONTEXT_MIN_WEIGHT)
        ctx.countries = {k: v / total for k, v in countries.items()}
        ctx.admin1 = {k: v / total for k, v in admin1.items()}
    return ctx


def _same_stem(key1: str, key2: str) -> bool:
    """'Madison' and 'Madison County' (or 'North Arlington'): namesakes sit together by naming, not
    by coincidence, so they are no evidence for each other."""
    a, b = f" {key1.split('|')[0]} ", f" {key2.split('|')[0]} "
    return a in b or b in a


def _colocated(gaz: Gazetteer, ranks: dict[str, list[Candidate]]) -> dict[str, dict[int, float]]:
    """Readings of two different names that lie within a few km of each other ('Athens' and
    'Henderson County' both in East Texas): a coincidence that rarely happens by chance, so each
    such reading gets a bonus, whatever its prior (the pull of the other names only sees their
    likely readings)."""
    km, bonus = COLOCATED_KM, COLOCATED_BONUS
    cell = km / 111.0  # grid cells `km` tall, and at least `km` wide up to 75 degrees of latitude
    lon_cell = cell / math.cos(math.radians(75.0))
    grid: dict[tuple[int, int], list[tuple[str, int]]] = defaultdict(list)
    for key, ranked in ranks.items():
        if key.startswith("demonym|") or len(ranked) < 1:
            continue
        for c in ranked[:COLOCATED_CANDIDATES]:
            if gaz.kind[c.entry] in (TOWN, ADMIN2):
                grid[(int(gaz.lat[c.entry] // cell), int(gaz.lon[c.entry] // lon_cell))].append((key, c.entry))
    out: dict[str, dict[int, float]] = defaultdict(dict)
    for (gy, gx), members in grid.items():
        near = [m for dy in (-1, 0, 1) for dx in (-1, 0, 1) for m in grid.get((gy + dy, gx + dx), ())]
        for key, i in members:
            others = {k2 for k2, j in near if k2 != key and j != i and not _same_stem(key, k2) and float(haversine_km(
                float(gaz.lat[i]), float(gaz.lon[i]), gaz.lat[j], gaz.lon[j])) < km}
            if others:
                out[key][i] = bonus * min(len(others), 2)
    return out


def _hint_regions(raws: list[Raw], text: str, gaz: Gazetteer) -> None:
    """Kind hints from the names around a name: the place after a comma that contains another
    ('Buffalo, New York') is a region or country, and a name listed among regions or countries
    ('Missouri, New York, North Carolina and Virginia') is one of them."""
    top: dict[str, Candidate | None] = {}

    def first_reading(k: int) -> Candidate | None:
        q = raws[k].query
        if q not in top:
            ranked = gaz.rank(q, GeoContext(kind=raws[k].kind))
            top[q] = ranked[0] if ranked else None
        return top[q]

    for n, r in enumerate(raws):  # a town's container (not a street's: "Cumberland St., Lebanon")
        if r.comma_in is not None and raws[r.comma_in].kind is None and r.demonym is None and not r.partial \
                and not _generic(raws[r.comma_in].query):
            c = first_reading(n)
            if c is not None and gaz.kind[c.entry] == TOWN:
                raws[r.comma_in].kind = "region"
    order = sorted(range(len(raws)), key=lambda k: raws[k].start)
    groups: list[list[int]] = []
    for a, b in zip(order, order[1:], strict=False):
        if raws[a].comma_in != b and _LIST_GAP.match(text[raws[a].end:raws[b].start]):
            if groups and groups[-1][-1] == a:
                groups[-1].append(b)
            else:
                groups.append([a, b])
    if not groups:
        return
    for g in groups:
        if _PLURAL_ADMIN_AFTER.match(text[raws[g[-1]].end:raws[g[-1]].end + 20]):
            for k in g:  # "Clarke, Madison, Oconee and Oglethorpe counties"
                raws[k].kind = raws[k].kind or "admin"
            continue
        tops = {k: first_reading(k) for k in g}
        for k in g:
            others = [tops[o].entry for o in g if o != k and tops[o] is not None]
            mine = tops[k]
            if raws[k].kind is not None or mine is None or raws[k].demonym is not None:
                continue
            for kind, hint in ((ADMIN1, "region"), (COUNTRY, "country")):
                same = [o for o in others if gaz.kind[o] == kind]
                ccs = {gaz.cc[o] for o in same}
                # most of the other members are regions (countries), and this name can be one of
                # them (a region in the same country: "West Bank and Gaza" is not Gaza, Mozambique)
                if len(same) * 2 > len(others) and any(
                        gaz.kind[i] == kind and (kind == COUNTRY or gaz.cc[i] in ccs)
                        for i in gaz.candidates(raws[k].query)):
                    raws[k].kind = hint
                    break


def _share_hints(raws: list[Raw]) -> None:
    """One sense per name: when some mentions of a name carry an explicit admin cue ("New York
    state", "the state of Washington") and none carries another cue, its bare mentions take that cue
    too. The softer region hints ("Rego Park, New York") stay with their own mention: "flights
    between New York and Moscow" in the same story still mean the city."""
    cues: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        if r.kind is not None and r.demonym is None:
            cues[norm(r.query)].add(r.kind)
    for r in raws:
        if r.kind is None and r.demonym is None and not r.partial:
            kinds = cues.get(norm(r.query), set())
            if kinds == {"admin"}:
                r.kind = "admin"


def resolve_spans(text: str, spans: list[tuple[int, int]], article_id: str = "",
                  gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Resolve given character spans of `text` together (one sense per name per article)."""
    gaz = gaz or get_gazetteer()
    raws = [_raw(text, s, e, gaz) for s, e in spans]
    _link_containers(raws, text, gaz)
    _hint_regions(raws, text, gaz)
    _share_hints(raws)
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
    support = _colocated(gaz, ranks)
    for k, sup in support.items():  # co-location counts before the first readings steer the others
        if sup and k in first and first[k].demonym is None:
            ranks[k] = gaz.rank(first[k].query, GeoContext(kind=first[k].kind, support=sup))
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
            ctx.support = support.get(k, {})
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
            outer = _container_entry(gaz, raws, keys, tops, r)
            if outer is not None and gaz.kind[i] in (TOWN, ADMIN2) and not _inside(gaz, i, outer):
                # "Grantville, Pennsylvania" when the gazetteer's only Grantville is in Georgia: the
                # text says which region the place is in, so that region is the best point we have
                loc = gaz.location(outer, p * PARTIAL_FACTOR, name=r.query, reason="not in gazetteer within "
                                   f"{gaz.names[outer]}; placed at {gaz.names[outer]}")
                out.append(PlaceMention(article_id=article_id, text=r.text, start=r.start, end=r.end,
                                        location=loc, feature=None))
                continue
            stated = _stated_container(gaz, raws, keys, tops, r) if r.partial else None
            if stated is not None and not _inside(gaz, i, stated) and not plausible_inner(gaz, i, stated):
                loc = _at_container(gaz, stated)
                out.append(PlaceMention(article_id=article_id, text=r.text, start=r.start, end=r.end,
                                        location=loc, feature=None))
                continue
            stray = not r.partial and stated is None and main is not None and stray_village(gaz, i, main, tops, k)
            if (r.partial or stray) and stated is None and main is not None \
                    and not plausible_inner(gaz, i, main, r.text):
                loc = gaz.location(main, FALLBACK_SCORE, reason="not in gazetteer; placed at the article's "
                                   f"main place ({gaz.names[main]}, {gaz.feature(main)})")
                out.append(PlaceMention(article_id=article_id, text=r.text, start=r.start, end=r.end,
                                        location=loc, feature=None))
                continue
            if r.partial:
                loc = gaz.location(i, p * PARTIAL_FACTOR, name=r.query,
                                   reason=f"not in gazetteer; placed at the place named inside it ({r.query})")
            else:
                loc = gaz.location(i, p)
            feature = gaz.feature(i)
        elif (stated := _stated_container(gaz, raws, keys, tops, r)) is not None:
            loc = _at_container(gaz, stated)
            feature = None
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


def _container_entry(gaz: Gazetteer, raws: list[Raw], keys: list[str], tops: dict[str, tuple[int, float]],
                     r: Raw) -> int | None:
    """The region or country a comma puts `r` in ("Orient, Ohio"), when it resolved to one."""
    if r.comma_in is None:
        return None
    entry = tops.get(keys[r.comma_in])
    if entry is not None and gaz.kind[entry[0]] in (ADMIN1, COUNTRY) and not raws[r.comma_in].partial \
            and entry[1] >= STEER_MIN_PROB and not _generic(raws[r.comma_in].query):
        return entry[0]
    return None


def _stated_container(gaz: Gazetteer, raws: list[Raw], keys: list[str], tops: dict[str, tuple[int, float]],
                      r: Raw) -> int | None:
    """The place the text puts an unknown name in ("Zion National Park in Utah", "Utah's Zion National
    Park", "Le Bernardin in New York"): a better point than the article's main place."""
    for c in r.containers:
        entry = tops.get(keys[c])
        if entry is not None and not raws[c].partial and not _generic(raws[c].query) \
                and gaz.kind[entry[0]] != FEATURE:
            return entry[0]
    return None


def _at_container(gaz: Gazetteer, outer: int) -> Location:
    return gaz.location(outer, FALLBACK_SCORE, reason=f"not in gazetteer; placed at the place the text puts it in "
                        f"({gaz.names[outer]}, {gaz.feature(outer)})")


def _inside(gaz: Gazetteer, i: int, outer: int) -> bool:
    """Whether entry `i` lies in region or country `outer` (or is it)."""
    if i == outer or gaz.cc[i] != gaz.cc[outer]:
        return i == outer
    return gaz.kind[outer] == COUNTRY or gaz.a1[i] == gaz.a1[outer]


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
