"""extract_places resolves every toponym of an article together."""

from __future__ import annotations

from newsledger.extract.places import extract_places, resolve_spans


def _places(nlp, make_article, text):
    art = make_article(text)
    return extract_places(nlp(art.text), art)


def test_lyman_in_the_donetsk_region(nlp, make_article):
    text = "Ukrainian troops entered Lyman, in the Donetsk region, on Saturday after Russian units withdrew."
    places = {p.text: p for p in _places(nlp, make_article, text)}
    assert places["Lyman"].location.admin1 == "Donetsk"
    assert places["Lyman"].location.precision == "town"
    assert places["Donetsk"].location.precision == "admin1"
    assert places["Ukrainian"].feature == "demonym"
    assert places["Ukrainian"].location.country == "UA"
    for p in places.values():
        assert p.article_id == "a1"


def test_offsets_point_into_the_text(nlp, make_article):
    text = "Officials in Paris, Texas, said the storm also hit Dallas on Monday."
    for p in _places(nlp, make_article, text):
        assert text[p.start:p.end] == p.text
    places = {p.text: p for p in _places(nlp, make_article, text)}
    assert places["Paris"].location.country == "US"
    assert places["Paris"].location.admin1 == "Texas"


def test_georgia_next_to_tbilisi_is_the_country(nlp, make_article):
    text = "Georgia closed its border crossing after protests in Tbilisi and Batumi, the interior ministry said."
    places = {p.text: p for p in _places(nlp, make_article, text)}
    assert places["Georgia"].location.country == "GE"
    assert places["Tbilisi"].location.country == "GE"


def test_unknown_name_falls_back_with_reason():
    text = "Crews cleared Zorblat Street in Dayton, Ohio, on Monday."
    s = text.index("Zorblat Street")
    spans = [(s, s + len("Zorblat Street")), (text.index("Dayton"), text.index("Dayton") + 6),
             (text.index("Ohio"), text.index("Ohio") + 4)]
    out = resolve_spans(text, spans, "a1")
    street = out[0].location
    assert street.reason and street.reason.startswith("not in gazetteer")
    assert street.name == "Dayton" and street.score is not None and street.score <= 0.1
    assert out[1].location.admin1 == "Ohio"


def test_empty_article_gives_no_places(nlp, make_article):
    assert _places(nlp, make_article, "Nothing happened today.") == []
