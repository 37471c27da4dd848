"""Batch mode: results survive Parquet, `load` links and merges like `ingest`, and Ray gives the same rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from newsledger.batch.records import result_from_json, result_to_json
from newsledger.models import (
    Actor,
    Article,
    ArticleResult,
    EventMention,
    Figure,
    Location,
    PlaceMention,
    Quote,
    Territory,
    TimeMention,
)
from newsledger.settings import Settings

STORY_A = ("---\noutlet: Harbour Times\npublished: 2024-03-05\n---\n"
           "Government troops recaptured the town of Velmar on Monday after three days of fighting, the army "
           "said. \"The town is under our control,\" General Anna Kovic told reporters. At least 14 soldiers "
           "were killed, according to the defence ministry.\n")
STORY_A_COPY = STORY_A.replace("Harbour Times", "Coastal Wire").replace("told reporters", "told journalists")
STORY_B = ("---\noutlet: Valley Post\npublished: 2024-03-06\n---\n"
           "Thousands of farmers protested in the capital on Tuesday against new fuel taxes. Police arrested "
           "20 people near the parliament building, a spokesman said.\n")


def _write_inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.md").write_text(STORY_A)
    (folder / "a_copy.md").write_text(STORY_A_COPY)
    (folder / "b.md").write_text(STORY_B)
    (folder / "empty.txt").write_text("")
    return folder


def test_result_json_round_trip() -> None:
    art = Article(article_id="x1", text="Rebels shelled Marivka.", outlet="W", published=datetime(2024, 1, 2, 3, 4))
    loc = Location("Marivka", 7, 47.0, 35.0, "Zaporizhzhia", "UA", "town", 0.9, "gazetteer")
    res = ArticleResult(
        article=art, sentences=[(0, 23)],
        mentions=[EventMention("x1", "ASSAULT", "bombard", [Actor("rebels", sector="REB")], [], "asserted",
                               "shelled", 7, 14, art.text, 0, 23, 0, 23, Territory("Marivka", "REB", "UKR"), loc,
                               "2024-01-02", "day", "Tuesday", 0.7, "v1")],
        quotes=[Quote("x1", "we hit it", "direct", 0, 9, speaker="A B")],
        figures=[Figure("x1", "12", 12.0, 0, 2, approximate=True)],
        places=[PlaceMention("x1", "Marivka", 15, 22, loc, "city")],
        times=[TimeMention("Tuesday", 0, 7, "DATE", "2024-01-02", "2024-01-02", "day", None, "x1")])
    back = result_from_json(result_to_json(res))
    assert back == res
    assert back.article.published == datetime(2024, 1, 2, 3, 4) and back.sentences == [(0, 23)]


def test_local_batch_then_load_matches_ingest(tmp_path: Path, nlp) -> None:
    del nlp  # the session fixture warms the cached pipeline that analyse() uses
    from newsledger.batch.load import load_dir
    from newsledger.batch.run import run_local
    from newsledger.pipeline import ingest_paths
    from newsledger.store import open_store

    inputs = _write_inputs(tmp_path / "in")
    report = run_local([str(inputs / "*.md"), str(inputs / "empty.txt")], tmp_path / "out", Settings())
    assert (report.files, report.articles, report.errors) == (4, 3, 1)

    loaded = load_dir(tmp_path / "out", Settings(db=str(tmp_path / "load.duckdb")))
    ingested = ingest_paths([inputs], Settings(db=str(tmp_path / "ingest.duckdb")))
    assert loaded.stored == ingested.stored == 3 and len(loaded.errors) == 1
    assert loaded.mentions == ingested.mentions and loaded.events == ingested.events
    with open_store(str(tmp_path / "load.duckdb")) as a, open_store(str(tmp_path / "ingest.duckdb")) as b:
        links = "SELECT article_id, copy_kind, copy_of FROM articles ORDER BY article_id"
        assert a.query(links) == b.query(links)
        ev = "SELECT event_type, event_date, n_sources FROM events ORDER BY 1, 2, 3"
        assert a.query(ev) == b.query(ev)
        assert a.count("quotes") == b.count("quotes") and a.count("figures") == b.count("figures")
    again = load_dir(tmp_path / "out", Settings(db=str(tmp_path / "load.duckdb")))
    assert again.stored == 0 and again.already_stored == 3  # idempotent


def test_load_of_folder_without_parquet_is_a_clear_error(tmp_path: Path) -> None:
    from newsledger.batch.load import load_dir
    from newsledger.errors import NewsledgerError

    with pytest.raises(NewsledgerError, match="newsledger batch"):
        load_dir(tmp_path, Settings(db=str(tmp_path / "x.duckdb")))


@pytest.mark.ray
def test_ray_batch_writes_the_same_rows_as_local(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'ray[data]==2.60.0')")
    import pyarrow.dataset as pds

    from newsledger.batch.run import run_local, run_ray

    inputs = _write_inputs(tmp_path / "in")
    ray_report = run_ray([str(inputs)], tmp_path / "ray", Settings(), workers=2, batch_rows=2)
    run_local([str(inputs)], tmp_path / "local", Settings())
    assert (ray_report.articles, ray_report.errors) == (3, 1)

    def rows(folder: Path) -> list[tuple[str, str]]:
        t = pds.dataset(str(folder), format="parquet").to_table(columns=["article_id", "result"])
        return sorted(zip(t["article_id"].to_pylist(), t["result"].to_pylist(), strict=True))

    assert rows(tmp_path / "ray") == rows(tmp_path / "local")


def test_batch_and_load_commands_are_registered(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsledger.views.cli import app

    runner = CliRunner()
    for cmd, option in (("batch", "--ray-address"), ("load", "--db")):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0 and option in res.output
    res = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 2
