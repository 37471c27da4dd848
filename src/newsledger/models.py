"""Record types shared by every stage: the contract between extract, link, store and views."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Modality = Literal["asserted", "reported", "speculative", "negated"]
Precision = Literal["town", "admin1", "country", "feature"]
DatePrecision = Literal["time", "day", "week", "month", "quarter", "year", "publication"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def to_dict(obj: Any) -> dict[str, Any]:
    """Plain-JSON dict of a record (dates as ISO strings)."""
    def conv(v: Any) -> Any:
        if isinstance(v, (date, datetime)):
            return v.isoformat()
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        return v
    return conv(asdict(obj))


@dataclass(slots=True)
class Article:
    """One news article as ingested. `article_id` is a hash of the normalised text."""
    article_id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None  # naive UTC; date-only values are midnight
    published_has_time: bool = False
    language: str = "en"
    source_path: str | None = None
    date_reason: str | None = None  # why `published` is None ("missing", "unparseable: ...")


@dataclass(slots=True)
class Actor:
    """A normalised participant: 'the Kremlin' -> name Russia, code RUS, country RU, sector GOV."""
    name: str
    code: str | None = None  # CAMEO/PLOVER-style actor code such as RUS, UKR, USA, NATO, IGO
    country: str | None = None  # ISO-3166 alpha-2
    sector: str | None = None  # MIL, GOV, REB, CVL, IGO, POL (police), OPP, MED, ...
    text: str | None = None  # the words in the sentence


@dataclass(slots=True)
class Location:
    """Where something is, resolved to GeoNames; `reason` says why fields are null."""
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None  # admin-1 name (e.g. "Donetsk")
    country: str | None = None  # ISO-3166 alpha-2
    precision: Precision | None = None
    score: float | None = None
    reason: str | None = None


# How `Location.reason` opens when an event's place is a guess, not read from its own sentence (written by
# extract/locate.py): merging trusts only places read from the event's own words.
NO_PLACE_IN_SENTENCE = "no place in the event's sentence"
NO_PLACE_NAMED = "no place named"


def guessed_place(loc: Location | None) -> bool:
    """The place is a fallback (the article's main region, the event before, the actor's country)."""
    return loc is not None and (loc.reason or "").startswith((NO_PLACE_IN_SENTENCE, NO_PLACE_NAMED))


@dataclass(slots=True)
class Territory:
    """A reported change of control over a place."""
    place: str
    gained_by: str | None = None  # actor code
    lost_by: str | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class PlaceMention:
    """A toponym in an article, with its best GeoNames resolution."""
    article_id: str
    text: str
    start: int  # character offsets into Article.text
    end: int
    location: Location
    feature: str | None = None  # city, admin1, country, sea, river, ...


@dataclass(slots=True)
class TimeMention:
    """A time expression normalised against the article's anchor (publication date)."""
    text: str
    start: int  # character offsets into the text given to the finder
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None  # TimeML value: 2022-10-02, 2022-W39, 2022-09, PRESENT_REF, P4D, XXXX-XX-XX...
    date: str | None = None  # calendar day (ISO) the expression points at, when it points at one
    precision: DatePrecision | None = None
    reason: str | None = None  # why value/date is null (e.g. "no publication date")
    article_id: str | None = None


@dataclass(slots=True)
class EventMention:
    """One coded event as one article states it, with its evidence."""
    article_id: str
    event_type: str  # one of PLOVER_TYPES
    mode: str | None
    actor: list[Actor]
    recipient: list[Actor]
    modality: Modality
    trigger: str
    trigger_start: int  # character offsets into Article.text
    trigger_end: int
    sentence: str
    sent_start: int
    sent_end: int
    clause_start: int  # the clause the event was read from: place and date come from here first
    clause_end: int
    territory: Territory | None = None
    location: Location | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    confidence: float = 0.5
    coder_version: str = ""
    date_reason: str | None = None  # why `date` is null, or where it came from when not from the clause


@dataclass(slots=True)
class Quote:
    """Something a person or institution said, direct or reported."""
    article_id: str
    text: str
    kind: Literal["direct", "indirect", "stance"]  # stance: "endorsed Cruz", "plans to run"
    start: int  # span of the quoted content in Article.text
    end: int
    speaker: str | None = None  # fullest name found in the article
    speaker_role: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # "said", "according to", ...
    sentence: str | None = None


@dataclass(slots=True)
class Figure:
    """A number in the text with what it counts and who claims it."""
    article_id: str
    text: str
    value: float
    start: int
    end: int
    value_max: float | None = None  # upper end of a range
    approximate: bool = False
    bound: Literal["exact", "at_least", "at_most", "range", "approximate"] = "exact"
    unit: str | None = None  # currency code, "percent", "km", ...
    counts: str | None = None  # the noun counted ("casualties", "people")
    subject: str | None = None  # whose ("Russian troops")
    claimed_by: str | None = None
    sentence: str | None = None


@dataclass(slots=True)
class Source:
    """One article's evidence for a merged event."""
    article_id: str
    outlet: str | None
    url: str | None
    sentence: str
    start: int
    end: int
    published: str | None = None
    trigger: str | None = None
    copy_group: str | None = None


@dataclass(slots=True)
class Event:
    """A de-duplicated event: one happening, every source that reports it."""
    event_id: str
    event_type: str
    mode: str | None
    actor: list[Actor]
    recipient: list[Actor]
    modality: str
    territory: Territory | None
    location: Location | None
    date: str | None
    date_precision: str | None
    sources: list[Source] = field(default_factory=list)
    n_sources: int = 0
    n_independent_sources: int = 0
    story_id: str | None = None
    confidence: float = 0.5
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    coder_version: str = ""
    date_text: str | None = None


@dataclass(slots=True)
class ArticleResult:
    """Everything the per-article stages produced for one article; stored in one transaction."""
    article: Article
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
