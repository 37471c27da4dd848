"""The DuckDB store: migrations, idempotent batch writes, atomic batches, filtered reads."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
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
    Territory,
)
from newsledger.store import open_store
from newsledger.store.queries import Filters, count_events, get_event, list_events, list_quotes

TEXT = "Ukrainian forces took control of Lyman on Saturday, the defence ministry said."


def _result(aid: str = "a1", text: str = TEXT, outlet: str = "Test Wire") -> ArticleResult:
    art = Article(article_id=aid, text=text, outlet=outlet, published=datetime(2022, 10, 2))
    m = EventMention(article_id=aid, event_type="ASSAULT", mode="territory", actor=[Actor("Ukraine", "UKR", "UA", "MIL")],
                     recipient=[Actor("Russia", "RUS", "RU", "MIL")], modality="reported", trigger="took control",
                     trigger_start=17, trigger_end=29, sentence=text, sent_start=0, sent_end=len(text),
                     clause_start=0, clause_end=50, territory=Territory("Lyman", "UKR", "RUS", 704147),
                     location=Location("Lyman", 704147, 48.98, 37.80, "Donetsk", "UA", "town"),
                     date="2022-10-01", date_precision="day", date_text="on Saturday")
    q = Quote(article_id=aid, text="Lyman is Ukrainian again", kind="direct", start=0, end=10,
              speaker="Volodymyr Zelenskyy", speaker_role="President")
    return ArticleResult(article=art, sentences=[(0, len(text))], mentions=[m], quotes=[q])


def _event(eid: str, etype: str = "ASSAULT", date: str = "2022-10-01", place: str = "Lyman",
           outlet: str = "Test Wire") -> Event:
    return Event(event_id=eid, event_type=etype, mode=None, actor=[Actor("Ukraine", "UKR", "UA", "MIL")],
                 recipient=[Actor("Russia", "RUS", "RU", "MIL")], modality="asserted",
                 territory=Territory(place, "UKR", "RUS"), location=Location(place, 1, 48.9, 37.8, "Donetsk", "UA", "town"),
                 date=date, date_precision="day",
                 sources=[Source("a1", outlet, None, TEXT, 0, len(TEXT), trigger="took control")],
                 n_sources=1, n_independent_sources=1)


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    with open_store(db) as s:
        assert s.migrate() == 1
        assert s.count("articles") == 0
    with open_store(db) as s:
        assert [r["version"] for r in s.query("SELECT version FROM schema_migrations")] == [1]


def test_write_is_idempotent(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as s:
        assert s.write_results([_result()], "v") == 1
        assert s.write_results([_result()], "v") == 0
        assert s.count("articles") == 1 and s.count("mentions") == 1 and s.count("quotes") == 1
        (mid, m), = s.mentions()
        assert m.territory == Territory("Lyman", "UKR", "RUS", 704147)
        assert m.actor[0].code == "UKR" and m.location.geonameid == 704147


def test_failed_batch_leaves_earlier_batches_intact(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as s:
        s.write_results([_result("a1")], "v")
        bad = _result("a2")
        # A figure whose value is not a number fails the last insert: the whole batch must roll back.
        bad.figures.append(Figure(article_id="a2", text="many", value="many", start=0, end=4))  # type: ignore[arg-type]
        with pytest.raises(duckdb.Error):
            s.write_results([bad], "v")
        assert s.count("articles") == 1 and s.count("mentions") == 1
        assert s.known_ids(["a1", "a2"]) == {"a1"}


def test_links_are_written_with_the_batch(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as s:
        s.write_results([_result("a1"), _result("a2", TEXT + " More.")], "v",
                        {"a2": {"copy_group": "a1", "copy_kind": "syndicated", "copy_of": "a1", "copy_score": 0.9,
                                "story_id": "s1"}})
        (_, meta), = [(a, m) for a, m in s.articles(ids=["a2"])]
        assert meta["copy_kind"] == "syndicated" and meta["story_id"] == "s1"


def test_replace_events_and_filters(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as s:
        s.write_results([_result()], "v")
        s.replace_events([_event("e1"), _event("e2", "PROTEST", "2023-03-07", "Tbilisi", "Other Post")], {})
        assert count_events(s, Filters()) == 2
        assert [e.event_id for e in list_events(s, Filters(type="protest"))] == ["e2"]
        assert [e.event_id for e in list_events(s, Filters(since="2023-01-01"))] == ["e2"]
        assert [e.event_id for e in list_events(s, Filters(until="2022-10-01"))] == ["e1"]
        assert [e.event_id for e in list_events(s, Filters(place="lyman"))] == ["e1"]
        assert [e.event_id for e in list_events(s, Filters(outlet="other"))] == ["e2"]
        assert [e.event_id for e in list_events(s, Filters(actor="UKR"))] == ["e2", "e1"]
        e = get_event(s, "e1")
        assert e is not None and e.sources[0].sentence == TEXT and e.territory.gained_by == "UKR"
        s.replace_events([_event("e3")], {})
        assert [e.event_id for e in list_events(s, Filters())] == ["e3"]


@pytest.mark.parametrize("evil", ["' OR 1=1 --", "%", "_", "\\", "x'); DROP TABLE events; --", "\u0000"])
def test_filters_are_parameterised(tmp_path: Path, evil: str) -> None:
    with open_store(str(tmp_path / "s.duckdb")) as s:
        s.write_results([_result()], "v")
        s.replace_events([_event("e1")], {})
        for field in ("type", "place", "actor", "outlet", "modality", "story"):
            assert list_events(s, Filters(**{field: evil})) == []
        for field in ("since", "until"):
            with pytest.raises(ValueError, match="YYYY-MM-DD"):
                Filters(**{field: evil})
        assert list_quotes(s, Filters(speaker=evil)) == []
        assert s.count("events") == 1


def test_read_only_open_of_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    from newsledger.errors import NewsledgerError

    with pytest.raises(NewsledgerError, match="E200"):
        open_store(str(tmp_path / "none.duckdb"), read_only=True)
