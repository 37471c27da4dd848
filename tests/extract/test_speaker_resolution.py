"""Speaker resolution: fullest name, roles, acronyms, headline lines ignored."""

from __future__ import annotations

from newsledger.extract.speakers import ArticleSpeakers


def test_last_name_resolves_to_full_name_with_role(nlp):
    doc = nlp("Defense Secretary Lloyd Austin arrived in Kyiv. Austin met the president.")
    sp = ArticleSpeakers(doc)
    ent = sp.lookup("Austin", "PERSON")
    assert ent is not None and ent.name == "Lloyd Austin"
    assert ent.role is not None and ent.role.endswith("Secretary")


def test_acronym_resolves_to_institution(nlp):
    doc = nlp("The Institute for the Study of War published a report. ISW said the front was quiet.")
    sp = ArticleSpeakers(doc)
    ent = sp.lookup("ISW")
    assert ent is not None and ent.name == "Institute for the Study of War"


def test_pronoun_skips_people_of_the_other_sex(nlp):
    doc = nlp("Mrs. Anna Kova opened the meeting. Mr. Peter Lund closed it. She spoke first.")
    sp = ArticleSpeakers(doc)
    ent = sp.antecedent(doc.text.index("She"), "she")
    assert ent is not None and ent.name == "Anna Kova"
