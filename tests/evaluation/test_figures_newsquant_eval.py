"""NewsQuant-style scoring: one-to-one value and value+unit matching, ranges, units."""

from __future__ import annotations

import json

import pytest

from newsledger.errors import NewsledgerError
from newsledger.evaluation.figures import evaluate, match_sentence, parse_gold_value


def test_parse_gold_value_ranges_and_negatives():
    assert parse_gold_value("4000-5000") == (4000.0, 5000.0)
    assert parse_gold_value("-5") == -5.0
    assert parse_gold_value("6.0") == 6.0


def test_match_sentence_counts_value_and_unit_separately():
    gold = [(25.0, "percentage"), (5700.0, "category product")]
    pred = [(25.0, "percentage"), (5700.0, "category"), (12.0, "-")]
    assert match_sentence(gold, pred) == (2, 1)
    # a range matches only a range with the same ends
    assert match_sentence([((7.0, 9.0), "dollar")], [(7.0, "dollar")]) == (0, 0)


def test_evaluate_on_a_tiny_file(tmp_path):
    items = [
        {"text": "Prices rose 4% after the company sold 300 trucks.",
         "quantities": [{"change": "up", "value": "4", "unit": "%", "normalized_unit": "percentage",
                         "referred_concepts": "Prices"},
                        {"change": "=", "value": "300", "unit": "trucks", "normalized_unit": "truck",
                         "referred_concepts": "company"}]},
        {"text": "The talks began in 2019.", "quantities": []},
    ]
    path = tmp_path / "NewsQuant.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    result = evaluate(path)
    assert result["n_gold"] == 2
    assert result["value_f1"] == pytest.approx(1.0)
    assert result["value_unit_f1"] == pytest.approx(1.0)


def test_split_halves_are_fixed_disjoint_and_cover_the_file(tmp_path):
    from newsledger.evaluation.figures import split_of
    texts = [f"Sales of item {i} rose {i} percent." for i in range(40)]
    halves = {t: split_of(t) for t in texts}
    assert set(halves.values()) == {"dev", "test"}
    assert all(split_of(t) == s for t, s in halves.items())  # deterministic
    items = [{"text": t, "quantities": [{"change": "up", "value": str(i), "unit": "percent",
                                          "normalized_unit": "percentage", "referred_concepts": "-"}]}
             for i, t in enumerate(texts)]
    path = tmp_path / "NewsQuant.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    dev, test = evaluate(path, split="dev"), evaluate(path, split="test")
    assert dev["n_sentences"] + test["n_sentences"] == 40
    assert dev["n_sentences"] == sum(s == "dev" for s in halves.values())
    assert dev["split"] == "dev"
    with pytest.raises(NewsledgerError):
        evaluate(path, split="train")
