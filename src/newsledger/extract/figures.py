"""Figures in an article: what a number counts, whose it is, how sure, and who claims it."""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span, Token

from newsledger.extract.figure_numbers import Number, find_numbers
from newsledger.models import Article, Figure, Quote

log = logging.getLogger(__name__)

# Nouns that hold another noun through "of" ("5,700 categories of products"): the counted thing
# is both words. A general list of container and measure nouns, not taken from any corpus.
CONTAINER_NOUNS = {"category", "kind", "type", "piece", "bag", "box", "case", "cup", "bottle",
                   "barrel", "ton", "tonne", "unit", "pair", "set", "series", "group", "batch",
                   "acre", "hectare", "share", "round", "dose", "carton", "crate", "sack", "gallon"}
_LINK = re.compile(r"\s*,?\s*(?:(?:to|and|or|from|up|down|compared|with|versus|vs\.?|than)\s+){1,3}",
                   re.IGNORECASE)
_SKIP_COUNT = {"%", "percent", "cent", "year", "time", "times", "of", "per"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
_NOT_MODS = {"more", "other", "such", "many", "few", "additional", "extra", "last", "next"}


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _counted(span: Span) -> Token | None:
    """The noun a number counts: the head it modifies or the noun right after it."""
    last = span[-1]
    for tok in (last, *reversed(span[:-1])):
        head = tok.head
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.pos_ in (
                "NOUN", "PROPN") and head.i >= span.end and head.i - span.end <= 3:
            return head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN":
        # "a city of 22,000 people" / "300,000 people": the next noun, allowing one modifier
        return nxt
    if nxt is not None and nxt.pos_ in ("ADJ", "PROPN") and span.end + 1 < len(span.doc):
        nn = span.doc[span.end + 1]
        if nn.pos_ == "NOUN":
            return nn
    if nxt is not None and nxt.lower_ == "of" and span.end + 1 < len(span.doc):
        # "thousands of people", "300,000 of them"
        for t in span.doc[span.end + 1: span.end + 5]:
            if t.pos_ == "NOUN":
                return t
    return None


def _lemma(tok: Token) -> str:
    """Lower-case lemma; plural proper nouns lose their s ("Americans" -> "american")."""
    lem = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and tok.tag_ in ("NNPS",) and lem.endswith("s") and not lem.endswith("ss"):
        lem = lem[:-1]
    return lem


def counts_phrase(noun: Token, after: int | None = None) -> str:
    """Lemma of the counted noun with the compound nouns in front of it ("lightning strike") and
    its "of"-object when it is a container ("case of wine"). `after`: first token index allowed."""
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")
            and (after is None or c.i >= after) and not c.is_punct and c.lower_ not in _NOT_MODS
            and c.ent_type_ not in ("NORP", "GPE")]  # "Russian soldiers": Russian is the subject
    lem = " ".join([c.lemma_.lower() if c.pos_ == "ADJ" else c.lower_ for c in mods] + [_lemma(noun)])
    if lem in CONTAINER_NOUNS:
        for prep in noun.rights:
            if prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return f"{lem} {obj.lemma_.lower()}"
    return lem


def _text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i: tok.right_edge.i + 1].text


def _subject(noun: Token | None, span: Span) -> str | None:
    """Whose figure: a possessor or nationality on the counted noun, else the clause subject."""
    anchor = noun or span.root
    for child in anchor.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.ent_type_ in (
                "NORP", "GPE", "ORG")):
            return _text(child)
    # "a city of 22,000": the noun the "of" hangs from
    head = span.root.head
    if head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head.text
    verb = anchor.head
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.i != anchor.i and not (
                anchor.left_edge.i <= child.i <= anchor.right_edge.i):
            sub = _text(child)
            if len(sub) <= 60:
                return sub
    return None


def _keep(num: Number, span: Span, noun: Token | None) -> bool:
    """Drop years, page-like numbers in names and lone small number words."""
    if num.weak:
        # keep "one solution", "two people", "2017 cars" but not "one of", "in 2016"
        if noun is None or noun.lemma_.lower() in _SKIP_COUNT:
            return False
        if num.year_like and (span.root.ent_type_ == "DATE" or noun.i != span.end):
            return False
    # a number inside a name ("Section 427", "S&P 500", "iPhone 11"): right after a proper noun
    if num.unit is None and span.start > 0:
        prev = span.doc[span.start - 1]
        name_like = prev.pos_ == "PROPN" or (prev.is_alpha and (prev.is_title or prev.is_upper))
        if name_like and not prev.is_sent_start and num.value_max is None and span[0].like_num \
                and span.root.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY"):
            return False
        # "(4)" alone in brackets, and ages in apposition ("Senard, 65, said")
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and (prev.text, nxt.text) in (("(", ")"), (",", ",")) and noun is None:
            return False
    return True


def _claimed_by(start: int, end: int, quotes: list[Quote]) -> str | None:
    for q in quotes:
        if q.start <= start and end <= q.end and q.speaker:
            return q.speaker
    return None


def extract_figures(doc: Doc, article: Article, quotes: list[Quote] | None = None) -> list[Figure]:
    """Figures of `article` (parsed as `doc`) with value, range, bound, unit, counted noun,
    subject and the speaker of the quote or attribution they sit in."""
    figures: list[Figure] = []
    text = article.text
    for num in find_numbers(text):
        span = _tokens_in(doc, num.start, num.end)
        if span is None or not len(span):
            continue
        noun = _counted(span) if num.unit not in ("percentage", "percentage point") else None
        if noun is not None and noun.i < span.end:
            noun = None
        if not _keep(num, span, noun):
            continue
        counts = None
        if noun is not None and noun.lemma_.lower() not in _SKIP_COUNT:
            counts = counts_phrase(noun, span.end)
        if num.unit is not None and counts is not None and counts.split()[0] in (
                num.unit.lower(), (num.unit + "s").lower()):
            counts = None
        sent = span.sent
        figures.append(Figure(
            article_id=article.article_id,
            text=text[num.start:num.end],
            value=num.value,
            start=num.start,
            end=num.end,
            value_max=num.value_max,
            approximate=num.approximate,
            bound=num.bound,  # type: ignore[arg-type]
            unit=num.unit,
            counts=counts,
            subject=_subject(noun, span),
            claimed_by=_claimed_by(num.start, num.end, quotes or []),
            sentence=sent.text,
        ))
    _share_counts(text, figures)
    return figures


def _share_counts(text: str, figures: list[Figure]) -> None:
    """'between 5 and 7 homes', '3.9 million headsets, up from 2.4 million': a bare figure next
    to one that counts something, joined by a few linking words, counts the same thing."""
    for a, b in zip(figures, figures[1:], strict=False):
        if not _LINK.fullmatch(text[a.end:b.start]):
            continue
        for bare, full in ((a, b), (b, a)):
            if bare.unit is None and bare.counts is None and full.counts and full.unit is None \
                    and bare.value_max is None:
                bare.counts = full.counts
