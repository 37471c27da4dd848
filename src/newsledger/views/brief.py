"""The daily brief: a day's situation report built from the store, rendered as Markdown or HTML."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsledger.models import Event
from newsledger.store.base import Store
from newsledger.store.queries import Filters, list_events, territory_events
from newsledger.views.brief_render import render, to_html, to_markdown
from newsledger.views.brief_text import (
    _fold,
    control_sentence,
    country_name,
    disagreement_note,
    figure_sentence,
    summary_sentence,
)

__all__ = ["Brief", "BriefItem", "build_brief", "control_sentence", "figure_sentence", "render",
           "summary_sentence", "to_html", "to_markdown"]

log = logging.getLogger(__name__)

# How many events to show per region and type before "and N more": an analyst's page, not a dump
# (5 keeps the Lyman and Tbilisi days of the bundled examples complete while capping a busy day).
MAX_EVENTS_PER_GROUP = 5
# Key quotes and figures listed; more than ~6 stops being "key".
MAX_QUOTES = 6
MAX_FIGURES = 6
# Quotes shorter than this are fragments ("to leave"); longer than the maximum are paragraphs.
MIN_QUOTE_CHARS = 20
MAX_QUOTE_CHARS = 320

# A one-word speaker with a demonym ending ("Russian", "Chinese", "British") is a cut-off group name.
DEMONYM_END = re.compile(r"(ian|ean|ese|ish)$")
# Counted nouns that are not things an analyst counts ("one thing").
NOT_COUNTED = frozenset({"thing", "things", "time", "times", "way", "ways", "this", "that", "it", "one"})
# Crowd-size words are not figures an analyst would list as key numbers.
VAGUE_NUMBERS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens of thousands",
                           "hundreds of thousands"})

TYPE_HEADINGS: dict[str, str] = {
    "ASSAULT": "Fighting and attacks", "COERCE": "Coercion, arrests and force", "MOBILIZE": "Mobilisation",
    "RETREAT": "Withdrawals", "PROTEST": "Protests", "THREATEN": "Threats", "SANCTION": "Sanctions",
    "ACCUSE": "Accusations", "REJECT": "Rejections", "REQUEST": "Demands and appeals", "AGREE": "Agreements",
    "CONSULT": "Talks", "SUPPORT": "Statements of support", "CONCEDE": "Concessions", "COOPERATE": "Cooperation",
    "AID": "Aid and supplies",
}


@dataclass
class BriefItem:
    """One line of the brief: a summary sentence, its best evidence and who reported it."""
    text: str
    evidence: str
    outlets: list[str]
    n_independent: int
    event_id: str | None = None
    url: str | None = None
    note: str | None = None  # disagreement or modality warning


@dataclass
class Brief:
    """A day's report as data; `to_markdown` and `to_html` render it."""
    day: str
    region: str | None
    headline: str
    control: list[BriefItem] = field(default_factory=list)
    groups: list[tuple[str, list[tuple[str, list[BriefItem], int]]]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    n_events: int = 0
    nearest: list[tuple[str, int]] = field(default_factory=list)  # (day, events) before/after an empty day


def region_of(e: Event) -> str:
    """The region heading an event is filed under: admin-1 region and country, else country, else unlocated."""
    loc = e.location
    if loc is None:
        return "Location not given"
    country = country_name(loc.country)
    if loc.admin1 and country and _fold(loc.admin1) != _fold(country):
        return f"{loc.admin1}, {country}"
    return country or loc.admin1 or loc.name or "Location not given"


def in_region(e: Event, region: str) -> bool:
    """Whether an event lies in `region` (admin-1 name, country name or code, or place name)."""
    want = _fold(region)
    loc = e.location
    names = []
    if loc is not None:
        names += [loc.name or "", loc.admin1 or "", loc.country or "", country_name(loc.country) or ""]
    if e.territory:
        names.append(e.territory.place)
    return any(n and (_fold(n) == want or want in _fold(n)) for n in names)


def _outlets(e: Event) -> list[str]:
    seen: list[str] = []
    for s in e.sources:
        if s.outlet and s.outlet not in seen:
            seen.append(s.outlet)
    return seen


def _best_source(e: Event) -> tuple[str, str | None]:
    """The evidence sentence to quote: the earliest-published source's sentence."""
    if not e.sources:
        return "", None
    s = sorted(e.sources, key=lambda s: (s.published or "9999", s.outlet or ""))[0]
    return s.sentence.strip(), s.url


def _item(e: Event, text: str | None = None) -> BriefItem:
    evidence, url = _best_source(e)
    return BriefItem(text=text or summary_sentence(e), evidence=evidence, outlets=_outlets(e),
                     n_independent=e.n_independent_sources, event_id=e.event_id, url=url,
                     note=disagreement_note(e))


def _code_names(events: list[Event]) -> dict[str, str]:
    names: dict[str, str] = {}
    for e in events:
        for a in e.actor + e.recipient:
            if a.code and a.code not in names and a.name and not a.name.lower().startswith(("the ", "his ")):
                names[a.code] = a.name
    return names


def build_brief(store: Store, day: str, region: str | None = None) -> Brief:
    """Collect the day's events, control changes, quotes, figures and disagreements."""
    date.fromisoformat(day)  # raises ValueError on a malformed day
    events = list_events(store, Filters(since=day, until=day))
    outlets = {_fold(r["outlet"]) for r in store.query("SELECT DISTINCT outlet FROM articles") if r["outlet"]}
    events = [e for e in events if not _outlet_boilerplate(e, outlets)]
    if region:
        events = [e for e in events if in_region(e, region)]
    names = _code_names(events)
    nice = _nice_date(day)
    brief = Brief(day=day, region=region, headline=f"Situation report: {nice}" + (f", {region}" if region else ""),
                  n_events=len(events))

    control_events = [e for e in events if e.territory is not None]
    for e in sorted(control_events, key=lambda e: (-e.n_independent_sources, -e.confidence)):
        before, nearby = _control_context(store, e, day)
        brief.control.append(_item(e, control_sentence(e, names, before, nearby)))
    control_conflicts(control_events, names, brief)

    rest = [e for e in events if e.territory is None]
    by_region: dict[str, dict[str, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for e in rest:
        by_region[region_of(e)][e.event_type].append(e)

    def weight(evs: list[Event]) -> tuple[int, int]:
        return (max(e.n_independent_sources for e in evs), len(evs))

    for reg, types in sorted(by_region.items(), key=lambda kv: (kv[0] == "Location not given",
                                                                 [-x for x in weight(sum(kv[1].values(), []))])):
        groups = []
        for typ, evs in sorted(types.items(), key=lambda kv: tuple(-x for x in weight(kv[1]))):
            evs.sort(key=lambda e: (-e.n_independent_sources, -e.confidence, e.event_id))
            shown = evs[:MAX_EVENTS_PER_GROUP]
            groups.append((TYPE_HEADINGS.get(typ, typ.title()), [_item(e) for e in shown], len(evs) - len(shown)))
        brief.groups.append((reg, groups))

    for e in events:
        note = disagreement_note(e)
        if note:
            brief.disagreements.append(f"{summary_sentence(e)} {note}")

    if not events and not region:
        brief.nearest = nearest_event_days(store, day)
    article_ids = sorted({s.article_id for e in events for s in e.sources})
    brief.quotes = key_quotes(store, article_ids, day)
    brief.figures = key_figures(store, article_ids, day)
    log.info("brief %s: %d events, %d control changes", day, len(events), len(brief.control))
    return brief


def nearest_event_days(store: Store, day: str) -> list[tuple[str, int]]:
    """The closest earlier and later days that have events, with their counts: where to look instead.

    A report published on the 2nd usually tells what happened on the 1st, so an empty day is common.
    """
    out = []
    for op, order in (("<", "DESC"), (">", "ASC")):
        # event_date is ISO text, so text order is date order on both backends
        rows = store.query("SELECT event_date AS d, COUNT(*) AS n FROM events "
                           f"WHERE event_date {op} ? GROUP BY event_date ORDER BY event_date {order} LIMIT 1", [day])
        out += [(str(r["d"])[:10], int(r["n"])) for r in rows]
    return out


def _outlet_boilerplate(e: Event, outlets: set[str]) -> bool:
    """A credit or newsletter line coded as an event: its actor is an outlet, or it names only an outlet."""
    if e.actor and all(_fold(a.name) in outlets for a in e.actor):
        return True
    if e.actor or e.recipient:
        return False
    return any(o and o in _fold(s.sentence) for s in e.sources for o in outlets)


def control_conflicts(events: list[Event], names: dict[str, str], brief: Brief) -> None:
    """Call out places where the day's reports name different new holders."""
    by_place: dict[str, set[str]] = defaultdict(set)
    for e in events:
        if e.territory and e.territory.gained_by:
            by_place[e.territory.place].add(names.get(e.territory.gained_by, e.territory.gained_by))
    for place, holders in sorted(by_place.items()):
        if len(holders) > 1:
            brief.disagreements.append(f"Reports conflict over who holds {place}: {' vs '.join(sorted(holders))}.")


def _control_context(store: Store, e: Event, day: str) -> tuple[str | None, str | None]:
    """(who held the place before `day`, who other reports say gained it within a day of `day`)."""
    from newsledger.views.control import control_history

    assert e.territory is not None
    try:
        history = control_history(territory_events(store, e.territory.place), e.territory.place)
    except (KeyError, ValueError, TypeError) as exc:  # a colleague's view; the brief must not fail on it
        log.warning("control history for %s unavailable: %s", e.territory.place, exc)
        return None, None
    prior = [h for h in history if h.get("date") and h["date"] < day]
    before = prior[-1].get("holder_after") if prior else None
    d = date.fromisoformat(day)
    # Reports a day apart often describe one capture (dated by the event or by the announcement).
    window = {(d + timedelta(days=k)).isoformat() for k in (-1, 0, 1)}
    gainers = {h["gained_by"] for h in history if h.get("gained_by") and (h.get("date") or "")[:10] in window}
    return before, (gainers.pop() if len(gainers) == 1 else None)


def _nice_date(day: str) -> str:
    d = date.fromisoformat(day)
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B %Y')}"


def _articles_window(day: str) -> tuple[str, str]:
    """Articles published on the day or the day after report the day's news (wire copy lags a day)."""
    d = date.fromisoformat(day)
    return day, (d + timedelta(days=1)).isoformat()


def _day_rows(alias: str, article_ids: list[str], day: str) -> tuple[str, list[Any]]:
    """WHERE condition and parameters for rows of `alias` (quotes q, figures f) that report the day: from
    articles published in its window, or from the articles its events cite."""
    params: list[Any] = list(_articles_window(day))
    cond = "(a.published >= CAST(? AS TIMESTAMP) AND a.published < CAST(? AS TIMESTAMP) + INTERVAL '1 day')"
    if article_ids:
        cond = f"({cond} OR {alias}.article_id IN ({','.join('?' * len(article_ids))}))"
        params += article_ids
    return cond, params


def key_quotes(store: Store, article_ids: list[str], day: str) -> list[dict[str, Any]]:
    """The day's most useful quotes: attributed, direct first, merged across outlets that carry them."""
    cond, params = _day_rows("q", article_ids, day)
    rows = store.query("SELECT q.speaker, q.speaker_role, q.text, q.kind, a.outlet, a.url, "
                       "CAST(a.published AS VARCHAR) AS published FROM quotes q JOIN articles a USING (article_id) "
                       f"WHERE {cond} ORDER BY a.published, q.start_char", params)
    merged: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["kind"] == "stance":
            continue  # an attitude ("endorsed Cruz") is no quote to print as said
        text = (r["text"] or "").strip().strip(",").strip()
        speaker = (r["speaker"] or "").strip()
        if len(text) < MIN_QUOTE_CHARS or len(text) > MAX_QUOTE_CHARS or not speaker:
            continue
        if not re.search(r"[A-Z]", speaker[:1]) or (speaker.isupper() and len(speaker) > 3):
            continue  # a lower-case pronoun, or a dateline ("KYIV") taken for a speaker
        if " " not in speaker and DEMONYM_END.search(speaker):
            continue  # "Russian" left over from "Russian officials": whose words is unclear
        text = re.sub(r"[\s,;:]+(and|or|but|that|which)$", "", text).rstrip(",;: ")
        key = _fold(text)[:80]
        q = merged.setdefault(key, {"speaker": speaker, "role": r["speaker_role"], "text": text,
                                    "kind": r["kind"], "outlets": [], "url": r["url"]})
        if not q["role"] and r["speaker_role"]:
            q["role"] = r["speaker_role"]
        if r["outlet"] and r["outlet"] not in q["outlets"]:
            q["outlets"].append(r["outlet"])

    def rank(q: dict[str, Any]) -> tuple[int, int, int, int]:
        person = 1 if " " in q["speaker"] else 0  # a full name beats a bare institution ("Moscow")
        return (-(q["kind"] == "direct"), -person, -bool(q["role"]), -len(q["outlets"]))

    out = sorted(merged.values(), key=rank)
    # one quote per speaker first, so one voice does not fill the list
    first, extra, seen = [], [], set()
    for q in out:
        (extra if q["speaker"] in seen else first).append(q)
        seen.add(q["speaker"])
    return (first + extra)[:MAX_QUOTES]


def key_figures(store: Store, article_ids: list[str], day: str) -> list[dict[str, Any]]:
    """Counted numbers (troops, casualties, detainees...) with who claims them, merged across outlets."""
    cond, params = _day_rows("f", article_ids, day)
    rows = store.query("SELECT f.text, f.value, f.value_max, f.bound, f.unit, f.counts, f.subject, f.claimed_by, "
                       "f.sentence, a.outlet FROM figures f JOIN articles a USING (article_id) "
                       f"WHERE {cond} AND f.counts IS NOT NULL ORDER BY a.published, f.start_char", params)
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        if _fold(r["text"] or "") in VAGUE_NUMBERS or _fold(r["counts"] or "") in NOT_COUNTED:
            continue
        key = (r["value"], r["counts"], _fold(r["subject"] or ""))
        f = merged.setdefault(key, {**r, "outlets": []})
        f.pop("outlet", None)
        if r["outlet"] and r["outlet"] not in f["outlets"]:
            f["outlets"].append(r["outlet"])
        if not f["claimed_by"] and r["claimed_by"]:
            f["claimed_by"] = r["claimed_by"]
    out = sorted(merged.values(), key=lambda f: (-bool(f["claimed_by"]), -len(f["outlets"]), -(f["value"] or 0)))
    return out[:MAX_FIGURES]
