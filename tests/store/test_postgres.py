"""The PostgreSQL backend against a real server (started by .ci/setup-postgres.sh): same schema, same queries."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import quote

import pytest

from newsledger.models import (
    Actor,
    Article,
    ArticleResult,
    Event,
    EventMention,
    Figure,
    Location,
    Quote,
    Source,
)
from newsledger.store.postgres import translate

PG_URL = os.environ.get("NEWSLEDGER_TEST_PG_URL", "")
TEXT = "Rebel fighters shelled the port of Marivka on Tuesday, the regional governor said."


def _url_with_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema, dropped afterwards; skips when no server is available."""
    if not PG_URL:
        pytest.skip("no PostgreSQL server: NEWSLEDGER_TEST_PG_URL is unset (.ci/setup-postgres.sh starts one)")
    psycopg = pytest.importorskip("psycopg", reason="psycopg 3 is not installed (pip install 'psycopg[binary]')")
    schema = "t_" + uuid.uuid4().hex[:12]
    try:
        with psycopg.connect(PG_URL, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL at NEWSLEDGER_TEST_PG_URL does not answer: {exc}")
    yield _url_with_schema(PG_URL, schema)
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _result(aid: str = "p1", text: str = TEXT) -> ArticleResult:
    art = Article(article_id=aid, text=text, outlet="Test Wire", published=datetime(2023, 4, 4))
    m = EventMention(article_id=aid, event_type="ASSAULT", mode="bombard", actor=[Actor("rebels", None, None, "REB")],
                     recipient=[], modality="asserted", trigger="shelled", trigger_start=15, trigger_end=22,
                     sentence=text, sent_start=0, sent_end=len(text), clause_start=0, clause_end=len(text),
                     location=Location("Marivka", 1, 47.1, 35.2, "Zaporizhzhia", "UA", "town"), date="2023-04-04",
                     date_precision="day", date_text="on Tuesday")
    q = Quote(article_id=aid, text="the port was hit", kind="indirect", start=0, end=16, speaker="Ivan Petrenko",
              speaker_role="governor")
    f = Figure(article_id=aid, text="12", value=12.0, start=0, end=2, counts="shells")
    return ArticleResult(article=art, sentences=[(0, len(text))], mentions=[m], quotes=[q], figures=[f])


def _event(eid: str, etype: str = "ASSAULT", date: str = "2023-04-04", place: str = "Marivka") -> Event:
    return Event(event_id=eid, event_type=etype, mode=None, actor=[Actor("rebels", "REB", None, "REB")],
                 recipient=[], modality="asserted", territory=None, location=Location(place, 1, 47.1, 35.2, "Zaporizhzhia", "UA"),
                 date=date, date_precision="day", sources=[Source("p1", "Test Wire", None, TEXT, 0, len(TEXT))],
                 n_sources=1, n_independent_sources=1)


def test_translate_marks_percent_and_double() -> None:
    assert translate("SELECT a FROM t WHERE b LIKE ? AND c = '%'") == "SELECT a FROM t WHERE b LIKE %s AND c = '%%'"
    assert "DOUBLE PRECISION" in translate("CREATE TABLE x (v DOUBLE, w DOUBLE PRECISION)")
    assert translate("CREATE TABLE x (v DOUBLE, w DOUBLE PRECISION)").count("PRECISION") == 2
    assert translate("SELECT 'DOUBLE' FROM t") == "SELECT 'DOUBLE' FROM t"


@pytest.mark.postgres
def test_postgres_schema_writes_and_queries(pg_url: str) -> None:
    from newsledger.store import open_store
    from newsledger.store.queries import (
        Filters,
        count_events,
        get_event,
        list_events,
        list_figures,
        list_quotes,
    )

    with open_store(pg_url) as s:
        assert type(s).__name__ == "PostgresStore"
        assert s.migrate() == 1
        assert s.write_results([_result()], "v") == 1
        assert s.write_results([_result()], "v") == 0  # idempotent
        assert s.count("articles") == 1 and s.count("mentions") == 1 and s.count("figures") == 1
        (_, m), = s.mentions()
        assert m.location.name == "Marivka" and m.actor[0].sector == "REB"
        (art, _), = s.articles(since=datetime(2023, 4, 1), until=datetime(2023, 4, 5))
        assert art.text == TEXT and art.published == datetime(2023, 4, 4)
        assert s.article_features(["p1"])["p1"] >= {"rebels"}
        s.replace_events([_event("e1"), _event("e2", "PROTEST", "2023-05-01", "Tbilisi")], {})
        assert count_events(s, Filters()) == 2
        assert [e.event_id for e in list_events(s, Filters(type="protest"))] == ["e2"]
        assert [e.event_id for e in list_events(s, Filters(until="2023-04-04"))] == ["e1"]
        assert [e.event_id for e in list_events(s, Filters(place="marivka"))] == ["e1"]
        assert get_event(s, "e2").location.name == "Tbilisi"
        assert list_quotes(s, Filters(speaker="petrenko"))[0]["speaker"] == "Ivan Petrenko"
        assert list_figures(s, Filters(since="2023-04-04", until="2023-04-04"))[0]["value"] == 12.0
    with open_store(pg_url) as s:  # reopening does not re-apply migrations
        assert [r["version"] for r in s.query("SELECT version FROM schema_migrations")] == [1]


@pytest.mark.postgres
@pytest.mark.parametrize("evil", ["' OR 1=1 --", "%", "_", "\\", "?", "\u0000"])
def test_postgres_filters_are_parameterised(pg_url: str, evil: str) -> None:
    from newsledger.store import open_store
    from newsledger.store.queries import Filters, list_events, list_quotes

    with open_store(pg_url) as s:
        s.write_results([_result()], "v")
        s.replace_events([_event("e1")], {})
        for field in ("type", "place", "actor", "outlet", "modality", "story"):
            assert list_events(s, Filters(**{field: evil})) == []
        assert list_quotes(s, Filters(speaker=evil)) == []
        assert s.count("events") == 1


@pytest.mark.postgres
def test_postgres_failed_batch_rolls_back(pg_url: str) -> None:
    import psycopg

    from newsledger.store import open_store

    with open_store(pg_url) as s:
        s.write_results([_result("p1")], "v")
        bad = _result("p2")
        bad.figures.append(Figure(article_id="p2", text="many", value="many", start=5, end=9))  # type: ignore[arg-type]
        with pytest.raises(psycopg.Error):
            s.write_results([bad], "v")
        assert s.known_ids(["p1", "p2"]) == {"p1"} and s.count("mentions") == 1


def test_unreachable_server_is_a_clear_error() -> None:
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed")
    from newsledger.errors import NewsledgerError
    from newsledger.store import open_store

    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    with pytest.raises(NewsledgerError, match="E200") as info:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(info.value)


@pytest.mark.postgres
def test_ingest_into_postgres_matches_duckdb(pg_url: str, tmp_path, nlp) -> None:
    del nlp  # warms the cached pipeline
    from pathlib import Path

    from newsledger.pipeline import ingest_paths
    from newsledger.settings import Settings
    from newsledger.store import open_store

    examples = Path(__file__).resolve().parents[2] / "examples" / "articles"
    inputs = sorted(examples.glob("*.md"))[:3]
    pg = ingest_paths(inputs, Settings(db=pg_url))
    duck = ingest_paths(inputs, Settings(db=str(tmp_path / "d.duckdb")))
    assert pg.stored == duck.stored == len(inputs)
    assert (pg.mentions, pg.events) == (duck.mentions, duck.events)
    sql = "SELECT event_type, event_date, n_sources, n_independent_sources FROM events ORDER BY 1, 2, 3, 4"
    with open_store(pg_url) as a, open_store(str(tmp_path / "d.duckdb")) as b:
        assert a.query(sql) == b.query(sql)
        assert a.count("places") == b.count("places") and a.count("times") == b.count("times")
    again = ingest_paths(inputs, Settings(db=pg_url))
    assert again.stored == 0 and again.already_stored == len(inputs)
