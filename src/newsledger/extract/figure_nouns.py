"""What a figure counts: the noun after or above a number, as a phrase of lemmas with its modifiers."""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

log = logging.getLogger(__name__)

# Nouns that hold another noun through "of" ("5,700 categories of products"): the counted thing
# is both words. A general list of container and measure nouns, not taken from any corpus.
CONTAINER_NOUNS = {"category", "kind", "type", "piece", "bag", "box", "case", "cup", "bottle",
                   "barrel", "ton", "tonne", "unit", "pair", "set", "series", "group", "batch",
                   "acre", "hectare", "share", "round", "dose", "carton", "crate", "sack", "gallon"}
# a counted noun further than 3 words from its number must have only its own modifiers between
# ("20 decently sized coal-fired power plants"); 6 is a hand-set bound on such runs, not tuned
_MAX_MODS = 6
# how far after "of" the counted noun may be ("one of the most gifted and unpredictable players"):
# the phrase stops earlier at a pronoun, verb or preposition; 7 is a hand-set bound
_OF_WINDOW = 7
# words before a number that sequence, hedge or weigh it rather than describe the thing counted
_NOT_PRE = {"first", "second", "third", "last", "next", "past", "previous", "final", "latest", "mere",
            "whopping", "staggering", "further", "total", "other", "only", "entire", "full", "average",
            "estimated", "approximate", "roughly", "additional", "extra", "remaining", "combined"}
# content words at most in the phrase bounding a superlative (see _superlative_scope)
_MAX_SCOPE = 4
_NOT_MODS = {"more", "such", "many", "few", "additional", "extra", "last", "next"}


def _climb(noun: Token) -> Token:
    """From a noun that only modifies a noun after it to that noun ("job" in "job cuts")."""
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and 0 < noun.head.i - noun.i <= 3:
        noun = noun.head
    return noun


def counted_noun(span: Span, share: bool = False) -> Token | None:
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
            return _climb(head) if head.i == span.end else head  # "a three course meal": meal
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
            if t.pos_ == "NOUN" and t.dep_ != "poss":  # "three of the company's members": members
                return _climb(t)
            if t.pos_ in ("PRON", "PUNCT", "VERB", "AUX", "ADP") and t.dep_ not in ("poss", "amod", "case"):
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
                 for t in parts)
        if ok and any(t.pos_ in ("NOUN", "PROPN", "ADJ") or (t.pos_ == "VERB" and t.tag_ == "VBN")
                      for t in parts) and (len(parts) > 1 or parts[0].pos_ in ("NOUN", "PROPN", "ADJ")
                                           or parts[0].dep_ == "amod"):
            words.append("-".join(t.lemma_.lower() if t.pos_ == "ADJ" else t.lower_ for t in parts))
    return words


def pre_modifiers(span: Span, noun: Token) -> list[str]:
    """Modifiers of the counted noun standing before its number ("the top three seeds", "a record
    32 goals"): adjectives and nouns, not ordinals, hedges or amount words ("the first 100 days",
    "a mere 5 votes", "an estimated 80,000")."""
    words: list[str] = []
    k = span.start - 1
    while k >= 0:
        t = span.doc[k]
        if t.head.i != noun.i or t.dep_ not in ("amod", "nmod", "compound") or t.tag_ not in (
                "JJ", "NN") or not t.is_alpha or t.lower_ in _NOT_MODS or t.lower_ in _NOT_PRE \
                or t.ent_type_ == "ORDINAL":
            break
        words.insert(0, _lemma(t) if t.pos_ != "NOUN" else t.lower_)
        k -= 1
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
    scope = _superlative_scope(noun)
    return f"{lem} {' '.join(scope)}" if scope else lem


def _superlative(noun: Token) -> bool:
    """'the largest dinosaurs', 'the most gifted attackers': a superlative modifies the noun."""
    return any(c.tag_ in ("JJS", "RBS") or (c.dep_ == "amod" and any(
        g.tag_ == "RBS" for g in c.children)) for c in noun.lefts)


def _superlative_scope(noun: Token) -> list[str]:
    """Content words of the phrase that bounds a superlative ("the hottest cars in the world",
    "the largest dinosaurs to ever live"): NewsQuant keeps them in the unit ("hot car world")."""
    if not _superlative(noun):
        return []
    post = next((c for c in noun.rights if c.dep_ in ("prep", "acl", "relcl")), None)
    if post is None or post.left_edge.i != noun.i + 1:
        return []
    toks = list(noun.doc[post.left_edge.i:post.right_edge.i + 1])
    if any(t.is_punct for t in toks):
        return []
    words = [_lemma(t) for t in toks if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")]
    # a bounding phrase is short ("in the Premier League", "ever to grace a World Cup match"); 4
    # content words is a hand-set cap that keeps whole clauses out
    return words if 0 < len(words) <= _MAX_SCOPE else []
