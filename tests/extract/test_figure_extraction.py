"""Figures: values, ranges, bounds, spelled-out numbers, money, percent, counted nouns, claims."""

from __future__ import annotations

import pytest

from newsledger.extract.figure_numbers import find_numbers
from newsledger.extract.figures import extract_figures
from newsledger.extract.quotes import extract_quotes


@pytest.mark.parametrize("text, value, value_max, bound, unit", [
    ("an estimated 80,000 casualties", 80_000, None, "approximate", None),
    ("as many as 300,000 people", 300_000, None, "at_most", None),
    ("more than 1,000 cases", 1_000, None, "at_least", None),
    ("two dozen soldiers", 24, None, "exact", None),
    ("four to five thousand people", 4_000, 5_000, "range", None),
    ("between $3 million and $4 million", 3e6, 4e6, "range", "USD"),
    ("a rise of 7.5%", 7.5, None, "exact", "percentage"),
    ("fell 0.65 per cent", 0.65, None, "exact", "percentage"),
    ("a €4m grant", 4e6, None, "exact", "EUR"),
    ("a 27-year-old driver", 27, None, "exact", "year of age"),
    ("a 90 km march", 90, None, "exact", "kilometre"),
    ("tens of thousands of refugees", 10_000, 100_000, "range", None),
    ("nearly two-thirds of the voters", 2 / 3, None, "at_most", "fraction"),
    ("one in five adults", 0.2, None, "exact", "fraction"),
])
def test_find_numbers(text, value, value_max, bound, unit):
    nums = find_numbers(text)
    assert len(nums) == 1
    n = nums[0]
    assert n.value == pytest.approx(value)
    assert n.value_max == (pytest.approx(value_max) if value_max else None)
    assert n.bound == bound
    assert n.unit == unit


@pytest.mark.parametrize("text", [
    "The talks began on July 4 in Geneva.",
    "The meeting starts at 12:30 in the hall.",
    "F-35 jets flew over the base.",
    "The match ended 2-2 on aggregate.",
    "It was his 3rd visit in the 1990s.",
])
def test_dates_times_names_scores_are_not_figures(text):
    assert all(n.weak for n in find_numbers(text))


def test_figures_with_counts_subject_and_claim(nlp, make_article):
    text = ("“We have recorded more than 1,000 cases,” the health minister, Maria Lopez, said. "
            "Russia's army lost two dozen tanks near the city of 22,000 in 2022.")
    art = make_article(text)
    doc = nlp(text)
    quotes = extract_quotes(doc, art)
    figs = {f.text: f for f in extract_figures(doc, art, quotes)}
    assert "2022" not in figs
    cases = figs["1,000"]
    assert cases.counts == "case" and cases.bound == "at_least"
    assert cases.claimed_by == "Maria Lopez"
    tanks = figs["two dozen"]
    assert tanks.value == 24 and tanks.counts == "tank"
    assert tanks.subject is not None and "Russia" in tanks.subject
    assert figs["22,000"].subject == "city"


@pytest.mark.parametrize("text, value, value_max, unit", [
    ("prices fell from $2,415 to $2,315", 2415, 2315, "USD"),
    ("worth $US55 million", 55e6, None, "USD"),
    ("a profit of Y=590 billion", 590e9, None, "JPY"),
    ("oil at $52 a barrel", 52, None, "USD per barrel"),
    ("rose from 5% to 10%", 5, 10, "percentage"),
    ("a loss of minus-5 yards", -5, None, "yard"),
])
def test_find_numbers_money_ranges_and_signs(text, value, value_max, unit):
    nums = [n for n in find_numbers(text) if not n.weak]
    assert len(nums) == 1
    assert nums[0].value == pytest.approx(value)
    assert nums[0].value_max == (pytest.approx(value_max) if value_max else None)
    assert nums[0].unit == unit


def test_rise_to_level_are_two_figures():
    nums = find_numbers("The index rose 64 points to 4,577.")
    assert [(n.value, n.unit) for n in nums] == [(64, "point"), (4577, "point")]


def test_scientific_notation_time_zones_and_fractions():
    sci = [n for n in find_numbers("light travels at 2.998×10^8 metres per second") if not n.weak]
    assert len(sci) == 1 and sci[0].value == pytest.approx(2.998e8)
    assert find_numbers("the strike came at 0401 GMT on Friday") == []
    thirds = find_numbers("a third of the 900 residents left")
    assert thirds[0].unit == "fraction" and thirds[0].value == pytest.approx(1 / 3)
    assert thirds[1].value == 900
