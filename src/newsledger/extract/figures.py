"""Figures in an article: what a number counts, whose it is, how sure, and who claims it."""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span, Token

from newsledger.extract.figure_nouns import counted_noun, counts_phrase, pre_modifiers
from newsledger.extract.figure_numbers import Number, find_numbers
from newsledger.extract.figure_units import AMBIGUOUS_SHORT, MEASURES
from newsledger.models import Article, Figure, Quote

log = logging.getLogger(__name__)

_LINK = re.compile(r"\s*,?\s*(?:(?:to|and|or|from|up|down|compared|with|versus|vs\.?|than)\s+){1,3}",
                   re.IGNORECASE)
# words that set two figures side by side, so the second may leave its unit out
_PARALLEL = re.compile(r"\b(?:while|whereas|but|compared|against|versus|vs|and|than|lowest|highest)\b",
                       re.IGNORECASE)
_SKIP_COUNT = {"%", "percent", "cent", "year", "time", "times", "of", "per"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# a rate on a counted thing or a bare figure ("1,000 cases a day", "an average of 20 per week")
_RATE = re.compile(r"\s+(?:a|an|per)\s+(day|week|month|year|hour|minute|night|game|match|season|person|"
                   r"capita)\b", re.IGNORECASE)


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


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
        if prev.is_sent_start:  # "Apollo 11 landed", not "About 400 left"
            name_like = prev.pos_ == "PROPN" and bool(prev.ent_type_)
        if name_like and num.value_max is None and span[0].like_num \
                and span.root.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY"):
            return False
        # "(4)" alone in brackets, and ages in apposition ("Senard, 65, said")
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and (prev.text, nxt.text) in (("(", ")"), (",", ",")) and noun is None:
            return False
    return True


def _age_after_name(num: Number, span: Span) -> bool:
    """'Nick Hague 44 has spent ...': a bare whole number between a person's name and the verb
    is the person's age (wire copy that lost its commas)."""
    if num.unit is not None or num.value_max is not None or not span[0].is_digit or span.start == 0 \
            or span.end >= len(span.doc):
        return False
    prev, nxt = span.doc[span.start - 1], span.doc[span.end]
    # 10 to 110: an adult or child's age in years, a plain range, not tuned
    return prev.ent_type_ == "PERSON" and nxt.pos_ in ("AUX", "VERB") and 10 <= num.value <= 110 \
        and float(num.value).is_integer()


def _noun_before_or(span: Span) -> Token | None:
    """'another pick or two', 'a week or two': the noun right before "or" and the number."""
    if span.start < 2 or span.doc[span.start - 1].lower_ != "or":
        return None
    prev = span.doc[span.start - 2]
    return prev if prev.pos_ == "NOUN" and prev.tag_ == "NN" else None


def _age_of_person(num: Number, span: Span) -> bool:
    """'He will be 35 by May', 'she turned 40': a bare whole number after "be" or "turn" with a
    person as subject is an age."""
    root = span.root
    verb = root.head
    if num.unit is not None or num.value_max is not None or not span[0].is_digit \
            or root.dep_ not in ("attr", "dobj", "acomp", "npadvmod") or verb.lemma_ not in ("be", "turn"):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    person = subj is not None and (subj.lower_ in ("he", "she", "i") or subj.ent_type_ == "PERSON")
    # 1 to 110: a plain range of human ages in years, not tuned
    return person and 1 <= num.value <= 110 and float(num.value).is_integer()


def _claimed_by(start: int, end: int, quotes: list[Quote]) -> str | None:
    for q in quotes:
        if q.start <= start and end <= q.end and q.speaker and q.kind != "stance":
            return q.speaker
    return None


def extract_figures(doc: Doc, article: Article, quotes: list[Quote] | None = None) -> list[Figure]:
    """Figures of `article` (parsed as `doc`) with value, range, bound, unit, counted noun,
    subject and the speaker of the quote or attribution they sit in."""
    figures: list[Figure] = []
    bare: set[int] = set()  # indexes of figures that stand alone (no unit, noun or year look)
    rates: dict[int, str] = {}  # figure index -> what a count is per ("cases a day")
    text = article.text
    for num in find_numbers(text):
        span = _tokens_in(doc, num.start, num.end)
        if span is None or not len(span):
            continue
        noun = counted_noun(span, num.unit == "fraction") if num.unit not in (
            "percentage", "percentage point") else None
        if noun is not None and noun.i < span.end:
            noun = None
        if num.unit_shared and noun is not None and noun.i == span.end and noun.pos_ == "NOUN":
            num.unit = None  # "138 yards and 2 touchdowns": a noun of its own beats the neighbour's unit
        if _age_after_name(num, span) or _age_of_person(num, span):
            num.unit = "year of age"
        alt = _noun_before_or(span) if noun is None and num.unit is None else None
        if not _keep(num, span, noun or alt):
            continue
        counts = None
        if alt is not None:
            # "another pick or two", "a week or two": the number counts the noun before "or"
            measure = MEASURES.get(alt.lower_)
            if measure and measure not in ("percentage", "count"):
                num.unit = measure
            else:
                counts = counts_phrase(alt)
        if noun is not None and num.unit is None and not num.weak and noun.i > span.end:
            # "50 previous years", "three consecutive days": a unit word after a modifier
            measure = MEASURES.get(noun.lower_)
            if measure and noun.lower_ not in AMBIGUOUS_SHORT and measure not in ("percentage", "count"):
                num.unit, noun = measure, None
        if noun is not None and noun.lemma_.lower() not in _SKIP_COUNT:
            counts = " ".join([*pre_modifiers(span, noun), counts_phrase(noun, span.end)])
        if num.unit is not None and counts is not None and counts.split()[0] in (
                num.unit.lower(), (num.unit + "s").lower()):
            counts = None
        sent = span.sent
        if num.unit is None and counts is None and noun is None and not num.year_like and not num.weak:
            bare.add(len(figures))
        rate = _RATE.match(text, noun.idx + len(noun.text) if counts and noun is not None else num.end)
        if rate and num.unit is None and (counts or len(figures) in bare):
            rates[len(figures)] = rate.group(1).lower()
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
    _ellipsis(text, figures, bare)
    for k, per in rates.items():
        fig = figures[k]
        if fig.unit is None and fig.counts:
            fig.counts = f"{fig.counts} per {per}"
        elif fig.unit is not None and " per " not in fig.unit:
            fig.unit = f"{fig.unit} per {per}"
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


def _ellipsis(text: str, figures: list[Figure], bare: set[int]) -> None:
    """'84.75 cents, while the lowest is 74.07', '435 homes by sale and 187 by tender': a figure
    standing alone takes the unit or counted noun of the figure before it in the same sentence
    when a contrast or list word links them."""
    for k in sorted(bare):
        b = figures[k]
        if b.unit is not None or b.counts is not None:
            continue
        # the nearest figure before it in the sentence with a unit or noun and a value of the same
        # order ("1.5m people fled in the first 100 days, while 300,000 returned": people, not days);
        # an aside in brackets is skipped ("2.2bn shekels ($590m) and 71m")
        a = next((f for f in reversed(figures[:k]) if f.sentence == b.sentence and (f.unit or f.counts)
                  and f.unit != "fraction" and not _in_brackets(text, f) and _same_order(f.value, b.value)),
                 None)
        gap = text[a.end:b.start] if a is not None else ""
        if a is not None and _PARALLEL.search(gap) and not re.search(r"[.!?;]\s", gap):
            b.unit, b.counts = a.unit, a.counts
            continue
        # "at 2,483,805 while Florida came second with 1,385,710 lightning strikes": the first of a
        # contrasted pair may leave out the noun the second names
        c = next((f for f in figures[k + 1:] if f.sentence == b.sentence), None)
        gap = text[b.end:c.start] if c is not None else ""
        if c is not None and (c.unit or c.counts) and c.unit != "fraction" and _same_order(c.value, b.value) \
                and re.search(r"\b(?:while|whereas|but|versus|vs)\b", gap, re.IGNORECASE) \
                and not re.search(r"[.!?;]\s", gap):
            b.unit, b.counts = c.unit, c.counts


def _in_brackets(text: str, fig: Figure) -> bool:
    return text[:fig.start].rstrip().endswith("(") and text[fig.end:].lstrip().startswith(")")


def _same_order(a: float, b: float) -> bool:
    """Values within a factor of 50 of each other: a round bound set by hand on NewsQuant's dev
    half, wide enough for '460 cars ... 63', narrow enough to keep '100 days' from '300,000'."""
    lo, hi = sorted((abs(a), abs(b)))
    return lo > 0 and hi / lo <= 50
