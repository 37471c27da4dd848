"""The real FastAPI app in-process over a small store: every endpoint, paging, errors, docs, write gate."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger.settings import Settings
from newsledger.views.api import create_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client(small_db):
    with TestClient(create_app(Settings(db=str(small_db)))) as c:
        yield c


def test_health_reports_counts_and_read_only(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["events"] == 4
    assert body["writable"] is False


def test_events_filters_and_paging(client):
    page = client.get("/api/events", params={"limit": 2}).json()
    assert page["total"] == 4 and len(page["events"]) == 2 and page["next_offset"] == 2
    last = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert last["next_offset"] is None
    ids = {e["event_id"] for e in page["events"]} | {e["event_id"] for e in last["events"]}
    assert len(ids) == 4
    assert [e["event_id"] for e in client.get("/api/events", params={"type": "COERCE"}).json()["events"]] == \
        ["ev:arrests"]
    assert client.get("/api/events", params={"actor": "RUS"}).json()["total"] == 1
    assert client.get("/api/events", params={"place": "Lyman"}).json()["total"] == 2
    assert client.get("/api/events", params={"outlet": "harbour"}).json()["total"] == 1
    assert client.get("/api/events", params={"modality": "reported"}).json()["total"] == 1
    assert client.get("/api/events", params={"min_sources": 2}).json()["total"] == 1
    assert client.get("/api/events", params={"since": "2023-01-01"}).json()["total"] == 2


def test_bad_filters_are_422(client):
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 422
    assert client.get("/api/events", params={"limit": -1}).status_code == 422
    assert client.get("/api/brief", params={"date": "2022-13-45"}).status_code == 422


def test_event_detail_highlights_trigger_actor_and_place(client):
    body = client.get("/api/events/ev:lyman").json()
    assert body["event"]["territory"]["gained_by"] == "UKR"
    assert {s["outlet"] for s in body["evidence"]} == {"Meridian Wire", "Harbour Post"}
    wire = next(s for s in body["evidence"] if s["outlet"] == "Meridian Wire")
    marked = {h["kind"]: wire["sentence"][h["start"]:h["end"]] for h in wire["highlights"]}
    assert marked["trigger"] == "took control"
    assert marked["actor"] == "Ukrainian forces"
    assert marked["place"] == "Lyman"
    assert wire["url"] == "https://wire.example/lyman"
    assert client.get("/api/events/ev:nothing").status_code == 404


def test_geojson_timeline_facets(client):
    gj = client.get("/api/events.geojson").json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 4
    assert gj["features"][0]["geometry"]["type"] == "Point"
    tl = client.get("/api/timeline").json()
    assert {"date": "2023-03-07", "type": "PROTEST", "n": 1} in tl
    f = client.get("/api/facets").json()
    assert f["types"] == ["ASSAULT", "COERCE", "PROTEST", "RETREAT"]
    assert "Harbour Post" in f["outlets"] and f["date_min"] == "2022-10-01"


def test_stories_places_control(client):
    stories = client.get("/api/stories").json()["stories"]
    lyman = next(s for s in stories if s["story_id"] == "s:lyman")
    assert lyman["n_articles"] == 2 and lyman["n_events"] == 2
    assert lyman["outlets"] == ["Harbour Post", "Meridian Wire"]
    one = client.get("/api/stories/s:lyman").json()
    assert len(one["articles"]) == 2 and len(one["events"]) == 2
    assert client.get("/api/stories/s:none").status_code == 404
    places = client.get("/api/places").json()["places"]
    assert {p["name"] for p in places} == {"Lyman", "Tbilisi"}
    assert next(p for p in places if p["name"] == "Lyman")["n_control_changes"] == 1
    ctl = client.get("/api/places/Lyman/control").json()
    assert ctl["history"][0]["holder_after"] == "UKR"
    assert ctl["location"]["lat"] == pytest.approx(48.99)


def test_quotes_figures_articles(client):
    quotes = client.get("/api/quotes", params={"speaker": "zelenskyy"}).json()["quotes"]
    assert len(quotes) == 2 and quotes[0]["kind"] == "direct"
    direct = client.get("/api/quotes", params={"kind": "direct"}).json()["quotes"]
    assert direct and {q["kind"] for q in direct} == {"direct"}
    assert client.get("/api/quotes", params={"kind": "gossip"}).status_code == 422
    figs = client.get("/api/figures").json()["figures"]
    assert {f["value"] for f in figs} == {5000.0, 66.0}
    arts = client.get("/api/articles", params={"outlet": "Capital"}).json()["articles"]
    assert [a["article_id"] for a in arts] == ["geo1"]


def test_brief_formats(client):
    md = client.get("/api/brief", params={"date": "2022-10-01"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert "## Control changes" in md.text
    html = client.get("/api/brief", params={"date": "2022-10-01", "format": "html"})
    assert html.text.startswith("<!doctype html>")
    js = client.get("/api/brief", params={"date": "2023-03-07", "format": "json"}).json()
    assert js["n_events"] == 2


def test_export_endpoint_formats(client):
    import pyarrow.parquet as pq

    csv = client.get("/api/export", params={"format": "csv", "type": "ASSAULT"})
    assert csv.text.splitlines()[0].startswith("event_id,") and len(csv.text.splitlines()) == 2
    assert "attachment" in csv.headers["content-disposition"]
    pq_bytes = client.get("/api/export", params={"format": "parquet"}).content
    assert pq.read_table(io.BytesIO(pq_bytes)).num_rows == 4
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422


def test_web_routes_serve_page_assets_and_tiles(client):
    page = client.get("/")
    assert page.status_code == 200 and 'id="map"' in page.text
    assert client.get("/place/Lyman").status_code == 200
    assets = client.get("/api/web/assets").json()
    assert assets["leaflet"] and assets["markercluster"]
    assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
    if assets["basemap"]:
        tile = client.get("/tiles/0/0/0.png")
        assert tile.status_code == 200 and tile.content[:4] == b"\x89PNG"
    assert client.get("/tiles/30/0/0.png").status_code == 404


def test_interactive_docs_need_no_internet(client):
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert "cdn.jsdelivr.net" not in html and "/static-docs/" in html
    js = client.get("/static-docs/swagger-ui-bundle.js")
    assert js.status_code == 200 and len(js.content) > 100_000


def test_write_endpoints_off_without_token(client):
    r = client.post("/api/articles", json={"text": "Troops shelled the town on Monday."})
    assert r.status_code == 403 and "token" in r.json()["detail"]


def test_write_endpoints_need_the_token_and_ingest(small_db, tmp_path, nlp):
    db = tmp_path / "rw.duckdb"
    shutil.copy(small_db, db)
    settings = Settings(db=str(db), api_token="s3cret", max_request_bytes=20_000)
    art = {"text": "Russian forces shelled the town of Kupiansk on Monday, the regional governor said.",
           "outlet": "Test Wire", "published": "2022-10-10", "title": "Shelling in Kupiansk"}
    with TestClient(create_app(settings)) as c:
        assert c.post("/api/articles", json=art).status_code == 401
        assert c.post("/api/articles", json=art, headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = c.post("/api/articles", json=art, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201, ok.text
        assert ok.json()["stored"] == 1
        again = c.post("/api/articles/batch", json={"articles": [art]}, headers={"Authorization": "Bearer s3cret"})
        assert again.json()["stored"] == 0 and again.json()["already_stored"] == 1
        assert c.get("/api/health").json()["counts"]["articles"] == 4
        big = {"text": "x" * 30_000}
        assert c.post("/api/articles", json=big, headers={"Authorization": "Bearer s3cret"}).status_code == 413
        assert c.post("/api/articles", json={"text": "  "},
                      headers={"Authorization": "Bearer s3cret"}).status_code == 422


def test_cors_only_when_configured(small_db):
    with TestClient(create_app(Settings(db=str(small_db)))) as c:
        r = c.get("/api/health", headers={"Origin": "https://analyst.example"})
        assert "access-control-allow-origin" not in r.headers
    with TestClient(create_app(Settings(db=str(small_db), cors_origins="https://analyst.example"))) as c:
        r = c.get("/api/health", headers={"Origin": "https://analyst.example"})
        assert r.headers["access-control-allow-origin"] == "https://analyst.example"


def test_missing_store_is_a_clear_error(tmp_path):
    from newsledger.errors import NewsledgerError

    with pytest.raises(NewsledgerError, match="E200"):
        create_app(Settings(db=str(tmp_path / "none.duckdb")))


def _readme_text() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_route_is_documented(client):
    """datasette's habit: an undocumented route fails the build (OpenAPI summary + description + README)."""
    spec = client.get("/openapi.json").json()
    readme = _readme_text()
    missing = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            if not op.get("summary") or not op.get("description"):
                missing.append(f"{method.upper()} {path}: no summary/description")
            for p in op.get("parameters", []):
                if not p.get("description"):
                    missing.append(f"{method.upper()} {path}: parameter {p['name']} undocumented")
        if path not in readme:
            missing.append(f"{path}: not in the README")
    assert not missing, "\n".join(missing)
    assert len(spec["paths"]) >= 18


def test_every_cli_option_is_documented():
    import typer.main

    from newsledger.views.cli import app

    cmd = typer.main.get_command(app)
    readme = _readme_text()
    missing = []
    for name in sorted(cmd.commands):  # type: ignore[attr-defined]
        sub = cmd.commands[name]  # type: ignore[attr-defined]
        if not sub.help:
            missing.append(f"{name}: no help")
        if f"newsledger {name}" not in readme:
            missing.append(f"{name}: not in the README")
        for p in sub.params:
            if getattr(p, "help", None) in (None, ""):
                missing.append(f"{name} {p.name}: no help")
            for opt in getattr(p, "opts", []):
                if opt.startswith("--") and not re.search(re.escape(opt) + r"\b", readme):
                    missing.append(f"{name} {opt}: not in the README")
    assert not missing, "\n".join(missing)
