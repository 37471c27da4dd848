"""Gazetteer-backed toponym ruler: finds places the small NER model misses or calls PERSON ("in Lyman")."""

from __future__ import annotations

import logging
import time

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsledger.resolve.gazetteer import ADMIN_WORDS, TOWN_WORDS, Gazetteer, get_gazetteer

log = logging.getLogger(__name__)

COMPONENT = "newsledger_toponyms_v1"
PIPE_NAME = "newsledger_toponyms"

# Words before a name that make it a place: "in Lyman", "near Kherson", "the city of Bakhmut".
LOC_PREPS = frozenset({
    "in", "near", "at", "from", "to", "into", "outside", "around", "toward", "towards", "across",
    "through", "inside", "within", "via", "nearby", "between", "of", "northeast", "northwest",
    "southeast", "southwest", "north", "south", "east", "west", "besieged", "captured", "liberated",
    "recaptured", "shelled", "retook", "seized", "entered",
})
# Of those, the ones that also take people ("led detectives to Henry", "a letter from Jackson"): a
# PERSON after them becomes a place only when the place is a real town (see WEAK_CUE_MIN_POP).
WEAK_PREPS = frozenset({"to", "from", "of", "at", "between", "via", "toward", "towards", "into"})
WEAK_CUE_MIN_POP = 10_000  # Lyman (Donetsk oblast) has about 20k people; a hamlet called Henry does not
CUE_BEFORE = frozenset(ADMIN_WORDS | TOWN_WORDS)  # "the city of X", "the region of X"
CUE_AFTER = frozenset(ADMIN_WORDS | TOWN_WORDS | {"oblast", "-based", "based", "area", "region"})
MONTHS_DAYS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
# Head words that make a known multi-word name a county-level place whatever the NER label says.
COUNTY_HEADS = frozenset({"County", "Parish", "Borough", "Township"})
RELABEL = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW"})
MAX_NGRAM = 4

# Population floors (GeoNames) for accepting a name: with a cue word any real town will do; without
# one only big places, so common words that are also hamlets ("Police", "Hope") are left alone.
# Chosen by reading the additions on --limit 50 of the geo corpora.
CUED_MIN_POP = 1_000
UNCUED_MIN_POP = 100_000
RELABEL_UNCUED_MIN_POP = 500_000
REGION_MIN_PROB = 0.7  # a place this sure of its reading says which region the article is about
LOCAL_MIN_POP = 500  # any cities500 town inside such a region may be named without a cue


def _cue_before(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.lower_ in LOC_PREPS:
        return True
    if prev.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in CUE_BEFORE:
        return True
    return False


def _cue_after(doc: Doc, end: int, gaz: Gazetteer) -> bool:
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.lower_ in CUE_AFTER:
        return True
    if nxt.text == "-" and end + 1 < len(doc) and doc[end + 1].lower_ == "based":
        return True
    if nxt.text == "," and end + 1 < len(doc):
        # "Lyman, Donetsk" / "Izium, Ukraine": a known region or country right after a comma.
        after = doc[end + 1]
        if after.is_title and gaz.max_pop(after.text) >= 1e6:
            return True
    return False


def _person_words(doc: Doc) -> set[str]:
    """Words of the document's multi-word PERSON names ("Chiquita Raquel Henry" -> Henry)."""
    key = "newsledger_person_words"
    if key not in doc.user_data:
        doc.user_data[key] = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    return doc.user_data[key]


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """'MANSFIELD — Police said...': an upper-case place opening a line, then a dash or comma."""
    if not all(t.is_upper and len(t.text) > 1 for t in doc[start:end]) or end >= len(doc):
        return False
    line_start = start == 0 or "\n" in doc[start - 1].text_with_ws or doc[start - 1].is_space
    if start > 0 and doc[end].text in {"-", "\u2014", "\u2013", "--"} and doc[start - 1].text in {".", "!", "?", "\u201d", '"'}:
        return True  # a headline run into the text: "... financing package. MANSFIELD \u2014 The council"
    return line_start and doc[end].text in {",", "-", "\u2014", "\u2013", "(", ":", "--"}


def _title(tok: Token) -> bool:
    return tok.is_title or (tok.is_upper and len(tok) > 1 and tok.is_alpha)


def _place_label(gaz: Gazetteer, text: str) -> str:
    """GPE for towns, regions and countries; LOC for seas, rivers and other features."""
    from newsledger.resolve.geo_build import FEATURE
    cands = gaz.candidates(text)
    if cands and all(gaz.kind[i] == FEATURE for i in cands):
        return "LOC"
    return "GPE"


class ToponymRuler:
    """Adds GPE/LOC spans for gazetteer names that the statistical NER missed or mislabelled."""

    def __init__(self, nlp: Language, name: str = PIPE_NAME):
        self.name = name
        self._gaz: Gazetteer | None = None

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = get_gazetteer()
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gaz
        ents = list(doc.ents)
        changed = False
        taken = [False] * len(doc)
        new_ents: list[Span] = []
        for ent in ents:
            span = ent
            if ent.label_ in RELABEL and self._relabel(doc, ent, gaz):
                span = Span(doc, ent.start, ent.end, label=_place_label(gaz, ent.text))
                changed = True
            new_ents.append(span)
            for t in range(ent.start, ent.end):
                taken[t] = True
        regions = self._article_regions(new_ents, gaz)
        added = self._gap_toponyms(doc, taken, gaz, regions)
        if added:
            changed = True
            new_ents.extend(added)
        if changed:
            doc.ents = filter_spans(new_ents)
        return doc

    def _relabel(self, doc: Doc, ent: Span, gaz: Gazetteer) -> bool:
        """A PERSON/ORG... entity that is really a place: a gazetteer name with a locative cue."""
        text = ent.text
        if 1 < len(ent) <= MAX_NGRAM and ent[-1].text in COUNTY_HEADS and gaz.has_name(text):
            return True  # "Rapides Parish" read as a person or a group: the head word says place
        if ent.label_ == "NORP" or not gaz.has_name(text) or len(ent) > MAX_NGRAM:
            return False
        if gaz.demonym(text) is not None:
            return False
        pop = gaz.max_pop(text)
        cued = _cue_before(doc, ent.start) or _cue_after(doc, ent.end, gaz)
        if ent.label_ == "PERSON":
            # "President Lyman", "Mr Kherson": a title in front means a person.
            if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in {"mr", "mrs", "ms", "dr", "president"}:
                return False
            if ent.end < len(doc) and doc[ent.end].lemma_ in {"say", "tell", "add", "note"}:
                return False
            if text in _person_words(doc):
                return False  # "Chiquita Henry ... led detectives to Henry": the same person again
            weak = ent.start > 0 and doc[ent.start - 1].lower_ in WEAK_PREPS and not _cue_after(doc, ent.end, gaz)
            if weak and pop < WEAK_CUE_MIN_POP:
                return False
        if cued and pop >= CUED_MIN_POP:
            return True
        return ent.label_ == "PERSON" and len(ent) == 1 and pop >= RELABEL_UNCUED_MIN_POP

    @staticmethod
    def _article_regions(ents: list[Span], gaz: Gazetteer) -> set[tuple[str, str]]:
        """Admin-1 regions the document's clear places lie in (one reading with most of the share)."""
        out: set[tuple[str, str]] = set()
        for ent in ents:
            if ent.label_ != "GPE":
                continue
            ranked = gaz.rank(ent.text)
            if ranked and ranked[0].prob >= REGION_MIN_PROB:
                a1 = gaz.admin1_of(ranked[0].entry)
                if a1 is not None:
                    out.add(a1)
        return out

    def _gap_toponyms(self, doc: Doc, taken: list[bool], gaz: Gazetteer,
                      regions: set[tuple[str, str]] | None = None) -> list[Span]:
        out: list[Span] = []
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if taken[i] or not _title(tok) or tok.lower_ in MONTHS_DAYS or tok.is_stop:
                i += 1
                continue
            found = None
            for size in range(min(MAX_NGRAM, n - i), 0, -1):
                j = i + size
                if any(taken[i:j]) or not _title(doc[j - 1]):
                    continue
                text = doc[i:j].text
                if gaz.has_name(text) and gaz.demonym(text) is None:
                    found = j
                    break
            if found is None:
                i += 1
                continue
            span = doc[i:found]
            if self._accept(doc, span, gaz) or self._local(doc, span, gaz, regions or set()):
                out.append(Span(doc, i, found, label=_place_label(gaz, span.text)))
            i = found
        return out

    def _local(self, doc: Doc, span: Span, gaz: Gazetteer, regions: set[tuple[str, str]]) -> bool:
        """A small town in a region the article is clearly about ("Cottonport" in a Louisiana story)."""
        if not regions or not all(t.pos_ == "PROPN" for t in span) or span.text in _person_words(doc):
            return False
        start, end = span.start, span.end
        if start > 0 and _title(doc[start - 1]) and not doc[start].is_sent_start:
            return False
        if end < len(doc) and (_title(doc[end]) and doc[end].lower_ not in CUE_AFTER):
            return False
        if end < len(doc) and doc[end].lemma_ in {"say", "tell", "add", "note", "write"}:
            return False
        from newsledger.resolve.geo_build import TOWN
        return any(gaz.kind[i] == TOWN and gaz.pop[i] >= LOCAL_MIN_POP and gaz.admin1_of(i) in regions
                   for i in gaz.candidates(span.text))

    def _accept(self, doc: Doc, span: Span, gaz: Gazetteer) -> bool:
        """Take a gap span when it is a big place, or a real town with a locative cue."""
        start, end = span.start, span.end
        prev_ok = start == 0 or not _title(doc[start - 1]) or doc[start - 1].is_sent_start
        next_ok = end >= len(doc) or not _title(doc[end]) or doc[end].lower_ in CUE_AFTER
        if _dateline(doc, start, end):
            return gaz.max_pop(span.text) >= CUED_MIN_POP
        if not (prev_ok and next_ok):
            return False  # part of a longer name: "Springfield Elementary", "New Lyman Road"
        if not any(t.pos_ == "PROPN" for t in span):
            return False
        pop = gaz.max_pop(span.text)
        if _cue_before(doc, start) or _cue_after(doc, end, gaz):
            return pop >= CUED_MIN_POP
        if doc[start].is_sent_start:
            return pop >= 1e6
        return pop >= UNCUED_MIN_POP


@Language.factory(COMPONENT, requires=["doc.ents", "token.pos"], assigns=["doc.ents"])
def make_toponym_ruler(nlp: Language, name: str) -> ToponymRuler:
    return ToponymRuler(nlp, name)


def add_toponym_ruler(nlp: Language) -> None:
    """Add the toponym ruler after `ner` (idempotent); loads the gazetteer (under a second when cached)."""
    if PIPE_NAME in nlp.pipe_names:
        return
    t0 = time.perf_counter()
    after = "ner" if "ner" in nlp.pipe_names else None
    pipe = nlp.add_pipe(COMPONENT, name=PIPE_NAME, after=after) if after else nlp.add_pipe(COMPONENT, name=PIPE_NAME)
    _ = pipe.gaz  # load now so the first document does not pay for it
    log.info("toponym ruler added in %.2f s", time.perf_counter() - t0)
