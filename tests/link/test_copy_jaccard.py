"""Sentence Jaccard for rewrite alignment, and copy-detection term columns that do not depend on hash seeds."""

from __future__ import annotations

import zlib
from datetime import datetime

import numpy as np

from newsledger.link.copies import TERM_DIM, CopyDetector, _jaccard_matrix
from newsledger.models import Article


def test_jaccard_matrix_values_and_shape():
    a = [{"rebel", "seiz", "town"}, {"army", "retook", "bridge", "river"}]
    b = [{"rebel", "seiz", "town", "dawn"}, {"bridge", "river"}, {"price", "fuel"}]
    m = _jaccard_matrix(a, b)
    assert m.shape == (2, 3)
    assert np.allclose(m, [[0.75, 0.0, 0.0], [0.0, 0.5, 0.0]])
    assert _jaccard_matrix([], b).shape == (0, 3)


def test_term_columns_are_stable_crc32_hashes():
    art = Article(article_id="c1", text="Rebels seized the river town of Osk at dawn on Sunday.",
                  published=datetime(2023, 4, 2))
    doc = CopyDetector()._doc(art)
    assert doc.term_cols is not None
    # "rebels" stems to "rebels"; its column is fixed by crc32, whatever PYTHONHASHSEED is
    assert zlib.crc32(b"rebels") & (TERM_DIM - 1) in set(doc.term_cols.tolist())
