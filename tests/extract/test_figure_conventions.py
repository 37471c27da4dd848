"""Figures: rates, lossy unit spellings, multiples, labels and index names, counted-noun phrases."""

from __future__ import annotations

import pytest

from newsledger.extract.figure_numbers import find_numbers
from newsledger.extract.figures import extract_figures


def _strong(text: str) -> list[tuple[float, str | None]]:
    return [(n.value, n.unit) for n in find_numbers(text) if not n.weak]


@pytest.mark.parametrize("text, value, unit", [
    ("rents reached $95 per sq m in the port", 95, "USD per square metre"),
    ("fees rise by up to £30 a-year from May", 30, "GBP per year"),
    ("gas futures settled at US$3.10 per mmBTU", 3.10, "USD per mega british thermal unit"),
    ("lamb sold for $12 a kilogram", 12, "USD per kilogram"),
    ("the mercury hit 95degF on Monday", 95, "fahrenheit"),
    ("a low of 3deg C overnight", 3, "celsius"),
    ("the rotor turns 1,200 times a minute", 1200, "count per minute"),
    ("the patrol boat made 30 kt", 30, "knot"),
    ("the drill took 12 min", 12, "minute"),
    ("the tank holds 40 cubic feet", 40, "cubic foot"),
])
def test_units_and_rates(text, value, unit):
    nums = _strong(text)
    assert len(nums) == 1
    assert nums[0][0] == pytest.approx(value)
    assert nums[0][1] == unit


def test_rate_after_an_aside_in_brackets_keeps_the_aside():
    text = "The bid of C$8 (US$5.90) per share was accepted."
    nums = find_numbers(text)
    assert [(n.value, n.unit) for n in nums] == [(8, "CAD per share"), (5.90, "USD")]
    assert text[nums[0].start:nums[0].end] == "C$8"


def test_multiples_are_counts():
    assert _strong("exports grew fivefold last year") == [(5, "count")]
    assert _strong("the probe circled the moon more than 1,400 times") == [(1400, "count")]
    assert _strong("a 3-fold increase") == [(3, "count")]


@pytest.mark.parametrize("text", [
    "A category 3 storm hit the coast.",
    "Patients with type 2 diabetes were enrolled.",
    "The vaccine entered phase 3 trials.",
    "The S&P 500 closed higher.",
    "the sp 500 closed higher and the Stoxx 50 slipped.",
])
def test_labels_and_index_names_are_not_figures(text):
    assert _strong(text) == []


def test_index_move_is_still_a_figure_and_far_years_are_years():
    assert _strong("the FTSE 100 fell 45 points") == [(45, "point")]
    assert _strong("seas could rise 2 feet by 2150") == [(2, "foot")]
    assert _strong("He sold 12 E 64th St for $5m.") == [(5e6, "USD")]


def _figs(nlp, make_article, text: str) -> dict[str, object]:
    art = make_article(text)
    return {f.text: f for f in extract_figures(nlp(text), art)}


def test_counted_noun_keeps_its_modifiers(nlp, make_article):
    figs = _figs(nlp, make_article, "The council will rebuild 2,400 public housing units, "
                 "and the firm plans thousands of job cuts across 300 Ford and Toyota dealers.")
    assert figs["2,400"].counts == "public housing unit"
    assert figs["thousands"].counts == "job cut"
    assert figs["300"].counts == "ford toyota dealer"


def test_counted_noun_far_from_number_and_nationality_is_also_subject(nlp, make_article):
    figs = _figs(nlp, make_article, "Officials said about 12 large coal-fired power stations would close. "
                 "Some 400 Russian soldiers crossed the river.")
    assert figs["12"].counts == "large coal-fired power station"
    # NewsQuant keeps the nationality in the unit ("european country"); it is the subject as well
    assert figs["400"].counts == "russian soldier" and figs["400"].subject == "Russian"


def test_share_noun_through_a_determiner_and_unit_noun_after_modifier(nlp, make_article):
    figs = _figs(nlp, make_article, "Half the ballots were spoiled after 40 consecutive days of rain.")
    assert figs["Half"].unit == "fraction" and figs["Half"].counts == "ballot"
    assert figs["40"].unit == "day" and figs["40"].counts is None


def test_own_noun_beats_a_borrowed_unit(nlp, make_article):
    figs = _figs(nlp, make_article, "He ran for 120 yards and 3 touchdowns in the opener.")
    assert figs["120 yards"].unit == "yard"
    three = figs["3"]
    assert three.unit is None and three.counts == "touchdown"


def test_a_bare_figure_borrows_the_unit_of_its_parallel(nlp, make_article):
    figs = _figs(nlp, make_article, "Exports rose 6 percent in May, but imports fell by 2. "
                 "Some 1.5 million people fled in the first 100 days, while 300,000 returned. "
                 "Sales reached 3.1 billion shekels ($850 million) and profit 95 million.")
    assert figs["2"].unit == "percentage"
    assert figs["300,000"].counts == "people" and figs["300,000"].unit is None
    assert figs["95 million"].unit == "ILS"


def test_no_borrowing_across_sentences_or_from_far_values(nlp, make_article):
    figs = _figs(nlp, make_article, "The ceasefire held for 30 days. Then 4,000 left.")
    assert figs["4,000"].unit is None


def test_partitive_of_stops_at_a_pronoun(nlp, make_article):
    figs = _figs(nlp, make_article, "Air defences downed 38 of them, the air force said.")
    assert figs["38"].counts != "air force"


@pytest.mark.parametrize("text, value, unit", [
    ("women aged 40 were invited", 40, "year of age"),
    ("she retired at the age of 67", 67, "year of age"),
    ("a loan of 5 billion naira", 5e9, "NGN"),
    ("exports worth 2 billion zlotys", 2e9, "PLN"),
    ("a 1.2 TWh battery plant", 1.2, "terawatt hour"),
    ("586 lb-ft of torque", 586, "foot pound-force"),
])
def test_ages_currencies_and_more_units(text, value, unit):
    assert _strong(text) == [(pytest.approx(value), unit)]


def test_from_x_to_y_with_words_between_is_a_range():
    nums = [n for n in find_numbers("Gold slid from $1,950 on Monday to $1,870 by Friday.") if not n.weak]
    assert [(n.value, n.value_max, n.unit, n.bound) for n in nums] == [(1950, 1870, "USD", "range")]
    two = _strong("Yields rose from 3% in May to 40 points in June.")
    assert len(two) == 2  # different units: two figures
    sep = _strong("Sales rose from $5m in March. To everyone's surprise 300 units sold.")
    assert sep[0] == (5e6, "USD")
