"""A fork server for the crash tests: load spaCy once, then fork one `newsledger ingest` child per request.

Run as a script. Protocol on stdin/stdout, one line each:
  in:  JSON {"argv": [...CLI args...], "batch": N, "pause": seconds}
  out: "READY" once; then per request "PID <pid>", from the child "STEP <n>" after every SQL statement,
       and "EXIT <pid> <status>" (negative status: killed by that signal).
Forked children skip the seconds of model loading, so a test can afford many kills.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _instrument(pause: float) -> None:
    """Announce every SQL statement on stdout and pause after it, so a kill can land between any two."""
    from newsledger.store.base import Store

    count = [0]
    # Every Store method that sends SQL; insert_rows/update_rows reach the connection without execute().
    for name in ("execute", "executemany", "insert_rows", "update_rows"):
        original = getattr(Store, name, None)
        if original is None:
            continue

        def wrapped(self, *args, _original=original, **kwargs):
            out = _original(self, *args, **kwargs)
            count[0] += 1
            os.write(1, f"STEP {count[0]}\n".encode())
            if pause:
                time.sleep(pause)
            return out

        setattr(Store, name, wrapped)


def _child(request: dict) -> int:
    import newsledger.pipeline as pipeline
    from newsledger.views.cli import app

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    pipeline.BATCH_ARTICLES = int(request.get("batch", pipeline.BATCH_ARTICLES))
    _instrument(float(request.get("pause", 0.0)))
    try:
        app(request["argv"], prog_name="newsledger")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    return 0


def _warm_up() -> None:
    """Import and load everything an ingest loads lazily (model, gazetteer, embedder), once, before forking."""
    from datetime import datetime

    import newsledger.pipeline  # noqa: F401
    from newsledger.analyse import analyse
    from newsledger.link.embed import get_embedder
    from newsledger.link.merge import merge_events  # noqa: F401
    from newsledger.models import Article
    from newsledger.settings import Settings
    from newsledger.views import cli  # noqa: F401 - the CLI and its registered extensions

    settings = Settings.from_env()
    text = ("KYIV, May 2 (Test Wire) - Russian forces shelled the town of Kupiansk on Monday, the regional "
            "governor said, and 3 people were killed.")
    list(analyse([Article(article_id="warm", text=text, published=datetime(2022, 5, 2))], settings))
    get_embedder(settings.embeddings)


def main() -> None:
    """Load the pipeline, then serve fork requests until stdin closes."""
    _warm_up()
    print("READY", flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(request)
            finally:
                sys.stdout.flush()
                os._exit(code)
        print(f"PID {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        print(f"EXIT {pid} {code}", flush=True)


if __name__ == "__main__":
    main()
