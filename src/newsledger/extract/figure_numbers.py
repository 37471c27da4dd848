"""Read numbers out of plain text: digits, number words, scales, ranges, bounds, currencies, units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsledger.extract.figure_units import (
    AMBIGUOUS_SHORT,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURE_RE,
    MEASURES,
    ONES,
    SCALES,
    SHORT_SCALES,
    TENS,
    VAGUE,
)

_TOKEN = re.compile(r"\d+(?:[,.]\d+)*|[A-Za-z]+|[^\sA-Za-z\d]")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"}
_SCORE_NEXT = {"on", "in", "at", "with", "after", "against", "win", "victory", "defeat", "draw",
               "loss", "lead", "and", "to", "for", "over"}
_ORDINAL = {"st", "nd", "rd", "th"}
_AT_LEAST = re.compile(r"(?:more than|over|above|at least|upwards of|in excess of|no fewer than|"
                       r"no less than|greater than|exceeding|exceeded|topped|as much as\s*$)\s*$",
                       re.IGNORECASE)
_AT_MOST = re.compile(r"(?:up to|as many as|as much as|at most|less than|fewer than|under|below|"
                      r"no more than|not more than|a maximum of|maximum of|nearly|almost|"
                      r"just under|just shy of)\s*$", re.IGNORECASE)
_APPROX = re.compile(r"(?:about|around|roughly|approximately|some|an estimated|estimated|close to|"
                     r"nearly|almost|approx\.?|circa|ca\.|more or less|an approximate|"
                     r"or so|reportedly|just over|just under|upwards of|as many as)\s*$",
                     re.IGNORECASE)
_BETWEEN = re.compile(r"between\s*$", re.IGNORECASE)
_CURRENCY_GLUE = re.compile(r"(US|A|AU|C|CA|HK|NZ|S|R)\$$")


@dataclass(slots=True)
class Number:
    """One number read from text with what surrounds it (offsets into the text given)."""
    start: int
    end: int
    value: float
    value_max: float | None = None
    bound: str = "exact"  # exact, at_least, at_most, range, approximate
    approximate: bool = False
    unit: str | None = None  # ISO currency code, "percent" or a MEASURES name
    weak: bool = False  # a small bare number word or a year-like number: needs syntax to keep
    year_like: bool = False


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    glued: bool  # no space before


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        out.append(_Tok(m.group(), m.start(), m.end(), m.start() == prev_end))
        prev_end = m.end()
    return out


def _digit_value(s: str) -> float | None:
    s2 = s.replace(",", "")
    if s.count(".") > 1:
        return None
    if "," in s and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return None
    try:
        return float(s2)
    except ValueError:
        return None


def _is_num_word(w: str) -> bool:
    w = w.lower()
    return w in ONES or w in TENS or w in SCALES


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokens(text)

    def low(self, i: int) -> str:
        return self.toks[i].text.lower() if 0 <= i < len(self.toks) else ""

    def number_at(self, i: int) -> tuple[float, int, bool] | None:
        """Parse a number starting at token i: (value, next index, had a scale word)."""
        toks = self.toks
        t = toks[i]
        scaled = False
        if t.text[0].isdigit():
            v = _digit_value(t.text)
            if v is None:
                return None
            j = i + 1
            # "35m", "2.8bn", "10k": a scale glued to the digits
            if j < len(toks) and toks[j].glued and toks[j].text.lower() in SHORT_SCALES:
                after = toks[j + 1] if j + 1 < len(toks) else None
                if not (after and after.glued and after.text.isalpha()):
                    return v * SHORT_SCALES[toks[j].text.lower()], j + 1, True
            while j < len(toks) and toks[j].text.lower() in SCALES and toks[j].text.lower() != "score":
                v *= SCALES[toks[j].text.lower()]
                scaled = True
                j += 1
            if j < len(toks) and not scaled and toks[j].text.lower() in ("bn", "bln", "mln", "mn", "tn", "trn"):
                v *= SHORT_SCALES[toks[j].text.lower()]
                scaled = True
                j += 1
            return v, j, scaled
        w = t.text.lower()
        if w in VAGUE:
            # "tens of thousands", "hundreds of millions", "thousands"
            v = float(VAGUE[w])
            j = i + 1
            if self.low(j) == "of" and self.low(j + 1) in VAGUE and VAGUE[self.low(j + 1)] > v:
                v *= VAGUE[self.low(j + 1)]
                j += 2
            return v, j, True
        if not (_is_num_word(w) or (w in ("a", "an") and self.low(i + 1) in SCALES)):
            return None
        if w == "score" or (w in SCALES and w not in ("dozen",) and i > 0 and False):
            return None
        total, current = 0.0, 0.0
        j = i
        seen = False
        while j < len(toks):
            x = toks[j].text.lower()
            if x in ("a", "an") and not seen:
                current = 1
            elif x in ONES:
                current += ONES[x]
            elif x in TENS:
                current += TENS[x]
            elif x == "hundred":
                current = (current or 1) * 100
            elif x == "dozen":
                current = (current or 1) * 12
                scaled = True
            elif x in SCALES and x != "score":
                total += (current or 1) * SCALES[x]
                current = 0
                scaled = True
            elif x == "-" and toks[j].glued and seen and j + 1 < len(toks) and toks[j + 1].glued \
                    and toks[j + 1].text.lower() in ONES:
                j += 1
                continue
            elif x == "and" and seen and self.low(j + 1) in ONES | TENS and self.low(j - 1) in SCALES:
                j += 1
                continue
            else:
                break
            seen = True
            j += 1
        if not seen or j == i:
            return None
        value = total + current
        if toks[i].text.lower() in ("a", "an") and j == i + 1:
            return None
        return value, j, scaled

    def currency_before(self, i: int) -> tuple[str | None, int]:
        """Currency mark right before token i: (code, index of the first token of the mark)."""
        if i == 0:
            return None, i
        p = self.toks[i - 1]
        if p.text == "$" and i >= 2 and p.glued and self.toks[i - 2].text + "$" in (
                "US$", "A$", "AU$", "C$", "CA$", "HK$", "NZ$", "S$", "R$"):
            return CURRENCY_SYMBOLS[(self.toks[i - 2].text + "$").lower()], i - 2
        if p.text.lower() in CURRENCY_SYMBOLS and (p.text in "$€£¥₹₪₽₩₴" or not p.text.isalpha()
                                                    or p.text.isupper() or p.text.lower() in ("rs", "rm")):
            if p.text.isalpha() and p.text.lower() not in ("rs", "rm") and not p.text.isupper():
                return None, i
            return CURRENCY_SYMBOLS[p.text.lower()], i - 1
        return None, i

    def unit_after(self, pos: int, glued: bool) -> tuple[str | None, int]:
        """A unit starting at character `pos` (after optional space or hyphen)."""
        text = self.text
        m = re.match(r"[ \t]?-?[ \t]?", text[pos:])
        p = pos + (m.end() if m else 0)
        um = MEASURE_RE.match(text, p)
        if um:
            form = um.group().lower()
            tight = p == pos  # glued to the number
            if form in AMBIGUOUS_SHORT and not tight:
                return None, pos
            if form in ("h", "m", "t", "b") and not tight:
                return None, pos
            return MEASURES[form], um.end()
        wm = re.match(r"[A-Za-z]+", text[p:])
        if wm and wm.group().lower() in CURRENCY_WORDS:
            w = wm.group().lower()
            if w in ("pound", "pounds") and re.match(r"[A-Za-z]+\s+(?:of|in)\b", text[p:]) is None:
                return CURRENCY_WORDS[w], p + wm.end()
            if w not in ("pound", "pounds", "won"):
                return CURRENCY_WORDS[w], p + wm.end()
        return None, pos


def find_numbers(text: str) -> list[Number]:
    """Every figure in `text` with value, range, bound and unit (currencies, percent, measures)."""
    P = _Parser(text)
    toks = P.toks
    out: list[Number] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        parsed = P.number_at(i)
        if parsed is None:
            i += 1
            continue
        value, j, scaled = parsed
        first_i = i
        # glued to letters in front: model names, codes ("F-35", "COVID-19", "G7")
        if t.text[0].isdigit() and i > 0 and (
                (t.glued and toks[i - 1].text.isalpha()
                 and toks[i - 1].text.lower() not in CURRENCY_SYMBOLS)
                or (t.glued and toks[i - 1].text in "-/#" and i > 1 and toks[i - 1].glued
                    and toks[i - 2].text.isalpha() and toks[i - 2].text.lower() not in
                    CURRENCY_SYMBOLS)):
            i = j
            continue
        # times, ordinals, decades
        if t.text[0].isdigit() and j < len(toks) and toks[j].glued and (
                toks[j].text == ":" and j + 1 < len(toks) and toks[j + 1].text[0].isdigit()
                or toks[j].text.lower() in _ORDINAL or toks[j].text == "s"):
            i = j + 2 if toks[j].text == ":" else j + 1
            continue
        if t.text[0].isdigit() and i > 0 and toks[i - 1].text == ":" and toks[i - 1].glued:
            i = j
            continue
        cur, cur_i = P.currency_before(i)
        start = toks[cur_i].start
        end = toks[j - 1].end
        num = Number(start=start, end=end, value=value, unit=cur)
        if t.text.lower() in VAGUE:
            num.approximate = True
            num.bound = "approximate"
        # dates: "July 4", "4 July"
        if value <= 31 and not scaled and float(value).is_integer() and (
                P.low(i - 1) in _MONTHS or P.low(j) in _MONTHS):
            i = j
            continue
        # ranges: "4-5", "four to five thousand", "between 3 and 4", "$7/$9"
        k = j
        conn = P.low(k)
        between = bool(_BETWEEN.search(text[max(0, start - 12):start]))
        if conn in ("-", "–", "to", "/") or (conn == "and" and between) or conn == "or":
            k2 = k + 1
            cur2, _ = (None, k2)
            if k2 < len(toks) and toks[k2].text.lower() in CURRENCY_SYMBOLS and not toks[k2].text.isalpha():
                cur2 = CURRENCY_SYMBOLS[toks[k2].text.lower()]
                k2 += 1
            elif k2 + 1 < len(toks) and toks[k2 + 1].text == "$" and toks[k2 + 1].glued:
                k2 += 2
            second = P.number_at(k2) if k2 < len(toks) else None
            if second is not None and (conn != "or" or True) and toks[k2].text.lower() not in VAGUE:
                v2, j2, scaled2 = second
                if conn == "or" and not (P.low(j2) in ("percent", "%") or cur):
                    second = None
            if second is not None and toks[k2].text.lower() not in VAGUE:
                v2, j2, scaled2 = second
                if scaled2 and not scaled:
                    # "four to five thousand", "1 to 2 million": the scale of the second applies
                    mult = v2 / max(1.0, _unscaled(P, k2))
                    value = value * mult if mult > 1 else value
                if v2 > value and (conn != "-" or not _score_like(value, v2, P, j2)):
                    num.value, num.value_max = value, v2
                    num.bound = "range"
                    num.unit = num.unit or cur2
                    num.end = toks[j2 - 1].end
                    j = j2
                elif conn == "-" and _score_like(value, v2, P, j2):
                    i = j2  # a score ("2-2"): not a figure
                    continue
        # a unit after the number
        if num.unit is None or num.unit in ("USD",) and False:
            unit, uend = P.unit_after(num.end, glued=True)
            if unit is not None:
                num.unit = unit
                num.end = uend
                while j < len(toks) and toks[j].start < uend:
                    j += 1
        # bounds and hedges before
        before = text[max(0, start - 40):start]
        if _BETWEEN.search(before) and num.bound == "range":
            pass
        elif _AT_LEAST.search(before):
            num.bound = "at_least"
        elif _AT_MOST.search(before):
            num.bound = "at_most"
            num.approximate = bool(re.search(r"(nearly|almost|just under|just shy of)\s*$", before, re.I))
        elif _APPROX.search(before):
            num.bound = "approximate"
            num.approximate = True
        if num.bound == "approximate":
            num.approximate = True
        # bare small words ("one", "two") and year-like integers need syntax to be kept
        if not t.text[0].isdigit() and value < 10 and num.unit is None and not scaled:
            num.weak = True
        if (t.text[0].isdigit() and re.fullmatch(r"1[5-9]\d\d|20\d\d", t.text) and num.unit is None
                and num.value_max is None and not scaled):
            num.year_like = True
            num.weak = True
        out.append(num)
        i = max(j, first_i + 1)
    return out


def _unscaled(P: _Parser, i: int) -> float:
    """Value of the number at token i without its scale words."""
    t = P.toks[i].text.lower()
    if t[0].isdigit():
        v = _digit_value(t)
        return v or 1.0
    total = 0.0
    k = i
    while k < len(P.toks) and (P.low(k) in ONES or P.low(k) in TENS or P.low(k) == "-"):
        total += ONES.get(P.low(k), 0) + TENS.get(P.low(k), 0)
        k += 1
    return total or 1.0


def _score_like(a: float, b: float, P: _Parser, j2: int) -> bool:
    """'2-2', '3-1': a game score, not a range (small integers, no unit, no counted noun after;
    the noun test is a guess: a following lower-case word that is not a preposition)."""
    if a > 20 or b > 20 or P.unit_after(P.toks[j2 - 1].end, glued=True)[0] is not None:
        return False
    nxt = P.low(j2)
    return not nxt.isalpha() or nxt in _SCORE_NEXT
