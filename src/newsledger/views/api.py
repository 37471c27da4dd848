"""The REST API (FastAPI, OpenAPI at /docs): read endpoints over the store, token-gated writes, the web page."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi_offline import FastAPIOffline

from newsledger import __version__
from newsledger.models import to_dict
from newsledger.settings import Settings
from newsledger.store.queries import (
    Filters,
    count_events,
    get_event,
    list_articles,
    list_events,
    list_figures,
    list_quotes,
    territory_events,
)
from newsledger.store.views_queries import (
    event_evidence,
    events_for_export,
    facets,
    get_story,
    list_places,
    list_stories,
    timeline,
)
from newsledger.views import formats
from newsledger.views.api_limits import BodySizeLimit
from newsledger.views.api_store import StoreGate

log = logging.getLogger(__name__)

# Page size when a client gives none, and the most one request may ask for: big enough for the map to draw a
# month of a busy conflict in one request, small enough that a response stays a few MB.
DEFAULT_LIMIT = 100
MAX_LIMIT = 5000
# Largest offset/export limit accepted: past 2**31 a number no longer fits the database's LIMIT/OFFSET.
MAX_OFFSET = 2**31 - 1

DESCRIPTION = """Read the newsledger store: merged events with every source sentence, stories, places and
their control history, quotes, figures, the daily brief and exports. Write endpoints (ingest articles) are off
unless the server has an API token (`NEWSLEDGER_API_TOKEN` or `newsledger serve --token`); they then need
`Authorization: Bearer <token>`."""


def _gate(request: Request) -> StoreGate:
    return request.app.state.gate


def event_filters(
    since: Annotated[str | None, Query(description="Earliest event date (YYYY-MM-DD), inclusive")] = None,
    until: Annotated[str | None, Query(description="Latest event date (YYYY-MM-DD), inclusive")] = None,
    type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated, e.g. ASSAULT,COERCE")] = None,
    place: Annotated[str | None, Query(description="Place, admin-1 region or ISO country code")] = None,
    actor: Annotated[str | None, Query(description="Actor name or code (e.g. RUS)")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name contains this")] = None,
    modality: Annotated[str | None, Query(description="asserted, reported, speculative or negated")] = None,
    min_sources: Annotated[int | None, Query(ge=0, description="Minimum independent sources")] = None,
    story: Annotated[str | None, Query(description="Story id")] = None,
    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Page size")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (paging)")] = 0,
) -> Filters:
    try:
        return Filters(since=since, until=until, type=type, place=place, actor=actor, outlet=outlet,
                       modality=modality, min_sources=min_sources, story=story, limit=limit, offset=offset)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


def article_filters(
    since: Annotated[str | None, Query(description="Earliest publication date (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="Latest publication date (YYYY-MM-DD)")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name contains this")] = None,
    speaker: Annotated[str | None, Query(description="Quotes only: speaker name or role contains this")] = None,
    kind: Annotated[str | None, Query(description="Quotes only: direct, indirect and/or stance, comma-separated")] = None,
    story: Annotated[str | None, Query(description="Story id")] = None,
    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Page size")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (paging)")] = 0,
) -> Filters:
    try:
        return Filters(since=since, until=until, outlet=outlet, speaker=speaker, kind=kind, story=story,
                       limit=limit, offset=offset)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


EventQ = Annotated[Filters, Depends(event_filters)]
ArticleQ = Annotated[Filters, Depends(article_filters)]
Gate = Annotated[StoreGate, Depends(_gate)]


def _page(total: int, f: Filters, key: str, rows: list[Any]) -> dict[str, Any]:
    nxt = f.offset + len(rows) if f.offset + len(rows) < total else None
    return {"total": total, "limit": f.limit, "offset": f.offset, "next_offset": nxt, key: rows}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API and web page over the store named by `settings.db` (opened once, see api_store)."""
    settings = settings or Settings.from_env()
    gate = StoreGate(settings, writable=bool(settings.api_token))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        gate.close()

    # FastAPIOffline serves Swagger UI and ReDoc from files in its wheel: /docs works without internet
    app = FastAPIOffline(title="newsledger", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                         static_url="/static-docs")
    app.state.gate = gate
    app.state.settings = settings
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    _read_routes(app)
    from newsledger.views.api_web import add_web_routes
    from newsledger.views.api_write import add_write_routes

    add_write_routes(app)
    add_web_routes(app)
    return app


def _read_routes(app: FastAPI) -> None:
    @app.get("/api/health", tags=["meta"], summary="Health and store size",
             description="Whether the store is readable, its counts, and whether write endpoints are on.")
    def health(gate: Gate) -> dict[str, Any]:
        with gate.read() as store:
            counts = {t: store.count(t) for t in ("articles", "events", "quotes", "figures")}
        return {"status": "ok", "version": __version__, "writable": gate.writable, "counts": counts}

    @app.get("/api/events", tags=["events"], summary="List events",
             description="Merged events matching the filters, newest first, with their sources; paged with "
                         "`limit` and `offset`.")
    def events(gate: Gate, f: EventQ) -> dict[str, Any]:
        with gate.read() as store:
            total = count_events(store, f)
            rows = [to_dict(e) for e in list_events(store, f)]
        return _page(total, f, "events", rows)

    @app.get("/api/events.geojson", tags=["events"], summary="Events as GeoJSON",
             description="Located events matching the filters as a GeoJSON FeatureCollection (the map's layer).")
    def events_geojson(gate: Gate, f: EventQ) -> Response:
        import json

        with gate.read() as store:
            evs = list_events(store, f)
        return Response(json.dumps(formats.events_geojson(evs), ensure_ascii=False),
                        media_type="application/geo+json")

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its evidence",
             description="The event record and each source sentence with the trigger, actors and places "
                         "marked as character spans of the sentence, the outlet and the link.")
    def event_detail(event_id: Annotated[str, Path(description="Event id (ev:...)")], gate: Gate) -> dict[str, Any]:
        with gate.read() as store:
            ev = get_event(store, event_id)
            if ev is None:
                raise HTTPException(status_code=404, detail=f"no event {event_id}")
            evidence = event_evidence(store, ev)
        return {"event": to_dict(ev), "evidence": evidence}

    @app.get("/api/timeline", tags=["events"], summary="Event counts per day",
             description="Counts of dated events per day and type for the filters (the timeline).")
    def get_timeline(gate: Gate, f: EventQ) -> list[dict[str, Any]]:
        with gate.read() as store:
            return timeline(store, f)

    @app.get("/api/facets", tags=["events"], summary="Filter values",
             description="Event types, modalities, outlets and places present, and the store's date range.")
    def get_facets(gate: Gate) -> dict[str, Any]:
        with gate.read() as store:
            return facets(store)

    @app.get("/api/stories", tags=["stories"], summary="List stories",
             description="Stories (articles clustered about one development) with size, outlets and headline.")
    def stories(gate: Gate, f: ArticleQ) -> dict[str, Any]:
        with gate.read() as store:
            rows = list_stories(store, f)
        return {"limit": f.limit, "offset": f.offset, "stories": rows}

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story",
             description="A story's articles (oldest first) and its merged events.")
    def story(story_id: Annotated[str, Path(description="Story id (s:...)")], gate: Gate) -> dict[str, Any]:
        with gate.read() as store:
            s = get_story(store, story_id)
        if s is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        s["events"] = [to_dict(e) for e in s["events"]]
        return s

    @app.get("/api/places", tags=["places"], summary="List places",
             description="Places events are located at, with event counts and control changes.")
    def places(gate: Gate, f: EventQ) -> dict[str, Any]:
        with gate.read() as store:
            rows = list_places(store, f)
        return {"limit": f.limit, "offset": f.offset, "places": rows}

    @app.get("/api/places/{name}/control", tags=["places"], summary="Control history of a place",
             description="Dated changes of territorial control of the place, oldest first, with who held it "
                         "after each change and the sources.")
    def place_control(name: Annotated[str, Path(description="Place name, e.g. Lyman")], gate: Gate,
                      unconfirmed: Annotated[bool, Query(description="Include speculative and negated "
                                                                     "reports")] = False) -> dict[str, Any]:
        from newsledger.views.control import control_history

        with gate.read() as store:
            history = control_history(territory_events(store, name), name, include_unconfirmed=unconfirmed)
            located = list_places(store, Filters(place=name, limit=20))
        match = next((p for p in located if (p["name"] or "").lower() == name.lower()), None)
        return {"place": name, "location": match, "history": history}

    @app.get("/api/quotes", tags=["quotes and figures"], summary="List quotes",
             description="Quotes with speaker, role, kind (direct/indirect/stance), outlet and link; newest first.")
    def quotes(gate: Gate, f: ArticleQ) -> dict[str, Any]:
        with gate.read() as store:
            rows = list_quotes(store, f)
        return {"limit": f.limit, "offset": f.offset, "quotes": rows}

    @app.get("/api/figures", tags=["quotes and figures"], summary="List figures",
             description="Numbers with what they count, whose, and who claims them; newest first.")
    def figures(gate: Gate, f: ArticleQ) -> dict[str, Any]:
        with gate.read() as store:
            rows = list_figures(store, f)
        return {"limit": f.limit, "offset": f.offset, "figures": rows}

    @app.get("/api/articles", tags=["articles"], summary="List articles",
             description="Stored articles with outlet, link, copy and story verdicts; newest first.")
    def articles(gate: Gate, f: ArticleQ) -> dict[str, Any]:
        with gate.read() as store:
            rows = list_articles(store, f)
        return {"limit": f.limit, "offset": f.offset, "articles": rows}

    @app.get("/api/brief", tags=["brief"], summary="Daily brief",
             description="The day's situation report: control changes, events by region and type ranked by "
                         "independent sources, key quotes and figures, disagreements. `format` md, html or json.",
             response_model=None)
    def get_brief(
        gate: Gate,
        date: Annotated[str, Query(description="The day (YYYY-MM-DD)")],
        region: Annotated[str | None, Query(description="Only this region, country or place")] = None,
        format: Annotated[str, Query(pattern="^(md|html|json)$", description="md, html or json")] = "md",
    ) -> Response | dict[str, Any]:
        from dataclasses import asdict

        from newsledger.views.brief import build_brief, render

        with gate.read() as store:
            try:
                b = build_brief(store, date, region)
            except ValueError as exc:
                raise HTTPException(status_code=422, detail=f"date must be YYYY-MM-DD: {exc}") from exc
        if format == "json":
            return asdict(b)
        if format == "html":
            return HTMLResponse(render(b, "html"))
        return PlainTextResponse(render(b, "md"), media_type="text/markdown; charset=utf-8")

    @app.get("/api/export", tags=["exports"], summary="Export events",
             description="All events matching the filters (no paging unless `limit` is given) as csv, jsonl, "
                         "geojson, parquet, acled (ACLED-named columns) or plover (PLOVER JSON).")
    def export(
        gate: Gate,
        format: Annotated[str, Query(pattern="^(csv|jsonl|geojson|parquet|acled|plover)$",
                                     description="csv, jsonl, geojson, parquet, acled or plover")],
        since: Annotated[str | None, Query(description="Earliest event date (YYYY-MM-DD)")] = None,
        until: Annotated[str | None, Query(description="Latest event date (YYYY-MM-DD)")] = None,
        type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated")] = None,
        place: Annotated[str | None, Query(description="Place, admin-1 region or ISO country code")] = None,
        actor: Annotated[str | None, Query(description="Actor name or code")] = None,
        outlet: Annotated[str | None, Query(description="Outlet name contains this")] = None,
        modality: Annotated[str | None, Query(description="Modality")] = None,
        min_sources: Annotated[int | None, Query(ge=0, description="Minimum independent sources")] = None,
        limit: Annotated[int | None, Query(ge=0, le=MAX_OFFSET, description="At most this many events")] = None,
    ) -> Response:
        from newsledger.views.exports import EXTENSIONS, MEDIA_TYPES, export_bytes

        try:
            f = Filters(since=since, until=until, type=type, place=place, actor=actor, outlet=outlet,
                        modality=modality, min_sources=min_sources, limit=limit)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        with gate.read() as store:
            evs = events_for_export(store, f)
        return Response(export_bytes(evs, format), media_type=MEDIA_TYPES[format], headers={
            "Content-Disposition": f'attachment; filename="newsledger-events.{EXTENSIONS[format]}"'})
