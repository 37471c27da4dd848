"""The link stage's front door: copy verdicts and story ids for newly arrived articles."""

from __future__ import annotations

import bisect
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from newsledger.link import stories as story_mod
from newsledger.link.copies import CopyDetector, CopyVerdict
from newsledger.link.embed import get_embedder
from newsledger.link.stories import StoryClusterer
from newsledger.models import Article

logger = logging.getLogger(__name__)

Known = dict[str, tuple[str | None, str | None]]  # article_id -> (story_id, copy_group)


@dataclass(slots=True)
class LinkResult:
    """Per new article: its copy verdict and its story id."""
    copies: dict[str, CopyVerdict] = field(default_factory=dict)
    stories: dict[str, str] = field(default_factory=dict)
    story_scores: dict[str, float] = field(default_factory=dict)
    known: Known = field(default_factory=dict)

    def copy_group(self) -> dict[str, str]:
        """article_id -> copy group id, for new articles and the known history ones."""
        out = {aid: g for aid, (_, g) in self.known.items() if g}
        out.update({aid: v.group_id for aid, v in self.copies.items()})
        return out

    def story_of(self) -> dict[str, str]:
        """article_id -> story id, for new articles and the known history ones."""
        out = {aid: s for aid, (s, _) in self.known.items() if s}
        out.update(self.stories)
        return out


class Linker:
    """Copies and stories for new articles against already stored ones within a time window."""

    def __init__(self, window_days: int = 7, embeddings: str = "auto", known: Known | None = None,
                 story_days: int | None = None) -> None:
        self.window_days = window_days  # copies: how far apart a copy and its original may be
        # stories: how far back a story's members are compared (the history to hand to `link`)
        self.story_days = story_mod.STORY_HISTORY_DAYS if story_days is None else story_days
        self.embeddings = embeddings
        self.embedder = get_embedder(embeddings)
        self.known: Known = dict(known or {})
        copy_cache, story_cache = _caches(self.embedder.name if self.embedder is not None else "none")
        self.copies = CopyDetector(self.embedder, window_days, cache=copy_cache)
        self._story_cache = story_cache
        # One story clusterer kept between calls, and what it holds (oldest first): a call whose history
        # is what it holds minus its oldest articles only forgets those, instead of replaying the window.
        self._stories: StoryClusterer | None = None
        self._trail: list[tuple] = []

    @property
    def history_days(self) -> int:
        """Days of stored articles before (and after) the new ones that `link` needs as history."""
        return max(self.window_days, self.story_days)

    def link(self, new: list[Article], history: list[Article],
             features: dict[str, set[str]] | None = None, known: Known | None = None) -> LinkResult:
        """Copy verdicts and story ids for `new`; `history` are stored articles within the window."""
        known_all: Known = dict(self.known)
        known_all.update(known or {})
        features = features or {}
        new_ids = {a.article_id for a in new}
        history = [a for a in history if a.article_id not in new_ids]
        groups = {aid: g for aid, (_, g) in known_all.items() if g}
        verdicts = self.copies.detect(new, _near(history, new, self.window_days), groups)

        stories, story_of = self._sync(history, features, known_all)
        self._stories = None  # kept again only once every new article is in (an error leaves no half state)
        result = LinkResult(copies=verdicts, known=known_all)
        for art in sorted(new, key=_when):
            v = verdicts[art.article_id]
            forced = story_of.get(v.of_article) if v.of_article else None
            names = features.get(art.article_id)
            sid, score = stories.assign(art, names, forced=forced)
            story_of[art.article_id] = sid
            self._trail.append(_trail_key(art, sid, names))
            result.stories[art.article_id] = sid
            result.story_scores[art.article_id] = score
        self._stories = stories
        n_copies = sum(1 for v in verdicts.values() if v.kind != "original")
        logger.info("linked %d new articles against %d stored: %d copies, %d stories touched",
                    len(new), len(history), n_copies, len(set(result.stories.values())))
        return result

    def _sync(self, history: list[Article], features: dict[str, set[str]], known: Known
              ) -> tuple[StoryClusterer, dict[str, str]]:
        """A story clusterer holding exactly `history` (time order) and each history article's story.

        The kept clusterer is reused when `history` equals the articles it holds minus some of the oldest
        (same order, stories, names and times); otherwise the window is replayed into a fresh one. Both
        give the same state, so the stories are the same either way (tests/link/test_story_sync.py)."""
        ordered = sorted(history, key=_when)
        wanted = [_trail_key(a, known.get(a.article_id, (None, None))[0], features.get(a.article_id))
                  for a in ordered]
        drop = len(self._trail) - len(wanted)
        if (self._stories is not None and drop >= 0 and all(w[1] for w in wanted)
                and self._trail[drop:] == wanted):
            self._stories.forget_oldest(drop)
            self._trail = wanted
            return self._stories, {w[0]: w[1] for w in wanted}
        stories = StoryClusterer(self.embedder, cache=self._story_cache)
        story_of: dict[str, str] = {}
        self._trail = []
        for art in ordered:
            sid = known.get(art.article_id, (None, None))[0]
            names = features.get(art.article_id)
            if sid:
                stories.observe(art, sid, names)
            else:  # a stored article without a story: place it now, as if it had just arrived
                sid, _ = stories.assign(art, names)
            story_of[art.article_id] = sid
            self._trail.append(_trail_key(art, sid, names))
        self._stories = stories
        return stories, story_of


def _near(history: list[Article], new: list[Article], days: int) -> list[Article]:
    """The history articles within `days` of some new article (undated ones always), in their order."""
    dates = sorted(a.published for a in new if a.published is not None)
    if not dates:
        return history
    span = timedelta(days=days)
    out = []
    for a in history:
        if a.published is None:
            out.append(a)
            continue
        i = bisect.bisect_left(dates, a.published)
        if any(abs(dates[j] - a.published) <= span for j in (i - 1, i) if 0 <= j < len(dates)):
            out.append(a)
    return out


def _trail_key(article: Article, story_id: str | None, names: set[str] | None) -> tuple:
    """What decides an article's part in the clusterer's state besides its (id-keyed) text."""
    return (article.article_id, story_id, article.published, frozenset(names) if names else None)


@lru_cache(maxsize=4)
def _caches(embedder_name: str) -> tuple[OrderedDict, OrderedDict]:
    """Per-process feature caches (copy features, story features), shared by every Linker that uses the
    same embedder: the pipeline builds one Linker per batch, and the window's history recurs across
    batches. Keys are article ids, which are hashes of the text, so a cached entry never goes stale."""
    return OrderedDict(), OrderedDict()


def _when(article: Article) -> tuple[datetime, str]:
    return (article.published or datetime.max, article.article_id)
