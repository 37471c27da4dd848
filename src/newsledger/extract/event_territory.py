"""Changes of territorial control: 'recaptured Lyman', 'took control of', 'fell to', 'withdrew from'."""

from __future__ import annotations

from spacy.tokens import Token

from newsledger.extract.event_lexicon import lem
from newsledger.models import Territory
from newsledger.resolve.actor_tables import DEMONYMS

# verbs by which the subject gains a place
GAIN_VERBS = frozenset({"capture", "recapture", "retake", "seize", "liberate", "occupy", "overrun", "regain",
                        "conquer", "annex", "enter", "free", "secure", "take", "win", "control"})
# verbs by which the subject gives a place up
LOSE_VERBS = frozenset({"withdraw", "retreat", "abandon", "cede", "evacuate", "lose", "surrender", "leave",
                        "pull", "flee", "hand"})
# nouns that name a place even when NER misses the proper name after them ("the town of Lyman")
PLACE_NOUNS = frozenset({"town", "city", "village", "region", "district", "area", "settlement", "port",
                         "airport", "bridge", "hill", "island", "base", "province", "oblast", "territory",
                         "capital", "outskirts", "stronghold", "suburb", "hamlet", "peninsula", "border",
                         "crossing", "plant", "airfield", "heights", "valley", "enclave", "positions"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# entity labels NER gives a place name by mistake in wire copy; accepted only as PROPN in a place slot
LOOSE_ENTS = frozenset({"ORG", "PERSON", "NORP", ""})


def _place_text(tok: Token) -> str | None:
    """The place a noun phrase names: an entity, 'the town of X', or a proper noun."""
    if lem(tok) in PLACE_NOUNS or tok.lower_ in PLACE_NOUNS:
        for c in tok.children:  # "the town of Lyman", "the city, Kherson"
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "PROPN":
                        return _span_text(p)
            if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN":
                return _span_text(c)
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return _antecedent_place(tok)
        return None
    if tok.ent_type_ in PLACE_ENTS or (tok.pos_ == "PROPN" and tok.ent_type_ in LOOSE_ENTS):
        return _span_text(tok)
    return None


# words after a name that make it a physical feature, not a place that changes hands ("the Dnipro river")
FEATURE_NOUNS = frozenset({"river", "sea", "lake", "bay", "gulf", "strait", "mountains", "mountain", "canal",
                           "reservoir", "delta", "coast", "bank", "ocean"})


def _antecedent_place(tok: Token) -> str | None:
    """'two days after pulling out of the town': the place named earlier in the same sentence.

    A name introduced with the same noun ("the city of Kherson ... entered the city") wins; otherwise the
    nearest earlier place entity that is not a river or sea ("the Dnipro river") or a demonym.
    """
    noun = lem(tok)
    for prev in reversed(tok.sent[:tok.i - tok.sent.start]):
        if lem(prev) == noun and prev.i != tok.i:
            for c in prev.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    named = [p for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
                    if named:
                        return _span_text(named[0])
    before = [e for e in tok.sent.ents if e.end <= tok.i and e.label_ in PLACE_ENTS
              and e.text.lower() not in DEMONYMS
              and not (e.end < len(tok.doc) and tok.doc[e.end].lower_ in FEATURE_NOUNS)]
    return before[-1].text if before else None


def _span_text(tok: Token) -> str:
    """Proper-name span around a token (compounds and flat names)."""
    if tok.ent_type_ and tok.ent_iob_ in ("B", "I"):
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.text
    left = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    start = left[0].i if left else tok.i
    return tok.doc[start:tok.i + 1].text


def _objects(verb: Token) -> list[Token]:
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            out.append(c)
            out.extend(cc for cc in c.children if cc.dep_ == "conj")
    return out


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions below `tok` (one level, and under its direct object)."""
    out = []
    heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "advmod", "prt")]
    for h in heads:
        for c in h.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in preps:
                out.extend(p for p in c.children if p.dep_ == "pobj")
                if c.lower_ == "out":  # "out of the town" parsed as out -> of -> town
                    out.extend(p for q in c.children if q.dep_ == "prep" and q.lower_ == "of"
                               for p in q.children if p.dep_ == "pobj")
    return out


def find_territory(verb: Token, actor_code: str | None, resolve_code) -> Territory | None:
    """Territory change stated by `verb` (gain or loss of a named place), or None.

    `resolve_code(token) -> str | None` gives the actor code a phrase names (for 'from X', 'to X').
    """
    lemma = lem(verb)
    if verb.pos_ == "NOUN":  # "the withdrawal of its forces from Kherson", "the capture of Soledar"
        if lemma in ("withdrawal", "retreat", "pullout", "pullback"):
            for o in _prep_objects(verb, ("from",)) + [p for c in verb.children if c.dep_ == "prep"
                                                       for q in c.children for p in _prep_objects(q, ("from",))]:
                place = _place_text(o)
                if place:
                    return Territory(place=place, gained_by=None, lost_by=actor_code)
        if lemma in ("capture", "recapture", "liberation", "seizure", "fall", "takeover"):
            for o in _prep_objects(verb, ("of",)):
                place = _place_text(o)
                if place:
                    return Territory(place=place, gained_by=actor_code, lost_by=None)
        return None
    prt = {c.lower_ for c in verb.children  # "pulled out of X" is parsed with "out" as a particle or a preposition
           if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("out", "back"))}
    objs = _objects(verb)
    # "X fell to Y": the subject is the place
    if lemma == "fall" and _prep_objects(verb, ("to", "into")):
        gained = next((resolve_code(p) for p in _prep_objects(verb, ("to", "into"))), None)
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                place = _place_text(c)
                if place:
                    return Territory(place=place, gained_by=gained, lost_by=None)
        return None
    if lemma in ("take", "gain", "seize", "establish", "assume", "regain", "lose", "retake", "win") and objs:
        # "took control of X", "lost control of X"
        for o in objs:
            if lem(o) in ("control", "hold", "possession"):
                for p in _prep_objects(o, ("of", "over")):
                    place = _place_text(p)
                    if place:
                        if lemma == "lose":
                            return Territory(place=place, gained_by=None, lost_by=actor_code)
                        return Territory(place=place, gained_by=actor_code, lost_by=None)
                return None
    if lemma in GAIN_VERBS and not (lemma == "take" and "over" not in prt):
        if lemma in ("enter", "free", "secure", "win", "control") and not any(
                o.lower_ in PLACE_NOUNS or o.ent_type_ in PLACE_ENTS for o in objs):
            return None
        for o in objs:
            place = _place_text(o)
            if place:
                lost = next((resolve_code(p) for p in _prep_objects(verb, ("from",))), None)
                if lost is None:
                    lost = next((resolve_code(p) for p in _prep_objects(o, ("from",))), None)
                return Territory(place=place, gained_by=actor_code, lost_by=lost)
        return None
    if lemma in LOSE_VERBS:
        if lemma == "pull" and not prt & {"out", "back"}:
            return None
        if lemma == "hand" and "over" not in prt:
            return None
        preps = ("from", "out", "of") if "out" in prt else ("from", "out")  # "pulled out of the town of X"
        cands = _prep_objects(verb, preps) + (objs if lemma in ("abandon", "cede", "evacuate",
                                                                        "surrender", "leave", "lose", "hand")
                                                       else [])
        for o in cands:
            place = _place_text(o)
            if place:
                gained = next((resolve_code(p) for p in _prep_objects(verb, ("to",))), None)
                return Territory(place=place, gained_by=gained, lost_by=actor_code)
    return None
