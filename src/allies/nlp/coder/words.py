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
# of these, the labels the small model also gives names it misreads (a quote mark before "The Afghan Taliban")
MISTAGGED_ENTS = {"EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"}
PERSON_PRONOUNS = function_words("person_pronoun")
GROUP_PRONOUNS = function_words("group_pronoun")
FIRST_PERSON = function_words("first_person")
POSSESSOR_PRONOUNS = function_words("possessor_pronoun")
DEFINITE_DETERMINERS = function_words("definite_determiner")
# Object pronouns, which never stand for the subject of their own clause ("accusing it of").
OBJECT_PRONOUNS = frozenset(("him", "her", "them", "it"))
# The entities an object pronoun may stand for when it points back to an earlier object.
OBJECT_PRONOUN_KINDS = {"him": {"PERSON"}, "her": {"PERSON"}, "it": {"GPE"}, "them": {"GPE", "NORP", "ORG"}}
MODALITY_RANK = {"asserted": 0, "future": 1, "hypothetical": 2, "conditional": 3, "requested": 4, "denied": 5}
VOICE_KIND = {"intent": "future", "future_frame": "future", "hope_frame": "hypothetical",
               "appeal": "requested", "demand": "requested", "threaten": "hypothetical", "deny": "denied"}
CARRIERS = ("intent", "appeal", "demand", "reject", "threaten")


def prep_objects(token, preps, deps=("prep",)):
    """The objects of ``token``'s prepositions among ``preps``, in order: "Spain" of
    "concluded with Spain" for ("with",). ``deps``: the relations that hang them on it."""
    return (obj for prep in token.children if prep.dep_ in deps and prep.lower_ in preps
            for obj in prep.children if obj.dep_ == "pobj")


def is_definite(noun) -> bool:
    """Whether a noun points back to a thing already told ("the strikes", "these tariffs")."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children)


def entities(span) -> tuple:
    """The named entities of a Doc or Span, read once per Doc: spaCy builds ``doc.ents``
    (and ``span.ents``, which filters it) anew from every token at each call, and the
    coder asks for them per sentence and per actor. Only their bounds are kept on the
    Doc (spans there would tie the Doc in a reference cycle and hold its memory)."""
    from spacy.tokens import Span

    doc = span.doc if hasattr(span, "doc") else span
    bounds = doc.user_data.get("allies_entities")
    if bounds is None:
        bounds = doc.user_data["allies_entities"] = tuple((e.start, e.end, e.label) for e in doc.ents)
    start, end = (0, len(doc)) if span is doc else (span.start, span.end)
    return tuple(Span(doc, s, e, label=label) for s, e, label in bounds if start <= s and e <= end)
