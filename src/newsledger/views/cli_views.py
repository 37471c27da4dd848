"""The analyst-facing commands `serve`, `brief` and `export`, registered on the main Typer app."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsledger.errors import NewsledgerError


class BriefFmt(StrEnum):
    md = "md"
    html = "html"


class ExportFmt(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"
    parquet = "parquet"
    acled = "acled"
    plover = "plover"


DbOpt = Annotated[str | None, typer.Option("--db", help="DuckDB file or postgresql:// URL "
                                           "[default: newsledger.duckdb, or NEWSLEDGER_DB]")]


def _fail(msg: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {msg}", err=True)
    return typer.Exit(code)


def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    token: Annotated[str | None, typer.Option(
        help="Turn on the write endpoints, which then need this bearer token [or NEWSLEDGER_API_TOKEN]")] = None,
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the web page with map and timeline (at /)."""
    import uvicorn

    from newsledger.views.api import create_app
    from newsledger.views.cli import settings_for

    settings = settings_for(db, api_token=token)
    try:
        app = create_app(settings)
    except NewsledgerError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(f"serving {settings.db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def brief(
    date: Annotated[str, typer.Option("--date", help="The day to report on (YYYY-MM-DD)")],
    db: DbOpt = None,
    region: Annotated[str | None, typer.Option(help="Only this region: admin-1 name, country or place")] = None,
    fmt: Annotated[BriefFmt, typer.Option("--format", "-f", help="md (Markdown) or html")] = BriefFmt.md,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout")] = None,
) -> None:
    """The day's situation report: control changes, events by region and type, quotes, figures, disagreements."""
    from newsledger.views.brief import build_brief, render
    from newsledger.views.cli import _open_read

    with _open_read(db) as store:
        try:
            text = render(build_brief(store, date, region), fmt.value)
        except ValueError as exc:
            raise _fail(f"--date must be a date as YYYY-MM-DD ({exc})") from exc
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.write(text)


def export(
    fmt: Annotated[ExportFmt, typer.Option("--format", "-f", help="csv, jsonl, geojson, parquet, acled or plover")],
    db: DbOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="File to write (needed for parquet; default stdout)")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date (YYYY-MM-DD), inclusive")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date (YYYY-MM-DD), inclusive")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma-separated")] = None,
    place: Annotated[str | None, typer.Option(help="Place, region or ISO country code")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name or code (e.g. RUS)")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name contains this")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, reported, speculative or negated")] = None,
    min_sources: Annotated[int | None, typer.Option(help="Minimum independent sources")] = None,
) -> None:
    """Export the whole store, or a filtered slice, of events."""
    from newsledger.store.queries import Filters
    from newsledger.store.views_queries import events_for_export
    from newsledger.views.cli import _open_read
    from newsledger.views.exports import write_export

    if fmt is ExportFmt.parquet and output is None:
        raise _fail("--format parquet writes a binary file: give --output FILE")
    try:
        f = Filters(since=since, until=until, type=type, place=place, actor=actor, outlet=outlet,
                    modality=modality, min_sources=min_sources)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    with _open_read(db) as store:
        events = events_for_export(store, f)
    if output is None:
        write_export(events, fmt.value, sys.stdout.buffer)
        sys.stdout.flush()
    else:
        size = write_export(events, fmt.value, output)
        typer.echo(f"wrote {len(events)} events to {output} ({size} bytes)", err=True)


def register(app: typer.Typer) -> None:
    """Add `serve`, `brief` and `export` to the `newsledger` command."""
    app.command()(serve)
    app.command()(brief)
    app.command()(export)
