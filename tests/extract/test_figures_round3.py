"""Figures, round 3: the counted noun's phrase (superlative scope, modifiers before the number,
possessors), spelled-out compound adjectives, hyphenated ranges, South Asian scales, ages."""

from __future__ import annotations

import pytest

from newsledger.extract.figure_numbers import find_numbers
from newsledger.extract.figures import extract_figures


def _figs(nlp, make_article, text: str) -> dict[str, object]:
    return {f.text: f for f in extract_figures(nlp(text), make_article(text))}


def _strong(text: str) -> list[tuple[float, float | None, str | None]]:
    return [(n.value, n.value_max, n.unit) for n in find_numbers(text) if not n.weak]


def test_superlative_keeps_the_phrase_that_bounds_it(nlp, make_article):
    figs = _figs(nlp, make_article, "The port is one of the busiest container terminals in the region.")
    assert figs["one"].counts == "busy container terminal region"


def test_no_superlative_no_postmodifier(nlp, make_article):
    figs = _figs(nlp, make_article, "Inspectors visited 40 container terminals in the region.")
    assert figs["40"].counts == "container terminal"


def test_modifiers_before_the_number_and_other(nlp, make_article):
    figs = _figs(nlp, make_article, "The striker scored a record 41 goals, and six other players left. "
                 "The first 100 days were calm.")
    assert figs["41"].counts == "record goal"
    assert figs["six"].counts == "other player"
    assert figs["100 days"].unit == "day" and figs["100 days"].counts is None


def test_partitive_skips_a_possessor(nlp, make_article):
    figs = _figs(nlp, make_article, "Three of the company's board members resigned on Friday.")
    assert figs["Three"].counts is not None and figs["Three"].counts.endswith("board member")


@pytest.mark.parametrize("text", [
    "The firm signed a five-year lease on the building.",
    "The sedan comes with a four-door body and a six-speed gearbox.",
])
def test_spelled_out_compound_adjectives_are_not_figures(text):
    assert _strong(text) == []


def test_spelled_out_ages_and_digit_compounds_stay():
    assert _strong("a five-year-old boy") == [(5, None, "year of age")]
    assert _strong("a 12-storey block") == [(12, None, None)]


def test_hyphenated_to_range():
    assert _strong("the coupe does 0-to-60-mph in 3.9 seconds") == [(0, 60, "mile per hour"),
                                                                   (3.9, None, "second")]


def test_crore_lakh_and_rupee_mark():
    assert _strong("the state will spend Rs 450 crore on roads") == [(4.5e9, None, "INR")]
    assert _strong("about 2.5 lakh pilgrims") == [(2.5e5, None, None)]
    assert _strong("a fine of Rs. 20,000") == [(20000, None, "INR")]


def test_contrast_pair_lends_the_second_noun_to_the_first(nlp, make_article):
    figs = _figs(nlp, make_article, "Ohio logged 4,120 while Kentucky recorded 3,870 tornado warnings.")
    assert figs["4,120"].counts == "tornado warning"


def test_age_between_name_and_verb(nlp, make_article):
    figs = _figs(nlp, make_article, "Captain Maria Olsen 52 has flown the route for a decade.")
    assert figs["52"].unit == "year of age"


def test_spelled_out_measure_compounds_stay_but_time_spans_go():
    assert _strong("a four-cylinder engine") == [(4, None, "cylinder")]
    assert _strong("a ten-year bond") == []


def test_nationality_is_kept_in_the_counted_noun(nlp, make_article):
    figs = _figs(nlp, make_article, "The survey covered nine African countries.")
    assert figs["nine"].counts == "african country"


def test_rates_on_counted_things(nlp, make_article):
    figs = _figs(nlp, make_article, "The clinic treats 1,200 patients a day. "
                 "Police logged 31 car thefts, against an average of 25 per week last year.")
    assert figs["1,200"].counts == "patient per day"
    assert figs["25"].counts == "car theft per week"


def test_newton_metres_and_nanometres():
    assert _strong("the motor makes 350Nm of torque") == [(350, None, "newton metre")]
    assert _strong("a 5nm chip") == [(5, None, "nanometre")]


def test_korean_won_taiwan_dollar_and_kenyan_shilling():
    assert _strong("an investment of 5 trillion won") == [(5e12, None, "KRW")]
    assert _strong("profit of NT$30 billion") == [(3e10, None, "TWD")]
    assert _strong("a loan of KSh50 billion") == [(5e10, None, "KES")]


@pytest.mark.parametrize("text", [
    "The bill passed on a 52-48 vote.",
    "The 76ers won at home.",
    "The hotline runs 24/7 now.",
])
def test_tallies_team_names_and_slashed_codes_are_not_figures(text):
    assert _strong(text) == []


def test_a_name_and_number_opening_a_sentence(nlp, make_article):
    figs = _figs(nlp, make_article, "Apollo 11 landed in 1969. About 400 people watched.")
    assert "11" not in figs
    assert figs["400"].counts == "people"


def test_age_after_be_with_a_person_subject(nlp, make_article):
    text = "She will be 61 in March. The reading was 61 at noon."
    figs = extract_figures(nlp(text), make_article(text))
    assert [f.unit for f in figs] == ["year of age", None]


def test_number_after_or_counts_the_noun_before(nlp, make_article):
    text = "The club may sign a striker or two. The repairs take a week or two."
    figs = extract_figures(nlp(text), make_article(text))
    assert [(f.value, f.counts, f.unit) for f in figs] == [(2, "striker", None), (2, None, "week")]
