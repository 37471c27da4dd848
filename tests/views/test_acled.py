"""ACLED-like view: column names and event_type / sub_event_type from PLOVER type, mode, territory."""

from __future__ import annotations

from newsledger.models import Actor, Event, Location, Source, Territory
from newsledger.views.acled import ACLED_COLUMNS, acled_columns, acled_types


def _event(etype, mode=None, actor=(), recipient=(), territory=None, **kw):
    return Event(event_id="e1", event_type=etype, mode=mode, actor=list(actor), recipient=list(recipient),
                 modality="reported", territory=territory, location=kw.get("location"), date=kw.get("date"),
                 date_precision="day" if kw.get("date") else None, sources=kw.get("sources", []))


UKR_MIL = Actor(name="Ukraine", code="UKR", country="UA", sector="MIL")
RUS_MIL = Actor(name="Russia", code="RUS", country="RU", sector="MIL")
POLICE = Actor(name="Georgia", code="GEO", country="GE", sector="POL")
PROTESTERS = Actor(name="protesters", sector="OPP")


def test_government_regains_territory():
    ev = _event("ASSAULT", actor=[UKR_MIL], territory=Territory(place="Lyman", gained_by="UKR", lost_by="RUS"))
    assert acled_types(ev)[1:] == ("Battles", "Government regains territory")


def test_non_state_actor_overtakes_territory():
    rebels = Actor(name="rebels", sector="REB")
    ev = _event("ASSAULT", actor=[rebels], territory=Territory(place="Goma", gained_by=None))
    assert acled_types(ev)[1:] == ("Battles", "Non-state actor overtakes territory")


def test_excessive_force_against_protesters():
    ev = _event("ASSAULT", "crowd-control", actor=[POLICE], recipient=[PROTESTERS])
    assert acled_types(ev)[1:] == ("Protests", "Excessive force against protesters")


def test_remote_violence_by_weapon():
    assert acled_types(_event("ASSAULT", "drone", actor=[RUS_MIL]))[1:] == (
        "Explosions/Remote violence", "Air/drone strike")
    assert acled_types(_event("ASSAULT", "heavy-weapons", actor=[RUS_MIL]))[2] == "Shelling/artillery/missile attack"


def test_peaceful_protest_and_arrests():
    assert acled_types(_event("PROTEST", "demo", actor=[PROTESTERS]))[1:] == ("Protests", "Peaceful protest")
    assert acled_types(_event("COERCE", "arrest", actor=[POLICE]))[2] == "Arrests"


def test_row_has_every_acled_column_and_location():
    loc = Location(name="Lyman", lat=48.98, lon=37.81, admin1="Donetsk", country="UA", precision="town")
    src = Source(article_id="a1", outlet="Test Wire", url=None, sentence="Ukrainian forces retook Lyman.",
                 start=0, end=30)
    ev = _event("ASSAULT", actor=[UKR_MIL], recipient=[RUS_MIL], location=loc, date="2022-10-01",
                territory=Territory(place="Lyman", gained_by="UKR", lost_by="RUS"), sources=[src])
    row = acled_columns(ev)
    assert list(row) == list(ACLED_COLUMNS)
    assert row["event_date"] == "2022-10-01" and row["year"] == 2022
    assert row["sub_event_type"] == "Government regains territory"
    assert row["latitude"] == 48.98 and row["admin1"] == "Donetsk"
    assert row["country"] == "Ukraine" and row["iso"] == 804
    assert row["actor1"] == "Military Forces of Ukraine" and row["inter1"] == 1 and row["interaction"] == 11
    assert row["source"] == "Test Wire" and row["notes"] == src.sentence
