"""Shared fixtures: one spaCy pipeline per test session, article builders."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsledger.models import Article


@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp.loader import get_nlp
    return get_nlp()


@pytest.fixture
def make_article():
    """Build an Article from text with an optional ISO publication date."""
    def _make(text: str, published: str | None = "2022-10-03", outlet: str = "Test Wire",
              article_id: str = "a1") -> Article:
        pub = datetime.fromisoformat(published) if published else None
        return Article(article_id=article_id, text=text, outlet=outlet, published=pub,
                       date_reason=None if pub else "missing")
    return _make
