"""Speaker accuracy on PolNeAR pairs: name words, source heads, pairing by cue."""

from __future__ import annotations

from newsledger.evaluation.quote_brat import Attribution
from newsledger.evaluation.quotes import _speaker_ok, score_document
from newsledger.models import Quote


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    a = text.index(words, after)
    return a, a + len(words)


def _quote(text: str, content: str, speaker: str, mention: str | None, cue: str) -> Quote:
    a, b = _span(text, content)
    ms, me = _span(text, mention) if mention else (None, None)
    return Quote(article_id="a", text=content, kind="indirect", start=a, end=b, speaker=speaker,
                 speaker_start=ms, speaker_end=me, cue=cue)


def test_plural_and_possessive_source_words_match_the_name():
    text = "Sanders said the fight goes on. Bernie Sanders spoke later. Super PACs attacked him."
    gold = Attribution(content=[_span(text, "the fight goes on")], source=[_span(text, "Sanders")],
                       cue=[_span(text, "said")])
    q = _quote(text, "the fight goes on", "Bernie Sanders", "Bernie Sanders", "said")
    assert _speaker_ok(text, q, gold)  # "Sanders" used to lose its final s
    gold2 = Attribution(content=[_span(text, "him")], source=[_span(text, "Super PACs")],
                        cue=[_span(text, "attacked")])
    q2 = _quote(text, "him", "super PACs", None, "attacked")
    assert _speaker_ok(text, q2, gold2)
    q3 = _quote(text, "him", "Donald Trump", None, "attacked")
    assert not _speaker_ok(text, q3, gold2)


def test_source_with_an_apposition_is_judged_by_its_head():
    text = ("The truce will not last, said Michael Kofman, an expert on Russia at a center in "
            "Washington. Kofman has said so before.")
    gold = Attribution(content=[_span(text, "The truce will not last")],
                       source=[_span(text, "Michael Kofman, an expert on Russia at a center in Washington")],
                       cue=[_span(text, "said")])
    q = _quote(text, "The truce will not last", "Michael Kofman", "Kofman has", "said")
    assert _speaker_ok(text, q, gold)
    other = _quote(text, "The truce will not last", "George Washington", "Kofman has", "said")
    assert not _speaker_ok(text, other, gold)


def test_pairing_prefers_the_gold_attribution_with_our_cue():
    text = "Ms. Vale said aides believe the long and costly plan will fail next year."
    said = Attribution(content=[_span(text, "aides believe the long")], source=[_span(text, "Ms. Vale")],
                       cue=[_span(text, "said")])
    believe = Attribution(content=[_span(text, "the long and costly plan will fail next year")],
                          source=[_span(text, "aides")], cue=[_span(text, "believe")])
    # our quote overlaps the "believe" content more, but its cue is "said"
    q = _quote(text, "aides believe the long and costly plan", "Vale", "Ms. Vale", "said")
    counts = score_document(text, [said, believe], [q])
    assert counts["overlap"] == 1
    assert counts["speaker_judged"] == 1 and counts["speaker_right"] == 1
