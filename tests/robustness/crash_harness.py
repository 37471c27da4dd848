"""Kill -9 `newsledger ingest` at random points, re-run it, and compare the store with one clean run."""

from __future__ import annotations

import argparse
import json
import logging
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)
_HERE = Path(__file__).parent
if str(_HERE) not in sys.path:  # the sibling helper store_dump, whether run as a script or from the tests
    sys.path.insert(0, str(_HERE))
from store_dump import PER_ARTICLE, by_article, differences, dump  # noqa: E402

# Seconds a child pauses after each SQL statement, so a kill lands between two statements of one batch
# (often inside its transaction) rather than wherever the scheduler happens to be; small enough that a
# 16-article ingest (50-150 statements, depending on the write path) slows by under a second.
STEP_PAUSE = 0.005
# Half of the kills wait a further random delay (up to this many seconds) after their target statement, so
# some land inside spaCy parsing or linking rather than right after a statement.
MAX_EXTRA_DELAY = 0.4


@dataclass
class RunResult:
    """One child ingest: its pid, exit status (negative: killed by that signal) and statements run."""
    pid: int
    code: int
    steps: int
    killed: bool


class ForkServer:
    """Drives tests/robustness/fork_server.py: one warm process that forks an ingest child per request."""

    def __init__(self, env: dict[str, str] | None = None, ready_timeout: float = 300):
        self.proc = subprocess.Popen([sys.executable, str(_HERE / "fork_server.py")], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1, env=env)
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        if self._next(ready_timeout) != "READY":
            raise RuntimeError("fork server did not start")

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def _next(self, timeout: float) -> str:
        line = self.lines.get(timeout=timeout)
        if line is None:
            raise RuntimeError("fork server exited")
        return line

    def run(self, argv: list[str], batch: int, kill_after: int | None = None, delay: float = 0.0,
            timeout: float = 300) -> RunResult:
        """Run one ingest; with `kill_after`, SIGKILL it `delay` s after its kill_after-th SQL statement."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"argv": argv, "batch": batch, "pause": STEP_PAUSE}) + "\n")
        self.proc.stdin.flush()
        pid, steps, killed = None, 0, False
        deadline = time.monotonic() + timeout
        while True:
            line = self._next(max(0.1, deadline - time.monotonic()))
            kind, _, rest = line.partition(" ")
            if kind == "PID":
                pid = int(rest)
            elif kind == "STEP":
                steps = int(rest)
            elif kind == "EXIT":
                got_pid, code = map(int, rest.split())
                return RunResult(got_pid, code, steps, killed)
            if kill_after is not None and not killed and pid is not None and steps >= kill_after:
                if delay:
                    time.sleep(delay)
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed = True
                except ProcessLookupError:
                    pass

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@dataclass
class CrashReport:
    """What a crash-safety run did and found."""
    kills: int = 0  # children that died of SIGKILL mid-ingest
    reruns_completed: int = 0  # killed stores finished by a re-run and compared with the clean one
    identical: int = 0  # of those, how many matched the clean store exactly
    clean_steps: int = 0
    killed_with_articles: list[int] = field(default_factory=list)  # articles stored right after each kill
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.identical == self.reruns_completed > 0


def check_killed_store(db: Path, clean_articles: dict, clean_tables: dict) -> tuple[int, list[str]]:
    """After a kill: no partial articles, nothing the clean run lacks, events all-or-nothing."""
    if not db.exists():
        return 0, []
    problems = []
    stored = by_article(str(db))
    for aid, tables in stored.items():
        if "articles" not in tables:
            problems.append(f"rows for article {aid} without the article (partial write)")
        elif tables != {t: r for t, r in clean_articles.get(aid, {}).items() if t in PER_ARTICLE}:
            problems.append(f"article {aid} stored differently from the clean run (partial or extra rows)")
    tables = dump(str(db))
    for t in ("events", "event_sources"):
        if tables.get(t) and tables[t] != clean_tables[t]:
            problems.append(f"{t} half-written: {len(tables[t])} rows vs {len(clean_tables[t])} in a clean run")
    return sum(1 for t in stored.values() if "articles" in t), problems


def crash_cycles(inputs: list[str], workdir: Path, kills: int, batch: int = 4, seed: int | None = None,
                 server: ForkServer | None = None) -> CrashReport:
    """One clean ingest; then kill ingests at random statements until `kills` kills have landed.

    Each time a re-run completes, its store is compared with the clean one and a fresh store is started.
    """
    rng = random.Random(seed)
    own = server is None
    server = server or ForkServer()
    report = CrashReport()
    try:
        clean = workdir / "clean.duckdb"
        first = server.run(["ingest", *inputs, "--db", str(clean), "--quiet"], batch)
        if first.code not in (0, 1):
            raise RuntimeError(f"clean ingest failed with status {first.code}")
        report.clean_steps = first.steps
        clean_tables, clean_articles = dump(str(clean)), by_article(str(clean))
        cycle = 0
        crashed = workdir / f"crashed{cycle}.duckdb"
        while report.kills < kills:
            target = rng.randint(1, report.clean_steps)
            delay = rng.uniform(0, MAX_EXTRA_DELAY) if rng.random() < 0.5 else 0.0
            res = server.run(["ingest", *inputs, "--db", str(crashed), "--quiet"], batch, target, delay)
            if res.killed and res.code == -signal.SIGKILL:
                report.kills += 1
                n, problems = check_killed_store(crashed, clean_articles, clean_tables)
                report.killed_with_articles.append(n)
                report.problems += [f"kill {report.kills} (statement {target}+{delay:.2f}s): {p}" for p in problems]
                log.info("kill %d at statement %d +%.2fs: %d articles stored", report.kills, target, delay, n)
                continue
            if res.code not in (0, 1):
                report.problems.append(f"re-run after kills exited {res.code}")
            _compare(crashed, clean_tables, report)
            cycle += 1
            crashed = workdir / f"crashed{cycle}.duckdb"
        res = server.run(["ingest", *inputs, "--db", str(crashed), "--quiet"], batch)
        if res.code not in (0, 1):
            report.problems.append(f"final re-run exited {res.code}")
        _compare(crashed, clean_tables, report)
    finally:
        if own:
            server.close()
    return report


def _compare(db: Path, clean_tables: dict, report: CrashReport) -> None:
    report.reruns_completed += 1
    diff = differences(clean_tables, dump(str(db)))
    if diff:
        report.problems += [f"store {db.name} after re-run differs from a clean run: {d}" for d in diff]
    else:
        report.identical += 1


def main() -> None:
    """CLI: `python tests/robustness/crash_harness.py --kills 50 --workdir /tmp/x examples/articles`."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--workdir", type=Path, required=True)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args.workdir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    rep = crash_cycles(args.inputs, args.workdir, args.kills, args.batch, args.seed)
    print(json.dumps({**rep.__dict__, "ok": rep.ok, "seconds": round(time.perf_counter() - t0, 1)}, indent=2))


if __name__ == "__main__":
    main()
