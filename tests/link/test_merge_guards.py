"""Merging must not chain different parties' acts, nor let a guessed place decide or veto a merge."""

from __future__ import annotations

from dataclasses import replace

from newsledger.link import compat as C
from newsledger.link.merge import merge_events
from newsledger.models import Actor, Location
from tests.link.test_event_merging import KUPIANSK, RUS, UKR, articles, mention

UN = Actor(name="United Nations", code="IGO", sector="IGO")
EU = Actor(name="European Union", code="IGO", sector="IGO")
G7 = Actor(name="G7", code="IGO", sector="IGO")
FALLBACK = "no place in the event's sentence; the place of the event just before it"
RUSSIA = Location(name="Russia", geonameid=2017370, country="RU", precision="country")
DC = Location(name="District of Columbia", geonameid=4138106, country="US", admin1="DC", precision="admin1",
              reason="no place in the event's sentence; the article's main region")


def test_two_intergovernmental_bodies_are_not_one_actor():
    assert C.actors_relation([G7], [EU]) == "conflict"
    assert C.actors_relation([EU], [replace(EU, text="the bloc")]) == "match"


def test_counted_groups_are_no_identity():
    seventy = Actor(name="more than 70 people", text="more than 70 people")
    sixty_six = Actor(name="66 people", text="66 people")
    assert C.actors_relation([seventy], [sixty_six]) == "unknown"
    assert C.actors_relation([Actor(name="Maria Zakharova")], [Actor(name="Dmitry Peskov")]) == "conflict"


def test_actorless_first_mention_does_not_chain_two_parties():
    arts = articles("a", "b", "c")
    loc = replace(KUPIANSK, reason=FALLBACK)
    first = mention("a", etype="ACCUSE", actor=(), recipient=(), loc=loc)
    un = mention("b", etype="ACCUSE", actor=(UN,), recipient=(RUS,), loc=loc)
    kyiv = mention("c", etype="ACCUSE", actor=(UKR,), recipient=(RUS,), loc=loc)
    events = merge_events([first, un, kyiv], arts, {}, {"a": "s1", "b": "s1", "c": "s1"})
    together = [e for e in events if {s.article_id for s in e.sources} >= {"b", "c"}]
    assert not together


def test_shared_story_alone_joins_only_the_same_type():
    arts = articles("a", "b")
    loc = replace(KUPIANSK, reason=FALLBACK)  # a carried-over place vouches for nothing
    refused = mention("a", etype="REJECT", actor=(), recipient=(), loc=loc)
    accused = mention("b", etype="ACCUSE", actor=(UKR,), recipient=(RUS,), loc=loc)
    events = merge_events([refused, accused], arts, {}, {"a": "s1", "b": "s1"})
    assert len(events) == 2


def test_guessed_place_neither_vetoes_nor_wins():
    arts = articles("a", "b")
    own = mention("a", etype="SANCTION", actor=(Actor(name="United States", code="USA", country="US"),),
                  recipient=(RUS,), loc=RUSSIA)
    guessed = mention("b", etype="SANCTION", actor=(Actor(name="United States", code="USA", country="US"),),
                      recipient=(RUS,), loc=DC)
    events = merge_events([guessed, own], arts, {}, {"a": "s1", "b": "s1"})
    assert len(events) == 1
    assert events[0].location.name == "Russia" and events[0].disagreements == []


def test_copy_of_a_two_act_sentence_joins_act_by_act():
    sent = "Ukrainian forces took control of Lyman after encircling Russian troops there."
    arts = articles("a", "b")

    def act(aid: str, trigger: str):
        m = mention(aid, sentence=sent, actor=(UKR,), recipient=(RUS,))
        m.trigger, m.trigger_start = trigger, sent.index(trigger)
        return m
    events = merge_events([act("a", "took"), act("a", "encircling"), act("b", "took"), act("b", "encircling")],
                          arts, {"b": "a"}, {})
    assert sorted(sorted(s.trigger for s in e.sources) for e in events) == [
        ["encircling", "encircling"], ["took", "took"]]
