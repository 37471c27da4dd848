"""Modality of a coded event from the parse: asserted, reported, speculative or negated."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract.event_lexicon import GOVERNING_FUTURE, GOVERNING_OWN, REPORTING, lem

ACCUSING = frozenset({"accuse", "blame", "charge", "suspect", "convict", "indict", "criticize", "criticise",
                      "condemn", "denounce", "sue", "arrest", "detain", "jail", "sentence"})

# modal auxiliaries that put an event in the future or the hypothetical
MODALS = frozenset({"could", "might", "may", "would", "should", "will", "shall", "can", "must", "'ll", "wo"})
# words that deny the event they govern
DENIALS = frozenset({"deny", "refute", "dismiss", "reject"})
# adjectives and adverbs of likelihood around the event ("likely", "on track for", "reportedly")
HEDGES = frozenset({"likely", "possible", "possibly", "probably", "perhaps", "potentially", "expected",
                    "poised", "set", "track", "plan", "planned", "threat", "risk", "unlikely", "if",
                    "unless", "whether"})
REPORTED_ADVS = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
# how far up the tree to look for a governing verb; 4 covers "said it would try to launch an attack"
MAX_CLIMB = 4


def _negated_here(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("det", "advmod", "preconj")):
            return True
    return False


def _modal_here(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS:
            return True
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return True
        if c.dep_ in ("advmod", "acomp") and c.lower_ in HEDGES:
            return True
    return False


def _attributed(sent_tokens: list[Token]) -> bool:
    """An 'according to' or a reporting verb with a source anywhere in the sentence."""
    for i, t in enumerate(sent_tokens):
        if t.lower_ == "according" and i + 1 < len(sent_tokens) and sent_tokens[i + 1].lower_ == "to":
            return True
        if t.lower_ in REPORTED_ADVS:
            return True
    return False


def modality(trigger: Token, verb: Token | None = None) -> str:
    """Modality of the event whose trigger is `trigger` (and whose argument-bearing verb is `verb`)."""
    v = verb if verb is not None else trigger
    if _negated_here(v) or (trigger.i != v.i and _negated_here(trigger)):
        return "negated"
    speculative = _modal_here(v)
    reported = False
    cur = v
    for _ in range(MAX_CLIMB):
        if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
            break
        dep, head = cur.dep_, cur.head
        hl = lem(head)
        if dep in ("ccomp", "xcomp", "advcl", "conj", "pcomp", "pobj", "prep", "acomp", "dobj", "parataxis"):
            if dep == "ccomp" and hl in DENIALS:
                return "negated"
            if dep == "xcomp" and hl in ("fail", "refuse", "decline"):
                return "negated"
            if dep in ("xcomp", "ccomp") and _negated_here(head) and hl not in REPORTING:
                return "negated"
            if dep in ("pcomp", "pobj", "prep") and hl in ACCUSING:
                reported = True  # "accused Moscow of shelling": an allegation, not a plan
                cur = head
                continue
            infinitive = any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in cur.children)
            if (dep in ("xcomp", "ccomp", "pcomp", "pobj", "prep") or (dep == "advcl" and infinitive)) and \
                    (hl in GOVERNING_OWN or hl in GOVERNING_FUTURE):
                speculative = True
            if hl in HEDGES and dep in ("prep", "pobj", "xcomp", "acomp"):
                speculative = True
            if hl in REPORTING and dep in ("ccomp", "parataxis", "conj", "advcl"):
                reported = True
            if dep in ("ccomp",) and _modal_here(head) and hl in GOVERNING_FUTURE:
                speculative = True
        else:
            break
        cur = head
    root = v.sent.root
    if not reported and root.i != v.i and lem(root) in REPORTING:
        # "Russian forces shelled Kharkiv, the governor said": the event hangs off the reporting verb
        reported = any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
    if not reported:
        for c in v.children:
            if c.dep_ == "parataxis" and lem(c) in REPORTING:
                reported = True
    if not reported:
        reported = _attributed(list(v.sent))
    if speculative:
        return "speculative"
    return "reported" if reported else "asserted"
