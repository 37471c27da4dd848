"""Attributions of stance and intent ("wants a wall", "endorsed Clinton", "plans to run", "talked about
jobs"): the attitude verb and the object, clause or prepositional object it takes."""

from __future__ import annotations

from spacy.tokens import Token

# Lemmas kept here were chosen from cue statistics of the PolNeAR *train* split (never dev/test):
# verbs of attitude, evaluation, intent or communication that are an annotated cue in at least
# about half of their uses outside another attribution's content. Tried and left out because
# fewer than 6 in 10 of their extractions matched a gold attribution on train: back, offer,
# focus on, respond to, challenge, embrace, campaign, welcome, echo, approve, worry about.

# Attitude and evaluation verbs whose direct object is what the stance is about ("endorsed Cruz",
# "defended the plan", "expressed concern").
OBJECT_STANCE: frozenset[str] = frozenset("""
support endorse oppose favor prefer defend cite discuss attack reject denounce blast slam tout mock
praise criticize criticise condemn dismiss champion applaud hail assail rebuke chide congratulate
thank disavow label liken characterize characterise recite reference invoke highlight emphasize
emphasise stress express voice reiterate recall mention list outline detail acknowledge recognize
recognise want seek propose recommend request demand question dispute deny admit confirm announce
predict envision imagine fear blame credit view describe portray quote promote decry lament bemoan
rattle remember suspect understand know answer counter assure lambast lambaste castigate berate
ridicule deride deem identify boycott relish chant ignore compare knock insult articulate
""".split())

# Verbs of perception that hold a view only with an "as" complement ("sees him as a threat").
AS_STANCE: frozenset[str] = frozenset({"see", "regard", "perceive", "consider", "cast", "frame",
                                       "paint"})

# Verbs of intent and will whose infinitive complement is the content ("plans to run",
# "declined to comment", "asked leaders to disavow him").
XCOMP_STANCE: frozenset[str] = frozenset("""
want seek plan hope refuse decline aim intend agree decide vow promise pledge threaten urge ask order
prefer wish expect push vote like love instruct persuade encourage support""".split())

# Verbs whose content is the object of a preposition ("talked about jobs", "pointed to the polls",
# "voted against the bill"). Only the prepositions that carry the topic of the attitude.
PREP_STANCE: dict[str, frozenset[str]] = {
    lemma: frozenset(preps.split()) for lemma, preps in {
        "talk": "about of", "speak": "about of", "point": "to", "refer": "to", "allude": "to",
        "vote": "for against", "push": "for", "agree": "with on", "comment": "on", "ask": "about for",
        "advocate": "for", "argue": "for against", "warn": "about of against", "apologize": "for",
        "apologise": "for", "rail": "against", "side": "with", "care": "about", "boast": "about",
        "brag": "about", "joke": "about", "insist": "on", "speculate": "about", "testify": "about",
        "write": "about", "tweet": "about", "think": "about of", "know": "about",
        "decide": "on against", "object": "to", "reflect": "on", "elaborate": "on", "lash": "at",
        "criticize": "for", "praise": "for", "blame": "for", "thank": "for", "accuse": "of",
        "call": "for on", "hope": "for", "worry": "about", "hint": "at", "campaign": "for against",
        "press": "for", "commit": "to",
    }.items()
}

# "took a swipe at X", "made no mention of X", "has a favorable opinion of X": a verb of little
# meaning whose object noun carries the attitude, and the prepositions that give its topic.
LIGHT_NOUNS: dict[str, frozenset[str]] = {
    noun: frozenset(preps.split()) for noun, preps in {
        "swipe": "at", "shot": "at", "jab": "at", "dig": "at", "potshot": "at", "aim": "at",
        "issue": "with", "credit": "for", "mention": "of", "case": "for against", "stand": "on against",
        "position": "on", "view": "on of about", "opinion": "of on about", "impression": "of",
        "concern": "about over", "concerns": "about over", "doubt": "about", "doubts": "about",
        "question": "about", "questions": "about", "criticism": "of", "support": "for",
        "praise": "for", "exception": "to", "note": "of", "stock": "in", "faith": "in",
        "confidence": "in", "interest": "in",
    }.items()
}
# ... and the nouns among them that take a that-clause ("made the case that ...")
LIGHT_CLAUSE_NOUNS = frozenset({"case", "point", "argument", "claim", "promise", "pledge", "clear"})

# "Trump's attacks on the press", "her criticism of the bill", "his decision to run": a stance
# noun with its owner (the source) and its topic. Left out after train: support, plan, call,
# position, effort, attempt, bid (about half their extractions matched).
NOUN_STANCE: dict[str, frozenset[str]] = {
    noun: frozenset(preps.split()) for noun, preps in {
        "criticism": "of", "attack": "on against", "opposition": "to",
        "endorsement": "of", "praise": "for of", "view": "on of about", "concern": "about over",
        "defense": "of",
        "condemnation": "of", "rejection": "of", "embrace": "of", "denunciation": "of",
        "attitude": "toward towards", "commitment": "to", "objection": "to", "opinion": "of on about",
        "proposal": "for", "push": "for", "demand": "for", "request": "for",
        "disdain": "for", "contempt": "for", "admiration": "for", "hostility": "toward towards to",
        "skepticism": "of about", "promise": "of", "pledge": "of",
    }.items()
}
# stance nouns whose infinitive is the content ("his decision not to run")
NOUN_INFINITIVE = frozenset("""decision promise pledge vow threat refusal desire intention
determination willingness reluctance proposal demand request""".split())

# Objects that say nothing about what the stance is on
_EMPTY_OBJECTS = frozenset({"it", "this", "that", "these", "those", "which", "what", "something",
                            "anything", "everything", "nothing", "one", "so"})


# lemmas the small English model gets wrong on frequent cue words: (lemma, word start) -> lemma
_LEMMA_FIXES = {("hop", "hope"): "hope", ("hop", "hoping"): "hope"}


def cue_lemma(tok: Token) -> str:
    """The lemma of a cue word, with the tagger's known slips mended ("hopes" -> "hop")."""
    lemma = tok.lemma_.lower()
    for (wrong, start), right in _LEMMA_FIXES.items():
        if lemma == wrong and tok.lower_.startswith(start):
            return right
    return lemma


def _edges(tok: Token) -> tuple[int, int]:
    doc = tok.doc
    right = doc[tok.right_edge.i]
    return doc[tok.left_edge.i].idx, right.idx + len(right)


def _object(verb: Token) -> tuple[int, int] | None:
    """The direct object, extended to an "as" or predicative complement after it."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ in _EMPTY_OBJECTS:
        return None
    start, end = _edges(obj)
    for c in verb.children:
        if c.i > obj.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"):
            end = max(end, _edges(c)[1])
    return start, end


def _infinitive(verb: Token) -> tuple[int, int] | None:
    """The infinitive complement, with the object that precedes it ("asked X to do Y")."""
    xc = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if xc is None:
        return None
    start, end = _edges(xc)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < xc.i), None)
    if obj is not None:
        start = min(start, _edges(obj)[0])
    return start, end


def _prep_object(verb: Token, lemma: str) -> tuple[tuple[int, int], str] | None:
    """The object of a topic preposition, and the preposition itself (for the cue text)."""
    preps = PREP_STANCE.get(lemma)
    if not preps:
        return None
    for c in verb.children:
        if c.dep_ in ("prep", "prt", "dative") and c.lower_ in preps and c.i > verb.i:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.lower_ not in _EMPTY_OBJECTS:
                return _edges(obj), c.text
    return None


def _light_object(verb: Token) -> tuple[tuple[int, int], str] | None:
    """"took a swipe at X", "made no mention of X", "made clear that ...", "made the case that"."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "ccomp", "oprd")
                and c.lemma_.lower() in LIGHT_NOUNS.keys() | LIGHT_CLAUSE_NOUNS), None)
    if obj is None:
        return None
    noun = obj.lemma_.lower()
    if noun in LIGHT_CLAUSE_NOUNS:
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp")), None)
        if clause is not None and any(g.dep_ == "mark" for g in clause.children) or (
                clause is not None and noun == "clear"):
            return _edges(clause), f"{verb.text} {obj.text}"
    preps = LIGHT_NOUNS.get(noun, frozenset())
    for head in (obj, verb):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in preps and c.i > obj.i:
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and pobj.lower_ not in _EMPTY_OBJECTS:
                    return _edges(pobj), f"{verb.text} {obj.text} {c.text}"
    return None


def noun_stance(noun: Token) -> tuple[tuple[int, int], Token] | None:
    """(content span, owner) of "Trump's attacks on the press", "his decision not to run"."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in NOUN_STANCE and lemma not in NOUN_INFINITIVE:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in ("its",):
        return None
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ == "prep" and c.lower_ in NOUN_STANCE.get(lemma, ()):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.lower_ not in _EMPTY_OBJECTS:
                return _edges(pobj), owner
        if c.dep_ == "acl" and lemma in NOUN_INFINITIVE and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                for g in c.children):
            return _edges(c), owner
    return None


def stance_content(verb: Token) -> tuple[tuple[int, int], str] | None:
    """(content span, cue words) of an attitude verb, or None when it takes no content."""
    lemma = cue_lemma(verb)
    if lemma in XCOMP_STANCE:
        span = _infinitive(verb)
        if span is not None:
            return span, verb.text
    found = _prep_object(verb, lemma)
    if found is not None:
        return found[0], f"{verb.text} {found[1]}"
    if lemma in AS_STANCE and any(c.dep_ in ("prep", "oprd") and c.lower_ == "as" for c in verb.children):
        span = _object(verb)
        if span is not None:
            return span, verb.text
    if lemma in OBJECT_STANCE:
        span = _object(verb)
        if span is not None:
            return span, verb.text
    return _light_object(verb)
