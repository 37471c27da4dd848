"""PLOVER evaluation on a tiny corpus we wrote in the gold-standard format."""

from __future__ import annotations

import json

from newsledger.evaluation.plover import _evt_spans, evaluate, format_report

RECORDS = [
    {"id": "T-1", "event": "FIGHT", "mode": "heavy-weapons", "text": "Russian forces shelled the town of Izium.",
     "textInfo": {"markup": "(SRC: Russian forces) (EVT: shelled) the town of Izium."},
     "source": [{"actorText": "Russian forces", "code": "RUS", "sector": "MIL"}], "target": None},
    {"id": "T-2", "event": "DEMAND", "text": "Kyiv demanded that Moscow withdraw its troops.",
     "textInfo": {"markup": "(SRC: Kyiv) (EVT: demanded) that (TAR: Moscow) withdraw its troops."},
     "source": [{"actorText": "Kyiv", "code": "UKR"}], "target": [{"actorText": "Moscow", "code": "RUS"}]},
    {"id": "T-3", "event": "DOCUMENT", "eventText": "notes"},
]


def test_markup_spans_map_onto_text():
    spans = _evt_spans(RECORDS[0])
    assert [RECORDS[0]["text"][a:b] for a, b in spans] == ["shelled"]


def test_evaluate_scores_and_keys(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    res = evaluate(path)
    assert res["n"] == 2
    assert res["type_accuracy"] == 1.0
    assert res["actor_code_f1"] == 1.0 and res["recipient_code_f1"] == 1.0
    assert res["mode_accuracy"] == 1.0 and res["mode_n"] == 1
    assert res["per_type"]["ASSAULT"]["correct"] == 1
    assert res["sentences_per_second_coder"] > 0
    assert "type accuracy" in format_report(res)
