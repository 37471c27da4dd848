"""Per-article analysis: one spaCy Doc in, every mention type out, each stage isolated from the others."""

from __future__ import annotations

import atexit
import gc
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from spacy.tokens import Doc

from newsledger.extract.dating import assign_date
from newsledger.extract.events import extract_events
from newsledger.extract.figures import extract_figures
from newsledger.extract.locate import assign_location, inherit_locations
from newsledger.extract.places import extract_places
from newsledger.extract.quotes import extract_quotes
from newsledger.extract.times import extract_times
from newsledger.models import Article, ArticleResult
from newsledger.nlp.loader import get_nlp
from newsledger.nlp.spans import trimmed_bounds
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
            if m.territory and m.location and m.location.geonameid and m.territory.geonameid is None \
                    and (m.location.reason or "").startswith("territory"):
                m.territory.geonameid = m.location.geonameid  # the place that changed hands, resolved
        except Exception:  # noqa: BLE001
            log.exception("locating an event failed in article %s", article.article_id)
        try:
            assign_date(m, times, article)
        except Exception:  # noqa: BLE001
            log.exception("dating an event failed in article %s", article.article_id)
    try:
        inherit_locations(mentions)
    except Exception:  # noqa: BLE001
        log.exception("carrying event locations over failed in article %s", article.article_id)
    quotes = _guarded("quotes", article, extract_quotes, doc, article)
    figures = _guarded("figures", article, extract_figures, doc, article, quotes)
    sentences = [trimmed_bounds(s) for s in doc.sents]
    return ArticleResult(article=article, sentences=sentences, mentions=mentions, quotes=quotes,
                         figures=figures, places=places, times=times)


def _analyse_serial(articles: Iterable[Article], settings: Settings) -> Iterator[ArticleResult]:
    nlp = get_nlp(settings.spacy_model, settings.nlp_mode)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size, n_process=1):
        yield analyse_doc(doc, article)


def analyse(articles: Iterable[Article], settings: Settings) -> Iterator[ArticleResult]:
    """Parse articles in batches with `nlp.pipe` and analyse each; order is preserved.

    With `settings.n_process` > 1 the whole per-article work (parse and extract) runs in a pool of worker
    processes, each holding one model: spaCy's own n_process parallelises only the parse, which left the
    extract stages (about a third of the time) on one core.
    """
    if settings.n_process <= 1:
        yield from _analyse_serial(articles, settings)
        return
    items = list(articles)
    for pending in [submit(items[i:i + POOL_CHUNK], settings) for i in range(0, len(items), POOL_CHUNK)]:
        yield from pending.get()


# Articles per task sent to a worker: large enough that pickling and scheduling cost little next to ~0.1 s
# of work per article, small enough that 64-article ingest batches still split across 2 workers.
POOL_CHUNK = 16
_POOLS: dict[tuple[str, str, int], Any] = {}


class _Done:
    """An already-computed result with the AsyncResult interface (serial mode)."""

    def __init__(self, value: list[ArticleResult]):
        self.value = value

    def get(self) -> list[ArticleResult]:
        return self.value


def _pool_init(model: str, mode: str) -> None:
    get_nlp(model, mode)  # each worker loads the model once, before its first task


def _pool_task(articles: list[Article], settings: Settings) -> list[ArticleResult]:
    return list(_analyse_serial(articles, settings))


def _pool(settings: Settings) -> Any:
    """The worker pool for this model and size, started on first use and closed at exit."""
    key = (settings.spacy_model, settings.nlp_mode, settings.n_process)
    pool = _POOLS.get(key)
    if pool is None:
        # fork: workers start in milliseconds and need no `if __name__ == "__main__"` guard in the caller's
        # script (spawn re-ran an unguarded script in every worker, which then died and respawned forever).
        # The children only parse and extract; they never touch the parent's database connection.
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        if ctx.get_start_method() == "fork":
            # load the model before forking, so the workers share its weights and gazetteer copy-on-write
            get_nlp(settings.spacy_model, settings.nlp_mode)
            # freeze what the parent holds (model, gazetteer, tables) out of the collector's reach for the fork:
            # a worker's full collections would otherwise write to every object's header and so copy the
            # shared pages (not measured apart from the other changes of 25 Nov; see BENCHMARKS.md)
            gc.collect()
            gc.freeze()
        try:
            pool = ctx.Pool(settings.n_process, initializer=_pool_init,
                            initargs=(settings.spacy_model, settings.nlp_mode))
        finally:
            gc.unfreeze()  # the parent collects as before; the forked workers keep their frozen copy
        _POOLS[key] = pool
        if len(_POOLS) == 1:
            atexit.register(close_pools)
        log.info("started %d analysis workers for %s", settings.n_process, settings.spacy_model)
    return pool


def close_pools() -> None:
    """Stop the worker pools (at exit, or when a caller is done with parallel analysis)."""
    while _POOLS:
        _, pool = _POOLS.popitem()
        pool.terminate()
        pool.join()


def submit(articles: list[Article], settings: Settings) -> Any:
    """Start analysing `articles`; `.get()` on the answer returns their results in order.

    Serial settings compute at once; with n_process > 1 a worker does it while the caller goes on (the
    ingest links and stores the previous batch meanwhile).
    """
    if settings.n_process <= 1:
        return _Done(list(_analyse_serial(articles, settings)))
    return _pool(settings).apply_async(_pool_task, (articles, settings))
