"""Event places: a capital named as a party is its government, a dateline is a place, a union is a party."""

from __future__ import annotations

from newsledger.extract.locate import assign_location, inherit_locations
from newsledger.extract.places import extract_places
from newsledger.models import Actor, EventMention, Location

US = Actor(name="United States", code="USA", country="US", sector="GOV", text="Washington")
UK = Actor(name="United Kingdom", code="GBR", country="GB", sector="GOV", text="Britain")
EU = Actor(name="European Union", code="IGO", sector="IGO", text="the European Union")


def _event(text, trigger, etype, actor, recipient=()):
    t = text.index(trigger)
    sent_start = text.rfind(". ", 0, t)
    sent_start = 0 if sent_start < 0 else sent_start + 2
    sent_end = text.find(".", t) + 1
    return EventMention(
        article_id="a1", event_type=etype, mode=None, actor=list(actor), recipient=list(recipient),
        modality="asserted", trigger=trigger, trigger_start=t, trigger_end=t + len(trigger),
        sentence=text[sent_start:sent_end], sent_start=sent_start, sent_end=sent_end,
        clause_start=sent_start, clause_end=sent_end)


def _places(nlp, make_article, text):
    art = make_article(text)
    return [p for p in extract_places(nlp(art.text), art)]


def test_capital_named_as_target_of_sanctions_is_not_the_scene(nlp, make_article):
    text = "Washington announced new sanctions against Moscow on Friday over Russia's war in Ukraine."
    ev = _event(text, "announced", "SANCTION", [US], [Actor(name="Russia", code="RUS", country="RU")])
    places = _places(nlp, make_article, text)
    assert any(p.location.name == "Moscow" and p.location.country == "RU" for p in places)
    loc = assign_location(ev, places)
    assert loc is None or loc.name != "Moscow"


def test_capital_struck_is_the_scene(nlp, make_article):
    text = "Russian missiles struck Kyiv on Friday."
    ev = _event(text, "struck", "ASSAULT", [Actor(name="Russia", code="RUS", country="RU")])
    loc = assign_location(ev, _places(nlp, make_article, text))
    assert loc is not None and loc.name == "Kyiv"


def test_dateline_capital_places_a_political_act(nlp, make_article):
    text = "BRUSSELS - The European Union adopted a new package of sanctions against Iran on Monday."
    ev = _event(text, "adopted", "SANCTION", [EU])
    loc = assign_location(ev, _places(nlp, make_article, text))
    assert loc is not None and loc.name == "Brussels"


def test_union_named_as_a_party_is_not_the_scene(nlp, make_article):
    text = "Washington announced new sanctions on Friday, and the European Union agreed new export rules."
    ev = _event(text, "announced", "SANCTION", [US])
    loc = assign_location(ev, _places(nlp, make_article, text))
    assert loc is None or loc.precision != "feature"


def _locate_pair(nlp, make_article, text, first, second):
    """Locate two events of one text the way the pipeline does: each on its own, then carry-over."""
    places = _places(nlp, make_article, text)
    for ev in (first, second):
        ev.location = assign_location(ev, places)
    inherit_locations([first, second])


def test_government_acting_elsewhere_gets_its_own_country(nlp, make_article):
    text = ("The United States announced sanctions on Russian banks at a meeting in New York on Friday. "
            "Britain said it had frozen the assets of four Russian banks.")
    first = _event(text, "announced", "SANCTION", [US])
    second = _event(text, "frozen", "SANCTION", [UK])
    _locate_pair(nlp, make_article, text, first, second)
    assert first.location is not None and first.location.country == "US"
    assert isinstance(second.location, Location) and second.location.country == "GB"
    assert second.location.precision == "country" and "government" in (second.location.reason or "")


RU_SPOKESWOMAN = Actor(name="Maria Zakharova", code="RUS", country="RU", sector="GOV", text="Maria Zakharova")
UA = Actor(name="Ukraine", code="UKR", country="UA", sector="GOV", text="Ukraine")
RU = Actor(name="Russia", code="RUS", country="RU", sector="GOV", text="Russia")


def test_statement_about_a_strike_abroad_is_placed_in_the_speakers_country(nlp, make_article):
    text = ("Russian missiles struck the port of Odesa on Saturday. "
            "Maria Zakharova denied that grain terminals had been hit.")
    strike = _event(text, "struck", "ASSAULT", [RU])
    denial = _event(text, "denied", "REJECT", [RU_SPOKESWOMAN])
    _locate_pair(nlp, make_article, text, strike, denial)
    assert strike.location is not None and strike.location.name == "Odesa"
    assert denial.location is not None and denial.location.country == "RU" and denial.location.precision == "country"


def test_second_signature_abroad_keeps_the_ceremonys_place(nlp, make_article):
    text = ("Russia and Ukraine signed an agreement in Istanbul on Friday. "
            "Ukraine's minister signed a mirror agreement with Turkey.")
    first = _event(text, "signed an", "SUPPORT", [RU, UA])
    second = _event(text, "signed a mirror", "SUPPORT", [UA])
    _locate_pair(nlp, make_article, text, first, second)
    assert second.location is not None and second.location.name == "Istanbul"
