"""Figures in an article: what a number counts, whose it is, how sure, and who claims it."""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span, Token

from newsledger.extract.figure_numbers import Number, find_numbers
from newsledger.extract.figure_units import AMBIGUOUS_SHORT, MEASURES
from newsledger.models import Article, Figure, Quote

log = logging.getLogger(__name__)

# Nouns that hold another noun through "of" ("5,700 categories of products"): the counted thing
# is both words. A general list of container and measure nouns, not taken from any corpus.
CONTAINER_NOUNS = {"category", "kind", "type", "piece", "bag", "box", "case", "cup", "bottle",
                   "barrel", "ton", "tonne", "unit", "pair", "set", "series", "group", "batch",
                   "acre", "hectare", "share", "round", "dose", "carton", "crate", "sack", "gallon"}
_LINK = re.compile(r"\s*,?\s*(?:(?:to|and|or|from|up|down|compared|with|versus|vs\.?|than)\s+){1,3}",
                   re.IGNORECASE)
# words that set two figures side by side, so the second may leave its unit out
_PARALLEL = re.compile(r"\b(?:while|whereas|but|compared|against|versus|vs|and|than|lowest|highest)\b",
                       re.IGNORECASE)
_SKIP_COUNT = {"%", "percent", "cent", "year", "time", "times", "of", "per"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# a counted noun further than 3 words from its number must have only its own modifiers between
# ("20 decently sized coal-fired power plants"); 6 is a hand-set bound on such runs, not tuned
_MAX_MODS = 6
# how far after "of" the counted noun may be ("one of the most gifted and unpredictable players"):
# the phrase stops earlier at a pronoun, verb or preposition; 7 is a hand-set bound
_OF_WINDOW = 7
_NOT_MODS = {"more", "other", "such", "many", "few", "additional", "extra", "last", "next"}


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _climb(noun: Token) -> Token:
    """From a noun that only modifies a noun after it to that noun ("job" in "job cuts")."""
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and 0 < noun.head.i - noun.i <= 3:
        noun = noun.head
    return noun


def _counted(span: Span, share: bool = False) -> Token | None:
    """The noun a number counts: the head it modifies or the noun right after it. `share`: the
    number is a fraction, which may take its noun through a determiner ("half the votes")."""
    last = span[-1]
    for tok in (last, *reversed(span[:-1])):
        head = tok.head
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.pos_ in (
                "NOUN", "PROPN") and head.i >= span.end and (head.i - span.end <= 3 or (
                head.i - span.end <= _MAX_MODS and all(
                    _in_phrase(t, head, span.end) for t in span.doc[span.end:head.i]))):
            if head.pos_ == "PROPN":
                # "300 Ford and Toyota dealers": the noun counted is the conjunct after the name
                conj = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                             and c.i - head.i <= 3 and all(t.pos_ in ("CCONJ", "PROPN", "ADJ", "NOUN")
                                                           for t in span.doc[head.i + 1:c.i])), None)
                if conj is not None:
                    return conj
            return head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN":
        # "a city of 22,000 people" / "300,000 people": the next noun, allowing one modifier
        return _climb(nxt)
    if nxt is not None and nxt.pos_ in ("ADJ", "PROPN") and span.end + 1 < len(span.doc):
        nn = span.doc[span.end + 1]
        if nn.pos_ == "NOUN" and nxt.head.i == nn.i:
            return _climb(nn)
    if nxt is not None and (nxt.lower_ == "of" or (share and nxt.pos_ in ("DET", "PRON"))) \
            and span.end + 1 < len(span.doc):
        # "thousands of job cuts", "300,000 of them", "half the condos"
        for t in span.doc[span.end + 1: span.end + _OF_WINDOW]:
            if t.pos_ == "NOUN":
                return _climb(t)
            if t.pos_ in ("PRON", "PUNCT", "VERB", "AUX", "ADP") and t.dep_ not in ("poss", "amod"):
                return None  # "38 of them, the air force said": the noun is beyond the phrase
    return None


def _lemma(tok: Token) -> str:
    """Lower-case lemma; plural proper nouns lose their s ("Americans" -> "american")."""
    lem = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and tok.tag_ in ("NNPS",) and lem.endswith("s") and not lem.endswith("ss"):
        lem = lem[:-1]
    return lem


def _in_phrase(tok: Token, noun: Token, lo: int) -> bool:
    """True when `tok` hangs (through tokens between `lo` and `noun`) from `noun`."""
    h = tok
    for _ in range(noun.i - lo + 1):
        if h.i == noun.i or (noun.dep_ == "conj" and h.i == noun.head.i):
            return True  # "Ford and Toyota dealers": Ford is coordinated with the noun's modifiers
        if not lo <= h.i < noun.i or h.head is h:
            return False
        h = h.head
    return False


def _modifier_words(noun: Token, lo: int) -> list[str]:
    """Lemmas of the content words between index `lo` and `noun` that modify it ("public housing",
    "Kia Hyundai", "coal-fired"); a hyphen-glued compound is kept or dropped whole."""
    chunks: list[list[Token]] = []
    for t in noun.doc[lo:noun.i]:
        glued = chunks and t.i > 0 and not t.doc[t.i - 1].whitespace_ and (
            t.text == "-" or chunks[-1][-1].text == "-")
        if glued:
            chunks[-1].append(t)
        else:
            chunks.append([t])
    words: list[str] = []
    for chunk in chunks:
        parts = [t for t in chunk if t.text != "-"]
        if not parts or chunk[-1].text == "-":
            continue
        ok = all(_in_phrase(t, noun, lo) and t.lower_ not in _NOT_MODS and not t.like_num
                 and not any(c.isdigit() for c in t.text) and t.is_alpha
                 and t.ent_type_ not in ("NORP", "GPE")  # "Russian soldiers": Russian is the subject
                 for t in parts)
        if ok and any(t.pos_ in ("NOUN", "PROPN", "ADJ") or (t.pos_ == "VERB" and t.tag_ == "VBN")
                      for t in parts) and (len(parts) > 1 or parts[0].pos_ in ("NOUN", "PROPN", "ADJ")
                                           or parts[0].dep_ == "amod"):
            words.append("-".join(t.lemma_.lower() if t.pos_ == "ADJ" else t.lower_ for t in parts))
    return words


def counts_phrase(noun: Token, after: int | None = None) -> str:
    """Lemma of the counted noun with the modifiers in front of it ("public housing property") and
    its "of"-object when it is a container ("case of wine"). `after`: first token index allowed."""
    left = noun.head.left_edge.i if noun.dep_ == "conj" and noun.head.i < noun.i else noun.left_edge.i
    lo = left if after is None else max(after, left)
    lem = " ".join([*_modifier_words(noun, lo), _lemma(noun)])
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
        if q.start <= start and end <= q.end and q.speaker and q.kind != "stance":
            return q.speaker
    return None


def extract_figures(doc: Doc, article: Article, quotes: list[Quote] | None = None) -> list[Figure]:
    """Figures of `article` (parsed as `doc`) with value, range, bound, unit, counted noun,
    subject and the speaker of the quote or attribution they sit in."""
    figures: list[Figure] = []
    bare: set[int] = set()  # indexes of figures that stand alone (no unit, noun or year look)
    text = article.text
    for num in find_numbers(text):
        span = _tokens_in(doc, num.start, num.end)
        if span is None or not len(span):
            continue
        noun = _counted(span, num.unit == "fraction") if num.unit not in (
            "percentage", "percentage point") else None
        if noun is not None and noun.i < span.end:
            noun = None
        if num.unit_shared and noun is not None and noun.i == span.end and noun.pos_ == "NOUN":
            num.unit = None  # "138 yards and 2 touchdowns": a noun of its own beats the neighbour's unit
        if not _keep(num, span, noun):
            continue
        counts = None
        if noun is not None and num.unit is None and not num.weak and noun.i > span.end:
            # "50 previous years", "three consecutive days": a unit word after a modifier
            measure = MEASURES.get(noun.lower_)
            if measure and noun.lower_ not in AMBIGUOUS_SHORT and measure not in ("percentage", "count"):
                num.unit, noun = measure, None
        if noun is not None and noun.lemma_.lower() not in _SKIP_COUNT:
            counts = counts_phrase(noun, span.end)
        if num.unit is not None and counts is not None and counts.split()[0] in (
                num.unit.lower(), (num.unit + "s").lower()):
            counts = None
        sent = span.sent
        if num.unit is None and counts is None and noun is None and not num.year_like and not num.weak:
            bare.add(len(figures))
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


def _in_brackets(text: str, fig: Figure) -> bool:
    return text[:fig.start].rstrip().endswith("(") and text[fig.end:].lstrip().startswith(")")


def _same_order(a: float, b: float) -> bool:
    """Values within a factor of 50 of each other: a round bound set by hand on NewsQuant's dev
    half, wide enough for '460 cars ... 63', narrow enough to keep '100 days' from '300,000'."""
    lo, hi = sorted((abs(a), abs(b)))
    return lo > 0 and hi / lo <= 50
