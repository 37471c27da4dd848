"""Span finder for time expressions: our regular grammar of wire-copy dates, times, durations and sets."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache

logger = logging.getLogger(__name__)

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}

# Month and weekday names must be capitalised ("may", "march", "august" are ordinary words).
_MONTH = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
          r"|Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# Years read out in broadcast transcripts: "nineteen ninety-four" ("two thousand" only after "the year")
_SPELLED_YEAR = (r"(?:nineteen|twenty)[-\s](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
                 r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                 r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?")
_SMALL = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
          r"|sixteen|seventeen|eighteen|nineteen")
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
NUMBER = (rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{_TENS})(?:[-\s](?:{_UNITS}))?"
          rf"|{_SMALL}|(?:a\s+)?couple\s+of|a\s+few|several|a\s+dozen|a\s+hundred|dozens\s+of|hundreds\s+of"
          r"|half\s+an?"
          r"|an?|few|many|some|a\s+number\s+of)")
UNIT = (r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?"
        r"|century|centuries)")
_ORDINAL_Q = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_ZONE = (r"(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST|"
         r"local\s+time)")
_HOLIDAY = (r"(?-i:Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?"
            r"|Independence\s+Day|Valentine's\s+Day|Boxing\s+Day|Labor\s+Day|Memorial\s+Day|Easter"
            r"(?:\s+Sunday)?|Halloween|Election\s+Day)")
_END = r"(?![\w])"
_START = r"(?<![\w$£€])"

# (rule name, type the rule yields by default, pattern). Several rules can match the same words; the
# longest match wins (see `select`).
RULES: tuple[tuple[str, str, str], ...] = (
    ("iso", "DATE", rf"(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<h>[0-2]\d):(?P<mi>[0-5]\d)"
                    r"(?::\d\d)?)?"),
    ("slash", "DATE", r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})"),
    ("dotted", "DATE", r"(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)\.(?P<y>(?:19|20)\d\d)"),
    ("mdy", "DATE", rf"(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?P<mon>{_MONTH})\s+"
                    rf"(?P<d>{_DAYNUM})(?:\s*[-\u2013]\s*{_DAYNUM})?"
                    rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    ("dmy", "DATE", rf"(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("my", "DATE", rf"(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR}|{_SPELLED_YEAR})"),
    ("month", "DATE", rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<mon>{_MONTH})"
                      rf"(?:\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?"),
    ("spelled_year", "DATE", rf"(?:the\s+year\s+)?(?P<y>{_SPELLED_YEAR})|the\s+year\s+(?P<y2>two\s+thousand"
                             rf"(?:\s+(?:and\s+)?(?:{_UNITS}))?)"),
    ("year_period", "DATE", rf"the\s+(?P<y>{_YEAR})\s+(?P<unit>period|quarter)"),
    ("year", "DATE", rf"(?:(?P<fiscal>fiscal|calendar|financial\s+year)\s+)?(?P<y>{_YEAR})(?!\s*(?:%|percent"
                     r"|per\s*cent|-\d|,\d|\.\d))"),
    ("decade", "DATE", r"(?:the\s+)?(?:(?:early|mid|late)[-\s]?)?(?P<dec>(?:1[6-9]|20)\d0)'?s"
                       r"|(?:the\s+)?'(?P<dec2>\d0)s"
                       r"|the\s+(?:(?:early|mid|late)[-\s]?)?(?P<decw>twenties|thirties|forties|fifties"
                       r"|sixties|seventies|eighties|nineties)"),
    ("century", "DATE", r"(?:the\s+)?(?P<cn>1\d|20|21|[1-9])(?:st|nd|rd|th)\s+century"),
    ("season", "DATE", r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the)\s+)"
                       r"(?:(?:early|late|mid)[-\s]+)?(?P<season>spring|summer|fall|autumn|winter)"
                       rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}|{_SPELLED_YEAR}))?"
                       rf"|(?P<season2>spring|summer|fall|autumn|winter)\s+(?:of\s+)?"
                       rf"(?P<y2>{_YEAR}|{_SPELLED_YEAR})"),
    ("quarter", "DATE", rf"(?:the\s+)?(?:(?P<qy>{_YEAR})\s+|(?P<qpos>this|last|next)\s+year's\s+"
                        r"|(?:comparable\s+)?(?P<qago>year-ago|year-earlier|year-before)\s+"
                        rf"|(?:fiscal[-\s]+))?(?P<qn>{_ORDINAL_Q})[-\s](?:fiscal[-\s])?(?P<unit>quarter|half)"
                        rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<qy2>{_YEAR})|(?P<qrel>this|last|next|the)"
                        r"\s+year))?"),
    ("half_of", "DATE", rf"the\s+(?P<half>first|second|last|latter)\s+(?:half|two\s+quarters)\s+of\s+(?:(?P<y>{_YEAR})"
                        r"|the\s+(?P<dec>(?:1[6-9]|20)\d0)'?s|the\s+'(?P<dec2>\d0)s)"),
    ("holiday", "DATE", rf"(?P<hol>{_HOLIDAY})"),
    ("ref_word", "DATE", r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday"
                         r"|tomorrow|now|currently|nowadays|these\s+days|at\s+present|presently|soon"
                         r"|recently|lately|formerly|the\s+(?:near\s+|distant\s+)?future"
                         r"|the\s+(?:near|short)\s+term"
                         r"|year(?:'s)?\s+end"
                         r"|the\s+past|current|year-end|year-earlier|year-ago)"),
    ("recent_units", "DURATION", r"(?P<w>recent|coming|past)\s+(?P<unit>days|weeks|months|years|decades)"),
    ("weekday", "DATE", rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|early|late|the\s+previous"
                        r"|the\s+following)\s+)?"
                        rf"(?P<wd>{_WEEKDAY})(?:\s+(?P<pod>morning|afternoon|evening|night))?"),
    ("pod", "TIME", r"(?:(?P<rel>this|yesterday|tomorrow|last|the\s+next|the\s+following|the\s+previous|the"
                    r"|early\s+this|late\s+last|later\s+this"
                    r"|earlier\s+this|early\s+yesterday|late\s+yesterday)\s+)(?P<pod>morning|afternoon|evening|night)"
                    r"|(?P<pod2>tonight|overnight|mid[-\s]?afternoon|mid[-\s]?morning)"),
    ("week_of", "DATE", rf"the\s+week\s+of\s+(?P<mon>{_MONTH})\s+(?P<d>{_DAYNUM})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("period", "DATE", r"(?P<rel>last|this|next|the\s+full|the\s+past|the\s+previous|the\s+coming"
                       r"|the\s+following|the\s+current|the\s+same|the\s+latest|the\s+prior|the\s+preceding"
                       r"|the\s+most\s+recent|that|(?:the\s+)?(?:comparable\s+)?year-(?:ago|earlier|before)"
                       r"|the\s+comparable|the\s+next|the)"
                       r"\s+(?P<unit>week|weekend|month|year|quarter|decade|century|day|period|fiscal\s+year|"
                       r"half)"),
    ("period_ago", "DATE", r"(?:the\s+(?:same|corresponding|comparable)\s+|the\s+)"
                           r"(?P<unit>quarter|period|month|week)\s+(?:of\s+)?"
                           r"(?:last\s+year|a\s+year\s+(?:ago|earlier|before))"
                           r"|last\s+year's\s+(?:(?:same|corresponding|comparable)\s+)?"
                           r"(?P<unit2>quarter|period)"),
    ("rel_day", "DATE", rf"(?P<n>the|a|one|{NUMBER})[-\s](?P<unit>{UNIT})\s+(?P<dir>earlier|later|ago"
                        r"|from\s+now|hence|(?:before|after|prior)(?!\s+(?:(?:the|a|an|his|her|its|their|this|that|these|"
                        r"those|to)\b|(?-i:[A-Z0-9])|\w+ing\b)))"),
    ("duration", "DURATION", rf"(?P<n>{NUMBER})(?:\s+and\s+a\s+half)?(?:\s+(?:more|additional|extra))?[-\s]+"
                             rf"(?P<unit>{UNIT})"
                             r"(?:\s+and\s+a\s+half)?(?P<suffix>-long|-old)?"),
    ("unit_long", "DURATION", r"(?P<unit>hour|day|week|month|year|decade|century|hours|days|weeks|months"
                              r"|years|decades|centuries)-long"),
    ("fiscal_span", "DURATION", r"the\s+(?:fiscal\s+)?(?P<unit>year)(?=\s+(?:ended|ending)\b)"),
    ("vague_dur", "DURATION", r"(?P<unit>years|months|weeks|days|decades|hours|minutes"
                              r"|centuries)"),
    ("clock", "TIME", rf"(?:(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.?|[ap]m{_END}|"
                      rf"(?-i:AM|PM){_END})|(?P<h2>[01]?\d|2[0-4]):(?P<mi2>[0-5]\d)"
                      rf"|(?P<mil>[0-2]\d[0-5]\d)(?=\s*(?:GMT|UTC|local\s+time|hrs|hours\s+{_ZONE})))"
                      rf"(?:\s*(?P<tz>{_ZONE}))?"
                      r"|(?P<word>noon|midday|midnight)"),
    ("oclock", "TIME", rf"(?P<h>{_SMALL}|\d{{1,2}})(?P<oc>\s+o'clock)?"
                       r"(?:\s+in\s+the\s+(?P<pod>morning|afternoon|evening|night))?"),
    ("set_word", "SET", r"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly)"),
    ("set_every", "SET", rf"(?:every|each|per)\s+(?:other\s+)?(?:(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT}|morning|"
                         rf"night|evening|afternoon|{_WEEKDAY}|{_MONTH}|spring|summer|fall|autumn|winter)"),
    ("set_a", "SET", r"(?:a|an|per)\s+(?P<unit>year|month|week|day|hour|minute|quarter)"),
    ("set_wd", "SET", rf"(?P<wd>{_WEEKDAY})s"),
)

# Words that may precede a date and belong to its span (TimeML puts them in the `mod` attribute).
_DATE_MODS = (r"(?:early|late|mid-|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
              r"the\s+middle\s+of|the\s+turn\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)")
_DUR_MODS = (r"(?:nearly|almost|more\s+than|less\s+than|fewer\s+than|"
             r"at\s+least|at\s+most|up\s+to|some|well\s+over|the\s+past|the\s+last|the\s+next|the\s+first|"
             r"the\s+coming|the\s+previous|the\s+following|the\s+full|the\s+entire|another|an\s+additional|"
             r"the\s+year-(?:ago|earlier)|the)")
_MOD_VALUES = {"early": "START", "the beginning of": "START", "the start of": "START", "late": "END",
               "the end of": "END", "mid": "MID", "mid-": "MID", "the middle of": "MID", "about": "APPROX",
               "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "nearly": "LESS_THAN",
               "almost": "LESS_THAN", "more than": "MORE_THAN", "less than": "LESS_THAN", "at least":
               "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS"}
# Quantities that are not years: "2000 troops" is a count, "2000 talks" a year.
_NOT_YEAR_AFTER = re.compile(r"\s+(?:people|troops|soldiers|residents|civilians|members|workers|jobs|units|"
                             r"km|kilomet|miles|met(?:er|re)s|feet|tons|tonnes|barrels|shares|dollars|euros|"
                             r"rubles|roubles|pounds|casualties|dead|killed|wounded|refugees|votes|rounds|"
                             r"homes|houses|buildings|cars|vehicles|tanks|missiles|rockets|drones|cases)\b",
                             re.IGNORECASE)
_NOT_YEAR_BEFORE = re.compile(r"(?:[$£€#]|No\.|\d[,.]|about|some|nearly|more\s+than|over|around|almost"
                              r"|up\s+to"
                              r"|at\s+least|least|than|of\s+the|page|pages|route|flight|room)\s*$",
                              re.IGNORECASE)

# A year after "of the" when it names an event: "of the 2000 Olympics", "of the 1994 election"
_YEAR_EVENT_AFTER = re.compile(r"\s+(?:(?-i:[A-Z])\w+|elections?|budget|season|campaign|war|crisis|census)\b",
                               re.IGNORECASE)


@dataclass(slots=True)
class Candidate:
    """One matched expression before anchoring: where, which rule, the captured parts."""
    start: int
    end: int
    rule: str
    type: str
    groups: dict[str, str | None]
    text: str
    mod: str | None = None
    parts: list[Candidate] = field(default_factory=list)  # merged "5 p.m. Friday": the clock and the day


@cache
def _compiled() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple((name, typ, re.compile(_START + f"(?:{pat})" + _END, re.IGNORECASE))
                 for name, typ, pat in RULES)


@cache
def _mod_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(rf"(?<![\w-]){_DATE_MODS}[\s-]*$", re.IGNORECASE),
            re.compile(rf"(?<![\w-]){_DUR_MODS}\s+$", re.IGNORECASE))


def _valid(text: str, name: str, m: re.Match[str]) -> bool:
    """Reject matches that are usually not time expressions."""
    g = m.groupdict()
    s, e = m.span()
    before, after = text[max(0, s - 24):s], text[e:e + 24]
    if name == "vague_dur":
        return bool(re.search(r"(?:for|over|in|within)\s$", before, re.IGNORECASE))
    if name == "set_a":
        return bool(re.search(r"(?:\d%?|times|twice|once|llion|cents|llars|euros|pounds|percent|cent)\s$",
                              before, re.IGNORECASE))
    if name == "set_wd":
        return bool(re.search(r"(?:on|every)\s$", before, re.IGNORECASE))
    if name == "year":
        if _NOT_YEAR_AFTER.match(after):
            return False
        blocked = _NOT_YEAR_BEFORE.search(before)
        if blocked and not (blocked.group(0).lower().startswith("of") and _YEAR_EVENT_AFTER.match(after)):
            return False  # "one of the 2000 delegates" is a count; "the opening of the 2000 Olympics" a year
        return not re.match(r"[-/]\d|\s*[-\u2013]\s*\d{2,4}\b(?!\s*(?:GMT|UTC))", after)
    if name == "month" and not g.get("rel") and re.match(r"\s+(?:for|of)\b", after) and \
            not re.search(r"\b(?:in|since|until|till|by|during|through|from|early|late|mid-?)\s*$", before,
                          re.IGNORECASE):
        return False  # "the March for Life", "the March of the Mothers"; "resigned in March for ..." stays
    if name == "month" and g["mon"].lower().startswith("may") and not g.get("rel"):
        # "May" alone is a month only after a preposition or modifier ("in May", "early May").
        return bool(re.search(r"(?:in|since|until|till|by|from|to|through|during|of|early|late|mid|"
                              r"mid-|end\s+of|beginning\s+of|before|after|last|next|this)\s*$", before,
                              re.IGNORECASE))
    if name == "month" and g["mon"].lower() in ("mar", "jan", "jun", "jul", "sep", "dec"):
        return False  # abbreviations without a day number: too often other words or names
    if s > 0 and text[s - 1] == "-" and not re.search(r"(?:mid|late|early|post|pre)-$", before,
                                                      re.IGNORECASE):
        return False  # inside a hyphenated word ("1-0-2022", "anti-May")
    unit = g.get("unit") or ""
    if name in ("period", "duration") and unit[:1].isupper() and not unit.isupper():
        return False  # a capitalised unit is a title: ABC's "This Week", CBS's "60 Minutes"
    if name in ("duration", "rel_day") and (g.get("n") or "").lower() == "some":
        return False
    if name == "duration" and (g.get("suffix") == "-old" or re.match(r"\s+old\b", after)):
        return False  # ages ("a 6-year-old boy") are not time expressions in news dating
    if name == "duration" and g["unit"].lower().startswith("quarter") and re.match(r"\s+of\b", after) and \
            not re.search(r"(?:first|last|past|next|previous|coming)\s+$", before, re.IGNORECASE):
        return False  # "three-quarters of the city" is a fraction
    if name == "duration" and g["n"].lower() in ("a", "an") and g["unit"].lower().endswith("s"):
        return False  # "a decades-long feud": the article belongs to the noun
    if name == "duration" and g["unit"].lower() == "second" and g["n"].lower() in ("a", "an"):
        return False  # "a second attack" is an ordinal
    if name == "clock" and (g.get("word") or "").lower() == "noon" and re.search(r"\bhigh\s$", before,
                                                                             re.IGNORECASE):
        return False  # "high noon" is an idiom (and a film), not a time of day
    if name == "clock" and g.get("h2") and re.search(r"\d[:.]?$", before):
        return False
    if name == "clock" and g.get("h2") and not g.get("tz") and re.match(r"\s*[-\u2013]\s*\d", after):
        return False  # "3:2 win"-like scores and ranges of ratios
    if name == "ref_word" and g["w"].lower() == "current":
        # "current" is a time only when it qualifies a period or stands for "now"
        return not re.match(r"\s+(?:account|affairs|events|events|flow|law|rules|system|form|version)", after,
                            re.IGNORECASE)
    if name == "rel_day" and g["dir"].lower() in ("before", "after", "prior") and not re.match(
            r"\s*(?:[,.;:!?)\"'\u201d]|--|_|$)|\s+(?:and|but|or|when|while|as|in|at|on|with|from|for|by|of)\b",
            after):
        return False  # "the day before authorities issued a warrant" counts from an event, not a date
    if name == "oclock" and not g.get("oc") and not (g.get("pod") and re.search(
            r"\b(?:at|by|until|till|around|about|before|after|from)\s$", before, re.IGNORECASE)):
        return False  # "four in the morning" is a time only after "at", "by", "until" ...
    if name == "ref_word" and g["w"].lower() == "now" and re.match(r"\s*,", after) and \
            (s == 0 or re.search(r"(?:[.!?:]['\"\u201d]?\s+|\n\s*\n\s*|[\"\u201c]|``)$", before)):
        return False  # "Now, he says, ...": a discourse marker opening the sentence, not the present moment
    if name == "ref_word" and g["w"].lower() == "the past" and re.match(
            rf"\s+(?:\d+|few|several|{_TENS}|{_SMALL})[-\s]+\w+", after, re.IGNORECASE):
        return False  # "for the past three summers": the count and its unit belong to the expression
    if name == "ref_word" and g["w"].lower() == "soon":
        # TimeML's "soon" is a FUTURE_REF; "as soon as" and "soon after" are signals, and next to a past verb
        # ("was soon released", "soon became") it is a past sequence, not a reference to the future
        return not (re.search(r"\bas\s$", before, re.IGNORECASE)
                    or re.match(r"\s+(?:as|after|afterwards?|thereafter)\b", after, re.IGNORECASE)
                    or re.search(r"\b(?:was|were|had|\w{3,}ed)\s$", before, re.IGNORECASE)
                    or re.match(r"\s+(?:was|were|had|became|came|went|\w{3,}ed)\b", after, re.IGNORECASE))
    if name == "pod" and (g.get("rel") or "").lower() == "the" and g["pod"].lower() == "night":
        return False  # "the night" is too often "the night of ..." or a noun phrase
    if name == "period" and g["rel"].lower() == "the" and g["unit"].lower() in ("day", "half", "period",
                                                                                "century", "decade"):
        return False
    if name == "period" and g["rel"].lower() == "the" and g["unit"].lower() in ("year", "fiscal year") and \
            re.match(r"\s+(?:ended|ending)\b", after):
        return False  # "the year ended March 31" is a one-year span: the duration rule takes it
    if name == "period" and g["rel"].lower() == "that" and g["unit"].lower() not in ("day", "week", "month",
                                                                                     "year", "quarter"):
        return False
    return True


def select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (ties: the earlier rule), in text order."""
    order = {name: i for i, (name, _, _) in enumerate(RULES)}
    # on equal length a set ("$5 a year") beats the duration reading of the same words
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), c.type != "SET", order.get(c.rule, 99),
                                          c.start))
    taken: list[Candidate] = []
    for c in ranked:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _extend_left(text: str, c: Candidate) -> None:
    """Pull modifiers such as "early", "the end of", "more than", "the past" into the span."""
    date_re, dur_re = _mod_res()
    window = text[max(0, c.start - 40):c.start]
    rx = dur_re if c.type == "DURATION" or c.rule == "rel_day" else date_re
    m = rx.search(window)
    if m is None and c.rule == "period":
        m = re.search(r"(?<![\w-])(?:earlier|later)\s+$", window, re.IGNORECASE)  # "earlier this year"
    if not m:
        return
    word = re.sub(r"\s+", " ", m.group(0).strip().rstrip("-").strip()).lower()
    if word.startswith("the") and re.search(r"\w-\w", c.text):
        return  # adjectives such as "two-week" or "third-quarter" do not take the article
    if c.type == "DURATION" and word in ("the", "the first", "the full", "the entire") and \
            c.rule != "duration":
        return
    c.start -= len(window) - m.start()
    c.text = text[c.start:c.end]
    c.mod = _MOD_VALUES.get(word, c.mod)


def _merge_clock_day(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join "5 p.m. Friday", "noon Thursday", "10:35 a.m. yesterday" into one TIME expression."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if c.rule in ("clock", "oclock") and i + 1 < len(cands):
            nxt = cands[i + 1]
            gap = text[c.end:nxt.start]
            day_like = nxt.rule in ("weekday", "mdy", "dmy", "iso") or (
                nxt.rule == "ref_word" and nxt.groups["w"].lower() in ("today", "yesterday", "tomorrow"))
            if day_like and re.fullmatch(r"\s*(?:,|on)?\s*", gap):
                out.append(Candidate(c.start, nxt.end, "clock_day", "TIME", {}, text[c.start:nxt.end],
                                     c.mod, [c, nxt]))
                i += 2
                continue
        if c.rule == "pod" and c.groups.get("pod2") and i + 1 < len(cands):
            nxt = cands[i + 1]
            day_like = nxt.rule == "weekday" and not nxt.groups.get("pod") or (
                nxt.rule == "ref_word" and nxt.groups["w"].lower() in ("today", "yesterday", "tomorrow"))
            if day_like and re.fullmatch(r"\s*(?:on\s+)?", text[c.end:nxt.start]):
                # "mid-afternoon yesterday", "overnight Tuesday": that part of that day
                out.append(Candidate(c.start, nxt.end, "pod_day", "TIME", c.groups, text[c.start:nxt.end],
                                     c.mod, [c, nxt]))
                i += 2
                continue
        if c.rule == "weekday" and not c.groups.get("rel") and not c.groups.get("pod") and i + 1 < len(cands):
            nxt = cands[i + 1]
            if nxt.rule in ("mdy", "dmy") and re.fullmatch(r",?\s*(?:the\s+)?", text[c.end:nxt.start]):
                # "Monday, Oct. 26": one date, the weekday only confirms it
                out.append(Candidate(c.start, nxt.end, nxt.rule, "DATE", nxt.groups, text[c.start:nxt.end],
                                     nxt.mod))
                i += 2
                continue
        out.append(c)
        i += 1
    return out


_DAY_BEFORE_RE = re.compile(r"(?<![\w-])(?:the\s+)?day\s+(?P<dir>before|after)\s+$", re.IGNORECASE)
_DAY_LIKE = ("weekday", "mdy", "dmy", "iso", "holiday")


def _merge_day_before(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"the day before Christmas", "the day after Oct. 3": one DATE, a day from the named one."""
    out: list[Candidate] = []
    for c in cands:
        m = _DAY_BEFORE_RE.search(text, max(0, c.start - 20), c.start) if c.rule in _DAY_LIKE else None
        if m is None or c.groups.get("pod"):
            out.append(c)
            continue
        while out and out[-1].end > m.start():
            out.pop()  # "the day before" found on its own
        out.append(Candidate(m.start(), c.end, "day_rel", "DATE", {"dir": m.group("dir").lower()},
                             text[m.start():c.end], None, [c]))
    return out


# "April 24 and 25": the second day of the month, when the number ends the phrase
_SECOND_DAY_RE = re.compile(r"\s+(?:and|or|to|through)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
                            r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|when)\b)")


def _second_days(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Add the bare second day of "April 24 and 25" as a date of the same month (and year)."""
    out: list[Candidate] = []
    for c in cands:
        out.append(c)
        m = _SECOND_DAY_RE.match(text, c.end) if c.rule == "mdy" and not c.groups.get("y") else None
        if m is not None:
            groups = dict(c.groups, d=m.group("d"), rel=None)
            out.append(Candidate(m.start("d"), m.end(), "mdy", "DATE", groups, text[m.start("d"):m.end()]))
    return out


def find_candidates(text: str) -> list[Candidate]:
    """All time expressions in `text` as unanchored candidates, non-overlapping, in text order."""
    found: list[Candidate] = []
    for name, typ, rx in _compiled():
        for m in rx.finditer(text):
            if m.end() == m.start() or not _valid(text, name, m):
                continue
            found.append(Candidate(m.start(), m.end(), name, typ, m.groupdict(), m.group(0)))
    chosen = select(found)
    for c in chosen:
        if re.match(r"the\s+\w+-(?:quarter|half)", c.text, re.IGNORECASE):
            cut = re.match(r"the\s+", c.text, re.IGNORECASE).end()  # type: ignore[union-attr]
            c.start += cut
            c.text = c.text[cut:]
        _extend_left(text, c)
    chosen = select(chosen)
    return _second_days(text, _merge_day_before(text, _merge_clock_day(text, chosen)))
