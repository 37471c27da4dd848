"""`newsledger load DIR`: merge batch-mode Parquet into a store, with the same cross-article linking as ingest."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from newsledger.batch.records import result_from_json
from newsledger.errors import InputError, NewsledgerError
from newsledger.models import ArticleResult
from newsledger.pipeline import BATCH_ARTICLES, IngestReport, finish_events, store_results
from newsledger.settings import Settings
from newsledger.store import Store, open_store

log = logging.getLogger(__name__)


def _read_dir(directory: Path) -> tuple[list[tuple[str, str, str]], list[NewsledgerError]]:
    """(published, article_id, result JSON) rows and the read errors recorded by the workers."""
    import pyarrow.dataset as pds

    files = sorted(str(p) for p in directory.rglob("*.parquet"))
    if not files:
        raise NewsledgerError("E109", f"no Parquet files under {directory}; run `newsledger batch` first")
    try:
        table = pds.dataset(files, format="parquet").to_table(
            columns=["article_id", "published", "path", "error", "result"])
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) on foreign files
        raise NewsledgerError("E400", f"cannot read batch output in {directory}: {exc}") from exc
    rows, errors = [], []
    for aid, pub, path, error, result in zip(*(table[c].to_pylist() for c in table.column_names), strict=True):
        if error:
            errors.append(InputError("E400", f"batch worker could not read: {error}", path=path or None))
        else:
            rows.append((pub or "", aid, result))
    return rows, errors


def load_dir(directory: Path, settings: Settings, store: Store | None = None,
             progress: Callable[[int], None] | None = None) -> IngestReport:
    """Store every result under `directory` (oldest first, as ingest would), link, then merge events."""
    rows, errors = _read_dir(directory)
    rows.sort()  # publication order, so copies point at the earliest version as in a streaming ingest
    report = IngestReport(read=len(rows), errors=errors)
    own = store is None
    store = store or open_store(settings.db)
    try:
        seen: set[str] = set()
        for i in range(0, len(rows), BATCH_ARTICLES):
            chunk = rows[i:i + BATCH_ARTICLES]
            known = store.known_ids(aid for _, aid, _ in chunk)
            results: list[ArticleResult] = []
            for _, aid, text in chunk:
                if aid in known or aid in seen:
                    report.already_stored += 1
                    continue
                seen.add(aid)
                results.append(result_from_json(text))
            if results:
                store_results(results, store, settings, report)
            if progress:
                progress(len(chunk))
        finish_events(store, settings, report)
    finally:
        if own:
            store.close()
    return report
