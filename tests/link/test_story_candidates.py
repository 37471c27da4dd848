"""Story clustering stays cheap and stable: bounded candidates, short profiles, names that mean something."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

from newsledger.link import stories as S
from newsledger.link.stories import StoryClusterer
from newsledger.models import Article

QUAKE = ("Quake shakes Tavros", "A strong earthquake struck the hill town of Tavros on Monday, toppling houses "
         "near the old market. Governor Elena Mirko said rescue teams from Ostrava Province were searching the "
         "rubble and that the Selna dam had held.")
QUAKE_2 = ("Tavros buries its dead", "Families in Tavros held funerals on Wednesday as aftershocks rattled the "
           "town. Governor Elena Mirko said the earthquake had destroyed four hundred houses and Ostrava Province "
           "sent tents and water.")
FILLER = ("Council members in {town} in Ostrava Province debated a new budget for parks and libraries on {day}, "
          "officials said.")
TOWNS = ["Arlen", "Brisk", "Corvo", "Dunmore", "Elgin", "Farrow", "Galt", "Hollis", "Ives", "Jarrow"]


def _art(aid: str, title: str, text: str, when: datetime) -> Article:
    return Article(article_id=aid, title=title, text=text, published=when)


def test_comparisons_per_article_do_not_grow_with_history(monkeypatch):
    """With hundreds of history articles that all share some words with the new one, only a bounded
    number are compared in full, and the right story is still found."""
    calls = {"pair": 0}
    pair = StoryClusterer.pair_similarity

    def counting(self, *a):
        calls["pair"] += 1
        return pair(self, *a)

    monkeypatch.setattr(StoryClusterer, "pair_similarity", counting)
    sc = StoryClusterer()
    t0 = datetime(2023, 5, 1, 6)
    for i in range(300):
        town = f"{TOWNS[i % len(TOWNS)]}{i}"
        sc.observe(_art(f"h{i}", f"Budget talks in {town}",
                        FILLER.format(town=town, day="Monday") + " Rescue teams and houses were discussed.",
                        t0 + timedelta(minutes=i)), f"story-{i}")
    sc.observe(_art("q1", *QUAKE, t0 + timedelta(hours=7)), "story-quake")
    sid, score = sc.assign(_art("q2", *QUAKE_2, t0 + timedelta(days=2)))
    assert sid == "story-quake" and score > S.JOIN_THRESHOLD
    assert calls["pair"] <= S.MAX_CANDIDATES


def test_story_profile_is_truncated_and_follows_new_members(monkeypatch):
    monkeypatch.setattr(S, "PROFILE_TERMS", 5)
    sc = StoryClusterer()
    when = datetime(2023, 5, 1)
    sc.observe(_art("q1", *QUAKE, when), "quake")
    terms, _ = sc.profile("quake")
    assert len(terms) == 5
    sc.observe(_art("q2", *QUAKE_2, when), "quake")
    terms2, _ = sc.profile("quake")
    assert len(terms2) == 5
    assert terms2["tavros"] == 4  # twice in each article (title and text): the profile was rebuilt


def test_company_designators_and_month_abbreviations_are_not_names():
    sc = StoryClusterer()
    a = _art("c1", "", "Shares of Harlow Tools Inc. rose after the Nov. 3 report, the company said. Harlow Tools "
                       "Inc. makes drills.", datetime(2023, 11, 6))
    _, names, _ = sc.features(a)
    assert {"inc", "nov"}.isdisjoint(names)
    assert "harlow" in names


def test_two_company_briefs_that_share_only_boilerplate_stay_apart():
    sc = StoryClusterer()
    day = datetime(1989, 10, 30)
    s1, _ = sc.assign(_art("w1", "", "Pellam Industries Inc. said holders of its convertible debentures due "
                                    "2007 elected to convert the debt into common shares. The company said the "
                                    "conversion price is $9.58 a share, Inc. said on Nov. 1.", day))
    s2, _ = sc.assign(_art("w2", "", "Corvel Industries Inc. said it expects net income for the year to fall "
                                    "below analysts' estimates of $1.65 a share. The company said its shares "
                                    "fell on the New York Stock Exchange, Inc. said on Nov. 1.", day))
    assert s1 != s2


_SCRIPT = """
import json
from datetime import datetime, timedelta
from newsledger.link.stories import StoryClusterer
from newsledger.models import Article
sc = StoryClusterer()
out = []
for i, (title, text) in enumerate(json.loads(input())):
    a = Article(article_id=f"a{i}", title=title, text=text, published=datetime(2023, 5, 1) + timedelta(hours=i))
    out.append(sc.assign(a))
print(json.dumps(out))
"""


def test_assignments_do_not_depend_on_hash_seed():
    """Sets of names iterate in a different order under each PYTHONHASHSEED; stories and scores must not."""
    docs = [QUAKE, QUAKE_2] + [(f"Budget in {t}", FILLER.format(town=t, day="Friday")) for t in TOWNS[:4]]
    docs.append(("Tavros dam inspected", "Engineers inspected the Selna dam above Tavros on Thursday after the "
                                         "earthquake; Governor Elena Mirko said it was safe."))
    results = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", _SCRIPT], input=json.dumps(docs), capture_output=True,
                              text=True, env=env, check=True, timeout=60)
        results.append(json.loads(proc.stdout))
    assert results[0] == results[1]
    assert results[0][1][0] == results[0][0][0]  # the follow-up joined the quake story
