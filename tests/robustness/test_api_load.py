"""A short, bounded load test of /api/events on loopback at a fixed rate (the full one: benchmarks/load_api.py)."""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType

import pytest

from newsledger.settings import Settings

log = logging.getLogger(__name__)

# Kept short for the suite: 20 requests per second for 2 seconds. The p99 bound is loose on purpose: the
# suite shares 2 cores with other jobs, and the figure worth reporting comes from the benchmark script.
RATE, SECONDS, P99_BOUND_MS = 20, 2, 5000


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
    assert result["achieved_rate"] >= 0.8 * RATE
    assert 0 < result["p50_ms"] <= result["p99_ms"] <= result["max_ms"]
    assert result["p99_ms"] < P99_BOUND_MS, load_api.format_report(result)


@pytest.mark.slow
def test_events_endpoint_sustained(example_db: Path, load_api: ModuleType) -> None:
    with load_api.serve(Settings(db=str(example_db))) as url:
        result = load_api.run_load(url, "/api/events", rate=50, seconds=10)
    assert result["errors"] == 0, load_api.format_report(result)
    assert result["p99_ms"] < P99_BOUND_MS, load_api.format_report(result)
