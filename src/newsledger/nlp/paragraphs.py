"""A pipeline component that starts a sentence after each paragraph break, before the parser runs.

The small English parser often runs one sentence across a blank line (headline into body, one paragraph into
the next), which stitches actors, places and quotes from unrelated paragraphs together.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Characters that end a sentence when they come right before a single line break; a break after anything else
# is taken as a hard-wrapped line inside one paragraph.
_FINAL = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ")")


@Language.component("newsledger_paragraphs_v1", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the token after a blank line, or after a line break that follows sentence-final punctuation."""
    for tok in doc[:-1]:
        if not tok.is_space or "\n" not in tok.text:
            continue
        prev = doc[tok.i - 1].text if tok.i > 0 else ""
        if tok.text.count("\n") >= 2 or prev.endswith(_FINAL):
            doc[tok.i + 1].is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Insert the component before the parser (or first, for a pipeline without one)."""
    if "newsledger_paragraphs_v1" in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsledger_paragraphs_v1", before="parser")
    else:
        nlp.add_pipe("newsledger_paragraphs_v1", first=True)
