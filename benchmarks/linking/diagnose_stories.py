"""Why same-story articles end up in different stories: gaps, the link history, and similarity vs threshold.

    python benchmarks/linking/diagnose_stories.py --data ../shared/data --split test [--embeddings none]
        [--window 7] [--json] [--show 0]

Streams the labelled articles exactly as `evaluate.py stories` does, recording for every new article its
similarity (before and after time decay) to every earlier article the clusterer holds and to every story
profile. Then, for each gold same-story pair that the system split, it reports: days apart, whether the
earlier article was in the history handed to the linker (`Linker.history_days`), whether the gold story
had any article in the history at that moment (a story kept open while it keeps receiving articles would
then still be reachable), and the best similarity to the gold story's articles against the join threshold. The same is
reported per article ("join decisions"): each article whose gold story was already under way in the history
but which did not join a system story holding any of its gold predecessors.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import labelled_docs, stream  # noqa: E402

from newsledger.link import stories as story_mod  # noqa: E402
from newsledger.link.linker import Linker  # noqa: E402
from newsledger.models import Article  # noqa: E402

logger = logging.getLogger(__name__)


def _record(log: dict) -> None:
    """Wrap `StoryClusterer.assign` so each new article's similarities to everything held are logged."""
    cls = story_mod.StoryClusterer
    assign, candidates = cls.assign, cls._candidates
    last: list[list[int]] = [[]]

    def cands(self, terms, names):  # noqa: ANN001, ANN202
        last[0] = candidates(self, terms, names)
        return last[0]

    def wrapped(self, article, names=None, forced=None):  # noqa: ANN001, ANN202
        last[0] = []
        sid, score = assign(self, article, names, forced=forced)
        terms, found, vec = self.features(article, names)
        pairs = {}
        for m in self.members[:-1]:  # the last member is the article itself
            raw = self.pair_similarity(terms, found, vec, m)
            decay = (self.story_decay_factor(article.published, m.story_id) if self.story_decay
                     else self._decay(article.published, m.when))
            pairs[m.article_id] = (raw, raw * decay)
        cents = {s: self.centroid_similarity(terms, found, s) for s in self.centroids if s != sid or
                 self._sizes[s] > 1}
        cand = {self.members[i - self._base].article_id for i in last[0]}
        log[article.article_id] = {"story": sid, "score": score, "forced": forced is not None,
                                   "pairs": pairs, "centroids": cents, "candidates": cand,
                                   "held": [m.article_id for m in self.members[:-1]]}
        return sid, score

    cls.assign, cls._candidates = wrapped, cands


def diagnose(data: Path, *, split: str = "test", embeddings: str = "none", window: int = 7) -> dict:
    docs, gold = labelled_docs(data, split)
    arts = {d.key: Article(article_id=d.key, text=d.text, title=d.title, outlet=d.outlet,
                           published=d.published) for d in docs}
    log: dict = {}
    _record(log)
    linker = Linker(window_days=window, embeddings=embeddings)
    _, pred = stream(list(arts.values()), linker, linker.history_days)
    thr = story_mod.JOIN_THRESHOLD
    when = {k: a.published for k, a in arts.items()}
    order = sorted(arts, key=lambda k: (when[k], k))
    rank = {k: i for i, k in enumerate(order)}

    # -- pairs ---------------------------------------------------------------------------------
    by_gold: dict[str, list[str]] = defaultdict(list)
    for k in order:
        by_gold[gold[k]].append(k)
    pairs = []
    for members in by_gold.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if pred[a] == pred[b]:
                    continue
                rec = log[b]
                gap = (when[b] - when[a]).total_seconds() / 86400
                earlier_gold = [k for k in members if rank[k] < rank[b]]
                in_window = [k for k in earlier_gold if k in rec["held"]]
                best = max((rec["pairs"][k][1] for k in in_window), default=None)
                pairs.append({"a": a, "b": b, "gap_days": round(gap, 1), "a_in_window": a in rec["held"],
                              "story_in_window": bool(in_window), "best_decayed_to_story": best,
                              "a_decayed": rec["pairs"][a][1] if a in rec["pairs"] else None})
    cause = Counter()
    for p in pairs:
        if p["a_in_window"]:
            cause["earlier article in history"] += 1
        elif p["story_in_window"]:
            cause["earlier article out of history, story still in it"] += 1
        else:
            cause["whole story out of history"] += 1
    gaps = Counter(("<=1" if p["gap_days"] <= 1 else "<=3" if p["gap_days"] <= 3 else "<=7"
                    if p["gap_days"] <= 7 else "<=14" if p["gap_days"] <= 14 else ">14") for p in pairs)

    # -- join decisions --------------------------------------------------------------------------
    decisions = []
    for k in order:
        rec = log[k]
        earlier = [j for j in by_gold[gold[k]] if rank[j] < rank[k]]
        if not earlier:
            continue
        joined_right = any(pred[j] == pred[k] for j in earlier)
        in_window = [j for j in earlier if j in rec["held"]]
        best_gold = max((rec["pairs"][j][1] for j in in_window), default=0.0)
        best_gold_raw = max((rec["pairs"][j][0] for j in in_window), default=0.0)
        gold_preds = {pred[j] for j in in_window}
        best_cent = max((rec["centroids"].get(s, 0.0) for s in gold_preds), default=0.0)
        if joined_right:
            kind = "joined a story holding a gold predecessor"
        elif not in_window:
            kind = "no gold predecessor in history"
        elif rec["score"] == 0.0:
            kind = "gold story in history, below threshold (started new story)"
        else:
            kind = "gold story in history, joined another story"
        decisions.append({"article": k, "kind": kind, "score": rec["score"],
                          "best_decayed_to_gold": round(best_gold, 4), "best_raw_to_gold": round(best_gold_raw, 4),
                          "best_centroid_to_gold": round(best_cent, 4),
                          "gold_in_candidates": bool(set(in_window) & rec["candidates"]),
                          "gap_to_newest_gold_days": round(min((when[k] - when[j]).total_seconds() / 86400
                                                                for j in earlier), 1)})
    kinds = Counter(d["kind"] for d in decisions)
    below = [d for d in decisions if d["kind"].startswith("gold story in history, below")]
    bands = Counter(("<0.10" if d["best_decayed_to_gold"] < 0.10 else "0.10-0.15"
                     if d["best_decayed_to_gold"] < 0.15 else "0.15-0.20") for d in below)
    return {"split": split, "embeddings": embeddings, "copy_window": window, "history_days": linker.history_days,
            "threshold": thr,
            "missed_pairs": len(pairs), "missed_pairs_by_cause": dict(cause),
            "missed_pairs_by_gap_days": dict(gaps),
            "articles_with_gold_predecessor": len(decisions), "join_decisions": dict(kinds),
            "below_threshold_best_decayed_similarity": dict(bands),
            "below_threshold_gold_in_candidates": sum(d["gold_in_candidates"] for d in below),
            "decisions": decisions, "pairs": pairs, "log": log}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="path to shared/data")
    ap.add_argument("--split", default="test", choices=["all", "dev", "test"])
    ap.add_argument("--embeddings", default="none")
    ap.add_argument("--window", type=int, default=7, help="copy window in days")
    ap.add_argument("--show", type=int, default=0, help="print this many missed join decisions")
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    args = ap.parse_args()
    res = diagnose(args.data, split=args.split, embeddings=args.embeddings, window=args.window)
    summary = {k: v for k, v in res.items() if k not in ("decisions", "pairs", "log")}
    if args.json:
        print(json.dumps(summary))
        return
    for k, v in summary.items():
        print(f"{k:>40}: {v}")
    missed = [d for d in res["decisions"] if not d["kind"].startswith("joined")]
    for d in missed[:args.show]:
        print(json.dumps(d))


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main()
