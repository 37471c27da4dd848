"""A Linker kept between calls forgets old history instead of replaying it, with the same stories."""

from __future__ import annotations

from datetime import datetime, timedelta

from newsledger.link.linker import Linker
from newsledger.link.stories import StoryClusterer
from newsledger.models import Article

TEXTS = [
    ("Floods in Valdora", "Floodwaters swept through the river town of Valdora on Sunday, forcing thousands of "
     "residents onto rooftops. Mayor Ines Parkov said rescue boats from Lumen Province had arrived."),
    ("Valdora counts the cost", "Residents of Valdora cleared mud from their homes as the Varna River fell. "
     "Mayor Ines Parkov said the floods damaged two thousand houses."),
    ("Polls close in Marest", "Voters in Marest chose a new parliament in an election dominated by fuel "
     "prices. Prime Minister Oskar Tallin conceded defeat late in the evening."),
    ("Marest coalition talks", "Opposition leader Dana Ferro opened coalition talks in Marest after the "
     "election, promising lower fuel taxes for farmers. Oskar Tallin said he would step aside."),
    ("Brenmark strike ends", "Dock workers at the port of Brenmark ended a nine-day strike after the Halvor "
     "Shipping company agreed to raise wages by six percent, union leader Mika Sorel said."),
    ("Brenmark port reopens", "Cargo ships queued outside Brenmark as the port reopened following the strike. "
     "Halvor Shipping said it would clear the backlog within a week, Mika Sorel told reporters."),
]


def _articles(n_days: int = 12) -> list[Article]:
    """Two articles a day cycling through three stories, so the 3-day window keeps dropping old ones."""
    out = []
    for i in range(2 * n_days):
        title, text = TEXTS[i % len(TEXTS)]
        out.append(Article(article_id=f"a{i:02d}", title=f"{title} ({i})", text=text,
                           published=datetime(2023, 4, 1, 8) + timedelta(hours=12 * i)))
    return out


def _stream(linker: Linker, arts: list[Article], fresh: bool, window: int = 3) -> dict:
    stories: dict[str, str] = {}
    out: dict[str, tuple[str, float]] = {}
    for i in range(0, len(arts), 2):
        new = arts[i:i + 2]
        start = new[0].published - timedelta(days=window)
        history = [a for a in arts[:i] if a.published >= start]
        if fresh:
            linker._stories = None
        res = linker.link(new, history, known={a.article_id: (stories[a.article_id], None) for a in history})
        stories.update(res.stories)
        out.update({k: (res.stories[k], res.story_scores[k]) for k in res.stories})
    return out


def test_kept_clusterer_gives_the_same_stories_and_scores_as_replaying_the_window():
    arts = _articles()
    kept = Linker(window_days=3, embeddings="none")
    incremental = _stream(kept, arts[:4], fresh=False)
    first = kept._stories
    incremental.update(_stream(kept, arts, fresh=False))  # restarted: the empty history forgets all
    assert kept._stories is first  # one clusterer for all calls
    assert first._base == len(arts) - len(first.members) + 4  # old articles were forgotten, not replayed
    replayed = _stream(Linker(window_days=3, embeddings="none"), arts, fresh=True)
    assert incremental == replayed
    assert len(set(s for s, _ in replayed.values())) < len(replayed)  # stories did form


def test_forget_oldest_leaves_the_state_of_a_fresh_clusterer():
    arts = _articles(4)
    old = StoryClusterer()
    for a in arts:
        old.assign(a)
    old.forget_oldest(3)
    new = StoryClusterer()
    for m, a in zip(old.members, arts[3:], strict=True):
        new.observe(a, m.story_id)
    assert old._n_docs == new._n_docs and old._df == new._df
    assert old.centroids == new.centroids
    assert {k: [i - old._base for i in v] for k, v in old._index.items()} == dict(new._index)


def test_changed_history_story_forces_a_replay():
    arts = _articles(3)
    linker = Linker(window_days=3, embeddings="none")
    res = linker.link(arts[:2], [])
    known = {a: (s, None) for a, s in res.stories.items()}
    known[arts[0].article_id] = ("s:other", None)  # the store moved it to another story
    linker.link(arts[2:4], arts[:2], known=known)
    assert linker._trail[0][1] == "s:other"
