"""Can two event mentions be the same happening? Type families, actors, places and dates compared."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from newsledger.models import Actor, Location

# PLOVER types that different outlets use for one happening ("shelled" vs "seized", "urged" vs
# "demanded"); a mention only merges with mentions of its own family.
FAMILIES: dict[str, str] = {
    "ASSAULT": "force", "COERCE": "force",
    "MOBILIZE": "mobilize", "PROTEST": "protest", "SANCTION": "sanction",
    "AID": "help", "COOPERATE": "help", "SUPPORT": "endorse",
    "AGREE": "agree", "CONCEDE": "agree", "RETREAT": "retreat",
    "CONSULT": "consult",
    "REQUEST": "demand", "ACCUSE": "criticise", "REJECT": "criticise", "THREATEN": "threaten",
}
# Two dates are the same when their spans lie at most this far apart: wires dated in different time zones
# and "yesterday" read on either side of midnight differ by a day.
DATE_TOLERANCE_DAYS = 1
SAME_PLACE_KM = 25.0  # two town-level points closer than this are one place under two names
_PRECISION_RANK = {"feature": 4, "town": 3, "admin1": 2, "country": 1}


def family(event_type: str) -> str:
    """The family of a PLOVER type (unknown types form their own family)."""
    return FAMILIES.get(event_type, event_type)


# Types whose modes name different acts ("withdraw" troops vs "release" prisoners, "expel" vs "discontinue"):
# two mentions with different modes there are two happenings. ASSAULT is not here: outlets describe one
# attack as shelling or as an air strike.
MODE_DISTINCT = frozenset({"RETREAT", "COERCE", "SANCTION", "PROTEST", "AID", "CONSULT"})


def modes_conflict(type_a: str, mode_a: str | None, type_b: str, mode_b: str | None) -> bool:
    """True when both mentions name a mode, of the same type, and the modes are different acts."""
    return type_a == type_b and type_a in MODE_DISTINCT and bool(mode_a and mode_b) and mode_a != mode_b


# -- actors ------------------------------------------------------------------------------------------
# Codes shared by many organisations: two IGOs are one actor only when their names agree (G7 is not the EU).
GENERIC_CODES = frozenset({"IGO", "NGO", "IMG"})


def _actor_match(a: Actor, b: Actor) -> bool:
    if a.code and b.code:
        if a.code in GENERIC_CODES and b.code in GENERIC_CODES:
            return bool(a.name and b.name and a.name.lower() == b.name.lower())
        return a.code == b.code
    if a.country and b.country and a.country == b.country:
        return True
    return bool(a.name and b.name and a.name.lower() == b.name.lower())


# "66 people", "more than 70 people", "two civilians": outlets count victims differently, so a counted group
# is no identity (the numbers are compared as figures instead).
_COUNTED = re.compile(r"^(about|around|some|nearly|almost|over|more than|at least|up to|fewer than|"
                      r"\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b", re.I)


def _counted(a: Actor) -> bool:
    return not a.code and not a.country and bool(_COUNTED.match(a.name or a.text or ""))


def actors_relation(a: list[Actor], b: list[Actor]) -> str:
    """"match" (some actor in common), "unknown" (a side has none) or "conflict"."""
    a = [x for x in a if not _counted(x)]
    b = [x for x in b if not _counted(x)]
    if not a or not b:
        return "unknown"
    return "match" if any(_actor_match(x, y) for x in a for y in b) else "conflict"


# -- places ------------------------------------------------------------------------------------------
def _known(loc: Location | None) -> bool:
    return loc is not None and bool(loc.geonameid or loc.country or loc.name)


def precision_rank(loc: Location | None) -> int:
    """How specific a location is (0 = nothing known)."""
    if not _known(loc):
        return 0
    assert loc is not None
    if loc.precision:
        return _PRECISION_RANK.get(loc.precision, 0)
    return 3 if loc.lat is not None else 1


def km(a: Location, b: Location) -> float | None:
    """Great-circle distance in km, when both have coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_relation(a: Location | None, b: Location | None) -> str:
    """"same", "inside" (one contains the other), "unknown" or "conflict"."""
    if not _known(a) or not _known(b):
        return "unknown"
    assert a is not None and b is not None
    if a.geonameid and b.geonameid and a.geonameid == b.geonameid:
        return "same"
    if a.country and b.country and a.country != b.country:
        return "conflict"
    ra, rb = precision_rank(a), precision_rank(b)
    if not a.country or not b.country:  # unresolved name on one side: compare names only
        same_name = bool(a.name and b.name and a.name.lower() == b.name.lower())
        return "same" if same_name else "unknown"
    if min(ra, rb) <= 1:  # one is the whole country
        return "same" if ra == rb else "inside"
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return "conflict"
    if min(ra, rb) == 2:  # one is the admin-1 region (same region, or region unknown on one side)
        return "same" if ra == rb else "inside"
    d = km(a, b)
    if d is not None and d <= SAME_PLACE_KM:
        return "same"
    if a.name and b.name and a.name.lower() == b.name.lower():
        return "same"
    return "conflict"


# -- dates -------------------------------------------------------------------------------------------
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def date_span(value: str | None) -> tuple[date, date] | None:
    """First and last day a date value may mean (day, ISO week, month or year); None if unreadable."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            start = date(int(m[1]), int(m[2]), 1)
            nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            return start, nxt - timedelta(days=1)
        if m := _WEEK.match(value):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def dates_relation(a: str | None, b: str | None, tolerance: int = DATE_TOLERANCE_DAYS) -> str:
    """"same", "inside" (one span holds the other), "near" (within tolerance), "unknown" or "conflict"."""
    sa, sb = date_span(a), date_span(b)
    if sa is None or sb is None:
        return "unknown"
    if sa == sb:
        return "same"
    if (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1]):
        return "inside"
    gap = max((sb[0] - sa[1]).days, (sa[0] - sb[1]).days)
    return "near" if gap <= tolerance else "conflict"


# A mention dated only by its article's publication day happened on or before that day; news reports
# events of the past week at most, so a stated day up to this many days earlier may be the same happening.
PUBLICATION_LOOKBACK_DAYS = 7


def mention_dates_relation(a: str | None, pa: str | None, b: str | None, pb: str | None) -> str:
    """`dates_relation` aware of precision: a publication-day fallback is an upper bound, not a claim.

    "near" when the other side's date lies within PUBLICATION_LOOKBACK_DAYS before (or on) the publication
    day, "conflict" when it lies after it or long before.
    """
    if (pa == "publication") == (pb == "publication"):
        return dates_relation(a, b)
    pub, other = (a, b) if pa == "publication" else (b, a)
    sp, so = date_span(pub), date_span(other)
    if sp is None or so is None:
        return "unknown"
    if so[1] <= sp[1] and so[0] >= sp[0] - timedelta(days=PUBLICATION_LOOKBACK_DAYS):
        return "same" if so == sp else "near"
    return "conflict"

