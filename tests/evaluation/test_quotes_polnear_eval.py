"""PolNeAR-style scoring: brat reading (multi-line spans, gaps), exact/overlap matching, speakers."""

from __future__ import annotations

from newsledger.evaluation.quote_brat import read_ann
from newsledger.evaluation.quotes import score_document
from newsledger.models import Quote

TEXT = "The mayor said the bridge would reopen. “It is safe,” she added.\n"


def _ann(tmp_path):
    p = tmp_path / "a_x1.ann"
    p.write_text(
        "T1\tSource 0 9\tThe mayor\n"
        "T2\tCue 10 14\tsaid\n"
        "T3\tContent 15 38\tthe bridge would reopen\n"
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        "T4\tAttribution 10 14\tsaid\n"
        "T5\tContent 40 52;52 53\t“It is safe,\n"
        "”\n"
        "T6\tSource 54 57\tshe\n"
        "E2\tAttribution:T7 Content:T5 Source:T6\n"
        "T7\tAttribution 58 63\tadded\n",
        encoding="utf-8")
    return p


def test_read_ann_handles_forward_refs_gaps_and_wrapped_text(tmp_path):
    gold = read_ann(_ann(tmp_path))
    assert len(gold) == 2
    assert gold[0].content == [(15, 38)] and gold[0].source == [(0, 9)]
    assert gold[1].content == [(40, 52), (52, 53)]


def test_score_document_exact_overlap_and_speaker(tmp_path):
    gold = read_ann(_ann(tmp_path))
    pred = [
        Quote(article_id="a", text="the bridge would reopen", kind="indirect", start=15, end=38,
              speaker="Mayor", speaker_start=0, speaker_end=9),
        Quote(article_id="a", text="It is safe", kind="direct", start=40, end=49,
              speaker="Someone Else", speaker_start=20, speaker_end=26),
        Quote(article_id="a", text="nothing", kind="indirect", start=60, end=64),
    ]
    counts = score_document(TEXT, gold, pred)
    assert counts["exact"] == 1
    assert counts["overlap"] == 2
    assert counts["speaker_judged"] == 2 and counts["speaker_right"] == 1
    assert counts["pred"] == 3 and counts["gold"] == 2
