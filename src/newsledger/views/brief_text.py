"""Plain-English sentences for the brief: event summaries, control changes, figures and disagreements."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from newsledger.models import Actor, Event

# Past-tense verb phrase for each PLOVER type, used as "<actor> <verb> <recipient>".
VERBS: dict[str, tuple[str, str]] = {  # type -> (verb before recipient, verb with no recipient)
    "AGREE": ("reached an agreement with", "reached an agreement"),
    "CONSULT": ("held talks with", "held talks"),
    "SUPPORT": ("voiced support for", "voiced support"),
    "CONCEDE": ("made concessions to", "made concessions"),
    "COOPERATE": ("cooperated with", "cooperated"),
    "AID": ("provided aid to", "provided aid"),
    "RETREAT": ("pulled back from", "pulled back"),
    "REQUEST": ("made demands of", "made demands"),
    "ACCUSE": ("accused", "made accusations"),
    "REJECT": ("rejected", "rejected a proposal"),
    "THREATEN": ("threatened", "issued threats"),
    "PROTEST": ("protested against", "protested"),
    "SANCTION": ("imposed sanctions on", "imposed sanctions"),
    "MOBILIZE": ("mobilised against", "mobilised forces"),
    "COERCE": ("used coercion against", "used coercion"),
    "ASSAULT": ("attacked", "carried out an attack"),
}
# Noun for each type when no actor is known ("An attack on X was reported").
NOUNS: dict[str, str] = {
    "AGREE": "An agreement", "CONSULT": "Talks", "SUPPORT": "Support", "CONCEDE": "A concession",
    "COOPERATE": "Cooperation", "AID": "Aid", "RETREAT": "A withdrawal", "REQUEST": "A demand",
    "ACCUSE": "An accusation", "REJECT": "A rejection", "THREATEN": "A threat", "PROTEST": "A protest",
    "SANCTION": "Sanctions", "MOBILIZE": "A mobilisation", "COERCE": "Coercive action (arrests, raids or force)",
    "ASSAULT": "An attack",
}
# Preposition joining a noun above to its recipient ("an attack on", "aid to").
PREPOSITIONS: dict[str, str] = {
    "ASSAULT": "on", "SANCTION": "on", "AID": "to", "CONCEDE": "to", "SUPPORT": "for", "REQUEST": "to",
    "COOPERATE": "with", "CONSULT": "with", "AGREE": "with", "RETREAT": "by", "MOBILIZE": "against",
}


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.lower().replace("'", "").replace("\u2019", "").split())


# Everyday names where ISO's formal name reads stiffly in a report.
EVERYDAY_NAMES = {"RU": "Russia", "IR": "Iran", "SY": "Syria", "KR": "South Korea", "KP": "North Korea",
                  "MD": "Moldova", "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania", "VN": "Vietnam",
                  "LA": "Laos", "TW": "Taiwan", "PS": "Palestine", "CD": "DR Congo", "GB": "United Kingdom",
                  "US": "United States"}


def country_name(code: str | None) -> str | None:
    """A readable country name for an ISO alpha-2 code (everyday name, else pycountry's common name)."""
    if not code:
        return None
    if code.upper() in EVERYDAY_NAMES:
        return EVERYDAY_NAMES[code.upper()]
    import pycountry

    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def code_name(code: str) -> str:
    """A readable name for an actor code: ISO alpha-3 country codes become country names ("UKR" -> "Ukraine")."""
    if len(code) == 3 and code.isalpha():
        import pycountry

        c = pycountry.countries.get(alpha_3=code.upper())
        if c is not None:
            return country_name(c.alpha_2) or code
    return code


def _actor_name(a: Actor) -> str:
    """The actor's name; an unresolved one (no code) keeps the casing it had in the sentence."""
    n = re.sub(r" (['\u2019]s)\b", r"\1", a.name.strip())  # tokeniser spacing: "army 's" -> "army's"
    if not a.code and a.text and a.text[:1].islower() and n[:1].isupper() and n.lower() == a.text.lower():
        n = n[0].lower() + n[1:]
    return n


def _actors(actors: list[Actor]) -> str:
    """'Russia', 'Russia and Belarus': names joined, repeats and fragments of a longer name dropped."""
    names: list[str] = []
    for n in (_actor_name(a) for a in actors):
        if not n or n.endswith(("'s", "\u2019s")):
            continue
        if any(n.lower() in x.lower() for x in names):
            continue
        names = [x for x in names if x.lower() not in n.lower()] + [n]
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# First words that are not names and read lower-case mid-sentence ("detained more than 70 people").
_COMMON_FIRST = frozenset(("the a an thousands hundreds dozens tens more less fewer about some several many all "
                           "at around nearly almost over up two three four five six seven eight nine ten his her "
                           "its their riot protesters demonstrators people police officers civilians").split())


def _mid_sentence(text: str) -> str:
    """Lower-case a leading common word so a phrase reads mid-sentence ("attacked the crowd")."""
    first = text.split(" ", 1)[0]
    if first.lower() in _COMMON_FIRST or first[:1].isdigit():
        return first.lower() + text[len(first):]
    return text


def summary_sentence(e: Event) -> str:
    """A one-sentence plain-English summary of an event from its coded fields."""
    actor = _actors(e.actor)
    recip = _mid_sentence(_actors(e.recipient))
    place = e.location.name if e.location and e.location.name else None
    verb_r, verb_0 = VERBS.get(e.event_type, ("acted against", "acted"))
    if actor:
        hedge = {"reported": "reportedly ", "speculative": "may have ", "negated": "did not "}.get(e.modality, "")
        verb = verb_r if recip else verb_0
        if hedge in ("may have ", "did not "):
            verb = _base_form(verb, hedge)
        core = f"{actor} {hedge}{verb} {recip}".strip()
    else:
        noun = NOUNS.get(e.event_type, "An event")
        against = f" {PREPOSITIONS.get(e.event_type, 'against')} {recip}" if recip else ""
        tail = {"speculative": "may have taken place", "negated": "was denied"}.get(e.modality, "was reported")
        core = f"{noun}{against} {tail}"
    if place and _fold(place) not in _fold(core):
        core += f" in {place}"
    return core[0].upper() + core[1:] + "."


# Past tense -> base form after "may have" / "did not" (only the verbs used in VERBS).
_BASE = {"reached": "reach", "held": "hold", "voiced": "voice", "made": "make", "cooperated": "cooperate",
         "provided": "provide", "pulled": "pull", "accused": "accuse", "rejected": "reject",
         "threatened": "threaten", "protested": "protest", "imposed": "impose", "mobilised": "mobilise",
         "used": "use", "attacked": "attack", "issued": "issue", "carried": "carry", "acted": "act"}
_PARTICIPLE = {"held": "held", "made": "made", "carried": "carried"}


def _base_form(verb: str, hedge: str) -> str:
    first, _, rest = verb.partition(" ")
    if hedge == "did not ":
        first = _BASE.get(first, first)
    else:
        first = _PARTICIPLE.get(first, first)  # "may have" takes the participle, same as past for the rest
    return f"{first} {rest}".strip()


def _outlet_of(e: Event) -> dict[str, str]:
    return {s.article_id: s.outlet or s.article_id for s in e.sources}


def _pretty_value(value: Any) -> str:
    """A disagreement value for readers: merge keys like "t'bilisi|GE" become "T'bilisi (GE)"."""
    text = str(value)
    if "|" in text:
        name, _, country = text.partition("|")
        name = name[:1].upper() + name[1:] if name.islower() else name
        return f"{name} ({country})" if country else name
    return text


def disagreement_note(e: Event) -> str | None:
    """'Sources disagree on the date: 2022-10-01 (Meridian Wire) vs 2022-10-02 (Eastern Dispatch).'"""
    if not e.disagreements:
        return None
    names = _outlet_of(e)
    parts = []
    for d in e.disagreements:
        versions = []
        for v in d.get("versions", []):
            who = sorted({names.get(a, a) for a in v.get("sources", [])})
            versions.append(f"{_pretty_value(v.get('value'))} ({', '.join(who)})")
        outlet_sets = {frozenset(names.get(a, a) for a in v.get("sources", [])) for v in d.get("versions", [])}
        if len(versions) > 1 and len(outlet_sets) > 1 and len(frozenset().union(*outlet_sets)) > 1:
            parts.append(f"on the {str(d.get('field', 'detail')).replace('_', ' ')}: " + " vs ".join(versions))
    return ("Sources disagree " + "; ".join(parts) + ".") if parts else None


def control_sentence(e: Event, names: dict[str, str], before: str | None, nearby: str | None = None) -> str:
    """'Lyman (Donetsk): control passed from Russia to Ukraine.'

    When the territory record leaves a side open, the event's own actor fills it (the attacker gains, the
    side that retreats loses), then `nearby` (the one side other reports within a day say gained it), and the
    stored history gives who held the place before.
    """
    t = e.territory
    assert t is not None
    codes = [a.code for a in e.actor if a.code]
    gained_code = t.gained_by or (codes[0] if codes and e.event_type in ("ASSAULT", "COERCE", "MOBILIZE") else None)
    lost_code = t.lost_by or (codes[0] if codes and e.event_type in ("RETREAT", "CONCEDE") else None)
    if not gained_code and nearby and nearby != lost_code:
        gained_code = nearby
    if not lost_code and before and before != gained_code:
        lost_code = before
    gained = names.get(gained_code) or code_name(gained_code) if gained_code else None
    lost = names.get(lost_code) or code_name(lost_code) if lost_code else None
    where = t.place
    if e.location and e.location.admin1 and _fold(e.location.admin1) != _fold(t.place):
        where += f" ({e.location.admin1})"
    if e.modality == "negated":
        return f"{where}: reports deny a change of control."
    hedge = {"reported": " reportedly", "speculative": " may have"}.get(e.modality, "")
    if gained and lost:
        verb = "passed" if hedge != " may have" else "passed"
        return f"{where}: control{hedge} {verb} from {lost} to {gained}."
    if gained:
        return f"{where}: {gained}{hedge} {'taken' if hedge == ' may have' else 'took'} control."
    if lost:
        return f"{where}: {lost}{hedge} lost control."
    return f"{where}: control changed hands; the report does not say who holds it now."


_PRONOUNS = frozenset({"which", "who", "that", "it", "its", "they", "their", "them", "he", "she", "his", "her",
                       "this", "these", "those", "we", "our"})


def figure_sentence(f: dict[str, Any]) -> str:
    """'5,500 Russian troops (according to Serhiy Cherevatyi)'."""
    counts = _plural(_sentence_casing(f["counts"] or "", f.get("sentence") or ""), f["value"] or 0)
    bound = {"at_least": "at least ", "at_most": "up to ", "approximate": "about "}.get(f["bound"] or "", "")
    if f.get("approximate") and not bound:
        bound = "about "
    subject = f" {f['subject']}" if f.get("subject") and len(f["subject"]) < 40 else ""
    if re.search(r"\d", subject) or _fold(f["text"]) in _fold(subject) or _fold(subject.strip()) in _PRONOUNS:
        subject = ""  # a number, the figure itself or a bare pronoun ("which") in the subject is a parsing slip
    if subject and _fold(counts).startswith(_fold(subject.strip()) + " "):
        counts = subject.strip() + counts[len(subject.strip()):]  # counts already say whose: keep its casing
        subject = ""
    if subject.endswith("s") and not subject.endswith("ss"):
        counts = ""  # "70 officers", not "70 officers people"
    number = re.sub(r"^(about|around|nearly|more than|at least|at most|up to|some|over|almost) ", "", f["text"])
    text = f"{bound}{number}{subject} {counts}".strip()
    if f.get("claimed_by"):
        who = f["claimed_by"]
        if who[:1].islower() and who.split(" ", 1)[0] not in ("the", "a", "an", "his", "her", "its", "their"):
            who = "the " + who  # "according to the interior ministry"
        text += f", according to {who}"
    return text[0].upper() + text[1:]


def _sentence_casing(word: str, sentence: str) -> str:
    """`word` as the sentence writes it ("kalibr" -> "Kalibr"), when the sentence has it."""
    m = re.search(r"\b" + re.escape(word) + r"\b", sentence, flags=re.I) if word else None
    return m.group(0) if m else word


_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women"}
_UNCHANGED = frozenset({"people", "police", "personnel", "staff", "aircraft", "livestock", "equipment",
                        "ammunition", "weaponry", "fuel", "grain", "cash", "money", "aid", "artillery"})


def _plural(noun: str, value: float) -> str:
    """Plural of a counted noun phrase: its last word only ("russian troop" -> "russian troops")."""
    head, _, last = noun.rpartition(" ")
    if not last or value == 1 or last in _UNCHANGED or last.endswith("s"):
        return noun
    return (head + " " if head else "") + _IRREGULAR.get(last, last + "s")
