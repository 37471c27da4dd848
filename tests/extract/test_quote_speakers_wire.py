"""Speakers of wire quotes the parser half-misreads: misjoined verbs, datelines, dates as objects."""

from __future__ import annotations

from newsledger.extract.quotes import extract_quotes


def _quotes(nlp, make_article, text):
    art = make_article(text)
    return extract_quotes(nlp(art.text), art)


def test_misjoined_accusation_belongs_to_the_speaker(nlp, make_article):
    qs = _quotes(nlp, make_article,
                 "Russia's ambassador to the United States, Anatoly Antonov, said the sanctions would not change "
                 "Moscow's course and accused Washington of trying to prolong the war.")
    acc = [q for q in qs if q.cue and q.cue.startswith("accused")]
    assert acc and acc[0].speaker == "Anatoly Antonov"


def test_dateline_is_not_the_speaker_a_country_is(nlp, make_article):
    qs = _quotes(nlp, make_article,
                 "KYIV, Nov 11 (Meridian Wire) - Russia said on Friday it had completed the withdrawal of its "
                 "forces from the city of Kherson.")
    assert qs and qs[0].speaker == "Russia"


def test_particle_name_is_the_whole_speaker(nlp, make_article):
    qs = _quotes(nlp, make_article,
                 "European Commission President Ursula von der Leyen said the bloc would keep up the pressure.")
    assert qs and qs[0].speaker == "Ursula von der Leyen"


def test_a_date_is_not_what_was_announced(nlp, make_article):
    qs = _quotes(nlp, make_article,
                 "Washington and its allies announced new sanctions against Moscow on Friday, the first "
                 "anniversary of the invasion of Ukraine.")
    assert all("anniversary" not in q.text.split()[:3] for q in qs)
