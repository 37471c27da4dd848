"""Ingest with a worker pool (n_process=2) stores exactly what the serial ingest stores."""

from __future__ import annotations

from pathlib import Path

from newsledger.settings import Settings

ARTICLES = {
    "a.md": ("---\noutlet: Harbour Times\npublished: 2024-05-02\n---\nRebel fighters shelled the port of Marivka "
             "on Wednesday, killing 4 civilians, the regional governor said. \"We will rebuild,\" Mayor Olek "
             "Brant told reporters.\n"),
    "b.md": ("---\noutlet: Valley Post\npublished: 2024-05-03\n---\nPolice detained 30 protesters in the capital "
             "on Thursday after a march against fuel prices turned violent, officials said.\n"),
    "c.md": ("---\noutlet: Coastal Wire\npublished: 2024-05-03\n---\nRebel fighters shelled the port of Marivka "
             "on Wednesday, killing 4 civilians, the regional governor said on Thursday.\n"),
}


def test_pool_ingest_matches_serial(tmp_path: Path, nlp) -> None:
    del nlp  # loaded before the fork, so the workers inherit it
    from newsledger.analyse import close_pools
    from newsledger.pipeline import ingest_paths
    from newsledger.store import open_store

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, text in ARTICLES.items():
        (inputs / name).write_text(text)
    try:
        par = ingest_paths([inputs], Settings(db=str(tmp_path / "p.duckdb"), n_process=2))
    finally:
        close_pools()
    ser = ingest_paths([inputs], Settings(db=str(tmp_path / "s.duckdb")))
    assert par.stored == ser.stored == 3
    assert (par.mentions, par.events) == (ser.mentions, ser.events) and par.mentions > 0
    with open_store(str(tmp_path / "p.duckdb")) as a, open_store(str(tmp_path / "s.duckdb")) as b:
        for sql in ("SELECT mention_id, event_type, actor, location, event_date FROM mentions ORDER BY 1",
                    "SELECT article_id, copy_kind, copy_of, story_id FROM articles ORDER BY 1",
                    "SELECT quote_id, speaker, text FROM quotes ORDER BY 1",
                    "SELECT figure_id, value FROM figures ORDER BY 1"):
            assert a.query(sql) == b.query(sql)
