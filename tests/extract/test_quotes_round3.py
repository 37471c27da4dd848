"""Attributions by clause shape: thought clauses, evaluative adjectives, documents that show, misread
that-clauses, and cues that report a clause of their own next to a quote."""

from __future__ import annotations

from newsledger.extract.attribution_clauses import misread_clause
from newsledger.extract.quotes import extract_quotes


def _quotes(nlp, make_article, text):
    return extract_quotes(nlp(text), make_article(text))


def _by_text(quotes, start):
    return next(q for q in quotes if q.text.startswith(start))


def test_any_verb_of_a_named_holder_with_a_that_clause(nlp, make_article):
    text = ("Senator Maria Lopez noticed that the river had risen overnight.\n\n"
            "Mayor Ana Ruiz questioned whether the dam could hold another week of rain.\n")
    quotes = _quotes(nlp, make_article, text)
    q = _by_text(quotes, "that the river had risen")
    assert q.kind == "indirect" and q.cue == "noticed" and q.speaker == "Maria Lopez"
    assert "Ana Ruiz" in (_by_text(quotes, "whether the dam could hold").speaker or "")


def test_a_cause_is_not_a_thought(nlp, make_article):
    text = "The storm made sure that the roads stayed closed.\n"
    assert _quotes(nlp, make_article, text) == []


def test_evaluative_adjectives(nlp, make_article):
    text = ("Senator Maria Lopez was critical of the port authority.\n\n"
            "Governor Tomas Berg is eager to rebuild the bridge.\n")
    quotes = _quotes(nlp, make_article, text)
    port = _by_text(quotes, "the port authority")
    assert port.kind == "stance" and port.cue == "critical of" and port.speaker == "Maria Lopez"
    bridge = _by_text(quotes, "to rebuild the bridge")
    assert bridge.kind == "stance" and bridge.speaker == "Tomas Berg"


def test_a_survey_shows(nlp, make_article):
    text = "The latest survey showed a tight race in the northern province.\n"
    q = _by_text(_quotes(nlp, make_article, text), "a tight race")
    assert q.kind == "indirect" and q.cue == "showed"


def test_that_clause_hung_on_the_wrong_word(nlp, make_article):
    text = ("Governor Tomas Berg said on Friday during a news conference that he may wait until "
            "spring to decide.\n")
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    clause = misread_clause(said)
    # whether the parser gets it right or not, the clause is what was said
    assert clause is None or clause.text == "wait"
    q = _by_text(extract_quotes(doc, make_article(text)), "that he may wait until spring")
    assert q.cue == "said" and q.speaker == "Tomas Berg"


def test_verb_with_a_clause_of_its_own_is_not_the_cue_of_the_quote_before(nlp, make_article):
    text = ("Senator Maria Lopez told supporters that “the bridge will stand.” She says the vote "
            "will come next week.\n")
    q = _by_text(_quotes(nlp, make_article, text), "the vote will come next week")
    assert q.cue == "says" and q.speaker == "Maria Lopez"


def test_cue_gap_with_its_own_report_parts_two_quotes(nlp, make_article):
    text = ("“The water is rising,” Lopez said, adding that the governor would visit on Friday. "
            "“We need the bridge now.”\n")
    quotes = _quotes(nlp, make_article, text)
    assert _by_text(quotes, "that the governor would visit").cue == "adding"
    first = _by_text(quotes, "The water is rising")
    assert "bridge" not in first.text


def test_a_word_standing_for_the_statement(nlp, make_article):
    text = ("Asked whether the bridge should reopen, 60 percent of residents said yes.\n\n"
            "Many voters back Lopez, while only 30 percent say the same of Berg.\n")
    quotes = _quotes(nlp, make_article, text)
    assert any(q.text == "yes" and q.cue == "said" for q in quotes)
    assert any(q.text.startswith("the same of Berg") for q in quotes)
