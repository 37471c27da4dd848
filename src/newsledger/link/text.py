"""Cheap text features shared by copy detection and story clustering (no spaCy, no models)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) before whitespace and a
# capital letter, digit or opening quote; abbreviations such as "U.S." or "Mr." are the usual misfires and
# only make a few sentences shorter, which the alignment tolerates.
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Sen|Rep|Gov|Prof|St|Jr|Sr|No|U\.S|U\.N|Inc|Co|Corp|Ltd|"
                     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$")

STOPWORDS: frozenset[str] = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own said same says she should so some
such than that the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours
yourself yourselves mr mrs ms one two new last year years told would could may might also like people
""".split())


def normalise(text: str) -> str:
    """Lower-cased words of `text` joined by single spaces (punctuation, case and spacing ignored)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_WORD.findall(text))


def text_hash(text: str) -> str:
    """Stable hash of the normalised text: equal for exact copies that differ only in spacing or case."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return normalise(text).split()


def stem(word: str) -> str:
    """A crude stem: the first six letters, enough to equate "attacked"/"attacks" and cheap to compute."""
    return word[:6]


def content_terms(text: str) -> list[str]:
    """Stemmed non-stopword tokens of at least three characters."""
    return [stem(w) for w in words(text) if len(w) > 2 and w not in STOPWORDS]


def shingles(tokens: list[str], k: int = 4) -> set[str]:
    """Word k-grams as strings; texts shorter than k give one shingle of the whole text."""
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


def sentences(text: str) -> list[str]:
    """Split text into sentences with a rule splitter (paragraph breaks always split)."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\r\n\s*\r\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        pieces = _SENT_END.split(para)
        buf = ""
        for piece in pieces:
            buf = f"{buf} {piece}".strip() if buf else piece
            if _ABBREV.search(buf):
                continue
            out.append(buf)
            buf = ""
        if buf:
            out.append(buf)
    return out


def names(text: str, limit_chars: int = 6000) -> set[str]:
    """Capitalised word sequences that do not start a sentence: a stand-in for named entities."""
    found: set[str] = set()
    for sent in sentences(text[:limit_chars]):
        toks = sent.split()
        for i, tok in enumerate(toks):
            if i == 0:
                continue
            clean = tok.strip("\"'“”‘’(),.;:!?")
            if len(clean) > 1 and clean[0].isupper() and clean.lower() not in STOPWORDS:
                found.add(clean.lower())
    return found


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard similarity of two collections as sets."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
