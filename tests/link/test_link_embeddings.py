"""Embeddings are optional: "none" and unknown packages give None; an installed package loads offline."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from newsledger.link.embed import get_embedder


def test_none_and_unknown_give_no_embedder():
    assert get_embedder("none") is None
    assert get_embedder("no-such-embedding-package") is None


@pytest.mark.skipif(importlib.util.find_spec("wordllama") is None, reason="wordllama not installed")
def test_wordllama_vectors_are_normalised_and_paraphrases_are_close():
    emb = get_embedder("wordllama")
    assert emb is not None and emb.name == "wordllama"
    vecs = emb.embed(["Rebels kidnapped ten aid workers near the border.",
                      "Ten aid workers were abducted by rebels near the frontier.",
                      "The central bank raised interest rates on Tuesday."])
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]
