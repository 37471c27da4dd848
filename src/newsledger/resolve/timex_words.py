"""Number words, unit names and month/day/year numbers of time expressions, for the anchoring rules."""

from __future__ import annotations

import logging
import re

from newsledger.resolve.timex_rules import MONTHS

logger = logging.getLogger(__name__)

__all__ = ["DECADE_WORDS", "day_number", "month_number", "number", "unit_name", "year_number"]

_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_WORD_NUMBERS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90, "a": 1, "an": 1, "the": 1, "a couple of": 2, "couple of": 2,
                      "a dozen": 12, "a hundred": 100, "half a": 0.5, "half an": 0.5})
_VAGUE = ("a few", "several", "few", "many", "some", "a number of", "dozens of", "hundreds of")
# "the nineties": decades of the twentieth century, the only ones news names in words
DECADE_WORDS = {"twenties": "20", "thirties": "30", "forties": "40", "fifties": "50", "sixties": "60",
                "seventies": "70", "eighties": "80", "nineties": "90"}
_UNIT_NAMES = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
               "weekend": "weekend", "fortnight": "fortnight", "month": "month", "quarter": "quarter",
               "year": "year", "decade": "decade", "centurie": "century", "century": "century",
               "fiscal year": "year", "period": "quarter", "half": "half"}


def number(text: str | None) -> float | None:
    """Numeric value of "three", "twenty-four", "5 1/2", "a"; None for vague amounts ("several")."""
    if text is None:
        return 1.0
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in _VAGUE:
        return None
    if t in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[t])
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: 1/2)?", t)
    if m:
        return float(m.group(1)) + (0.5 if t.endswith("1/2") else 0.0)
    parts = re.split(r"[-\s]", t)
    if len(parts) == 2 and parts[0] in _WORD_NUMBERS and parts[1] in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[parts[0]] + _WORD_NUMBERS[parts[1]])
    return None


def year_number(text: str) -> int | None:
    """The year of "1994", "nineteen ninety-four", "two thousand and one"."""
    t = re.sub(r"[-\s]+", " ", text.strip().lower())
    if t.isdigit():
        return int(t)
    words = [w for w in t.split() if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(number(" ".join(words[2:])) or 0) if len(words) > 2 else 2000
    if words and words[0] in ("nineteen", "twenty") and len(words) >= 2:
        rest = number(" ".join(words[1:]))
        return (19 if words[0] == "nineteen" else 20) * 100 + int(rest) if rest is not None else None
    return None


def unit_name(text: str) -> str:
    """Canonical unit of "days", "fiscal year", "period" (a reporting quarter)."""
    t = re.sub(r"\s+", " ", text.lower())
    t = t[:-1] if t.endswith("s") and t[:-1] in _UNIT_NAMES else t
    return _UNIT_NAMES.get(t, t)


def month_number(name: str) -> int:
    """1-12 for "January", "Jan.", "Sept"."""
    return MONTHS[name.lower().rstrip(".")[:3]]


def day_number(text: str) -> int:
    """The day of "23", "23rd"."""
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]
