"""Trigger lexicon for PLOVER 2.0 event coding: verb, phrasal, verb+object and noun cues with modes.

Written from the PLOVER manual's category and mode definitions (and the CAMEO-to-PLOVER crosswalk's
verb senses); each entry maps a lemma to (event_type, mode or None).
"""

from __future__ import annotations

Cue = tuple[str, str | None]

VERBS: dict[str, Cue] = {
    # AGREE: intent, offers, promises
    "agree": ("AGREE", None), "promise": ("AGREE", None), "pledge": ("AGREE", None),
    "offer": ("AGREE", None), "vow": ("AGREE", None), "commit": ("AGREE", None),
    "guarantee": ("AGREE", None), "undertake": ("AGREE", None), "accept": ("AGREE", None),
    "settle": ("AGREE", None), "invite": ("AGREE", None), "consent": ("AGREE", None),
    # CONSULT
    "meet": ("CONSULT", None), "visit": ("CONSULT", "visit"), "host": ("CONSULT", "visit"),
    "discuss": ("CONSULT", None), "negotiate": ("CONSULT", None), "consult": ("CONSULT", None),
    "confer": ("CONSULT", None), "talk": ("CONSULT", None), "telephone": ("CONSULT", "phone"),
    "phone": ("CONSULT", "phone"), "receive": ("CONSULT", "visit"), "tour": ("CONSULT", "visit"),
    "mediate": ("CONSULT", "third-party"), "travel": ("CONSULT", "visit"), "arrive": ("CONSULT", "visit"),
    # SUPPORT
    "support": ("SUPPORT", None), "praise": ("SUPPORT", None), "welcome": ("SUPPORT", None),
    "back": ("SUPPORT", None), "endorse": ("SUPPORT", None), "commend": ("SUPPORT", None),
    "congratulate": ("SUPPORT", None), "thank": ("SUPPORT", None), "hail": ("SUPPORT", None),
    "applaud": ("SUPPORT", None), "recognize": ("SUPPORT", None), "recognise": ("SUPPORT", None),
    "approve": ("SUPPORT", None), "forgive": ("SUPPORT", None), "reaffirm": ("SUPPORT", None),
    "ratify": ("SUPPORT", None), "sign": ("SUPPORT", None), "laud": ("SUPPORT", None),
    "sympathize": ("SUPPORT", None), "defend": ("SUPPORT", None), "favor": ("SUPPORT", None),
    "favour": ("SUPPORT", None), "restore": ("SUPPORT", None), "normalize": ("SUPPORT", None),
    # CONCEDE
    "concede": ("CONCEDE", None), "ease": ("CONCEDE", None), "lift": ("CONCEDE", None),
    "relax": ("CONCEDE", None), "yield": ("CONCEDE", None), "compromise": ("CONCEDE", None),
    "pardon": ("CONCEDE", None), "acquit": ("CONCEDE", None), "apologize": ("CONCEDE", None),
    "apologise": ("CONCEDE", None), "regret": ("CONCEDE", None), "allow": ("CONCEDE", None),
    "permit": ("CONCEDE", None), "grant": ("CONCEDE", None), "reverse": ("CONCEDE", None),
    "soften": ("CONCEDE", None), "rescind": ("CONCEDE", None), "revoke": ("CONCEDE", None),
    "amnesty": ("CONCEDE", None), "relent": ("CONCEDE", None), "drop": ("CONCEDE", None),
    # COOPERATE
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None), "extradite": ("COOPERATE", None),
    "share": ("COOPERATE", None), "trade": ("COOPERATE", None), "coordinate": ("COOPERATE", None),
    "partner": ("COOPERATE", None), "ally": ("COOPERATE", None),
    # AID
    "aid": ("AID", None), "donate": ("AID", None), "rescue": ("AID", None), "fund": ("AID", None),
    "finance": ("AID", None), "lend": ("AID", None), "loan": ("AID", None), "airlift": ("AID", None),
    "supply": ("AID", None), "provide": ("AID", None), "deliver": ("AID", None), "assist": ("AID", None),
    "help": ("AID", None), "shelter": ("AID", None), "feed": ("AID", None), "evacuate": ("AID", None),
    # RETREAT
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    "release": ("RETREAT", "release"), "free": ("RETREAT", "release"), "resign": ("RETREAT", "resign"),
    "disarm": ("RETREAT", "disarm"), "demobilize": ("RETREAT", "disarm"), "repatriate": ("RETREAT", None),
    "abandon": ("RETREAT", "withdraw"), "cede": ("RETREAT", "withdraw"), "quit": ("RETREAT", "resign"),
    "surrender": ("RETREAT", "disarm"), "abdicate": ("RETREAT", "resign"),
    # REQUEST
    "demand": ("REQUEST", None), "urge": ("REQUEST", None), "ask": ("REQUEST", None),
    "appeal": ("REQUEST", None), "request": ("REQUEST", None), "press": ("REQUEST", None),
    "plead": ("REQUEST", None), "petition": ("REQUEST", None), "implore": ("REQUEST", None),
    "seek": ("REQUEST", None), "insist": ("REQUEST", None),
    "pressure": ("REQUEST", None), "lobby": ("REQUEST", None), "beg": ("REQUEST", None),
    # ACCUSE
    "accuse": ("ACCUSE", "allege"), "condemn": ("ACCUSE", "disapprove"),
    "criticize": ("ACCUSE", "disapprove"), "criticise": ("ACCUSE", "disapprove"),
    "denounce": ("ACCUSE", "disapprove"), "blame": ("ACCUSE", "allege"), "charge": ("ACCUSE", "allege"),
    "allege": ("ACCUSE", "allege"), "sue": ("ACCUSE", "allege"), "indict": ("ACCUSE", "allege"),
    "investigate": ("ACCUSE", "investigate"), "probe": ("ACCUSE", "investigate"),
    "deplore": ("ACCUSE", "disapprove"), "complain": ("ACCUSE", "disapprove"),
    "rebuke": ("ACCUSE", "disapprove"), "censure": ("ACCUSE", "disapprove"),
    "slam": ("ACCUSE", "disapprove"), "lambast": ("ACCUSE", "disapprove"), "decry": ("ACCUSE", "disapprove"),
    "chastise": ("ACCUSE", "disapprove"), "scold": ("ACCUSE", "disapprove"), "assail": ("ACCUSE", "disapprove"),
    "prosecute": ("ACCUSE", "allege"), "question": ("ACCUSE", "investigate"),
    "interrogate": ("ACCUSE", "investigate"), "object": ("ACCUSE", "disapprove"),
    # REJECT
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "decline": ("REJECT", None),
    "veto": ("REJECT", None), "rebuff": ("REJECT", None), "dismiss": ("REJECT", None),
    "oppose": ("REJECT", None), "resist": ("REJECT", None), "defy": ("REJECT", None),
    "spurn": ("REJECT", None), "deny": ("REJECT", None), "repudiate": ("REJECT", None),
    "snub": ("REJECT", None), "ignore": ("REJECT", None), "bar": ("REJECT", None), "renege": ("REJECT", None),
    "swear": ("AGREE", None),
    # THREATEN
    "threaten": ("THREATEN", None), "warn": ("THREATEN", None),
    # PROTEST
    "protest": ("PROTEST", "demo"), "demonstrate": ("PROTEST", "demo"), "march": ("PROTEST", "demo"),
    "rally": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "picket": ("PROTEST", "demo"),
    "block": ("PROTEST", "obstruct"), "blockade": ("PROTEST", "obstruct"), "boycott": ("PROTEST", "boycott"),
    "vandalize": ("PROTEST", "vandalize"), "barricade": ("PROTEST", "obstruct"),
    # SANCTION
    "sanction": ("SANCTION", "discontinue"), "expel": ("SANCTION", "expel"),
    "embargo": ("SANCTION", "discontinue"), "sever": ("SANCTION", "discontinue"),
    "suspend": ("SANCTION", "discontinue"), "freeze": ("SANCTION", "discontinue"),
    "halt": ("SANCTION", "discontinue"), "recall": ("SANCTION", "withdraw"),
    "convict": ("SANCTION", "convict"), "cancel": ("SANCTION", "discontinue"),
    "terminate": ("SANCTION", "discontinue"), "downgrade": ("SANCTION", "discontinue"),
    "penalize": ("SANCTION", None), "fine": ("SANCTION", "convict"),
    # MOBILIZE
    "mobilize": ("MOBILIZE", "troops"), "mobilise": ("MOBILIZE", "troops"), "deploy": ("MOBILIZE", "troops"),
    "mass": ("MOBILIZE", "troops"), "station": ("MOBILIZE", "troops"), "reinforce": ("MOBILIZE", "troops"),
    "amass": ("MOBILIZE", "troops"), "dispatch": ("MOBILIZE", "troops"), "conscript": ("MOBILIZE", "troops"),
    # COERCE
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"), "confiscate": ("COERCE", "seize"), "raid": ("COERCE", "seize"),
    "ban": ("COERCE", "restrict"), "outlaw": ("COERCE", "restrict"), "censor": ("COERCE", "censor"),
    "deport": ("COERCE", "deport"), "restrict": ("COERCE", "restrict"), "impose": ("COERCE", "restrict"),
    "close": ("COERCE", "restrict"), "evict": ("COERCE", "deport"), "search": ("COERCE", "seize"),
    "sentence": ("COERCE", "arrest"), "hack": ("COERCE", "cyber"), "dissolve": ("COERCE", "restrict"),
    "expropriate": ("COERCE", "seize"), "nationalize": ("COERCE", "seize"), "cordon": ("COERCE", "restrict"),
    "intern": ("COERCE", "arrest"), "apprehend": ("COERCE", "arrest"), "round": ("COERCE", "arrest"),
    "suppress": ("COERCE", "restrict"), "disperse": ("COERCE", "restrict"), "shutter": ("COERCE", "censor"),
    "order": ("COERCE", None), "force": ("COERCE", None), "demolish": ("COERCE", "seize"),
    "prevent": ("COERCE", "restrict"), "prohibit": ("COERCE", "restrict"), "reimpose": ("COERCE", "restrict"),
    "curb": ("COERCE", "restrict"), "deface": ("COERCE", "cyber"), "blackmail": ("COERCE", None),
    # ASSAULT
    "attack": ("ASSAULT", None), "kill": ("ASSAULT", None), "shell": ("ASSAULT", "heavy-weapons"),
    "bomb": ("ASSAULT", "explosives"), "shoot": ("ASSAULT", "firearms"), "fire": ("ASSAULT", None),
    "strike": ("ASSAULT", None), "ambush": ("ASSAULT", None), "assassinate": ("ASSAULT", "targeted"),
    "murder": ("ASSAULT", "targeted"), "massacre": ("ASSAULT", "targeted"), "behead": ("ASSAULT", "targeted"),
    "torture": ("ASSAULT", "torture"), "rape": ("ASSAULT", "sexual"), "abduct": ("ASSAULT", "abduct"),
    "kidnap": ("ASSAULT", "abduct"), "hijack": ("ASSAULT", "abduct"), "beat": ("ASSAULT", "beat"),
    "stab": ("ASSAULT", "primitive"), "wound": ("ASSAULT", None), "injure": ("ASSAULT", None),
    "invade": ("ASSAULT", None), "storm": ("ASSAULT", None), "capture": ("ASSAULT", None),
    "recapture": ("ASSAULT", None), "retake": ("ASSAULT", None), "seize": ("ASSAULT", None),
    "occupy": ("ASSAULT", None), "overrun": ("ASSAULT", None), "liberate": ("ASSAULT", None),
    "regain": ("ASSAULT", None), "clash": ("ASSAULT", None), "fight": ("ASSAULT", None),
    "battle": ("ASSAULT", None), "bombard": ("ASSAULT", "heavy-weapons"), "detonate": ("ASSAULT", "explosives"),
    "explode": ("ASSAULT", "explosives"), "hit": ("ASSAULT", None), "target": ("ASSAULT", None),
    "destroy": ("ASSAULT", "destroy"), "burn": ("ASSAULT", "primitive"), "torch": ("ASSAULT", "primitive"),
    "slaughter": ("ASSAULT", "targeted"), "execute": ("ASSAULT", "targeted"), "lynch": ("ASSAULT", "beat"),
    "gun": ("ASSAULT", "firearms"), "pound": ("ASSAULT", "heavy-weapons"), "besiege": ("ASSAULT", None), "encircle": ("ASSAULT", None),
    "assault": ("ASSAULT", None), "wage": ("ASSAULT", None), "repel": ("ASSAULT", None), "repulse": ("ASSAULT", None),
    "counterattack": ("ASSAULT", None), "intercept": ("ASSAULT", None), "sink": ("ASSAULT", "destroy"), "raze": ("ASSAULT", "destroy"),
    "blast": ("ASSAULT", "explosives"), "rocket": ("ASSAULT", "heavy-weapons"),
    "die": ("ASSAULT", None), "abuse": ("ASSAULT", "beat"), "violate": ("ASSAULT", None),

}

# verb + particle or preposition: these override the bare verb
PHRASAL: dict[tuple[str, str], Cue] = {
    ("call", "for"): ("REQUEST", None), ("call", "on"): ("REQUEST", None), ("call", "upon"): ("REQUEST", None),
    ("appeal", "for"): ("REQUEST", None), ("ask", "for"): ("REQUEST", None), ("press", "for"): ("REQUEST", None),
    ("pull", "out"): ("RETREAT", "withdraw"), ("pull", "back"): ("RETREAT", "withdraw"),
    ("step", "down"): ("RETREAT", "resign"), ("stand", "down"): ("RETREAT", "resign"),
    ("hand", "over"): ("RETREAT", "withdraw"), ("give", "up"): ("RETREAT", "withdraw"),
    ("take", "over"): ("ASSAULT", None), ("break", "off"): ("SANCTION", "discontinue"),
    ("cut", "off"): ("SANCTION", "discontinue"), ("crack", "down"): ("COERCE", "restrict"),
    ("shut", "down"): ("COERCE", "restrict"), ("blow", "up"): ("ASSAULT", "explosives"),
    ("open", "fire"): ("ASSAULT", "firearms"), ("walk", "out"): ("PROTEST", "boycott"),
    ("speak", "against"): ("ACCUSE", "disapprove"), ("round", "up"): ("COERCE", "arrest"),
    ("turn", "down"): ("REJECT", None), ("rule", "out"): ("REJECT", None), ("lash", "out"): ("ACCUSE", "disapprove"),
    ("meet", "with"): ("CONSULT", None), ("talk", "with"): ("CONSULT", None), ("fall", "to"): ("ASSAULT", None),
    ("send", "aid"): ("AID", None), ("look", "into"): ("ACCUSE", "investigate"), ("set", "free"): ("RETREAT", "release"),
    ("back", "down"): ("CONCEDE", None), ("give", "in"): ("CONCEDE", None), ("lay", "down"): ("RETREAT", "disarm"),
    ("sit", "down"): ("CONSULT", None), ("call", "off"): ("CONCEDE", None), ("push", "for"): ("REQUEST", None),
    ("shoot", "down"): ("ASSAULT", None), ("force", "out"): ("COERCE", "deport"), ("ship", "out"): ("SANCTION", "withdraw"), ("carry", "out"): ("ASSAULT", None), ("fire", "on"): ("ASSAULT", "firearms"),
}

# verb + direct-object lemma: the object decides the sense ("impose sanctions", "break relations")
VERB_OBJECT: dict[tuple[str, str], Cue] = {
    ("impose", "sanction"): ("SANCTION", "discontinue"), ("impose", "embargo"): ("SANCTION", "discontinue"),
    ("adopt", "sanction"): ("SANCTION", "discontinue"), ("approve", "sanction"): ("SANCTION", "discontinue"),
    ("unveil", "sanction"): ("SANCTION", "discontinue"), ("slap", "sanction"): ("SANCTION", "discontinue"),
    ("introduce", "sanction"): ("SANCTION", "discontinue"), ("adopt", "embargo"): ("SANCTION", "discontinue"),
    ("impose", "curfew"): ("COERCE", "curfew"), ("impose", "law"): ("COERCE", "martial-law"),
    ("declare", "emergency"): ("COERCE", "martial-law"), ("declare", "state"): ("COERCE", "martial-law"),
    ("impose", "state"): ("COERCE", "martial-law"), ("declare", "law"): ("COERCE", "martial-law"),
    ("impose", "ban"): ("COERCE", "restrict"), ("impose", "restriction"): ("COERCE", "restrict"),
    ("break", "relation"): ("SANCTION", "discontinue"), ("break", "tie"): ("SANCTION", "discontinue"),
    ("sever", "tie"): ("SANCTION", "discontinue"), ("cut", "tie"): ("SANCTION", "discontinue"),
    ("lift", "sanction"): ("CONCEDE", None), ("lift", "curfew"): ("CONCEDE", None), ("lift", "ban"): ("CONCEDE", None),
    ("hold", "talk"): ("CONSULT", None), ("hold", "meeting"): ("CONSULT", None), ("hold", "discussion"): ("CONSULT", None),
    ("hold", "negotiation"): ("CONSULT", None), ("hold", "summit"): ("CONSULT", "multilateral"),
    ("hold", "rally"): ("PROTEST", "demo"), ("hold", "protest"): ("PROTEST", "demo"),
    ("hold", "demonstration"): ("PROTEST", "demo"), ("hold", "hostage"): ("ASSAULT", "abduct"),
    ("reach", "agreement"): ("AGREE", None), ("reach", "deal"): ("AGREE", None), ("strike", "deal"): ("AGREE", None),
    ("sign", "agreement"): ("SUPPORT", None), ("sign", "deal"): ("SUPPORT", None), ("sign", "treaty"): ("SUPPORT", None),
    ("sign", "accord"): ("SUPPORT", None), ("sign", "pact"): ("SUPPORT", None), ("lodge", "protest"): ("ACCUSE", "disapprove"),
    ("lodge", "complaint"): ("ACCUSE", "allege"), ("violate", "ban"): ("REJECT", None), ("violate", "law"): ("REJECT", None),
    ("violate", "order"): ("REJECT", None), ("defy", "ban"): ("REJECT", None), ("hand", "medicine"): ("AID", None),
    ("hand", "aid"): ("AID", None), ("hand", "food"): ("AID", None), ("hand", "supply"): ("AID", None),
    ("withdraw", "peacekeeper"): ("SANCTION", "withdraw"), ("withdraw", "inspector"): ("SANCTION", "withdraw"),
    ("withdraw", "monitor"): ("SANCTION", "withdraw"), ("withdraw", "worker"): ("SANCTION", "withdraw"),
    ("withdraw", "peacekeeping"): ("SANCTION", "withdraw"), ("withdraw", "mission"): ("SANCTION", "withdraw"),
    ("withdraw", "staff"): ("SANCTION", "withdraw"), ("withdraw", "envoy"): ("SANCTION", "withdraw"),
    ("take", "control"): ("ASSAULT", None), ("lose", "control"): ("RETREAT", "withdraw"),
    ("take", "hostage"): ("ASSAULT", "abduct"), ("take", "prisoner"): ("ASSAULT", "abduct"),
    ("send", "troop"): ("MOBILIZE", "troops"), ("send", "force"): ("MOBILIZE", "troops"),
    ("send", "soldier"): ("MOBILIZE", "troops"), ("send", "aid"): ("AID", None), ("send", "weapon"): ("AID", None),
    ("provide", "weapon"): ("AID", None), ("withdraw", "ambassador"): ("SANCTION", "withdraw"),
    ("withdraw", "diplomat"): ("SANCTION", "withdraw"), ("withdraw", "support"): ("SANCTION", "withdraw"),
    **{(v, o): ("CONCEDE", None) for v in ("withdraw", "drop", "scrap", "shelve", "abandon")  # "withdrew the bill"
       for o in ("bill", "law", "legislation", "proposal", "draft", "amendment", "demand", "claim", "complaint",
                 "lawsuit", "charge", "nomination", "candidacy", "plan", "reform", "tariff", "condition")},
    ("withdraw", "aid"): ("SANCTION", "withdraw"), ("withdraw", "observer"): ("SANCTION", "withdraw"),
    ("recall", "ambassador"): ("SANCTION", "withdraw"), ("suspend", "protest"): ("CONCEDE", None),
    ("suspend", "strike"): ("CONCEDE", None), ("suspend", "publication"): ("COERCE", "censor"),
    ("declare", "ceasefire"): ("CONCEDE", None), ("declare", "truce"): ("CONCEDE", None),
    ("observe", "ceasefire"): ("RETREAT", "ceasefire"), ("violate", "ceasefire"): ("ASSAULT", None),
    ("express", "support"): ("SUPPORT", None), ("express", "concern"): ("ACCUSE", "disapprove"),
    ("express", "regret"): ("CONCEDE", None), ("express", "opposition"): ("REJECT", None),
    ("grant", "asylum"): ("AID", None), ("grant", "aid"): ("AID", None), ("grant", "amnesty"): ("CONCEDE", None),
    ("file", "lawsuit"): ("ACCUSE", "allege"), ("file", "complaint"): ("ACCUSE", "allege"),
    ("file", "charge"): ("ACCUSE", "allege"), ("bring", "charge"): ("ACCUSE", "allege"),
    ("launch", "investigation"): ("ACCUSE", "investigate"), ("open", "investigation"): ("ACCUSE", "investigate"),
    ("shut", "border"): ("COERCE", "restrict"), ("close", "border"): ("COERCE", "restrict"),
    ("go", "strike"): ("PROTEST", "strike"),
    ("free", "hostage"): ("RETREAT", "release"), ("release", "hostage"): ("RETREAT", "release"),
    ("deny", "access"): ("REJECT", None), ("allow", "access"): ("RETREAT", "access"),
    ("pay", "compensation"): ("AID", None), ("pay", "reparation"): ("AID", None),
    ("offer", "aid"): ("AGREE", None), ("issue", "warning"): ("THREATEN", None),
    ("issue", "ultimatum"): ("THREATEN", None), ("issue", "statement"): ("CONSULT", None),
    ("hold", "election"): ("SUPPORT", None), ("seize", "power"): ("COERCE", None),
    ("establish", "tie"): ("SUPPORT", None), ("establish", "relation"): ("SUPPORT", None),
    ("upgrade", "tie"): ("SUPPORT", None), ("upgrade", "relation"): ("SUPPORT", None),
    ("restore", "tie"): ("SUPPORT", None), ("restore", "relation"): ("SUPPORT", None),
    ("normalize", "relation"): ("SUPPORT", None), ("open", "fire"): ("ASSAULT", "firearms"),
    ("set", "fire"): ("ASSAULT", "primitive"), ("throw", "stone"): ("PROTEST", "riot"),
    ("use", "gas"): ("ASSAULT", "crowd-control"), ("use", "cannon"): ("ASSAULT", "crowd-control"),
    ("fire", "cannon"): ("ASSAULT", "crowd-control"), ("use", "bullet"): ("ASSAULT", "crowd-control"), ("fire", "gas"): ("ASSAULT", "crowd-control"),
    ("stop", "work"): ("PROTEST", "strike"), ("shun", "work"): ("PROTEST", "strike"),
    ("down", "tool"): ("PROTEST", "strike"), ("stay", "home"): ("PROTEST", "strike"), ("remain", "alert"): ("MOBILIZE", "troops"),
    ("put", "alert"): ("MOBILIZE", "troops"), ("strengthen", "force"): ("MOBILIZE", "troops"),
    ("order", "patrol"): ("MOBILIZE", "police"), ("impose", "blockade"): ("COERCE", "restrict"),
    ("reimpose", "blockade"): ("COERCE", "restrict"), ("shorten", "curfew"): ("CONCEDE", None),
    ("extend", "curfew"): ("COERCE", "curfew"), ("cancel", "restriction"): ("CONCEDE", None),
    ("lift", "blockade"): ("CONCEDE", None), ("lift", "restriction"): ("CONCEDE", None),
    ("ease", "restriction"): ("CONCEDE", None), ("accept", "demand"): ("CONCEDE", None),
    ("meet", "demand"): ("CONCEDE", None), ("dispatch", "inspector"): ("ACCUSE", "investigate"),
    ("send", "inspector"): ("ACCUSE", "investigate"), ("send", "investigator"): ("ACCUSE", "investigate"),
    ("reduce", "supply"): ("SANCTION", "discontinue"), ("cut", "supply"): ("SANCTION", "discontinue"),
    ("end", "mediation"): ("SANCTION", "withdraw"), ("halt", "mediation"): ("SANCTION", "withdraw"),
    ("send", "arm"): ("AID", None), ("deny", "entry"): ("SANCTION", None), ("close", "embassy"): ("SANCTION", "withdraw"),
    ("give", "welcome"): ("CONSULT", "visit"), ("give", "aid"): ("AID", None), ("give", "grant"): ("AID", None),
    ("take", "step"): ("CONCEDE", None), ("speak", "phone"): ("CONSULT", "phone"),
    ("talk", "phone"): ("CONSULT", "phone"), ("speak", "telephone"): ("CONSULT", "phone"), ("exchange", "prisoner"): ("RETREAT", "release"),
    ("swap", "prisoner"): ("RETREAT", "release"), ("exchange", "fire"): ("ASSAULT", "firearms"),
    ("exchange", "body"): ("RETREAT", "release"), ("tighten", "blockade"): ("COERCE", "restrict"),
    ("tighten", "sanction"): ("SANCTION", "discontinue"), ("tighten", "restriction"): ("COERCE", "restrict"),
    ("contribute", "troop"): ("AID", None), ("contribute", "aid"): ("AID", None), ("take", "measure"): ("COERCE", None),
}

# material goods: sending, delivering or giving them to someone is AID ("sent 50 ambulances to Ukraine")
MATERIAL = ("ambulance", "vehicle", "equipment", "weapon", "arm", "tank", "food", "medicine", "supply", "generator",
            "ammunition", "money", "fund", "shell", "missile", "tent", "blanket", "grain", "fuel", "drug", "vaccine",
            "truck", "jet", "aircraft", "system", "battery", "loan", "grant", "assistance", "package", "shipment")
VERB_OBJECT.update({(v, n): ("AID", None) for v in ("send", "deliver", "give", "provide", "ship", "supply",
                                                     "transfer", "hand") for n in MATERIAL})

# nouns that name an event; used as objects of light verbs, as subjects of occurrence verbs, or alone
NOUNS: dict[str, Cue] = {
    "attack": ("ASSAULT", None), "offensive": ("ASSAULT", None), "airstrike": ("ASSAULT", "aerial"),
    "strike": ("ASSAULT", None), "bombing": ("ASSAULT", "explosives"), "shelling": ("ASSAULT", "heavy-weapons"),
    "clash": ("ASSAULT", None), "fighting": ("ASSAULT", None), "battle": ("ASSAULT", None),
    "explosion": ("ASSAULT", "explosives"), "blast": ("ASSAULT", "explosives"), "raid": ("ASSAULT", None),
    "ambush": ("ASSAULT", None), "assault": ("ASSAULT", None), "invasion": ("ASSAULT", None),
    "incursion": ("ASSAULT", None), "massacre": ("ASSAULT", "targeted"), "assassination": ("ASSAULT", "targeted"),
    "shooting": ("ASSAULT", "firearms"), "gunfire": ("ASSAULT", "firearms"), "killing": ("ASSAULT", None),
    "bombardment": ("ASSAULT", "heavy-weapons"), "barrage": ("ASSAULT", "heavy-weapons"),
    "counteroffensive": ("ASSAULT", None), "defeat": ("ASSAULT", None), "counterattack": ("ASSAULT", None), "war": ("ASSAULT", None),
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "riot": ("PROTEST", "riot"), "march": ("PROTEST", "demo"), "sit-in": ("PROTEST", "demo"),
    "boycott": ("PROTEST", "boycott"), "blockade": ("PROTEST", "obstruct"), "walkout": ("PROTEST", "strike"),
    "talk": ("CONSULT", None), "meeting": ("CONSULT", None), "summit": ("CONSULT", "multilateral"),
    "negotiation": ("CONSULT", None), "visit": ("CONSULT", "visit"), "consultation": ("CONSULT", None),
    "discussion": ("CONSULT", None), "call": ("CONSULT", "phone"),
    "agreement": ("AGREE", None), "deal": ("AGREE", None), "accord": ("AGREE", None), "pact": ("AGREE", None),
    "treaty": ("AGREE", None), "ceasefire": ("RETREAT", "ceasefire"), "truce": ("RETREAT", "ceasefire"),
    "sanction": ("SANCTION", "discontinue"), "embargo": ("SANCTION", "discontinue"),
    "curfew": ("COERCE", "curfew"), "crackdown": ("COERCE", "restrict"), "arrest": ("COERCE", "arrest"),
    "detention": ("COERCE", "arrest"), "ban": ("COERCE", "restrict"), "aid": ("AID", None),
    "assistance": ("AID", None), "condemnation": ("ACCUSE", "disapprove"), "criticism": ("ACCUSE", "disapprove"),
    "investigation": ("ACCUSE", "investigate"), "probe": ("ACCUSE", "investigate"), "inquiry": ("ACCUSE", "investigate"),
    "lawsuit": ("ACCUSE", "allege"), "accusation": ("ACCUSE", "allege"), "appeal": ("REQUEST", None),
    "demand": ("REQUEST", None), "request": ("REQUEST", None), "threat": ("THREATEN", None),
    "warning": ("THREATEN", None), "ultimatum": ("THREATEN", None), "withdrawal": ("RETREAT", "withdraw"),
    "release": ("RETREAT", "release"), "resignation": ("RETREAT", "resign"), "deployment": ("MOBILIZE", "troops"),
    "mobilization": ("MOBILIZE", "troops"), "mobilisation": ("MOBILIZE", "troops"), "conscription": ("MOBILIZE", "troops"), "hunger strike": ("PROTEST", "hunger"),
    "martial law": ("COERCE", "martial-law"), "state of emergency": ("COERCE", "martial-law"),
    "expulsion": ("SANCTION", "expel"), "rejection": ("REJECT", None), "refusal": ("REJECT", None),
    "support": ("SUPPORT", None), "apology": ("CONCEDE", None), "amnesty": ("CONCEDE", None),
    "consensus": ("AGREE", None), "welcome": ("CONSULT", "visit"), "mediation": ("CONSULT", "third-party"),
    "exercise": ("COOPERATE", None), "game": ("COOPERATE", None), "drill": ("COOPERATE", None),
    "maneuver": ("COOPERATE", None), "hearing": ("ACCUSE", "investigate"), "suspension": ("SANCTION", "discontinue"),
    "blackout": ("COERCE", "censor"), "siege": ("ASSAULT", None), "cleansing": ("ASSAULT", "targeted"),
    "patrol": ("MOBILIZE", "police"), "cooperation": ("COOPERATE", None), "pledge": ("AGREE", None),
    "promise": ("AGREE", None), "offer": ("AGREE", None), "reminder": ("REQUEST", None),
}

# verbs that carry no event of their own and take an event noun as object ("launched an attack")
LIGHT_VERBS = frozenset({
    "hold", "launch", "carry", "stage", "conduct", "mount", "make", "begin", "start", "open", "resume",
    "continue", "intensify", "step", "escalate", "organize", "organise", "lead", "unleash",
    "issue", "have", "go", "join", "call", "announce", "order", "take", "give", "reach", "conclude",
    "sign", "express", "voice", "end", "perpetrate", "commit", "renew", "spark", "trigger", "claim",
    "complete", "speed", "finish", "accelerate", "undertake", "engage", "initiate", "wage",
    "reiterate", "repeat", "lodge", "deliver", "extend", "offer",
})

# intransitive verbs whose subject names the event ("clashes broke out", "an explosion rocked")
OCCURRENCE_VERBS = frozenset({"break", "erupt", "occur", "happen", "rock", "hit", "kill", "take", "continue",
                              "rage", "flare", "resume", "ensue", "go", "leave", "injure", "wound", "damage"})

# verbs that govern another event: the governor's own type wins, the complement gives the mode
GOVERNING_OWN = frozenset({"threaten", "warn", "refuse", "decline", "reject", "demand", "urge", "ask",
                           "call", "appeal", "press", "request", "agree", "promise", "pledge", "offer",
                           "vow", "commit", "accuse", "deny", "insist", "plead", "implore", "seek", "invite",
                           "push", "pressure", "swear", "order", "force", "willing", "ready", "prepared", "eager", "determined"})
# verbs that make their complement future or hypothetical: the complement keeps its type
GOVERNING_FUTURE = frozenset({"plan", "intend", "prepare", "want", "hope", "expect", "consider", "aim",
                              "try", "attempt", "decide", "propose", "wish", "mean", "set", "seem",
                              "appear", "could", "may", "might", "likely", "fail", "begin", "start",
                              "continue", "resume", "help", "move", "vote", "need", "struggle"})
# adjectives of willingness: a cooperative act under them is an offer (AGREE), a hostile one a threat
WILLING = frozenset({"willing", "ready", "prepared", "eager", "determined", "open", "keen"})
# types that a future or offered act turns into AGREE, and those it turns into THREATEN
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
# reporting verbs: their complement is attributed to a source
REPORTING = frozenset({"say", "tell", "report", "announce", "claim", "state", "add", "confirm", "declare",
                       "note", "write", "explain", "believe", "think", "quote", "indicate", "show",
                       "disclose", "reveal", "acknowledge", "admit", "suggest", "predict", "estimate",
                       "argue", "stress", "reiterate", "assert", "contend", "maintain", "testify"})


def _known() -> frozenset[str]:
    words = set(VERBS) | set(NOUNS) | LIGHT_VERBS | OCCURRENCE_VERBS | GOVERNING_OWN | GOVERNING_FUTURE | REPORTING
    words |= {v for v, _ in PHRASAL} | {v for v, _ in VERB_OBJECT} | {o for _, o in VERB_OBJECT} | WILLING
    return frozenset(words)


KNOWN = _known()


def lem(tok) -> str:
    """Lower-case lemma, repaired from the word form when the tagger's lemma is not a word we know.

    The small English model sometimes lemmatises unseen forms wrongly ('staged' -> 'stag'); when the
    lemma is unknown we try the usual inflection strippings and keep the first one the lexicon knows.
    """
    lemma = tok.lemma_.lower()
    if lemma in KNOWN:
        return lemma
    w = tok.lower_
    for cand in (w[:-1], w[:-2], w[:-3] + "e", w[:-3], w[:-4] if len(w) > 5 and w[-4] == w[-5] else "",
                 w[:-3] + "y" if w.endswith("ied") else ""):
        if cand and cand in KNOWN:
            return cand
    return lemma
