"""Speaker of a cue verb: object control, datelines, relative chains, appositions, pronouns, last names."""

from __future__ import annotations

from newsledger.extract.quote_syntax import subject_of
from newsledger.extract.speaker_cues import cue_speaker
from newsledger.extract.speakers import ArticleSpeakers


def _speaker_of(nlp, text: str, verb: str, nth: int = 0):
    doc = nlp(text)
    toks = [t for t in doc if t.text == verb]
    tok = toks[nth]
    ref = cue_speaker(ArticleSpeakers(doc), tok, subject_of(tok))
    return doc, ref


def test_name_after_said_stays_the_speaker(nlp):
    text = ("The plan to cut the fuel tax would mostly help the richest drivers, said Marta Olsen, "
            "an economist at the Nordic Policy Institute.")
    doc, ref = _speaker_of(nlp, text, "said")
    assert ref is not None and ref.name is not None and "Olsen" in ref.name
    assert doc.text[ref.start:ref.end].startswith("Marta Olsen")


def test_object_of_led_does_the_infinitive(nlp):
    text = ("The leak of the memo led Finance Minister Tomas Berg to announce his resignation "
            "on Friday.")
    _doc, ref = _speaker_of(nlp, text, "announce")
    assert ref is not None and ref.name is not None and "Berg" in ref.name


def test_promise_keeps_its_subject(nlp):
    text = "Governor Ana Ruiz promised voters to cut the toll on the northern bridge."
    _doc, ref = _speaker_of(nlp, text, "cut")
    assert ref is None or ref.name is None or "voters" not in ref.name


def test_dateline_is_not_the_speaker(nlp):
    text = ("LISBON, May 3 (Wire) — Prime Minister Rui Costa told lawmakers that the budget "
            "would be balanced by next year.")
    _doc, ref = _speaker_of(nlp, text, "told")
    assert ref is not None and ref.name is not None and "LISBON" not in ref.name


def test_relative_pronoun_of_a_later_verb_goes_to_its_noun(nlp):
    text = ("The council hired Karl Jensen, who runs a bakery and who praised the plan in a letter "
            "to residents.")
    doc, ref = _speaker_of(nlp, text, "praised")
    assert ref is not None and ref.name is not None and "Jensen" in ref.name
    assert doc.text[ref.start:ref.end] == "who"


def test_pronoun_with_an_adverb_resolves_to_the_person(nlp):
    doc = nlp("Ms. Lena Dahl said the deal was good. Even she called it confusing.")
    sp = ArticleSpeakers(doc)
    span = doc.char_span(doc.text.index("Even"), doc.text.index(" called"))
    ref = sp.resolve_span(span, speaking=True)
    assert ref.name == "Lena Dahl"


def test_bare_last_name_goes_to_the_most_named_person(nlp):
    doc = nlp("Donald Trump spoke in Ohio. Trump said taxes would fall. Melania Trump did not "
              "attend. Trump said the trip went well.")
    sp = ArticleSpeakers(doc)
    ent = sp.lookup("Trump", "PERSON")
    assert ent is not None and ent.name == "Donald Trump"
