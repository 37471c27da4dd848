"""Batch mode: the per-article pipeline mapped over many files by Ray Data actors, written as Parquet.

Reading and analysing are embarrassingly parallel, so they run on the workers; linking needs every article
(copies, stories, event merging), so it runs once afterwards in `newsledger load` (see `batch.load`).
"""

from __future__ import annotations

import glob
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger import CODER_VERSION
from newsledger.analyse import analyse
from newsledger.batch.records import article_from_json, article_to_json, result_to_json
from newsledger.errors import NewsledgerError
from newsledger.ingest.walk import expand_paths, read_path
from newsledger.settings import Settings

log = logging.getLogger(__name__)

# Articles per actor call: big enough for nlp.pipe to batch well, small enough to keep worker memory flat
# (64 matches the ingest batch, where commit overhead was measured at ~1%).
BATCH_ROWS = 64
# Logical CPUs asked by the light read and write tasks: fractional, so that `workers` one-CPU actors never
# starve them (with whole CPUs, 2 actors on a 2-CPU node left no slot for reads and the run hung).
IO_TASK_CPUS = 0.25
# Object store for a local Ray instance: results are small JSON strings, 256 MiB is plenty and keeps RSS down.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
OUTPUT_COLUMNS = ("article_id", "published", "outlet", "path", "n_mentions", "error", "coder_version", "result")


@dataclass
class BatchReport:
    """What a batch run did."""
    files: int = 0
    articles: int = 0
    errors: int = 0
    seconds: float = 0.0
    out: str = ""


def expand_inputs(patterns: Iterable[str]) -> list[str]:
    """Files matched by globs (`**` recurses) or found under directories, sorted and de-duplicated."""
    files: set[str] = set()
    for pattern in patterns:
        matches = glob.glob(pattern, recursive=True) if glob.has_magic(pattern) else [pattern]
        if not matches:
            log.warning("no file matches %s", pattern)
        for item in expand_paths(matches):
            if isinstance(item, NewsledgerError):
                log.warning("%s", item)
            elif item.is_file():
                files.add(str(item))
    return sorted(files)


def read_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One input file -> one row per article (or per read error); runs on the workers."""
    out = []
    for item in read_path(Path(row["path"]), int(row["max_chars"])):
        if isinstance(item, NewsledgerError):
            out.append({"path": row["path"], "article": "", "error": str(item)})
        else:
            out.append({"path": row["path"], "article": article_to_json(item), "error": ""})
    return out


def analyse_rows(rows: list[dict[str, Any]], settings: Settings) -> dict[str, list[Any]]:
    """Analyse the article rows of one batch; error rows pass through. Returns Parquet-ready columns."""
    cols: dict[str, list[Any]] = {c: [] for c in OUTPUT_COLUMNS}
    articles = [article_from_json(r["article"]) for r in rows if not r["error"]]
    for res in analyse(articles, settings):
        a = res.article
        for key, value in (("article_id", a.article_id), ("published", a.published.isoformat() if a.published
                                                                       else ""),
                           ("outlet", a.outlet or ""), ("path", a.source_path or ""), ("n_mentions", len(res.mentions)),
                           ("error", ""), ("coder_version", CODER_VERSION), ("result", result_to_json(res))):
            cols[key].append(value)
    for r in rows:
        if r["error"]:
            for key in OUTPUT_COLUMNS:
                cols[key].append({"path": r["path"], "error": r["error"], "n_mentions": 0}.get(key, ""))
    return cols


class AnalyseActor:
    """A Ray actor holding one loaded spaCy pipeline; Ray Data feeds it batches of article rows."""

    def __init__(self, settings: Settings):
        from newsledger.nlp.loader import get_nlp

        self.settings = settings.with_overrides(n_process=1)
        get_nlp(self.settings.spacy_model)  # load once per worker, before the first batch arrives

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        keys = list(batch)
        rows = [dict(zip(keys, vals, strict=True)) for vals in zip(*(batch[k] for k in keys), strict=True)]
        return analyse_rows(rows, self.settings)


def run_ray(inputs: Iterable[str], out: Path, settings: Settings, *, ray_address: str | None = None,
            workers: int = 2, batch_rows: int = BATCH_ROWS) -> BatchReport:
    """Read and analyse every input on Ray Data with `workers` model-holding actors; write Parquet to `out`."""
    try:
        import ray
    except ImportError as exc:
        raise NewsledgerError("E400", "batch mode needs Ray: pip install 'ray[data]==2.60.0'") from exc
    files = expand_inputs(inputs)
    report = BatchReport(files=len(files), out=str(out))
    if not files:
        raise NewsledgerError("E109", f"no input files match {list(inputs)}")
    started = time.perf_counter()
    own = not ray.is_initialized()
    if own:
        if ray_address:
            ray.init(address=ray_address, log_to_driver=False)
        else:
            # one logical CPU per actor, plus one for the read/write tasks and the driver's bookkeeping
            ray.init(num_cpus=max(workers, 1) + 1, include_dashboard=False, log_to_driver=False,
                     object_store_memory=LOCAL_OBJECT_STORE_BYTES, configure_logging=False)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ds = ray.data.from_items([{"path": f, "max_chars": settings.max_article_chars} for f in files],
                                 override_num_blocks=max(1, min(len(files), workers * 4)))
        # One JSONL file can hold thousands of articles, i.e. one block, and one block goes to one actor:
        # re-cut the rows into actor-sized blocks (streaming) so every worker gets a share.
        ds = ds.flat_map(read_rows, num_cpus=IO_TASK_CPUS).repartition(target_num_rows_per_block=batch_rows)
        ds = ds.map_batches(AnalyseActor, fn_constructor_kwargs={"settings": settings}, batch_size=batch_rows,
                            compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1, batch_format="numpy")
        out.mkdir(parents=True, exist_ok=True)
        ds.write_parquet(str(out), ray_remote_args={"num_cpus": IO_TASK_CPUS})
    finally:
        if own:
            ray.shutdown()
    report.seconds = time.perf_counter() - started
    report.articles, report.errors = _count_output(out)
    return report


def run_local(inputs: Iterable[str], out: Path, settings: Settings, batch_rows: int = BATCH_ROWS) -> BatchReport:
    """The same output without Ray, in this process: for small inputs, tests, and the 1-process baseline."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = expand_inputs(inputs)
    if not files:
        raise NewsledgerError("E109", f"no input files match {list(inputs)}")
    started = time.perf_counter()
    rows = [r for f in files for r in read_rows({"path": f, "max_chars": settings.max_article_chars})]
    out.mkdir(parents=True, exist_ok=True)
    writer = None
    try:
        for i in range(0, len(rows), batch_rows):
            table = pa.table(analyse_rows(rows[i:i + batch_rows], settings))
            if writer is None:
                writer = pq.ParquetWriter(str(out / "part-local-0.parquet"), table.schema)
            writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()
    report = BatchReport(files=len(files), seconds=time.perf_counter() - started, out=str(out))
    report.articles, report.errors = _count_output(out)
    return report


def _count_output(out: Path) -> tuple[int, int]:
    import pyarrow.compute as pc
    import pyarrow.dataset as pds

    files = sorted(str(p) for p in out.rglob("*.parquet"))
    if not files:
        return 0, 0
    table = pds.dataset(files, format="parquet").to_table(columns=["error"])
    errors = int(pc.sum(pc.not_equal(table["error"], "")).as_py() or 0)
    return table.num_rows - errors, errors
