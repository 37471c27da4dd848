"""Round 3 of the time expression rules: parts of day, halves, "soon", discourse "now", clock words, holidays,
days counted from a named day, and tense cues. Sentences we wrote in wire style."""

from __future__ import annotations

from datetime import date

from newsledger.resolve.timex import find_timexes, looks_ahead, sentence_bounds

MONDAY = date(2022, 10, 3)
THURSDAY_1989 = date(1989, 11, 2)


def values(text: str, anchor: date | None = MONDAY) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, anchor)]


def test_weekday_evening_carries_the_part_of_day_and_keeps_the_day():
    found = find_timexes("Rebels shelled the port on Saturday evening, officials said.", MONDAY)
    assert [(t.text, t.type, t.value, t.date, t.precision) for t in found] == [
        ("Saturday evening", "TIME", "2022-10-01TEV", "2022-10-01", "time")]


def test_weekday_night_and_morning_stay_the_day():
    assert values("Rebels shelled the port on Saturday night and Sunday morning.") == [
        ("Saturday night", "DATE", "2022-10-01"), ("Sunday morning", "DATE", "2022-10-02")]


def test_half_of_a_year_and_of_a_decade():
    assert values("Exports will fall in the last half of 2022, as in the first half of the '80s.") == [
        ("the last half of 2022", "DATE", "2022-H2"), ("the first half of the '80s", "DATE", "198")]


def test_soon_is_a_future_reference():
    assert values("The ministry said talks may soon resume.") == [("soon", "DATE", "FUTURE_REF")]


def test_soon_as_signal_or_past_sequence_is_not_a_time():
    text = ("Troops will leave as soon as the ceasefire holds. The mayor was soon released, and the town "
            "fell soon after the bridge was cut.")
    assert values(text) == []


def test_discourse_now_opening_a_sentence_is_not_a_time():
    assert values("The talks failed. Now, he says, war is likely.") == []


def test_now_as_the_present_moment_stays():
    assert values("The talks failed. Now officials fear war. Kyiv now controls the town.") == [
        ("Now", "DATE", "PRESENT_REF"), ("now", "DATE", "PRESENT_REF")]


def test_hour_in_the_morning_or_evening_after_at():
    assert values("The convoy leaves at 4 in the morning and returns at ten in the evening.") == [
        ("4 in the morning", "TIME", "2022-10-03T04:00"), ("ten in the evening", "TIME", "2022-10-03T22:00")]


def test_number_in_the_morning_without_a_preposition_is_not_a_time():
    assert values("Two in the morning shift were hurt.") == [("the morning", "TIME", "2022-10-03TMO")]


def test_election_day_is_the_tuesday_after_the_first_monday_of_november():
    assert values("The campaign runs until Election Day.", date(1998, 10, 26)) == [
        ("Election Day", "DATE", "1998-11-03")]


def test_the_day_before_a_named_day():
    assert values("Crowds gathered the day before Christmas.", date(2022, 12, 28)) == [
        ("the day before Christmas", "DATE", "2022-12-24")]


def test_the_day_after_a_weekday_is_one_expression():
    assert values("Police arrived the day after last Tuesday's raid.", date(2022, 10, 6)) == [
        ("the day after last Tuesday", "DATE", "2022-10-05")]


def test_the_next_morning_is_the_day_after_the_last_day_mentioned():
    assert values("He was arrested on Oct. 5 and appeared in court the next morning.", date(2022, 10, 10)) == [
        ("Oct. 5", "DATE", "2022-10-05"), ("the next morning", "DATE", "2022-10-06")]


def test_participle_after_an_article_is_not_a_past_tense_cue():
    # "the reduced dividend" is an adjective: the date is next year's, within the past-tense look-ahead
    assert values("The reduced dividend is payable Jan. 2 to holders of record.", THURSDAY_1989) == [
        ("Jan. 2", "DATE", "1990-01-02")]


def test_past_verb_right_before_keeps_the_date_behind():
    assert values("In the fiscal year ended Jan. 31, sales rose 5%.", THURSDAY_1989)[-1] == (
        "Jan. 31", "DATE", "1989-01-31")


def test_looks_ahead_helper():
    text = "The fiscal year ended on Jan. 31 and the pact is effective Feb. 1."
    sent = sentence_bounds(text)[0]
    assert not looks_ahead(text, text.index("Jan."), sent)
    assert looks_ahead(text, text.index("Feb."), sent)


def test_forward_word_in_a_past_sentence_reaches_into_next_year():
    assert values("The board created a new office, effective Feb. 1.", date(1989, 10, 26)) == [
        ("Feb. 1", "DATE", "1990-02-01")]


def test_past_event_early_in_the_year_stays_in_the_year():
    # wire style omits the current year: a past event on "Jan. 2" told in December is this year's
    assert values("Protesters gathered in the square Jan. 2, police said.", date(2022, 12, 20)) == [
        ("Jan. 2", "DATE", "2022-01-02")]


def test_set_to_with_a_weekday_looks_ahead():
    assert values("The peace talks, set to resume Monday in Geneva, were delayed.", date(2022, 10, 2)) == [
        ("Monday", "DATE", "2022-10-03")]


def test_day_before_an_event_clause_is_not_counted_from_the_last_date():
    assert values("He was last seen Nov. 3, the day before police issued a warrant.", date(1999, 5, 7)) == [
        ("Nov. 3", "DATE", "1998-11-03")]


def test_year_before_at_the_end_of_a_clause_stays():
    assert values("Revenue fell to $300 million in 1997, from $450 million the year before.") == [
        ("1997", "DATE", "1997"), ("the year before", "DATE", "1996")]


def test_until_weekday_followed_by_past_perfect_is_past():
    assert values("Until Thursday, they had not called him a suspect.", date(1999, 5, 7)) == [
        ("Thursday", "DATE", "1999-05-06")]


def test_until_weekday_in_a_plan_is_future():
    assert values("The curfew stays until Thursday, the mayor said.", date(1999, 5, 7)) == [
        ("Thursday", "DATE", "1999-05-13")]


def test_second_day_of_a_month_day_pair():
    assert values("The summit will be held on April 24 and 25.", date(1999, 2, 10)) == [
        ("April 24", "DATE", "1999-04-24"), ("25", "DATE", "1999-04-25")]


def test_number_after_a_date_and_a_noun_is_not_a_day():
    assert values("Shelling on April 24 and 25 people died.", date(1999, 5, 10)) == [
        ("April 24", "DATE", "1999-04-24")]


def test_period_closing_day_keeps_the_quarter_under_discussion():
    text = ("The company earned $4 million in the fiscal-first quarter ended Sept. 30. It had a net loss of "
            "$2.3 million a year ago.")
    assert values(text, date(1989, 10, 26)) == [
        ("the fiscal-first quarter", "DATE", "1989-Q1"), ("Sept. 30", "DATE", "1989-09-30"),
        ("a year ago", "DATE", "1988-Q1")]


def test_duration_before_a_closing_day_does_not_keep_an_old_year():
    text = "He joined in 1985. For the six months ended Aug. 12, profit fell from $18 million a year earlier."
    assert values(text, date(1989, 10, 26))[-1] == ("a year earlier", "DATE", "1988")


def test_year_naming_an_event_after_of_the():
    assert values("Officials hope to finish by the opening of the 2000 Olympics.", date(1998, 2, 13)) == [
        ("2000", "DATE", "2000")]


def test_count_after_of_the_is_not_a_year():
    assert values("Two of the 1500 delegates walked out.", date(1998, 2, 13)) == []


def test_the_past_before_a_count_is_not_a_past_reference():
    assert values("Marches have caused violence for the past three summers.") == []
    assert values("In the past many residents fled.") == [("the past", "DATE", "PAST_REF")]


def test_first_two_quarters_of_a_year_is_its_first_half():
    assert values("Weak demand will last through the first two quarters of 1990.", THURSDAY_1989) == [
        ("the first two quarters of 1990", "DATE", "1990-H1")]
