"""Event dates from time expressions: clause first, then sentence, then the previous sentence, then
the publication date (marked), and null without a publication date."""

from __future__ import annotations

from newsledger.extract.dating import assign_date
from newsledger.extract.times import extract_times
from newsledger.models import EventMention


def mention(text: str, trigger: str, sentence: str, clause: str | None = None) -> EventMention:
    """An event mention whose trigger, sentence and clause are located by their words in `text`."""
    s = text.index(sentence)
    c = text.index(clause, s) if clause else s
    t = text.index(trigger, s)
    return EventMention(article_id="a1", event_type="ASSAULT", mode=None, actor=[], recipient=[],
                        modality="asserted", trigger=trigger, trigger_start=t, trigger_end=t + len(trigger),
                        sentence=sentence, sent_start=s, sent_end=s + len(sentence), clause_start=c,
                        clause_end=c + len(clause or sentence))


def dated(article, m: EventMention) -> EventMention:
    assign_date(m, extract_times(article), article)
    return m


def test_expression_in_clause(make_article):
    text = "Russian forces shelled Kharkiv on Sunday, officials said."
    m = dated(make_article(text), mention(text, "shelled", text))
    assert (m.date, m.date_precision, m.date_text) == ("2022-10-02", "day", "Sunday")


def test_clause_beats_the_rest_of_the_sentence(make_article):
    text = "After talks on Friday failed, troops attacked Lyman on Sunday."
    m = dated(make_article(text), mention(text, "attacked", text, clause="troops attacked Lyman on Sunday"))
    assert m.date == "2022-10-02" and m.date_text == "Sunday"


def test_sentence_when_clause_has_none(make_article):
    text = "On Saturday, officials said troops shelled the bridge."
    m = dated(make_article(text), mention(text, "shelled", text, clause="troops shelled the bridge"))
    assert (m.date, m.date_text, m.date_reason) == ("2022-10-01", "Saturday", "sentence")


def test_the_day_before_chain_from_previous_sentence(make_article):
    text = "Troops entered Lyman on Sunday. The day before, artillery pounded the town."
    second = "The day before, artillery pounded the town."
    m = dated(make_article(text), mention(text, "pounded", second))
    assert (m.date, m.date_text) == ("2022-10-01", "The day before")


def test_undated_sentence_inherits_previous_sentence_date(make_article):
    text = "Troops entered Lyman on Sunday. They raised a flag over the council building."
    second = "They raised a flag over the council building."
    m = dated(make_article(text), mention(text, "raised", second))
    assert (m.date, m.date_text, m.date_reason) == ("2022-10-02", "Sunday", "previous sentence")


def test_durations_do_not_date_events_and_publication_fallback_is_marked(make_article):
    text = "The garrison fought for three days."
    m = dated(make_article(text), mention(text, "fought", text))
    assert (m.date, m.date_precision, m.date_text) == ("2022-10-03", "publication", None)
    assert "publication" in (m.date_reason or "")


def test_week_precision_is_kept(make_article):
    text = "Rebels seized the airport last week."
    m = dated(make_article(text), mention(text, "seized", text))
    assert (m.date, m.date_precision) == ("2022-09-26", "week")


def test_year_boundary(make_article):
    text = "Drones struck the power plant on Friday."
    m = dated(make_article(text, published="2023-01-02"), mention(text, "struck", text))
    assert m.date == "2022-12-30"


def test_no_publication_date_and_no_expression_is_null_with_reason(make_article):
    text = "Protesters blocked the main road."
    m = dated(make_article(text, published=None), mention(text, "blocked", text))
    assert m.date is None and m.date_precision is None and m.date_reason


def test_no_publication_date_relative_expression_stays_null(make_article):
    text = "Protesters blocked the main road on Sunday."
    m = dated(make_article(text, published=None), mention(text, "blocked", text))
    assert (m.date, m.date_text) == (None, "Sunday")
    assert m.date_reason


def test_no_publication_date_absolute_expression_dates_event(make_article):
    text = "Protesters blocked the main road on 2 October 2022."
    m = dated(make_article(text, published=None), mention(text, "blocked", text))
    assert (m.date, m.date_precision) == ("2022-10-02", "day")


def test_date_of_the_report_is_marked(make_article):
    text = "The ministry said on Monday its troops had withdrawn from the village."
    clause = "its troops had withdrawn from the village"
    m = dated(make_article(text), mention(text, "withdrawn", text, clause=clause))
    assert m.date == "2022-10-03" and "reported" in (m.date_reason or "")


def test_decade_leaves_date_null_with_reason(make_article):
    text = "Militias controlled the valley in the 1990s."
    m = dated(make_article(text), mention(text, "controlled", text))
    assert (m.date, m.date_text) == (None, "the 1990s") and "calendar" in (m.date_reason or "")


def test_future_date_is_not_inherited(make_article):
    text = "Talks are set for Friday. Shelling went on near the port."
    second = "Shelling went on near the port."
    m = dated(make_article(text), mention(text, "Shelling", second))
    assert (m.date, m.date_precision) == ("2022-10-03", "publication")


def test_wire_dateline_does_not_date_the_lead_event() -> None:
    from datetime import datetime

    from newsledger.extract.dating import assign_date
    from newsledger.models import Article, EventMention
    from newsledger.resolve.timex import find_timexes

    text = ("KHARKIV, May 3 (Test Wire) - Ukrainian troops retook the village of Ruska Lozova on Sunday, "
            "the regional governor said.")
    art = Article(article_id="d1", text=text, published=datetime(2022, 5, 3, 9, 0))
    start = text.index("retook")
    m = EventMention(article_id="d1", event_type="ASSAULT", mode=None, actor=[], recipient=[],
                     modality="reported", trigger="retook", trigger_start=start, trigger_end=start + 6,
                     sentence=text, sent_start=0, sent_end=len(text), clause_start=0, clause_end=len(text))
    assign_date(m, find_timexes(text, art.published), art)
    assert m.date == "2022-05-01" and m.date_text == "Sunday"


def test_days_later_dates_the_event_although_valued_as_a_duration(make_article):
    text = "Troops entered Lyman on Sunday. Three days later, they crossed the river."
    second = "Three days later, they crossed the river."
    m = dated(make_article(text), mention(text, "crossed", second))
    assert (m.date, m.date_precision, m.date_text) == ("2022-10-05", "day", "Three days later")
