"""The one versioned schema, shared by the DuckDB and PostgreSQL backends.

JSON-valued columns are stored as text so both backends read them the same way. Each migration is a list of
statements applied in order and recorded in `schema_migrations`.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "initial schema", [
        """CREATE TABLE IF NOT EXISTS articles (
            article_id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, outlet VARCHAR,
            published TIMESTAMP, published_has_time BOOLEAN, date_reason VARCHAR, language VARCHAR,
            source_path VARCHAR, text VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL,
            copy_group VARCHAR, copy_kind VARCHAR, copy_of VARCHAR, copy_score DOUBLE, story_id VARCHAR,
            coder_version VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS sentences (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL, PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE IF NOT EXISTS mentions (
            mention_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, event_type VARCHAR NOT NULL,
            mode VARCHAR, modality VARCHAR, actor VARCHAR, recipient VARCHAR, trigger VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER, sentence VARCHAR, sent_start INTEGER, sent_end INTEGER,
            clause_start INTEGER, clause_end INTEGER, territory VARCHAR, location VARCHAR,
            event_date VARCHAR, date_precision VARCHAR, date_text VARCHAR, confidence DOUBLE,
            coder_version VARCHAR, event_id VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY, event_type VARCHAR NOT NULL, mode VARCHAR, modality VARCHAR,
            event_date VARCHAR, date_precision VARCHAR, place_name VARCHAR, geonameid BIGINT, lat DOUBLE,
            lon DOUBLE, country VARCHAR, admin1 VARCHAR, actor_names VARCHAR, outlets VARCHAR,
            has_territory BOOLEAN, n_sources INTEGER, n_independent_sources INTEGER, story_id VARCHAR,
            confidence DOUBLE, record VARCHAR NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS event_sources (
            event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, mention_id VARCHAR NOT NULL,
            outlet VARCHAR, url VARCHAR, sentence VARCHAR, start_char INTEGER, end_char INTEGER)""",
        """CREATE TABLE IF NOT EXISTS quotes (
            quote_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, speaker VARCHAR, speaker_role VARCHAR,
            text VARCHAR, kind VARCHAR, start_char INTEGER, end_char INTEGER, cue VARCHAR, sentence VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS figures (
            figure_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, text VARCHAR, value DOUBLE,
            value_max DOUBLE, approximate BOOLEAN, bound VARCHAR, unit VARCHAR, counts VARCHAR,
            subject VARCHAR, claimed_by VARCHAR, start_char INTEGER, end_char INTEGER, sentence VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS places (
            article_id VARCHAR NOT NULL, text VARCHAR, start_char INTEGER NOT NULL, end_char INTEGER,
            name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, admin1 VARCHAR, country VARCHAR,
            precision VARCHAR, score DOUBLE, reason VARCHAR, feature VARCHAR,
            PRIMARY KEY (article_id, start_char))""",
        """CREATE TABLE IF NOT EXISTS times (
            article_id VARCHAR NOT NULL, text VARCHAR, start_char INTEGER NOT NULL, end_char INTEGER,
            type VARCHAR, value VARCHAR, day VARCHAR, precision VARCHAR, reason VARCHAR,
            PRIMARY KEY (article_id, start_char))""",
        "CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id)",
        "CREATE INDEX IF NOT EXISTS event_sources_event ON event_sources (event_id)",
        "CREATE INDEX IF NOT EXISTS events_date ON events (event_date)",
    ]),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]

# Tables holding per-article rows, in the order a delete must visit them.
ARTICLE_TABLES = ("sentences", "mentions", "quotes", "figures", "places", "times")
