"""The event coder over a dependency parse: who did what to whom, in what voice.

The stages, each a module, work over one parsed sentence (a spaCy ``Span``) and the
article's memory (:class:`ActorResolver`); :class:`EventExtractor` combines them:

- ``triggers``: the verbs and nouns that code an event, with the data rows that say so;
- ``actor_phrases``: the actor a token heads, its conjuncts, antecedents and places;
- ``arguments``: the source and target tokens of a trigger;
- ``orders``: what a state organ orders done by its own authority is its own act;
- ``voice``: negation, modality and the speaker;
- ``coding``: the events of a trigger and of the sentence, each naming its rules;
- ``confidence``: how well an event is attached.

Code holds the mechanisms; which words and codes set them off is data
(``data/*.tsv``, see :mod:`allies.nlp.patterns`). In order:

1. every verb is matched against the verb patterns (lemma + prepositions/
   particles + object nouns); a support verb ("launched", "held") whose object
   is an event noun ("an attack", "talks") takes the noun's code;
2. its source is the subject (the ``by`` agent in the passive, the governing
   verb's subject for "to"-clauses and bare coordinated verbs, the addressee
   of "urged X to ..."); its target the direct object when that is an actor,
   else the object of the pattern's or a directional preposition;
3. coordinated actors multiply events, and symmetric codes (meet, sign, clash)
   go both ways;
4. a verb that governs a "to"-clause (pledge, urge, demand, refuse, threaten)
   recodes the clause's event: "pledged to send aid" is an intent to give aid;
5. the voice comes from the path to the root: negation, modals, "if" clauses,
   "plans to", "urged ... to", "denied", and verbs of saying (the speaker);
6. event nouns with their actors attached ("Russia's invasion of Ukraine",
   "talks between X and Y") add nominal events;
7. the confidence says how well the event is attached: both sides named
   states or organisations (up to 0.9), a generic group ("rebels", "five
   civilians in Aleppo") or an unknown name in between, and a missing or
   unresolved side, an act only alleged or claimed by a party, asked of
   another or bound to a condition below one half. Events under 0.5 are
   kept (with their voice) but are not to be counted as coded triples.
"""
from __future__ import annotations

from .extractor import EventExtractor
from .resolver import ActorResolver

__all__ = ["ActorResolver", "EventExtractor"]
