"""Direct and indirect quotes: marks, split quotes, unclosed paragraphs, cues, speakers."""

from __future__ import annotations

from newsledger.extract.quote_marks import find_quoted
from newsledger.extract.quotes import extract_quotes

TEXT = (
    "Defense Secretary Lloyd Austin said on Monday that the brigade would stay in the region.\n\n"
    "“We are not going anywhere,” Austin told reporters. “Not this year.”\n\n"
    "The Institute for the Study of War said Russian units had pulled back from the river. "
    "“The offensive has stalled,” ISW said, adding that reserves were thin.\n\n"
    "According to the regional governor, 40 people were evacuated overnight.\n"
)


def _quotes(nlp, make_article, text):
    art = make_article(text)
    return art, extract_quotes(nlp(text), art)


def test_direct_and_indirect_with_speakers(nlp, make_article):
    art, quotes = _quotes(nlp, make_article, TEXT)
    q = next(q for q in quotes if q.text.startswith("We are not going anywhere"))
    assert q.text == "We are not going anywhere, Not this year."  # one quote, cue words left out
    assert q.kind == "direct"
    assert q.speaker == "Lloyd Austin"
    assert q.speaker_role is not None and "Secretary" in q.speaker_role
    assert art.text[q.start:q.end].startswith("“We are")
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert any(q.text.startswith("that the brigade") and q.speaker == "Lloyd Austin" for q in indirect)


def test_institution_and_acronym_speak(nlp, make_article):
    _, quotes = _quotes(nlp, make_article, TEXT)
    stalled = next(q for q in quotes if "offensive has stalled" in q.text)
    assert stalled.speaker == "Institute for the Study of War"
    adding = next(q for q in quotes if q.text.startswith("that reserves"))
    assert adding.speaker == "Institute for the Study of War"


def test_according_to(nlp, make_article):
    _, quotes = _quotes(nlp, make_article, TEXT)
    acc = next(q for q in quotes if q.cue == "according to")
    assert "40 people were evacuated" in acc.text
    assert acc.speaker is not None and "governor" in acc.speaker


def test_pronoun_goes_to_the_right_person(nlp, make_article):
    text = ("Maria Lopez, the health minister, visited the hospital on Tuesday. "
            "Mr. Tomas Berg, the mayor, stayed at the town hall.\n\n"
            "“The wards are full,” she said.\n")
    _, quotes = _quotes(nlp, make_article, text)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Maria Lopez"


def test_split_quote_is_one_quote(nlp, make_article):
    text = "“The bridge is gone,” the commander said, “and the road is mined.”\n"
    _, quotes = _quotes(nlp, make_article, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].start == 0 and direct[0].end == len(text.rstrip())


def test_unclosed_paragraph_quote_and_straight_marks():
    text = ('The envoy said: "We will talk to anyone who wants peace.\n\n'
            '"We will not give up land for it," he added.\n')
    spans = find_quoted(text)
    assert len(spans) == 2
    assert spans[0].closed is False
    assert text[spans[0].start:spans[0].end].endswith("peace.")
    assert spans[1].closed is True


def test_short_scare_quotes_without_cue_are_not_quotes(nlp, make_article):
    text = "The so-called “peace plan” was published on Friday.\n"
    _, quotes = _quotes(nlp, make_article, text)
    assert quotes == []


def test_transcript_labels_speak_their_line(nlp, make_article):
    text = ("Senator Jane Holt spoke to the host on Sunday.\n\n"
            "HOLT: We will not vote for this budget in its current form.\n")
    _, quotes = _quotes(nlp, make_article, text)
    q = next(q for q in quotes if "vote for this budget" in q.text)
    assert q.kind == "direct" and q.speaker == "Jane Holt" and q.cue == ":"


def test_speech_act_with_a_noun_phrase_and_parenthetical_verb(nlp, make_article):
    text = ("The ministry denied the allegations of shelling.\n\n"
            "The convoy, officials said, was carrying food and medicine.\n")
    _, quotes = _quotes(nlp, make_article, text)
    denied = next(q for q in quotes if q.cue == "denied")
    assert "allegations" in denied.text and denied.speaker == "ministry"
    said = next(q for q in quotes if q.cue == "said")
    assert "carrying food" in said.text and said.speaker == "officials"


def test_colon_and_tail_cues(nlp, make_article):
    text = ("The agency's report put it bluntly:\n\n"
            "“The grid cannot take another winter like this one.”\n\n"
            "“We need more time to repair the lines,” the engineer sighed.\n")
    _, quotes = _quotes(nlp, make_article, text)
    grid = next(q for q in quotes if "grid cannot" in q.text)
    assert grid.speaker is not None and "report" in grid.speaker
    lines = next(q for q in quotes if "repair the lines" in q.text)
    assert lines.speaker == "engineer"
