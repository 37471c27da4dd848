"""Incremental story clustering: each arriving article joins the closest live story or starts one."""

from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from newsledger.link import text as T
from newsledger.link.embed import Embedder
from newsledger.models import Article

logger = logging.getLogger(__name__)

LEAD_CHARS = 1500  # title + opening paragraphs carry the story; the tail drifts into background
# Weights of the similarity parts; names (people, places, organisations) tell stories apart best, the
# text part catches stories told with few names. Chosen on the hand-labelled story set (benchmarks/linking).
W_NAMES = 0.5
W_TEXT = 0.5
DECAY_DAYS = 3.0  # similarity halves about every 2 days (exp(-d/3)) since the story was last updated
# Join the best story when the decayed similarity reaches this; set on the labelled story set.
JOIN_THRESHOLD = 0.30
MAX_STORY_TERMS = 400  # story term profile is capped at its most frequent terms to keep it focused


@dataclass(slots=True)
class Story:
    """A running story profile: summed term and name counts, mean embedding, last update."""
    story_id: str
    terms: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    vec: np.ndarray | None = None
    n: int = 0
    last_seen: datetime | None = None

    def add(self, terms: Counter, names: set[str], vec: np.ndarray | None, when: datetime | None) -> None:
        self.terms.update(terms)
        if len(self.terms) > MAX_STORY_TERMS * 2:
            self.terms = Counter(dict(self.terms.most_common(MAX_STORY_TERMS)))
        self.names.update(names)
        if vec is not None:
            self.vec = vec.copy() if self.vec is None else self.vec + vec
        self.n += 1
        if when is not None and (self.last_seen is None or when > self.last_seen):
            self.last_seen = when


def _cosine(a: Counter, b: Counter, idf: dict[str, float] | None = None) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    w = (lambda k: idf.get(k, 1.0)) if idf else (lambda k: 1.0)
    dot = sum(v * b[k] * w(k) ** 2 for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    na = math.sqrt(sum((v * w(k)) ** 2 for k, v in a.items()))
    nb = math.sqrt(sum((v * w(k)) ** 2 for k, v in b.items()))
    return dot / (na * nb)


class StoryClusterer:
    """Assigns stories one article at a time; existing assignments never change."""

    def __init__(self, embedder: Embedder | None = None, threshold: float = JOIN_THRESHOLD,
                 decay_days: float = DECAY_DAYS) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self.decay_days = decay_days
        self.stories: dict[str, Story] = {}
        self._df: Counter = Counter()
        self._n_docs = 0

    # -- features -------------------------------------------------------------------------------
    def features(self, article: Article, names: set[str] | None = None
                 ) -> tuple[Counter, set[str], np.ndarray | None]:
        """Term counts of the lead, a set of names, and the lead's embedding."""
        lead = f"{article.title or ''}\n\n{(article.text or '')[:LEAD_CHARS]}"
        terms = Counter(T.content_terms(lead))
        found = {n.lower() for n in names} if names else T.names(lead)
        vec = None
        if self.embedder is not None:
            vec = self.embedder.embed([lead])[0]
        return terms, found, vec

    def _idf(self, term: str) -> float:
        return math.log((1 + self._n_docs) / (1 + self._df.get(term, 0))) + 1.0

    def similarity(self, terms: Counter, names: set[str], vec: np.ndarray | None, story: Story,
                   when: datetime | None) -> float:
        """Decayed similarity of an article's features to a story."""
        idf = {k: self._idf(k) for k in terms}
        text = _cosine(terms, story.terms, idf)
        if vec is not None and story.vec is not None:
            sv = story.vec / max(float(np.linalg.norm(story.vec)), 1e-9)
            text = 0.5 * text + 0.5 * max(0.0, float(vec @ sv))
        name_sim = 0.0
        if names and story.names:
            hits = sum(1 for n in names if n in story.names)
            name_sim = hits / math.sqrt(len(names) * len(story.names))
        sim = W_NAMES * name_sim + W_TEXT * text
        if when is not None and story.last_seen is not None:
            gap = abs((when - story.last_seen).total_seconds()) / 86400.0
            sim *= math.exp(-gap / self.decay_days)
        return sim

    # -- assignment -----------------------------------------------------------------------------
    def observe(self, article: Article, story_id: str, names: set[str] | None = None) -> None:
        """Record an article whose story is already known (history)."""
        terms, found, vec = self.features(article, names)
        self._count(terms)
        self.stories.setdefault(story_id, Story(story_id)).add(terms, found, vec, article.published)

    def assign(self, article: Article, names: set[str] | None = None, forced: str | None = None
               ) -> tuple[str, float]:
        """Story id for a new article (joining `forced` when given, e.g. its copy's story) and the score."""
        terms, found, vec = self.features(article, names)
        self._count(terms)
        if forced is not None and forced in self.stories:
            self.stories[forced].add(terms, found, vec, article.published)
            return forced, 1.0
        best_id, best = None, 0.0
        for sid, story in self.stories.items():
            s = self.similarity(terms, found, vec, story, article.published)
            if s > best:
                best_id, best = sid, s
        if best_id is None or best < self.threshold:
            best_id, best = f"s:{article.article_id}", 0.0
            self.stories[best_id] = Story(best_id)
        self.stories[best_id].add(terms, found, vec, article.published)
        return best_id, round(best, 4)

    def _count(self, terms: Counter) -> None:
        self._n_docs += 1
        self._df.update(terms.keys())
