"""The `batch` and `load` commands: Ray Data batch mode to Parquet, then a linked merge into a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsledger.errors import NewsledgerError
from newsledger.settings import Settings

err = Console(stderr=True)


def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or globs (quote them: 'news/**/*.jsonl')")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet output")],
    ray_address: Annotated[str | None, typer.Option("--ray-address",
                                                    help="Ray cluster to join (e.g. auto); default: start a "
                                                         "local instance")] = None,
    workers: Annotated[int, typer.Option(help="Actors, each holding one spaCy model (0: no Ray, this "
                                              "process)")] = 2,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use")] = None,
) -> None:
    """Analyse articles in parallel on Ray Data and write one Parquet row per article to --out."""
    from newsledger.batch.run import run_local, run_ray

    settings = Settings.from_env().with_overrides(spacy_model=model)
    try:
        if workers <= 0:
            report = run_local(inputs, out, settings)
        else:
            report = run_ray(inputs, out, settings, ray_address=ray_address, workers=workers)
    except NewsledgerError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    rate = report.articles / report.seconds if report.seconds else 0.0
    err.print(f"batch: {report.files} files, {report.articles} articles analysed, {report.errors} unreadable, "
              f"{report.seconds:.1f} s ({rate:.1f} articles/s) -> {report.out}; next: newsledger load {report.out}")


def load(
    directory: Annotated[Path, typer.Argument(help="Folder written by `newsledger batch`")],
    db: Annotated[str | None, typer.Option("--db", help="DuckDB file or postgresql:// URL "
                                           "[default: newsledger.duckdb, or NEWSLEDGER_DB]")] = None,
) -> None:
    """Merge batch output into a store: copy and story linking, then event merging, as `ingest` does."""
    from newsledger.batch.load import load_dir

    settings = Settings.from_env().with_overrides(db=db)
    try:
        report = load_dir(directory, settings)
    except NewsledgerError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    for e in report.errors:
        err.print(f"[yellow]skipped:[/] {e}")
    err.print(f"loaded {report.read} articles: {report.stored} stored, {report.already_stored} already stored; "
              f"{report.mentions} event mentions; store now holds {report.events} events")


def register(app: typer.Typer) -> None:
    """Add `batch` and `load` to the newsledger CLI."""
    app.command("batch")(batch)
    app.command("load")(load)
