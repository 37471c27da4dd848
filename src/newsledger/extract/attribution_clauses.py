"""Attributions found by clause shape rather than by cue word: a "that"-clause the parser hung on
the wrong word, any verb of a named or personal holder with a "that"/"whether" clause, evaluative
adjectives ("critical of X", "eager to Y") and documents that show something ("polls show X")."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract.quote_cues import SOURCE_DOCUMENTS
from newsledger.extract.speakers import ROLE_HEADS

# Words that open a finite clause which reports a thought or a statement ("noticed that ...",
# "questioned whether ...", "explained how ...").
CLAUSE_OPENERS = frozenset({"that", "whether", "if", "how", "why", "what", "when", "where", "who"})

# Holders that can think or say something: personal pronouns and named people, groups and
# organisations. On PolNeAR train, verbs outside our cue lists with a that/wh-clause were a gold
# attribution 70% of the time with such a holder, 52% with a common-noun subject, so only these.
_PERSONAL = frozenset({"he", "she", "they", "i", "we", "who"})
_HOLDER_ENTS = ("PERSON", "ORG", "NORP")
# Common nouns for people and bodies that hold views, besides the role words of titles
# ("officials", "critics", "voters", "the campaign").
_PEOPLE_NOUNS = frozenset("""voter critic supporter opponent people resident member observer activist
ally citizen worker republican democrat conservative liberal progressive american campaign
administration government party committee group lawyer scientist doctor investigator
""".split()) | {r.rstrip(".") for r in ROLE_HEADS}

# Verbs whose clause is a result or a cause, not a thought ("made sure that", "helped ... win").
_NOT_THOUGHT = frozenset({"make", "help", "let", "have", "get", "cause", "ensure", "allow", "mean",
                          "be", "do", "go", "come", "happen", "depend", "matter", "seem", "appear",
                          "look", "sound"})

# How far up from a misattached clause to look for its speech verb (the clause hangs on the
# object of a preposition of the verb: "said during a news conference that ..."); 4 covers
# verb -> prep -> pobj -> clause with one compound or modifier in between.
MAX_MISREAD_STEPS = 4

# Evaluative adjectives with the prepositions that give what the attitude is about ("critical
# of the deal", "skeptical about the polls"), from the adjectives of attitude in English grammars;
# on PolNeAR train the few frequent ones (critical of, skeptical of, proud of, supportive of) are
# an annotated attribution 19 times in 21.
ADJ_PREP_STANCE: dict[str, frozenset[str]] = {
    adj: frozenset(preps.split()) for adj, preps in {
        "critical": "of", "skeptical": "of about", "sceptical": "of about", "supportive": "of",
        "proud": "of", "wary": "of about", "fond": "of", "dismissive": "of", "confident": "in about of",
        "optimistic": "about", "pessimistic": "about", "enthusiastic": "about", "worried": "about",
        "concerned": "about", "angry": "at about with over", "upset": "with about over",
        "unhappy": "with about", "sympathetic": "to toward towards", "hostile": "to toward towards",
        "opposed": "to", "open": "to", "committed": "to", "right": "about", "wrong": "about",
        "adamant": "about", "vocal": "about", "ambivalent": "about", "disappointed": "in with",
        "frustrated": "with", "nervous": "about", "excited": "about", "bullish": "on about",
        "bearish": "on about", "suspicious": "of", "tough": "on", "soft": "on",
    }.items()
}
# ... and those whose infinitive or clause is the content ("eager to run", "confident that ...");
# eager, hopeful, reluctant on train: 18 in 18.
ADJ_CLAUSE_STANCE = frozenset("""eager hopeful reluctant willing unwilling determined confident sure
certain convinced adamant optimistic afraid worried concerned aware unaware keen anxious loath""".split())

# Verbs of what a poll or a study shows; with a document as the subject their object is what
# the document says ("the poll showed a tight race"); 49 in 75 of "show" with a common-noun
# subject were gold on train, documents being the most of them.
DOCUMENT_VERBS = frozenset({"show", "find", "suggest", "indicate", "reveal", "confirm", "predict"})
_MORE_DOCUMENTS = frozenset({"data", "result", "number", "figure", "record", "polling", "research",
                             "estimate", "projection", "model", "forecast", "count", "exit"})


# Words that stand for a whole statement as the object of "say" ("said no", "say the same of
# Sanders", "would not say so", "said nothing about the deal").
PROFORMS = frozenset({"yes", "no", "so", "same", "nothing", "little", "otherwise", "much"})
_PROFORM_VERBS = frozenset({"say", "tell", "answer", "reply"})


def edges(tok: Token) -> tuple[int, int]:
    """Character offsets of the words `tok` governs."""
    doc = tok.doc
    right = doc[tok.right_edge.i]
    return doc[tok.left_edge.i].idx, right.idx + len(right)


def is_holder(subj_root: Token) -> bool:
    """A pronoun for people, a named person, group or organisation, or a noun for people."""
    return subj_root.lower_ in _PERSONAL or subj_root.ent_type_ in _HOLDER_ENTS or (
        subj_root.pos_ == "NOUN" and subj_root.lemma_.lower() in _PEOPLE_NOUNS)


def misread_clause(verb: Token) -> Token | None:
    """"said during a news conference that he may wait": the parser hung the that-clause on
    "conference" as a relative clause. Returns the clause's verb when a clause opened by the
    conjunction "that" (not the pronoun) lies below the speech verb's prepositions."""
    for tok in verb.doc[verb.i + 1:verb.sent.end]:
        if tok.lower_ != "that" or tok.dep_ != "mark":
            continue
        clause = tok.head
        if clause.dep_ not in ("relcl", "acl", "advcl") or not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        up, steps = clause.head, 0
        while up.i != verb.i and steps < MAX_MISREAD_STEPS and up.dep_ in (
                "pobj", "prep", "npadvmod", "compound", "dobj", "advmod", "amod") and up.head.i != up.i:
            up, steps = up.head, steps + 1
        if up.i == verb.i:
            return clause
        return None
    return None


def thought_clause(verb: Token, subj_root: Token | None) -> tuple[int, int] | None:
    """Any verb of a named or personal holder whose complement is a that/whether/wh-clause with a
    subject of its own ("Sanders noticed that ...", "She questioned whether ...")."""
    if subj_root is None or not is_holder(subj_root) or verb.lemma_.lower() in _NOT_THOUGHT:
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i and verb.doc[c.left_edge.i].lower_ in CLAUSE_OPENERS \
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            return edges(c)
    return None


def adjective_stance(adj: Token) -> tuple[tuple[int, int], str] | None:
    """(content, cue words) of "was critical of the deal", "is eager to run", "is confident that"."""
    if adj.pos_ != "ADJ" or adj.dep_ != "acomp":
        return None
    lemma = adj.lower_
    preps = ADJ_PREP_STANCE.get(lemma, frozenset())
    for c in adj.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.pos_ != "PRON":
                return edges(pobj), f"{adj.text} {c.text}"
        if c.dep_ in ("xcomp", "ccomp") and lemma in ADJ_CLAUSE_STANCE and c.i > adj.i:
            return edges(c), adj.text
    return None


def document_finding(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """(content, document) of "the poll showed a tight race", "a study found higher costs"."""
    if verb.lemma_.lower() not in DOCUMENT_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in SOURCE_DOCUMENTS | _MORE_DOCUMENTS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
    if obj is None:
        return None
    return edges(obj), subj



def proform_statement(verb: Token) -> tuple[int, int] | None:
    """"75 percent said yes", "who say the same of Sanders": the word standing for the statement,
    with what it is about."""
    if verb.lemma_.lower() not in _PROFORM_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "intj", "attr", "advmod", "npadvmod")
                and c.i > verb.i and c.lower_ in PROFORMS), None)
    if obj is None:
        return None
    start, end = edges(obj)
    for c in verb.children:
        if c.dep_ == "prep" and c.i > obj.i and c.lower_ in ("of", "about", "to"):
            end = max(end, edges(c)[1])
    return start, end
