"""NewsQuant diagnostics: kinds of gold units and which kinds miss a value+unit match."""

from __future__ import annotations

from newsledger.evaluation.figures import unit_kind, unit_misses


def test_unit_kinds():
    assert unit_kind("-") == "none"
    assert unit_kind("% condo") == "share"
    assert unit_kind("mile per hour") == "measure"
    assert unit_kind("australian dollar") == "measure"
    assert unit_kind("residential burglary per week") == "measure"
    assert unit_kind("kia hyundai vehicle") == "noun"


def test_unit_misses_counts_only_gold_without_value_and_unit_match():
    gold = [(3.0, "top seed"), (5.0, "percentage"), ((1.0, 2.0), "mile")]
    pred = [(3.0, "seed"), (5.0, "percentage"), ((1.0, 2.0), "mile")]
    assert unit_misses(gold, pred) == ["noun"]
    assert unit_misses(gold, []) == ["noun", "measure", "measure"]
