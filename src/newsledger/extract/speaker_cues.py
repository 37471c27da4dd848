"""Who speaks for a cue verb: the parser's subject, repaired where the parse points elsewhere."""

from __future__ import annotations

import logging
import re

from spacy.tokens import Span, Token

from newsledger.extract.event_args import misattached_conj
from newsledger.extract.quote_syntax import SUBJECT_DEPS, noun_phrase
from newsledger.extract.speakers import ArticleSpeakers, SpeakerRef

log = logging.getLogger(__name__)

# How many heads up a subjectless cue may climb to find a subject ("are more likely to say" ->
# "likely" -> "are"; "made a point of saying" -> "of" -> "point" -> "made"). 4 reaches the
# subject in the PolNeAR train cases read and does not cross into the sentence's other clauses.
MAX_CLIMB = 4
# Verbs whose object does their infinitive ("led X to announce", "urged X to act", "prompted X
# to accuse", "tricked X into voting"). A list, not a rule: with "used his speech to call for" or
# "promised voters to fight" the subject still does it (both misread on PolNeAR train without it).
OBJECT_CONTROL = {"lead", "prompt", "ask", "urge", "tell", "force", "allow", "encourage", "persuade",
                  "convince", "push", "press", "pressure", "invite", "challenge", "inspire", "compel",
                  "drive", "cause", "spur", "motivate", "implore", "beg", "order", "instruct",
                  "remind", "advise", "trick", "goad", "provoke", "call", "dare", "lure", "coax"}
# a dateline: a place in capitals (or a title-case place before an agency in brackets), an
# optional date, an optional agency, then a dash
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:,[^\n(—–]{1,30})?"
                       r"(?: ?\([^)\n]{1,30}\))?|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}"
                       r"(?:,[^\n(—–]{1,30})? ?\([^)\n]{1,30}\))\s*(?:—|–|--|-)\s*")
_RELATIVE = {"who", "whom", "which", "that", "whose"}
# climbing stops at these: a new clause or a relative clause has a subject of its own
_CLAUSE_DEPS = {"relcl", "ccomp", "csubj", "parataxis", "ROOT"}


def cue_speaker(speakers: ArticleSpeakers, verb: Token, subject: Span | None) -> SpeakerRef | None:
    """The speaker of the cue `verb` whose parsed speaker phrase is `subject` (or None)."""
    obj = _controller(verb)
    if obj is not None and (subject is None or subject.root.i != obj.i):
        return speakers.resolve_span(noun_phrase(obj), speaking=True)
    if verb.dep_ == "conj" and misattached_conj(verb, verb.head):
        # "said the sanctions would not change X and accused Y": the reporting verb's subject accuses
        subj = next((c for c in verb.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        subject = noun_phrase(subj) if subj is not None else subject
    if subject is None:
        subject = _climb(verb)
        if subject is None:
            return None
    end = _dateline_end(subject)
    if end is not None:
        subject = _after_dateline(subject, verb, end)
        if subject is None or not len(subject):
            return None
    named = _apposed_name(subject)
    if named is not None:
        return speakers.resolve_span(named, speaking=True)
    if len(subject) == 1 and subject[0].lower_ in _RELATIVE and subject[0].tag_ in ("WP", "WDT"):
        noun = _relative_antecedent(subject[0])
        if noun is not None:
            # "Reid, who concluded that ...": the speaker is the noun the clause hangs on; the
            # words that point at him stay "who"
            ref = speakers.resolve_span(noun_phrase(noun), speaking=True)
            ref.start, ref.end = subject.start_char, subject.end_char
            return ref
    return speakers.resolve_span(subject, speaking=True)


def _dateline_end(subject: Span) -> int | None:
    """Where a dateline the parser took into the subject ends ("WASHINGTON (AP) — ",
    "CLEVELAND, July 19 (UPI) — ", "New York (AFP) – "); None when the subject has none."""
    text = subject.doc.text
    line = text.rfind("\n", 0, subject.start_char) + 1
    m = _DATELINE.match(text, line)
    if m is None or not line <= subject.start_char < m.end():
        return None
    return m.end()


def _after_dateline(subject: Span, verb: Token, end: int) -> Span | None:
    """The subject without its dateline: the rest of the subject when it runs past the dateline
    ("A spokesman for ..."), else the first person (then organisation) between it and the verb."""
    if subject.end_char > end:
        rest = subject.doc.char_span(end, subject.end_char, alignment_mode="contract")
        if rest is not None and len(rest):
            return rest
    ents = [e for e in verb.doc.ents if e.start_char >= end and e.end <= verb.i
            and e.label_ in ("PERSON", "ORG", "NORP", "GPE")]  # "KYIV, Nov 11 - Russia said"
    return min(ents, key=lambda e: (e.label_ != "PERSON", e.label_ == "GPE", e.start), default=None)


def _apposed_name(subject: Span) -> Span | None:
    """"One of the men, Jessie Elkins, 70," / "The director of the centre, Ina Kirsch,": the
    person's name set beside a nameless subject."""
    if any(e.label_ == "PERSON" for e in subject.ents) or subject.root.pos_ == "PRON":
        return None
    for child in subject.root.rights:
        if child.dep_ != "appos":
            continue
        sub = subject.doc[child.left_edge.i: child.right_edge.i + 1]
        person = next((e for e in sub.ents if e.label_ == "PERSON"), None)
        if person is not None:
            return subject.doc[subject.start: person.end]
    return None


def _controller(verb: Token) -> Token | None:
    """The object that does an infinitive cue: "led Wasserman Schultz to announce", "prompted
    Anderson Cooper to accuse", "tricked voters into backing"; None when the verb has its own
    subject or the head keeps control ("promised to fight")."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ == "into":
        head = head.head  # "tricked voters into voting"
    elif verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in OBJECT_CONTROL:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.lower_ in ("it", "this", "that"):
        return None
    return obj


def _climb(verb: Token) -> Span | None:
    """A subject found by climbing from a subjectless cue through adjectives, nouns and
    prepositions ("Democrats are more likely to say", "he made a point of saying")."""
    tok = verb
    for _ in range(MAX_CLIMB):
        if tok.dep_ in _CLAUSE_DEPS or tok.head.i == tok.i:
            return None
        if tok.dep_ == "acl" and tok.head.pos_ == "PRON" and tok.head.lower_ not in _RELATIVE:
            return noun_phrase(tok.head)  # "Anyone expecting Trump to pivot"
        tok = tok.head
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return noun_phrase(subj)
    return None


def _relative_antecedent(pron: Token) -> Token | None:
    """The noun a relative pronoun stands for, also from a later verb of the clause ("an
    academic, who is running for Congress and who worked the crowd, praising ...")."""
    tok = pron.head
    for _ in range(MAX_CLIMB):
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ not in ("conj", "advcl", "xcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
