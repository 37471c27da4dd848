"""The fast attribute ruler and lemmatizer must give exactly the Doc the stock components give."""

from __future__ import annotations

import numpy as np
import pytest

from newsledger.errors import NewsledgerError
from newsledger.nlp.fast import CachedLemmatizer, IndexedAttributeRuler, _PatternIndex, _set_index
from newsledger.nlp.loader import get_nlp
from newsledger.settings import Settings

TEXTS = [
    "KYIV (Coastal Wire) - Russian forces shelled the port of Odesa on Tuesday, killing 3 people, officials said.\n\n"
    "\"We ain't gonna give up,\" the mayor told reporters. \"It's nothin' we haven't seen before.\"",
    "There are 12 ships waiting offshore, and there is no sign that the blockade will be lifted soon, because "
    "the navy says it doesn't have the fuel. Y'all know what I'd do, he said, let's wait and see.",
    "The ministry, which had denied the report, confirmed on Friday that troops were withdrawn from two "
    "villages near the border. Did they go? Yes, they did - and they have not returned.\n"
    "Got ta go, c'mon, said the driver, who gave it to me and told you that whether or not it rains we leave.",
]
COMPARED = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]


@pytest.fixture(scope="module")
def fast_parts(nlp):
    """The fast components built from the session pipeline's own rules and tables (no second model load)."""
    ruler = IndexedAttributeRuler(nlp.vocab)
    ruler.add_patterns(nlp.get_pipe("attribute_ruler").patterns)
    stock = nlp.get_pipe("lemmatizer")
    lemmatizer = CachedLemmatizer(nlp.vocab, None, "lemmatizer", mode="rule")
    lemmatizer.lookups = _set_index(stock.lookups)
    return {"attribute_ruler": ruler, "lemmatizer": lemmatizer}


def _run(nlp, text: str, swap: dict):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = swap.get(name, proc)(doc)
    return doc


@pytest.mark.parametrize("text", TEXTS)
def test_fast_components_give_the_same_doc(nlp, fast_parts, text):
    stock = nlp(text)
    fast = _run(nlp, text, fast_parts)
    assert np.array_equal(stock.to_array(COMPARED), fast.to_array(COMPARED))
    assert [t.lemma_ for t in stock] == [t.lemma_ for t in fast]
    assert [str(t.morph) for t in stock] == [str(t.morph) for t in fast]


def test_indexed_ruler_does_not_fall_back_to_the_matcher(nlp, fast_parts):
    ruler = fast_parts["attribute_ruler"]
    _run(nlp, TEXTS[0], fast_parts)
    assert isinstance(ruler._index, _PatternIndex)  # every stock pattern is one the index understands
    doc = nlp.make_doc("It's fine.")
    for _name, proc in nlp.pipeline[:3]:
        doc = proc(doc)
    found = ruler.match(doc)
    assert found == sorted(found) and found  # sorted as AttributeRuler.match sorts, and not empty


def test_ruler_falls_back_for_patterns_it_cannot_index(nlp):
    ruler = IndexedAttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "gon", "OP": "+"}]], {"LEMMA": "go"})
    doc = ruler(nlp.make_doc("gon gon na"))
    assert ruler._index is False
    assert [t.lemma_ for t in doc][:2] == ["go", "go"]


def test_unknown_mode_is_refused_and_mode_comes_from_settings():
    with pytest.raises(NewsledgerError, match="E002"):
        get_nlp(mode="turbo")
    assert Settings.from_env({"NEWSLEDGER_NLP_MODE": "full"}).nlp_mode == "full"
    assert Settings().nlp_mode == "fast"
