"""Resolve who speaks: the fullest name in the article with a role, pronouns, institutions."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
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
# How far back (characters) a pronoun prefers a subject over a nearer non-subject mention; about
# two sentences of wire copy. Tried 150/300/600 on PolNeAR train articles.
ANTECEDENT_WINDOW = 300
# A pronoun speaker ("he added") goes back to the previous quote's speaker within this many
# characters (about two paragraphs), before any other person; 300, 600 and 1200 scored the same on
# PolNeAR train (it rarely decides), 600 reads right for wire copy.
SPEAKER_WINDOW = 600
_STRIP = " ,.;:\"'“”‘’()"


@dataclass(slots=True)
class Entity:
    """One named participant of the article: a person or an institution."""
    name: str  # fullest form seen
    kind: str  # "PERSON" or "ORG"
    role: str | None = None
    sex: str | None = None  # "m"/"f" when a pronoun or honorific told us
    mentions: int = 0  # how often the article names them; a bare "Trump" is the most named Trump


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
        self.speakers: list[tuple[int, Entity]] = []  # who spoke where, in the order quotes were read
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE") or _in_headline(ent):
                continue
            self._add_mention(ent)
        self._vote_sex()

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
        found.mentions += 1
        self.mentions.append((ent.start_char, found, is_subject))
        return found

    def _vote_sex(self) -> None:
        """Learn a person's sex from pronoun subjects that follow a sentence naming only them."""
        votes: dict[int, list[str]] = {}
        sents = list(self.doc.sents)
        for k, sent in enumerate(sents):
            pron = next((t.lower_ for t in sent if t.dep_ in ("nsubj", "nsubjpass")
                         and t.lower_ in ("he", "she")), None)
            if pron is None:
                continue
            window_start = sents[k - 1].start_char if k else sent.start_char
            people = {id(e): e for off, e, _ in self.mentions
                      if window_start <= off < sent.start_char and e.kind == "PERSON"}
            if len(people) == 1:
                e = next(iter(people.values()))
                votes.setdefault(id(e), []).append("m" if pron == "he" else "f")
        for e in self.entities:
            v = votes.get(id(e))
            if v and not e.sex:
                e.sex = max(set(v), key=v.count)

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
        # prefer a person sharing the last name, then the most named ("Trump" is Donald Trump,
        # not Melania Trump named once), then the longest name
        cands.sort(key=lambda e: (e.kind == "PERSON" and e.name.lower().split()[-1] == toks[-1],
                                  e.mentions, len(e.name)), reverse=True)
        return cands[0]

    # -- resolving ------------------------------------------------------------------------------
    def resolve_span(self, span: Span, speaking: bool = False) -> SpeakerRef:
        """Resolve the words that name a speaker (a name, a pronoun, a noun phrase)."""
        text = span.text.strip()
        low = text.lower()
        prons = [t for t in span if t.pos_ == "PRON"]
        if len(span) > 1 and len(prons) == 1 and all(
                t.pos_ in ("ADV", "PUNCT") for t in span if t.i != prons[0].i):
            low = prons[0].lower_  # "even she", "he too": the pronoun speaks
        if low in PERSON_PRONOUNS or low in ("i", "we", "they", "it", "its", "their", "our", "my"):
            ent = self.antecedent(span.start_char, low, speaking)
            if ent is not None:
                return SpeakerRef(ent.name, ent.role, span.start_char, span.end_char, ent)
            return SpeakerRef(None, None, span.start_char, span.end_char)
        # a named entity inside the span resolves to the fullest name
        names = [e for e in span.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
        if names:
            best = max(names, key=lambda e: (e.label_ == "PERSON", len(e)))
            if best.root.dep_ in ("amod", "compound", "nmod", "poss") \
                    and span.root.pos_ == "NOUN" and best.root.head.i == span.root.i:
                # "Russian military bloggers", "Sanders supporters", "Trump's lawyers": the name
                # only describes who speaks
                return SpeakerRef(_clean(span.text), None, span.start_char, span.end_char)
            ent = self.lookup(best.text, "PERSON" if best.label_ == "PERSON" else "ORG")
            if ent is not None:
                role = ent.role or role_of(best)
                if role is None and span.root.pos_ == "NOUN" and span.root.i < best.start:
                    role = _clean(span.doc[span.start: span.root.i + 1].text) or None
                if ent.kind == "PERSON" and not ent.role:
                    ent.role = role
                return SpeakerRef(ent.name, role, span.start_char, span.end_char, ent)
            return SpeakerRef(_clean(best.text), role_of(best), span.start_char, span.end_char)
        # a capitalised acronym or name the NER missed
        ent = self.lookup(text)
        if ent is not None:
            return SpeakerRef(ent.name, ent.role, span.start_char, span.end_char, ent)
        return SpeakerRef(_clean(text) or None, None, span.start_char, span.end_char)

    def antecedent(self, offset: int, pronoun: str, speaking: bool = False) -> Entity | None:
        """Most likely referent of a pronoun at `offset`: the latest fitting entity before it.
        With `speaking` ("he added"), the last speaker close before wins over other people."""
        want_person = pronoun in PERSON_PRONOUNS or pronoun in ("i", "my")
        sex = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else None
        if speaking and want_person:
            for start, ent in reversed(self.speakers):
                if start >= offset:
                    continue
                if offset - start > SPEAKER_WINDOW:
                    break
                if ent.kind == "PERSON" and not (sex and ent.sex and ent.sex != sex):
                    return ent
                break
        best: Entity | None = None
        fallback: Entity | None = None
        for start, ent, subj in reversed(self.mentions):
            if start >= offset:
                continue
            if offset - start > ANTECEDENT_WINDOW and fallback is not None:
                break
            if want_person != (ent.kind == "PERSON"):
                continue
            if sex and ent.sex and ent.sex != sex:
                continue
            if fallback is None:
                fallback = ent
            if subj:  # a subject (or an earlier speaker) is the likelier referent
                best = ent
                break
            if offset - start > ANTECEDENT_WINDOW:
                break
        best = best or fallback
        if best is not None and sex and not best.sex:
            best.sex = sex
        return best

    def note_speaker(self, offset: int, ent: Entity | None, subject: bool = True) -> None:
        """Record that `ent` spoke at `offset`, so a later 'he said' can point back at it."""
        if ent is None:
            return
        self.speakers.append((offset, ent))
        self.mentions.append((offset, ent, subject))
        self.mentions.sort(key=lambda m: m[0])


def _in_headline(ent: Span) -> bool:
    """True when the entity sits on a short title-case line (a headline: its NER is unreliable)."""
    text = ent.doc.text
    a = text.rfind("\n", 0, ent.start_char) + 1
    b = text.find("\n", ent.end_char)
    line = text[a: b if b >= 0 else len(text)]
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 3 or len(words) > 25:
        return False
    # a headline when nearly every word is capitalised; 0.8 leaves room for "of", "the", "to"
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


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
