"""Ranges between two numbers: "4-5", "between $3m and $4m", "from $36,040 at 10pm to $34,935"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsledger.extract.figure_units import CURRENCY_SYMBOLS, VAGUE

if TYPE_CHECKING:
    from newsledger.extract.figure_numbers import Number, _Parser

_SCORE_NEXT = {"on", "in", "at", "with", "after", "against", "win", "victory", "defeat", "draw",
               "loss", "lead", "and", "to", "for", "over"}
# "from X ... to Y" ranges may have this many tokens between X and "to" ("from 20 mpg in 2008
# to 29 mpg"); a hand-set bound of a short clause, checked on NewsQuant's dev half
_FROM_TO_GAP = 10
BETWEEN = re.compile(r"between\s*$", re.IGNORECASE)
_YEAR = re.compile(r"1\d\d\d|20\d\d")


def range_after(P: _Parser, num: Number, i: int, j: int, scaled: bool) -> int | str | None:
    """Extend `num` to a range when a second number follows ("4-5", "5% to 10%", "four to five
    thousand", "between $3 and $4"). Returns the next token index, "skip" for a game score or a
    span of years, or None when no range follows."""
    text, toks = P.text, P.toks
    conn = P.low(j)
    k2 = j + 1
    if conn in ("-", "–") and P.low(j + 1) == "to" and toks[j + 1].glued and P.low(j + 2) in ("-", "–") \
            and toks[j + 2].glued:
        conn, k2 = "to", j + 3  # "0-to-60 mph": a range written as one hyphenated word
    before = text[max(0, num.start - 14):num.start].lower()
    between = bool(BETWEEN.search(before))
    from_ = bool(re.search(r"\bfrom\s*$", before))
    if not (conn in ("-", "–", "to", "/") or (conn == "and" and between)):
        return None
    if re.search(r"\bby\s*$", before) and num.unit:
        return None  # "increased by $43.6 billion to $419.2 billion": a change, then a level
    if conn == "/" and not (toks[j].glued and j + 1 < len(toks) and toks[j + 1].glued):
        return None  # "224 kW / 300 PS": two readings of one value, not a range
    cur2 = None
    if k2 < len(toks) and toks[k2].text.lower() in CURRENCY_SYMBOLS and not toks[k2].text.isalpha():
        cur2 = CURRENCY_SYMBOLS[toks[k2].text.lower()]
        k2 += 1
    elif k2 + 1 < len(toks) and toks[k2 + 1].text == "$" and toks[k2 + 1].glued:
        cur2 = CURRENCY_SYMBOLS.get((toks[k2].text + "$").lower())
        k2 += 2
    elif k2 < len(toks) and toks[k2].text.upper() in ("RM", "RS") and k2 + 1 < len(toks) \
            and toks[k2 + 1].glued:
        cur2 = CURRENCY_SYMBOLS[toks[k2].text.lower()]
        k2 += 1
    if k2 >= len(toks) or toks[k2].text.lower() in VAGUE:
        return None
    second = P.number_at(k2)
    if second is None:
        return None
    v2, j2, scaled2 = second
    value = num.value
    first_tok = toks[i].text
    if conn in ("-", "–") and re.fullmatch(r"1[5-9]\d\d|20\d\d", first_tok) and v2 < 100:
        return "skip"  # "2014-15": a span of years
    unit2, uend2 = P.unit_after(toks[j2 - 1].end, glued=True)
    unit2 = unit2 or cur2
    if num.unit and unit2 and num.unit != unit2:
        return None
    if conn in ("to", "or") and num.unit and not unit2 and not (between or from_):
        return None  # "rose 64 points to 4,577": a change, then a level
    if conn == "or" and not (num.unit or unit2):
        return None
    if scaled2 and not scaled and value <= P.unscaled(k2):
        # "four to five thousand", "1 to 2 million": the scale of the second applies to both
        value *= v2 / max(1.0, P.unscaled(k2))
    if conn in ("-", "–") and (_score_like(value, v2, P, j2) or v2 == value and not unit2):
        return "skip"  # a game score ("2-1", "89-89")
    if (conn == "and" and between and not num.unit and not unit2 and _YEAR.fullmatch(first_tok)
            and _YEAR.fullmatch(toks[k2].text)):
        return "skip"  # "between 2014 and 2017": a period
    if conn in ("-", "–") and v2 < value and not (num.unit or unit2) and toks[j].glued \
            and toks[k2].glued and float(value).is_integer() and float(v2).is_integer():
        return "skip"  # "a 52-48 vote", "won 110-102": a tally, not a range
    if v2 <= value and not (from_ and v2 != value):
        return None  # only "from X to Y" may run downwards ("fell from $2,415 to $2,315")
    num.value, num.value_max, num.bound = value, v2, "range"
    num.unit = num.unit or unit2
    num.end = uend2 if unit2 and uend2 > toks[j2 - 1].end else toks[j2 - 1].end
    while j2 < len(toks) and toks[j2].start < num.end:
        j2 += 1
    return j2


def from_to(P: _Parser, num: Number, j: int) -> int | None:
    """'from $36,040 at 10.45pm to $34,935', 'from 20 mpg in 2008 to 29 mpg': a "from X ... to Y"
    with a few words between and the same unit on both ends is a range. Returns the next token
    index when it is one."""
    text, toks = P.text, P.toks
    if not re.search(r"\bfrom\s*$", text[max(0, num.start - 14):num.start], re.IGNORECASE):
        return None
    for k in range(j, min(j + _FROM_TO_GAP, len(toks))):
        w = toks[k].text
        if w in (";", "!", "?", "(", ")") or P.low(k) == "from" or (
                w == "." and re.match(r"\s+[A-Z]", text[toks[k].end:])):
            return None  # the clause ends before any "to"
        if P.low(k) != "to":
            continue
        k2 = k + 1
        cur2 = None
        if k2 < len(toks) and toks[k2].text in CURRENCY_SYMBOLS and not toks[k2].text.isalpha():
            cur2, k2 = CURRENCY_SYMBOLS[toks[k2].text], k2 + 1
        second = P.number_at(k2) if k2 < len(toks) else None
        if second is None:
            return None
        v2, j2, _ = second
        unit2, uend2 = P.unit_after(toks[j2 - 1].end, glued=True)
        if (unit2 or cur2) not in (num.unit, num.unit.split(" per ")[0]):
            return None
        num.value_max, num.bound = v2, "range"
        num.end = max(uend2, toks[j2 - 1].end)
        while j2 < len(toks) and toks[j2].start < num.end:
            j2 += 1
        return j2
    return None


def _score_like(a: float, b: float, P: _Parser, j2: int) -> bool:
    """'2-2', '3-1': a game score, not a range (small integers, no unit, no counted noun after;
    the noun test is a guess: a following lower-case word that is not a preposition)."""
    if a > 20 or b > 20 or P.unit_after(P.toks[j2 - 1].end, glued=True)[0] is not None:
        return False
    nxt = P.low(j2)
    return not nxt.isalpha() or nxt in _SCORE_NEXT
