"""Per-article analysis: one spaCy Doc in, every mention type out, each stage isolated from the others."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from spacy.tokens import Doc

from newsledger.extract.dating import assign_date
from newsledger.extract.events import extract_events
from newsledger.extract.figures import extract_figures
from newsledger.extract.locate import assign_location
from newsledger.extract.places import extract_places
from newsledger.extract.quotes import extract_quotes
from newsledger.extract.times import extract_times
from newsledger.models import Article, ArticleResult
from newsledger.nlp.loader import get_nlp
from newsledger.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")


def _guarded(stage: str, article: Article, fn: Callable[..., list[T]], *args: Any) -> list[T]:
    """Run one stage; a failure is logged with the article and stage, and the other stages still run."""
    try:
        return fn(*args)
    except Exception:  # noqa: BLE001 - one bad stage must not wipe out an article's other results
        log.exception("stage %s failed on article %s (%s)", stage, article.article_id, article.source_path)
        return []


def analyse_doc(doc: Doc, article: Article) -> ArticleResult:
    """Run every extract stage on a parsed article."""
    places = _guarded("places", article, extract_places, doc, article)
    times = _guarded("times", article, extract_times, article)
    mentions = _guarded("events", article, extract_events, doc, article)
    for m in mentions:
        try:
            m.location = assign_location(m, places)
        except Exception:  # noqa: BLE001
            log.exception("locating an event failed in article %s", article.article_id)
        try:
            assign_date(m, times, article)
        except Exception:  # noqa: BLE001
            log.exception("dating an event failed in article %s", article.article_id)
    quotes = _guarded("quotes", article, extract_quotes, doc, article)
    figures = _guarded("figures", article, extract_figures, doc, article, quotes)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return ArticleResult(article=article, sentences=sentences, mentions=mentions, quotes=quotes,
                         figures=figures, places=places, times=times)


def analyse(articles: Iterable[Article], settings: Settings) -> Iterator[ArticleResult]:
    """Parse articles in batches with `nlp.pipe` and analyse each; order is preserved."""
    nlp = get_nlp(settings.spacy_model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size,
                                 n_process=settings.n_process):
        yield analyse_doc(doc, article)
