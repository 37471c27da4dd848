"""Who did what to whom: actor and recipient heads of a trigger, read from its own clause only."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsledger.extract.event_lexicon import GOVERNING_FUTURE, GOVERNING_OWN, LIGHT_VERBS, REPORTING, lem
from newsledger.models import Actor
from newsledger.resolve.actors import ActorResolver, get_resolver

# prepositions whose objects can be recipients ("met with", "sanctions on", "attack against")
RECIPIENT_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "at", "from", "for", "between",
                   "over")
# verbs whose object is the subject of their infinitive ("urged Israel to withdraw")
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "press", "force", "order", "invite", "allow", "encourage",
                            "persuade", "tell", "help", "require", "permit", "compel", "instruct"})
# verbs whose grammatical subject suffers the event ("three civilians died")
PATIENT_SUBJECT = frozenset({"die", "perish", "fall"})
# prepositions on an event noun or an object whose objects are recipients ("sanctions on Iran")
# nouns for measures whose target a container phrase hides ("a package of sanctions against Russia")
MEASURE_NOUNS = frozenset({"sanction", "measure", "embargo", "restriction", "tariff", "penalty", "ban",
                           "control", "aid", "assistance", "weapon", "arm"})
NOUN_PREPS = ("on", "against", "with", "to", "for", "from", "between", "toward", "towards")
# an unresolved proper name that is also a place of this many people is read as the place; 20k keeps
# towns like Lyman (~20k) while surnames that are also hamlets stay actors
PLACE_MIN_POP = 20_000
# verbs whose object is said to have done the act in their 'of'/'for' phrase
ACCUSING = frozenset({"accuse", "blame", "charge", "suspect", "convict", "indict", "criticize", "criticise",
                      "condemn", "denounce", "sue", "arrest", "detain", "jail", "sentence"})
# nouns that count or group the real actor ("thousands of protesters", "a delegation of officials")
QUANTITY_HEADS = frozenset({"thousand", "hundred", "dozen", "ten", "score", "million", "group", "number", "member",
                            "some", "many", "most", "majority", "all", "crowd", "band", "team", "contingent",
                            "batch", "unit", "squad", "wave", "handful", "couple", "several", "one", "two", "three"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "who", "which", "that", "its", "them"})
# how many heads up a governed event may sit below its governor ("threatened to break off relations")
GOVERN_DEPTH = 3

@dataclass
class Cand:
    trigger: Token
    verb: Token  # the token that carries the arguments (the trigger, or its light verb)
    etype: str
    mode: str | None
    kind: str  # verb, light, noun
    territory: bool = False
    obligation: bool = False
    patient: bool = False  # the subject undergoes the event ("Russia could face a defeat")  # "X said Y must ...": a REQUEST by the speaker to Y
    governor: Cand | None = None
    governed: list[Cand] = field(default_factory=list)


def speaker(v: Token) -> Token | None:
    """Subject of the reporting or declaring clause a complement hangs from ('X said/declared that ...')."""
    cur = v
    for _ in range(GOVERN_DEPTH):
        if cur.dep_ not in ("ccomp", "acl", "advcl", "conj", "relcl") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "NOUN" and lem(cur.head) in LIGHT_VERBS:
            cur = cur.head
        if lem(cur) in REPORTING | LIGHT_VERBS | {"reiterate", "conclude", "insist", "warn", "urge"}:
            subj = [c for c in cur.children if c.dep_ == "nsubj"]
            return subj[0] if subj else None
    return None


def phrase_tokens(head: Token, with_of: bool = False) -> list[Token]:
    """The actor phrase of a head noun: modifiers (and 'of' phrases), no clauses, appositions or conjuncts."""
    keep: list[Token] = [head]
    stack = [c for c in head.children]
    while stack:
        t = stack.pop()
        if t.head.i == head.i and t.dep_ in ("relcl", "acl", "cc", "conj", "punct", "advcl", "appos"):
            continue
        if t.dep_ == "prep" and (t.lower_ != "of" or not (with_of or t.head.dep_ in ("nmod", "compound"))):
            continue  # an 'of' inside a modifier belongs to the name: "the Group of Seven countries"
        if t.dep_ in ("relcl", "acl", "advcl"):
            continue
        keep.append(t)
        stack.extend(t.children)
    return sorted(keep, key=lambda t: t.i)


def _is_town(text: str) -> bool:
    """A name the gazetteer knows as a sizeable place ('Kharkiv' tagged ORG) is a place, not an actor."""
    try:
        from newsledger.resolve.gazetteer import get_gazetteer
        return get_gazetteer().max_pop(text.removeprefix("the ").strip()) >= PLACE_MIN_POP
    except (ImportError, OSError, ValueError, KeyError):  # gazetteer missing or not built: keep the name
        return False


def _group_head(head: Token) -> Token:
    """'thousands of students', 'a group of diplomats', 'members of the party': the real head is after 'of'."""
    for _ in range(2):
        if head.lemma_.lower() not in QUANTITY_HEADS and not head.like_num:
            break
        inner = [p for pr in head.children if pr.dep_ == "prep" and pr.lower_ == "of"
                 for p in pr.children if p.dep_ == "pobj"]
        if not inner:
            break
        head = inner[0]
    return head


# heads that date a thing rather than name a party: "the first anniversary of the invasion of Ukraine"
TIME_HEADS = frozenset({"anniversary", "eve", "day", "week", "month", "year", "start", "end", "beginning",
                         "aftermath", "wake", "height"})


def actors_of(head: Token, resolver: ActorResolver, as_recipient: bool) -> list[tuple[Actor, float]]:
    head = _group_head(head)
    out: list[tuple[Actor, float]] = []
    for h in [head] + [c for c in head.conjuncts if c.i > head.i]:
        toks = phrase_tokens(h)
        text = " ".join(t.text for t in toks)
        found = resolver.resolve_all(text)
        if lem(h) not in TIME_HEADS and not any(a.code for a, _ in found) and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in h.children):  # not "the anniversary of the war"
            longer = resolver.resolve_all(" ".join(t.text for t in phrase_tokens(h, with_of=True)))
            if any(a.code for a, _ in longer):  # "King Hassan of Morocco", "the government of Iraq"
                found = longer
        if (found or h.tag_ in ("NNS", "NNPS")) and not any(a.code for a, _ in found):
            # "rebels in the Ivory Coast", "protesters in Tbilisi": a group is coded by where it is
            for pr in h.children:
                if pr.dep_ == "prep" and pr.lower_ in ("in", "throughout", "from", "across"):
                    for p in pr.children:
                        if p.dep_ == "pobj":
                            place = [a for a, _ in resolver.resolve_all(" ".join(t.text for t in phrase_tokens(p)))
                                     if a.code and a.code not in ("IGO", "NGO", "IMG")]
                            if place:
                                sector = found[0][0].sector if found else None
                                found = [(Actor(name=place[0].name, code=place[0].code, country=place[0].country,
                                                sector=sector, text=text), 0.6)]
                                break
        if not found or all(a.code is None for a, _ in found):
            for c in h.children:
                if c.dep_ == "appos":
                    more = resolver.resolve_all(" ".join(t.text for t in phrase_tokens(c)))
                    if any(a.code for a, _ in more):
                        found = more
                        break
        if found and not as_recipient and not any(a.code for a, _ in found):
            poss = [c for c in h.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")]
            ante = resolve_pronoun(poss[0]) if poss else None
            if ante is not None and ante.i != h.i:
                owner = next((a for a in actors_of(ante, resolver, False) if a[0].code), None)
                if owner is not None:
                    sector = found[0][0].sector if found else None
                    found = [(Actor(name=owner[0].name, code=owner[0].code, country=owner[0].country,
                                    sector=sector or owner[0].sector, text=text), owner[1] * 0.8)]
        if not found and h.pos_ == "PROPN" and h.ent_type_ in ("ORG", "PERSON", "NORP", ""):
            if not (as_recipient and h.ent_type_ == "") and not _is_town(text):
                found = [(Actor(name=text, code=None, text=text), 0.3)]
        for a, s in found:
            a.text = text
            out.append((a, s))
    return out


def subject(v: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb and whether they suffer the event (passive, 'died')."""
    subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj", "expl")]
    passive = [c for c in v.children if c.dep_ == "nsubjpass"]
    if passive:
        return passive, True
    if subj:
        return subj, lem(v) in PATIENT_SUBJECT
    return [], False


def inherited_subject(v: Token) -> list[Token]:
    """Subject for a verb without one: from its controller, conjunct head, or modified noun."""
    cur = v
    for _ in range(GOVERN_DEPTH):
        head, dep = cur.head, cur.dep_
        if head.i == cur.i:
            return []
        if dep == "prep" and cur.lower_ in ("of", "for") and lem(head) in ACCUSING:
            objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            if objs:  # "Kyiv accused Moscow of shelling the plant": the accused did the shelling
                return objs
        if dep == "xcomp" and lem(head) in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objs:
                return objs
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            if head.pos_ == "PROPN" or get_resolver().resolve_all(head.text):
                return [head]
            cur = head
            continue
        if dep in ("dobj", "pobj", "prep") and cur.pos_ in ("NOUN", "ADP", "PROPN"):
            cur = head
            if cur.pos_ in ("VERB", "AUX"):
                subj, _ = subject(cur)
                if subj:
                    return subj
            continue
        if dep in ("xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp"):
            subj, _ = subject(head)
            if subj and not (dep == "conj" and misattached_conj(cur, head)):
                return subj
            cur = head
            continue
        return []
    return []


def misattached_conj(v: Token, head: Token) -> bool:
    """'said the sanctions would not change X and accused Y', 'said the strike had destroyed X and denied Y',
    'said Kherson was returning ... and urged Z': a finite past verb cannot share the auxiliary of the reported
    clause the parser joined it to, so it is the reporting verb's conjunct and takes its subject."""
    if not (v.tag_ == "VBD" and head.dep_ == "ccomp" and head.tag_ in ("VB", "VBN", "VBG")
            and any(c.dep_ == "aux" for c in head.children) and not any(c.dep_ == "aux" for c in v.children)):
        return False
    if head.tag_ == "VBG" and any(c.dep_ == "dobj" for c in v.children):
        return True  # "was returning ... and urged soldiers": an active past cannot share "was"
    # "rebels have kidnapped X and exploded Y": a subject that can act keeps its verbs (the tagger often
    # reads a shared participle as a past form); "the strike", "the sanctions" cannot deny or accuse
    subj, _ = subject(head)
    return not any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.pos_ == "PRON"
                   or bool(get_resolver().resolve_all(t.text)) for t in subj)


def resolve_pronoun(tok: Token) -> Token | None:
    """'Switzerland said it had expelled': the pronoun's antecedent is the reporting clause's subject."""
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    cur = tok.head
    for _ in range(GOVERN_DEPTH + 1):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if lem(cur) in REPORTING | GOVERNING_OWN | GOVERNING_FUTURE:
            subj = [c for c in cur.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS]
            if subj:  # the nearest: "KYIV, Nov 11 - Russia said it ..." parses the dateline as a subject too
                return min(subj, key=lambda c: abs(cur.i - c.i))
    return None


def arguments(c: Cand) -> tuple[list[Token], list[Token]]:
    """(actor heads, recipient heads) read from the trigger's own clause."""
    v = c.verb
    subj, patient = subject(v)
    actors: list[Token] = []
    recips: list[Token] = []
    if c.obligation:
        spk = speaker(v)
        actors = [spk] if spk is not None else []
        return [a if a.lower_ not in PRONOUNS else (resolve_pronoun(a) or a) for a in actors], subj
    if lem(v) == "fall" and c.territory:
        actors = [p for pr in v.children if pr.dep_ == "prep" and pr.lower_ in ("to", "into")
                  for p in pr.children if p.dep_ == "pobj"]
        return actors, []
    if c.patient:
        return [], subj
    if not subj and v.tag_ == "VBN" and v.dep_ == "conj" and any(
            ch.dep_ in ("nsubjpass", "auxpass") for ch in v.head.children):
        # "two civilians had been killed and six wounded": the elided passive keeps its victims
        return [], [ch for ch in v.head.children if ch.dep_ == "nsubjpass"]
    agents = [p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if patient:
        recips.extend(subj)
        actors.extend(agents)
    else:
        actors.extend(subj or agents)  # "an agreement hosted by Turkey": the agent of a participle
    if not actors and not patient:
        actors = inherited_subject(v)
    if c.kind in ("light", "noun"):
        n = c.trigger
        mods = [m for m in n.children if m.dep_ in ("poss", "compound", "amod") and m.pos_ in ("PROPN", "ADJ", "NOUN")]
        if mods and (not actors or c.kind == "noun"):
            actors = mods[:1] + actors if c.kind == "noun" else mods[:1]
        recips.extend(p for pr in n.children if pr.dep_ == "prep" and pr.lower_ in NOUN_PREPS
                      for p in pr.children if p.dep_ == "pobj")
    if not patient:
        for ch in v.children:
            if ch.dep_ in ("dobj", "dative", "iobj", "attr") and ch.i != c.trigger.i:
                if not (c.etype == "AID" and ch.dep_ == "dobj" and ch.pos_ == "NOUN"
                        and not any(p.dep_ == "prep" and p.lower_ == "with" for p in v.children)
                        and not any(a.code for a, _ in get_resolver().resolve_all(ch.text))):
                    # but "supplied drones to Russia": what is given is no recipient ("provided refugees
                    # with food" is)
                    recips.append(ch)
                # "welcomed Reagan's statement", "sanctions on Iran", "aid for Romania"
                if not get_resolver().resolve_all(ch.text):
                    recips.extend(m for m in ch.children if m.dep_ == "poss" and m.lower_ not in PRONOUNS)
                recips.extend(p for pr in ch.children if pr.dep_ == "prep" and pr.lower_ in NOUN_PREPS
                              for p in pr.children if p.dep_ == "pobj")
                if c.kind == "verb":  # "adopted a package of sanctions against Russia"
                    inner = [p for pr in ch.children if pr.dep_ == "prep" and pr.lower_ == "of"
                             for p in pr.children if p.dep_ == "pobj" and lem(p) in MEASURE_NOUNS]
                    recips.extend(p for n in inner for pr in n.children
                                  if pr.dep_ == "prep" and pr.lower_ in NOUN_PREPS
                                  for p in pr.children if p.dep_ == "pobj")
    for ch in v.children:
        if ch.dep_ == "prep" and ch.lower_ in RECIPIENT_PREPS:
            recips.extend(p for p in ch.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"))
        if ch.dep_ == "prt":
            for pr in ch.children:
                if pr.dep_ == "prep":
                    recips.extend(p for p in pr.children if p.dep_ == "pobj")
    if c.etype in ("REQUEST", "THREATEN", "ACCUSE", "SUPPORT"):
        # "demanded that Hamas renounce ...": the one asked is the complement clause's subject
        for ch in v.children:
            if ch.dep_ == "ccomp":
                recips.extend(x for x in ch.children if x.dep_ in ("nsubj", "nsubjpass"))
    fixed = []
    for a in actors:
        if a.lower_ in PRONOUNS:
            a = resolve_pronoun(a) or a
        fixed.append(a)
    start = dateline_end(v.sent)
    if start > v.sent.start:  # "ISTANBUL, July 22 (Wire) - Russia and Ukraine signed": the parse hangs the
        fixed = [x for a in fixed for x in ([a] if a.i >= start else  # real subject off the dateline
                 [c for c in a.children if c.dep_ == "appos" and c.i >= start])]
    return [a for a in fixed if a.i >= start], [r for r in recips if r.i >= start]


def place_heads(c: Cand) -> list[Token]:
    """Objects of 'in'/'into' on the trigger or its object: the place an act is aimed at ('lifted a curfew in
    Montenegro'); used for a recipient only when no actor is named and the place is a country."""
    v = c.verb
    heads = [v, c.trigger] + [ch for ch in v.children if ch.dep_ in ("dobj", "attr")]
    return [p for h in heads for pr in h.children if pr.dep_ == "prep" and pr.lower_ in ("in", "into", "inside")
            for p in pr.children if p.dep_ == "pobj"]


def dateline_end(sent: Span) -> int:
    """Token index after a leading dateline ('KYIV, Oct 2 (Meridian) -'), or the sentence start."""
    toks = list(sent)[:16]  # datelines are short: city, date, outlet, dash
    words = [t for t in toks if not t.is_space]
    if not words or not (words[0].is_upper and len(words[0].text) > 1):
        return sent.start
    for t in toks:
        if t.text in ("\u2014", "\u2013", "-", "--"):
            return t.i + 1
    return sent.start


def dedupe(actors: list[tuple[Actor, float]]) -> list[Actor]:
    seen, out = set(), []
    for a, _ in actors:
        key = (a.code, a.name) if a.code is None else a.code
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
