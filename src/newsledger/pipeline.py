"""The main job: read inputs, analyse, link to stored articles, store per batch, then merge events."""

from __future__ import annotations

import logging
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from newsledger import CODER_VERSION
from newsledger.analyse import POOL_CHUNK, submit
from newsledger.errors import NewsledgerError
from newsledger.ingest.walk import iter_articles
from newsledger.models import Article, ArticleResult
from newsledger.settings import Settings
from newsledger.store import Store, open_store

log = logging.getLogger(__name__)

# Articles per stored batch: one transaction each. Large enough to amortise commits, small enough that a
# crash loses little work (measured: commits are ~1% of batch time at 64).
BATCH_ARTICLES = 64
# How far back (days) a new article is compared with stored ones for copies and stories.
LINK_WINDOW_DAYS = 7


@dataclass
class IngestReport:
    """What an ingest did; the CLI prints it and sets the exit code from `errors`."""
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    errors: list[NewsledgerError] = field(default_factory=list)
    events: int = 0
    mentions: int = 0


ProgressFn = Callable[[int], None]


def _log_error(error: NewsledgerError) -> None:
    log.error("%s", error)


def ingest_paths(paths: Iterable[str | Path], settings: Settings, store: Store | None = None,
                 progress: ProgressFn | None = None,
                 on_error: Callable[[NewsledgerError], None] | None = None) -> IngestReport:
    """Ingest every article under `paths` into the store; safe to re-run (stored ids are skipped).

    Each bad input is collected in the report and passed to `on_error` as it is met (the CLI prints it);
    without a callback it is logged, so a library caller never loses it silently.
    """
    own = store is None
    store = store or open_store(settings.db)
    report = IngestReport()
    try:
        seen: set[str] = set()
        batch: list[Article] = []
        # Batches being analysed while earlier ones are linked and stored: one per worker keeps every worker
        # busy during the (single-threaded) link and write of the batch before.
        pending: deque[_Pending] = deque()
        for item in iter_articles(paths, settings.max_article_chars):
            if isinstance(item, NewsledgerError):
                (on_error or _log_error)(item)
                report.errors.append(item)
                continue
            report.read += 1
            if item.article_id in seen:
                report.already_stored += 1
                continue
            seen.add(item.article_id)
            batch.append(item)
            if len(batch) >= BATCH_ARTICLES:
                pending.append(_submit(batch, store, settings, report))
                batch = []
                while len(pending) > max(1, settings.n_process):
                    _finish(pending.popleft(), store, settings, report, progress)
        pending.append(_submit(batch, store, settings, report))
        while pending:
            _finish(pending.popleft(), store, settings, report, progress)
        finish_events(store, settings, report)
    finally:
        if own:
            store.close()
    return report


def finish_events(store: Store, settings: Settings, report: IngestReport) -> None:
    """Merge events when anything new was stored (or an earlier run died before merging); else count them."""
    if report.stored or store.unmerged_mentions():
        report.events = rebuild_events(store, settings)
    else:
        report.events = store.count("events")


@dataclass
class _Pending:
    """A batch handed to analysis: how many inputs it covers and the results to come."""
    size: int
    parts: list[Any]


def _submit(batch: list[Article], store: Store, settings: Settings, report: IngestReport) -> _Pending:
    """Skip already-stored articles and start analysing the rest (in workers when n_process > 1)."""
    if not batch:
        return _Pending(0, [])
    known = store.known_ids(a.article_id for a in batch)
    report.already_stored += len(known)
    todo = [a for a in batch if a.article_id not in known]
    step = POOL_CHUNK if settings.n_process > 1 else max(len(todo), 1)
    return _Pending(len(batch), [submit(todo[i:i + step], settings) for i in range(0, len(todo), step)])


def _finish(pending: _Pending, store: Store, settings: Settings, report: IngestReport,
            progress: ProgressFn | None) -> None:
    """Wait for a batch's analysis, then link and store it in one transaction."""
    results: list[ArticleResult] = [r for part in pending.parts for r in part.get()]
    if results:
        store_results(results, store, settings, report)
    if progress and pending.size:
        progress(pending.size)


def store_results(results: list[ArticleResult], store: Store, settings: Settings, report: IngestReport) -> None:
    """Link analysed articles against the store and write them in one transaction (ingest and batch load)."""
    links = link_batch([r.article for r in results], results, store, settings)
    report.stored += store.write_results(results, CODER_VERSION, links)
    report.mentions += sum(len(r.mentions) for r in results)


def _features(result: ArticleResult) -> set[str]:
    """Names that characterise an article for story clustering: places and event actors."""
    names = {p.location.name or p.text for p in result.places}
    for m in result.mentions:
        names |= {a.name for a in m.actor + m.recipient}
    return {n.lower() for n in names if n}


# One Linker per open store, so its per-article caches (MinHash signatures, story features; keyed by content
# id, so never stale) survive from batch to batch: a fresh Linker per batch recomputed them for the whole
# 7-day history every time, which made the link stage grow with the store rather than with the batch.
_LINKERS: weakref.WeakKeyDictionary[Store, Any] = weakref.WeakKeyDictionary()


def link_batch(new: list[Article], results: list[ArticleResult], store: Store,
               settings: Settings) -> dict[str, dict[str, Any]]:
    """Copy and story verdicts for new articles against stored ones in the time window."""
    from newsledger.link.linker import Linker

    linker = _LINKERS.get(store)
    if linker is None or linker.embeddings != settings.embeddings or linker.story_days != settings.story_days:
        linker = _LINKERS[store] = Linker(window_days=LINK_WINDOW_DAYS, embeddings=settings.embeddings,
                                          story_days=settings.story_days)
    history_rows = [row for since, until in _windows([a.published for a in new if a.published],
                                                     linker.history_days)
                    for row in store.articles(since=since, until=until)]
    history = [a for a, _ in history_rows]
    known = {a.article_id: (meta["story_id"], meta["copy_group"]) for a, meta in history_rows}
    features = _stored_features(store, [a.article_id for a in history])
    features.update({r.article.article_id: _features(r) for r in results})
    result = linker.link(new, history, features=features, known=known)
    rows: dict[str, dict[str, Any]] = {}
    for aid, verdict in result.copies.items():
        rows[aid] = {"copy_group": verdict.group_id, "copy_kind": verdict.kind, "copy_of": verdict.of_article,
                     "copy_score": verdict.score, "story_id": result.stories.get(aid)}
    return rows


def _windows(dates: list[datetime], days: int = LINK_WINDOW_DAYS) -> list[tuple[datetime, datetime]]:
    """The link window around each date, overlapping windows merged, oldest first.

    One window from the batch's earliest to its latest date (as before) loaded the whole store whenever a batch
    mixed dates years apart (a back-fill, or the benchmark corpus): history, and the link stage with it, grew
    with the store instead of with the window.
    """
    window = timedelta(days=days)
    out: list[tuple[datetime, datetime]] = []
    for d in sorted(dates):
        if out and d - window <= out[-1][1]:
            out[-1] = (out[-1][0], d + window)
        else:
            out.append((d - window, d + window))
    return out


# Stored articles whose story features (place and actor names) are kept between batches, per store. A stored
# article's places and mentions never change, so an entry never goes stale; the bound is several times the
# largest link window measured (2,244 articles within 7 days either side of one date in the 20k corpus).
FEATURE_CACHE_SIZE = 40_000  # the story history is 30 days, about four times the 7-day window measured
_FEATURES: weakref.WeakKeyDictionary[Store, OrderedDict[str, set[str]]] = weakref.WeakKeyDictionary()


def _stored_features(store: Store, ids: list[str]) -> dict[str, set[str]]:
    """`store.article_features(ids)`, reading only the articles not seen in an earlier batch."""
    cache = _FEATURES.setdefault(store, OrderedDict())
    missing = [i for i in ids if i not in cache]
    cache.update(store.article_features(missing) if missing else {})
    out = {}
    for i in ids:
        out[i] = cache[i]
        cache.move_to_end(i)
    while len(cache) > FEATURE_CACHE_SIZE:
        cache.popitem(last=False)
    return out


def rebuild_events(store: Store, settings: Settings) -> int:
    """Merge all stored mentions into events and swap them in atomically; returns the event count."""
    from newsledger.link.merge import merge_events

    del settings
    pairs = store.mentions()
    if not pairs:
        store.replace_events([], {})
        return 0
    rows = store.articles(text=False)  # every stored article's dates and sources; ids in SQL would not scale
    articles = {a.article_id: a for a, _ in rows}
    copy_group = {a.article_id: meta["copy_group"] or a.article_id for a, meta in rows}
    story_of = {a.article_id: meta["story_id"] or a.article_id for a, meta in rows}
    mentions = [m for _, m in pairs]
    events = merge_events(mentions, articles, copy_group, story_of, store.counted_figures())
    by_key = {(m.article_id, m.sent_start, m.trigger): mid for mid, m in pairs}
    mention_event: dict[str, str] = {}
    for ev in events:
        for s in ev.sources:
            mid = by_key.get((s.article_id, s.start, s.trigger))
            if mid:
                mention_event[mid] = ev.event_id
    store.replace_events(events, mention_event, by_key)
    return len(events)
