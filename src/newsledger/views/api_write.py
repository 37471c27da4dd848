"""Token-gated write endpoints: ingest one article or a batch sent as JSON (never a file path)."""

from __future__ import annotations

import hmac
import logging
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from pydantic import BaseModel, Field

from newsledger.errors import NewsledgerError
from newsledger.ingest.metadata import build_article
from newsledger.models import Article
from newsledger.settings import Settings
from newsledger.store import Store

log = logging.getLogger(__name__)

# Articles one batch request may carry; the pipeline stores 64 per transaction, so a few such batches.
MAX_BATCH = 256


class ArticleIn(BaseModel):
    """One article to ingest: its text and what the reader formats call front matter."""
    text: str = Field(description="Full article text")
    title: str | None = Field(default=None, description="Headline")
    url: str | None = Field(default=None, description="Link to the article")
    outlet: str | None = Field(default=None, description="Publishing outlet")
    published: str | None = Field(default=None, description="Publication date or datetime (ISO 8601)")
    language: str | None = Field(default=None, description="Language code (default en)")


class BatchIn(BaseModel):
    """Several articles, stored in transactions of up to 64 and merged into events once."""
    articles: list[ArticleIn] = Field(description=f"At most {MAX_BATCH} articles")


def require_token(request: Request,
                  authorization: Annotated[str | None, Header(description="Bearer <token>")] = None) -> None:
    """Refuse unless writes are on (a token is configured) and the request carries that token."""
    settings: Settings = request.app.state.settings
    if not settings.api_token:
        raise HTTPException(status_code=403, detail="write endpoints are off: start the server with an API "
                                                    "token (NEWSLEDGER_API_TOKEN or `newsledger serve --token`)")
    given = ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not hmac.compare_digest(given.encode(), settings.api_token.encode()):
        raise HTTPException(status_code=401, detail="missing or wrong bearer token",
                            headers={"WWW-Authenticate": "Bearer"})


def ingest_articles(articles: list[Article], store: Store, settings: Settings) -> dict[str, Any]:
    """Analyse, link and store new articles in one transaction, then re-merge events; returns counts."""
    from newsledger.analyse import analyse
    from newsledger.pipeline import IngestReport, finish_events, store_results

    unique: dict[str, Article] = {}
    for a in articles:
        unique.setdefault(a.article_id, a)
    known = store.known_ids(unique)
    todo = [a for a in unique.values() if a.article_id not in known]
    report = IngestReport()
    if todo:
        store_results(list(analyse(todo, settings)), store, settings, report)
    finish_events(store, settings, report)
    return {"received": len(articles), "stored": report.stored, "already_stored": len(articles) - report.stored,
            "mentions": report.mentions, "events": report.events,
            "article_ids": [a.article_id for a in articles]}


def _build(items: list[ArticleIn], max_chars: int) -> list[Article]:
    out = []
    for i, item in enumerate(items, start=1):
        if len(item.text) > max_chars:
            raise HTTPException(status_code=413, detail=f"article {i} is longer than {max_chars} characters")
        try:
            out.append(build_article(item.text, item.model_dump(exclude={"text"}), "api", i))
        except NewsledgerError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
    return out


def add_write_routes(app: FastAPI) -> None:
    """POST /api/articles and /api/articles/batch (both need the bearer token)."""
    auth = [Depends(require_token)]

    @app.post("/api/articles", tags=["write"], dependencies=auth, status_code=201,
              summary="Ingest one article",
              description="Analyse and store one article (JSON body), then re-merge events. Off unless the "
                          "server has an API token; needs `Authorization: Bearer <token>`.")
    def post_article(item: ArticleIn, request: Request) -> dict[str, Any]:
        settings: Settings = request.app.state.settings
        articles = _build([item], settings.max_article_chars)
        with request.app.state.gate.write() as store:
            return ingest_articles(articles, store, settings)

    @app.post("/api/articles/batch", tags=["write"], dependencies=auth, status_code=201,
              summary="Ingest a batch of articles",
              description=f"Analyse and store up to {MAX_BATCH} articles, then re-merge events once. Off unless "
                          "the server has an API token; needs `Authorization: Bearer <token>`.")
    def post_batch(batch: BatchIn, request: Request) -> dict[str, Any]:
        settings: Settings = request.app.state.settings
        if len(batch.articles) > MAX_BATCH:
            raise HTTPException(status_code=413, detail=f"at most {MAX_BATCH} articles per batch")
        articles = _build(batch.articles, settings.max_article_chars)
        with request.app.state.gate.write() as store:
            return ingest_articles(articles, store, settings)
