"""Copy detection: exact duplicates, syndicated copies and rewrites, cheapest test first."""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsledger.link import text as T
from newsledger.link.embed import Embedder
from newsledger.models import Article

logger = logging.getLogger(__name__)

NUM_PERM = 128  # MinHash permutations: 128 keeps the Jaccard estimate within ~0.09 (1 sd) at little cost
# LSH is only a candidate filter; a low Jaccard threshold lets a copy truncated to a fifth of its source
# (Jaccard ~0.2) through, and the exact containment check below throws out the extra candidates.
LSH_THRESHOLD = 0.15
SHINGLE_K = 4  # word 4-grams: long enough that unrelated articles share almost none
# Containment (shared shingles / shingles of the smaller text) above which two texts are the same text
# trimmed, re-headlined or padded with boilerplate. Tuned on the synthetic copy corpus
# (benchmarks/linking): syndicated copies score > 0.8, rewrites 0.1-0.6, other articles < 0.1.
SYNDICATED_CONTAINMENT = 0.7
TOP_K = 8  # nearest documents (by document vector) checked by sentence alignment
# Document-vector cosine below which no sentence alignment is tried: rewrites of one text sit far above,
# set from the same corpus (rewrites >= 0.85 with wordllama, >= 0.5 with term vectors).
MIN_DOC_COS_EMB = 0.75
MIN_DOC_COS_TERMS = 0.35
# Sentence alignment: a sentence of the shorter text is "aligned" when its best match in the other text
# reaches this similarity, and the texts are rewrites of each other when this share of sentences align.
SENT_SIM_EMB = 0.86
SENT_SIM_TERMS = 0.5
REWRITE_ALIGNED = 0.6
MIN_SENT_TERMS = 4  # sentences with fewer content words ("He said.") are ignored by alignment
CACHE_SIZE = 20_000  # articles whose features are kept between calls (about 5-10 KB each)


@dataclass(slots=True)
class CopyVerdict:
    """What copy detection says about one article."""
    article_id: str
    group_id: str
    kind: str  # original | exact | syndicated | rewrite
    of_article: str | None = None  # the earlier article it copies
    score: float = 1.0


@dataclass(slots=True)
class _Doc:
    article_id: str
    published: datetime | None
    hash: str
    shingles: set[str]
    minhash: MinHash
    sents: list[set[str]]  # content-term sets of the sentences kept for alignment
    sent_texts: list[str]
    terms: dict[str, int]
    emb: np.ndarray | None = None  # sentence embeddings (rows), when an embedder is set
    vec: np.ndarray | None = None  # document embedding
    extra: dict[str, object] = field(default_factory=dict)


def article_text(article: Article) -> str:
    """The body used for copy detection (the title is left out: re-headlined copies keep the body)."""
    return article.text or ""


class CopyDetector:
    """Finds, for each new article, the earlier article it copies (if any) within a time window."""

    def __init__(self, embedder: Embedder | None = None, window_days: int = 7) -> None:
        self.embedder = embedder
        self.window = timedelta(days=window_days)
        self._cache: OrderedDict[str, _Doc] = OrderedDict()

    # -- features -------------------------------------------------------------------------------
    def _doc(self, article: Article) -> _Doc:
        doc = self._cache.get(article.article_id)
        if doc is not None:
            self._cache.move_to_end(article.article_id)
            return doc
        body = article_text(article)
        toks = T.words(body)
        sh = T.shingles(toks, SHINGLE_K)
        mh = MinHash(num_perm=NUM_PERM)
        if sh:
            mh.update_batch([s.encode("utf-8") for s in sh])
        sent_texts, sent_sets = [], []
        for sent in T.sentences(body):
            terms = set(T.content_terms(sent))
            if len(terms) >= MIN_SENT_TERMS:
                sent_texts.append(sent)
                sent_sets.append(terms)
        counts: dict[str, int] = {}
        for term in T.content_terms(body):
            counts[term] = counts.get(term, 0) + 1
        doc = _Doc(article.article_id, article.published, T.text_hash(body), sh, mh, sent_sets,
                   sent_texts, counts)
        if self.embedder is not None and sent_texts:
            doc.emb = self.embedder.embed(sent_texts)
            v = doc.emb.mean(axis=0)
            doc.vec = v / max(float(np.linalg.norm(v)), 1e-9)
        self._cache[article.article_id] = doc
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return doc

    # -- tests, cheap to dear -------------------------------------------------------------------
    @staticmethod
    def containment(a: _Doc, b: _Doc) -> float:
        """Shared shingles over the shingles of the smaller text."""
        if not a.shingles or not b.shingles:
            return 0.0
        return len(a.shingles & b.shingles) / min(len(a.shingles), len(b.shingles))

    def alignment(self, a: _Doc, b: _Doc) -> float:
        """Share of the shorter text's sentences that have a close match in the other text."""
        if not a.sents or not b.sents:
            return 0.0
        short, long_ = (a, b) if len(a.sents) <= len(b.sents) else (b, a)
        if short.emb is not None and long_.emb is not None:
            sims = short.emb @ long_.emb.T
            best = sims.max(axis=1)
            aligned = best >= SENT_SIM_EMB
        else:
            aligned = np.array([max(T.jaccard(s, t) for t in long_.sents) >= SENT_SIM_TERMS
                                for s in short.sents])
        return float(aligned.mean())

    def _in_window(self, a: _Doc, b: _Doc) -> bool:
        if a.published is None or b.published is None:
            return True
        return abs(a.published - b.published) <= self.window

    # -- batch ----------------------------------------------------------------------------------
    def detect(self, new: list[Article], history: list[Article],
               known_groups: dict[str, str] | None = None) -> dict[str, CopyVerdict]:
        """Verdicts for `new` (taken in publication order) against `history` and earlier new articles."""
        known_groups = dict(known_groups or {})
        hist_docs = [self._doc(a) for a in history]
        order = sorted(new, key=lambda a: (a.published or datetime.max, a.article_id))
        new_docs = [self._doc(a) for a in order]
        pool: list[_Doc] = []
        group_of: dict[str, str] = {}
        by_hash: dict[str, str] = {}
        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)

        def admit(doc: _Doc, group: str) -> None:
            group_of[doc.article_id] = group
            by_hash.setdefault(doc.hash, doc.article_id)
            if doc.article_id not in lsh.keys:
                lsh.insert(doc.article_id, doc.minhash)
            pool.append(doc)

        for doc in hist_docs:
            if doc.article_id not in group_of:
                admit(doc, known_groups.get(doc.article_id, doc.article_id))
        index_of = {d.article_id: i for i, d in enumerate(pool)}
        verdicts: dict[str, CopyVerdict] = {}
        for doc in new_docs:
            if doc.article_id in group_of:  # already stored (re-run): keep its group
                g = group_of[doc.article_id]
                verdicts[doc.article_id] = CopyVerdict(doc.article_id, g, "original" if g == doc.article_id
                                                       else "syndicated", None if g == doc.article_id else g)
                continue
            verdict = self._match(doc, pool, index_of, by_hash, lsh, group_of)
            verdicts[doc.article_id] = verdict
            index_of[doc.article_id] = len(pool)
            admit(doc, verdict.group_id)
        return verdicts

    def _match(self, doc: _Doc, pool: list[_Doc], index_of: dict[str, int], by_hash: dict[str, str],
               lsh: MinHashLSH, group_of: dict[str, str]) -> CopyVerdict:
        aid = doc.article_id
        # 1. normalised-text hash
        other = by_hash.get(doc.hash)
        if other is not None and self._in_window(doc, pool[index_of[other]]):
            return CopyVerdict(aid, group_of[other], "exact", other, 1.0)
        # 2. MinHash LSH candidates, verified by exact containment (catches trimmed copies)
        cands = {c for c in lsh.query(doc.minhash) if c in index_of} if doc.shingles else set()
        near = self._nearest(doc, pool)
        cands |= {pool[i].article_id for i in near}
        best_c, best_id = 0.0, None
        for cid in cands:
            cdoc = pool[index_of[cid]]
            if not self._in_window(doc, cdoc):
                continue
            c = self.containment(doc, cdoc)
            if c > best_c:
                best_c, best_id = c, cid
        if best_id is not None and best_c >= SYNDICATED_CONTAINMENT:
            return CopyVerdict(aid, group_of[best_id], "syndicated", best_id, round(best_c, 4))
        # 3. sentence alignment on the nearest documents (catches rewrites)
        best_a, best_id = 0.0, None
        for i in near:
            cdoc = pool[i]
            if not self._in_window(doc, cdoc):
                continue
            a = self.alignment(doc, cdoc)
            if a > best_a:
                best_a, best_id = a, cdoc.article_id
        if best_id is not None and best_a >= REWRITE_ALIGNED:
            return CopyVerdict(aid, group_of[best_id], "rewrite", best_id, round(best_a, 4))
        return CopyVerdict(aid, aid, "original", None, 1.0)

    def _nearest(self, doc: _Doc, pool: list[_Doc]) -> list[int]:
        """Indexes of the TOP_K pool documents closest to `doc` above the document-cosine floor."""
        if not pool:
            return []
        if doc.vec is not None:
            vecs = [d.vec for d in pool]
            if all(v is not None for v in vecs):
                sims = np.stack(vecs) @ doc.vec
                floor = MIN_DOC_COS_EMB
                return [int(i) for i in np.argsort(-sims)[:TOP_K] if sims[i] >= floor]
        sims_l = [_cos(doc.terms, d.terms) for d in pool]
        ranked = sorted(range(len(pool)), key=lambda i: -sims_l[i])[:TOP_K]
        return [i for i in ranked if sims_l[i] >= MIN_DOC_COS_TERMS]


def _cos(a: dict[str, int], b: dict[str, int]) -> float:
    """Cosine of two term-count vectors (sublinear counts are not worth it at this length)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    if not dot:
        return 0.0
    na = sum(v * v for v in a.values()) ** 0.5
    nb = sum(v * v for v in b.values()) ** 0.5
    return dot / (na * nb)
