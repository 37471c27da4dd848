"""Toponyms of one article, each resolved to GeoNames in the light of the article's other places."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsledger.models import Article, Location, PlaceMention
from newsledger.resolve.gazetteer import ADMIN_WORDS, TOWN_WORDS, Gazetteer, GeoContext, get_gazetteer
from newsledger.resolve.geo_build import ADMIN1, ADMIN2, COUNTRY, FEATURE, TOWN, norm

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ADMIN_AFTER = re.compile(r"^[\s-]+(" + "|".join(sorted(ADMIN_WORDS)) + r")\b", re.I)
_TOWN_BEFORE = re.compile(r"\b(" + "|".join(sorted(TOWN_WORDS)) + r")\s+of\s+$", re.I)
_ADMIN_BEFORE = re.compile(r"\b(region|province|state|oblast|governorate|republic)\s+of\s+$", re.I)
_CONTAINER_GAP = re.compile(r"^\s*(,|,?\s+in(\s+the)?|\()\s*$", re.I)

# A candidate that wins with this share (softmax over its rivals) is sure enough to steer the
# others (country focus, nearby points); below it, it only votes with its share. Set by hand.
STEER_MIN_PROB = 0.6
ROUNDS = 2  # re-rank with the context of the previous round; a third round changed nothing on samples


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


def find_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the toponyms and place demonyms in a processed Doc."""
    out = []
    for ent in doc.ents:
        text = ent.text
        if ent.label_ in PLACE_LABELS:
            if ent.label_ == "FAC" and not gaz.has_name(text):
                continue  # streets and buildings are not in the gazetteer
            out.append((ent.start_char, ent.end_char))
        elif ent.label_ == "NORP" and gaz.demonym(text) is not None:
            out.append((ent.start_char, ent.end_char))
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
    return r


def _link_containers(raws: list[Raw], text: str) -> None:
    """'Lyman, Donetsk' / 'Lyman, in the Donetsk region': the second place contains the first."""
    order = sorted(range(len(raws)), key=lambda k: raws[k].start)
    for a, b in zip(order, order[1:]):
        gap = text[raws[a].end:raws[b].start]
        if len(gap) <= 12 and _CONTAINER_GAP.match(gap):
            raws[a].containers.append(b)


def _context(gaz: Gazetteer, tops: dict[str, tuple[int, float]], counts: dict[str, int],
             skip: str) -> GeoContext:
    """Country and admin-1 shares and anchor points from every other name of the article."""
    ctx = GeoContext()
    countries: dict[str, float] = defaultdict(float)
    admin1: dict[tuple[str, str], float] = defaultdict(float)
    total = 0.0
    for key, (i, p) in tops.items():
        if key == skip:
            continue
        w = counts[key] * (1.0 if p >= STEER_MIN_PROB else p)
        total += w
        if gaz.cc[i]:
            countries[gaz.cc[i]] += w
        a1 = gaz.admin1_of(i)
        if a1 is not None:
            admin1[a1] += w
        if p >= STEER_MIN_PROB and gaz.kind[i] in (TOWN, ADMIN2):
            ctx.points.append((float(gaz.lat[i]), float(gaz.lon[i]), min(1.0, p)))
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
    for k, r in zip(keys, raws):
        if r.demonym is None:
            counts[k] += 1
    first = {k: raws[n] for n, k in reversed(list(enumerate(keys)))}
    tops: dict[str, tuple[int, float]] = {}
    for k, r in first.items():
        if r.demonym is not None:
            continue
        ranked = gaz.rank(r.query, GeoContext(kind=r.kind))
        if ranked:
            tops[k] = (ranked[0].entry, ranked[0].prob)
    for r in raws:  # demonyms vote for their country ("Ukrainian officials")
        if r.demonym is not None:
            tops.setdefault(f"demonym|{r.demonym}", (r.demonym, 1.0))
            counts[f"demonym|{r.demonym}"] += 1
    for _ in range(ROUNDS):
        new_tops = dict(tops)
        for k, r in first.items():
            if r.demonym is not None or k not in tops:
                continue
            ctx = _context(gaz, tops, counts, skip=k)
            ctx.kind = r.kind
            ctx.within = [tops[keys[c]][0] for c in _containers_of(raws, keys, k) if keys[c] in tops]
            ranked = gaz.rank(r.query, ctx)
            new_tops[k] = (ranked[0].entry, ranked[0].prob)
        tops = new_tops
    out = []
    for k, r in zip(keys, raws):
        if r.demonym is not None:
            loc = gaz.location(r.demonym, 0.9, reason="demonym")
            feature = "demonym"
        elif k in tops:
            i, p = tops[k]
            loc = gaz.location(i, p)
            feature = gaz.feature(i)
        else:
            loc = Location(name=r.query, reason="not in gazetteer")
            feature = None
        out.append(PlaceMention(article_id=article_id, text=r.text, start=r.start, end=r.end,
                                location=loc, feature=feature))
    return out


def _containers_of(raws: list[Raw], keys: list[str], key: str) -> list[int]:
    return [c for r, k in zip(raws, keys) if k == key for c in r.containers]


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
