"""Cues that are not verbs: "according to X", "in the latest poll", "her claim that", "his attacks on"."""

from __future__ import annotations

from spacy.tokens import Doc

from newsledger.extract.quote_cues import SOURCE_DOCUMENTS, SPEECH_NOUNS, SPEECH_VERBS
from newsledger.extract.quote_stance import cue_lemma, noun_stance
from newsledger.extract.quote_syntax import Cue, noun_phrase, paragraph, subtree_span


def noun_cues(doc: Doc) -> list[Cue]:
    """"Trump's claim that ...", "her warning that ...": a speech noun with a that-clause and an
    owner (the owner is the speaker; without one there is nobody to attribute it to)."""
    out: list[Cue] = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in SPEECH_NOUNS:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos")
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if owner is None or clause is None:
            continue
        start, end = subtree_span(clause)
        out.append(Cue(tok, (start, end), noun_phrase(owner), tok.text))
    return out


def stance_nouns(doc: Doc) -> list[Cue]:
    """"Trump's attacks on the press", "her support for the bill": the owner holds the stance."""
    out: list[Cue] = []
    for tok in doc:
        found = noun_stance(tok)
        if found is not None:
            (start, end), owner = found
            out.append(Cue(tok, (start, end), noun_phrase(owner), tok.text, kind="stance"))
    return out


def in_document(doc: Doc) -> list[Cue]:
    """"In the latest poll, Clinton leads by five points": a sentence that opens with a poll or a
    document and has no speech verb of its own reports what that source says."""
    out: list[Cue] = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is None or first.lower_ != "in" or first.dep_ != "prep":
            continue
        pobj = next((c for c in first.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in SOURCE_DOCUMENTS:
            continue
        if any(cue_lemma(t) in SPEECH_VERBS for t in sent if t.pos_ == "VERB"):
            continue  # "In a statement, she said ...": the verb is the cue
        src = noun_phrase(pobj)
        pa, pb = paragraph(doc.text, first.idx)
        end_of_phrase = doc[first.right_edge.i].idx + len(doc[first.right_edge.i])
        content = (end_of_phrase, min(sent.end_char, pb))
        out.append(Cue(first, content, src, f"in {pobj.text}"))
    return out


def according_to(doc: Doc) -> list[Cue]:
    """'according to X, ...' and '..., according to X': the rest of the sentence is the content."""
    out: list[Cue] = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        src = noun_phrase(objs[0])
        sent = tok.sent
        pa, pb = paragraph(doc.text, tok.idx)
        s_start, s_end = max(sent.start_char, pa), min(sent.end_char, pb)
        phrase_end = src.end_char
        if tok.idx <= s_start + 1 or doc[tok.i - 1].is_punct and doc[tok.i - 1].idx <= s_start:
            content = (phrase_end, s_end)
        else:
            content = (s_start, tok.idx)
        out.append(Cue(tok, content, src, "according to"))
    return out


def phrase_cues(doc: Doc) -> list[Cue]:
    """Every non-verb cue of the article, with its content and source."""
    return according_to(doc) + in_document(doc) + noun_cues(doc) + stance_nouns(doc)
