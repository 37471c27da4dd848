"""Event merging: one happening from many articles becomes one Event; disagreements are kept."""

from __future__ import annotations

from datetime import datetime

from newsledger.link import compat as C
from newsledger.link.merge import merge_events
from newsledger.models import Actor, Article, EventMention, Figure, Location

RUS = Actor(name="Russia", code="RUS", country="RU", sector="MIL")
UKR = Actor(name="Ukraine", code="UKR", country="UA", sector="GOV")
KUPIANSK = Location(name="Kupiansk", geonameid=704147, lat=49.71, lon=37.61, admin1="Kharkiv", country="UA",
                    precision="town")
KHARKIV_OBL = Location(name="Kharkiv Oblast", geonameid=706482, admin1="Kharkiv", country="UA", precision="admin1")
UKRAINE = Location(name="Ukraine", geonameid=690791, country="UA", precision="country")
ODESA = Location(name="Odesa", geonameid=698740, lat=46.48, lon=30.73, admin1="Odesa", country="UA",
                 precision="town")

SENT = "Russian forces shelled Kupiansk on Monday, killing 4 people, the governor said."


def mention(aid: str, *, etype: str = "ASSAULT", date: str | None = "2022-10-03", loc: Location | None = KUPIANSK,
            actor=(RUS,), recipient=(UKR,), sentence: str = SENT, start: int = 0) -> EventMention:
    return EventMention(article_id=aid, event_type=etype, mode=None, actor=list(actor), recipient=list(recipient),
                        modality="asserted", trigger="shelled", trigger_start=start + 15, trigger_end=start + 22,
                        sentence=sentence, sent_start=start, sent_end=start + len(sentence), clause_start=start,
                        clause_end=start + len(sentence), location=loc, date=date, date_precision="day",
                        date_text="Monday", confidence=0.6)


def articles(*ids: str) -> dict[str, Article]:
    return {aid: Article(article_id=aid, text=SENT, outlet=f"Outlet {aid}", url=f"https://example.org/{aid}",
                         published=datetime(2022, 10, 3, 8 + i)) for i, aid in enumerate(ids)}


def test_three_reports_become_one_event_with_sources_and_independence():
    arts = articles("a", "b", "c")
    events = merge_events([mention("c"), mention("a"), mention("b")], arts, {"b": "a"}, {})
    assert len(events) == 1
    ev = events[0]
    assert ev.n_sources == 3 and ev.n_independent_sources == 2
    assert [s.article_id for s in ev.sources] == ["a", "b", "c"]
    assert ev.sources[0].sentence == SENT and ev.sources[0].url == "https://example.org/a"
    assert ev.sources[1].copy_group == "a"
    assert ev.location.geonameid == KUPIANSK.geonameid and ev.date == "2022-10-03"
    assert ev.disagreements == []
    assert ev.confidence > 0.6


def test_event_id_is_stable_when_a_later_source_joins():
    arts = articles("a", "b", "c")
    first = merge_events([mention("a"), mention("b")], arts, {}, {})
    more = merge_events([mention("a"), mention("b"), mention("c")], arts, {}, {})
    assert first[0].event_id == more[0].event_id and more[0].n_sources == 3


def test_place_inside_another_merges_to_the_most_specific():
    arts = articles("a", "b", "c")
    events = merge_events([mention("a", loc=UKRAINE), mention("b", loc=KHARKIV_OBL), mention("c")], arts, {}, {})
    assert len(events) == 1
    assert events[0].location.name == "Kupiansk"
    assert not [d for d in events[0].disagreements if d["field"] == "location"]


def test_dates_a_day_apart_merge_and_are_flagged():
    arts = articles("a", "b", "c")
    events = merge_events([mention("a"), mention("b", date="2022-10-04"), mention("c")], arts, {}, {})
    assert len(events) == 1
    (dis,) = [d for d in events[0].disagreements if d["field"] == "date"]
    versions = {v["value"]: v["sources"] for v in dis["versions"]}
    assert versions == {"2022-10-03": ["a", "c"], "2022-10-04": ["b"]}
    assert events[0].date == "2022-10-03"


def test_coarse_date_is_not_a_disagreement():
    arts = articles("a", "b")
    events = merge_events([mention("a"), mention("b", date="2022-10")], arts, {}, {})
    assert len(events) == 1 and events[0].disagreements == []


def test_far_apart_places_types_and_actors_stay_separate():
    arts = articles("a", "b", "c", "d")
    ms = [mention("a"), mention("b", loc=ODESA), mention("c", etype="AGREE"),
          mention("d", actor=(Actor(name="Poland", code="POL", country="PL"),))]
    assert len(merge_events(ms, arts, {}, {})) == 4


def test_unknown_place_merges_only_within_a_story():
    arts = articles("a", "b")
    ms = [mention("a"), mention("b", loc=None)]
    assert len(merge_events(ms, arts, {}, {"a": "s1", "b": "s2"})) == 2
    merged = merge_events(ms, arts, {}, {"a": "s1", "b": "s1"})
    assert len(merged) == 1 and merged[0].story_id == "s1"


def test_copies_with_conflicting_places_merge_and_flag_the_place():
    arts = articles("a", "b")
    events = merge_events([mention("a"), mention("b", loc=ODESA)], arts, {"a": "a", "b": "a"}, {})
    assert len(events) == 1
    (dis,) = [d for d in events[0].disagreements if d["field"] == "location"]
    assert sorted(v["name"] for v in dis["versions"]) == ["Kupiansk", "Odesa"]
    assert events[0].n_independent_sources == 1


def test_figures_that_differ_between_sources_are_flagged():
    arts = articles("a", "b")
    other = SENT.replace("4 people", "6 people")
    figs = [Figure(article_id="a", text="4", value=4, start=SENT.index("4"), end=SENT.index("4") + 1, counts="people"),
            Figure(article_id="b", text="6", value=6, start=other.index("6"), end=other.index("6") + 1,
                   counts="people")]
    events = merge_events([mention("a"), mention("b", sentence=other)], arts, {}, {}, figures=figs)
    (dis,) = [d for d in events[0].disagreements if d["field"] == "figure"]
    assert {v["value"]: v["sources"] for v in dis["versions"]} == {"4": ["a"], "6": ["b"]}


def test_single_mention_is_an_event_and_duplicates_collapse():
    arts = articles("a")
    events = merge_events([mention("a"), mention("a")], arts, {}, {})
    assert len(events) == 1 and events[0].n_sources == 1 and len(events[0].sources) == 1
    assert events[0].event_id.startswith("ev:")


def test_compat_relations():
    assert C.places_relation(KUPIANSK, UKRAINE) == "inside"
    assert C.places_relation(KUPIANSK, ODESA) == "conflict"
    assert C.places_relation(None, ODESA) == "unknown"
    assert C.dates_relation("2022-10-03", "2022-W40") == "inside"
    assert C.dates_relation("2022-10-03", "2022-10-09") == "conflict"
    assert C.actors_relation([RUS], []) == "unknown"
    assert C.family("COERCE") == C.family("ASSAULT") != C.family("AGREE")


def test_actor_on_one_side_and_recipient_on_the_other_merge_by_place():
    arts = articles("a", "b")
    ms = [mention("a", recipient=()), mention("b", actor=())]
    events = merge_events(ms, arts, {}, {})
    assert len(events) == 1 and events[0].n_sources == 2
    assert events[0].actor[0].code == "RUS" and events[0].recipient[0].code == "UKR"


def test_different_acts_of_one_type_do_not_merge():
    """A party withdrawing a bill and prisoners being released are both RETREAT, but two happenings."""
    arts = articles("a", "b")
    withdraw = mention("a", etype="RETREAT", recipient=())
    withdraw.mode = "withdraw"
    release = mention("b", etype="RETREAT", actor=())
    release.mode = "release"
    assert len(merge_events([withdraw, release], arts, {}, {})) == 2
    unknown = mention("b", etype="RETREAT", actor=())  # no mode on one side: may still be the same
    assert len(merge_events([withdraw, unknown], arts, {}, {})) == 1
    assert not C.modes_conflict("ASSAULT", "aerial", "ASSAULT", "heavy-weapons")


def test_publication_day_fallback_merges_with_a_stated_earlier_day():
    """'had taken control' (no day: the 3 Oct publication date) and 'took control on Saturday' (1 Oct)."""
    arts = articles("a", "b")
    stated = mention("a", date="2022-10-01")
    fallback = mention("b", date="2022-10-03")
    fallback.date_precision = "publication"
    events = merge_events([stated, fallback], arts, {}, {})
    assert len(events) == 1
    ev = events[0]
    assert (ev.date, ev.date_precision) == ("2022-10-01", "day") and ev.disagreements == []
    assert C.mention_dates_relation("2022-10-05", "day", "2022-10-03", "publication") == "conflict"  # after it
    assert C.mention_dates_relation("2022-09-01", "day", "2022-10-03", "publication") == "conflict"  # long before
    assert C.mention_dates_relation("2022-10-04", "day", "2022-10-03", "day") == "near"


def test_two_acts_of_one_sentence_stay_two_events():
    """'took control of Lyman after encircling it the day before': the capture and the encirclement."""
    arts = articles("a")
    took = mention("a", date="2022-10-01")
    encircled = mention("a", date="2022-09-30", start=0)
    encircled.trigger_start += 40
    assert len(merge_events([took, encircled], arts, {}, {})) == 2
