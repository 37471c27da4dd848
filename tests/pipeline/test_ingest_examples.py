"""The main job end to end on the bundled examples: store, idempotent re-ingest, CLI output contract."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.pipeline import ingest_paths
from newsledger.settings import Settings
from newsledger.store import open_store
from newsledger.views.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
EVENT_KEYS = {"event_id", "event_type", "mode", "actor", "recipient", "modality", "territory", "location", "date",
              "date_precision", "sources", "n_sources", "n_independent_sources", "story_id", "confidence",
              "disagreements"}
ACTOR_KEYS = {"name", "code", "country", "sector"}
LOCATION_KEYS = {"name", "geonameid", "lat", "lon", "admin1", "country", "precision"}
SOURCE_KEYS = {"article_id", "outlet", "url", "sentence", "start", "end"}


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("examples") / "ex.duckdb")
    report = ingest_paths([EXAMPLES], Settings(db=db))
    assert not report.errors
    assert report.read == report.stored == 16
    return db


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


def test_reingest_is_a_noop_and_says_so(example_db: str, tmp_path: Path) -> None:
    db = str(tmp_path / "copy.duckdb")
    shutil.copy(example_db, db)
    with open_store(db) as s:
        before = {t: s.count(t) for t in ("articles", "mentions", "events", "quotes", "figures", "places")}
        ids_before = [r["event_id"] for r in s.query("SELECT event_id FROM events ORDER BY event_id")]
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "0 stored, 16 already stored (no-op)" in result.output
    with open_store(db) as s:
        assert {t: s.count(t) for t in before} == before
        assert [r["event_id"] for r in s.query("SELECT event_id FROM events ORDER BY event_id")] == ids_before


def test_events_json_follows_the_contract(example_db: str) -> None:
    code, out = _cli("events", "--db", example_db, "--format", "json")
    assert code == 0
    events = json.loads(out)
    assert len(events) >= 15
    with open_store(example_db, read_only=True) as s:
        texts = {r["article_id"]: r["text"] for r in s.query("SELECT article_id, text FROM articles")}
    for ev in events:
        assert EVENT_KEYS <= set(ev)
        assert ev["n_sources"] == len({src["article_id"] for src in ev["sources"]}) >= 1
        assert 1 <= ev["n_independent_sources"] <= ev["n_sources"]
        for a in ev["actor"] + ev["recipient"]:
            assert ACTOR_KEYS <= set(a)
        for src in ev["sources"]:
            assert SOURCE_KEYS <= set(src)
            # provenance: the sentence is exactly the article's text at the recorded span
            assert texts[src["article_id"]][src["start"]:src["end"]] == src["sentence"]
        if ev["location"]:
            assert LOCATION_KEYS <= set(ev["location"])


def test_town_events_carry_geonames_coordinates(example_db: str) -> None:
    code, out = _cli("events", "--db", example_db, "--format", "json", "--place", "Lyman")
    events = json.loads(out)
    assert events, "the Lyman story must produce events located in Lyman"
    lyman = [e for e in events if e["location"] and e["location"]["name"] == "Lyman"]
    assert lyman
    for e in lyman:
        loc = e["location"]
        assert loc["geonameid"] and loc["country"] == "UA" and loc["precision"] == "town"
        assert 48.8 < loc["lat"] < 49.1 and 37.6 < loc["lon"] < 38.0  # Lyman, Donetsk oblast


def test_syndicated_copy_is_not_independent(example_db: str) -> None:
    code, out = _cli("articles", "--db", example_db, "--format", "json")
    arts = {a["outlet"] + ":" + a["title"][:20]: a for a in json.loads(out)}
    herald = next(a for k, a in arts.items() if k.startswith("Regional Herald"))
    meridian = next(a for k, a in arts.items() if k.startswith("Meridian Wire:Ukrainian forces"))
    assert herald["copy_kind"] == "syndicated" and herald["copy_of"] == meridian["article_id"]
    assert herald["story_id"] == meridian["story_id"]


def test_geojson_and_csv_exports(example_db: str) -> None:
    code, out = _cli("events", "--db", example_db, "--format", "geojson")
    gj = json.loads(out)
    assert gj["type"] == "FeatureCollection" and gj["features"]
    lon, lat = gj["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    code, out = _cli("events", "--db", example_db, "--format", "csv", "--type", "ASSAULT")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and list(rows[0])[:4] == ["event_id", "date", "date_precision", "event_type"]
    assert {r["event_type"] for r in rows} == {"ASSAULT"}


def test_bad_file_in_batch_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "2022-11-11-meridian-kherson.md", src)
    (src / "broken.jsonl").write_text('{"text": "Police detained 12 protesters in Minsk."}\n{oops\n', "utf-8")
    (src / "empty.md").write_text("", "utf-8")
    db = str(tmp_path / "b.duckdb")
    result = CliRunner().invoke(app, ["ingest", str(src), "--db", db, "--quiet"])
    assert result.exit_code == 1
    assert "broken.jsonl:2" in result.output and "empty.md" in result.output
    assert result.output.count("broken.jsonl:2") == 1, "each bad input is reported once, not logged again"
    with open_store(db) as s:
        assert s.count("articles") == 2


def test_query_commands_filter(example_db: str) -> None:
    code, out = _cli("quotes", "--db", example_db, "--format", "json", "--speaker", "Zelenskyy")
    quotes = json.loads(out)
    assert quotes and all("Zelenskyy" in (q["speaker"] or "") for q in quotes)
    code, out = _cli("quotes", "--db", example_db, "--format", "json", "--kind", "direct,stance")
    kinds = {q["kind"] for q in json.loads(out)}
    assert code == 0 and kinds and kinds <= {"direct", "stance"}
    code, _ = _cli("quotes", "--db", example_db, "--kind", "rumour")
    assert code == 2
    code, out = _cli("articles", "--db", example_db, "--format", "json", "--outlet", "harbour")
    assert {a["outlet"] for a in json.loads(out)} == {"The Harbour Post"}
    code, out = _cli("events", "--db", example_db, "--format", "json", "--since", "2023-01-01")
    assert all(e["date"] >= "2023-01-01" for e in json.loads(out))
    code, _ = _cli("events", "--db", example_db, "--since", "last week")
    assert code == 2
