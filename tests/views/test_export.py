"""Exports of the whole store or a filtered slice, in every format, through the library and the CLI."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsledger.store import open_store
from newsledger.store.queries import Filters
from newsledger.store.views_queries import events_for_export
from newsledger.views.cli import app
from newsledger.views.exports import EXPORT_FORMATS, export_bytes, plover_record, write_export


@pytest.fixture(scope="module")
def events(small_db):
    with open_store(str(small_db), read_only=True) as store:
        return events_for_export(store, Filters())


def test_events_come_oldest_first(events):
    assert [e.date for e in events] == sorted(e.date for e in events)


def test_csv_has_one_row_per_event(events):
    rows = list(csv.DictReader(io.StringIO(export_bytes(events, "csv").decode())))
    assert len(rows) == 4
    lyman = next(r for r in rows if r["event_id"] == "ev:lyman")
    assert lyman["gained_by"] == "UKR" and lyman["outlets"] == "Harbour Post; Meridian Wire"


def test_jsonl_round_trips_full_records(events):
    lines = export_bytes(events, "jsonl").decode().splitlines()
    assert len(lines) == 4
    rec = json.loads(next(x for x in lines if "ev:lyman" in x))
    assert len(rec["sources"]) == 2 and rec["disagreements"][0]["field"] == "date"


def test_geojson_points_are_lon_lat(events):
    gj = json.loads(export_bytes(events, "geojson"))
    lyman = next(f for f in gj["features"] if f["id"] == "ev:lyman")
    assert lyman["geometry"]["coordinates"] == [37.81, 48.99]


def test_parquet_is_typed_and_keeps_sources(events):
    table = pq.read_table(io.BytesIO(export_bytes(events, "parquet")))
    assert table.num_rows == 4
    assert str(table.schema.field("lat").type) == "double"
    row = next(r for r in table.to_pylist() if r["event_id"] == "ev:lyman")
    assert len(json.loads(row["sources"])) == 2


def test_acled_columns(events):
    rows = list(csv.DictReader(io.StringIO(export_bytes(events, "acled").decode())))
    assert len(rows) == 4 and "event_date" in rows[0] and "latitude" in rows[0]


def test_plover_lists_actors_and_resolution(events):
    rec = plover_record(next(e for e in events if e.event_id == "ev:arrests"))
    assert rec["event"] == "COERCE" and rec["actor"][0]["code"] == "GEO"
    assert isinstance(rec["recipient"], list)
    assert rec["location"][0]["resolution"] == 4
    assert rec["source"][0]["text"].startswith("Police in Tbilisi detained 66 people")
    data = json.loads(export_bytes(events, "plover"))
    assert len(data) == 4


def test_unknown_format_is_refused(events):
    with pytest.raises(ValueError, match="unknown export format"):
        export_bytes(events, "xls")


def test_write_export_to_path(events, tmp_path):
    for fmt in EXPORT_FORMATS:
        out = tmp_path / f"e.{fmt}"
        assert write_export(events, fmt, out) == out.stat().st_size > 0


def test_cli_export_filtered_slice(small_db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["export", "--db", str(small_db), "--format", "jsonl", "--place", "Tbilisi"])
    assert res.exit_code == 0, res.output
    assert {json.loads(x)["event_id"] for x in res.stdout.splitlines()} == {"ev:arrests", "ev:protest"}
    out = tmp_path / "slice.parquet"
    res = runner.invoke(app, ["export", "--db", str(small_db), "--format", "parquet", "--output", str(out),
                              "--min-sources", "2"])
    assert res.exit_code == 0, res.output
    assert pq.read_table(out).column("event_id").to_pylist() == ["ev:lyman"]


def test_cli_export_refuses_parquet_to_stdout_and_bad_dates(small_db):
    runner = CliRunner()
    res = runner.invoke(app, ["export", "--db", str(small_db), "--format", "parquet"])
    assert res.exit_code == 2 and "--output" in res.output
    res = runner.invoke(app, ["export", "--db", str(small_db), "--format", "csv", "--since", "last week"])
    assert res.exit_code == 2
