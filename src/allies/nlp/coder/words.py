"""The coder's word and code classes: which dependants, entity types, pronouns,
prepositions, sectors and CAMEO roots each mechanism looks at."""
from __future__ import annotations

# Dependants that carry a preposition or particle of the verb's frame.
PREP_DEPS = {"prep", "prt", "agent", "dative"}
# Prepositions whose object can be the target, in order of preference.
TARGET_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "upon", "over", "from", "for",
                 "between")
LOCATION_PREPS = ("in", "near", "around", "along", "inside", "outside", "off", "across")
# Of these, the ones whose object is rarely a state itself ("near the border with Kosovo",
# "near the Iranian city of Isfahan"): a state named inside the phrase is the place.
NEARBY_PREPS = frozenset(LOCATION_PREPS) - {"in"}
# Acts done on the ground, whose place stands for their target when nothing
# else does ("held exercises in Alaska", "met in Geneva", "protested in Minsk");
# words (statements, appeals, accusations) are not addressed to where they are said.
PLACED_ROOTS = frozenset(("04", "06", "07", "08", "14", "15", "17", "18", "19", "20"))
# Acts of force: helping another do them is military cooperation.
FORCE_ROOTS = frozenset(("15", "18", "19", "20"))
# Verbal acts that answer what another made: criticism or rejection (and praise, 051) of
# "a plan put forward by X" are aimed at X; signing "a truce brokered by X" is not.
ANSWERING_ROOTS = frozenset(("11", "12"))
# Where forces are sent or kept: a state named there hosts them (see "frontier" in
# data/voice_words.tsv).
HOST_PREPS = ("to", "in", "inside")
# What forces moving into a state do (occupy territory); see "incursion" in data/voice_words.tsv.
INCURSION = "192"
# Codes that place police or troops somewhere (exercises held in a state still face it).
FORCES_PLACED = frozenset(("153", "154"))
# The body that speaks for a state abroad (see data/source_codes.tsv); members of a
# legislature who protest are dissenters.
OFFICIAL_SECTORS = frozenset(("government",))
# Sectors that bear arms: their clashes are fighting (see data/armed_codes.tsv).
ARMED_SECTORS = frozenset(("military", "rebels"))
UNARMED_SECTORS = frozenset(("civilians", "opposition"))  # "forces clashed with rioters" is a riot
# Entities that name places (a nationality, NORP, does not).
PLACE_ENTS = frozenset(("GPE", "LOC", "FAC"))
# Who acts where they are: "police in Minsk" are Belarusian police; troops may be foreign.
LOCAL_SECTORS = frozenset(("police", "government", "judiciary", "legislature", "civilians", "opposition", "rebels"))
# Sectors a definite noun ("the government", "the army") may take from the state named before.
STATE_SECTORS = frozenset(("government", "military", "police", "legislature", "judiciary"))
# Codes whose direct object is what moves, not whom it is done to ("sent troops", "gave aid").
MOVED_OBJECT_ROOTS = frozenset(("06", "07", "15"))
POSSESSIVE_PRONOUNS = frozenset(("its", "their", "his", "her", "our", "my"))
# Left dependants that belong to an actor's name ("Russian Foreign Minister Sergei Lavrov").
NAME_DEPS = {"compound", "amod", "poss", "nmod", "det", "case", "nummod", "quantmod", "npadvmod"}
ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
# Entities that are never actors: "on Monday", "$5 million", "two weeks".
NOT_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it", "we"}
# Possessives whose owner an earlier subject names ("X said its drones hit"); "her" is also an object.
POSSESSOR_PRONOUNS = POSSESSIVE_PRONOUNS - {"her", "our", "my"}
MODALITY_RANK = {"asserted": 0, "future": 1, "hypothetical": 2, "conditional": 3, "requested": 4, "denied": 5}
VOICE_KIND = {"intent": "future", "future_frame": "future", "hope_frame": "hypothetical",
               "appeal": "requested", "demand": "requested", "threaten": "hypothetical", "deny": "denied"}
CARRIERS = ("intent", "appeal", "demand", "reject", "threaten")


def answers(cameo: str) -> bool:
    """Whether an act answers something another made (see ANSWERING_ROOTS)."""
    return cameo[:2] in ANSWERING_ROOTS or cameo.startswith("051")
