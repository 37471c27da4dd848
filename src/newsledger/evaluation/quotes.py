"""`newsledger eval quotes`: quote content span F1 and speaker accuracy on PolNeAR attributions.

Definitions (one gold attribution = one Content, with its Source and Cue; gaps in a brat span are
closed, so a content is the stretch from its first to its last fragment):
- spans are compared after trimming white space, quote marks and , . ; : at both ends;
- exact: a predicted quote span equals a gold content span; overlap: they share a character.
  Matching is one-to-one, the largest overlaps first. F1 from precision (over our quotes) and
  recall (over gold contents).
- also reported: overlap recall on the gold attributions whose cue is say/tell/add/according to.
- speaker accuracy: over overlap-matched pairs whose gold attribution has a Source, the share where
  our speaker mention overlaps the gold Source span, or our resolved speaker name contains the
  last word of the gold Source's head, the part before a comma, a bracket or a relative pronoun
  (gold "Trump", ours "Donald Trump"; gold "Michael Kofman, an expert on Russia", ours "Michael
  Kofman"), or of a later comma-separated part that is all capitalised words, a name in
  apposition (gold "The director of the centre, Ina Kirsch,", ours "Ina Kirsch"). Words are
  compared without a possessive 's and edge punctuation.
  Where our quote overlaps several gold contents, pairing first prefers a gold attribution whose
  cue shares a word with ours (so "he says he wants to X" pairs our "says" quote with the gold
  "says" attribution rather than with whichever content overlaps more), then the largest overlap.
Only the split named by `--split` is read (default dev); the test split is never used.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Any

from newsledger.errors import NewsledgerError
from newsledger.evaluation.quote_brat import Attribution, list_documents, read_ann
from newsledger.extract.quotes import extract_quotes
from newsledger.models import Article, Quote

log = logging.getLogger(__name__)

# gold cues of plain speech ("said", "told", "according to", "added"): recall on these alone shows
# how the extractor does on quotes proper, apart from PolNeAR's wider attributions of opinion
_SPEECH_CUE = re.compile(r"\b(?:say|says|said|saying|tell|tells|told|telling|according|add|adds|"
                         r"added|adding)\b", re.IGNORECASE)
_TRIM = " \t\n\r.,;:\"'“”‘’"
_WORD_EDGE = ",.;:()[]\"“”‘’'"
_POSSESSIVE = re.compile(r"[’']s?$")
# the head of a source ends at a comma, a bracket or a relative pronoun ("Kofman, an expert ...")
_HEAD_END = re.compile(r",|\(|\s(?:who|which|that)\s")
_CUE_WORD = re.compile(r"[^\W\d_][\w’'-]*|:")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _hull(frags: list[tuple[int, int]]) -> tuple[int, int]:
    return min(a for a, _ in frags), max(b for _, b in frags)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _name_words(text: str) -> list[str]:
    """Words of a name, lower case, without edge punctuation or a possessive ("Sanders's" -> sanders)."""
    out = []
    for w in text.split():
        if w.lower() in ("’s", "'s"):
            continue  # a possessive split off ("Trump ’s")
        w = _POSSESSIVE.sub("", w.strip(_WORD_EDGE)).lower()
        if w[:1].isalpha():
            out.append(w)
    return out


def _speaker_ok(text: str, q: Quote, gold: Attribution) -> bool:
    """Our speaker is the gold Source: the mentions overlap, or our name holds the last word of
    the gold Source or of its head (the words before a comma or a relative clause)."""
    if q.speaker_start is not None and q.speaker_end is not None:
        if any(_overlap((q.speaker_start, q.speaker_end), s) > 0 for s in gold.source):
            return True
    if not q.speaker:
        return False
    source = " ".join(text[a:b] for a, b in gold.source)
    chunks = _HEAD_END.split(source)
    # the head, and any later chunk that is a name ("The director of the centre, Ina Kirsch,"),
    # not a description ("Michael Kofman, an expert on Russia at a center in Washington")
    names = [chunks[0]] + [c for c in chunks[1:] if c.split() and all(
        w[:1].isupper() for w in c.split())]
    wanted = {ws[-1] for ws in map(_name_words, names) if ws}
    return bool(wanted & set(_name_words(q.speaker)))


def _cue_words(text: str) -> set[str]:
    return set(_CUE_WORD.findall(text.lower()))


def _same_cue(text: str, q: Quote, gold: Attribution) -> bool:
    """Our cue and the gold cue share a word ("said" / "said"; "according to" / "according")."""
    return bool(q.cue) and bool(_cue_words(q.cue or "") & _cue_words(
        " ".join(text[a:b] for a, b in gold.cue)))


def score_document(text: str, gold: list[Attribution], pred: list[Quote]) -> dict[str, int]:
    """Counts for one article: matches (exact, overlap), speakers judged and right."""
    g_spans = [trim(text, *_hull(g.content)) for g in gold]
    p_spans = [trim(text, q.start, q.end) for q in pred]
    exact = len({s for s in p_spans} & {s for s in g_spans})
    pairs = []
    for i, ps in enumerate(p_spans):
        for j, gs in enumerate(g_spans):
            ov = _overlap(ps, gs)
            if ov > 0:
                pairs.append((_same_cue(text, pred[i], gold[j]), ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    judged = right = 0
    for _cue, _ov, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        if gold[j].source:
            judged += 1
            right += _speaker_ok(text, pred[i], gold[j])
    speech = [j for j, g in enumerate(gold) if _SPEECH_CUE.search(" ".join(text[a:b] for a, b in g.cue))]
    return {"gold": len(gold), "pred": len(pred), "exact": exact, "overlap": len(used_p),
            "speech_gold": len(speech), "speech_found": sum(j in used_g for j in speech),
            "speaker_judged": judged, "speaker_right": right,
            "direct_pred": sum(q.kind == "direct" for q in pred)}


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(data: Path, *, limit: int | None = None, split: str = "dev", **_: Any) -> dict[str, Any]:
    """Score `extract_quotes` on the PolNeAR folder `data`, split `split` (train or dev)."""
    from newsledger.nlp.loader import get_nlp

    if split == "test":
        raise NewsledgerError("E300", "the PolNeAR test split is not to be used; choose dev or train")
    try:
        docs = list_documents(data, split)
    except FileNotFoundError as exc:
        raise NewsledgerError("E300", f"PolNeAR split {split!r} not found under {data}") from exc
    if limit:
        docs = docs[:limit]
    nlp = get_nlp()
    t0 = time.perf_counter()
    totals: dict[str, int] = {}
    texts = [txt.read_text(encoding="utf-8") for _, txt, _ in docs]
    for (name, _txt, ann), text, doc in zip(docs, texts, nlp.pipe(texts, batch_size=8), strict=False):
        gold = read_ann(ann)
        pred = extract_quotes(doc, Article(article_id=name, text=text))
        for k, v in score_document(text, gold, pred).items():
            totals[k] = totals.get(k, 0) + v
    pe, re_, fe = _f1(totals.get("exact", 0), totals.get("pred", 0), totals.get("gold", 0))
    po, ro, fo = _f1(totals.get("overlap", 0), totals.get("pred", 0), totals.get("gold", 0))
    judged = totals.get("speaker_judged", 0)
    return {
        "content_f1_exact": round(fe, 4), "content_precision_exact": round(pe, 4),
        "content_recall_exact": round(re_, 4),
        "content_f1_overlap": round(fo, 4), "content_precision_overlap": round(po, 4),
        "content_recall_overlap": round(ro, 4),
        "speaker_accuracy": round(totals.get("speaker_right", 0) / judged, 4) if judged else 0.0,
        "speaker_judged": judged, "split": split,
        "content_recall_overlap_speech_cues": round(
            totals.get("speech_found", 0) / totals["speech_gold"], 4) if totals.get("speech_gold") else 0.0,
        "n_gold_speech_cues": totals.get("speech_gold", 0), "n_documents": len(docs),
        "n_gold": totals.get("gold", 0), "n_pred": totals.get("pred", 0),
        "n_pred_direct": totals.get("direct_pred", 0),
        "seconds": round(time.perf_counter() - t0, 1),
    }


def format_report(result: dict[str, Any]) -> str:
    lines = [f"PolNeAR {result['split']}: {result['n_documents']} articles, {result['n_gold']} gold "
             f"attributions, {result['n_pred']} predicted quotes ({result['n_pred_direct']} direct)",
             f"{'content':16} {'P':>6} {'R':>6} {'F1':>6}"]
    for k in ("exact", "overlap"):
        lines.append(f"{k:16} {result['content_precision_' + k]:6.3f} "
                     f"{result['content_recall_' + k]:6.3f} {result['content_f1_' + k]:6.3f}")
    lines.append(f"recall on gold attributions with a say/tell/add/according-to cue: "
                 f"{result['content_recall_overlap_speech_cues']:.3f} (of {result['n_gold_speech_cues']})")
    lines.append(f"speaker accuracy {result['speaker_accuracy']:.3f} "
                 f"(over {result['speaker_judged']} matched quotes with a gold source)")
    return "\n".join(lines)
