"""Sentences never run across a paragraph break, but hard-wrapped lines stay one sentence."""

from __future__ import annotations


def test_blank_line_starts_a_sentence(nlp) -> None:
    doc = nlp("Kherson falls to Ukrainian troops\n\nUkrainian forces entered Kherson on Friday, officials said.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Kherson falls to Ukrainian troops"
    assert sents[1].startswith("Ukrainian forces entered Kherson")


def test_line_break_after_full_stop_starts_a_sentence(nlp) -> None:
    doc = nlp("Police detained 66 people.\nThe ministry said 50 officers were hurt.")
    assert [s.text.strip() for s in doc.sents] == ["Police detained 66 people.",
                                                   "The ministry said 50 officers were hurt."]


def test_hard_wrapped_line_is_not_a_break(nlp) -> None:
    doc = nlp("Russian forces withdrew from the town of\nLyman on Saturday, the ministry said.")
    assert len(list(doc.sents)) == 1


def test_component_runs_before_the_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("newsledger_paragraphs_v1") < names.index("parser")
