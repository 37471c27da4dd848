"""Event merging: mentions of one happening from many articles become one Event with all its sources."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newsledger.link import compat as C
from newsledger.link import text as T
from newsledger.models import Article, Event, EventMention, Figure, Location, Source, guessed_place

logger = logging.getLogger(__name__)

# Two sentences from the same copy group at or above this word-set Jaccard are one statement of one
# happening (copies keep sentences nearly intact; rewrites swap a few words).
SAME_SENTENCE = 0.5
MAX_OPEN_CLUSTERS = 500  # per family, at most this many of the most recent clusters are compared
# A mention is compared only with clusters updated by articles published at most this long before it:
# follow-up reports of one happening come within days; the bound keeps a full rebuild near-linear.
MERGE_WINDOW_DAYS = 14
CONFIDENCE_CAP = 0.99


@dataclass(slots=True)
class _Cluster:
    mentions: list[EventMention] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    keys: set[tuple[str, int]] = field(default_factory=set)
    last: datetime = datetime.min


def _published(m: EventMention, articles: dict[str, Article]) -> datetime:
    art = articles.get(m.article_id)
    return art.published if art is not None and art.published is not None else datetime.max


def _score(m: EventMention, rep: EventMention, same_group: bool, same_story: bool) -> float | None:
    """How well `m` fits the cluster whose first mention is `rep`; None when it must not merge."""
    if m.article_id == rep.article_id and m.sent_start == rep.sent_start and m.trigger_start != rep.trigger_start:
        return None  # two acts of one sentence ("took Lyman after encircling it") are two events
    strong = same_group and m.event_type == rep.event_type and \
        T.jaccard(T.words(m.sentence), T.words(rep.sentence)) >= SAME_SENTENCE
    if strong:  # a copy's sentence: its own trigger picks between the acts of that sentence
        return 10.0 + (m.trigger.lower() == rep.trigger.lower())
    if C.modes_conflict(m.event_type, m.mode, rep.event_type, rep.mode):
        return None
    actor = C.actors_relation(m.actor, rep.actor)
    recip = C.actors_relation(m.recipient, rep.recipient)
    if "conflict" in (actor, recip):
        return None
    place = C.places_relation(m.location, rep.location)
    if place == "conflict" and (guessed_place(m.location) or guessed_place(rep.location)):
        place = "unknown"  # a fallback place (article, preceding event) is a guess: it cannot veto
    when = C.mention_dates_relation(m.date, m.date_precision, rep.date, rep.date_precision)
    if "conflict" in (place, when):
        return None
    # Without a known place or date on both sides only a shared story vouches for the match.
    if (place == "unknown" or when == "unknown") and not same_story:
        return None
    own_place = place in ("same", "inside") and not guessed_place(m.location) and not guessed_place(rep.location)
    anchors = (actor == "match") + (recip == "match") + own_place
    if anchors == 0 and (not same_story or m.event_type != rep.event_type):
        return None  # a shared story alone vouches only for the same type ("refused" is no "accused")
    score = float(anchors) + (m.event_type == rep.event_type) + (when in ("same", "inside")) + same_story
    # a change of control joins a change of control ("took Lyman" with "had taken Lyman"), not an attack
    # on the same place ("after encircling it"), when both are on offer
    if (m.territory is None) != (rep.territory is None):
        score -= 1.0
    elif m.territory is not None and rep.territory is not None and m.territory.place == rep.territory.place:
        score += 1.0
    return score


def merge_events(mentions: list[EventMention], articles: dict[str, Article], copy_group: dict[str, str],
                 story_of: dict[str, str], figures: list[Figure] | None = None) -> list[Event]:
    """Group mentions that describe one happening into Events (a lone mention is an Event too).

    `copy_group` maps article_id to its copy group (articles missing from it are their own group);
    `story_of` maps article_id to story id; `figures`, when given, are checked for disagreements.
    """
    order = sorted(mentions, key=lambda m: (_published(m, articles), m.article_id, m.trigger_start))
    clusters: list[_Cluster] = []
    # Blocking: a cluster is listed under every key that could make a mention match it (family plus an
    # actor, a country, the copy group or the story of its members); a mention is compared only with the
    # clusters listed under its own keys, which is what `_score` could accept anyway.
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    window = timedelta(days=MERGE_WINDOW_DAYS)
    for m in order:
        g = copy_group.get(m.article_id, m.article_id)
        s = story_of.get(m.article_id)
        fam = C.family(m.event_type)
        pub = _published(m, articles)
        key = (m.article_id, m.trigger_start)
        keys = [(fam, k) for k in _block_keys(m, g, s)]
        cands: set[int] = set()
        for k in _lookup_keys(m, g, s):
            cands.update(index[(fam, k)][-MAX_OPEN_CLUSTERS:])
        best, best_i = 0.0, None
        for i in sorted(cands, reverse=True):
            cl = clusters[i]
            if key in cl.keys:  # the same mention given twice: keep one
                best_i = i
                break
            if pub != datetime.max and cl.last != datetime.max and pub - cl.last > window:
                continue
            sc = _score(m, cl.mentions[0], g in cl.groups, s is not None and s in cl.stories)
            if sc is not None and sc > best and not _actor_conflict(m, cl.mentions):
                best, best_i = sc, i
        if best_i is None:
            best_i = len(clusters)
            clusters.append(_Cluster())
            for k in keys:
                index[k].append(best_i)
        cl = clusters[best_i]
        if key not in cl.keys:
            cl.mentions.append(m)
            cl.keys.add(key)
        if g not in cl.groups:
            cl.groups.add(g)
            index[(fam, f"g:{g}")].append(best_i)
        if s and s not in cl.stories:
            cl.stories.add(s)
            index[(fam, f"s:{s}")].append(best_i)
        cl.last = max(cl.last, pub)
    figs_by_article: dict[str, list[Figure]] = defaultdict(list)
    for f in figures or []:
        figs_by_article[f.article_id].append(f)
    events = [_build(cl.mentions, articles, copy_group, story_of, figs_by_article) for cl in clusters]
    logger.info("merged %d mentions into %d events", len(mentions), len(events))
    return events


def _actor_conflict(m: EventMention, members: list[EventMention]) -> bool:
    """A member other than the first names a different actor: a first mention without actors must not chain
    two parties' acts into one event (the UN's condemnation and Kyiv's accusation joined through an actorless
    "the two sides refused")."""
    return any(C.actors_relation(m.actor, o.actor) == "conflict" for o in members[1:])


def _actor_keys(m: EventMention) -> list[str]:
    keys = []
    for a in m.actor + m.recipient:
        if a.code:
            keys.append(f"c:{a.code}")
        if a.country:
            keys.append(f"k:{a.country}")
        if a.name:
            keys.append(f"n:{a.name.lower()}")
    return keys


def _place_keys(m: EventMention) -> list[str]:
    loc = m.location
    if loc is None:
        return []
    if loc.country:
        return [f"p:{loc.country}"]
    return [f"pn:{loc.name.lower()}"] if loc.name else []


def _block_keys(m: EventMention, group: str, story: str | None) -> list[str]:
    """Keys a new cluster whose first mention is `m` is listed under (see merge_events)."""
    keys = [f"g:{group}"] + ([f"s:{story}"] if story else [])
    keys += _actor_keys(m)
    if not (m.actor and m.recipient):  # a side with no actor is "unknown": any mention may match it
        keys.append("no-actor")
    keys += _place_keys(m)
    return list(dict.fromkeys(keys))


def _lookup_keys(m: EventMention, group: str, story: str | None) -> list[str]:
    """Keys under which `m` can find a cluster it may join: with actors, a cluster must share one or have
    none (a conflict would be refused); without actors, the place has to anchor the match."""
    keys = [f"g:{group}"] + ([f"s:{story}"] if story else [])
    actors = _actor_keys(m)
    keys += actors + ["no-actor"] if actors else _place_keys(m)
    return list(dict.fromkeys(keys))


def event_id(first: EventMention) -> str:
    """Stable id from the earliest mention: later sources joining never change it."""
    key = f"{first.article_id}|{first.trigger_start}|{first.event_type}"
    return "ev:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _vote(values: list[tuple[str, str]]) -> str:
    """Value backed by the most copy groups (pairs of value, group); ties go to the earliest."""
    groups: dict[str, set[str]] = defaultdict(set)
    for v, g in values:
        groups[v].add(g)
    return max(groups, key=lambda v: (len(groups[v]), -[x for x, _ in values].index(v)))


def _versions(items: list[tuple[str, EventMention]], copy_group: dict[str, str]) -> list[dict]:
    out: dict[str, dict] = {}
    for value, m in items:
        v = out.setdefault(value, {"value": value, "sources": [], "_groups": set()})
        if m.article_id not in v["sources"]:
            v["sources"].append(m.article_id)
        v["_groups"].add(copy_group.get(m.article_id, m.article_id))
    res = []
    for v in out.values():
        v["n_independent"] = len(v.pop("_groups"))
        res.append(v)
    return res


def _date_versions(ms: list[EventMention], copy_group: dict[str, str]) -> tuple[str | None, list[dict]]:
    """Chosen date and, when sources disagree, every version with its sources."""
    dated = [m for m in ms if C.date_span(m.date) is not None]
    stated = [m for m in dated if m.date_precision != "publication"]
    if stated:  # a publication-day fallback is no version of its own when some source states the date
        dated = stated
    if not dated:
        return None, []
    # A coarse date that holds a finer one ("October" and "2 October") is the same claim, less precise:
    # fold it into the finest compatible value so that only real differences count as versions.
    values = sorted({m.date for m in dated if m.date}, key=lambda d: (C.date_span(d)[1] - C.date_span(d)[0]))
    canon: dict[str, str] = {}
    for v in values:
        canon[v] = next((c for c in canon.values() if C.dates_relation(v, c) in ("same", "inside")), v)
    items = [(canon[m.date], m) for m in dated if m.date]
    chosen = _vote([(v, copy_group.get(m.article_id, m.article_id)) for v, m in items])
    versions = _versions(items, copy_group)
    return chosen, versions if len(versions) > 1 else []


def _loc_key(loc: Location) -> str:
    return str(loc.geonameid) if loc.geonameid else f"{(loc.name or '').lower()}|{loc.country or ''}"


def _place_versions(ms: list[EventMention], copy_group: dict[str, str]
                    ) -> tuple[Location | None, list[dict]]:
    located = [m for m in ms if m.location is not None and C.precision_rank(m.location) > 0]
    if not located:
        first = next((m.location for m in ms if m.location is not None), None)
        return first, []
    # places read from the sources' own sentences outvote fallbacks, and fallbacks are no disagreement
    located = [m for m in located if not guessed_place(m.location)] or located
    # Most specific first, so a region folds into a town inside it.
    located.sort(key=lambda m: -C.precision_rank(m.location))
    reps: list[Location] = []
    items: list[tuple[str, EventMention]] = []
    for m in located:
        assert m.location is not None
        rep = next((r for r in reps if C.places_relation(m.location, r) in ("same", "inside")), None)
        if rep is None:
            reps.append(m.location)
            rep = m.location
        items.append((_loc_key(rep), m))
    chosen_key = _vote([(k, copy_group.get(m.article_id, m.article_id)) for k, m in items])
    chosen = next(r for r in reps if _loc_key(r) == chosen_key)
    versions = _versions(items, copy_group)
    names = {_loc_key(r): r.name for r in reps}
    for v in versions:
        v["name"] = names.get(v["value"])
    return chosen, versions if len(versions) > 1 else []


# how a version of a figure reads in `disagreements` ("more than 70" is not "70")
_BOUND_WORDS = {"at_least": "at least ", "at_most": "at most ", "approximate": "about "}


def _figure_versions(ms: list[EventMention], figs: dict[str, list[Figure]],
                     copy_group: dict[str, str]) -> list[dict]:
    """Figures stated in the event's sentences that differ between sources, per thing counted."""
    by_counts: dict[str, list[tuple[str, EventMention]]] = defaultdict(list)
    for m in ms:
        for f in figs.get(m.article_id, []):
            if m.sent_start <= f.start < m.sent_end and f.counts and f.unit in (None, ""):
                val = _BOUND_WORDS.get(f.bound, "") + f"{f.value:g}" + (
                    f"-{f.value_max:g}" if f.value_max is not None else "")
                by_counts[T.stem(f.counts.lower().split()[-1])].append((val, m))
    out = []
    for counts, items in by_counts.items():
        versions = _versions(items, copy_group)
        if len(versions) > 1:
            out.append({"field": "figure", "counts": counts, "versions": versions})
    return out


def _build(ms: list[EventMention], articles: dict[str, Article], copy_group: dict[str, str],
           story_of: dict[str, str], figs: dict[str, list[Figure]]) -> Event:
    first = ms[0]
    groups = {m.article_id: copy_group.get(m.article_id, m.article_id) for m in ms}
    etype = _vote([(m.event_type, groups[m.article_id]) for m in ms])
    typed = [m for m in ms if m.event_type == etype]
    actor_src = next((m for m in typed if m.actor), typed[0])
    recip_src = next((m for m in typed if m.recipient), typed[0])
    modality = Counter(m.modality for m in ms).most_common(1)[0][0]
    date_value, date_versions = _date_versions(ms, copy_group)
    date_m = min((m for m in ms if m.date and C.date_span(m.date) == C.date_span(date_value)),
                 key=lambda m: m.date_precision == "publication", default=None)
    location, place_versions = _place_versions(ms, copy_group)
    disagreements: list[dict] = []
    if date_versions:
        disagreements.append({"field": "date", "versions": date_versions})
    if place_versions:
        disagreements.append({"field": "location", "versions": place_versions})
    disagreements.extend(_figure_versions(ms, figs, copy_group))
    sources: list[Source] = []
    for m in ms:
        art = articles.get(m.article_id)
        sources.append(Source(
            article_id=m.article_id, outlet=art.outlet if art else None, url=art.url if art else None,
            sentence=m.sentence, start=m.sent_start, end=m.sent_end,
            published=art.published.isoformat() if art and art.published else None,
            trigger=m.trigger, copy_group=groups[m.article_id]))
    best_by_group: dict[str, float] = {}
    for m in ms:
        g = groups[m.article_id]
        best_by_group[g] = max(best_by_group.get(g, 0.0), m.confidence)
    miss = 1.0
    for c in best_by_group.values():
        miss *= 1.0 - c
    return Event(
        event_id=event_id(first), event_type=etype, mode=typed[0].mode,
        actor=actor_src.actor, recipient=recip_src.recipient, modality=modality,
        territory=next((m.territory for m in ms if m.territory is not None), None),
        location=location, date=date_value,
        date_precision=date_m.date_precision if date_m else None,
        sources=sources, n_sources=len({m.article_id for m in ms}),
        n_independent_sources=len(set(groups.values())),
        story_id=story_of.get(first.article_id), confidence=round(min(CONFIDENCE_CAP, 1.0 - miss), 4),
        disagreements=disagreements, coder_version=first.coder_version,
        date_text=date_m.date_text if date_m else None)
