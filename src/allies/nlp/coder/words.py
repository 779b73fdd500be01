"""The parser's labels each of the coder's mechanisms looks at: dependency relations,
entity types, and the order of modalities. Linguistic word and code classes
(prepositions, sectors, pronouns, CAMEO codes) are data: data/role_words.tsv,
data/function_words.tsv, data/code_classes.tsv."""
from __future__ import annotations

from ..function_words import function_words
from ..patterns import NO_EVENT  # noqa: F401  (the coder reads it from here)

# Dependants that carry a preposition or particle of the verb's frame.
PREP_DEPS = {"prep", "prt", "agent", "dative"}
# Entities that name places (a nationality, NORP, does not).
PLACE_ENTS = frozenset(("GPE", "LOC", "FAC"))
# Pronouns (data/function_words.tsv says what each class is for).
POSSESSIVE_PRONOUNS = function_words("possessive_pronoun")
# Left dependants that belong to an actor's name ("Russian Foreign Minister Sergei Lavrov").
NAME_DEPS = {"compound", "amod", "poss", "nmod", "det", "case", "nummod", "quantmod", "npadvmod"}
ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
# Entities that are never actors: "on Monday", "$5 million", "two weeks".
NOT_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"}
PERSON_PRONOUNS = function_words("person_pronoun")
GROUP_PRONOUNS = function_words("group_pronoun")
FIRST_PERSON = function_words("first_person")
POSSESSOR_PRONOUNS = function_words("possessor_pronoun")
# Object pronouns, which never stand for the subject of their own clause ("accusing it of").
OBJECT_PRONOUNS = frozenset(("him", "her", "them", "it"))
# The entities an object pronoun may stand for when it points back to an earlier object.
OBJECT_PRONOUN_KINDS = {"him": {"PERSON"}, "her": {"PERSON"}, "it": {"GPE"}, "them": {"GPE", "NORP", "ORG"}}
MODALITY_RANK = {"asserted": 0, "future": 1, "hypothetical": 2, "conditional": 3, "requested": 4, "denied": 5}
VOICE_KIND = {"intent": "future", "future_frame": "future", "hope_frame": "hypothetical",
               "appeal": "requested", "demand": "requested", "threaten": "hypothetical", "deny": "denied"}
CARRIERS = ("intent", "appeal", "demand", "reject", "threaten")

