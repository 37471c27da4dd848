"""Incremental stories and the Linker facade: join or start a story, never re-cluster the past."""

from __future__ import annotations

from datetime import datetime

from newsledger.link.linker import Linker, LinkResult
from newsledger.link.stories import StoryClusterer
from newsledger.models import Article

FLOOD_1 = ("Floods in Valdora", """Floodwaters swept through the river town of Valdora on Sunday after days of heavy rain, forcing
thousands of residents onto rooftops. Mayor Ines Parkov said rescue boats from Lumen Province had reached the
eastern districts. The Varna River burst its banks near the Valdora bridge.""")
FLOOD_2 = ("Valdora counts the cost", """Residents of Valdora began clearing mud from their homes on Tuesday as the
Varna River fell. Mayor Ines Parkov said the floods had damaged more than two thousand houses, and Lumen Province
asked the national government for emergency funds.""")
ELECTION = ("Polls close in Marest", """Voters in Marest chose a new parliament on Sunday in an election dominated by
fuel prices. Prime Minister Oskar Tallin conceded defeat late in the evening, and opposition leader Dana Ferro
promised lower taxes for farmers.""")


def art(aid: str, item: tuple[str, str], day: int) -> Article:
    title, text = item
    return Article(article_id=aid, title=title, text=" ".join(text.split()), published=datetime(2023, 4, day))


def test_related_article_joins_story_and_unrelated_one_starts_new():
    sc = StoryClusterer()
    s1, _ = sc.assign(art("f1", FLOOD_1, 2))
    s2, score = sc.assign(art("f2", FLOOD_2, 4))
    s3, _ = sc.assign(art("e1", ELECTION, 4))
    assert s2 == s1
    assert score > 0.3
    assert s3 not in (s1,)


def test_time_decay_separates_far_apart_articles():
    sc = StoryClusterer()
    s1, _ = sc.assign(art("f1", FLOOD_1, 1))
    late = Article(article_id="f2", title=FLOOD_2[0], text=FLOOD_2[1], published=datetime(2023, 9, 1))
    s2, _ = sc.assign(late)
    assert s2 != s1


def test_linker_history_story_is_joined_and_copy_follows_its_original():
    linker = Linker(embeddings="none")
    hist = [art("f1", FLOOD_1, 2)]
    new = [art("f2", FLOOD_2, 4), art("f1copy", FLOOD_1, 3), art("e1", ELECTION, 4)]
    res = linker.link(new, hist, known={"f1": ("story-floods", "f1")})
    assert isinstance(res, LinkResult)
    assert res.stories["f2"] == "story-floods"
    assert res.stories["f1copy"] == "story-floods"
    assert res.copies["f1copy"].kind == "exact" and res.copies["f1copy"].group_id == "f1"
    assert res.stories["e1"] != "story-floods"
    assert res.copy_group()["f1"] == "f1" and res.story_of()["f1"] == "story-floods"
    assert set(res.copies) == {"f2", "f1copy", "e1"}


def test_linker_uses_given_features_for_story_names():
    linker = Linker(embeddings="none")
    a = Article(article_id="x1", text="Officials met on Monday to discuss the budget.", published=datetime(2023, 4, 2))
    b = Article(article_id="x2", text="A meeting about money ended without a deal.", published=datetime(2023, 4, 2))
    feats = {"x1": {"Valdora", "Ines Parkov"}, "x2": {"valdora", "ines parkov"}}
    res = linker.link([a, b], [], features=feats)
    assert res.stories["x1"] == res.stories["x2"]
    res2 = Linker(embeddings="none").link([a, b], [])
    assert res2.stories["x1"] != res2.stories["x2"]


def test_linker_works_without_history_or_dates():
    a = Article(article_id="n1", text=" ".join(ELECTION[1].split()))
    res = Linker(embeddings="none").link([a], [])
    assert res.copies["n1"].kind == "original"
    assert res.stories["n1"] == "s:n1"
