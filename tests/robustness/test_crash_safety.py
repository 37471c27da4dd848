"""Kill -9 the ingest at random statements, re-run it: the store must equal one clean run's, row for row."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import duckdb
import pytest

from newsledger.ingest.walk import iter_articles
from newsledger.models import Article

from .conftest import load_helper

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
# Kills in the default run: each costs about a second on an idle 2-core machine; the slow test does more.
QUICK_KILLS = 5
SLOW_KILLS = 15


def _seed() -> int:
    """A random seed per run (so runs explore different kill points), fixed by NEWSLEDGER_CRASH_SEED."""
    return int(os.environ.get("NEWSLEDGER_CRASH_SEED") or random.randrange(1_000_000))


@pytest.fixture(scope="module")
def harness():
    if not EXAMPLES.is_dir():
        pytest.skip("examples/articles not found")
    return load_helper("crash_harness")


@pytest.fixture(scope="module")
def quick_run(harness, tmp_path_factory):
    seed = _seed()
    work = tmp_path_factory.mktemp("crash")
    report = harness.crash_cycles([str(EXAMPLES)], work, kills=QUICK_KILLS, seed=seed)
    return report, work, seed


def test_kill_9_then_rerun_gives_the_clean_store(quick_run) -> None:
    report, _, seed = quick_run
    assert report.kills == QUICK_KILLS
    assert not report.problems, f"seed {seed}: {report.problems}"
    assert report.reruns_completed >= 1 and report.identical == report.reruns_completed, f"seed {seed}"


def test_clean_store_is_not_trivial(quick_run) -> None:
    """The comparison means something only if the clean run stored articles, mentions and events."""
    _, work, _ = quick_run
    conn = duckdb.connect(str(work / "clean.duckdb"), read_only=True)
    try:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "mentions",
                                                                                          "events")}
    finally:
        conn.close()
    ids = {a.article_id for a in iter_articles([EXAMPLES]) if isinstance(a, Article)}
    assert counts["articles"] == len(ids) >= 10
    assert counts["mentions"] > 0 and counts["events"] > 0


def test_checker_catches_a_partial_article(harness, quick_run, tmp_path: Path) -> None:
    """Remove half of one article's sentences from a copy of the clean store: the check must say so."""
    _, work, _ = quick_run
    clean = work / "clean.duckdb"
    broken = tmp_path / "broken.duckdb"
    shutil.copy(clean, broken)
    conn = duckdb.connect(str(broken))
    aid = conn.execute("SELECT article_id FROM sentences ORDER BY article_id LIMIT 1").fetchone()[0]
    conn.execute("DELETE FROM sentences WHERE article_id = ? AND idx % 2 = 0", [aid])
    conn.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM events LIMIT 1)")
    conn.close()
    store_dump = load_helper("store_dump")
    _, problems = harness.check_killed_store(broken, store_dump.by_article(str(clean)),
                                             store_dump.dump(str(clean)))
    assert any(aid in p for p in problems)
    assert any(p.startswith("events half-written") for p in problems)


@pytest.mark.slow
def test_many_kills(harness, tmp_path: Path) -> None:
    seed = _seed()
    report = harness.crash_cycles([str(EXAMPLES)], tmp_path, kills=SLOW_KILLS, seed=seed)
    assert report.ok, f"seed {seed}: {report.problems}"
    assert report.kills == SLOW_KILLS
    # Kills must have landed in different states, not all before the first commit.
    assert len(set(report.killed_with_articles)) >= 2
