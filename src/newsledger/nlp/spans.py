"""Character spans of spaCy sentences without the whitespace tokens spaCy keeps at their edges."""

from __future__ import annotations

from spacy.tokens import Span


def trimmed_bounds(sent: Span) -> tuple[int, int]:
    """(start, end) of the sentence in the document text, leading/trailing whitespace and newlines excluded."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return start, max(start, end)
