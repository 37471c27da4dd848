"""End-to-end throughput benchmark: articles/s from input files to a committed store, peak RSS, stage profile.

    python benchmarks/throughput.py --data ../shared/data --sizes 1000,5000,20000 [--n-process 2]
        [--db postgresql://...] [--json out.json] [--markdown out.md]

Each size gets a fresh corpus (real TimeBank/AQUAINT and PolNeAR texts replicated with small edits, see
corpus_news.py) in a temporary folder and a fresh store, and runs `ingest_paths` in a child process, so the
model load, the per-batch link and write, and the final event merge all count. Peak RSS is sampled over the
child and all its worker processes together.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_news import build_corpus  # noqa: E402
from corpus_profile import PeakRSS, StageProfile  # noqa: E402

log = logging.getLogger("throughput")
TARGET_RATE = 300_000 / 3600  # a GDELT-sized day (300k articles) in one hour: 83.3 articles/s
TARGET_RSS = 2 * 1024 ** 3  # 2 GiB

# Functions timed in the child, by where the pipeline looks them up (so patching them takes effect).
STAGES = [
    ("newsledger.pipeline.iter_articles", "read input", True),
    ("newsledger.analyse._analyse_serial", "spaCy pipeline (+ glue)", True),
    ("newsledger.analyse.extract_places", "extract places", False),
    ("newsledger.analyse.extract_times", "extract times", False),
    ("newsledger.analyse.extract_events", "extract events", False),
    ("newsledger.analyse.assign_location", "locate events", False),
    ("newsledger.analyse.assign_date", "date events", False),
    ("newsledger.analyse.extract_quotes", "extract quotes", False),
    ("newsledger.analyse.extract_figures", "extract figures", False),
    ("newsledger.pipeline.link_batch", "link (copies, stories)", False),
    ("newsledger.store.base.Store.write_results", "store write", False),
    ("newsledger.store.base.Store.known_ids", "store id lookup", False),
    ("newsledger.pipeline.rebuild_events", "merge events", False),
    ("newsledger.store.base.Store.replace_events", "store events write", False),
]


def child(corpus: Path, db: str, profile: bool) -> dict[str, Any]:
    """Run one ingest in this process and return its figures."""
    prof = StageProfile()
    if profile:
        for dotted, stage, gen in STAGES:
            prof.patch(dotted, stage, gen)
    from newsledger.pipeline import ingest_paths
    from newsledger.settings import Settings

    settings = Settings.from_env().with_overrides(db=db)
    started = time.perf_counter()
    report = ingest_paths([corpus], settings)
    wall = time.perf_counter() - started
    return {"read": report.read, "stored": report.stored, "already_stored": report.already_stored,
            "errors": len(report.errors), "mentions": report.mentions, "events": report.events,
            "seconds": round(wall, 2), "rate": round(report.read / wall, 2) if wall else 0.0,
            "n_process": settings.n_process, "batch_size": settings.batch_size,
            "stages": prof.table(wall) if profile else []}


def run_size(data: Path, n: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    corpus = work / f"corpus-{n}"
    t0 = time.perf_counter()
    build_corpus(data, n, corpus)
    log.info("built %d articles in %.1f s", n, time.perf_counter() - t0)
    db = args.db or str(work / f"store-{n}.duckdb")
    env = dict(os.environ, NEWSLEDGER_N_PROCESS=str(args.n_process))
    cmd = [sys.executable, __file__, "--child", str(corpus), "--db", db] + (["--profile"] if args.profile else [])
    started = time.perf_counter()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)
    with PeakRSS(proc.pid) as mem:
        out, _ = proc.communicate()
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark child failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    # CPU seconds of the child and its workers (model loads included): on a shared machine this is the
    # figure that other users' load does not inflate; 2 cores' worth of it is the rate a quiet box reaches
    result.update(size=n, cpu_seconds=round(cpu, 1), cpu_ms_per_article=round(1000 * cpu / n, 1),
                  process_seconds=round(time.perf_counter() - started, 2),
                  peak_rss_mb=round(mem.peak / 1024 ** 2), peak_pss_mb=round(mem.peak_pss / 1024 ** 2),
                  end_to_end_rate=round(n / (time.perf_counter()
                                                                                        - started), 2))
    log.info("%d articles: %.1f articles/s in the ingest, %.1f end to end with start-up, peak RSS %d MB "
             "(PSS %d MB), %.1f CPU ms per article", n, result["rate"], result["end_to_end_rate"],
             result["peak_rss_mb"], result["peak_pss_mb"], result["cpu_ms_per_article"])
    if result["stages"]:
        log.info("stages: %s", ", ".join(f"{s['stage']} {s['seconds']}s" for s in result["stages"]))
    return result


def ray_speedup(data: Path, n: int, workers: list[int], work: Path) -> list[dict[str, Any]]:
    """Batch mode (`newsledger batch`) on a local Ray instance: seconds for the same corpus per worker count."""
    from newsledger.batch.run import run_ray
    from newsledger.settings import Settings

    corpus = work / f"corpus-{n}"
    build_corpus(data, n, corpus)
    rows = []
    for w in workers:
        report = run_ray([str(corpus)], work / f"ray-{n}-{w}", Settings(), workers=w)
        rows.append({"size": n, "workers": w, "seconds": round(report.seconds, 1), "articles": report.articles,
                     "rate": round(report.articles / report.seconds, 2)})
        log.info("ray batch, %d workers: %d articles in %.1f s", w, report.articles, report.seconds)
    for r in rows:
        r["speedup"] = round(rows[0]["seconds"] / r["seconds"], 2)
    return rows


def markdown(results: list[dict[str, Any]], command: str) -> str:
    lines = [f"`{command}`", "",
             "| articles | n_process | ingest s | articles/s | incl. start-up | CPU ms/article | peak RSS MB "
             "| peak PSS MB | mentions | events |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['size']:,} | {r['n_process']} | {r['seconds']} | {r['rate']} | {r['end_to_end_rate']} | "
                     f"{r['cpu_ms_per_article']} | {r['peak_rss_mb']} | {r.get('peak_pss_mb', '')} | "
                     f"{r['mentions']:,} | {r['events']:,} |")
    for r in results:
        if r["stages"]:
            lines += ["", f"Stage profile, {r['size']:,} articles (exclusive wall time):", "",
                      "| stage | s | share |", "|---|---:|---:|"]
            lines += [f"| {s['stage']} | {s['seconds']} | {s['share']:.1%} |" for s in r["stages"]]
            break
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, help="shared data folder (with timebank/ and polnear/)")
    ap.add_argument("--sizes", default="1000,5000,20000", help="comma-separated corpus sizes")
    ap.add_argument("--n-process", type=int, default=int(os.environ.get("NEWSLEDGER_N_PROCESS", "1")))
    ap.add_argument("--db", help="store URL (postgresql://...) instead of a fresh DuckDB file per size")
    ap.add_argument("--profile", action="store_true", help="time each stage (adds ~1%% overhead)")
    ap.add_argument("--json", type=Path, help="write all results here")
    ap.add_argument("--markdown", type=Path, help="write a Markdown table here")
    ap.add_argument("--ray-workers", help="instead: time `newsledger batch` on Ray with these worker counts "
                                          "(e.g. 1,2) on the first size")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        logging.basicConfig(level=logging.WARNING)
        print(json.dumps(child(args.child, args.db, args.profile)))
        return 0
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if not args.data:
        ap.error("--data is required")
    results = []
    if args.ray_workers:
        with tempfile.TemporaryDirectory(prefix="newsledger-ray-") as tmp:
            rows = ray_speedup(args.data, int(args.sizes.split(",")[0]),
                               [int(w) for w in args.ray_workers.split(",")], Path(tmp))
        text = "| articles | Ray workers | seconds | articles/s | speed-up |\n|---:|---:|---:|---:|---:|\n"
        text += "".join(f"| {r['size']} | {r['workers']} | {r['seconds']} | {r['rate']} | {r['speedup']} |\n"
                        for r in rows)
        print(text)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2))
        return 0
    with tempfile.TemporaryDirectory(prefix="newsledger-throughput-") as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            results.append(run_size(args.data, n, args, Path(tmp)))
    command = "python " + " ".join([Path(__file__).name if i == 0 else a for i, a in enumerate(sys.argv)])
    text = markdown(results, command)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    if args.markdown:
        args.markdown.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
