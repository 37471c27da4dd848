"""The `newsledger` command line: a thin layer over the library (ingest, query, control, eval)."""

from __future__ import annotations

import importlib
import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from newsledger.errors import NewsledgerError
from newsledger.settings import Settings
from newsledger.store import open_store
from newsledger.store.queries import (
    Filters,
    list_articles,
    list_events,
    list_figures,
    list_quotes,
    territory_events,
)
from newsledger.views import formats

app = typer.Typer(help="Turn news articles into a sourced, dated, geolocated record of events.",
                  no_args_is_help=True, add_completion=False)
# Wide enough for the events table when output goes to a file or a pipe (rich would assume 80 columns).
console = Console(width=None if sys.stdout.isatty() else 170)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 170)

# Modules that add their own commands with a `register(app)` function (views, batch).
COMMAND_MODULES = ("newsledger.views.cli_views", "newsledger.batch.cli")


class Fmt(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    acled = "acled"


DbOpt = Annotated[str | None, typer.Option("--db", help="DuckDB file or postgresql:// URL "
                                           "[default: newsledger.duckdb, or NEWSLEDGER_DB]")]
SinceOpt = Annotated[str | None, typer.Option(help="Earliest date (YYYY-MM-DD), inclusive")]
UntilOpt = Annotated[str | None, typer.Option(help="Latest date (YYYY-MM-DD), inclusive")]
OutletOpt = Annotated[str | None, typer.Option(help="Outlet name contains this")]
LimitOpt = Annotated[int | None, typer.Option(help="At most this many rows")]
FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format")]


def settings_for(db: str | None, **overrides: object) -> Settings:
    return Settings.from_env().with_overrides(db=db, **overrides)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details")] = False) -> None:
    """newsledger: sourced, dated, geolocated, de-duplicated events from news."""
    _setup_logging(verbose)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .md .jsonl .json .html .rss .xml .warc .warc.gz)")],
    db: DbOpt = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
) -> None:
    """Read articles, extract events, quotes, figures, places and dates, and store them."""
    from newsledger.pipeline import ingest_paths

    settings = settings_for(db, spacy_model=model)
    try:
        with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("articles"), TimeElapsedColumn(), console=err, disable=quiet,
                      transient=True) as bar:
            task = bar.add_task("ingest", total=None)
            report = ingest_paths(paths, settings, progress=lambda n: bar.advance(task, n),
                                  on_error=lambda e: err.print(f"[yellow]skipped:[/] {e}"))
    except NewsledgerError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    msg = (f"read {report.read} articles: {report.stored} stored, {report.already_stored} already stored "
           f"(no-op); {report.mentions} event mentions; store now holds {report.events} events")
    if report.errors:
        msg += f"; {len(report.errors)} inputs failed"
    err.print(msg)
    if report.errors:
        raise typer.Exit(1)


def _emit_events(events: list, fmt: Fmt) -> None:
    if fmt is Fmt.json:
        print(formats.to_json(events))
    elif fmt is Fmt.jsonl:
        sys.stdout.write(formats.to_jsonl(events))
    elif fmt is Fmt.csv:
        sys.stdout.write(formats.to_csv([formats.event_flat(e) for e in events], formats.EVENT_CSV_COLUMNS))
    elif fmt is Fmt.geojson:
        print(json.dumps(formats.events_geojson(events), indent=2, ensure_ascii=False))
    elif fmt is Fmt.acled:
        from newsledger.views.acled import ACLED_COLUMNS, acled_columns

        sys.stdout.write(formats.to_csv([acled_columns(e) for e in events], ACLED_COLUMNS))
    else:
        t = Table(show_lines=False, pad_edge=False)
        for col, width in (("date", 10), ("event", 24), ("who -> whom", 28), ("where", 16), ("modality", 11),
                           ("src/ind", 7), ("evidence", 60)):
            t.add_column(col, overflow="fold", min_width=min(width, 12), max_width=width)
        for e in events:
            kind = e.event_type + (f" ({e.mode})" if e.mode else "")
            if e.territory:
                kind += f"\n{e.territory.place}: {e.territory.lost_by or '?'} -> {e.territory.gained_by or '?'}"
            who = ", ".join(a.name for a in e.actor) or "?"
            if e.recipient:
                who += " -> " + ", ".join(a.name for a in e.recipient)
            where = e.location.name if e.location and e.location.name else ""
            evidence = e.sources[0].sentence if e.sources else ""
            t.add_row(e.date or "?", kind, who, where, e.modality, f"{e.n_sources}/{e.n_independent_sources}",
                      evidence if len(evidence) <= 160 else evidence[:157] + "...")
        console.print(t)
        console.print(f"{len(events)} events")


def _filters(**kwargs: object) -> Filters:
    """Build query filters, turning a bad value into a usage error (exit 2) that says what to type."""
    try:
        return Filters(**kwargs)  # type: ignore[arg-type]
    except ValueError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


def _open_read(db: str | None):
    settings = settings_for(db)
    try:
        return open_store(settings.db, read_only=not settings.db_is_postgres)
    except NewsledgerError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def events(
    db: DbOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma-separated")] = None,
    place: Annotated[str | None, typer.Option(help="Place, region or ISO country code")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name or code (e.g. RUS)")] = None,
    outlet: OutletOpt = None,
    modality: Annotated[str | None, typer.Option(help="asserted, reported, speculative or negated")] = None,
    min_sources: Annotated[int | None, typer.Option(help="Minimum independent sources")] = None,
    limit: LimitOpt = None, fmt: FmtOpt = Fmt.table,
) -> None:
    """List merged events with their sources."""
    with _open_read(db) as store:
        evs = list_events(store, _filters(since=since, until=until, type=type, place=place, actor=actor,
                                         outlet=outlet, modality=modality, min_sources=min_sources, limit=limit))
    _emit_events(evs, fmt)


def _emit_rows(rows: list[dict], fmt: Fmt, columns: tuple[str, ...], title: str) -> None:
    if fmt is Fmt.json:
        print(formats.to_json(rows))
    elif fmt is Fmt.jsonl:
        sys.stdout.write(formats.to_jsonl(rows))
    elif fmt is Fmt.csv:
        sys.stdout.write(formats.to_csv(rows))
    elif fmt in (Fmt.geojson, Fmt.acled):
        err.print(f"[red]error:[/] --format {fmt.value} is for events only")
        raise typer.Exit(2)
    else:
        t = Table()
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*["" if r.get(c) is None else str(r.get(c))[:160] for c in columns])
        console.print(t)
        console.print(f"{len(rows)} {title}")


@app.command()
def quotes(
    db: DbOpt = None, since: SinceOpt = None, until: UntilOpt = None, outlet: OutletOpt = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name or role contains this")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, indirect and/or stance (comma-separated)")] = None,
    limit: LimitOpt = None, fmt: FmtOpt = Fmt.table,
) -> None:
    """List quotes with their speakers (kind: direct quote, indirect speech, or stance such as 'endorsed X')."""
    with _open_read(db) as store:
        rows = list_quotes(store, _filters(since=since, until=until, outlet=outlet, speaker=speaker, kind=kind,
                                           limit=limit))
    _emit_rows(rows, fmt, ("published", "outlet", "speaker", "speaker_role", "kind", "text"), "quotes")


@app.command()
def figures(
    db: DbOpt = None, since: SinceOpt = None, until: UntilOpt = None, outlet: OutletOpt = None,
    limit: LimitOpt = None, fmt: FmtOpt = Fmt.table,
) -> None:
    """List figures (numbers with what they count and who claims them)."""
    with _open_read(db) as store:
        rows = list_figures(store, _filters(since=since, until=until, outlet=outlet, limit=limit))
    _emit_rows(rows, fmt, ("published", "outlet", "text", "value", "bound", "counts", "subject", "claimed_by"),
               "figures")


@app.command()
def articles(
    db: DbOpt = None, since: SinceOpt = None, until: UntilOpt = None, outlet: OutletOpt = None,
    limit: LimitOpt = None, fmt: FmtOpt = Fmt.table,
) -> None:
    """List stored articles with their copy and story links."""
    with _open_read(db) as store:
        rows = list_articles(store, _filters(since=since, until=until, outlet=outlet, limit=limit))
    _emit_rows(rows, fmt, ("published", "outlet", "title", "copy_kind", "copy_of", "story_id"), "articles")


@app.command()
def control(
    place: Annotated[str, typer.Argument(help="Place name, e.g. Lyman")],
    db: DbOpt = None, fmt: FmtOpt = Fmt.table,
) -> None:
    """The dated history of who controls a place, with sources."""
    from newsledger.views.control import control_history

    with _open_read(db) as store:
        history = control_history(territory_events(store, place), place)
    if fmt in (Fmt.json, Fmt.jsonl):
        print(formats.to_json(history) if fmt is Fmt.json else formats.to_jsonl(history), end="")
        return
    t = Table(title=f"Control of {place}")
    for c in ("date", "gained_by", "lost_by", "sources"):
        t.add_column(c, overflow="fold")
    for h in history:
        srcs = "; ".join(f"{s.get('outlet')}: {s.get('sentence', '')[:100]}" for s in h.get("sources", []))
        t.add_row(str(h.get("date")), str(h.get("gained_by")), str(h.get("lost_by")), srcs)
    console.print(t)


@app.command("eval")
def evaluate(
    kind: Annotated[str, typer.Argument(help="plover, timex, quotes, figures or geo")],
    data: Annotated[Path, typer.Option(help="Path to the evaluation corpus (file or folder)")],
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object")] = False,
    limit: LimitOpt = None,
    split: Annotated[str | None, typer.Option(help="Corpus split, where it has several (quotes: dev; figures: dev|test|all)")] = None,
) -> None:
    """Score a stage against an external corpus and print the corpus's standard metrics."""
    from newsledger.evaluation import KINDS, report, run

    if kind not in KINDS:
        err.print(f"[red]error:[/] unknown evaluation {kind!r}; choose one of {', '.join(KINDS)}")
        raise typer.Exit(2)
    if not data.exists():
        err.print(f"[red]error:[/] [E300] {data}: evaluation data not found")
        raise typer.Exit(2)
    opts: dict[str, object] = {"limit": limit}
    if split:
        opts["split"] = split
    result = run(kind, data, **opts)
    print(json.dumps(result) if json_out else report(kind, result))


@app.command()
def errors() -> None:
    """List the error codes newsledger can report and what they mean."""
    from newsledger.errors import CATALOGUE

    for code, meaning in CATALOGUE.items():
        console.print(f"{code}  {meaning}")


def _register_extensions() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(app)


_register_extensions()
