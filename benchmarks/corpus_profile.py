"""Per-stage timing and peak-memory sampling for the throughput benchmark (exclusive time per stage)."""

from __future__ import annotations

import importlib
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


class StageProfile:
    """Exclusive wall time per named stage: a stage's time excludes stages nested inside it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list[Any]] = []  # [stage, start, time spent in nested stages]

    def _enter(self, stage: str) -> None:
        self._stack.append([stage, time.perf_counter(), 0.0])

    def _exit(self) -> None:
        stage, start, nested = self._stack.pop()
        total = time.perf_counter() - start
        self.seconds[stage] += total - nested
        self.calls[stage] += 1
        if self._stack:
            self._stack[-1][2] += total

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._enter(stage)
            try:
                return fn(*args, **kwargs)
            finally:
                self._exit()
        return timed

    def wrap_gen(self, stage: str, fn: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        """Time a generator function: only the time spent producing items counts."""
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            it = iter(fn(*args, **kwargs))
            while True:
                self._enter(stage)
                try:
                    item = next(it)
                except StopIteration:
                    return
                finally:
                    self._exit()
                yield item
        return timed

    def patch(self, dotted: str, stage: str, generator: bool = False) -> None:
        """Replace `module.attr` (or `module.Class.attr`) with a timed version."""
        mod_name, _, attr = dotted.rpartition(".")
        owner: Any
        try:
            owner = importlib.import_module(mod_name)
        except ModuleNotFoundError:
            mod, _, cls = mod_name.rpartition(".")
            owner = getattr(importlib.import_module(mod), cls)
        fn = getattr(owner, attr)
        setattr(owner, attr, (self.wrap_gen if generator else self.wrap)(stage, fn))

    def table(self, wall: float) -> list[dict[str, Any]]:
        rows = [{"stage": s, "seconds": round(t, 2), "share": round(t / wall, 3) if wall else 0.0,
                 "calls": self.calls[s]} for s, t in self.seconds.items()]
        return sorted(rows, key=lambda r: -r["seconds"])


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                continue
    return out


def _kb(path: str, key: str) -> int | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def tree_rss_bytes(pid: int, pss: bool = True) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) over the process tree, in bytes (PSS 0 when `pss` is False).

    RSS counts pages shared by forked workers once per worker; PSS splits each shared page between its
    users, so the PSS sum is the memory the tree really holds. PSS costs the kernel a walk of every mapping
    (~2 ms CPU per GB), RSS almost nothing.
    """
    rss = pss_sum = 0
    for p in _tree(pid):
        r = _kb(f"/proc/{p}/status", "VmRSS:")
        if r is None:
            continue
        rss += r * 1024
        if pss:
            q = _kb(f"/proc/{p}/smaps_rollup", "Pss:")
            pss_sum += (q if q is not None else r) * 1024
    return rss, pss_sum


class PeakRSS:
    """Samples the memory of a process and its children in a thread; `peak` (RSS) and `peak_pss` in bytes.

    RSS every `interval` seconds, PSS every `pss_every`-th sample and whenever RSS reaches a new peak: PSS at
    every 0.2 s sample cost ~9% of one core on 1 GB processes, taken from the 2 cores being measured.
    """

    def __init__(self, pid: int, interval: float = 0.2, pss_every: int = 5):  # batches last seconds
        self.pid, self.interval, self.pss_every, self.peak, self.peak_pss = pid, interval, pss_every, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        n = 0
        while not self._stop.is_set():
            rss, _ = tree_rss_bytes(self.pid, pss=False)
            if n % self.pss_every == 0 or rss > self.peak:
                _, pss = tree_rss_bytes(self.pid)
                self.peak_pss = max(self.peak_pss, pss)
            self.peak = max(self.peak, rss)
            n += 1
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
