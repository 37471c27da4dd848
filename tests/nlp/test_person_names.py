"""Person names cut at a particle by the small NER model are mended into one PERSON entity."""

from __future__ import annotations


def test_particle_name_is_one_person(nlp):
    doc = nlp("European Commission President Ursula von der Leyen said the bloc would keep up the pressure.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert people == ["Ursula von der Leyen"]
    assert not [e for e in doc.ents if e.text == "Leyen"]


def test_names_without_particles_are_untouched(nlp):
    text = "Volodymyr Zelenskyy met Olaf Scholz in Berlin on Friday, and Luiz Inacio Lula da Silva spoke."
    with nlp.select_pipes(disable=["newsledger_person_names"]):
        before = [(e.start, e.end, e.label_) for e in nlp(text).ents]
    after = [(e.start, e.end, e.label_) for e in nlp(text).ents]
    mended = [s for s in after if s not in before]
    assert all(nlp(text)[a:b].text == "Luiz Inacio Lula da Silva" for a, b, _ in mended)
    assert [s for s in before if s[1] <= 5] == [s for s in after if s[1] <= 5]
