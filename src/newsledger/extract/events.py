"""Event coding: PLOVER type, mode, actors, modality and territory for every event a sentence states.

Rules over the dependency parse. A trigger (verb, phrasal verb, verb+object or event noun after a light
verb) gives type and mode; actor and recipient come only from that trigger's own arguments (subject,
object, prepositional objects, or the controlling clause for an infinitive), never from elsewhere in the
article, so actor, action and place are read from the same clause.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsledger import CODER_VERSION
from newsledger.extract.event_args import (
    GOVERN_DEPTH,
    Cand,
    actors_of,
    arguments,
    dedupe,
    phrase_tokens,
    place_heads,
    speaker,
    subject,
)
from newsledger.extract.event_lexicon import (
    CONFLICTUAL,
    COOPERATIVE,
    GOVERNING_OWN,
    LIGHT_VERBS,
    NOUNS,
    OCCURRENCE_VERBS,
    PHRASAL,
    VERB_OBJECT,
    VERBS,
    WILLING,
    lem,
)
from newsledger.extract.event_modality import modality
from newsledger.extract.event_modes import refine_assault, request_mode, threat_mode
from newsledger.extract.event_territory import GAIN_VERBS, LOSE_VERBS, find_territory
from newsledger.models import Actor, Article, EventMention, Territory
from newsledger.nlp.spans import trimmed_bounds
from newsledger.resolve.actors import ActorResolver, get_resolver

log = logging.getLogger(__name__)

# confidence weights: hand-set so that a fully argued verb event scores ~0.9 and a bare noun ~0.4
BASE_CONF, ACTOR_BONUS, RECIP_BONUS, VERB_BONUS, SECONDARY_PENALTY = 0.45, 0.2, 0.1, 0.1, 0.25
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "may"})
OBLIGATION = frozenset({"must", "should"})
# broad verbs that are an event only with a named beneficiary or partner ("provided aid to Ukraine")
NEEDS_RECIPIENT = frozenset({"provide", "supply", "deliver", "help", "assist", "share", "trade", "coordinate",
                             "receive", "feed", "fund", "finance"})
# verbs that take a labour or hunger strike, not an air strike, as object
LABOUR_STRIKE_VERBS = frozenset({"stage", "go", "call", "hold", "begin", "join", "end", "continue", "organize",
                                 "organise", "declare", "start", "suspend", "threaten", "announce", "on"})
# recipients whose killing is a targeted killing ("killed the deputy chief")
LEADER_WORDS = frozenset({"leader", "leaders", "chief", "commander", "official", "minister", "mayor", "governor",
                          "general", "president", "head", "judge", "journalist", "activist", "mp", "lawmaker"})
# verbs whose subject undergoes the event named by their object ("Russia faces a defeat")
EXPOSURE_DEPTH = 5  # "be on track for a defeat": noun, for, track, on, be
EXPOSURE_VERBS = frozenset({"be", "face", "risk", "suffer", "head", "brace", "fear"})


def _noun_cue(tok: Token) -> tuple[str, str | None] | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = lem(tok)
    comp = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")]
    if lemma == "strike" and comp:
        if "hunger" in comp:
            return ("PROTEST", "hunger")
        if "air" in comp or "missile" in comp or "drone" in comp:
            return ("ASSAULT", "aerial" if "air" in comp else None)
        if "general" in comp:
            return ("PROTEST", "strike")
    if lemma in ("strike", "walkout") and any(c.lower_ in ("worker", "workers", "union") for c in tok.subtree):
        return ("PROTEST", "strike")
    if lemma == "strike" and lem(tok.head) in LABOUR_STRIKE_VERBS and not ({"air", "missile", "drone"} & set(comp)):
        return ("PROTEST", "hunger" if "hunger" in comp else "strike")  # "staged a strike", "went on strike"
    if lemma == "law" and "martial" in comp:
        return NOUNS["martial law"]
    return NOUNS.get(lemma)


def _verb_cue(tok: Token) -> tuple[str, str | None, Token | None] | None:
    """(type, mode, event noun or None) for a verb token; the noun is set for light-verb events."""
    if tok.pos_ != "VERB":
        return None
    lemma = lem(tok)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass", "oprd")]
    objs += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for o in objs:
        words = [o] + list(o.conjuncts) + [m for m in o.children if m.dep_ == "compound"]  # "ended mediation efforts"
        words += [p for pr in o.children if pr.dep_ == "prep" and pr.lower_ in ("of", "in")  # "700 kg of medicine"
                  for p in pr.children if p.dep_ == "pobj"]
        for word in words:
            key = (lemma, lem(word))
            if key in VERB_OBJECT:
                return (*VERB_OBJECT[key], None)
    for c in tok.children:
        if c.dep_ in ("prt", "prep", "agent") and (lemma, c.lower_) in PHRASAL:
            return (*PHRASAL[(lemma, c.lower_)], None)
    if lemma in LIGHT_VERBS:
        for o in objs:
            if o.dep_ in ("dobj", "nsubjpass", "attr") or (o.head.lower_ == "on" and lemma == "go"):
                # "launched a mediation effort", "gave 5 million dollars of aid"
                inner = [m for m in o.children if m.dep_ == "compound"]
                inner += [p for pr in o.children if pr.dep_ == "prep" and pr.lower_ == "of"
                          for p in pr.children if p.dep_ == "pobj"]
                for n in [o] + inner:
                    cue = _noun_cue(n)
                    if cue:
                        return (*cue, n)
    if lemma in VERBS:
        etype, mode = VERBS[lemma]
        if lemma == "strike" and any(c.dep_ == "nsubj" and lem(c) in ("worker", "union", "employee",
                                     "teacher", "miner", "doctor", "nurse") for c in tok.children):
            return ("PROTEST", "strike", None)
        if lemma in ("attack", "blast") and _verbal_attack(tok):
            return ("ACCUSE", "disapprove", None)
        if lemma in ("share", "trade") and ((tok.dep_ == "acl" and lem(tok.head) in _MEDIA_NOUNS) or any(
                o.dep_ == "nsubjpass" and lem(o) in _MEDIA_NOUNS for o in objs)):
            return None  # "videos shared on social media" is no cooperation between actors
        if lemma == "target" and (
                any(c.dep_ == "nsubj" and lem(c) in _MEASURE_SUBJECTS for c in tok.children)
                or any(lem(o) in _SANCTION_TARGETS for o in objs)):
            return ("SANCTION", None, None)  # "the measures targeted Russian banks" is no attack
        if lemma == "withdraw" and any(lem(o) in ("ambassador", "envoy", "diplomat", "support", "aid",
                                       "observer", "recognition") for o in objs):
            return ("SANCTION", "withdraw", None)
        return (etype, mode, None)
    return None


# adverbs and speakers that make "attacked" words, not weapons ("bloggers harshly attacked the commanders")
_VERBAL_ADVERBS = frozenset({"harshly", "sharply", "verbally", "publicly", "bitterly", "scathingly", "openly",
                             "repeatedly", "fiercely", "strongly", "roundly"})
_CRITICS = frozenset({"blogger", "critic", "commentator", "columnist", "lawmaker", "legislator", "senator",
                      "politician", "opposition", "newspaper", "editorial", "pundit", "candidate", "campaign",
                      "activist", "writer", "host", "analyst"})


def _verbal_attack(tok: Token) -> bool:
    """'attacked X over the loss', 'harshly attacked': criticism, not violence."""
    if any(c.dep_ == "advmod" and c.lower_ in _VERBAL_ADVERBS for c in tok.children):
        return True
    if any(c.dep_ == "nsubj" and lem(c) in _CRITICS for c in tok.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "over" and any(
        p.dep_ == "pobj" and p.ent_type_ not in ("GPE", "LOC", "FAC") and lem(p) not in ("border", "area", "sea")
        for p in c.children) for c in tok.children) and tok.pos_ == "VERB"


# what people post, not what governments exchange
_MEDIA_NOUNS = frozenset({"video", "photo", "image", "footage", "post", "picture", "clip", "meme", "tweet",
                          "message"})
# "target" is a sanction, not an attack, when measures do it or money and trade are hit (wire usage)
_MEASURE_SUBJECTS = frozenset({"sanction", "measure", "penalty", "restriction", "ban", "embargo", "package",
                               "tariff", "order", "regulation", "rule", "control"})
_SANCTION_TARGETS = frozenset({"bank", "lender", "firm", "company", "business", "oligarch", "exporter", "export",
                               "import", "asset", "account", "economy", "sector", "entity", "individual",
                               "manufacturer", "exchange", "fund", "insurer", "shipper", "refinery"})


def _territory_head(c: Cand) -> Token:
    """The word whose arguments name the place: the verb, or the event noun ('the withdrawal from X')."""
    return c.trigger if c.kind in ("light", "noun") and c.trigger.pos_ == "NOUN" else c.verb


def _candidates(sent: Span) -> list[Cand]:
    cands: dict[int, Cand] = {}
    light_nouns: set[int] = set()
    for tok in sent:
        cue = _verb_cue(tok)
        if cue:
            etype, mode, noun = cue
            if noun is not None:
                cands[noun.i] = Cand(noun, tok, etype, mode, "light")
                light_nouns.add(noun.i)
            else:
                cands[tok.i] = Cand(tok, tok, etype, mode, "verb")
        elif tok.pos_ == "VERB" and lem(tok) in (GAIN_VERBS | LOSE_VERBS | {"fall", "take", "lose"}):
            terr = find_territory(tok, None, lambda _t: None)
            if terr is not None:
                etype = "RETREAT" if lem(tok) in LOSE_VERBS else "ASSAULT"
                cands[tok.i] = Cand(tok, tok, etype, "withdraw" if etype == "RETREAT" else None, "verb")
    for tok in sent:
        if tok.i in cands or tok.i in light_nouns:
            continue
        cue = _noun_cue(tok)
        if not cue:
            continue
        head = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and lem(head) in OCCURRENCE_VERBS and head.i not in cands:
            cands[tok.i] = Cand(tok, head, cue[0], cue[1], "noun")
        elif tok.dep_ == "ROOT":
            cands[tok.i] = Cand(tok, tok, cue[0], cue[1], "noun")
        elif tok.dep_ in ("pobj", "attr", "dobj"):
            # "could be on track for a major defeat", "faces an offensive": the copula or 'face' verb
            cur = tok
            for _ in range(EXPOSURE_DEPTH):
                cur = cur.head
                if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
                    break
            if lem(cur) in EXPOSURE_VERBS and cur.i not in cands:
                cands[tok.i] = Cand(tok, cur, cue[0], cue[1], "noun", patient=True)
    for tok in sent:  # "ready to host", "willing to withdraw": an offer (or a threat) by the subject
        if tok.pos_ == "ADJ" and lem(tok) in WILLING and any(ch.dep_ == "xcomp" for ch in tok.children):
            verb = tok.head if tok.dep_ == "acomp" else tok
            cands[tok.i] = Cand(tok, verb, "AGREE", None, "light")
    for tok in sent:  # "Russia said Sudan must return the helicopter": a demand by the speaker
        if tok.pos_ in ("VERB", "AUX") and any(ch.dep_ == "aux" and ch.lower_ in OBLIGATION for ch in tok.children) \
                and not any(ch.dep_ == "neg" for ch in tok.children) and speaker(tok) is not None:
            inner = cands.get(tok.i)
            mode = request_mode(inner.etype) if inner else None
            cands[tok.i] = Cand(tok, tok, "REQUEST", mode, "verb", obligation=True)
    for c in cands.values():
        if c.etype in ("ASSAULT", "RETREAT"):
            c.territory = find_territory(_territory_head(c), None, lambda _t: None) is not None
    return sorted((c for c in cands.values() if not _background(c)), key=lambda c: c.trigger.i)


# participles that describe a noun by a past charge ("firms accused of ...", "men suspected of ...")
_DESCRIBING_PARTICIPLES = frozenset({"accuse", "suspect", "charge", "allege", "convict", "wanted"})


def _background(c: Cand) -> bool:
    """A past event the sentence only measures time from, with no date of its own.

    "marking a year since Russia invaded Ukraine", "the first anniversary of the invasion": coding these
    would date the invasion to the day of the report; "since Russian troops captured the city in March"
    keeps its event, because it says when.
    """
    if c.trigger.dep_ == "pobj" and c.trigger.head.lower_ == "of" and lem(c.trigger.head.head) == "anniversary":
        return True
    v = c.verb
    if v.dep_ == "acl" and v.tag_ == "VBN" and lem(v) in _DESCRIBING_PARTICIPLES \
            and not any(ch.dep_ == "agent" for ch in v.children):
        return True  # "firms accused of helping Moscow": who they are, not an accusation made now
    if any(ch.dep_ == "mark" and ch.lower_ == "since" for ch in c.verb.children):
        return not any(t.ent_type_ == "DATE" for t in c.verb.subtree)
    if v.dep_ == "relcl" and any(ch.dep_ == "aux" and ch.lower_ in ("had", "'d") for ch in v.children):
        # "the only regional capital Russian forces had captured since ...": describes the place; kept when
        # the clause itself dates the act ("the town they had seized in March")
        own = [t for ch in v.children if ch.dep_ not in ("advcl", "ccomp", "relcl") for t in ch.subtree]
        return not any(t.ent_type_ in ("DATE", "TIME") for t in own)
    return False


def _link_governors(cands: list[Cand]) -> None:
    """Attach events under threaten/demand/refuse/promise... to their governor and set its mode."""
    by_verb = {c.verb.i: c for c in cands}
    by_verb.update({c.trigger.i: c for c in cands})
    for c in cands:
        cur = c.verb
        for _ in range(GOVERN_DEPTH):
            if cur.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "conj", "acl", "advcl", "relcl") \
                    or cur.head.i == cur.i:
                break
            cur = cur.head
            gov = by_verb.get(cur.i)
            if gov is not None and gov is not c and lem(cur) in GOVERNING_OWN and (
                    c.verb.dep_ != "advcl" or any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in c.verb.children)):
                c.governor = gov
                gov.governed.append(c)
                break
            if gov is not None and gov is not c and c.verb.dep_ in ("xcomp", "advcl", "acl") and \
                    any(ch.lower_ == "to" and ch.dep_ == "aux" for ch in c.verb.children):
                c.governor = gov  # a purpose clause ("used tear gas to disperse"): secondary to its head
                if gov.etype not in ("THREATEN", "REQUEST", "REJECT"):
                    gov.governed.append(c)  # lends its recipient ("... to disperse protesters")
                break
            if gov is not None and c.verb.dep_ == "conj":
                break
    for g in cands:
        lemma = lem(g.verb)
        inner = g.governed[0] if g.governed else None
        itype, imode, iterr = (inner.etype, inner.mode, inner.territory) if inner else (None, None, False)
        if inner is None:  # "called for talks", "rejected the aid offer": the object noun says what
            objs = [o for o in g.verb.children if o.dep_ in ("dobj", "attr")]
            objs += [p for pr in g.verb.children if pr.dep_ == "prep" for p in pr.children if p.dep_ == "pobj"]
            for o in objs:
                cue = _noun_cue(o) if o.i != g.trigger.i else None
                if cue:
                    itype = cue[0]
                    break
        if g.etype == "AGREE" and itype in CONFLICTUAL and (lemma in ("vow", "swear", "pledge", "promise")
                                                            or lem(g.trigger) in WILLING):
            g.etype = "THREATEN"  # "vowed to fight on", "ready to impose martial law"
        if g.etype == "THREATEN" and g.mode is None:
            g.mode = threat_mode(itype, imode, iterr) or _threat_content(g)
        if g.etype == "COERCE" and g.mode is None and itype == "COERCE":
            g.mode = imode  # "ordered the paper to suspend publication": the order's content
        elif g.etype in ("REQUEST", "REJECT") and g.mode is None:
            g.mode = request_mode(itype)
        if lemma in ("deny",) and inner is not None:
            g.etype = "REJECT"


def _threat_content(g: Cand) -> str | None:
    """THREATEN mode from the words of an infinitive that is not itself coded ('to institute a curfew')."""
    words = {lem(t) for ch in g.verb.children if ch.dep_ in ("xcomp", "ccomp", "advcl") for t in ch.subtree}
    if words & {"curfew", "ban", "blockade", "boycott", "restriction", "close", "strike", "tolerate"}:
        return "restrict"
    if words & {"negotiation", "talk", "relation", "tie", "contact", "cooperation", "stop", "suspend"}:
        return "relations"
    if words & {"blow", "terrorist", "war", "force", "military", "retaliate", "attack", "violence", "kill",
                "destroy", "activity", "revenge", "strike", "bomb", "invade"}:
        return "violence"
    return None


def _future_kind(c: Cand) -> str | None:
    """'offer' when the act is offered ('willing to', 'ready to'), 'future' for will/would/may/plan to."""
    v = c.verb
    if v.dep_ == "xcomp" and lem(v.head) in WILLING:
        return "offer"
    if any(ch.dep_ == "aux" and ch.lower_ in FUTURE_AUX for ch in v.children):
        return "future"
    if v.dep_ == "xcomp" and lem(v.head) in ("plan", "intend", "prepare", "decide"):
        return "future"
    return None


def _retype(c: Cand, etype: str, mode: str | None, mod: str) -> tuple[str, str | None, str]:
    """PLOVER conventions for offered, future and refused acts (manual: AGREE, CONCEDE, THREATEN)."""
    if c.governor is not None or c.obligation:
        return etype, mode, mod
    kind = _future_kind(c)
    failed = c.verb.dep_ == "xcomp" and lem(c.verb.head) in ("fail",)
    if mod == "negated" and (kind or failed or lem(c.verb) in ("accept", "allow", "agree", "meet")) and \
            etype in COOPERATIVE | {"AGREE", "CONCEDE", "RETREAT"}:
        return "REJECT", request_mode(etype), "asserted"
    if mod != "speculative" or kind is None:
        return etype, mode, mod
    if kind == "offer" and etype in COOPERATIVE | {"RETREAT", "CONCEDE"}:
        return "AGREE", None, mod
    if etype in COOPERATIVE:
        return "AGREE", None, mod
    if etype == "RETREAT":
        return "CONCEDE", None, mod
    conditional = any(t.lower_ in ("if", "unless") for t in c.verb.subtree)
    if etype in CONFLICTUAL and not any(ch.lower_ in ("could", "might") for ch in c.verb.children) and \
            (etype != "SANCTION" or conditional or mode == "withdraw"):
        return "THREATEN", threat_mode(etype, mode, c.territory), mod
    return etype, mode, mod


def _clause_bounds(c: Cand, others: set[int]) -> tuple[int, int]:
    """Character span of the trigger's clause, leaving out conjoined clauses and reporting tails."""
    v = c.verb
    toks = [v]
    stack = list(v.children)
    while stack:
        t = stack.pop()
        if t.head.i == v.i and (t.dep_ == "parataxis" or (t.dep_ in ("conj", "advcl") and t.pos_ in ("VERB", "AUX") and (
                t.i in others or any(ch.dep_ in ("nsubj", "nsubjpass") for ch in t.children)))):
            continue  # a conjoined or adverbial clause with its own subject has its own place and time
        toks.append(t)
        stack.extend(t.children)
    toks.append(c.trigger)
    toks = [t for t in toks if not (t.is_punct or t.is_space)] or toks  # a final full stop is not the clause
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def _trigger_span(c: Cand) -> tuple[int, int]:
    toks = [c.trigger]
    if c.kind == "verb":
        toks += [ch for ch in c.trigger.children if ch.dep_ == "prt"]
    else:
        toks.append(c.verb) if c.kind == "light" and abs(c.verb.i - c.trigger.i) <= 4 else None
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


# a thing that "allows", "eases" or "agrees" is no party: a decision or document stands in for one
_THING_AGENT_TYPES = frozenset({"CONCEDE", "AGREE", "SUPPORT", "RETREAT"})


def _thing_as_agent(c: Cand, heads: list[Token], actors: list, recips: list) -> bool:
    """The only argument is a common noun that names no party ("the deal", "the measure")."""
    if c.etype not in _THING_AGENT_TYPES or c.kind != "verb" or actors or recips or not heads:
        return False
    return all(h.pos_ == "NOUN" and not h.ent_type_ for h in heads)


def _sentence_events(sent: Span, article: Article, resolver: ActorResolver) -> list[EventMention]:
    cands = _candidates(sent)
    if not cands:
        return []
    _link_governors(cands)
    verbs = {c.verb.i for c in cands}
    out: list[EventMention] = []
    for c in cands:
        if c.verb.tag_ == "VB" and c.verb.dep_ == "ROOT" and not subject(c.verb)[0]:
            continue  # an imperative ("Sign up for our newsletter") states no event
        actor_heads, recip_heads = arguments(c)
        if c.governed and not any(actors_of(h, resolver, True) for h in recip_heads):
            # "refused to allow UN planes to land": the governed act's recipient is the governor's too
            recip_heads = recip_heads + arguments(c.governed[0])[1]
        actors = dedupe([a for h in actor_heads for a in actors_of(h, resolver, False)])
        recips = dedupe([a for h in recip_heads for a in actors_of(h, resolver, True)])
        if not any(r.code for r in recips):
            visit = c.etype == "CONSULT"
            for h in place_heads(c):
                for a in (a for a, _ in resolver.resolve_all(" ".join(t.text for t in phrase_tokens(h)) if h.pos_ == "PROPN" else "")):
                    if a.code and a.code not in ("IGO", "NGO", "IMG") and (a.sector is None or visit):
                        a.sector = None
                        recips.append(a)
        actor_codes = {a.code for a in actors if a.code}
        if c.etype == "MOBILIZE":  # "deployed troops": the troops moved are the actor's own, not a recipient
            recips = [r for r in recips if r.code and r.code not in actor_codes]
        recips = [r for r in recips if not (r.code and r.code in actor_codes and len(actor_codes) == 1
                                            and r.sector == next((a.sector for a in actors), None))]
        mod = modality(c.trigger, c.verb)
        etype, mode = c.etype, c.mode
        territory: Territory | None = None
        if c.territory:
            code = next((a.code for a in actors if a.code), None)

            def _code(tok: Token) -> str | None:
                found = actors_of(tok, resolver, True)
                return next((a.code for a, _ in found if a.code), None)
            territory = find_territory(_territory_head(c), code, _code)
        etype, mode, mod = _retype(c, etype, mode, mod)
        if c.obligation:
            mod = "asserted" if mod == "speculative" else mod
        if etype == "PROTEST" and c.kind == "verb" and lem(c.trigger) == "protest" and actors and \
                all(a.sector in ("GOV", "IGO", "NGO", "LEG", "JUD") or (a.sector is None and not
                    (a.text or "").endswith("s")) for a in actors):
            etype, mode = "ACCUSE", "disapprove"  # a government or agency "protested": verbal disapproval
        if lem(c.trigger) in NEEDS_RECIPIENT and c.kind == "verb" and not recips:
            continue  # "the story was provided by", "shared on social media": no beneficiary, no event
        if _thing_as_agent(c, actor_heads, actors, recips):
            continue  # "the deal is expected to allow grain to be shipped, easing a crisis": no party acts
        if etype == "CONSULT" and lem(c.verb) == "arrive" and any(a.sector == "MIL" for a in actors):
            etype, mode = "MOBILIZE", "troops"
        clause_start, clause_end = _clause_bounds(c, verbs)
        if etype == "ASSAULT":
            clause_toks = [t for t in sent if clause_start <= t.idx < clause_end]
            mode = refine_assault(mode, clause_toks)
            if mode is None and lem(c.trigger) in ("kill", "murder", "shoot", "gun") and any(
                    w.lower() in LEADER_WORDS for r in recips for w in (r.text or "").split()):
                mode = "targeted"
        conf = BASE_CONF + (ACTOR_BONUS if actor_codes else 0.0) + \
            (RECIP_BONUS if any(r.code for r in recips) else 0.0) + (VERB_BONUS if c.kind != "noun" else 0.0)
        if c.governor is not None:
            conf -= SECONDARY_PENALTY
        ts, te = _trigger_span(c)
        s0, s1 = trimmed_bounds(sent)
        out.append(EventMention(
            article_id=article.article_id, event_type=etype, mode=mode, actor=actors, recipient=recips,
            modality=mod, trigger=article.text[ts:te], trigger_start=ts, trigger_end=te,
            sentence=article.text[s0:s1], sent_start=s0, sent_end=s1,
            clause_start=clause_start, clause_end=clause_end, territory=territory,
            confidence=round(max(0.05, min(0.95, conf)), 2), coder_version=CODER_VERSION,
        ))
    return out


def extract_events(doc: Doc, article: Article) -> list[EventMention]:
    """Every PLOVER event the article's sentences state, with actors, modality and territory.

    `doc` must be `nlp(article.text)`; offsets are into `article.text`. Location and date fields are
    left for `assign_location` / `assign_date`, which read `clause_start`/`clause_end`.
    """
    resolver = get_resolver()
    out: list[EventMention] = []
    for sent in doc.sents:
        try:
            out.extend(_sentence_events(sent, article, resolver))
        except Exception:  # noqa: BLE001 - one odd parse must not lose the article's other events
            log.exception("event coding failed on a sentence of article %s", article.article_id)
    _resolve_definites(out)
    return out


_DEFINITE = re.compile(r"^the\s+([a-z]+)$", re.I)


def _resolve_definites(mentions: list[EventMention]) -> None:
    """'Georgia's ruling Georgian Dream party said ... The party said ...': a bare "the party" (or ministry,
    army, group) is the last coded actor named with that noun earlier in the article."""
    seen: dict[str, Actor] = {}
    for m in sorted(mentions, key=lambda m: m.trigger_start):
        for side in (m.actor, m.recipient):
            for i, a in enumerate(side):
                hit = _DEFINITE.match(a.text or "") if not a.code else None
                if hit and hit.group(1).lower() in seen:
                    side[i] = replace(seen[hit.group(1).lower()], text=a.text)
        for a in (*m.actor, *m.recipient):
            if a.code and a.text:
                for word in re.findall(r"[a-z]+", a.text.lower()):
                    seen[word] = a


__all__ = ["extract_events"]
