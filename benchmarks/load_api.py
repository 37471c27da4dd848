"""Bounded load test of the API on loopback: a fixed request rate, open loop, p50/p99 latency reported.

    python benchmarks/load_api.py --db newsledger.duckdb --rate 50 --seconds 20 [--path /api/events] [--json]

The server is the real app under uvicorn in its own process (read-only, as `newsledger serve` runs it); requests
are sent on a fixed schedule whatever the server's speed (open loop), and latency is counted from the
scheduled send time, so a stalled server cannot hide its queue (no coordinated omission).
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import httpx

log = logging.getLogger(__name__)

# Client threads: enough that a server answering within 1/rate x 32 never waits on the client side.
DEFAULT_WORKERS = 32
# A request slower than this counts as an error (and stops waiting): far past any latency worth reporting.
REQUEST_TIMEOUT_S = 30.0


@contextmanager
def serve(settings: Any, host: str = "127.0.0.1") -> Iterator[str]:
    """Run the API for `settings` under uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    from newsledger.views.api import create_app

    app = create_app(settings)
    # Port 0: the OS picks a free port; the server's own socket then says which.
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=0, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("API server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def serve_process(db: str, host: str = "127.0.0.1") -> Iterator[str]:
    """Run `uvicorn newsledger.views.api:create_app` in its own process (read-only store); yields its URL.

    The load generator's threads then do not compete with the server for one interpreter lock.
    """
    with socket.socket() as probe:  # a free port; the tiny race until uvicorn binds it is harmless here
        probe.bind((host, 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NEWSLEDGER_DB": db, "NEWSLEDGER_API_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "newsledger.views.api:create_app",
                             "--host", host, "--port", str(port), "--log-level", "warning"], env=env)
    url = f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("API server process did not start")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def run_load(base_url: str, path: str = "/api/events", rate: float = 50.0, seconds: float = 10.0,
             params: dict[str, Any] | None = None, workers: int = DEFAULT_WORKERS) -> dict[str, Any]:
    """Send `rate` requests per second for `seconds` to `path`; returns counts and latency percentiles (ms)."""
    total = max(1, int(rate * seconds))
    local = threading.local()
    results: list[tuple[int, float, float]] = []  # (status, ms from schedule, ms from actual send)
    sends: list[float] = []
    lock = threading.Lock()
    start = time.perf_counter() + 0.2

    def one(i: int) -> None:
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT_S)
        sent = time.perf_counter()
        with lock:
            sends.append(sent)
        try:
            status = client.get(path, params=params).status_code
        except httpx.HTTPError as exc:
            log.warning("request %d failed: %s", i, exc)
            status = 0
        done = time.perf_counter()
        with lock:
            results.append((status, (done - due) * 1000, (done - sent) * 1000))

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, range(total)))
    # Rate actually sent: below the target when the client (thread pool or machine) could not keep up.
    window = max(sends) - min(sends) if len(sends) > 1 else 0.0
    achieved = (len(sends) - 1) / window if window > 0 else float(len(sends))
    ok = [r for r in results if r[0] == 200]
    lat = [r[1] for r in ok]
    service = [r[2] for r in ok]
    return {"path": path, "params": params or {}, "target_rate": rate, "seconds": seconds, "sent": total,
            "ok": len(ok), "errors": total - len(ok), "achieved_rate": round(achieved, 1),
            "p50_ms": round(percentile(lat, 50), 1), "p90_ms": round(percentile(lat, 90), 1),
            "p99_ms": round(percentile(lat, 99), 1), "max_ms": round(max(lat, default=0.0), 1),
            "mean_ms": round(statistics.fmean(lat), 1) if lat else 0.0,
            "service_p50_ms": round(percentile(service, 50), 1),
            "service_p99_ms": round(percentile(service, 99), 1)}


def format_report(r: dict[str, Any]) -> str:
    """The result as a few readable lines."""
    return (f"GET {r['path']} {r['params'] or ''} at {r['target_rate']:g} req/s for {r['seconds']:g} s: "
            f"{r['sent']} sent, {r['ok']} ok, {r['errors']} errors, {r['achieved_rate']} req/s achieved\n"
            f"latency from scheduled send: p50 {r['p50_ms']} ms, p90 {r['p90_ms']} ms, p99 {r['p99_ms']} ms, "
            f"max {r['max_ms']} ms (server only: p50 {r['service_p50_ms']} ms, p99 {r['service_p99_ms']} ms)")


def main() -> None:
    """Command line entry point."""
    from newsledger.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="DuckDB store to serve (opened read-only)")
    ap.add_argument("--rate", type=float, default=50.0, help="requests per second")
    ap.add_argument("--seconds", type=float, default=20.0, help="how long to send")
    ap.add_argument("--path", default="/api/events", help="endpoint to load")
    ap.add_argument("--param", action="append", default=[], help="query parameter NAME=VALUE (repeatable)")
    ap.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--in-process", action="store_true",
                    help="run the server in this process (a thread) instead of its own process")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    params = dict(p.split("=", 1) for p in args.param)
    server = serve(Settings.from_env().with_overrides(db=args.db)) if args.in_process else serve_process(args.db)
    with server as url:
        result = run_load(url, args.path, args.rate, args.seconds, params or None, args.workers)
    print(json.dumps(result) if args.json else format_report(result))


if __name__ == "__main__":
    main()
