"""The relation as described: what a sentence says the relation between two
states *is* ("tensions between X and Y escalated", "relations have been tense
since 2016", "Belarus, a longtime ally of Russia", "the two countries restored
diplomatic ties").

The words are data (``data/relation_descriptions.tsv``): nouns naming the
relation ("relations", "tensions", "war"), nouns one state is to another
("ally", "rival"), predicates ("allied with", "at odds") and the words that set
or change the state ("strained", "deteriorated", "rising", "restored"). This
module holds the mechanism:

- the two states must both be named by the description's own phrase: "between
  X and Y", "X-Y relations", "X's ties with Y", the clause's subject and "with
  Y", "X's ally Y", "Y, an ally of X", "X and Y are rivals". A state merely
  elsewhere in the sentence is never drawn in: "Russia, Armenia's formal ally,
  welcomed the agreement" describes Russia-Armenia only, and "attacks on U.S.
  allies" names no second state, so it describes nothing. "The two countries"
  and "both nations" stand for the two states the sentence names, else the
  last two the article named together;
- negation ("is not an ally", "no longer allies") is kept as ``negated``;
  questions, hypotheticals ("seeking to improve ties", "could lead to worsening
  ties") and the past ("former allies", "the 1971 war") get their ``modality``
  and do not count;
- who describes: the reporter, or when the description sits in reported speech
  the speaker, as one of the two sides or a third party;
- sport ("India defeat their rival Pakistan") describes no relation between states.

With a spaCy parse the phrases come from the dependency tree; without a model a
degraded rule path reads the same words off the plain text around the
knowledge base's mentions.
"""
from __future__ import annotations

from ...model import Description
from .finder import DescriptionFinder
from .found import ArticleMemory
from .lexicon import DATA_FILE, KINDS, Lexicon, lexicon, parse_lexicon, resolve_state

__all__ = [
    "DATA_FILE",
    "KINDS",
    "ArticleMemory",
    "Description",
    "DescriptionFinder",
    "Lexicon",
    "lexicon",
    "parse_lexicon",
    "resolve_state",
]
