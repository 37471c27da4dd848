"""Mend person names the small NER model cuts at a particle ("Ursula von der" + "Leyen" as a place)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

PIPE_NAME = "newsledger_person_names"
# lower-case name particles that never end a name: "von der Leyen", "bin Salman", "de Mistura"
PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "ibn", "al",
                       "el", "dos", "das", "del", "della", "ter", "ten", "zu"})


@Language.component(PIPE_NAME)
def mend_person_names(doc: Doc) -> Doc:
    """Join a PERSON entity that ends in a particle with the proper noun after it."""
    ents = list(doc.ents)
    out: list[Span] = []
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until:
            continue
        if ent.label_ == "PERSON" and ent[-1].lower_ in PARTICLES and ent.end < len(doc):
            end = ent.end
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                end += 1
            if end > ent.end:
                out.append(Span(doc, ent.start, end, label="PERSON"))
                skip_until = end
                continue
        out.append(ent)
    if skip_until >= 0:
        doc.ents = out
    return doc


def add_person_names(nlp: Language) -> None:
    """Add the mender after the entity pipes, so a name beats a place read into its last word (idempotent)."""
    if PIPE_NAME in nlp.pipe_names or "ner" not in nlp.pipe_names:
        return
    nlp.add_pipe(PIPE_NAME, after=[p for p in nlp.pipe_names if p == "ner" or "toponym" in p][-1])
