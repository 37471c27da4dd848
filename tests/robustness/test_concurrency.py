"""The API serves reads while an ingest writes, and no reader ever sees part of a batch."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path
from types import ModuleType

import httpx

from newsledger.ingest.normalise import article_id
from newsledger.models import Article, ArticleResult
from newsledger.settings import Settings

log = logging.getLogger(__name__)

TOKEN = "concurrency-test-token"
CITIES = ("Kharkiv", "Odesa", "Mykolaiv", "Dnipro", "Zaporizhzhia", "Sumy", "Poltava", "Chernihiv")
CLI = "from newsledger.views.cli import app; app(prog_name='newsledger')"
BATCHES = 4
PER_BATCH = 3


def _batch(b: int) -> list[dict[str, str]]:
    """Short wire reports written for this test, distinct per batch and item."""
    out = []
    for i in range(PER_BATCH):
        city = CITIES[(b * PER_BATCH + i) % len(CITIES)]
        out.append({"text": f"{city.upper()}, June {b + 1} (Test Wire) - Russian forces shelled {city} overnight, "
                            f"the regional governor said on Monday, and {b * PER_BATCH + i + 2} people were "
                            f"wounded in batch {b} item {i}.",
                    "outlet": "Test Wire", "published": f"2023-06-{b + 1:02d}"})
    return out


def test_reads_during_api_ingest_see_whole_batches(db_copy: Path, nlp, load_api: ModuleType) -> None:
    del nlp  # the server analyses with the session's cached pipeline
    settings = Settings(db=str(db_copy), api_token=TOKEN)
    problems: list[str] = []
    seen_counts: set[int] = set()
    reads = [0]
    done = threading.Event()
    with load_api.serve(settings) as url:
        with httpx.Client(base_url=url, timeout=60) as c:
            base = c.get("/api/health").json()["counts"]["articles"]
        allowed = {base + k * PER_BATCH for k in range(BATCHES + 1)}

        def reader() -> None:
            with httpx.Client(base_url=url, timeout=60) as c:
                while not done.is_set():
                    h = c.get("/api/health")
                    a = c.get("/api/articles", params={"limit": 5000})
                    e = c.get("/api/events", params={"limit": 5000})
                    reads[0] += 3
                    if {h.status_code, a.status_code, e.status_code} != {200}:
                        problems.append(f"status {h.status_code}/{a.status_code}/{e.status_code}")
                        continue
                    n_health, n_list = h.json()["counts"]["articles"], len(a.json()["articles"])
                    seen_counts.update((n_health, n_list))
                    if n_health not in allowed or n_list not in allowed:
                        problems.append(f"saw {n_health}/{n_list} articles: part of a batch")
                    page = e.json()
                    if page["total"] != len(page["events"]):
                        problems.append(f"events page total {page['total']} but {len(page['events'])} rows")

        readers = [threading.Thread(target=reader) for _ in range(2)]
        for t in readers:
            t.start()
        try:
            with httpx.Client(base_url=url, timeout=120) as w:
                for b in range(BATCHES):
                    r = w.post("/api/articles/batch", json={"articles": _batch(b)},
                               headers={"Authorization": f"Bearer {TOKEN}"})
                    assert r.status_code == 201, r.text
                    assert r.json()["stored"] == PER_BATCH
        finally:
            done.set()
            for t in readers:
                t.join(timeout=60)
        with httpx.Client(base_url=url, timeout=60) as c:
            final = c.get("/api/health").json()["counts"]["articles"]
    log.info("%d reads during the ingest; article counts seen: %s", reads[0], sorted(seen_counts))
    assert final == base + BATCHES * PER_BATCH
    assert reads[0] >= 6, "the readers did not get to read during the ingest"
    assert len(seen_counts) >= 2, "the readers never saw the store between two batches"
    assert not problems, problems[:10]


def test_cli_ingest_while_read_only_api_serves_fails_cleanly(db_copy: Path, load_api: ModuleType,
                                                               tmp_path: Path) -> None:
    """DuckDB allows one writing process: a CLI ingest beside a running server stops with a clear error."""
    art = tmp_path / "new.md"
    art.write_text("---\npublished: 2023-06-09\n---\nSUMY, June 9 (Test Wire) - Shelling hit Sumy on Friday, "
                   "officials said.\n", encoding="utf-8")
    with load_api.serve(Settings(db=str(db_copy))) as url:
        with httpx.Client(base_url=url, timeout=60) as c:
            before = c.get("/api/health").json()["counts"]
            proc = subprocess.run([sys.executable, "-c", CLI, "ingest", str(art), "--db", str(db_copy), "--quiet"],
                                  capture_output=True, text=True, timeout=120, check=False)
            after = c.get("/api/health")
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "E200" in proc.stderr and str(db_copy) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert after.status_code == 200 and after.json()["counts"] == before


def test_one_request_reads_one_snapshot(db_copy: Path) -> None:
    from newsledger.views.api import create_app

    app = create_app(Settings(db=str(db_copy), api_token=TOKEN))
    gate = app.state.gate
    try:
        with gate.read() as view:
            first = view.count("articles")
            with gate.write() as store:  # another request commits a batch meanwhile
                text = "ODESA, June 20 (Test Wire) - A drone struck the port of Odesa overnight, officials said."
                store.write_results([ArticleResult(Article(article_id=article_id(text), text=text))], "test")
            second = view.count("articles")
        with gate.read() as view:
            assert view.count("articles") == first + 1  # the write itself went through
    finally:
        gate.close()
    assert second == first
