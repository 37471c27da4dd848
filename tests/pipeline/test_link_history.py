"""The link stage reads only the history it needs: per-article date windows and features read once."""

from __future__ import annotations

from datetime import datetime

from newsledger.models import Article, ArticleResult
from newsledger.pipeline import LINK_WINDOW_DAYS, _stored_features, _windows
from newsledger.store import open_store


def test_windows_merge_only_overlapping_dates():
    got = _windows([datetime(2024, 3, 1), datetime(2024, 1, 1), datetime(2024, 1, 3)])
    assert LINK_WINDOW_DAYS == 7
    assert got == [(datetime(2023, 12, 25), datetime(2024, 1, 10)), (datetime(2024, 2, 23), datetime(2024, 3, 8))]
    assert _windows([]) == []


class _CountingStore:
    def __init__(self) -> None:
        self.asked: list[list[str]] = []

    def article_features(self, ids: list[str]) -> dict[str, set[str]]:
        self.asked.append(list(ids))
        return {i: {f"name-{i}"} for i in ids}


def test_stored_features_are_read_once_per_article():
    store = _CountingStore()
    first = _stored_features(store, ["a", "b"])  # type: ignore[arg-type]
    second = _stored_features(store, ["b", "c"])  # type: ignore[arg-type]
    assert first == {"a": {"name-a"}, "b": {"name-b"}}
    assert second == {"b": {"name-b"}, "c": {"name-c"}}
    assert store.asked == [["a", "b"], ["c"]]


def test_articles_without_text_keep_dates_and_links(tmp_path):
    art = Article(article_id="a1", text="KYIV - Shelling hit the port on Monday, officials said.",
                  outlet="Coastal Wire", url="https://news.example/a1", published=datetime(2024, 5, 6))
    result = ArticleResult(article=art, sentences=[(0, 55)], mentions=[], quotes=[], figures=[], places=[], times=[])
    with open_store(str(tmp_path / "s.duckdb")) as store:
        store.write_results([result], "test", {"a1": {"story_id": "s:a1", "copy_group": "a1"}})
        (full, meta_full), = store.articles()
        (bare, meta_bare), = store.articles(text=False)
    assert full.text.startswith("KYIV") and bare.text == ""
    assert (bare.published, bare.outlet, bare.url) == (full.published, full.outlet, full.url)
    assert meta_bare == meta_full and meta_bare["story_id"] == "s:a1"
