"""Resolve who speaks: the fullest name in the article with a role, pronouns, institutions."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "we", "i", "it"}
_MALE = {"he", "him", "his"}
_FEMALE = {"she", "her", "hers"}
_HONORIFIC_SEX = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                  "sir": "m", "lady": "f", "madam": "f"}
# words that make a capitalised run in front of a name a role ("Defense Secretary Lloyd Austin")
ROLE_HEADS = {
    "president", "secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "chancellor",
    "governor", "senator", "sen.", "rep.", "representative", "mayor", "general", "gen.", "colonel",
    "col.", "commander", "chief", "director", "ambassador", "premier", "leader", "king", "queen",
    "prince", "judge", "justice", "attorney", "prosecutor", "official", "adviser", "advisor",
    "chairman", "chairwoman", "chair", "ceo", "speaker", "lt.", "lieutenant", "major", "captain",
    "admiral", "sergeant", "officer", "envoy", "head", "candidate", "nominee", "manager", "analyst",
    "professor", "economist", "expert", "researcher", "founder", "executive", "aide", "strategist",
    "pollster", "deputy", "vice", "dr.", "pope", "bishop", "cardinal", "commissioner", "diplomat",
    "lawmaker", "congressman", "congresswoman", "councillor", "councilman", "sheriff",
}
_TITLE_POS = {"PROPN", "NOUN", "ADJ"}
_STRIP = " ,.;:\"'“”‘’()"


@dataclass(slots=True)
class Entity:
    """One named participant of the article: a person or an institution."""
    name: str  # fullest form seen
    kind: str  # "PERSON" or "ORG"
    role: str | None = None
    sex: str | None = None  # "m"/"f" when a pronoun or honorific told us


@dataclass(slots=True)
class SpeakerRef:
    """A resolved speaker: the name, role and the words in the text that point at them."""
    name: str | None
    role: str | None
    start: int
    end: int
    entity: Entity | None = None


def _clean(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(_STRIP), flags=re.I)
    text = re.sub(r"(’s|'s)$", "", text)
    return re.sub(r"\s+", " ", text).strip(_STRIP)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class ArticleSpeakers:
    """Index of the people and institutions an article names, to resolve speaker mentions."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.entities: list[Entity] = []
        self._by_token: dict[str, list[Entity]] = {}
        # (char offset, entity) of every named mention, in text order; pronouns look back here
        self.mentions: list[tuple[int, Entity, bool]] = []
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
                continue
            self._add_mention(ent)

    # -- building -------------------------------------------------------------------------------
    def _add_mention(self, ent: Span) -> Entity | None:
        name = _clean(ent.text)
        if not name or not any(c.isalpha() for c in name):
            return None
        kind = "PERSON" if ent.label_ == "PERSON" else "ORG"
        found = self.lookup(name, kind)
        if found is None:
            found = Entity(name=name, kind=kind)
            self.entities.append(found)
            for tok in name.split():
                self._by_token.setdefault(tok.lower(), []).append(found)
        elif len(name) > len(found.name) and found.name in name:
            found.name = name
            for tok in name.split():
                lst = self._by_token.setdefault(tok.lower(), [])
                if found not in lst:
                    lst.append(found)
        role = role_of(ent)
        if role and not found.role:
            found.role = role
        if kind == "PERSON" and not found.sex:
            prev = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            found.sex = _HONORIFIC_SEX.get(prev)
        is_subject = ent.root.dep_ in ("nsubj", "nsubjpass")
        self.mentions.append((ent.start_char, found, is_subject))
        return found

    def lookup(self, name: str, kind: str | None = None) -> Entity | None:
        """The article entity `name` refers to: same name, a part of a fuller name, or initials."""
        name = _clean(name)
        if not name:
            return None
        low = name.lower()
        toks = low.split()
        cands: list[Entity] = []
        for e in self.entities:
            el = e.name.lower()
            if el == low:
                return e
            etoks = el.split()
            # "Austin" -> "Lloyd Austin"; "Lloyd Austin" -> "Defense Secretary Lloyd Austin"
            if (len(toks) < len(etoks) and _is_subsequence(toks, etoks)) or (
                    len(etoks) < len(toks) and _is_subsequence(etoks, toks)):
                if kind is None or e.kind == kind or kind == "ORG" and len(toks) == 1:
                    cands.append(e)
            elif len(toks) == 1 and name.isupper() and len(name) >= 2 and _initials(e.name) == name:
                cands.append(e)
        if not cands:
            return None
        # prefer a person sharing the last name, then the longest name
        cands.sort(key=lambda e: (e.kind == "PERSON" and e.name.lower().split()[-1] == toks[-1],
                                  len(e.name)), reverse=True)
        return cands[0]

    # -- resolving ------------------------------------------------------------------------------
    def resolve_span(self, span: Span) -> SpeakerRef:
        """Resolve the words that name a speaker (a name, a pronoun, a noun phrase)."""
        text = span.text.strip()
        low = text.lower()
        if low in PERSON_PRONOUNS or low in ("i", "we", "they", "it"):
            ent = self.antecedent(span.start_char, low)
            if ent is not None:
                return SpeakerRef(ent.name, ent.role, span.start_char, span.end_char, ent)
            return SpeakerRef(None, None, span.start_char, span.end_char)
        # a named entity inside the span resolves to the fullest name
        names = [e for e in span.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
        if names:
            best = max(names, key=lambda e: (e.label_ == "PERSON", len(e)))
            ent = self.lookup(best.text, "PERSON" if best.label_ == "PERSON" else "ORG")
            if ent is not None:
                role = ent.role or role_of(best)
                if ent.kind == "PERSON" and not ent.role:
                    ent.role = role
                return SpeakerRef(ent.name, role, span.start_char, span.end_char, ent)
            return SpeakerRef(_clean(best.text), role_of(best), span.start_char, span.end_char)
        # a capitalised acronym or name the NER missed
        ent = self.lookup(text)
        if ent is not None:
            return SpeakerRef(ent.name, ent.role, span.start_char, span.end_char, ent)
        return SpeakerRef(_clean(text) or None, None, span.start_char, span.end_char)

    def antecedent(self, offset: int, pronoun: str) -> Entity | None:
        """Most likely referent of a pronoun at `offset`: the latest fitting entity before it."""
        want_person = pronoun in PERSON_PRONOUNS or pronoun == "i"
        sex = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else None
        best: Entity | None = None
        for start, ent, _subj in reversed(self.mentions):
            if start >= offset:
                continue
            if want_person != (ent.kind == "PERSON"):
                continue
            if sex and ent.sex and ent.sex != sex:
                continue
            best = ent
            break
        if best is not None and sex and not best.sex:
            best.sex = sex
        return best

    def note_speaker(self, offset: int, ent: Entity | None, subject: bool = True) -> None:
        """Record that `ent` spoke at `offset`, so a later 'he said' can point back at it."""
        if ent is None:
            return
        self.mentions.append((offset, ent, subject))
        self.mentions.sort(key=lambda m: m[0])


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(t == x for x in it) for t in short)


def role_of(ent: Span) -> str | None:
    """The role next to a name: a title in front ("Defense Secretary") or an apposition after."""
    doc = ent.doc
    # title words right before the name: capitalised compounds ending in a role word
    i = ent.start - 1
    words: list[Token] = []
    while i >= 0 and (doc[i].lower_ in ROLE_HEADS or doc[i].is_title and doc[i].pos_ in _TITLE_POS
                      and (doc[i].pos_ == "PROPN" or not doc[i].is_sent_start)):
        if doc[i].ent_type_ == "PERSON":
            break
        words.insert(0, doc[i])
        i -= 1
        if len(words) >= 5:
            break
    while words and words[0].lower_ in ("the", "a", "an"):
        words.pop(0)
    if words and any(w.lower_.rstrip(".") in {r.rstrip(".") for r in ROLE_HEADS} for w in words):
        return " ".join(w.text for w in words)
    # apposition: "Lloyd Austin, the US Defense Secretary,"
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i > ent.root.i:
            sub = doc[child.left_edge.i: child.right_edge.i + 1]
            text = _clean(sub.text)
            if text and len(sub) <= 12:
                return text
    return None
