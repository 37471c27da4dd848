"""Lexicons for figures: number words, scales, currencies, measurement units and their names."""

from __future__ import annotations

import re

ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "dozen": 12, "score": 20,
          # South Asian scales ("Rs 500 crore", "2.5 lakh people")
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
# suffixes glued to digits or following them ("35m", "2.8bn", "5 bln", "10k")
SHORT_SCALES = {"k": 1_000, "mil": 1_000_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
                "bn": 1_000_000_000, "b": 1_000_000_000, "bln": 1_000_000_000,
                "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}
# plural vague amounts: value is the scale itself, marked approximate ("thousands" -> 1000)
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
         "billions": 1_000_000_000, "tens": 10}

# currency marks before a number -> ISO code
CURRENCY_SYMBOLS = {
    "us$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD",
    "nz$": "NZD", "s$": "SGD", "nt$": "TWD", "ksh": "KES", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR",
    "rs.": "INR", "₪": "ILS", "rm": "MYR", "₽": "RUB", "₩": "KRW", "r$": "BRL", "usd": "USD",
    "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "aud": "AUD",
    "cad": "CAD", "chf": "CHF", "inr": "INR", "₴": "UAH", "uah": "UAH", "rub": "RUB",
    "₦": "NGN", "₺": "TRY", "₱": "PHP", "฿": "THB", "ngn": "NGN", "zar": "ZAR", "try": "TRY",
    "mxn": "MXN", "brl": "BRL", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN",
    "krw": "KRW", "sgd": "SGD", "hkd": "HKD", "nzd": "NZD", "twd": "TWD",
}
# currency words after a number -> ISO code
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "ringgit": "MYR", "shekel": "ILS", "shekels": "ILS", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH",
    "hryvnias": "UAH", "won": "KRW", "franc": "CHF", "francs": "CHF", "cent": "cent",
    "cents": "cent", "sen": "sen", "usd": "USD", "eur": "EUR",
    "naira": "NGN", "rand": "ZAR", "baht": "THB", "rupiah": "IDR", "zloty": "PLN", "zlotys": "PLN",
    "forint": "HUF", "forints": "HUF", "lira": "TRY", "liras": "TRY", "reais": "BRL", "riyal": "SAR",
    "riyals": "SAR", "dirham": "AED", "dirhams": "AED", "dong": "VND", "taka": "BDT", "kwacha": "ZMW",
    "cedi": "GHS", "cedis": "GHS", "krona": "SEK", "kronor": "SEK", "yuans": "CNY",
}
CURRENCY_PHRASES = {"us dollar": "USD", "us dollars": "USD", "u.s. dollar": "USD", "u.s. dollars": "USD",
                    "australian dollar": "AUD", "australian dollars": "AUD", "canadian dollar": "CAD",
                    "canadian dollars": "CAD", "hong kong dollar": "HKD", "hong kong dollars": "HKD",
                    "new zealand dollar": "NZD", "new zealand dollars": "NZD",
                    "singapore dollar": "SGD", "singapore dollars": "SGD", "taiwan dollar": "TWD",
                    "taiwan dollars": "TWD", "new taiwan dollar": "TWD", "new taiwan dollars": "TWD"}
# display names as NewsQuant normalises them (used by the evaluation and for readable units)
UNIT_NAMES = {
    "USD": "dollar", "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar",
    "NZD": "new zealand dollar", "SGD": "singapore dollar", "EUR": "euro", "GBP": "pound sterling",
    "JPY": "japanese yen", "INR": "indian rupee", "ILS": "shekel", "MYR": "malaysian ringgit",
    "RUB": "russian ruble", "KRW": "south korean won", "BRL": "brazilian real", "CNY": "chinese yuan",
    "CHF": "swiss franc", "TWD": "new taiwan dollar", "UAH": "ukrainian hryvnia", "percent": "percentage",
    "NGN": "nigerian naira", "ZAR": "south african rand", "THB": "thai baht", "IDR": "indonesian rupiah",
    "PLN": "polish zloty", "HUF": "hungarian forint", "TRY": "turkish lira", "SAR": "saudi riyal",
    "AED": "united arab emirates dirham", "VND": "vietnamese dong", "BDT": "bangladeshi taka",
    "ZMW": "zambian kwacha", "GHS": "ghanaian cedi", "SEK": "swedish krona", "PHP": "philippine peso",
    "MXN": "mexican peso", "NOK": "norwegian krone", "DKK": "danish krone", "KES": "kenyan shilling",
}

# measurement units after a number: surface form (lower case) -> normalised name
MEASURES: dict[str, str] = {}


def _add(name: str, *forms: str) -> None:
    for f in forms:
        MEASURES[f] = name


_add("percentage", "%", "percent", "per cent", "pct", "percentage", "pc")
_add("percentage point", "percentage point", "percentage points", "percentage-point")
_add("point", "point", "points", "pts")
_add("basis point", "basis point", "basis points", "bps", "bp")
_add("kilometre", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")
_add("metre", "m", "metre", "metres", "meter", "meters")
_add("centimetre", "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_add("millimetre", "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_add("micrometre", "μm", "µm", "micron", "microns", "micrometre", "micrometres", "micrometer", "micrometers")
_add("mile", "mile", "miles", "mi")
_add("nautical mile", "nautical mile", "nautical miles")
_add("light-year", "light-year", "light-years", "light year", "light years")
_add("nanometre", "nm", "nanometre", "nanometres", "nanometer", "nanometers")
# torque: "350Nm" (capital N) is newton metres, "7nm" nanometres; see unit_after
_add("newton metre", "newton metre", "newton metres", "newton-metre", "newton-metres", "newton meter",
     "newton meters", "newton-meter", "newton-meters")
_add("yard", "yard", "yards", "yd", "yds")
_add("foot", "foot", "feet", "ft")
_add("inch", "inch", "inches", "in.", "″", "in")
_add("square metre", "square metre", "square metres", "square meter", "square meters", "sq m", "sqm", "m2")
_add("square kilometre", "square kilometre", "square kilometres", "square kilometer",
     "square kilometers", "sq km", "km2")
_add("square mile", "square mile", "square miles", "sq mi")
_add("square foot", "square foot", "square feet", "sq ft")
_add("cubic metre", "cubic metre", "cubic metres", "cubic meter", "cubic meters", "cu m", "m3")
_add("cubic foot", "cubic foot", "cubic feet", "cu ft")
_add("cubic inch", "cubic inch", "cubic inches", "cu in")
_add("cubic yard", "cubic yard", "cubic yards")
_add("cubic kilometre", "cubic kilometre", "cubic kilometres", "cubic kilometer", "cubic kilometers", "km3")
_add("cubic centimetre", "cubic centimetre", "cubic centimetres", "cubic centimeter", "cubic centimeters", "cc")
_add("hectare", "hectare", "hectares", "ha")
_add("acre", "acre", "acres")
_add("kilogram", "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos")
_add("gram", "g", "gram", "grams", "gramme", "grammes")
_add("milligram", "mg", "milligram", "milligrams")
_add("tonne", "tonne", "tonnes", "t", "metric tons")
_add("ton", "ton", "tons")
_add("gigaton", "gigaton", "gigatons", "gigatonne", "gigatonnes", "gt")
_add("kilopound per square inch", "ksi")
_add("pound per square inch", "psi")
_add("milliampere-hour", "mah")
_add("point per game", "ppg", "points per game")
_add("pound-mass", "lb", "lbs", "pound", "pounds")
_add("ounce", "oz", "ounce", "ounces")
_add("litre", "l", "litre", "litres", "liter", "liters")
_add("millilitre", "ml", "millilitre", "millilitres", "milliliter", "milliliters")
_add("gallon", "gallon", "gallons")
_add("pint", "pint", "pints")
_add("quart", "quart", "quarts")
_add("barrel", "barrel", "barrels", "bbl")
_add("barrel per day", "barrels per day", "barrels a day", "bpd", "barrel per day")
_add("mile per hour", "m.p.h.", "m.p.h", "mph", "miles per hour", "miles an hour", "mile per hour")
_add("kilometre per hour", "km per hour", "km an hour", "km/hr", "km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour",
     "kilometres an hour", "kilometers an hour")
_add("mile per gallon", "mpg", "miles per gallon")
_add("metre per second", "m/s", "metres per second", "meters per second")
# "degC", "deg F": how the degree sign comes out of some lossy text conversions
_add("celsius", "°c", "c", "degrees celsius", "degree celsius", "celsius", "degc", "deg c")
_add("fahrenheit", "°f", "f", "degrees fahrenheit", "degree fahrenheit", "fahrenheit", "degf", "deg f")
_add("degree", "°", "degree", "degrees")
_add("british thermal unit", "btu", "btus", "british thermal unit", "british thermal units")
_add("mega british thermal unit", "mmbtu", "mmbtus")
# "3,200 times", "a sixfold rise", "a 3-fold increase": how many times
_add("count", "times", "fold")
_add("second", "second", "seconds", "sec", "secs")
_add("minute", "minute", "minutes", "min", "mins")
_add("hour", "hour", "hours", "hr", "hrs", "h")
_add("day", "day", "days")
_add("week", "week", "weeks")
_add("month", "month", "months")
_add("year", "year", "years", "yr", "yrs")
_add("decade", "decade", "decades")
_add("century", "century", "centuries")
_add("year of age", "year-old", "years-old", "years old", "year old")
_add("month of age", "month-old", "months-old", "months old", "month old")
_add("week of age", "week-old", "weeks-old", "weeks old", "week old")
_add("day of age", "day-old", "days-old", "days old", "day old")
_add("byte", "byte", "bytes")
_add("kilobyte", "kb", "kilobyte", "kilobytes")
_add("megabyte", "mb", "megabyte", "megabytes")
_add("gigabyte", "gb", "gigabyte", "gigabytes")
_add("terabyte", "tb", "terabyte", "terabytes")
_add("hertz", "hz", "hertz")
_add("kilohertz", "khz", "kilohertz")
_add("megahertz", "mhz", "megahertz")
_add("gigahertz", "ghz", "gigahertz")
_add("watt", "w", "watt", "watts")
_add("kilowatt", "kw", "kilowatt", "kilowatts")
_add("megawatt", "mw", "megawatt", "megawatts")
_add("gigawatt", "gw", "gigawatt", "gigawatts")
_add("gigawatt hour", "gwh", "gigawatt-hour", "gigawatt-hours", "gigawatt hours")
_add("megawatt hour", "mwh", "megawatt-hour", "megawatt-hours", "megawatt hours")
_add("megapascal", "mpa", "megapascal", "megapascals")
_add("gigapascal", "gpa", "gigapascal", "gigapascals")
_add("kilopascal", "kpa", "kilopascal", "kilopascals")
_add("kilowatt hour", "kwh", "kilowatt-hour", "kilowatt-hours", "kilowatt hour", "kilowatt hours")
_add("volt", "v", "volt", "volts")
_add("kilovolt", "kv", "kilovolt", "kilovolts")
_add("ampere", "amp", "amps", "ampere", "amperes")
_add("kelvin", "kelvin", "kelvins")
_add("joule", "joule", "joules")
_add("kilojoule", "kj", "kilojoule", "kilojoules")
_add("megajoule", "mj", "megajoule", "megajoules")
_add("terawatt", "tw", "terawatt", "terawatts")
_add("terawatt hour", "twh", "terawatt-hour", "terawatt-hours", "terawatt hour", "terawatt hours")
_add("petabyte", "pb", "petabyte", "petabytes")
_add("kilobit per second", "kbps", "kbit/s")
_add("megabit per second", "mbps", "mbit/s")
_add("gigabit per second", "gbps", "gbit/s")
_add("farad", "f", "farad", "farads")
_add("horsepower", "hp", "horsepower", "bhp")
# NewsQuant names the abbreviation "lb-ft" and the spelled-out "pound-feet" differently
_add("pound-foot", "pound-feet", "pound-foot", "pound feet")
_add("foot pound-force", "lb-ft", "lb.-ft.", "ft-lb", "ft-lbs", "foot-pounds", "foot-pound")
_add("revolutions per minute", "rpm")
_add("parts-per-million", "ppm", "parts per million")
_add("parts-per-billion", "ppb", "parts per billion")
_add("calorie", "calorie", "calories", "cal", "kcal")
_add("decibel", "db", "decibel", "decibels")
_add("knot", "knot", "knots", "kt", "kts")
_add("cylinder", "cylinder", "cylinders")
_add("megapixel", "mp", "megapixel", "megapixels")
_add("inning", "inning", "innings")

# Units that are single letters or also common words need a digit glued to them or a clear
# context; these are accepted only right after digits ("5m", "10 kg" but not "5 a")
AMBIGUOUS_SHORT = {"gt", "pc", "in", "kt", "m", "t", "l", "g", "c", "f", "h", "v", "w", "mi", "in.", "b", "mp", "ha",
                   "min", "sec", "cal", "db", "pts", "bp"}

# ... except these, which also stand after a space when written in lower case ("661 kt", "5 min",
# "85 dB"): they are not English words (upper-case "SEC", "MP" are names more often than units)
SPACED_SHORT = {"kt", "gt", "pts", "bp", "min", "sec", "db", "mi", "cal"}

_MEASURE_FORMS = sorted(MEASURES, key=len, reverse=True)
MEASURE_RE = re.compile(
    r"(?:" + "|".join(re.escape(f) for f in _MEASURE_FORMS) + r")(?![\w])", re.IGNORECASE)


def unit_name(unit: str | None) -> str | None:
    """Readable normalised name of a unit code ("USD" -> "dollar", "percent" -> "percentage")."""
    if unit is None:
        return None
    head, sep, per = unit.partition(" per ")
    if sep:
        return f"{UNIT_NAMES.get(head, head)} per {per}"
    return UNIT_NAMES.get(unit, unit)
