"""The toponym ruler finds places the small model misses without breaking its other entities."""

from __future__ import annotations


def _ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_ruler_is_in_the_pipeline(nlp):
    assert "newsledger_toponyms" in nlp.pipe_names
    assert nlp.pipe_names.index("newsledger_toponyms") > nlp.pipe_names.index("ner")


def test_mislabelled_towns_become_places(nlp):
    ents = _ents(nlp, "Russian forces withdrew from Lyman, in the Donetsk region, on Saturday.")
    assert ("Lyman", "GPE") in ents
    assert ("Saturday", "DATE") in ents
    ents = _ents(nlp, "Shelling hit Kherson and Luhansk overnight, officials said.")
    assert ("Kherson", "GPE") in ents and ("Luhansk", "GPE") in ents


def test_people_stay_people(nlp):
    ents = _ents(nlp, "President Joe Biden spoke with Olaf Scholz on Tuesday.")
    labels = {label for _text, label in ents}
    assert "PERSON" in labels
    assert not any(label == "GPE" and "Biden" in text for text, label in ents)


def test_sea_gets_loc_label(nlp):
    ents = _ents(nlp, "A tanker was hit in the Sea of Azov near Berdyansk.")
    assert any(t in ("Sea of Azov", "the Sea of Azov") and lab == "LOC" for t, lab in ents) or \
        any("Azov" in t for t, _ in ents)
    assert ("Berdyansk", "GPE") in ents


def test_upper_case_dateline_is_a_place(nlp):
    ents = _ents(nlp, "TORRINGTON, Conn. -- The city council met on Monday.")
    assert ("TORRINGTON", "GPE") in ents


def test_person_surname_after_to_stays_a_person(nlp):
    text = "Deputies arrested Chiquita Raquel Henry on Friday. The trail led detectives to Henry."
    assert not any(e.text == "Henry" and e.label_ == "GPE" for e in nlp(text).ents)
