"""Words that introduce what someone said or thinks (speech, writing and belief verbs)."""

from __future__ import annotations

# Verbs of saying and thinking. Started from the usual reporting verbs of wire copy and extended
# with the frequent cue lemmas of the PolNeAR *train* split (never dev/test).
SPEECH_VERBS: frozenset[str] = frozenset("""
say tell add note claim argue insist warn explain announce state declare write tweet report
acknowledge admit deny suggest assert contend believe think predict ask reply respond recall urge
promise vow pledge confirm estimate allege charge complain describe stress emphasize emphasise
maintain joke quip testify conclude reveal indicate hope fear know feel expect worry agree post
wonder question accuse criticize criticise blame praise call propose recommend remark observe
concede caution comment counter disclose assure reiterate repeat mention hint signal threaten
order demand suspect doubt imagine speculate understand acknowledge lament decry complain announce
continue declare affirm proclaim shout yell scream tweet email text retort snap boast brag
show find reckon guess figure assume consider presume predict forecast project estimate
muse riff vent quote remember recount marvel gush chide scold concur interject interrupt laugh
sigh mutter whisper exclaim cry plead beg lecture preach rant rail fume grumble opine posit
surmise summarize summarise elaborate clarify confide divulge inform notify advise reassure
relent reflect recollect reckon retort rebut fire hit shoot push pen quip read
learn imply remind demonstrate convince determine notice calculate realize point
""".split())

# Cues that need a complement clause to count (they also have plain non-speech uses).
WEAK_VERBS: frozenset[str] = frozenset({"show", "find", "know", "feel", "figure", "continue",
                                        "call", "understand", "consider", "add"})

# Verbs whose complement is the speaker's wish or order ("urged Congress to act").
XCOMP_VERBS: frozenset[str] = frozenset({"urge", "ask", "promise", "vow", "pledge", "threaten",
                                         "order", "demand", "call", "decline", "refuse", "plan",
                                         "want", "seek", "hope", "expect", "tell", "propose",
                                         "consider"})

SPEECH_NOUNS: frozenset[str] = frozenset("""
claim statement assertion allegation argument suggestion warning promise pledge belief view remark
comment insistence contention announcement accusation charge prediction admission denial
assurance concern fear hope threat vow insinuation notion idea conviction message""".split())

# Speech acts whose content can be a noun phrase ("denied the allegations", "called for talks").
# Only acts of saying: verbs of liking or supporting are attitudes, not statements.
OBJECT_VERBS: frozenset[str] = frozenset("""
deny announce propose demand reject confirm condemn criticize criticise praise accuse warn promise
pledge vow call urge question dispute acknowledge admit describe blame denounce dismiss defend
cite mention discuss reveal allege claim predict recommend request tweet post announce slam blast
attack mock decry lament tout hail welcome report note explain declare recount repeat disclose
rebut consider""".split())
OBJECT_PREPS: frozenset[str] = frozenset({"for", "of", "about", "on", "to"})

# Polls and documents that speak for their authors ("In the latest poll, Clinton leads ...").
SOURCE_DOCUMENTS: frozenset[str] = frozenset("""
poll survey study report analysis memo letter filing lawsuit complaint ruling book column op-ed
editorial essay article post tweet video ad advertisement speech statement interview email
""".split())
