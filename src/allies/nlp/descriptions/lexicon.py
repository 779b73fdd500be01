"""The words of relation_descriptions.tsv, checked at load, and how they set a relation's state."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ...model import DESCRIBED_STATES, GOOD_STATES
from ..tables import Column, DataFileError, Schema, data_text, nonempty, one_of, parse_tsv

DATA_FILE = "relation_descriptions.tsv"
KINDS = ("relation", "dealings", "role", "predicate", "quality", "better", "worse", "more", "less", "end", "past",
         "unreal", "skip")
_STATED_KINDS = {"role", "predicate", "quality", "better", "worse"}  # kinds that must give a state


@dataclass(frozen=True)
class Lexicon:
    """The words of relation_descriptions.tsv by kind."""

    relation: dict[str, str | None]
    role: dict[str, str]
    predicate: dict[tuple[str, ...], str]
    quality: dict[str, str]
    change: dict[str, str]  # lemma -> better/worse/more/less/end
    past: frozenset[str]
    unreal: frozenset[str]
    skip: tuple[str, ...]
    dealings: frozenset[str] = frozenset()  # relation nouns only a quality word describes

    @property
    def triggers(self) -> frozenset[str]:
        return frozenset(self.relation) | frozenset(self.role) | frozenset(p[-1] for p in self.predicate)


def _state(value: str) -> str | None:
    if value == "-" or value in DESCRIBED_STATES:
        return None
    return f"unknown state {value!r} (one of {', '.join(DESCRIBED_STATES)} or -)"


_SCHEMA = Schema((Column("phrase", nonempty), Column("kind", one_of(KINDS, "kind")), Column("state", _state),
                  Column("polarity", one_of(("+", "-"), "polarity"))))


def parse_lexicon(text: str, name: str = DATA_FILE) -> Lexicon:
    """Read and check the data file; a bad row is an error naming ``file:line``."""
    relation, role, predicate, quality, change = {}, {}, {}, {}, {}
    past, unreal, skip, dealings = set(), set(), [], set()
    for row in parse_tsv(name, text, _SCHEMA):
        phrase, kind, state, polarity = row["phrase"], row["kind"], row["state"], row["polarity"]
        if kind in _STATED_KINDS and state == "-":
            raise DataFileError(f"{row.where}: kind {kind!r} needs a state")
        expected = "-" if state == "-" else ("+" if state in GOOD_STATES else "-")
        if polarity != expected:
            raise DataFileError(f"{row.where}: polarity {polarity!r} contradicts state {state!r}")
        key = phrase if kind == "skip" else phrase.lower()
        value = None if state == "-" else state
        if kind == "relation":
            relation[key] = value
        elif kind == "dealings":
            relation[key] = value
            dealings.add(key)
        elif kind == "role":
            role[key] = value
        elif kind == "predicate":
            predicate[tuple(key.split())] = value
        elif kind == "quality":
            quality[key] = value
        elif kind in ("better", "worse", "more", "less", "end"):
            change[key] = kind
        elif kind == "past":
            past.add(key)
        elif kind == "unreal":
            unreal.add(key)
        else:
            skip.append(key)
    return Lexicon(relation, role, predicate, quality, change, frozenset(past), frozenset(unreal), tuple(skip),
                   frozenset(dealings))


def lexicon_rows() -> list:
    """The checked rows of the data file, with their file and line (for `allies kb rules`)."""
    return parse_tsv(DATA_FILE, data_text("allies.nlp", DATA_FILE), _SCHEMA)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return parse_lexicon(data_text("allies.nlp", DATA_FILE))


def resolve_state(base: str | None, words: Iterable[str], lex: Lexicon, noun: str | None = None) -> str | None:
    """The state a relation noun with its modifiers describes, or None.

    ``words`` are the lemmas around the noun, the outermost (a governing verb)
    first. A quality word sets the state, the outermost first, except a warm one
    on a hostile noun ("strategic rivalry" stays a rivalry; but a "rocky
    partnership" is strained); otherwise the outermost change word decides:
    better is improving; worse keeps a hostile noun's state and makes any other
    strained; more of a warm or neutral noun is improving, of a hostile one the
    noun's state; less of a hostile noun, or its end, is improving, less of a
    warm one, or its end, strained. With no such word the noun's own state stands.
    A noun of the two's dealings (kind "dealings": "talks", ``noun``) takes only a
    quality word: "strained negotiations" are strained, while talks that ended or
    resumed say nothing of the relation."""
    base_good = None if base is None else base in GOOD_STATES
    words = list(words)
    for word in words:
        quality = lex.quality.get(word)
        if quality is not None and not (base_good is False and quality in GOOD_STATES):
            return quality
    if noun is not None and noun in lex.dealings:
        return base
    for word in words:
        kind = lex.change.get(word)
        if kind == "better":
            return "improving"
        if kind == "worse":
            return base if base_good is False else "strained"
        if kind == "more":
            return base if base_good is False else "improving"
        if kind == "less":
            return "improving" if base_good is False else "strained"
        if kind == "end":
            return "improving" if base_good is False else "strained"
    return base
