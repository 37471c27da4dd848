"""Fixtures for the views tests: a small hand-built store (no spaCy), and the bundled examples ingested."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from newsledger.models import (
    Actor,
    Article,
    ArticleResult,
    Event,
    EventMention,
    Figure,
    Location,
    PlaceMention,
    Quote,
    Source,
    Territory,
)
from newsledger.store import open_store
from newsledger.store.codec import mention_id

ROOT = Path(__file__).resolve().parents[2]

# Texts written for these tests, in the style of wire reports.
WIRE = ("Ukrainian forces took control of the town of Lyman on Saturday, the defence ministry said. "
        "Russian troops withdrew from Lyman to avoid encirclement. "
        "\"Lyman is Ukrainian again,\" President Volodymyr Zelenskyy said. "
        "A military spokesman said about 5,000 Russian soldiers had been in the area.")
POST = ("Kyiv's troops captured Lyman on Sunday after a week-long push, officials said. "
        "\"Lyman is Ukrainian again,\" President Volodymyr Zelenskyy said in his nightly address.")
TBILISI = ("Police in Tbilisi detained 66 people overnight as thousands protested against a draft law. "
           "Thousands of demonstrators rallied outside parliament in Tbilisi on Tuesday.")

LYMAN = Location(name="Lyman", geonameid=704204, lat=48.99, lon=37.81, admin1="Donetsk", country="UA",
                 precision="town")
TBILISI_LOC = Location(name="Tbilisi", geonameid=611717, lat=41.69, lon=44.83, admin1="Tbilisi", country="GE",
                       precision="town")
UKR = Actor(name="Ukraine", code="UKR", country="UA", sector="MIL", text="Ukrainian forces")
RUS = Actor(name="Russia", code="RUS", country="RU", sector="MIL", text="Russian troops")
POLICE = Actor(name="Georgian police", code="GEO", country="GE", sector="POL", text="Police")


def _span(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def _sentence(text: str, part: str) -> tuple[int, int, str]:
    """The sentence of `text` holding `part` (sentences end at '. ')."""
    i = text.index(part)
    s = text.rfind(". ", 0, i)
    s = 0 if s < 0 else s + 2
    e = text.find(". ", i)
    e = len(text) if e < 0 else e + 1
    return s, e, text[s:e]


def _mention(a: Article, etype: str, trigger: str, actor: list[Actor], recipient: list[Actor], loc: Location,
             day: str, modality: str = "asserted", territory: Territory | None = None) -> EventMention:
    ts, te = _span(a.text, trigger)
    ss, se, sent = _sentence(a.text, trigger)
    return EventMention(article_id=a.article_id, event_type=etype, mode=None, actor=actor, recipient=recipient,
                        modality=modality, trigger=trigger, trigger_start=ts, trigger_end=te, sentence=sent,
                        sent_start=ss, sent_end=se, clause_start=ss, clause_end=se, territory=territory,
                        location=loc, date=day, date_precision="day", confidence=0.8, coder_version="test")


def _source(a: Article, m: EventMention) -> Source:
    return Source(article_id=a.article_id, outlet=a.outlet, url=a.url, sentence=m.sentence, start=m.sent_start,
                  end=m.sent_end, published=a.published.isoformat() if a.published else None, trigger=m.trigger,
                  copy_group=a.article_id)


def _place(a: Article, word: str, loc: Location) -> list[PlaceMention]:
    out, at = [], 0
    while (i := a.text.find(word, at)) >= 0:
        out.append(PlaceMention(article_id=a.article_id, text=word, start=i, end=i + len(word), location=loc,
                                feature="city"))
        at = i + len(word)
    return out


def build_small_store(db: Path) -> Path:
    """Three articles, four events (one control change, one disagreement), quotes and figures."""
    wire = Article(article_id="wire1", text=WIRE, title="Ukraine retakes Lyman", url="https://wire.example/lyman",
                   outlet="Meridian Wire", published=datetime(2022, 10, 2, 9, 0), published_has_time=True)
    post = Article(article_id="post1", text=POST, title="Lyman falls to Kyiv", url="https://post.example/lyman",
                   outlet="Harbour Post", published=datetime(2022, 10, 2, 12, 0), published_has_time=True)
    geo = Article(article_id="geo1", text=TBILISI, title="Arrests at Tbilisi protest",
                  url="https://observer.example/tbilisi", outlet="Capital Observer", published=datetime(2023, 3, 8))
    take = Territory(place="Lyman", gained_by="UKR", lost_by="RUS", geonameid=704204)
    m1 = _mention(wire, "ASSAULT", "took control", [UKR], [], LYMAN, "2022-10-01", territory=take)
    m2 = _mention(post, "ASSAULT", "captured", [UKR], [], LYMAN, "2022-10-02", territory=take)
    m3 = _mention(wire, "RETREAT", "withdrew", [RUS], [], LYMAN, "2022-10-01")
    m4 = _mention(geo, "COERCE", "detained", [POLICE], [Actor(name="66 people", text="66 people")], TBILISI_LOC,
                  "2023-03-07")
    m5 = _mention(geo, "PROTEST", "rallied", [Actor(name="demonstrators", text="demonstrators")], [], TBILISI_LOC,
                  "2023-03-07", modality="reported")
    q = "Lyman is Ukrainian again,"
    quotes = {a.article_id: [Quote(article_id=a.article_id, text=q, kind="direct", start=_span(a.text, q)[0],
                                   end=_span(a.text, q)[1], speaker="Volodymyr Zelenskyy", speaker_role="President",
                                   cue="said")] for a in (wire, post)}
    fs, fe = _span(WIRE, "5,000")
    fig = Figure(article_id="wire1", text="5,000", value=5000, start=fs, end=fe, approximate=True,
                 bound="approximate", counts="soldier", subject="Russian", claimed_by="military spokesman",
                 sentence=_sentence(WIRE, "5,000")[2])
    gs, ge = _span(TBILISI, "66")
    fig2 = Figure(article_id="geo1", text="66", value=66, start=gs, end=ge, counts="people", claimed_by="Police",
                  sentence=_sentence(TBILISI, "66")[2])
    results = [
        ArticleResult(article=wire, mentions=[m1, m3], quotes=quotes["wire1"], figures=[fig],
                      places=_place(wire, "Lyman", LYMAN)),
        ArticleResult(article=post, mentions=[m2], quotes=quotes["post1"], places=_place(post, "Lyman", LYMAN)),
        ArticleResult(article=geo, mentions=[m4, m5], figures=[fig2], places=_place(geo, "Tbilisi", TBILISI_LOC)),
    ]
    dis = [{"field": "date", "versions": [
        {"value": "2022-10-01", "sources": ["wire1"], "n_independent": 1},
        {"value": "2022-10-02", "sources": ["post1"], "n_independent": 1}]}]
    events = [
        Event(event_id="ev:lyman", event_type="ASSAULT", mode=None, actor=[UKR], recipient=[], modality="asserted",
              territory=take, location=LYMAN, date="2022-10-01", date_precision="day",
              sources=[_source(wire, m1), _source(post, m2)], n_sources=2, n_independent_sources=2,
              story_id="s:lyman", confidence=0.9, disagreements=dis),
        Event(event_id="ev:retreat", event_type="RETREAT", mode=None, actor=[RUS], recipient=[], modality="asserted",
              territory=None, location=LYMAN, date="2022-10-01", date_precision="day",
              sources=[_source(wire, m3)], n_sources=1, n_independent_sources=1, story_id="s:lyman"),
        Event(event_id="ev:arrests", event_type="COERCE", mode="arrest", actor=[POLICE], recipient=m4.recipient,
              modality="asserted", territory=None, location=TBILISI_LOC, date="2023-03-07", date_precision="day",
              sources=[_source(geo, m4)], n_sources=1, n_independent_sources=1, story_id="s:tbilisi"),
        Event(event_id="ev:protest", event_type="PROTEST", mode="demo", actor=m5.actor, recipient=[],
              modality="reported", territory=None, location=TBILISI_LOC, date="2023-03-07", date_precision="day",
              sources=[_source(geo, m5)], n_sources=1, n_independent_sources=1, story_id="s:tbilisi"),
    ]
    links = {"wire1": {"copy_group": "wire1", "copy_kind": "original", "story_id": "s:lyman"},
             "post1": {"copy_group": "post1", "copy_kind": "original", "story_id": "s:lyman"},
             "geo1": {"copy_group": "geo1", "copy_kind": "original", "story_id": "s:tbilisi"}}
    mention_event = {mention_id(m1): "ev:lyman", mention_id(m2): "ev:lyman", mention_id(m3): "ev:retreat",
                     mention_id(m4): "ev:arrests", mention_id(m5): "ev:protest"}
    with open_store(str(db)) as store:
        store.write_results(results, "test", links)
        by_key = {(m.article_id, m.sent_start, m.trigger): mention_id(m) for m in (m1, m2, m3, m4, m5)}
        store.replace_events(events, mention_event, by_key)
    return db


@pytest.fixture(scope="session")
def small_db(tmp_path_factory) -> Path:
    """A DuckDB file with the hand-built records (read-only use: copy it before writing)."""
    return build_small_store(tmp_path_factory.mktemp("views") / "small.duckdb")


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, nlp) -> Path:
    """The bundled examples ingested through the real pipeline (spaCy loaded once by the `nlp` fixture)."""
    from newsledger.pipeline import ingest_paths
    from newsledger.settings import Settings

    db = tmp_path_factory.mktemp("views-examples") / "examples.duckdb"
    report = ingest_paths([ROOT / "examples" / "articles"], Settings(db=str(db)))
    assert report.stored > 0
    return db
