"""Stories stay open while they keep receiving articles: decay runs from a story's newest article."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from newsledger.link import stories as S
from newsledger.link.copies import CopyDetector
from newsledger.link.linker import Linker
from newsledger.link.stories import StoryClusterer
from newsledger.models import Article

DAY0 = datetime(2023, 6, 1, 9)
SPILL = ("Oil spill off Korvan coast", "An oil tanker ran aground off the Korvan coast on Tuesday, spilling crude "
         "into the Selby Strait. Coast guard commander Rita Havel said booms were laid around the Marrow "
         "islands and the tanker Aldis Star was leaking slowly.")
SPILL_2 = ("Korvan spill cleanup widens", "Crews in the Selby Strait widened the cleanup of the Korvan oil spill on "
           "Saturday. Rita Havel said the Aldis Star had been towed clear of the Marrow islands.")
SPILL_3 = ("Aldis Star owners fined over spill", "The owners of the tanker Aldis Star were fined for the oil spill "
           "in the Selby Strait off the Korvan coast, Rita Havel of the coast guard said on Monday.")
MARKET = ("Grain prices steady", "Wheat and barley prices held steady at the Tamsin commodity exchange on Monday "
          "as traders waited for harvest figures from the Ormond valley.")


def _art(aid: str, item: tuple[str, str], days: float) -> Article:
    return Article(article_id=aid, title=item[0], text=item[1], published=DAY0 + timedelta(days=days))


def test_decay_runs_from_the_story_newest_article_not_the_member_compared():
    sc = StoryClusterer()
    first, _ = sc.assign(_art("s1", SPILL, 0))
    second, _ = sc.assign(_art("s2", SPILL_2, 9))
    assert second == first
    # 13 days after the first report, 4 after the newest: the story is open and decays over 4 days only
    assert sc.story_gap(DAY0 + timedelta(days=13), first) == 4.0
    tau = S.DECAY_DAYS + S.SPAN_DECAY * 9
    assert math.isclose(sc.story_decay_factor(DAY0 + timedelta(days=13), first), math.exp(-4 / tau))
    third, score = sc.assign(_art("s3", SPILL_3, 13))
    assert third == first and score >= S.JOIN_THRESHOLD


def test_a_long_running_story_decays_more_slowly_than_a_single_report():
    sc = StoryClusterer()
    sc.observe(_art("a1", SPILL, 0), "long")
    sc.observe(_art("a2", SPILL_2, 10), "long")
    sc.observe(_art("b1", MARKET, 10), "short")
    when = DAY0 + timedelta(days=16)
    assert sc.story_gap(when, "long") == sc.story_gap(when, "short") == 6.0
    assert sc.story_decay_factor(when, "long") > sc.story_decay_factor(when, "short")
    assert math.isclose(sc.story_decay_factor(when, "short"), math.exp(-6 / S.DECAY_DAYS))


def test_a_story_silent_for_longer_than_the_gap_is_closed():
    sc = StoryClusterer()
    first, _ = sc.assign(_art("s1", SPILL, 0))
    assert sc.story_decay_factor(DAY0 + timedelta(days=S.STORY_GAP_DAYS + 1), first) == 0.0
    late, score = sc.assign(_art("s3", SPILL_3, S.STORY_GAP_DAYS + 1))
    assert late != first and score == 0.0


def _third_score() -> float:
    sc = StoryClusterer()
    sc.observe(_art("s1", SPILL, 0), "spill")
    sc.observe(_art("s2", SPILL_2, 9), "spill")
    sid, score = sc.assign(_art("s3", SPILL_3, 13))
    return score if sid == "spill" else 0.0


def test_story_decay_scores_a_follow_up_higher_than_member_decay(monkeypatch):
    with_story = _third_score()
    monkeypatch.setattr(S, "STORY_DECAY", False)  # the old behaviour: decay from each compared member
    with_member = _third_score()
    assert with_story > with_member


def test_forgetting_old_members_updates_the_story_dates():
    sc = StoryClusterer()
    sc.observe(_art("s1", SPILL, 0), "spill")
    sc.observe(_art("s2", SPILL_2, 5), "spill")
    sc.forget_oldest(1)
    assert sc.story_gap(DAY0 + timedelta(days=1), "spill") == 4.0
    sc.forget_oldest(1)
    assert sc.story_gap(DAY0, "spill") is None and "spill" not in sc.centroids


def test_linker_history_covers_stories_but_copies_only_look_in_their_window(monkeypatch):
    linker = Linker(window_days=7, embeddings="none")
    assert linker.history_days == S.STORY_HISTORY_DAYS >= 7
    seen: dict[str, list[str]] = {}
    detect = CopyDetector.detect

    def spy(self, new, history, groups=None):  # noqa: ANN001, ANN202
        seen["history"] = [a.article_id for a in history]
        return detect(self, new, history, groups)

    monkeypatch.setattr(CopyDetector, "detect", spy)
    old = _art("s1", SPILL, 0)
    recent = _art("s2", SPILL_2, 9)
    res = linker.link([_art("s3", SPILL_3, 13)], [old, recent],
                      known={"s1": ("story-spill", "s1"), "s2": ("story-spill", "s2")})
    assert seen["history"] == ["s2"]  # 13 days back is outside the 7-day copy window
    assert res.stories["s3"] == "story-spill"
