"""Evaluation gate: run each `newsledger eval` on ../shared/data and refuse scores below the recorded floors.

The floors live in benchmarks/baseline.json with a SHA-256 of each corpus, so a changed corpus is noticed rather
than silently compared. A floor may only go down with an entry in that file's `lowered` list saying why
(tests/evaluation/test_gate.py checks this against git history-free rules: floors never exceed measured scores
and every lowering is explained).

Usage: python benchmarks/gate.py --data ../shared/data [--only geo_lgl] [--update]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

BASELINE = Path(__file__).with_name("baseline.json")


def corpus_hash(path: Path) -> str:
    """SHA-256 over the corpus files' relative names and bytes (macOS `._*`/.DS_Store junk ignored)."""
    h = hashlib.sha256()
    files = [path] if path.is_file() else sorted(
        p for p in path.rglob("*") if p.is_file() and not p.name.startswith(("._", ".DS_Store")))
    for f in files:
        h.update(str(f.relative_to(path) if path.is_dir() else f.name).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def run_gate(data_root: Path, only: str | None = None, update: bool = False) -> list[str]:
    """Run the gated evaluations; return the list of failures (empty when all floors hold)."""
    from newsledger.evaluation import run

    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    failures: list[str] = []
    for name, spec in baseline["gates"].items():
        if only and name != only:
            continue
        path = data_root / spec["data"]
        if not path.exists():
            failures.append(f"{name}: corpus {path} not found")
            continue
        digest = corpus_hash(path)
        if digest != spec["sha256"]:
            failures.append(f"{name}: corpus {path} changed (sha256 {digest[:12]} != {spec['sha256'][:12]}); "
                            "re-measure and record new floors with a reason")
            continue
        t0 = time.perf_counter()
        result: dict[str, Any] = run(spec["kind"], path, **spec.get("opts", {}))
        took = time.perf_counter() - t0
        for metric, floor in spec["floors"].items():
            got = result.get(metric)
            status = "ok" if got is not None and got >= floor else "BELOW FLOOR"
            print(f"{name:14s} {metric:20s} {got!s:>10.10} floor {floor:<8} {status}  ({took:.0f}s)")
            if status != "ok":
                failures.append(f"{name}: {metric} = {got} < floor {floor}")
        if update:
            spec["measured"] = {m: result.get(m) for m in spec["floors"]}
    if update:
        BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
    return failures


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, required=True, help="folder holding the corpora (../shared/data)")
    p.add_argument("--only", help="run one gate by name")
    p.add_argument("--update", action="store_true", help="record the measured scores (never the floors)")
    a = p.parse_args(argv)
    failures = run_gate(a.data, a.only, a.update)
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
