"""Micro-benchmark of story linking cost: N real articles packed into a few days, fed as the pipeline feeds them.

    python benchmarks/linking/bench_link.py --data ../shared/data [--n 1000] [--per-day 150] [--embeddings none]

Real article texts from ../shared/data (TimeBank, AQUAINT, PolNeAR) are given publication times spread
evenly, `--per-day` a day, so the history handed to `Linker.link` (`Linker.history_days`: 30 days, of
which copy detection uses the last 7) grows to about 30 x per-day articles, or the whole stream, as on a
busy feed. Articles are fed one batch of `--batch` at a time with the history's earlier articles and their
earlier verdicts as `known`. Reports wall seconds of the whole link stage,
the CPU seconds spent in story clustering alone, pairwise comparisons, and the CPU ms per article of the
last tenth of the stream (where history is largest), so cost growth with history shows; and, as a
precision stress test, BCubed of the hand-labelled articles in this packed stream (`packed_bcubed`).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import read_all  # noqa: E402
from evaluate import bcubed  # noqa: E402

from newsledger.link import stories as story_mod  # noqa: E402
from newsledger.link.linker import Linker  # noqa: E402
from newsledger.models import Article  # noqa: E402

START = datetime(2024, 1, 1)


class _Meter:
    """Counts pairwise and story comparisons and the CPU seconds spent in `StoryClusterer.assign`/`observe`
    (CPU, not wall: the dev machine is shared, and wall time swings with its load)."""

    def __init__(self) -> None:
        self.pairs = 0
        self.centroids = 0
        self.story_s = 0.0

    def install(self) -> None:
        cls = story_mod.StoryClusterer
        pair, cent = cls.pair_similarity, cls.centroid_similarity
        assign, observe = cls.assign, cls.observe
        meter = self

        def pair_w(self, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
            meter.pairs += 1
            return pair(self, *a, **k)

        def cent_w(self, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
            meter.centroids += 1
            return cent(self, *a, **k)

        def timed(fn):  # noqa: ANN001, ANN202
            def wrapper(self, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
                t0 = time.process_time()
                try:
                    return fn(self, *a, **k)
                finally:
                    meter.story_s += time.process_time() - t0
            return wrapper

        cls.pair_similarity, cls.centroid_similarity = pair_w, cent_w
        cls.assign, cls.observe = timed(assign), timed(observe)


def run(data: Path, *, n: int = 1000, per_day: int = 150, batch: int = 64, window: int = 7,
        embeddings: str = "none") -> dict:
    """Stream `n` articles through one Linker; returns timings and comparison counts."""
    docs = sorted(read_all(data), key=lambda d: d.key)[:n]
    step = timedelta(days=1) / per_day
    arts = [Article(article_id=d.key, text=d.text, title=d.title, outlet=d.outlet, published=START + i * step)
            for i, d in enumerate(docs)]
    meter = _Meter()
    meter.install()
    linker = Linker(window_days=window, embeddings=embeddings)
    stories: dict[str, str] = {}
    groups: dict[str, str] = {}
    t0, c0 = time.perf_counter(), time.process_time()
    tail_from = len(arts) - max(1, len(arts) // 10)
    tail_s, n_tail = 0.0, 0
    for i in range(0, len(arts), batch):
        new = arts[i:i + batch]
        start = new[0].published - timedelta(days=linker.history_days)
        history = [a for a in arts[:i] if a.published >= start]
        known = {a.article_id: (stories[a.article_id], groups[a.article_id]) for a in history}
        tb = time.process_time()
        res = linker.link(new, history, known=known)
        if i >= tail_from or i + batch >= len(arts):  # batches in the last tenth, at least the last
            tail_s += time.process_time() - tb
            n_tail += len(new)
        stories.update(res.stories)
        groups.update({aid: v.group_id for aid, v in res.copies.items()})
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"n_articles": len(arts), "per_day": per_day, "batch": batch, "embeddings": embeddings,
            "link_seconds": round(total, 2), "link_cpu_seconds": round(cpu, 2),
            "story_cpu_seconds": round(meter.story_s, 2),
            "pair_similarity_calls": meter.pairs, "centroid_similarity_calls": meter.centroids,
            "n_stories": len(set(stories.values())),
            "packed_bcubed": _packed_scores(stories),
            "cpu_ms_per_article_last_batches": round(1000 * tail_s / n_tail, 1) if n_tail else None}


def _packed_scores(stories: dict[str, str]) -> dict[str, list[float]]:
    """BCubed P / R / F1 of the hand-labelled articles in the stream (dev = TimeBank + AQUAINT, test =
    PolNeAR). The stream packs months of coverage into days, so unrelated and same-topic stories sit
    side by side: a stress test of precision on a dense feed, not a measure of the real-date task."""
    gold: dict[str, str] = {}
    with open(Path(__file__).resolve().parent / "story_labels.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader((r for r in fh if not r.startswith("#")), delimiter="\t"):
            if row["key"] in stories:
                gold[row["key"]] = row["story"]
    out = {}
    for name, test in (("dev", False), ("test", True)):
        part = {k: g for k, g in gold.items() if k.startswith("polnear/") == test}
        if part:
            out[name] = [round(x, 4) for x in bcubed({k: stories[k] for k in part}, part)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="path to shared/data")
    ap.add_argument("--n", type=int, default=1000, help="articles to stream")
    ap.add_argument("--per-day", type=int, default=150, help="articles published per day")
    ap.add_argument("--batch", type=int, default=64, help="articles per Linker.link call (the pipeline's batch)")
    ap.add_argument("--embeddings", default="none", help="auto, none or a package name")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"data path not found: {args.data}")
    res = run(args.data, n=args.n, per_day=args.per_day, batch=args.batch, embeddings=args.embeddings)
    print(json.dumps(res))


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main()
