"""Time expressions of an article, anchored on its publication date (the TimeMention records)."""

from __future__ import annotations

import logging

from newsledger.models import Article, TimeMention
from newsledger.resolve.timex import find_timexes

logger = logging.getLogger(__name__)


def extract_times(article: Article) -> list[TimeMention]:
    """All time expressions in `article.text`, anchored on `article.published`, with `article_id` set.

    Without a publication date, relative expressions keep value None and say why in `reason`.
    """
    mentions = find_timexes(article.text, article.published)
    for m in mentions:
        m.article_id = article.article_id
        if m.value is None and m.reason is None and article.published is None:
            m.reason = article.date_reason or "no publication date"
    return mentions
