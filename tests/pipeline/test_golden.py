"""Golden file: the whole output for two example articles, reviewed whenever it changes.

Regenerate after a reviewed change with `NEWSLEDGER_UPDATE_GOLDEN=1 pytest tests/pipeline/test_golden.py`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from newsledger.pipeline import ingest_paths
from newsledger.settings import Settings
from newsledger.store import open_store
from newsledger.views.snapshot import store_snapshot

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [ROOT / "examples" / "articles" / "2022-10-02-meridian-lyman.md",
            ROOT / "examples" / "articles" / "2022-10-03-eastern-dispatch-lyman.md"]
GOLDEN = ROOT / "tests" / "golden" / "lyman_two_articles.json"


def test_two_articles_match_golden(tmp_path: Path) -> None:
    db = str(tmp_path / "g.duckdb")
    report = ingest_paths(ARTICLES, Settings(db=db))
    assert report.stored == 2 and not report.errors
    with open_store(db) as s:
        snap = json.loads(json.dumps(store_snapshot(s)))
    if os.environ.get("NEWSLEDGER_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for section in expected:
        assert snap[section] == expected[section], f"section {section!r} differs from {GOLDEN.name}"
    assert set(snap) == set(expected)
