"""The evaluation gate: every recorded floor holds on ../shared/data, and floors are never lowered silently."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASELINE = json.loads((ROOT / "benchmarks" / "baseline.json").read_text(encoding="utf-8"))
DATA = Path(os.environ.get("NEWSLEDGER_EVAL_DATA", ROOT.parent / "shared" / "data"))


def _gate_module():
    spec = importlib.util.spec_from_file_location("gate", ROOT / "benchmarks" / "gate.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_every_gate_is_complete() -> None:
    for name, spec in BASELINE["gates"].items():
        assert spec["kind"] in ("plover", "timex", "quotes", "figures", "geo"), name
        assert len(spec["sha256"]) == 64, name
        assert spec["floors"] and all(0 < v <= 1 for v in spec["floors"].values()), name
        assert spec["command"].startswith(f"newsledger eval {spec['kind']} --data ../shared/data/{spec['data']}")
    for entry in BASELINE["lowered"]:
        assert {"gate", "metric", "from", "to", "reason"} <= set(entry) and entry["to"] < entry["from"]
        assert len(entry["reason"]) > 20


@pytest.mark.parametrize("name", sorted(BASELINE["gates"]))
def test_scores_hold_their_floors(name: str) -> None:
    if not (DATA / BASELINE["gates"][name]["data"]).exists():
        pytest.skip(f"evaluation corpus not found under {DATA} (set NEWSLEDGER_EVAL_DATA)")
    failures = _gate_module().run_gate(DATA, only=name)
    assert failures == []
