"""Score the link stage: copy detection (P/R/F1 and false-positive rate) and story clustering (BCubed F1).

    python benchmarks/linking/evaluate.py copies --data ../shared/data [--split test] [--embeddings none]
    python benchmarks/linking/evaluate.py stories --data ../shared/data [--embeddings none]

Articles are fed to `Linker.link` one publication day at a time, with the articles of the previous
`Linker.history_days` days as history (and their earlier verdicts as `known`), exactly as the pipeline does;
`--window` is the copy window (copies are looked for within it).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import read_all  # noqa: E402
from make_copies import CorpusDoc, build  # noqa: E402

from newsledger.link.linker import Linker  # noqa: E402
from newsledger.models import Article  # noqa: E402

HERE = Path(__file__).resolve().parent
logger = logging.getLogger(__name__)


def _article(d: CorpusDoc) -> Article:
    return Article(article_id=d.key, text=d.text, title=d.title, outlet=d.outlet,
                   published=datetime.fromisoformat(d.published) if d.published else None)


def stream(articles: list[Article], linker: Linker, window: int) -> tuple[dict, dict]:
    """Feed articles day by day; returns copy verdicts and story ids for every article."""
    by_day: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_day[a.published.date().isoformat() if a.published else "0000-00-00"].append(a)
    verdicts: dict = {}
    stories: dict[str, str] = {}
    done: list[Article] = []
    for day in sorted(by_day):
        new = sorted(by_day[day], key=lambda a: (a.published or datetime.min, a.article_id))
        start = new[0].published - timedelta(days=window) if new[0].published else None
        history = [a for a in done if start is None or (a.published and a.published >= start)]
        known = {a.article_id: (stories[a.article_id], verdicts[a.article_id].group_id) for a in history}
        res = linker.link(new, history, known=known)
        verdicts.update(res.copies)
        stories.update(res.stories)
        done.extend(new)
    return verdicts, stories


# -- copies --------------------------------------------------------------------------------------
def _real_copy_groups() -> dict[str, str]:
    """Hand-checked re-publications inside the real corpora (key -> key of another version)."""
    out: dict[str, str] = {}
    with open(HERE / "real_copies.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader((r for r in fh if not r.startswith("#")), delimiter="\t"):
            out[row["key"]] = row["same_as"]
    return out


def evaluate_copies(data: Path, *, split: str = "test", n: int = 300, embeddings: str = "auto",
                    window: int = 7, limit: int | None = None) -> dict:
    docs = build(data, n_sources=n, split=split)
    if limit:
        keep = {d.group for d in docs if d.kind != "original"}
        keep = set(sorted(keep)[:limit])
        docs = [d for d in docs if d.group in keep or d.key in keep]
    truth: dict[str, str] = {d.key: d.group for d in docs}
    for key, same in _real_copy_groups().items():
        if key in truth and same in truth:
            old, new = truth[key], truth[same]
            for k, g in list(truth.items()):
                if g == old:
                    truth[k] = new
    kind_of = {d.key: d.kind for d in docs}
    arts = [_article(d) for d in docs]
    order = sorted(arts, key=lambda a: (a.published or datetime.min, a.article_id))
    first_of: dict[str, str] = {}
    for a in order:
        first_of.setdefault(truth[a.article_id], a.article_id)
    t0 = time.time()
    linker = Linker(window_days=window, embeddings=embeddings)
    verdicts, _ = stream(arts, linker, linker.history_days)
    secs = time.time() - t0
    tp = fp = fn = fp_neg = 0
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a in arts:
        aid = a.article_id
        v = verdicts[aid]
        true_copy = first_of[truth[aid]] != aid
        pred_copy = v.kind != "original"
        right = pred_copy and true_copy and truth.get(v.group_id) == truth[aid]
        if true_copy:
            k = kind_of[aid] if kind_of[aid] != "original" else "real"
            per_kind[k][1] += 1
            per_kind[k][0] += int(right)
        if right:
            tp += 1
        elif pred_copy:
            fp += 1
            fp_neg += int(not true_copy)
        if true_copy and not right:
            fn += 1
    negatives = sum(1 for a in arts if first_of[truth[a.article_id]] == a.article_id)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "split": split, "embeddings": embeddings, "n_docs": len(arts), "n_copies": tp + fn,
        "n_negatives": negatives, "precision": round(p, 4), "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "false_positive_rate": round(fp_neg / negatives, 4) if negatives else 0.0,
        "recall_by_kind": {k: round(c / t, 4) for k, (c, t) in sorted(per_kind.items())},
        "seconds": round(secs, 1),
    }


# -- stories -------------------------------------------------------------------------------------
def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering against gold clusters (same items)."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for k in gold:
        by_pred[pred[k]].add(k)
        by_gold[gold[k]].add(k)
    p = r = 0.0
    for k in gold:
        same = len(by_pred[pred[k]] & by_gold[gold[k]])
        p += same / len(by_pred[pred[k]])
        r += same / len(by_gold[gold[k]])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of articles put in one story (stricter than BCubed here,
    where most articles are single-article stories)."""
    keys = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
            tp += same_p and same_g
            fp += same_p and not same_g
            fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def labelled_docs(data: Path, split: str) -> tuple[list, dict[str, str]]:
    """The hand-labelled articles of a split (dev = TimeBank and AQUAINT, test = PolNeAR) and their stories."""
    gold: dict[str, str] = {}
    with open(HERE / "story_labels.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader((r for r in fh if not r.startswith("#")), delimiter="\t"):
            gold[row["key"]] = row["story"]
    docs = [d for d in read_all(data) if d.key in gold]
    if split != "all":
        docs = [d for d in docs if d.key.startswith("polnear/") == (split == "test")]
    return docs, {d.key: gold[d.key] for d in docs}


def evaluate_stories(data: Path, *, split: str = "all", embeddings: str = "auto", window: int = 7,
                     limit: int | None = None) -> dict:
    """BCubed scores of the stories; dev = TimeBank and AQUAINT articles, test = PolNeAR, all = both."""
    docs, gold = labelled_docs(data, split)
    if limit:
        docs = docs[:limit]
        gold = {d.key: gold[d.key] for d in docs}
    arts = [Article(article_id=d.key, text=d.text, title=d.title, outlet=d.outlet, published=d.published)
            for d in docs]
    t0 = time.time()
    linker = Linker(window_days=window, embeddings=embeddings)
    _, stories = stream(arts, linker, linker.history_days)
    p, r, f = bcubed(stories, gold)
    pp, pr, pf = pairwise(stories, gold)
    base = bcubed({k: k for k in gold}, gold)[2]
    return {"split": split, "embeddings": embeddings, "n_docs": len(arts), "n_gold_stories": len(set(gold.values())),
            "n_pred_stories": len(set(stories[k] for k in gold)), "bcubed_precision": round(p, 4),
            "bcubed_recall": round(r, 4), "bcubed_f1": round(f, 4), "bcubed_f1_all_singletons": round(base, 4),
            "pair_precision": round(pp, 4), "pair_recall": round(pr, 4), "pair_f1": round(pf, 4),
            "seconds": round(time.time() - t0, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("task", choices=["copies", "stories"])
    ap.add_argument("--data", type=Path, required=True, help="path to shared/data")
    ap.add_argument("--split", default="test", choices=["all", "dev", "test"], help="copies: sources copied (by key hash); stories: dev = TimeBank+AQUAINT, test = PolNeAR")
    ap.add_argument("--n", type=int, default=300, help="copies: source articles to copy")
    ap.add_argument("--embeddings", default="auto", help="auto, none or a package name")
    ap.add_argument("--window", type=int, default=7, help="copy window in days (history: Linker.history_days)")
    ap.add_argument("--limit", type=int, default=None, help="copies: groups; stories: articles")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"data path not found: {args.data}")
    if args.task == "copies":
        res = evaluate_copies(args.data, split=args.split, n=args.n, embeddings=args.embeddings,
                              window=args.window, limit=args.limit)
    else:
        res = evaluate_stories(args.data, split=args.split, embeddings=args.embeddings, window=args.window,
                               limit=args.limit)
    if args.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:>22}: {v}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main()
