"""TimeML conventions of the temporal normaliser: year choice, spans valued as durations, comparisons with
a year earlier, spelled years, titles that are not times, tense cues. Sentences we wrote in wire style."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.resolve.timex import find_timexes

MONDAY = date(2022, 10, 3)
THURSDAY_1989 = date(1989, 11, 2)


def values(text: str, anchor: date | None = MONDAY) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, anchor)]


def test_past_tense_day_a_few_weeks_ahead_stays_in_the_year():
    assert values("The bank set Nov. 10 as the deadline for offers.", THURSDAY_1989) == [
        ("Nov. 10", "DATE", "1989-11-10")]


def test_past_tense_day_months_ahead_is_last_year():
    assert values("The doctor was shot dead at his home on Oct. 23.", date(1999, 5, 6)) == [
        ("Oct. 23", "DATE", "1998-10-23")]


def test_last_with_month_day_is_strictly_before():
    assert values("He was seen in the town last Oct. 5.", MONDAY) == [("last Oct. 5", "DATE", "2021-10-05")]


def test_past_tense_month_just_ahead_stays_in_the_year():
    assert values("The alliance decided to admit the three states in early March.", date(1999, 2, 10)) == [
        ("early March", "DATE", "1999-03")]


def test_days_later_is_a_duration_that_still_lands_on_a_day():
    found = find_timexes("Troops entered Lyman on Sunday. Three days later, they crossed the river.", MONDAY)
    later = found[1]
    assert (later.text, later.type, later.value, later.date, later.precision) == (
        "Three days later", "DURATION", "P3D", "2022-10-05", "day")


def test_the_day_after_counts_from_a_days_later_expression():
    found = values("Police arrived on Sept. 20. Two days later, the crowd returned. The next day, it rained.")
    assert found[-1] == ("The next day", "DATE", "2022-09-23")


def test_vague_amount_later_is_a_vague_duration():
    assert values("A few days later, the company announced lower profit.") == [
        ("A few days later", "DURATION", "PXD")]


def test_many_years_ago_is_a_year_even_after_a_month():
    text = "Sales rose in March. The revolution brought him to power 41 years ago."
    assert values(text, date(2000, 1, 15))[-1] == ("41 years ago", "DATE", "1959")


@pytest.mark.parametrize("text,value", [
    ("A car bomb exploded next to the embassy on Friday.", "2022-09-30"),
    ("The offer had been scheduled to expire at midnight Friday.", "2022-09-30T24:00"),
    ("The bank announced the plan on Friday.", "2022-09-30"),
])
def test_tense_cues_that_are_not_future(text, value):
    assert values(text)[-1][2] == value


def test_month_with_preposition_before_for_is_a_month():
    assert values("She stepped down in March for health reasons.") == [("March", "DATE", "2022-03")]


def test_march_for_a_cause_is_not_a_month():
    assert values("Thousands joined the March for Peace.") == []


@pytest.mark.parametrize("text,value", [
    ("Oil fell to the lows of the winter of nineteen ninety-four.", "1994-WI"),
    ("January nineteen ninety-seven brought another blast.", "1997-01"),
    ("He promised to halve unemployment by the year two thousand.", "2000"),
])
def test_spelled_out_years(text, value):
    assert values(text)[0][2] == value


@pytest.mark.parametrize("text", [
    'The minister spoke on ABC\'s "This Week" programme.',
    "He told CBS's ''60 Minutes'' that the talks failed.",
    "For the city, high noon comes today.",
])
def test_titles_and_idioms_are_not_times(text):
    assert [v for v in values(text) if v[0] != "today"] == []


@pytest.mark.parametrize("text,value", [
    ("Profit fell from the year-ago third quarter.", "1988-Q3"),
    ("Net was $5 million, against $4 million for the corresponding period last year.", "1988-Q3"),
    ("Sales for last year's quarter were $3 million.", "1988-Q3"),
    ("For the quarter a year ago, the bank earned $16 million.", "1988-Q3"),
    ("The group earned $22 million in the year-ago quarter.", "1988-Q3"),
])
def test_a_year_before_the_quarter_under_discussion(text, value):
    assert values(text, THURSDAY_1989)[-1][2] == value


def test_year_ago_period_follows_the_quarter_mentioned_not_a_forecast():
    text = ("Losses will continue through the third quarter of 1990. In the year-ago period, it earned "
            "$1 million.")
    assert values(text, THURSDAY_1989)[-1] == ("the year-ago period", "DATE", "1988-Q3")


def test_year_earlier_span_of_months_is_one_duration():
    assert values("Net for the year-earlier nine months included a gain.", THURSDAY_1989) == [
        ("the year-earlier nine months", "DURATION", "P9M")]


@pytest.mark.parametrize("text,expected", [
    ("Marchers parade through the town each July.", ("each July", "SET", "XXXX-07")),
    ("The case goes to court the week of March 6.", ("the week of March 6", "DATE", "2023-W10")),
    ("Hate groups declined through the nineties.", ("the nineties", "DATE", "199")),
    ("They emerged from a day-long meeting.", ("a day-long", "DURATION", "P1D")),
    ("The decades-long feud goes on.", ("decades-long", "DURATION", "PXY")),
    ("The plant will close by year end.", ("year end", "DATE", "2022")),
    ("The ceasefire will hold for two more weeks.", ("two more weeks", "DURATION", "P2W")),
    ("It has been that way for almost a hundred years.", ("almost a hundred years", "DURATION", "P100Y")),
    ("Over the next couple of years, prices will rise.", ("the next couple of years", "DURATION", "P2Y")),
    ("Growth will slow in the near term.", ("the near term", "DATE", "FUTURE_REF")),
    ("Orders recovered from the early summer.", ("the early summer", "DATE", "2022-SU")),
    ("Sales for the full year rose 13%.", ("the full year", "DATE", "2022")),
])
def test_phrases(text, expected):
    assert values(text)[-1] == expected


def test_part_of_day_with_its_day():
    assert values("In London at mid-afternoon yesterday, the shares were up.", THURSDAY_1989) == [
        ("mid-afternoon yesterday", "TIME", "1989-11-01TAF")]


def test_previous_weekday_counts_from_the_day_mentioned():
    text = "The index closed at 2,082 on Friday, down 4.5% from the previous Friday."
    assert values(text, date(1989, 10, 30)) == [("Friday", "DATE", "1989-10-27"),
                                                ("the previous Friday", "DATE", "1989-10-20")]


def test_that_quarter_is_the_quarter_mentioned():
    text = "Net rose in the second quarter of 1988. Results for that quarter included a charge."
    assert values(text, THURSDAY_1989)[-1] == ("that quarter", "DATE", "1988-Q2")


def test_without_anchor_days_later_counts_from_an_absolute_date():
    found = find_timexes("On 2 October 2022 the army took Lyman. Two days later, it moved east.", None)
    assert [(t.value, t.date) for t in found] == [("2022-10-02", "2022-10-02"), ("P2D", "2022-10-04")]


def test_a_day_later_than_is_a_difference_not_a_date():
    found = find_timexes("Troops cleared the town on Sunday, a day later than the ministry said.", MONDAY)
    later = found[1]
    assert (later.type, later.value, later.date) == ("DURATION", "P1D", None) and later.reason
