"""Span finding and anchoring rules of resolve.timex, one test per rule, on sentences we wrote."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsledger.resolve.timex import find_timexes

MONDAY = date(2022, 10, 3)  # a Monday in ISO week 40


def one(text: str, anchor=MONDAY):
    found = find_timexes(text, anchor)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def values(text: str, anchor=MONDAY) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_timexes(text, anchor)]


def test_absolute_day_month_year():
    t = one("The ceasefire was signed on 2 October 2022 in Minsk.")
    assert (t.text, t.value, t.date, t.precision, t.type) == ("2 October 2022", "2022-10-02", "2022-10-02",
                                                              "day", "DATE")
    assert t.text == "The ceasefire was signed on 2 October 2022 in Minsk."[t.start:t.end]


def test_month_day_year_us_style():
    assert one("Talks resumed Oct. 23, 1998, in Geneva.").value == "1998-10-23"


def test_weekday_prefers_past_in_past_reporting():
    t = one("Russian forces shelled Kharkiv on Sunday, officials said.")
    assert (t.value, t.precision) == ("2022-10-02", "day")


def test_weekday_same_day_is_today():
    assert one("The minister resigned on Monday.").value == "2022-10-03"


def test_weekday_future_when_future_tense():
    assert one("The delegations will meet again on Friday in Istanbul.").value == "2022-10-07"


def test_weekday_after_reporting_verb_is_past_even_with_future_clause():
    assert values("The ministry said on Friday that troops will withdraw.")[0] == ("Friday", "2022-09-30")


def test_year_boundary_friday_from_january():
    # published Monday 2 January 2023: "on Friday" is 30 December 2022
    assert one("Drones hit the power plant on Friday.", date(2023, 1, 2)).value == "2022-12-30"


def test_year_boundary_month_day_without_year():
    assert one("The blockade began on Dec. 28.", date(2023, 1, 2)).value == "2022-12-28"


def test_last_month_across_new_year():
    assert one("Exports fell last month.", date(2023, 1, 2)).value == "2022-12"


def test_the_day_before_counts_from_previous_anchored_date():
    found = find_timexes("Troops entered Lyman on Sunday. The day before, artillery hit the town.", MONDAY)
    assert [(t.text, t.value) for t in found] == [("Sunday", "2022-10-02"), ("The day before", "2022-10-01")]


def test_the_next_day_counts_from_previous_anchored_date():
    found = values("Police arrived on Sept. 20. The next day, protesters returned.")
    assert found == [("Sept. 20", "2022-09-20"), ("The next day", "2022-09-21")]


def test_days_ago():
    t = one("The convoy left 4 days ago.")
    assert (t.value, t.date, t.precision) == ("2022-09-29", "2022-09-29", "day")


def test_last_week_is_previous_iso_week():
    t = one("Shelling intensified last week.")
    assert (t.value, t.date, t.precision) == ("2022-W39", "2022-09-26", "week")


def test_earlier_this_year():
    t = one("Prices doubled earlier this year.")
    assert (t.value, t.precision) == ("2022", "year")


def test_clock_times_with_zone_in_brackets():
    found = find_timexes("The blast happened at 12:30pm (09:30 GMT) near the station.", MONDAY)
    assert [(t.text, t.type, t.value) for t in found] == [("12:30pm", "TIME", "2022-10-03T12:30"),
                                                          ("09:30 GMT", "TIME", "2022-10-03T09:30")]


def test_clock_with_following_day_is_one_expression():
    assert values("The curfew starts at 10 p.m. Friday.") == [("10 p.m. Friday", "2022-09-30T22:00")]


@pytest.mark.parametrize("text,value", [
    ("The siege lasted four days.", "P4D"),
    ("They talked for 16 hours.", "PT16H"),
    ("The two-year programme ended.", "P2Y"),
    ("It took 2 1/2 hours to cross.", "PT2H30M"),
])
def test_durations(text, value):
    t = one(text)
    assert (t.type, t.value, t.date) == ("DURATION", value, None)


def test_present_ref():
    t = one("The city is now under curfew.")
    assert (t.value, t.date) == ("PRESENT_REF", "2022-10-03")


def test_sets():
    assert values("Patrols run every week and convoys leave daily.") == [("every week", "P1W"),
                                                                          ("daily", "P1D")]


def test_quarter_defaults_to_the_latest_past_one():
    t = one("Third-quarter profit fell 5%.", date(1989, 11, 2))
    assert (t.value, t.precision) == ("1989-Q3", "quarter")


def test_decade_and_month_year():
    assert values("Unrest in the 1990s returned in March 2014.") == [("the 1990s", "199"),
                                                                      ("March 2014", "2014-03")]


def test_counts_and_ages_are_not_times():
    assert values("Some 2000 troops and a 6-year-old boy were evacuated.") == []


def test_may_as_modal_is_not_a_month():
    assert values("Officials may resume talks. Elections were held in May.") == [("May", "2022-05")]


def test_bare_month_looks_forward_in_future_tense():
    assert values("Elections are due in May.") == [("May", "2023-05")]


def test_datetime_anchor_is_accepted():
    assert one("Troops withdrew yesterday.", datetime(2022, 10, 3, 14, 5)).value == "2022-10-02"


def test_no_anchor_only_absolute_expressions_get_values():
    found = find_timexes("On 2 October 2022 the army took Lyman. The day before, shelling hit Kupiansk "
                         "on Friday.", None)
    got = {t.text: t for t in found}
    assert got["2 October 2022"].value == "2022-10-02"
    assert got["The day before"].value == "2022-10-01"  # counted from the absolute date, not guessed
    assert got["Friday"].value is None and got["Friday"].reason


def test_no_anchor_month_day_without_year_is_null():
    t = one("The strike began on Dec. 28.", None)
    assert t.value is None and t.date is None and "publication" in (t.reason or "")


def test_empty_text():
    assert find_timexes("", MONDAY) == []


def test_numeric_european_date_via_dateparser():
    assert values("The decree of 02.10.2022 took effect. Version 1.2.3 shipped.") == [("02.10.2022",
                                                                                        "2022-10-02")]


def test_weekday_with_date_is_one_expression():
    assert values("Voting ended on Sunday, Oct. 2, officials said.") == [("Sunday, Oct. 2", "2022-10-02")]


def test_mid_month_modifier_in_span():
    assert values("Fighting resumed in mid-September.") == [("mid-September", "2022-09")]


def test_a_year_earlier_keeps_quarter_under_discussion():
    found = values("Third-quarter sales rose 4% from a year earlier.", date(1989, 11, 2))
    assert found == [("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_past_tense_month_day_stays_in_the_past():
    # 221 days back is nearer as next year's date, but the verb is past tense
    assert values("Russia launched the invasion on Feb. 24.") == [("Feb. 24", "2022-02-24")]


def test_sentence_bounds_skip_abbreviations():
    from newsledger.resolve.timex import sentence_bounds

    text = "Talks began Oct. 23 in Geneva. Mr. Smith left."
    got = [text[a:b] for a, b in sentence_bounds(text)]
    assert got == ["Talks began Oct. 23 in Geneva.", "Mr. Smith left."]


def test_scheduled_for_weekday_is_future():
    assert values("Talks are set for Friday.") == [("Friday", "2022-10-07")]
