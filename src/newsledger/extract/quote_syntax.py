"""Dependency-parse helpers shared by the quote cue finders: who a verb's speaker is, noun phrases, spans."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

# How many tokens left of a subjectless speech verb a name may stand ("Marcel Lazar, 44, a
# hacker from Romania, said"); about one apposition.
LEFT_SCAN = 12
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@dataclass(slots=True)
class Cue:
    """A speech verb with the span of its content and its subject."""
    token: Token
    content: tuple[int, int]
    subject: Span | None
    text: str
    hole: tuple[int, int] | None = None  # the cue words inside the content ("X, analysts say, Y")
    kind: str = "indirect"  # "stance" for attitudes and intents ("wants a wall")


def subtree_span(tok: Token) -> tuple[int, int]:
    """Character offsets of the words `tok` governs."""
    doc = tok.doc
    return doc[tok.left_edge.i].idx, doc[tok.right_edge.i].idx + len(doc[tok.right_edge.i])


def subject_of(verb: Token, depth: int = 0) -> Span | None:
    """The speaker phrase of a verb: its subject, the agent of a passive, or the subject of the
    verb it hangs off ("..., adding that ..."). Relative clauses and appositions are cut off."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return noun_phrase(child)  # "who" in "Reid, who concluded": resolved to Reid in _speaker
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return noun_phrase(g)
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i and depth < 3:
        return subject_of(verb.head, depth + 1)
    if verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX") and depth < 3 and not any(
            c.dep_ == "mark" for c in verb.children):
        # a subjectless "complement" is mostly a misparsed coordination ("touted A and promised B")
        return subject_of(verb.head, depth + 1)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        if noun.dep_ == "dobj" and noun.pos_ == "NOUN" and depth < 3:
            # "Trump issued a statement saying ...", "emailed supporters saying": whoever issued it
            owner = subject_of(noun.head, depth + 1)
            if owner is not None:
                return owner
        return noun_phrase(noun)  # "a statement saying that ...": the statement speaks
    if verb.dep_ in ("pcomp", "pobj") and depth < 3:
        # "... by saying that": the subject of the verb the preposition hangs from
        up = verb.head.head if verb.head.dep_ == "prep" else verb.head
        if up.i != verb.i and up.pos_ in ("VERB", "AUX"):
            return subject_of(up, depth + 1)
    if verb.dep_ in ("npadvmod", "dep", "parataxis") and verb.head.pos_ in ("VERB", "AUX") \
            and verb.head.i != verb.i and depth < 3:
        return subject_of(verb.head, depth + 1)
    return named_left(verb) if depth == 0 else None


def named_left(verb: Token) -> Span | None:
    """A parse without a subject ("Marcel Lazar, 44, said that"): the name right before the verb,
    past commas, ages and titles, in the same sentence."""
    sent_start = verb.sent.start
    for i in range(verb.i - 1, max(sent_start, verb.i - LEFT_SCAN) - 1, -1):
        tok = verb.doc[i]
        if tok.ent_type_ in ("PERSON", "ORG", "NORP") and tok.ent_iob_ in ("B", "I"):
            ent = next((e for e in verb.doc.ents if e.start <= i < e.end), None)
            return ent
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("that", "because", "when", "if"):
            return None
    return None


def noun_phrase(head: Token) -> Span:
    """The noun phrase of `head` without trailing relative clauses, appositions and punctuation."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "appos" and head.pos_ == "NOUN" and child.pos_ == "PROPN":
            end = child.right_edge.i + 1  # "the health minister, Maria Lopez": keep the name
            continue
        if child.dep_ == "punct":
            continue
        if child.dep_ in ("relcl", "appos", "acl", "cc", "conj"):
            break
        end = child.right_edge.i + 1
    return doc[start:end]


def cue_text(verb: Token) -> str:
    """The verb with its particle ("pointed out")."""
    parts = [verb.text] + [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join(parts)


def paragraph(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line holding `pos` (plain-text news keeps a paragraph on a line)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (b if b >= 0 else len(text))
