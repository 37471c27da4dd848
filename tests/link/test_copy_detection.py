"""Copy detection: exact, syndicated (trimmed / padded) and rewritten copies, and non-copies."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsledger.link.copies import CopyDetector
from newsledger.link.embed import get_embedder
from newsledger.models import Article

ORIGINAL = """Rebels attacked a convoy of aid trucks near the northern town of Kessa on Monday, killing four drivers, officials said.

The convoy was carrying food and medicine to a camp for displaced families. Provincial governor Amal Reyes said the attackers fled into the hills after a two-hour gunfight with police.

The United Nations condemned the attack and called for an investigation. Aid agencies said they would suspend deliveries in the area until security improved.

Local elders said the road to Kessa had been quiet for months before the raid. Traders reported that fuel prices in the town doubled within hours of the attack."""

REWRITE = """Insurgents assaulted a column of relief lorries close to the northern town of Kessa on Monday, killing four drivers, authorities said.

Provincial governor Amal Reyes said the assailants escaped into the hills after a two-hour firefight with police. The column was transporting food and medicine to a camp for displaced families.

The United Nations denounced the assault and called for an inquiry. Aid agencies said they would halt deliveries in the area until security improved.

Local elders said the road to Kessa had been calm for months before the raid."""

OTHER_SAME_STORY = """Aid deliveries to camps around Kessa were halted on Tuesday after an attack on a convoy that killed four drivers.

Relief workers in the capital said the suspension could leave thousands of displaced families without food by the end of the week. The World Food Programme asked for armed escorts.

A police spokesman said two suspects had been arrested in a village east of the town. He gave no further details."""

UNRELATED = """The central bank raised its benchmark interest rate by half a point on Tuesday, citing stubborn inflation.

Economists had expected the move after consumer prices rose for the sixth month in a row. The governor said further increases were possible if prices kept rising, and the currency firmed against the dollar."""


def art(aid: str, text: str, hour: int, day: int = 3) -> Article:
    return Article(article_id=aid, text=text, outlet=f"Outlet {aid}", published=datetime(2022, 10, day, hour))


@pytest.fixture(params=["none", "auto"])
def detector(request) -> CopyDetector:
    return CopyDetector(get_embedder(request.param), window_days=7)


def test_exact_copy_with_other_spacing_and_case(detector):
    copy = ORIGINAL.replace("\n\n", "\n").replace(". ", ".  ").upper()
    v = detector.detect([art("b", copy, 9)], [art("a", ORIGINAL, 8)])["b"]
    assert (v.kind, v.group_id, v.of_article) == ("exact", "a", "a")


def test_trimmed_and_padded_copy_is_syndicated(detector):
    paras = ORIGINAL.split("\n\n")
    copy = "KESSA (Metro Wire) -- " + "\n\n".join(paras[:2]) + "\n\nCopyright 2022 Metro Wire. All rights reserved."
    v = detector.detect([art("b", copy, 9)], [art("a", ORIGINAL, 8)])["b"]
    assert v.kind == "syndicated"
    assert v.group_id == "a"
    assert v.score >= 0.7


def test_rewrite_is_found_by_sentence_alignment(detector):
    v = detector.detect([art("b", REWRITE, 10)], [art("a", ORIGINAL, 8)])["b"]
    assert v.kind == "rewrite"
    assert v.group_id == "a"


def test_same_story_and_unrelated_articles_are_originals(detector):
    res = detector.detect([art("c", OTHER_SAME_STORY, 9, day=4), art("d", UNRELATED, 10, day=4)],
                          [art("a", ORIGINAL, 8)])
    assert res["c"].kind == "original" and res["c"].group_id == "c"
    assert res["d"].kind == "original" and res["d"].group_id == "d"


def test_copy_outside_the_time_window_is_not_a_copy(detector):
    v = detector.detect([art("b", ORIGINAL, 9, day=20)], [art("a", ORIGINAL, 8, day=3)])["b"]
    assert v.kind == "original"


def test_copies_within_one_batch_join_the_earliest_group(detector):
    res = detector.detect([art("c", REWRITE, 12), art("a", ORIGINAL, 8), art("b", ORIGINAL + " ", 9)], [])
    assert res["a"].kind == "original"
    assert res["b"].group_id == "a" and res["b"].kind == "exact"
    assert res["c"].group_id == "a"


def test_known_group_of_a_stored_copy_is_kept(detector):
    v = detector.detect([art("c", ORIGINAL, 12)], [art("b", ORIGINAL, 9)], known_groups={"b": "a"})["c"]
    assert v.group_id == "a" and v.of_article == "b"


def test_same_article_twice_and_empty_texts_do_not_break_detection(detector):
    res = detector.detect([art("a", ORIGINAL, 8), art("a", ORIGINAL, 8), art("e1", "", 9), art("e2", "", 10)], [])
    assert set(res) == {"a", "e1", "e2"}
    assert res["e2"].kind == "original"
