"""Incremental story clustering: each arriving article joins the story of its closest recent article."""

from __future__ import annotations

import bisect
import heapq
import logging
import math
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import chain

import numpy as np

from newsledger.link import text as T
from newsledger.link.embed import Embedder
from newsledger.models import Article

logger = logging.getLogger(__name__)

LEAD_CHARS = 1500  # title + opening paragraphs carry the story; the tail drifts into background
# Weights of the similarity parts; names (people, places, organisations) tell stories apart best, the
# text part catches stories told with few names. Chosen on the dev half of the hand-labelled story set
# (TimeBank + AQUAINT, benchmarks/linking) by a grid over 0.3/0.5/0.7.
W_NAMES = 0.5
W_TEXT = 0.5
DECAY_DAYS = 14.0  # similarity falls to 1/e over 14 days (grid 3-14 on dev, 7-day history; 7-21 tie with 30 days)
# A story stays open while it keeps receiving articles: time decay runs from the story's article nearest in
# time to the new one (its newest, on a forward feed), not from the member compared, so a follow-up can
# join through any of the story's reports; and a story that has run for a while decays more slowly
# (time constant DECAY_DAYS + SPAN_DECAY x the days between its first and last held articles), since
# long-running stories come back after gaps of a week or two. A story whose nearest article is more than
# STORY_GAP_DAYS away is closed. Chosen on the dev half with a 30-day history: gap 7 / 14 / 21 / 30 gave
# BCubed F1 0.904 / 0.919 / 0.919 / 0.919 (span 1), span 0 / 0.5 / 1 / 2 gave 0.907 / 0.911 / 0.919 / 0.919
# (gap 30); the smaller gap and span were taken where they tie. STORY_DECAY False is the old member decay.
STORY_DECAY = True
STORY_GAP_DAYS = 14.0
SPAN_DECAY = 1.0
# True: a pair link to an old member still decays from that member's own date (only the story profile
# decays from the story's newest article). More cautious on a dense feed (bench_link.py --per-day 30,
# labelled dev articles in the packed stream: BCubed 0.826 against 0.820; 0.833 with the old code), but
# lower on the real-date dev half (0.908 against 0.919), so off.
PAIR_MEMBER_DECAY = False
# How many days of stored articles story clustering looks back over (the history the link stage loads, see
# `Linker.history_days`); a story is compared through its members of the last STORY_HISTORY_DAYS only.
# Dev BCubed F1 for 7 / 14 / 21 / 30 / 45 / 60 days: 0.901 / 0.908 / 0.911 / 0.919 / 0.906 / 0.906 (longer
# histories also change the window idf); the perfect-clusterer ceiling is 0.937 with 7-day gaps, 0.984 with 14.
STORY_HISTORY_DAYS = 30
# Join the story of the best-matching article when the decayed similarity reaches this (grid on dev).
JOIN_THRESHOLD = 0.2
CENTROID = True  # also compare with the summed story profile (dev F1 +0.02 over single link alone)
# A story's profile keeps only its most frequent terms and names, so comparing with a long-running story
# costs no more than with one article (200 terms / 60 names give the same stories as untruncated profiles
# on dev and test; 100 / 30 change test F1 by +0.0007).
PROFILE_TERMS = 200
PROFILE_NAMES = 60
EMB_FLOOR = 0.7  # lead-embedding cosine of unrelated articles sits near 0.7 (wordllama); rescaled from there
COMMON_DF = 0.2  # terms in more than this share of seen articles do not nominate candidates
# Candidate search is bounded so that an article's cost does not grow with the history: only the article's
# MAX_KEYS rarest terms and names nominate, each through its MAX_POSTINGS most recent earlier articles
# (the ones time decay favours anyway), and only the MAX_CANDIDATES articles sharing the most idf weight
# are compared in full. On the labelled sets these values give the same stories as no limit at all, and
# even 5 candidates / 10 keys / 10 postings move dev and test BCubed F1 by less than 0.006; they leave a
# margin for windows much busier than the labelled corpora, and cut full comparisons 19x on the
# 1,000-article benchmark (benchmarks/linking/bench_link.py).
MAX_KEYS = 40
MAX_POSTINGS = 50
MAX_CANDIDATES = 25
CACHE_SIZE = 20_000  # articles whose story features are kept between calls
# Capitalised words that are not names of anything a story is about (dates, wire tags).
# Month abbreviations and company designators ("Inc", "Corp") are capitalised in every business brief and
# made unrelated company stories look alike (dev BCubed precision +0.016 without them).
NOT_NAMES: frozenset[str] = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "ap afp reuters upi gmt est edt pdt "
    "inc corp co cos ltd plc llc company corporation group industries international association holdings"
    .split())


@dataclass(slots=True)
class _Member:
    article_id: str
    story_id: str
    terms: Counter
    names: set[str]
    vec: np.ndarray | None
    when: datetime | None


def _cosine(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    # fsum: exactly rounded whatever the order, so a set's hash order (PYTHONHASHSEED) cannot flip a
    # threshold decision between two runs
    dot = math.fsum(v * b[k] * idf[k] ** 2 for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    na = math.sqrt(math.fsum((v * idf[k]) ** 2 for k, v in a.items()))
    nb = math.sqrt(math.fsum((v * idf[k]) ** 2 for k, v in b.items()))
    return dot / (na * nb)


def _top(counts: Counter, n: int) -> Counter:
    """The `n` largest counts (ties broken by key, so the cut never depends on insertion order)."""
    if len(counts) <= n:
        return counts
    return Counter(dict(heapq.nsmallest(n, counts.items(), key=lambda kv: (-kv[1], kv[0]))))


class StoryClusterer:
    """Assigns stories one article at a time (single link to recent articles); assignments never change."""

    def __init__(self, embedder: Embedder | None = None, threshold: float | None = None,
                 decay_days: float | None = None, cache: OrderedDict | None = None) -> None:
        self.embedder = embedder
        self._cache: OrderedDict = cache if cache is not None else OrderedDict()
        self.threshold = JOIN_THRESHOLD if threshold is None else threshold
        self.decay_days = DECAY_DAYS if decay_days is None else decay_days
        self.story_decay = STORY_DECAY
        self.gap_days = STORY_GAP_DAYS
        self.members: list[_Member] = []  # oldest first; member i (an absolute number) is members[i - _base]
        self._base = 0  # members forgotten from the front (`forget_oldest`)
        self._sizes: Counter = Counter()  # story -> members
        self._times: dict[str, list[datetime]] = defaultdict(list)  # story -> its members' dates, sorted
        self.centroids: dict[str, tuple[Counter, Counter]] = {}  # story -> summed terms, name counts
        self._profiles: dict[str, tuple[Counter, Counter]] = {}  # story -> truncated centroid (cache)
        self._index: dict[str, list[int]] = defaultdict(list)
        self._df: Counter = Counter()
        self._n_docs = 0
        # idf values for the current document counts; cleared whenever they change (`_count`), so one
        # assignment computes each term's idf once instead of once per candidate pair
        self._idf_memo: dict[str, float] = {}

    # -- features -------------------------------------------------------------------------------
    def features(self, article: Article, names: set[str] | None = None
                 ) -> tuple[Counter, set[str], np.ndarray | None]:
        """Term counts of the lead, a set of names, and the lead's embedding (cached per article)."""
        key = (article.article_id, frozenset(names) if names else None)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        lead = f"{article.title or ''}\n\n{(article.text or '')[:LEAD_CHARS]}"
        terms = Counter(T.content_terms(lead))
        found = {n.lower() for n in names} if names else T.names(lead) - NOT_NAMES
        vec = self.embedder.embed([lead])[0] if self.embedder is not None else None
        self._cache[key] = (terms, found, vec)
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return terms, found, vec

    def _idf_table(self, keys: Iterable[str]) -> dict[str, float]:
        """The idf memo with every key in `keys` filled in (valid until the next `_count`)."""
        memo, n, df = self._idf_memo, self._n_docs, self._df
        for k in keys:
            if k not in memo:
                memo[k] = math.log((1 + n) / (1 + df.get(k, 0))) + 1.0
        return memo

    def pair_similarity(self, terms: Counter, names: set[str], vec: np.ndarray | None, m: _Member) -> float:
        """Similarity of an article's features to one earlier article (before time decay)."""
        idf = self._idf_table(chain(terms, m.terms))
        text = _cosine(terms, m.terms, idf)
        if vec is not None and m.vec is not None:
            text = 0.5 * text + 0.5 * max(0.0, (float(vec @ m.vec) - EMB_FLOOR) / (1.0 - EMB_FLOOR))
        name_sim = 0.0
        if names and m.names:  # idf-weighted Dice: a shared rare name counts more than "Washington"
            nidf = self._idf_table("n:" + n for n in chain(names, m.names))
            shared = math.fsum(nidf["n:" + n] for n in names & m.names)
            total = math.fsum(nidf["n:" + n] for n in chain(names, m.names))
            name_sim = 2 * shared / total
        return W_NAMES * name_sim + W_TEXT * text

    def profile(self, story_id: str) -> tuple[Counter, Counter]:
        """A story's most frequent terms and names (ties broken by the term), rebuilt only when it grows."""
        hit = self._profiles.get(story_id)
        if hit is None:
            c_terms, c_names = self.centroids[story_id]
            hit = (_top(c_terms, PROFILE_TERMS), _top(c_names, PROFILE_NAMES))
            self._profiles[story_id] = hit
        return hit

    def centroid_similarity(self, terms: Counter, names: set[str], story_id: str) -> float:
        """Similarity of an article to the profile of a story (its most frequent terms and names)."""
        c_terms, c_names = self.profile(story_id)
        idf = self._idf_table(chain(terms, c_terms))
        text = _cosine(terms, c_terms, idf)
        name_sim = 0.0
        if names:
            self._idf_table("n:" + k for k in chain(names, c_names))
            nidf = {k: self._idf_memo["n:" + k] for k in set(names) | set(c_names)}
            name_sim = _cosine(Counter(names), c_names, nidf)
        return W_NAMES * name_sim + W_TEXT * text

    def _decay(self, a: datetime | None, b: datetime | None) -> float:
        if a is None or b is None:
            return 1.0
        return math.exp(-abs((a - b).total_seconds()) / 86400.0 / self.decay_days)

    def story_gap(self, when: datetime | None, story_id: str) -> float | None:
        """Days between `when` and the story's member nearest to it in time (None when undated)."""
        times = self._times.get(story_id)
        if when is None or not times:
            return None
        i = bisect.bisect_left(times, when)
        near = [times[j] for j in (i - 1, i) if 0 <= j < len(times)]
        return min(abs((when - t).total_seconds()) for t in near) / 86400.0

    def story_decay_factor(self, when: datetime | None, story_id: str) -> float:
        """Time decay from the story's nearest article; 0 when the story is closed (gap too long)."""
        gap = self.story_gap(when, story_id)
        if gap is None:
            return 1.0
        if self.gap_days is not None and gap > self.gap_days:
            return 0.0
        times = self._times[story_id]
        span = (times[-1] - times[0]).total_seconds() / 86400.0
        return math.exp(-gap / (self.decay_days + SPAN_DECAY * span))

    def _candidates(self, terms: Counter, names: set[str]) -> list[int]:
        """Earlier articles worth a full comparison: those sharing the most idf weight of rare keys.

        Bounded work whatever the history: MAX_KEYS keys x MAX_POSTINGS postings, then MAX_CANDIDATES
        articles; keys, postings and ties are taken in a fixed order, so the result never depends on hash
        order."""
        limit = max(5, COMMON_DF * self._n_docs)
        keys = [f"n:{n}" for n in names] + [f"t:{t}" for t in terms]
        # a term's df is counted under its bare form, a name's under "n:" (see `_count`)
        df = {k: self._df.get(k[2:] if k.startswith("t:") else k, 0) for k in keys}
        # names nominate however common they are (ranked last when common); terms only when rare
        keys = sorted((k for k in keys if (k[0] == "n" or df[k] <= limit) and k in self._index),
                      key=lambda k: (df[k], k))
        idf = self._idf_table(k[2:] if k.startswith("t:") else k for k in keys[:MAX_KEYS])
        score: dict[int, float] = defaultdict(float)
        for k in keys[:MAX_KEYS]:
            w = idf[k[2:] if k.startswith("t:") else k]
            for i in self._index[k][-MAX_POSTINGS:]:
                score[i] += w
        ranked = sorted(score, key=lambda i: (-score[i], -i))[:MAX_CANDIDATES]
        return sorted(ranked)

    # -- assignment -----------------------------------------------------------------------------
    def _add(self, article: Article, story_id: str, terms: Counter, names: set[str],
             vec: np.ndarray | None) -> None:
        i = self._base + len(self.members)
        self.members.append(_Member(article.article_id, story_id, terms, names, vec, article.published))
        self._sizes[story_id] += 1
        if article.published is not None:
            bisect.insort(self._times[story_id], article.published)
        c_terms, c_names = self.centroids.setdefault(story_id, (Counter(), Counter()))
        c_terms.update(terms)
        c_names.update(names)
        self._profiles.pop(story_id, None)
        for n in names:
            self._index[f"n:{n}"].append(i)
        for t in terms:
            self._index[f"t:{t}"].append(i)

    def forget_oldest(self, k: int) -> None:
        """Drop the `k` oldest members from counts, index and story profiles, leaving the state a fresh
        clusterer would have after observing only the remaining members in the same order."""
        if k <= 0:
            return
        self._idf_memo.clear()
        gone, self.members = self.members[:k], self.members[k:]
        self._base += k
        for m in gone:
            self._n_docs -= 1
            keys = [*m.terms, *("n:" + n for n in m.names)]
            self._df.subtract(keys)
            for key in keys:
                if self._df[key] <= 0:
                    del self._df[key]
            for key in chain((f"n:{n}" for n in m.names), (f"t:{t}" for t in m.terms)):
                posts = self._index[key]
                del posts[:bisect.bisect_left(posts, self._base)]  # postings are in member order
                if not posts:
                    del self._index[key]
            c_terms, c_names = self.centroids[m.story_id]
            c_terms.subtract(m.terms)
            c_names.subtract(m.names)
            for c, keys in ((c_terms, m.terms), (c_names, m.names)):
                for key in keys:
                    if c[key] <= 0:
                        del c[key]
            self._sizes[m.story_id] -= 1
            if m.when is not None:
                times = self._times[m.story_id]
                del times[bisect.bisect_left(times, m.when)]
            if self._sizes[m.story_id] <= 0:
                del self._sizes[m.story_id], self.centroids[m.story_id]
                self._times.pop(m.story_id, None)
            self._profiles.pop(m.story_id, None)

    def _count(self, terms: Counter, names: set[str]) -> None:
        self._idf_memo.clear()
        self._n_docs += 1
        self._df.update(terms.keys())
        self._df.update("n:" + n for n in names)

    def observe(self, article: Article, story_id: str, names: set[str] | None = None) -> None:
        """Record an article whose story is already known (history)."""
        terms, found, vec = self.features(article, names)
        self._count(terms, found)
        self._add(article, story_id, terms, found, vec)

    def assign(self, article: Article, names: set[str] | None = None, forced: str | None = None
               ) -> tuple[str, float]:
        """Story id for a new article (joining `forced` when given, e.g. its copy's story) and the score."""
        terms, found, vec = self.features(article, names)
        self._count(terms, found)
        if forced is not None:
            self._add(article, forced, terms, found, vec)
            return forced, 1.0
        best_id, best = None, 0.0
        decays: dict[str, float] = {}  # story -> time decay of its best-decayed candidate member
        for i in self._candidates(terms, found):
            m = self.members[i - self._base]
            if self.story_decay:
                decay = decays.get(m.story_id)
                if decay is None:
                    decay = decays[m.story_id] = self.story_decay_factor(article.published, m.story_id)
                if not decay:
                    continue
                if PAIR_MEMBER_DECAY:
                    decay = self._decay(article.published, m.when)
            else:
                decay = self._decay(article.published, m.when)
                decays[m.story_id] = max(decay, decays.get(m.story_id, 0.0))
            s = self.pair_similarity(terms, found, vec, m) * decay
            if s > best:
                best_id, best = m.story_id, s
        if CENTROID:
            for sid, decay in decays.items():
                if not decay:
                    continue
                s = self.centroid_similarity(terms, found, sid) * decay
                if s > best:
                    best_id, best = sid, s
        if best_id is None or best < self.threshold:
            best_id, best = f"s:{article.article_id}", 0.0
        self._add(article, best_id, terms, found, vec)
        return best_id, round(best, 4)
