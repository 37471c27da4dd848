"""PLOVER mode refinement: weapons named in the clause, threat content, request content, future forms."""

from __future__ import annotations

from spacy.tokens import Token

# weapon and tactic words -> ASSAULT mode, most specific first (a "suicide car bomb" is suicide-attack)
WEAPON_MODES: tuple[tuple[str, frozenset[str]], ...] = (
    ("sexual", frozenset({"sexually", "rape", "raped", "rapes"})),
    ("suicide-attack", frozenset({"suicide", "self-immolation"})),
    ("unconventional", frozenset({"chemical", "nuclear", "biological", "sarin", "chlorine", "nerve"})),
    ("crowd-control", frozenset({"tear", "teargas", "water", "rubber", "batons", "truncheons", "stun",
                                 "pepper"})),
    ("drone", frozenset({"drone", "drones", "uav", "uavs", "shahed", "kamikaze"})),
    ("aerial", frozenset({"airstrike", "airstrikes", "air", "warplane", "warplanes", "jet", "jets",
                          "helicopter", "helicopters", "aircraft", "bomber", "bombers", "airplane"})),
    ("heavy-weapons", frozenset({"artillery", "shell", "shells", "shelling", "rocket", "rockets", "mortar",
                                 "mortars", "tank", "tanks", "missile", "missiles", "howitzer", "grad",
                                 "barrage", "cannon", "gunboat", "gunboats", "heavy"})),
    ("explosives", frozenset({"bomb", "bombs", "bombing", "explosive", "explosives", "ied", "ieds", "mine",
                              "mines", "landmine", "grenade", "grenades", "blast", "explosion", "dynamite"})),
    ("firearms", frozenset({"gun", "guns", "gunfire", "gunmen", "rifle", "rifles", "pistol", "shot", "shots",
                            "shooting", "sniper", "snipers", "bullets", "machine-gun", "automatic",
                            "gunbattle", "gunfight", "firefight", "gunshot", "gunshots"})),
    ("primitive", frozenset({"knife", "knives", "machete", "machetes", "axe", "axes", "stones", "rocks",
                             "spears", "clubs", "sticks", "arson", "torched", "stabbed"})),
)
# ASSAULT modes that name the act itself and are kept even when a weapon is named
SPECIFIC_ASSAULT = frozenset({"targeted", "abduct", "torture", "sexual", "beat", "suicide-attack", "crowd-control"})

# what a threat is about, from the type of the threatened act
THREAT_MODE = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict", "PROTEST": "restrict",
               "MOBILIZE": "violence", "RETREAT": "relations", "REJECT": "relations"}
# what a request or rejection is about, from the type of the requested act
REQUEST_MODE = {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist",
                "RETREAT": "yield", "CONCEDE": "yield", "SANCTION": "change", "COERCE": "yield",
                "ASSAULT": "yield", "ACCUSE": "change", "REJECT": "change", "REQUEST": "change",
                "MOBILIZE": "yield", "PROTEST": "yield", "THREATEN": "yield"}


def weapon_mode(clause: list[Token]) -> str | None:
    """The most specific ASSAULT weapon mode named in the clause tokens, or None."""
    words = {t.lower_ for t in clause}
    for mode, cues in WEAPON_MODES:
        if words & cues:
            if mode == "crowd-control" and not ({"teargas", "batons", "truncheons", "stun"} & words
                                                or ("tear" in words and "gas" in words)
                                                or ("water" in words and {"cannon", "cannons"} & words)
                                                or ("rubber" in words and {"bullet", "bullets"} & words)
                                                or ("pepper" in words and "spray" in words)):
                continue
            if mode == "unconventional" and not ({"weapon", "weapons", "attack", "agent", "agents", "bomb",
                                                  "bombs", "gas", "munitions", "warhead", "warheads"} & words):
                continue  # "the nuclear plant" is a target, not a weapon
            if mode == "aerial" and "air" in words and not ({"strike", "strikes", "raid", "raids"} & words):
                continue
            return mode
    return None


def refine_assault(mode: str | None, clause: list[Token]) -> str | None:
    """Keep an act-specific mode, else prefer the weapon named in the clause."""
    found = weapon_mode(clause)
    if found == "sexual":
        return found
    if mode in SPECIFIC_ASSAULT:
        return mode
    if found == "suicide-attack" or found is not None:
        return found
    return mode


def threat_mode(complement_type: str | None, complement_mode: str | None, territory: bool) -> str | None:
    """THREATEN mode: the content of the threat."""
    if territory:
        return "territory"
    if complement_type == "COERCE" and complement_mode == "arrest":
        return "arrest"
    if complement_type == "SANCTION" and complement_mode == "expel":
        return "expel"
    return THREAT_MODE.get(complement_type or "")


def request_mode(complement_type: str | None) -> str | None:
    """REQUEST/REJECT mode from the type of what is asked for or refused."""
    return REQUEST_MODE.get(complement_type or "")
