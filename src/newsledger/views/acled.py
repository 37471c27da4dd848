"""ACLED-like view of an event: ACLED's column names and event_type / sub_event_type from PLOVER.

We write ACLED-named columns from our own coding; no ACLED data is used or shipped.
"""

from __future__ import annotations

from typing import Any

from newsledger.models import Actor, Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# ACLED interaction codes by actor sector: 1 state forces, 2 rebels, 3 political militias,
# 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces
_INTER = {"MIL": 1, "GOV": 1, "POL": 1, "SPY": 1, "REB": 2, "OPP": 6, "LAB": 6, "EDU": 6, "CVL": 7, "REF": 7,
          "MED": 7, "BUS": 7, "HLH": 7, "REL": 7, "AGR": 7, "IGO": 8, "NGO": 8, "JUD": 1, "LEG": 1}
_STATE = frozenset({"MIL", "GOV", "POL", "SPY"})
_PRECISION = {"town": 1, "feature": 1, "admin1": 2, "country": 3}
_DATE_PRECISION = {"time": 1, "day": 1, "week": 2, "month": 3, "quarter": 3, "year": 3, "publication": 1}


def _sectors(actors: list[Actor]) -> set[str]:
    return {a.sector for a in actors if a.sector}


def _inter(actors: list[Actor]) -> int | None:
    for a in actors:
        if a.sector in _INTER:
            return _INTER[a.sector]
    return 8 if actors and any(a.code for a in actors) else None


def acled_types(event: Event) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) for an event's PLOVER type, mode, actors and territory."""
    t, mode = event.event_type, event.mode or ""
    asec, rsec = _sectors(event.actor), _sectors(event.recipient)
    if t == "ASSAULT":
        if event.territory is not None:
            gainer = event.territory.gained_by
            state = bool(asec & _STATE) or any(a.code == gainer and a.sector in _STATE for a in event.actor)
            if state:
                return "Political violence", "Battles", "Government regains territory"
            if asec & {"REB"}:
                return "Political violence", "Battles", "Non-state actor overtakes territory"
            return "Political violence", "Battles", "Armed clash"
        if rsec & {"OPP", "LAB", "EDU"} and asec & _STATE:
            return "Demonstrations", "Protests", "Excessive force against protesters"
        if mode in ("aerial", "drone"):
            return "Political violence", "Explosions/Remote violence", "Air/drone strike"
        if mode == "heavy-weapons":
            return "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if mode == "suicide-attack":
            return "Political violence", "Explosions/Remote violence", "Suicide bomb"
        if mode == "explosives":
            return "Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"
        if mode == "unconventional":
            return "Political violence", "Explosions/Remote violence", "Chemical weapon"
        if mode == "sexual":
            return "Political violence", "Violence against civilians", "Sexual violence"
        if mode == "abduct":
            return "Political violence", "Violence against civilians", "Abduction/forced disappearance"
        if rsec & {"CVL", "REF", "MED"} or (not event.recipient and mode in ("targeted", "torture", "beat")):
            return "Political violence", "Violence against civilians", "Attack"
        if mode == "destroy":
            return "Strategic developments", "Strategic developments", "Looting/property destruction"
        return "Political violence", "Battles", "Armed clash"
    if t == "PROTEST":
        if mode == "riot":
            if asec & {"OPP", "LAB", "EDU"}:
                return "Demonstrations", "Riots", "Violent demonstration"
            return "Demonstrations", "Riots", "Mob violence"
        return "Demonstrations", "Protests", "Peaceful protest"
    if t == "COERCE":
        if mode == "arrest":
            return "Strategic developments", "Strategic developments", "Arrests"
        if mode == "seize":
            return "Strategic developments", "Strategic developments", "Looting/property destruction"
        if rsec & {"OPP", "LAB", "EDU"}:
            return "Demonstrations", "Protests", "Protest with intervention"
        return "Strategic developments", "Strategic developments", "Other"
    if t == "RETREAT" and event.territory is not None:
        return "Strategic developments", "Strategic developments", "Non-violent transfer of territory"
    if t in ("AGREE", "RETREAT", "CONCEDE") and mode in ("", "ceasefire", "release", "disarm"):
        return "Strategic developments", "Strategic developments", "Agreement"
    if t == "MOBILIZE":
        return "Strategic developments", "Strategic developments", "Change to group/activity"
    return "Strategic developments", "Strategic developments", "Other"


def _country(alpha2: str | None) -> tuple[str, int | str]:
    """(country name, ISO numeric) for ACLED's `country` and `iso` columns."""
    if not alpha2:
        return "", ""
    import pycountry
    c = pycountry.countries.get(alpha_2=alpha2)
    if c is None:
        return alpha2, ""
    return getattr(c, "common_name", None) or c.name, int(c.numeric)


def _actor_name(actors: list[Actor], i: int) -> str:
    if len(actors) <= i:
        return ""
    a = actors[i]
    sector = {"MIL": "Military Forces", "POL": "Police Forces", "GOV": "Government", "REB": "Rebels",
              "OPP": "Protesters", "CVL": "Civilians"}.get(a.sector or "")
    if a.code and sector and a.name:
        return f"{sector} of {a.name}"
    return a.name or ""


def acled_columns(event: Event) -> dict[str, Any]:
    """One row with ACLED's column names for an event (columns we cannot fill are empty)."""
    disorder, etype, sub = acled_types(event)
    loc = event.location
    date = event.date or ""
    inter1, inter2 = _inter(event.actor), _inter(event.recipient)
    first = event.sources[0] if event.sources else None
    row: dict[str, Any] = {c: "" for c in ACLED_COLUMNS}
    row.update({
        "event_id_cnty": event.event_id,
        "event_date": date[:10],
        "year": int(date[:4]) if date[:4].isdigit() else "",
        "time_precision": _DATE_PRECISION.get(event.date_precision or "", 3) if date else "",
        "disorder_type": disorder, "event_type": etype, "sub_event_type": sub,
        "actor1": _actor_name(event.actor, 0),
        "assoc_actor_1": "; ".join(_actor_name(event.actor, i) for i in range(1, len(event.actor))),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": _actor_name(event.recipient, 0),
        "assoc_actor_2": "; ".join(_actor_name(event.recipient, i) for i in range(1, len(event.recipient))),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2
        else (int(f"{inter1}0") if inter1 else ""),
        "civilian_targeting": "Civilian targeting" if etype == "Violence against civilians" else "",
        "iso": _country(loc.country if loc else None)[1], "country": _country(loc.country if loc else None)[0],
        "admin1": (loc.admin1 if loc else "") or "", "location": (loc.name if loc else "") or "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": _PRECISION.get((loc.precision if loc else "") or "", "") if loc else "",
        "source": "; ".join(sorted({s.outlet for s in event.sources if s.outlet})),
        "source_scale": "",
        "notes": first.sentence if first else "",
        "fatalities": "",
        "tags": "; ".join(x for x in (event.modality if event.modality != "asserted" else "",
                                       f"territory: {event.territory.place}" if event.territory else "") if x),
        "timestamp": "",
    })
    return row
