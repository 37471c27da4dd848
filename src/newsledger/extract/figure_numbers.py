"""Read numbers out of plain text: digits, number words, scales, ranges, bounds, currencies, units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsledger.extract.figure_ranges import BETWEEN, from_to, range_after
from newsledger.extract.figure_units import (
    AMBIGUOUS_SHORT,
    CURRENCY_PHRASES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURE_RE,
    MEASURES,
    ONES,
    SCALES,
    SHORT_SCALES,
    SPACED_SHORT,
    TENS,
    VAGUE,
)

_TOKEN = re.compile(r"\d+(?:[,.]\d+)*|[A-Za-z]+|[^\sA-Za-z\d]")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"}
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
_AGED = re.compile(r"\b(?:aged|ages|age of|age)\s+(?:between\s+)?$", re.IGNORECASE)
_CURRENCY_PHRASE = re.compile(r"((?:us|u\.s\.|australian|canadian|hong kong|new zealand|singapore|"
                              r"taiwan|new taiwan)\s+dollars?)\b", re.IGNORECASE)
_JOIN = re.compile(r"\s+(?:to|or|and|from)\s+\$?", re.IGNORECASE)
_PREFIXED_DOLLARS = {"US$", "A$", "AU$", "C$", "CA$", "HK$", "NZ$", "S$", "R$", "NT$"}
_OF_CURRENCY = re.compile(r"\s+of\s+(dollars|euros|pounds|yen|yuan|rupees|roubles|rubles)\b",
                          re.IGNORECASE)
_ADDRESS = re.compile(r"(?:\s+(?:[A-Z][a-z]+|[NSEW]\.?|\d+(?:st|nd|rd|th))){1,3}\s+(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Ln|"
                      r"Boulevard|Blvd|Drive|Dr|Place|Court|Terrace|Crescent)\b\.?")
# stock indices named with a number ("S&P 500", "Stoxx 50", "FTSE 100", "Nikkei 225"): public names
_INDEX_NAMES = {"s&p", "sp", "stoxx", "ftse", "nikkei", "russell", "dax", "cac", "kospi", "asx", "nasdaq",
                "ibex", "aex", "atx", "smi", "omx", "nifty", "sensex", "dow", "msci", "topix", "kse", "bse"}
# a lower-case label noun before a bare integer names a class or a place in a list, not an amount
# ("a category 4 hurricane", "type 2 diabetes", "article 50", "phase 3 trials")
_LABEL_NOUNS = {"category", "level", "grade", "phase", "stage", "tier", "class", "type", "size", "chapter",
                "article", "section", "row", "route", "gate", "room", "platform", "exit", "channel",
                "flight", "model", "version", "number"}
_METRE_AFTER = re.compile(r"\s*\(|-?(?:long|high|wide|tall|deep)\b|\s+(?:long|high|wide|tall|deep)\b")
# units of time: "a five-year plan" names a plan, "a five-cylinder engine" still counts cylinders
_SPANS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_WON = re.compile(r"\s+won\b")
_TIMEZONE = re.compile(r"\s(?:GMT|UTC|EDT|EST|CDT|CST|PDT|PST|BST|CET|CEST|ET|PT|local time)\b")
_SCIENTIFIC = re.compile(r"\s?[×x]\s?10\^?([−-])?(\d{1,3})")
# what a price or rate is per: counted things, periods and measurement units ("$52 a barrel",
# "$80 per sq m", "£24 a-year"); a short aside in brackets may come first ("C$6 (US$4.46) per share")
_PER_WORDS = ["barrels?", "shares?", "tonnes?", "tons?", "ounces?", "gallons?", "litres?", "liters?",
              "hours?", "days?", "weeks?", "months?", "years?", "nights?", "persons?", "people", "heads?",
              "kilograms?", "kg", "pounds?", "metres?", "meters?", "miles?", "units?", "grams?", "century",
              "centuries", "decades?", "minutes?", "seconds?", "games?", "seasons?", "capita",
              "square (?:foot|feet|metres?|meters?)"]
_PER_MEASURES = [re.escape(f) for f in sorted(MEASURES, key=len, reverse=True)
                 if len(f) > 1 and f not in AMBIGUOUS_SHORT and MEASURES[f] not in ("percentage", "count")
                 and not MEASURES[f].endswith(" of age")]
_PER = re.compile(r"(\s*\([^()]{1,40}\))?\s+(?:a|an|per)[\s-]+(" + "|".join(_PER_WORDS + _PER_MEASURES)
                  + r")(?![\w])", re.IGNORECASE)


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
    unit_shared: bool = False  # the unit came from a neighbour ("64 points to 4,577")


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
                metre = toks[j].text.lower() == "m" and _METRE_AFTER.match(self.text, toks[j].end)
                if not metre and not (after and after.glued and (after.text.isalpha() or after.text[0].isdigit())):
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
        if w.endswith("fold") and (w[:-4] in ONES or w[:-4] in TENS or w[:-4] == "hundred"):
            return float(ONES.get(w[:-4]) or TENS.get(w[:-4]) or 100), i + 1, False  # "sixfold"
        if not (_is_num_word(w) or (w in ("a", "an") and self.low(i + 1) in SCALES)):
            return None
        if w in SCALES:
            return None  # a scale word alone ("a baker's dozen", "thousand") counts nothing
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

    def unscaled(self, i: int) -> float:
        """Value of the number at token i without its scale words."""
        t = self.toks[i].text.lower()
        if t[0].isdigit():
            v = _digit_value(t)
            return v or 1.0
        total = 0.0
        k = i
        while k < len(self.toks) and (self.low(k) in ONES or self.low(k) in TENS or self.low(k) == "-"):
            total += ONES.get(self.low(k), 0) + TENS.get(self.low(k), 0)
            k += 1
        return total or 1.0

    def currency_before(self, i: int) -> tuple[str | None, int]:
        """Currency mark right before token i: (code, index of the first token of the mark).
        Handles "$5", "US$5", "$US5", "$A5", "HK $5", "RM5", "€5" and "$-5"."""
        toks = self.toks
        k = i
        if k >= 2 and toks[k - 1].text in ("-", "−") and toks[k - 2].text in "$€£¥" and toks[k - 1].glued:
            k -= 1  # "$-50.8bn"
        if k == 0:
            return None, i
        p = toks[k - 1]
        if p.text in ("US", "A", "AU", "HK", "NZ", "C", "S") and p.glued and k >= 2 \
                and toks[k - 2].text == "$":
            code = "USD" if p.text == "US" else CURRENCY_SYMBOLS[(p.text + "$").lower()]
            return code, k - 2  # "$US113", "$A82"
        if p.text == "$" and k >= 2 and toks[k - 2].text + "$" in _PREFIXED_DOLLARS and (
                p.glued or toks[k - 2].text.isupper()):
            return CURRENCY_SYMBOLS[(toks[k - 2].text + "$").lower()], k - 2  # "US$5", "HK $5"
        if p.text in "$€£¥₹₪₽₩₴₦₺₱฿" and p.text:
            return CURRENCY_SYMBOLS[p.text], k - 1
        if p.text == "=" and p.glued and k >= 2 and toks[k - 2].text == "Y" and toks[k].glued:
            return "JPY", k - 2  # "Y=590 billion": how some wires write the yen sign
        if p.text == "Rs" and k >= 1:
            return "INR", k - 1  # "Rs 500 crore": the rupee mark, with or without a space
        if p.text == "." and k >= 2 and toks[k - 2].text == "Rs" and p.glued:
            return "INR", k - 2  # "Rs. 500"
        if p.text in ("KSh", "Ksh", "Sh") and toks[k].glued:
            return "KES", k - 1  # "KSh50 billion", "Sh70bn": the Kenyan shilling
        if p.text in ("RM", "RS", "PS") and toks[k].glued:
            # "PS" is how a pound sign comes out of some lossy text conversions ("PS2.7m")
            return ("GBP" if p.text == "PS" else CURRENCY_SYMBOLS[p.text.lower()]), k - 1
        if p.text.isupper() and p.text.lower() in CURRENCY_SYMBOLS and len(p.text) == 3:
            return CURRENCY_SYMBOLS[p.text.lower()], k - 1  # "USD 5"
        return None, i

    def unit_after(self, pos: int, glued: bool) -> tuple[str | None, int]:
        """A unit starting at character `pos` (after optional space or hyphen)."""
        text = self.text
        m = re.match(r"[ \t]?-?[ \t]?", text[pos:])
        p = pos + (m.end() if m else 0)
        um = MEASURE_RE.match(text, p)
        if um:
            form = um.group().lower()
            if um.group() in ("Nm", "NM"):
                return "newton metre", um.end()  # torque; nanometres are written "nm"
            tight = p == pos  # glued to the number
            if form in AMBIGUOUS_SHORT and not tight and not (
                    form in SPACED_SHORT and um.group() in (form, "dB")):
                return None, pos
            if form in ("h", "m", "t", "b") and not tight:
                return None, pos
            return MEASURES[form], um.end()
        if p == pos and text[p:p + 1] in "€£¥₹₪₽₩₴₦₺₱฿" and text[p:p + 1]:
            return CURRENCY_SYMBOLS[text[p]], p + 1  # "1,200€"
        cm = _CURRENCY_PHRASE.match(text, p)
        if cm:
            return CURRENCY_PHRASES[re.sub(r"\s+", " ", cm.group(1).lower())], cm.end()
        wm = re.match(r"[A-Za-z]+", text[p:])
        if wm and wm.group().isupper() and wm.group().lower() in CURRENCY_SYMBOLS and len(wm.group()) == 3:
            return CURRENCY_SYMBOLS[wm.group().lower()], p + wm.end()  # "108.79 JPY"
        if wm and wm.group().lower() in CURRENCY_WORDS:
            w = wm.group().lower()
            if w in ("pound", "pounds") and re.match(r"[A-Za-z]+\s+(?:of|in)\b", text[p:]) is None:
                return CURRENCY_WORDS[w], p + wm.end()
            if w not in ("pound", "pounds", "won"):
                return CURRENCY_WORDS[w], p + wm.end()
        return None, pos


_FRACTION_DEN = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                 "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_FRACTION = re.compile(
    r"\b(?:(a|one|two|three|four|five|seven|nine)[\s-]+)?(half|halves|thirds?|quarters?|fourths?|"
    r"fifths?|sixths?|eighths?|tenths?)(?=\s+(?:of|the)\b)", re.IGNORECASE)
_ONE_IN = re.compile(r"\b(one|two|three|1|2|3)\s+(?:in|out\s+of)\s+(two|three|four|five|six|seven|"
                     r"eight|nine|ten|\d{1,3})\b", re.IGNORECASE)
_NOT_FRACTION_BEFORE = re.compile(r"(?:first|second|third|fourth|last|next|final|other|one)\s*$",
                                  re.IGNORECASE)


def _word_or_digit(w: str) -> float:
    w = w.lower()
    return float(w) if w.isdigit() else float(ONES.get(w, 1))


def find_fractions(text: str) -> list[Number]:
    """'half the votes', 'a third of', 'two-thirds of', 'one in five': shares, unit "fraction"."""
    out: list[Number] = []
    for m in _FRACTION.finditer(text):
        num_w, den_w = m.group(1), m.group(2).lower()
        if num_w is None and den_w != "half":
            continue
        if num_w is None and _NOT_FRACTION_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "the first half of the year" is a period, not a share
        numerator = 1.0 if num_w is None or num_w.lower() in ("a", "one") else _word_or_digit(num_w)
        out.append(Number(m.start(), m.end(), numerator / _FRACTION_DEN[den_w], unit="fraction"))
    for m in _ONE_IN.finditer(text):
        den = _word_or_digit(m.group(2))
        if den > 0:
            out.append(Number(m.start(), m.end(), _word_or_digit(m.group(1)) / den, unit="fraction"))
    for num in out:
        _hedge(text, num)
    return out


def _hedge(text: str, num: Number) -> None:
    """Set bound and approximate from the words in front ("more than", "about", "up to")."""
    before = text[max(0, num.start - 40):num.start]
    if BETWEEN.search(before) and num.bound == "range":
        return
    if _AT_LEAST.search(before):
        num.bound = "at_least"
    elif _AT_MOST.search(before):
        num.bound = "at_most"
        num.approximate = bool(re.search(r"(nearly|almost|just under|just shy of)\s*$", before, re.I))
    elif _APPROX.search(before):
        num.bound = "approximate"
        num.approximate = True


def find_numbers(text: str) -> list[Number]:
    """Every figure in `text` with value, range, bound and unit (currencies, percent, measures,
    "fraction" for shares such as "two-thirds of")."""
    P = _Parser(text)
    toks = P.toks
    out: list[Number] = find_fractions(text)
    taken = [(f.start, f.end) for f in out]
    i = 0
    while i < len(toks):
        t = toks[i]
        if any(a <= t.start < b for a, b in taken):
            i += 1
            continue
        parsed = P.number_at(i)
        if parsed is None:
            i += 1
            continue
        value, j, scaled = parsed
        first_i = i
        word_end = toks[j - 1].end  # where the number itself ends, before any unit
        cur, cur_i = P.currency_before(i)
        # glued to letters in front: model names, codes ("F-35", "COVID-19", "G7"); "sub-300 sq m"
        # and "minus-5" are figures
        if cur is None and t.text[0].isdigit() and i > 0 and (
                (t.glued and toks[i - 1].text.isalpha())
                or (t.glued and toks[i - 1].text in "-/#" and i > 1 and toks[i - 1].glued
                    and toks[i - 2].text.isalpha()
                    and toks[i - 2].text.lower() not in ("sub", "minus", "over", "under"))):
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
        # clock times: "1.56pm", "10 a.m."
        if t.text[0].isdigit() and (re.match(r"\s?(?:[ap]\.?m\b\.?)", text[toks[j - 1].end:], re.IGNORECASE)
                                    or _TIMEZONE.match(text, toks[j - 1].end)):
            i = j
            continue
        # ".500" -> 0.5, "-5", "minus 260"
        if t.text.isdigit() and i > 0 and toks[i - 1].text == "." and t.glued and (
                i == 1 or not toks[i - 1].glued):
            value = float("0." + t.text)
        if i > 0 and (toks[i - 1].text in ("-", "−") and t.glued and (
                i == 1 or not toks[i - 1].glued or P.low(i - 2) in ("minus", "$", "€", "£"))
                or P.low(i - 1) == "minus"):
            value = -value
        start = toks[cur_i].start
        end = toks[j - 1].end
        num = Number(start=start, end=end, value=value, unit=cur)
        if t.text.lower().endswith("fold"):
            num.unit = "count"
        if t.text.lower() in VAGUE:
            # "thousands" reads as 1,000 to 10,000; "tens of thousands" as 10,000 to 100,000
            num.approximate = True
            num.bound = "range"
            num.value_max = value * 10
            of_cur = _OF_CURRENCY.match(text, num.end)
            if of_cur:
                num.unit = CURRENCY_WORDS[of_cur.group(1).lower()]
        # dates: "July 4", "4 July"
        month_before = P.low(i - 1) in _MONTHS or (P.low(i - 1) == "." and P.low(i - 2) in _MONTHS)
        if value <= 31 and not scaled and float(value).is_integer() and (
                month_before or P.low(j) in _MONTHS):
            i = j
            if P.low(j) in ("-", "–") and j + 1 < len(toks) and toks[j + 1].text.isdigit():
                i = j + 2  # "Sept. 20-24"
            continue
        # "ISO 3888-2", "2019-09-01": digits hyphen-glued to digits in front are part of a code
        if t.text[0].isdigit() and i > 1 and toks[i - 1].text == "-" and t.glued \
                and toks[i - 1].glued and toks[i - 2].text[0].isdigit():
            i = j
            continue
        # house numbers: "575 Wilbraham Road"
        if cur is None and _ADDRESS.match(text, toks[j - 1].end):
            i = j
            continue
        # index names and labels: "the S&P 500 fell", "a category 4 storm"
        prev = toks[i - 1].text if i > 0 and not t.glued else ""
        if prev == "." and i > 1 and toks[i - 1].glued and toks[i - 2].text == "no":
            prev = "number"  # "no. 5"
        if prev.lower() == "p" and i > 2 and toks[i - 2].text == "&" and toks[i - 3].text.lower() == "s":
            prev = "s&p"
        if cur is None and t.text[0].isdigit() and (prev.lower() in _INDEX_NAMES or (
                prev in _LABEL_NOUNS and value.is_integer())):
            if P.unit_after(toks[j - 1].end, glued=True)[0] is None:
                i = j
                continue
        # scientific notation: "1.99×10−30", "2.998x10^8"
        sci = _SCIENTIFIC.match(text, toks[j - 1].end)
        if sci and t.text[0].isdigit():
            exp = int(sci.group(2)) * (-1 if sci.group(1) else 1)
            num.value = value * 10.0 ** exp
            num.end = sci.end()
            while j < len(toks) and toks[j].start < num.end:
                j += 1
        # a unit right after the number ("5%", "90 miles", "10 Australian dollars")
        if num.unit is None:
            unit, uend = P.unit_after(num.end, glued=True)
            won = _WON.match(text, num.end)
            if unit is None and won and (scaled or value >= 1000):
                unit, uend = "KRW", won.end()  # "5 trillion won": the verb never follows an amount
            if unit is not None:
                num.unit, num.end = unit, uend
                while j < len(toks) and toks[j].start < uend:
                    j += 1
        # "the 49ers", "the 76ers": digits glued to a lower-case word that is no unit or scale form a
        # name ("5G", "3D" stay: NewsQuant counts them)
        if num.unit is None and not scaled and t.text[0].isdigit() and j < len(toks) and toks[j].glued \
                and toks[j].text.isalpha() and toks[j].text.islower() and len(toks[j].text) > 1 \
                and toks[j].start == toks[j - 1].end:
            i = j + 1
            continue
        # "24/7", "9/11": two whole numbers glued by a slash that is no fraction are a name or date
        if (P.low(j) == "/" and toks[j].glued and j + 1 < len(toks) and toks[j + 1].glued
                and t.text.isdigit() and toks[j + 1].text.isdigit() and num.unit is None and cur is None
                and not 0 < value < int(toks[j + 1].text) <= 1000):
            i = j + 2
            continue
        # "1/2 pound": a fraction
        if (P.low(j) in ("/", "⁄") and toks[j].glued and j + 1 < len(toks) and toks[j + 1].glued
                and toks[j + 1].text.isdigit() and t.text.isdigit() and num.unit is None and cur is None
                and 0 < value < int(toks[j + 1].text) <= 1000):
            num.value = value / int(toks[j + 1].text)
            num.end = toks[j + 1].end
            j += 2
            unit, uend = P.unit_after(num.end, glued=True)
            if unit is not None:
                num.unit, num.end = unit, uend
                while j < len(toks) and toks[j].start < uend:
                    j += 1
        else:
            rng = range_after(P, num, i, j, scaled)
            if rng == "skip":
                i = max(j, i + 1) + 2
                continue
            if rng is not None:
                j = rng
            elif num.unit is not None:
                j = from_to(P, num, j) or j
        if num.value_max is not None and cur is None and _ADDRESS.match(text, num.end):
            i = j  # "16-18 Industrial Avenue"
            continue
        # "men aged 18 to 34", "at the age of 70": ages in years
        if num.unit is None and cur is None and _AGED.search(text, max(0, num.start - 20), num.start):
            num.unit = "year of age"
        # "$52 a barrel", "$3 per share": a price per something
        if num.unit and " per " not in num.unit and num.unit != "fraction":
            pm = _PER.match(text, num.end)
            if pm:
                per = re.sub(r"\s+", " ", pm.group(2).lower())
                num.unit = f"{num.unit} per {MEASURES.get(per) or _singular(per)}"
                if pm.group(1) is None:  # an aside in brackets keeps its own figures
                    num.end = pm.end()
                    while j < len(toks) and toks[j].start < num.end:
                        j += 1
        if _spelled_modifier(text, t.text, word_end, num, scaled):
            i = j
            continue
        _hedge(text, num)
        if num.bound == "approximate":
            num.approximate = True
        # bare small words ("one", "two") and year-like integers need syntax to be kept
        if not t.text[0].isdigit() and value < 10 and num.unit is None and not scaled:
            num.weak = True
        if (t.text[0].isdigit() and re.fullmatch(r"1[89]\d\d|2[01]\d\d", t.text) and num.unit is None
                and num.value_max is None and not scaled):
            num.year_like = True
            num.weak = True
        out.append(num)
        i = max(j, first_i + 1)
    _share_units(text, out)
    out.sort(key=lambda n: n.start)
    return out


def _spelled_modifier(text: str, first: str, word_end: int, num: Number, scaled: bool) -> bool:
    """'a five-year plan', 'a four-door car', 'a six-speed gearbox': a spelled-out number glued by a
    hyphen to a word is a compound adjective naming a kind of thing, not an amount (NewsQuant's
    dev half leaves 5 of 6 such compounds unannotated); ages ("a five-year-old") stay figures."""
    if first[0].isdigit() or scaled or num.value_max is not None or num.unit == "fraction":
        return False
    if num.unit is not None and (num.unit.endswith(" of age") or num.unit not in _SPANS):
        return False  # "a five-year-old", "a four-cylinder engine": an age, a measure
    return text[word_end:word_end + 1] == "-" and text[word_end + 1:word_end + 2].isalpha()


def _share_units(text: str, nums: list[Number]) -> None:
    """'rose 64 points to 4,577' and 'about 8 or $9': a bare number next to a unit-bearing one,
    joined only by to/or/and, takes that unit."""
    for a, b in zip(nums, nums[1:], strict=False):
        gap = text[a.end:b.start]
        if not _JOIN.fullmatch(gap):
            continue
        if a.unit and b.unit is None and not b.year_like and not (
                a.unit == "percentage" and "to" in gap):  # "rose 2% to 1,463": a change, a level
            b.unit, b.unit_shared = a.unit, True
        elif b.unit and a.unit is None and not a.year_like and gap.strip() in ("or", "to"):
            a.unit, a.unit_shared = b.unit, True


def _singular(word: str) -> str:
    """'barrels' -> 'barrel', 'centuries' -> 'century', 'square feet' -> 'square foot'."""
    if word.endswith("feet"):
        return word[:-4] + "foot"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and word not in ("kg",):
        return word[:-1]
    return word
