"""Direct and reported speech in an article, each with a resolved speaker and role."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsledger.extract.quote_cues import SPEECH_VERBS, WEAK_VERBS, XCOMP_VERBS
from newsledger.extract.quote_marks import Quoted, find_quoted, word_count
from newsledger.extract.speakers import ArticleSpeakers, SpeakerRef
from newsledger.models import Article, Quote

log = logging.getLogger(__name__)

# A quoted stretch with no speech cue is kept only from this many words: shorter ones are mostly
# titles, nicknames and scare quotes ("the so-called 'deal'"). Chosen on PolNeAR train articles.
MIN_UNCUED_WORDS = 5
# A cue is looked for this many characters beyond the closing mark (", he said in a statement").
CUE_WINDOW = 80
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_EDGE = " \t\n,;:—–-"


@dataclass(slots=True)
class _Cue:
    """A speech verb with the span of its content and its subject."""
    token: Token
    content: tuple[int, int]
    subject: Span | None
    text: str


def _subtree_span(tok: Token) -> tuple[int, int]:
    doc = tok.doc
    return doc[tok.left_edge.i].idx, doc[tok.right_edge.i].idx + len(doc[tok.right_edge.i])


def _subject(verb: Token) -> Span | None:
    """The speaker phrase of a verb: its subject, the agent of a passive, or the subject of the
    verb it hangs off ("..., adding that ..."). Relative clauses and appositions are cut off."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return _np(child)
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return _np(g)
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _np(head: Token) -> Span:
    """The noun phrase of `head` without trailing relative clauses, appositions and punctuation."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("relcl", "appos", "punct", "acl", "cc", "conj"):
            break
        end = child.right_edge.i + 1
    return doc[start:end]


def _cue_text(verb: Token) -> str:
    parts = [verb.text] + [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join(parts)


def _verb_cues(doc: Doc) -> list[_Cue]:
    """Every speech verb that governs a complement clause (or a quote), with subject."""
    cues: list[_Cue] = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH_VERBS:
            continue
        comp = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis")]
        if not comp and tok.lemma_.lower() in XCOMP_VERBS:
            comp = [c for c in tok.children if c.dep_ == "xcomp"]
        if not comp:
            continue
        c = max(comp, key=lambda t: t.right_edge.i - t.left_edge.i)
        start, end = _subtree_span(c)
        if c.i < tok.i:  # "..., he said": the clause ends before the verb
            end = min(end, tok.idx)
        else:
            start = max(start, tok.idx + len(tok))
        cues.append(_Cue(tok, (start, end), _subject(tok), _cue_text(tok)))
    return cues


def _according_to(doc: Doc) -> list[_Cue]:
    """'according to X, ...' and '..., according to X': the rest of the sentence is the content."""
    out: list[_Cue] = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        src = _np(objs[0])
        sent = tok.sent
        phrase_end = src.end_char
        if tok.i == sent.start or doc[tok.i - 1].is_punct and tok.i - 1 == sent.start:
            content = (phrase_end, sent.end_char)
        else:
            content = (sent.start_char, tok.idx)
        out.append(_Cue(tok, content, src, "according to"))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_of(doc: Doc, offset: int) -> Span | None:
    tok = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return tok.sent if tok is not None and len(tok) else None


def _nearby_cue(cues: list[_Cue], q: Quoted, text: str) -> _Cue | None:
    """A speech verb right after the closing mark or right before the opening one, in the same
    paragraph ("..., he said." / "He said: “...")."""
    best: tuple[int, _Cue] | None = None
    for cue in cues:
        pos = cue.token.idx
        if q.end <= pos <= q.end + CUE_WINDOW and "\n" not in text[q.end:pos]:
            dist = pos - q.end
        elif q.start - CUE_WINDOW <= pos < q.start and "\n" not in text[pos:q.start]:
            dist = q.start - pos
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, cue)
    return best[1] if best else None


def _loose_verbs(doc: Doc) -> list[_Cue]:
    """Speech verbs without a complement clause: the speaker of an adjacent quote."""
    out = []
    for tok in doc:
        lem = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lem in SPEECH_VERBS and lem not in WEAK_VERBS:
            out.append(_Cue(tok, (tok.idx, tok.idx), _subject(tok), _cue_text(tok)))
    return out


def extract_quotes(doc: Doc, article: Article) -> list[Quote]:
    """Quotes of `article` (parsed as `doc`), in text order, with speakers resolved article-wide."""
    text = article.text
    speakers = ArticleSpeakers(doc)
    verb_cues = _verb_cues(doc) + _according_to(doc)
    loose = _loose_verbs(doc)
    quoted = find_quoted(text)
    found: list[tuple[int, int, str, _Cue | None, Quoted | None]] = []

    used: set[int] = set()
    for q in quoted:
        cue = None
        for c in verb_cues:
            if c.token.i in used or _overlaps(c.content, (q.start, q.end)) is False:
                continue
            if q.start <= c.token.idx < q.end:
                continue  # the verb is inside the quote: it is part of what was said
            cue = c
            break
        if cue is None:
            cue = _nearby_cue(loose, q, text)
        if cue is None and word_count(text, q) < MIN_UNCUED_WORDS:
            continue
        if cue is not None:
            used.add(cue.token.i)
        found.append((q.start, q.end, "direct", cue, q))

    direct_spans = [(q.start, q.end) for q in quoted]
    for c in verb_cues:
        if c.token.i in used:
            continue
        a, b = _trim(text, *c.content)
        if b - a < 2:
            continue
        if any(_overlaps((a, b), d) and (a >= d[0] and b <= d[1]) for d in direct_spans):
            continue  # a verb inside a quote
        if any(q_a <= c.token.idx < q_b for q_a, q_b in direct_spans):
            continue
        found.append((a, b, "indirect", c, None))

    found.sort(key=lambda f: f[0])
    quotes: list[Quote] = []
    last: SpeakerRef | None = None
    last_end = -1
    for start, end, kind, cue, q in found:
        ref = _speaker(speakers, cue)
        if ref is None and kind == "direct" and last is not None and last.name:
            # a quote with no cue continues the previous speaker when it follows closely
            if start - last_end < 400:
                ref = SpeakerRef(last.name, last.role, last.start, last.end, last.entity)
        if ref is not None and ref.entity is not None:
            speakers.note_speaker(start, ref.entity)
        if ref is not None and ref.name:
            last, last_end = ref, end
        inner = q.inner if q is not None else (start, end)
        sent = _sentence_of(doc, start)
        quotes.append(Quote(
            article_id=article.article_id,
            text=text[inner[0]:inner[1]].strip(),
            kind=kind,  # type: ignore[arg-type]
            start=start, end=end,
            speaker=ref.name if ref else None,
            speaker_role=ref.role if ref else None,
            speaker_start=ref.start if ref else None,
            speaker_end=ref.end if ref else None,
            cue=cue.text if cue else None,
            sentence=sent.text if sent is not None else None,
        ))
    return quotes


def _speaker(speakers: ArticleSpeakers, cue: _Cue | None) -> SpeakerRef | None:
    if cue is None or cue.subject is None:
        return None
    return speakers.resolve_span(cue.subject)
