"""assign_location: the event's own clause first, then its sentence, then a labelled fallback."""

from __future__ import annotations

from newsledger.extract.locate import assign_location
from newsledger.extract.places import extract_places
from newsledger.models import Actor, EventMention, Territory

TEXT = ("Ukrainian officials in Kyiv said on Monday that Russian missiles struck Zaporizhzhia overnight. "
        "Separately, talks resumed. Troops also recaptured Lyman, in the Donetsk region.")


def _event(text, trigger, clause, *, territory=None, actor_text="Russian"):
    t = text.index(trigger)
    c0 = text.index(clause)
    sent_start = text.rfind(". ", 0, t)
    sent_start = 0 if sent_start < 0 else sent_start + 2
    sent_end = text.find(".", t) + 1
    return EventMention(
        article_id="a1", event_type="ASSAULT", mode=None, actor=[Actor(name="Russia", text=actor_text)],
        recipient=[], modality="asserted", trigger=trigger, trigger_start=t, trigger_end=t + len(trigger),
        sentence=text[sent_start:sent_end], sent_start=sent_start, sent_end=sent_end,
        clause_start=c0, clause_end=c0 + len(clause), territory=territory)


def _places(nlp, make_article, text):
    art = make_article(text)
    return extract_places(nlp(art.text), art)


def test_place_in_the_clause_not_the_first_place(nlp, make_article):
    places = _places(nlp, make_article, TEXT)
    ev = _event(TEXT, "struck", "Russian missiles struck Zaporizhzhia overnight")
    loc = assign_location(ev, places)
    assert loc is not None and loc.name.startswith("Zaporizh") and loc.precision == "town"
    assert loc.reason is None


def test_sentence_fallback_says_so(nlp, make_article):
    places = _places(nlp, make_article, TEXT)
    ev = _event(TEXT, "said", "Ukrainian officials")
    loc = assign_location(ev, places)
    assert loc is not None and loc.name == "Kyiv"
    assert "sentence" in (loc.reason or "")


def test_no_place_in_sentence_falls_back_to_region_with_reason(nlp, make_article):
    places = _places(nlp, make_article, TEXT)
    ev = _event(TEXT, "resumed", "talks resumed", actor_text=None)
    loc = assign_location(ev, places)
    assert loc is not None and loc.reason and "article" in loc.reason
    assert loc.precision in ("admin1", "country")
    assert loc.score is not None and loc.score < 0.5


def test_territory_place_is_the_location(nlp, make_article):
    places = _places(nlp, make_article, TEXT)
    ev = _event(TEXT, "recaptured", "Troops also recaptured Lyman", territory=Territory(place="Lyman",
                                                                                          gained_by="UKR"))
    loc = assign_location(ev, places)
    assert loc is not None and loc.name == "Lyman" and loc.admin1 == "Donetsk"
    assert loc.reason == "territory place"


def test_no_places_gives_none():
    text = "Talks resumed on Monday."
    ev = _event(text, "resumed", "Talks resumed")
    assert assign_location(ev, []) is None


def test_actor_country_is_not_the_scene(nlp, make_article):
    text = "Russia shelled the outskirts overnight, officials said."
    places = _places(nlp, make_article, text)
    ev = _event(text, "shelled", "Russia shelled the outskirts overnight", actor_text="Russia")
    loc = assign_location(ev, places)
    # The only place is the actor itself: no silent country centroid from the clause.
    assert loc is None or (loc.reason is not None and "country" in loc.reason)


def _located_events(nlp, art):
    """Every coded event of `art`, located as the pipeline does (own place, then the event before)."""
    from newsledger.extract.events import extract_events
    from newsledger.extract.locate import inherit_locations

    doc = nlp(art.text)
    places = extract_places(doc, art)
    mentions = extract_events(doc, art)
    for m in mentions:
        m.location = assign_location(m, places)
    inherit_locations(mentions)
    return mentions


def test_place_named_just_before_the_sentence_places_the_event(nlp, make_article) -> None:
    art = make_article("Talks in Istanbul ended on Friday. Russian missiles struck the port of Odesa on Saturday, "
                       "officials said, after the deal with Moscow. Two missiles hit the port's grain terminal.",
                       "2022-07-23")
    mentions = _located_events(nlp, art)
    hit = next(m for m in mentions if m.trigger.startswith("hit"))
    assert hit.location is not None and hit.location.name == "Odesa"
    assert "event just before" in (hit.location.reason or "")
    separately = make_article("Russian missiles struck Odesa on Saturday. Separately, talks resumed in earnest.")
    mentions = _located_events(nlp, separately)
    assert all("event just before" not in (m.location.reason or "") for m in mentions if m.location)


def test_capital_as_actor_is_not_the_scene_but_a_shelled_town_is(nlp, make_article):
    text = "Moscow and Kyiv signed the deal in Istanbul on Friday. Russian forces shelled Kharkiv overnight."
    places = _places(nlp, make_article, text)
    signed = _event(text, "signed", "Moscow and Kyiv signed the deal in Istanbul on Friday",
                    actor_text="Moscow and Kyiv")
    loc = assign_location(signed, places)
    assert loc is not None and loc.name == "Istanbul"
    shelled = _event(text, "shelled", "Russian forces shelled Kharkiv overnight", actor_text="Russian forces")
    loc = assign_location(shelled, places)
    assert loc is not None and loc.name == "Kharkiv"


def test_another_governments_capital_is_not_inherited(nlp, make_article) -> None:
    art = make_article("France announced new sanctions in Paris on Friday. "
                       "Britain said it had frozen the assets of four Russian banks.", "2023-02-25")
    mentions = _located_events(nlp, art)
    frozen = next(m for m in mentions if m.event_type == "SANCTION" and any(a.code == "GBR" for a in m.actor))
    assert frozen.location is not None and frozen.location.name != "Paris"
    assert frozen.location.country == "GB" and frozen.location.precision == "country"
    assert "government that acted" in (frozen.location.reason or "")
