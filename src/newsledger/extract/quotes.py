"""Direct and reported speech in an article, each with a resolved speaker and role."""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span, Token

from newsledger.extract.attribution_clauses import (
    adjective_stance,
    document_finding,
    misread_clause,
    proform_statement,
    thought_clause,
)
from newsledger.extract.event_args import TIME_HEADS
from newsledger.extract.quote_cues import (
    OBJECT_PREPS,
    OBJECT_VERBS,
    SPEECH_VERBS,
    XCOMP_VERBS,
)
from newsledger.extract.quote_marks import Quoted, find_quoted, word_count
from newsledger.extract.quote_phrases import phrase_cues
from newsledger.extract.quote_stance import cue_lemma, stance_content
from newsledger.extract.quote_syntax import (
    SUBJECT_DEPS,
    Cue,
    cue_text,
    noun_phrase,
    paragraph,
    subject_of,
    subtree_span,
)
from newsledger.extract.speaker_cues import cue_speaker
from newsledger.extract.speakers import ArticleSpeakers, SpeakerRef
from newsledger.models import Article, Quote

log = logging.getLogger(__name__)

# A quoted stretch with no speech cue is kept only from this many words: shorter ones are mostly
# titles, nicknames and scare quotes ("the so-called 'deal'"). Chosen on PolNeAR train articles.
MIN_UNCUED_WORDS = 5
# A quote with no cue of its own continues the previous speaker when it starts within this many
# characters of that speaker's last quote (about two short paragraphs of wire copy).
CONTINUATION_GAP = 400
# A cue is looked for this many characters beyond the closing mark (", he said in a statement").
CUE_WINDOW = 80
# ... or up to this far when no sentence ends in between (", said Robert Reich, who served as
# labor secretary under ... and endorsed ..., said")
LONG_CUE_WINDOW = 250
_EDGE = " \t\n,;:—–-"
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+(?:,[^\n(]{0,40})?(?:\([^)\n]{1,40}\))?\s*[-–—]+\s*")
_SENTENCE_END = re.compile(r"[.!?“”\"]")
# a cue gap that reports a clause of its own (", she said, adding that ...") parts two quotes
_GAP_CLAUSE = re.compile(r"\b\w+(?:ing|ed)\s+(?:[\w’'-]+\s+){0,3}that\b")
_DANGLING = re.compile(r"\s+(?:and|but|or|as|because|while|so)$", re.IGNORECASE)
_TAIL = re.compile(r"[^.“”\"\n]{1,60}?[.,;]")
# "NAME: words" at the start of a line; the label is a name in capitals or one to three title-case
# words (a transcript speaker or a headline's source)
_LABEL = re.compile(r"^([A-Z][A-Z.'’ -]{1,30}[A-Z]|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}):[ \t]+(.+)$",
                    re.MULTILINE)
_NOT_LABELS = {"the latest", "update", "updated", "watch", "breaking", "exclusive", "video", "photos",
               "note", "editor's note", "editor’s note", "correction", "related", "read more", "source",
               "sources", "photo", "credit", "advertisement", "q", "a"}
_QUOTE_CHARS = " \t\n\"'`“”‘’"
# A speech verb is the cue of a direct quote when the quote fills at least this share of the verb's
# complement; otherwise the verb reports something wider and stays an indirect quote (the quoted
# phrase is then part of it). 0.5 to 0.9 scored the same on PolNeAR train; 0.8 reads best.
MIN_QUOTE_SHARE = 0.8
# Two quoted pieces joined by at most this many characters of cue (“A,” he said, “B.”) are one quote.
# The cue clause may carry a long apposition ("said X, a lawyer in Orlando who ..."); 60, 120, 200
# and 300 tried on PolNeAR train: 200 best (precision 0.83 -> 0.85, recall the same).
MAX_SPLIT_GAP = 200
# Whether “A,” he said. “B.” is one quote too (the second piece after a full stop). PolNeAR's
# annotators mostly join them; measured on the train split.
SPLIT_ACROSS_STOP = True
# A quoted stretch of at most this many words, all longer ones capitalised, is a title or a name
# (“Fox News Sunday”), not speech; 5, 8 and 12 scored the same on PolNeAR train.
MAX_TITLE_WORDS = 8


def _verb_cues(doc: Doc) -> list[Cue]:
    """Every speech verb that governs a complement clause (or a quote), with subject."""
    cues: list[Cue] = []
    for tok in doc:
        if tok.pos_ == "ADJ":
            _add_adjective(tok, cues)
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lem = cue_lemma(tok)
        if lem not in SPEECH_VERBS:
            _add_stance(tok, cues)
            continue
        comp = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis")]
        if not comp:
            misread = misread_clause(tok)
            comp = [misread] if misread is not None else []
        if not comp:
            said = proform_statement(tok)
            if said is not None and subject_of(tok) is not None:
                cues.append(Cue(tok, said, subject_of(tok), cue_text(tok)))
                continue
            finding = document_finding(tok)
            if finding is not None:
                cues.append(Cue(tok, finding[0], noun_phrase(finding[1]), cue_text(tok)))
                continue
        if not comp and lem in XCOMP_VERBS:
            comp = [c for c in tok.children if c.dep_ == "xcomp"]
        if not comp and lem in OBJECT_VERBS:
            # speech acts with a noun phrase: "denied the allegations", "called for a ceasefire"
            comp = [c for c in tok.children if c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME")
                    and c.lemma_.lower() not in TIME_HEADS  # "announced ..., the first anniversary of"
                    and (c.pos_ != "PRON" or any(o.dep_ == "oprd" for o in tok.children))]
            comp += [g for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in OBJECT_PREPS
                     for g in c.children if g.dep_ == "pobj" and g.pos_ != "PRON"]
            if comp and subject_of(tok) is None:
                continue
            oprd = next((o for o in tok.children if o.dep_ == "oprd"), None)
            if comp and oprd is not None:
                # "calling it a major blow": the object and what it is called
                a_, _ = subtree_span(comp[0])
                _, b_ = subtree_span(oprd)
                cues.append(Cue(tok, (a_, b_), subject_of(tok), cue_text(tok)))
                continue
        pa, pb = paragraph(doc.text, tok.idx)
        if not comp and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            # "The economy, analysts say, is slowing": the sentence around the verb is the content
            sent = tok.sent
            subj = subject_of(tok)
            if subj is not None and subj.start_char > sent.start_char:
                hole = (min(subj.start_char, tok.idx), tok.idx + len(tok))
                cues.append(Cue(tok, (max(sent.start_char, pa), min(sent.end_char, pb)), subj,
                                 cue_text(tok), hole))
            continue
        # the parser may run a sentence over a paragraph break: keep to the verb's paragraph
        comp = [c for c in comp if pa <= c.idx < pb]
        if not comp:
            _add_stance(tok, cues)
            continue
        c = max(comp, key=lambda t: t.right_edge.i - t.left_edge.i)
        start, end = subtree_span(c)
        start, end = max(start, pa), min(end, pb)
        if c.i < tok.i:  # "..., he said": the clause ends before the verb
            end = min(end, tok.idx)
        else:
            start = max(start, tok.idx + len(tok))
        cues.append(Cue(tok, (start, end), subject_of(tok), cue_text(tok)))
    return cues


def _add_stance(tok: Token, cues: list[Cue]) -> None:
    """An attitude or intent with its object ("backed Cruz", "plans to run") and a speaker."""
    found = stance_content(tok)
    subj = subject_of(tok)
    if found is None and tok.dep_ != "amod":
        clause = thought_clause(tok, subj.root if subj is not None else None)
        if clause is not None:
            pa, pb = paragraph(tok.doc.text, tok.idx)
            cues.append(Cue(tok, (max(clause[0], pa), min(clause[1], pb)), subj, cue_text(tok)))
        return
    if found is None or tok.dep_ == "amod":
        return
    if subj is None or subj.text.lower() == "you" or tok.sent.text.rstrip(_QUOTE_CHARS).endswith("?"):
        return  # "Would you support him?" asks about a stance, nobody holds one
    (start, end), cue_words = found
    if any(c.dep_ == "neg" for c in tok.children):
        # "did not comment on": the cue keeps the negation, so the record says what was held
        cue_words = " ".join([c.text for c in tok.children if c.dep_ in ("aux", "neg") and c.i < tok.i]
                             + [cue_words])
    pa, pb = paragraph(tok.doc.text, tok.idx)
    start, end = max(start, pa), min(end, pb)
    if end > start:
        cues.append(Cue(tok, (start, end), subj, cue_words, kind="stance"))


def _add_adjective(adj: Token, cues: list[Cue]) -> None:
    """"Sanders was critical of the deal", "she is eager to run": the subject of the copula holds it."""
    found = adjective_stance(adj)
    if found is None or adj.head.pos_ not in ("AUX", "VERB"):
        return
    subj = subject_of(adj.head)
    if subj is None or subj.text.lower() in ("you", "it") or adj.sent.text.rstrip(_QUOTE_CHARS).endswith("?"):
        return
    (start, end), words = found
    pa, pb = paragraph(adj.doc.text, adj.idx)
    start, end = max(start, pa), min(end, pb)
    if end > start:
        cues.append(Cue(adj, (start, end), subj, words, kind="stance"))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation and a dangling conjunction ("... therapy and")."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    m = _DANGLING.search(text, start, end)
    if m and m.end() == end and m.start() > start:
        end = m.start()
        while end > start and text[end - 1] in _EDGE:
            end -= 1
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_of(doc: Doc, offset: int) -> Span | None:
    tok = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return tok.sent if tok is not None and len(tok) else None


def _in_holes(q: Quoted, pos: int) -> bool:
    return any(a <= pos < b for a, b in q.holes)


def _nearby_cue(cues: list[Cue], q: Quoted, text: str) -> Cue | None:
    """A speech verb between the pieces of a split quote, right after the closing mark or right
    before the opening one, in the same paragraph ("..., he said." / "He said: “...")."""
    best: tuple[int, Cue] | None = None
    for cue in cues:
        pos = cue.token.idx
        if cue.subject is not None and q.start <= cue.subject.start_char < q.end \
                and not _in_holes(q, cue.subject.start_char):
            continue  # the verb's subject is inside the quote: not the speaker
        if _in_holes(q, pos):
            return cue
        gap_after = text[q.end:pos]
        if q.end <= pos and "\n" not in gap_after and (
                pos <= q.end + CUE_WINDOW
                or pos <= q.end + LONG_CUE_WINDOW and not _SENTENCE_END.search(gap_after)):
            dist = pos - q.end
        elif q.start - CUE_WINDOW <= pos < q.start and (
                "\n" not in text[pos:q.start] or text[pos:q.start].rstrip().endswith(":")):
            dist = q.start - pos  # also "He said:\n\n“...” (the quote opens the next paragraph)
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, cue)
    return best[1] if best else None


def _tail_cue(doc: Doc, q: Quoted, text: str) -> Cue | None:
    """“...,” she mused. — any verb in the short clause that follows a quote ending in , ? or !
    is its cue when it has a subject (news style puts only the speaker and the verb there)."""
    inner = text[q.start:q.end].rstrip(_QUOTE_CHARS.replace(",", ""))
    if not q.closed or not inner.endswith((",", "?", "!")):
        return None
    m = _TAIL.match(text, q.end)
    if not m:
        return None
    span = doc.char_span(q.end, m.end(), alignment_mode="contract")
    for tok in span or []:
        if tok.pos_ == "VERB":
            subj = subject_of(tok)
            if subj is not None and not (q.start <= subj.start_char < q.end):
                return Cue(tok, (q.start, q.end), subj, cue_text(tok))
    return None


def _colon_cue(doc: Doc, q: Quoted, text: str) -> Cue | None:
    """Philip Bump wrote: “...” / The report: “...” — the clause before a colon names the speaker."""
    before = text[max(0, q.start - 300):q.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = q.start - (len(text[max(0, q.start - 300):q.start]) - len(before)) - 1
    tok_span = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if tok_span is None or not len(tok_span):
        return None
    pa, _pb = paragraph(text, colon)
    lead = doc.char_span(pa, colon, alignment_mode="contract")
    if lead is None or not len(lead):
        return None
    # the head of the words before the colon: a token whose head lies outside them
    heads = [t for t in lead if t.head.i < lead.start or t.head.i >= lead.end or t.head is t]
    head = next((t for t in heads if t.pos_ in ("VERB", "AUX")), heads[0] if heads else lead.root)
    subj = subject_of(head) if head.pos_ in ("VERB", "AUX") else None
    if subj is not None and not pa <= subj.start_char < colon:
        subj = None
    if subj is None:
        ents = [e for e in lead.ents if e.label_ in ("PERSON", "ORG")]
        if ents:
            subj = ents[0]
        elif head.pos_ in ("NOUN", "PROPN"):
            subj = noun_phrase(head)
    if subj is None:
        return None
    return Cue(head, (q.start, q.end), subj, ":")


def _labelled_paragraphs(doc: Doc, text: str) -> list[tuple[int, int, str, Cue, None]]:
    """Transcript lines and headline attributions: "TAPPER: Do you think ...", "Graham: Trump's
    rhetoric is hateful". The label speaks the rest of the line."""
    out: list[tuple[int, int, str, Cue, None]] = []
    for m in _LABEL.finditer(text):
        label = m.group(1)
        if label.lower() in _NOT_LABELS or len(m.group(2).split()) < 3:
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not len(span):
            continue
        kind = "direct" if label.isupper() or m.group(2)[:1] in "“\"‘'" else "indirect"
        cue_tok = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        tok = cue_tok[0] if cue_tok is not None and len(cue_tok) else span.root
        a, b = _trim(text, m.start(2), m.end(2))
        out.append((a, b, kind, Cue(tok, (a, b), span, ":"), None))
    return out


def _loose_verbs(doc: Doc) -> list[Cue]:
    """Speech verbs without a complement clause: the speaker of an adjacent quote."""
    out = []
    for tok in doc:
        lem = cue_lemma(tok)
        if tok.pos_ == "VERB" and lem in SPEECH_VERBS and tok.dep_ != "amod":
            subj = subject_of(tok)
            if subj is not None:  # "so-called" or a verb without a speaker is no cue
                out.append(Cue(tok, (tok.idx, tok.idx), subj, cue_text(tok)))
    return out


_Found = tuple[int, int, str, "Cue | None", "Quoted | None"]


def _direct(doc: Doc, text: str, quoted: list[Quoted], verb_cues: list[Cue],
            loose: list[Cue], used: set[int]) -> list[_Found]:
    """Quoted stretches with their cue: a verb whose complement is the quote, else a speech verb
    next to the marks, else the clause after or the label before a colon."""
    found: list[_Found] = []
    for q in quoted:
        cue = None
        for c in verb_cues:
            if c.token.i in used or not _overlaps(c.content, (q.start, q.end)):
                continue
            if q.start <= c.token.idx < q.end and not _in_holes(q, c.token.idx):
                continue  # the verb is inside the quote: it is part of what was said
            if c.subject is not None and q.start <= c.subject.start_char < q.end \
                    and not _in_holes(q, c.subject.start_char):
                continue  # the "subject" is a word of the quote itself
            inside = min(c.content[1], q.end) - max(c.content[0], q.start)
            if inside < MIN_QUOTE_SHARE * (c.content[1] - c.content[0]):
                continue  # the verb reports more than this quote ("said he ..., telling X “...”")
            cue = c
            break
        if cue is None:
            # a verb whose report holds the quote makes it part of that report, not its cue
            wider = {c.token.i for c in verb_cues if c.content[0] <= q.start and q.end <= c.content[1] + 2}
            # ... and a verb that reports a clause of its own elsewhere ("“A.” She says B") is
            # that clause's cue, not the quote's
            elsewhere = {c.token.i for c in verb_cues if c.kind == "indirect"
                         and c.content[1] > c.content[0] and not _overlaps(c.content, (q.start, q.end))}
            cue = _nearby_cue([c for c in loose if c.token.i not in wider | elsewhere], q, text)
        if cue is None:
            cue = _tail_cue(doc, q, text) or _colon_cue(doc, q, text)
        if cue is None and word_count(text, q) < MIN_UNCUED_WORDS or _is_title(text, q):
            continue
        if cue is not None:
            used.add(cue.token.i)
        found.append((q.start, q.end, "direct", cue, q))
    return found


def _is_title(text: str, q: Quoted) -> bool:
    """“Fox News Sunday,” ''An American Son'': a short quoted name in title case, not words said."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text[slice(*q.inner)])]
    long_words = [w for w in words if len(w) > 3]
    return 2 <= len(words) <= MAX_TITLE_WORDS and bool(long_words) and all(
        w[0].isupper() for w in long_words) and not any(w in ("I", "I’m", "I'm") for w in words)


def _join_continued(found: list[_Found], text: str) -> list[_Found]:
    """A cue-less quote that opens the paragraph right after a paragraph ending in a quote goes on
    with that quote (news style runs a long quote over several paragraphs)."""
    out: list[_Found] = []
    for f in found:
        if out and f[3] is None and f[4] is not None and out[-1][4] is not None:
            prev = out[-1]
            gap = text[prev[1]:f[0]]
            if not gap.strip() and "\n" in gap:
                holes = (*prev[4].holes, (prev[1], f[0]), *f[4].holes)
                q = Quoted(prev[4].start, f[4].end, f[4].closed, holes)
                out[-1] = (prev[0], f[1], "direct", prev[3], q)
                continue
        out.append(f)
    return out


def _indirect(text: str, quoted: list[Quoted], verb_cues: list[Cue], used: set[int]) -> list[_Found]:
    """Reported speech: the complement of every speech verb not already the cue of a quote."""
    direct_spans = [(q.start, q.end) for q in quoted]
    hole_spans = [h for q in quoted for h in q.holes]
    found: list[_Found] = []
    for c in verb_cues:
        if c.token.i in used:
            continue
        a, b = _trim(text, *c.content)
        dl = _DATELINE.match(text, a)
        if dl and (a == 0 or text[a - 1] == "\n"):
            a = dl.end()  # "KYIV, Oct 3 (Reuters) - ..." is not part of what was said
        b = _cut_at_nested(c, a, b, verb_cues)
        a, b = _trim(text, a, b)
        if b - a < 2:
            continue
        if any(_overlaps((a, b), d) and (a >= d[0] and b <= d[1]) for d in direct_spans):
            continue  # a verb inside a quote
        if any(q_a <= c.token.idx < q_b for q_a, q_b in direct_spans) and not any(
                h_a <= c.token.idx < h_b for h_a, h_b in hole_spans):
            continue
        found.append((a, b, c.kind, c, None))
    return found


def _one_source_per_word(found: list[_Found], labelled: list[_Found]) -> list[_Found]:
    """Drop what another attribution already covers: a short quoted phrase inside a reported
    clause ("said its units had withdrawn “to better lines”"), anything on a labelled line, and a
    report or stance inside another report or stance ("officials said [that X believed ...]")."""
    reports = [(f[0], f[1]) for f in found if f[2] == "indirect"]
    found = [f for f in found if not (f[2] == "direct" and any(
        a <= f[0] and f[1] <= b + 2 and (b - a) > (f[1] - f[0]) for a, b in reports))]
    found = [f for f in found if not any(a <= f[0] < b for a, b, *_ in labelled)]
    found.extend(labelled)
    outer = [(f[0], f[1]) for f in found
             if f[2] in ("indirect", "stance") or f[3] is not None and f[3].text == ":"]
    found = [f for f in found if f[2] == "direct" or f[3] is None or not any(
        a < f[3].token.idx < b and (a, b) != (f[0], f[1]) for a, b in outer)]
    return sorted(found, key=lambda f: f[0])


def extract_quotes(doc: Doc, article: Article) -> list[Quote]:
    """Quotes of `article` (parsed as `doc`), in text order, with speakers resolved article-wide."""
    text = article.text
    speakers = ArticleSpeakers(doc)
    verb_cues = _verb_cues(doc) + phrase_cues(doc)
    quoted = _merge_split(find_quoted(text), text)
    used: set[int] = set()
    found = _join_continued(_direct(doc, text, quoted, verb_cues, _loose_verbs(doc), used), text)
    found += _indirect(text, quoted, verb_cues, used)
    found = _one_source_per_word(found, _labelled_paragraphs(doc, text))

    quotes: list[Quote] = []
    last: SpeakerRef | None = None
    last_end = -1
    for start, end, kind, cue, q in found:
        ref = _speaker(speakers, cue)
        if ref is None and kind == "direct" and last is not None and last.name \
                and start - last_end < CONTINUATION_GAP:
            # a quote with no cue continues the previous speaker when it follows closely
            ref = SpeakerRef(last.name, last.role, last.start, last.end, last.entity)
        if ref is not None and ref.entity is not None:
            speakers.note_speaker(start, ref.entity)
        if ref is not None and ref.name:
            last, last_end = ref, end
        sent = _sentence_of(doc, start)
        quotes.append(Quote(
            article_id=article.article_id,
            text=_quote_text(text, start, end, q, cue.hole if cue is not None else None),
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


def _quote_text(text: str, start: int, end: int, q: Quoted | None,
                hole: tuple[int, int] | None = None) -> str:
    """The words said: for a split quote, its pieces without the cue between them; for
    "X, analysts say, Y" the clause without "analysts say"."""
    if q is None:
        if hole is not None and start <= hole[0] < hole[1] <= end:
            head = text[start:hole[0]].strip(_QUOTE_CHARS + ",;—–-")
            tail = text[hole[1]:end].strip(_QUOTE_CHARS + ",;—–-")
            return f"{head} {tail}".strip()
        return text[start:end].strip(_QUOTE_CHARS)
    cuts = [q.start, *[x for hole in q.holes for x in hole], q.end]
    pieces = [text[a:b].strip(_QUOTE_CHARS) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
    return " ".join(p for p in pieces if p)


def _merge_split(quoted: list[Quoted], text: str) -> list[Quoted]:
    """Join “A,” he said, “B.” into one quote: same line, a short gap that holds no other mark."""
    out: list[Quoted] = []
    for q in quoted:
        if out:
            prev = out[-1]
            gap = text[prev.end:q.start]
            before_mark = text[prev.start:prev.end].rstrip(_QUOTE_CHARS.replace(",", "").strip() + " ")
            ends = gap.strip()[-1:] if gap.strip() else ""
            if (prev.closed and 0 < len(gap) <= MAX_SPLIT_GAP and "\n" not in gap
                    and not _GAP_CLAUSE.search(gap)
                    and before_mark[-1:] in (",", "-", "—")
                    and (ends == "," or ends == "." and SPLIT_ACROSS_STOP)):
                out[-1] = Quoted(prev.start, q.end, q.closed, (*prev.holes, (prev.end, q.start)))
                continue
        out.append(q)
    return out


def _cut_at_nested(cue: Cue, a: int, b: int, cues: list[Cue]) -> int:
    """End an indirect quote where a participial speech verb inside it starts
    ("said he would stay, telling reporters that ..." ends before "telling")."""
    for other in cues:
        t = other.token
        if other is cue or not a < t.idx < b:
            continue
        if t.dep_ in ("advcl", "conj") and not any(c.dep_ in SUBJECT_DEPS for c in t.children):
            b = min(b, t.doc[t.left_edge.i].idx if t.left_edge.i > cue.token.i else t.idx)
        elif t.dep_ in ("conj", "parataxis", "advcl") and other.subject is not None \
                and a < other.subject.start_char < b:
            # "Clinton claimed that A, experts affirm that B": B has its own speaker
            b = min(b, other.subject.start_char)
    return b


def _speaker(speakers: ArticleSpeakers, cue: Cue | None) -> SpeakerRef | None:
    if cue is None:
        return None
    return cue_speaker(speakers, cue.token, cue.subject)
