"""Calendar arithmetic and TimeML value strings, so the anchoring rules never format dates by hand."""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass
from datetime import date, timedelta

logger = logging.getLogger(__name__)

# Granularities from finest to coarsest; `DatePrecision` of models.py uses the same names.
GRANULARITIES = ("time", "day", "week", "month", "quarter", "year")
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                "tonight": "NI"}


@dataclass(slots=True)
class Point:
    """A resolved calendar reference: TimeML value, the first day it covers, and its granularity."""
    value: str
    day: date | None
    precision: str | None


def add_months(d: date, n: int) -> date:
    """`d` moved by `n` calendar months, clamping the day to the month's length."""
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def day_point(d: date) -> Point:
    return Point(d.isoformat(), d, "day")


def week_point(d: date) -> Point:
    y, w, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Point(f"{y:04d}-W{w:02d}", monday, "week")


def weekend_point(d: date) -> Point:
    y, w, _ = d.isocalendar()
    saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return Point(f"{y:04d}-W{w:02d}-WE", saturday, "week")


def month_point(y: int, m: int) -> Point:
    return Point(f"{y:04d}-{m:02d}", date(y, m, 1), "month")


def quarter_point(y: int, q: int) -> Point:
    return Point(f"{y:04d}-Q{q}", date(y, 3 * (q - 1) + 1, 1), "quarter")


def half_point(y: int, h: int) -> Point:
    return Point(f"{y:04d}-H{h}", date(y, 6 * (h - 1) + 1, 1), "quarter")


def year_point(y: int) -> Point:
    return Point(f"{y:04d}", date(y, 1, 1), "year")


def season_point(y: int, code: str) -> Point:
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    return Point(f"{y:04d}-{code}", date(y, first_month, 1), "quarter")


def time_point(d: date, hour: int, minute: int | None) -> Point:
    hm = f"{hour:02d}" if minute is None else f"{hour:02d}:{minute:02d}"
    return Point(f"{d.isoformat()}T{hm}", d, "time")


def part_of_day_point(d: date, code: str) -> Point:
    return Point(f"{d.isoformat()}T{code}", d, "time")


def shift(p: Point, n: int, unit: str) -> Point | None:
    """Move a point by `n` units (day, week, month, quarter, year), keeping its granularity."""
    if p.day is None:
        return None
    d = p.day
    if unit == "day":
        d = d + timedelta(days=n)
    elif unit == "week":
        d = d + timedelta(weeks=n)
    elif unit == "month":
        d = add_months(d, n)
    elif unit == "quarter":
        d = add_months(d, 3 * n)
    elif unit == "year":
        d = add_months(d, 12 * n)
    else:
        return None
    return at_precision(d, p.precision or "day")


def at_precision(d: date, precision: str) -> Point:
    """The point of granularity `precision` that contains day `d`."""
    if precision in ("day", "time"):
        return day_point(d)
    if precision == "week":
        return week_point(d)
    if precision == "month":
        return month_point(d.year, d.month)
    if precision == "quarter":
        return quarter_point(d.year, quarter_of(d))
    return year_point(d.year)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    """The n-th `weekday` (0=Monday) of a month; n=-1 is the last one."""
    if n > 0:
        first = date(y, m, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, m, calendar.monthrange(y, m)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(y: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def holiday(name: str, y: int) -> date | None:
    """Date of a fixed or computed holiday in year `y` (names as lower-case keys)."""
    fixed = {"christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "new year": (1, 1), "halloween": (10, 31),
             "independence day": (7, 4), "valentine's day": (2, 14), "boxing day": (12, 26)}
    if name in fixed:
        m, d = fixed[name]
        return date(y, m, d)
    if name == "thanksgiving":
        return nth_weekday(y, 11, 3, 4)
    if name == "labor day":
        return nth_weekday(y, 9, 0, 1)
    if name == "memorial day":
        return nth_weekday(y, 5, 0, -1)
    if name == "election day":  # US: the Tuesday after the first Monday of November
        return nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    if name == "easter":
        return easter(y)
    return None


def duration_value(n: float | None, unit: str) -> str:
    """TimeML duration: P3D, PT5H, P1.5Y, PT5H30M; `n` None means an unspecified amount (PXD)."""
    codes = {"second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
             "week": ("W", False), "weekend": ("WE", False), "fortnight": ("W", False),
             "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),  # P1Q: TimeML, not ISO
             "decade": ("Y", False), "century": ("Y", False)}
    scale = {"fortnight": 2, "decade": 10, "century": 100}.get(unit, 1)
    code, is_time = codes[unit]
    prefix = "PT" if is_time else "P"
    if n is None:
        # decades are counted in years ("two decades" is P20Y), so "for decades" is PXY, as TimeBank has it
        vague = {"century": "CE", "quarter": "Q"}.get(unit, code)
        return f"{prefix}X{vague}"
    n = n * scale
    if unit == "hour" and n != int(n):
        whole = int(n)
        return f"PT{whole}H{round((n - whole) * 60)}M" if whole else f"PT{round(n * 60)}M"
    if unit in ("year", "decade", "century") and n != int(n):
        whole = int(n)
        return f"P{whole}Y{round((n - whole) * 12)}M" if whole else f"P{round(n * 12)}M"
    if unit == "minute" and n != int(n):
        whole = int(n)
        return f"PT{whole}M{round((n - whole) * 60)}S" if whole else f"PT{round(n * 60)}S"
    num = str(int(n)) if n == int(n) else f"{n:g}"
    return f"{prefix}{num}{code}"
