"""Ingest end to end: two outlets counting one event's victims differently get a flagged disagreement."""

from __future__ import annotations

from pathlib import Path

from newsledger.pipeline import ingest_paths
from newsledger.settings import Settings
from newsledger.store import open_store
from newsledger.store.queries import Filters, list_events

ONE = """---
title: Police detain protesters in Chisinau
outlet: Dniester Daily
published: 2024-05-14T09:00:00Z
---
CHISINAU, May 14 (Dniester Daily) - Moldovan police detained 40 people on Monday during a protest outside
the parliament in Chisinau, the interior ministry said.
"""
TWO = """---
title: Dozens held at Chisinau rally
outlet: Prut Herald
published: 2024-05-14T11:00:00Z
---
CHISINAU - Moldovan police detained more than 60 people on Monday at a rally outside the parliament in
Chisinau, organisers said.
"""


def test_two_counts_of_one_arrest_are_flagged(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ONE, encoding="utf-8")
    (tmp_path / "b.md").write_text(TWO, encoding="utf-8")
    db = str(tmp_path / "d.duckdb")
    report = ingest_paths([tmp_path / "a.md", tmp_path / "b.md"], Settings(db=db))
    assert report.stored == 2 and not report.errors
    with open_store(db) as s:
        events = list_events(s, Filters(type="COERCE"))
    merged = [e for e in events if e.n_sources == 2]
    assert merged, [(e.event_type, e.n_sources) for e in events]
    figs = [d for d in merged[0].disagreements if d["field"] == "figure"]
    assert figs and {v["value"] for v in figs[0]["versions"]} == {"40", "at least 60"}
