"""The actor knowledge base: who a phrase in the news stands for.

Data files (read once, cached by :meth:`ActorKB.default`):

- the states of the one country table (:mod:`allies.countries`, UN members and
  observers, Kosovo, Taiwan) with their names, variants, adjectives/demonyms and capitals;
- ``institutions.tsv``: seats of power and named state bodies standing for a
  state sector ("the Kremlin", "Pentagon", "Knesset", "TASS");
- ``organisations.tsv``: international organisations and blocs;
- ``sectors.tsv``: the words that signal a sector ("troops" -> military) and
  the titles that name an office ("foreign minister");
- ``people.tsv``: office holders with dated terms;
- ``stop_phrases.tsv``: phrases that contain a country word but name no state
  actor ("Latin American", "Persian Gulf");
- ``places.tsv``: cities and regions that stand for their state, like
  capitals do ("exercises in Alaska", "shelling in Aleppo");
- ``references.tsv``: nouns that name others of a state ("U.S. allies",
  "Russia's neighbours") and words that stand for a state named earlier in
  the article ("the island");
- ``family_name_first.tsv``: states whose people's names news writes family
  name first, so that "Kim" alone is Kim Jong Un in an article naming North Korea.

Use:

    kb = ActorKB.default()
    kb.lookup("Russian Foreign Minister Sergei Lavrov", date="2022-12-05")  # RUSGOV, Sergei Lavrov
    kb.find_mentions(text, date=None)        # [(start, end, Actor)] in raw text
    kb.resolve_country("Azeri")              # "AZE" (lenient, for user questions)
    kb.holder("AZE", "foreign_minister", "2015-06-01")   # the Term of Elmar Mammadyarov
    kb.describe_code("ARMREB")               # "Armenia (rebels)"
    memory = ArticleActors(kb, date="2022-12-05")        # names learned within one article
    memory.resolve("Azerbaijani Defence Minister John Doe"); memory.resolve("Doe")

A phrase resolves in this order: a known person (the term that covers the
date) or a person learned earlier in the article; a title with a state or
organisation (the office holder on that date, unless the phrase names
someone); a state (name, adjective, capital, seat, named body) with the
sector its words signal; an organisation.

Matching works on tokens: each alias is split by the same tokenizer as the
text, folded (case, accents, dots) into a key, and stored in a dict keyed by
the tuple of token keys; a scan tries the longest key first at each token.
Case matters where the alias says so: a short acronym ("US", "WHO") only
matches capitals, a capitalised alias ("Turkey", "NATO") only a capitalised
word ("Nato" is a common spelling), and lower-case words (sector words)
match any case.
"""
from __future__ import annotations

from .article import ArticleActors
from .entries import ANCHOR_KINDS, ROLES, SECTOR_SUFFIX, Analysis, Entry, Match, Term, clean_date
from .kb import ActorKB
from .tokens import Token, fold, name_key, tokenize

__all__ = [
    "ANCHOR_KINDS",
    "ROLES",
    "SECTOR_SUFFIX",
    "ActorKB",
    "Analysis",
    "ArticleActors",
    "Entry",
    "Match",
    "Term",
    "Token",
    "clean_date",
    "fold",
    "name_key",
    "tokenize",
]
