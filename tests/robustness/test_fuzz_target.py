"""The reader fuzz target itself: its seeds run clean, and its fallback engine runs for a bounded time."""

from __future__ import annotations

import time
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import BENCHMARKS, load_helper


@pytest.fixture(scope="module")
def fuzz() -> ModuleType:
    return load_helper("fuzz_readers", BENCHMARKS)


def test_every_seed_runs_without_raising(fuzz: ModuleType, tmp_path: Path) -> None:
    n = fuzz.write_seeds(tmp_path)
    exts, readers = fuzz._readers()
    assert n >= 15
    yielded = sum(fuzz.one_input(p.read_bytes(), exts, readers) for p in sorted(tmp_path.iterdir()))
    assert yielded >= 10  # the seeds reach the readers, not just the decoder


def test_fallback_fuzz_is_time_bounded(fuzz: ModuleType) -> None:
    start = time.monotonic()
    tried, failures = fuzz.run_fallback(1.0, seed=7)
    assert time.monotonic() - start < 10
    assert tried > 20
    assert all(isinstance(f, str) for f in failures)
