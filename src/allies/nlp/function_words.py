"""The closed word classes (determiners, prepositions, pronouns, name particles ...)
that mechanisms of the actor knowledge base, the relation descriptions and the
event coder test words against, read once from ``data/function_words.tsv``.

The file is ``class, word``; the class must be one of :data:`CLASSES`, so a
misspelt class fails at load with ``function_words.tsv:line: ...`` instead of
silently emptying a class. This module imports only the loader, so any part of
``allies.nlp`` may use it without importing another.

    function_words("determiner")      # frozenset of the class's words
    word_list("dominant_sector")      # the words in file order, where order matters
    alternation("plain_negation")     # "not|n't|never|no\\ longer|no", for a regular expression
"""
from __future__ import annotations

import re
from functools import lru_cache

from .tables import Column, DataFileError, Row, Schema, one_of, read_tsv, word

DATA_FILE = "function_words.tsv"
# What each class is for is written beside its words in the data file.
CLASSES = (
    # nlp/actors
    "dominant_sector", "determiner", "place_preposition", "affix_before", "affix_after", "phrase_glue", "former",
    "not_name", "name_suffix", "name_particle", "predicate_word",
    # nlp/descriptions
    "adjunct_preposition", "past_preposition", "past_perfect", "state_preposition",
    "plain_preposition", "plain_clause_break", "plain_negation", "plain_hypothetical", "plain_past",
    # nlp/coder
    "possessive_pronoun", "possessor_pronoun", "person_pronoun", "group_pronoun", "first_person",
    "definite_determiner",
)
SCHEMA = Schema((Column("class", one_of(CLASSES, "word class")), Column("word", word)))


@lru_cache(maxsize=1)
def _rows_by_class() -> dict[str, tuple[Row, ...]]:
    found: dict[str, tuple[Row, ...]] = {name: () for name in CLASSES}
    for row in read_tsv(__package__, DATA_FILE, SCHEMA):
        found[row["class"]] += (row,)
    return found


def all_rows() -> tuple[Row, ...]:
    """Every row of the file, in file order (for `allies kb rules`)."""
    return tuple(sorted((row for rows in _rows_by_class().values() for row in rows), key=lambda row: row.line))


def word_rows(name: str) -> tuple[Row, ...]:
    """The rows of one class, in file order, with their file and line for errors."""
    if name not in CLASSES:
        raise KeyError(f"no word class {name!r} in {DATA_FILE}")
    rows = _rows_by_class()[name]
    if not rows:
        raise DataFileError(f"{DATA_FILE}: word class {name!r} has no words")
    return rows


def word_list(name: str) -> tuple[str, ...]:
    """The words of one class, in file order."""
    return tuple(row["word"] for row in word_rows(name))


def function_words(name: str) -> frozenset[str]:
    """The words of one class."""
    return frozenset(word_list(name))


def alternation(name: str) -> str:
    """The words of one class as a regular-expression alternation, in file order."""
    return "|".join(re.escape(each) for each in word_list(name))
