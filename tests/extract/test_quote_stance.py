"""Stance and intent attributions: objects, infinitives, prepositions, owners, titles, split quotes."""

from __future__ import annotations

from newsledger.extract.quotes import extract_quotes

TEXT = (
    "Senator Maria Lopez endorsed Governor Tomas Berg on Monday.\n\n"
    "Berg wants a new bridge over the river and plans to raise the fuel tax.\n\n"
    "The mayor talked about the flooding. She did not comment on the budget.\n\n"
    "Lopez's criticism of the port authority drew a sharp reply.\n\n"
    "In the latest poll, Berg leads his rival by six points.\n"
)


def _quotes(nlp, make_article, text):
    art = make_article(text)
    return extract_quotes(nlp(text), art)


def _find(quotes, text):
    return next(q for q in quotes if q.text == text)


def test_object_of_an_attitude_verb(nlp, make_article):
    quotes = _quotes(nlp, make_article, TEXT)
    q = _find(quotes, "Governor Tomas Berg")
    assert q.kind == "stance" and q.cue == "endorsed"
    assert q.speaker == "Maria Lopez"


def test_object_and_infinitive_of_intent(nlp, make_article):
    quotes = _quotes(nlp, make_article, TEXT)
    wall = _find(quotes, "a new bridge over the river")
    assert wall.kind == "stance" and wall.speaker == "Tomas Berg"
    tax = _find(quotes, "to raise the fuel tax")
    assert tax.cue == "plans" and tax.speaker == "Tomas Berg"


def test_prepositional_topic_and_negation_kept_in_cue(nlp, make_article):
    quotes = _quotes(nlp, make_article, TEXT)
    assert _find(quotes, "the flooding").cue == "talked about"
    budget = _find(quotes, "the budget")
    assert budget.cue is not None and "not" in budget.cue.split()


def test_noun_with_owner(nlp, make_article):
    quotes = _quotes(nlp, make_article, TEXT)
    q = _find(quotes, "the port authority")
    assert q.kind == "stance" and q.speaker == "Maria Lopez"


def test_poll_speaks_for_the_sentence(nlp, make_article):
    quotes = _quotes(nlp, make_article, TEXT)
    q = next(q for q in quotes if q.cue and q.cue.startswith("in poll"))
    assert q.text.startswith("Berg leads his rival")
    assert q.kind == "indirect"


def test_no_stance_in_a_question_or_without_a_holder(nlp, make_article):
    text = "Would you support a new bridge?\n\nSupporting the bridge became popular.\n"
    quotes = _quotes(nlp, make_article, text)
    assert not [q for q in quotes if q.kind == "stance"]


def test_titles_are_not_quotes(nlp, make_article):
    text = ("Lopez will appear on “Meet the Press Tonight With Ann Ward” on Sunday.\n\n"
            "Her new book, “The Bridge Over Troubled Water,” came out in May, Lopez said.\n")
    quotes = _quotes(nlp, make_article, text)
    assert not [q for q in quotes if q.kind == "direct"]


def test_split_quote_with_long_apposition_is_one_quote(nlp, make_article):
    text = ("“The water is rising,” said Tomas Berg, the governor of the northern province who "
            "took office last spring after a long campaign. “We need the bridge now.”\n")
    quotes = _quotes(nlp, make_article, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text == "The water is rising, We need the bridge now."
    assert direct[0].speaker == "Tomas Berg"


def test_quote_running_over_paragraphs_is_one_quote(nlp, make_article):
    text = ("“The water is rising,” Berg said. “We need the bridge now.”\n\n"
            "“And we need it before the winter comes back to the valley.”\n")
    quotes = _quotes(nlp, make_article, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].text.endswith("back to the valley.")


def test_whoever_issues_a_statement_speaks(nlp, make_article):
    text = "Governor Tomas Berg issued a statement saying that the bridge would reopen on Friday.\n"
    quotes = _quotes(nlp, make_article, text)
    q = next(q for q in quotes if q.text.startswith("that the bridge would reopen"))
    assert q.speaker == "Tomas Berg"


def test_stance_inside_a_report_is_part_of_it(nlp, make_article):
    text = "Officials said that Berg wants a new bridge over the river.\n"
    quotes = _quotes(nlp, make_article, text)
    assert [q.cue for q in quotes] == ["said"]
