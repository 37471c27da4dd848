"""Event coder: types, actors from the same clause, modality, territory, evidence offsets."""

from __future__ import annotations

import pytest

from newsledger import CODER_VERSION
from newsledger.extract.events import extract_events
from newsledger.models import PLOVER_TYPES


@pytest.fixture
def code(nlp, make_article):
    def _code(text: str):
        art = make_article(text)
        return art, extract_events(nlp(art.text), art)
    return _code


def _codes(actors):
    return {a.code for a in actors if a.code}


def test_reported_shelling_with_military_actor(code):
    art, events = code("Russian forces shelled Kharkiv overnight, the regional governor said.")
    ev = next(e for e in events if e.event_type == "ASSAULT")
    assert ev.mode == "heavy-weapons"
    assert ev.modality == "reported"
    assert [(a.code, a.sector) for a in ev.actor] == [("RUS", "MIL")]
    assert art.text[ev.trigger_start:ev.trigger_end] == ev.trigger == "shelled"
    assert ev.sent_start <= ev.clause_start < ev.clause_end <= ev.sent_end
    assert ev.coder_version == CODER_VERSION
    assert ev.event_type in PLOVER_TYPES


def test_two_events_in_one_sentence_keep_their_own_actors(code):
    _, events = code("Russian troops shelled Kharkiv and Ukrainian forces attacked positions near Izium.")
    assault = [e for e in events if e.event_type == "ASSAULT"]
    assert len(assault) == 2
    assert [_codes(e.actor) for e in assault] == [{"RUS"}, {"UKR"}]


def test_actor_is_not_stitched_from_another_sentence_or_clause(code):
    text = ("Ukrainian President Volodymyr Zelensky met NATO leaders in Brussels on Monday. "
            "Gunmen attacked a police station in the south, officials said.")
    _, events = code(text)
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert "UKR" not in _codes(attack.actor) and "IGO" not in _codes(attack.actor)
    assert [a.sector for a in attack.actor] == ["REB"]
    assert attack.sent_start > text.index("Brussels")
    meet = next(e for e in events if e.event_type == "CONSULT")
    assert _codes(meet.actor) == {"UKR"} and _codes(meet.recipient) == {"IGO"}


def test_threat_is_coded_with_its_content_and_the_act_is_speculative(code):
    _, events = code("Iran threatened on Monday to launch a military offensive against Iraq.")
    threat = next(e for e in events if e.event_type == "THREATEN")
    assert threat.mode == "violence"
    assert _codes(threat.actor) == {"IRN"}
    act = [e for e in events if e.event_type == "ASSAULT"]
    assert act and act[0].modality == "speculative"
    assert act[0].confidence < threat.confidence


def test_denial_negates_the_embedded_event(code):
    _, events = code("Moscow denied that its troops had shelled the power plant.")
    shelling = next(e for e in events if e.event_type == "ASSAULT")
    assert shelling.modality == "negated"
    assert _codes(shelling.actor) == {"RUS"}


def test_negation_and_speculation(code):
    _, neg = code("The army did not attack the village on Sunday.")
    assert next(e for e in neg if e.event_type == "ASSAULT").modality == "negated"
    _, spec = code("Analysts said Russian forces could attack the city within days.")
    assert next(e for e in spec if e.event_type == "ASSAULT").modality == "speculative"


def test_demand_names_the_party_asked(code):
    _, events = code("Washington demanded that Hamas release the hostages.")
    req = next(e for e in events if e.event_type == "REQUEST")
    assert _codes(req.actor) == {"USA"} and _codes(req.recipient) == {"PSE"}


def test_recapture_fills_territory(code):
    _, events = code("Ukrainian troops recaptured the town of Lyman from Russian forces on Saturday.")
    ev = next(e for e in events if e.territory is not None)
    assert ev.event_type == "ASSAULT"
    assert ev.territory.place == "Lyman"
    assert (ev.territory.gained_by, ev.territory.lost_by) == ("UKR", "RUS")


def test_withdrawal_fills_territory_lost_by(code):
    _, events = code("The 144th Motor Rifle Division withdrew from Kherson, the defence ministry said.")
    ev = next(e for e in events if e.territory is not None)
    assert ev.event_type == "RETREAT" and ev.mode == "withdraw"
    assert ev.territory.place == "Kherson" and ev.territory.lost_by == "RUS"


def test_passive_attack_puts_victims_in_recipient(code):
    _, events = code("Four civilians were killed by Russian missiles in Zaporizhzhia, police said.")
    ev = next(e for e in events if e.event_type == "ASSAULT")
    assert [a.sector for a in ev.recipient] == ["CVL"]
    assert _codes(ev.actor) == {"RUS"}
    assert ev.mode == "heavy-weapons"


def test_protest_and_police_response(code):
    _, events = code("Thousands of students marched in Belgrade. Riot police fired tear gas at the protesters.")
    types = [e.event_type for e in events]
    assert "PROTEST" in types
    force = next(e for e in events if e.event_type == "ASSAULT")
    assert force.mode == "crowd-control"
    assert [a.sector for a in force.recipient] == ["OPP"]


def test_empty_text_gives_no_events(code):
    _, events = code("The weather was mild on Tuesday.")
    assert events == []


def test_speculative_defeat_names_the_side_at_risk(code):
    _, events = code("Russia could be on track for a major defeat in the Kharkiv region.")
    ev = next(e for e in events if e.event_type == "ASSAULT")
    assert ev.modality == "speculative"
    assert _codes(ev.recipient) == {"RUS"} and ev.actor == []


def test_offer_and_conditional_threat(code):
    _, offer = code("Syria said it is willing to withdraw its troops from Lebanon.")
    assert next(e for e in offer if e.confidence == max(x.confidence for x in offer)).event_type == "AGREE"
    _, threat = code("Farmers said they would blockade the capital unless the government cut fuel prices.")
    assert "THREATEN" in {e.event_type for e in threat}


def test_obligation_is_a_request_by_the_speaker(code):
    _, events = code("Britain said on Monday that Libya must hand over the two suspects.")
    req = next(e for e in events if e.event_type == "REQUEST")
    assert _codes(req.actor) == {"GBR"} and _codes(req.recipient) == {"LBY"}


def test_dateline_is_not_an_actor(code):
    _, events = code("KYIV, Oct 2 (Test Wire) - Troops shelled the village overnight, officials said.")
    ev = next(e for e in events if e.event_type == "ASSAULT")
    assert "UKR" not in _codes(ev.actor)


def test_bad_sentence_does_not_lose_the_article(code, monkeypatch):
    import newsledger.extract.events as events_mod
    calls = {"n": 0}
    real = events_mod._sentence_events

    def flaky(sent, article, resolver):
        calls["n"] += 1
        if calls["n"] == 1:
            raise ValueError("odd parse")
        return real(sent, article, resolver)
    monkeypatch.setattr(events_mod, "_sentence_events", flaky)
    _, events = code("The weather was mild. Russian forces shelled Kharkiv on Monday.")
    assert [e.event_type for e in events] == ["ASSAULT"]


def test_withdrawal_noun_and_possessive_forces(code):
    _, events = code("Russia said it had completed the withdrawal of its forces from the city of Kherson.")
    ev = next(e for e in events if e.territory is not None)
    assert ev.event_type == "RETREAT" and ev.modality == "reported"
    assert (ev.territory.place, ev.territory.lost_by) == ("Kherson", "RUS")


def test_dateline_is_not_the_antecedent_and_the_city_is_not_the_river(code):
    _, events = code("KYIV, Nov 11 (Meridian Wire) - Russia said on Friday it had completed the withdrawal of its "
                     "forces from the city of Kherson to the eastern bank of the Dnipro river, and Ukrainian "
                     "troops entered the city hours later.")
    changes = {(e.territory.place, e.territory.gained_by, e.territory.lost_by)
               for e in events if e.territory is not None}
    assert changes == {("Kherson", None, "RUS"), ("Kherson", "UKR", None)}


def test_pulled_out_of_the_town_of(code):
    _, events = code("Russian troops pulled out of the town of Lyman on Saturday.")
    ev = next(e for e in events if e.territory is not None)
    assert ev.event_type == "RETREAT" and (ev.territory.place, ev.territory.lost_by) == ("Lyman", "RUS")


def test_event_measured_from_is_background_unless_dated(code):
    _, events = code("The United States imposed sanctions on Friday, marking a year since Russia invaded Ukraine.")
    assert [e.event_type for e in events] == ["SANCTION"]
    _, events = code("Washington announced sanctions on Friday, the first anniversary of the invasion of Ukraine.")
    assert "ASSAULT" not in {e.event_type for e in events}
    _, events = code("It was the heaviest shelling since Russian troops captured Izium in March.")
    assert any(e.territory is not None and e.territory.place == "Izium" for e in events)


def test_noun_described_by_a_past_charge_is_no_accusation(code):
    _, events = code("The measures target firms accused of helping Moscow evade sanctions.")
    assert "ACCUSE" not in {e.event_type for e in events}
    _, events = code("Three men accused by prosecutors of spying for Russia appeared in court on Monday.")
    assert "ACCUSE" in {e.event_type for e in events}
    _, events = code("Kyiv accused Moscow of shelling the plant.")
    assert "ACCUSE" in {e.event_type for e in events}


def test_shared_videos_are_no_cooperation(code):
    _, events = code("Residents waved flags in the square, according to videos shared on social media.")
    assert "COOPERATE" not in {e.event_type for e in events}
    _, events = code("Britain and France shared satellite images with Kyiv on Monday.")
    assert "COOPERATE" in {e.event_type for e in events}


def test_participle_agent_is_the_actor(code):
    _, events = code("The talks, hosted by Turkey, ended without a deal.")
    host = next(e for e in events if e.event_type == "CONSULT")
    assert _codes(host.actor) == {"TUR"}


def test_accused_party_did_the_alleged_act(code):
    _, events = code("Kyiv accused Moscow of shelling the Zaporizhzhia nuclear plant.")
    accuse = next(e for e in events if e.event_type == "ACCUSE")
    assert _codes(accuse.actor) == {"UKR"} and _codes(accuse.recipient) == {"RUS"}
    shelling = next(e for e in events if e.event_type == "ASSAULT")
    assert _codes(shelling.actor) == {"RUS"}
    assert shelling.modality == "reported" and shelling.mode == "heavy-weapons"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "- - -", "KYIV, Oct 2 (Test Wire) -"])
def test_degenerate_texts_code_nothing(code, text):
    _, events = code(text)
    assert events == []


def test_clause_span_keeps_other_clauses_places_out(code):
    for text in ("Russian forces shelled Kharkiv on Monday, while Ukrainian troops advanced on Izium.",
                 "Russian forces shelled Kharkiv on Monday and Ukrainian troops attacked positions near Izium."):
        art, events = code(text)
        shell = next(e for e in events if e.trigger == "shelled")
        clause = art.text[shell.clause_start:shell.clause_end]
        assert "Kharkiv" in clause and "Izium" not in clause
