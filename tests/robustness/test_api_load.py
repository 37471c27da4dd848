"""A short, bounded load test of /api/events on loopback at a fixed rate (the full one: benchmarks/load_api.py)."""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType

import pytest

from newsledger.settings import Settings

log = logging.getLogger(__name__)

# Kept short for the suite: 20 requests per second for 2 seconds. The suite checks that every request is
# answered correctly under concurrent load; speed is not asserted here (a shared 2-core machine makes any
# bound flaky): the rate and latency figures come from benchmarks/load_api.py and live in BENCHMARKS.md.
RATE, SECONDS = 20, 2


def test_percentile_nearest_rank(load_api: ModuleType) -> None:
    values = [float(v) for v in range(1, 101)]
    assert load_api.percentile(values, 50) == 50.0
    assert load_api.percentile(values, 99) == 99.0
    assert load_api.percentile([7.0], 99) == 7.0 and load_api.percentile([], 50) == 0.0


def test_events_endpoint_under_fixed_rate(example_db: Path, load_api: ModuleType) -> None:
    with load_api.serve(Settings(db=str(example_db))) as url:
        result = load_api.run_load(url, "/api/events", rate=RATE, seconds=SECONDS)
    log.info("%s", load_api.format_report(result))
    assert result["sent"] == RATE * SECONDS
    assert result["errors"] == 0 and result["ok"] == RATE * SECONDS
    assert 0 < result["p50_ms"] <= result["p99_ms"] <= result["max_ms"]


@pytest.mark.slow
def test_events_endpoint_sustained(example_db: Path, load_api: ModuleType) -> None:
    with load_api.serve(Settings(db=str(example_db))) as url:
        result = load_api.run_load(url, "/api/events", rate=50, seconds=10)
    assert result["errors"] == 0 and result["ok"] == result["sent"], load_api.format_report(result)
