"""Country names for the relations engine: words in a question -> ISO3 and back.

The one country table (:mod:`allies.countries`: names, adjectives, capitals and the
whole-phrase names) answers first; the actor knowledge base
(``allies.nlp.actors.ActorKB``) then knows more seats, institutions and
spellings. Errors in either are raised, never turned into "unknown".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import countries


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Normalised name -> ISO3 of every name, adjective and capital in the country table."""
    return countries.name_index(_norm)


@lru_cache(maxsize=1)
def _kb():
    from ..nlp.actors import ActorKB

    return ActorKB.default()


def known_names() -> dict[str, str]:
    """Every name, adjective, demonym and capital the table knows (normalised,
    lower case) -> ISO3; for "did you mean" suggestions."""
    return _names()


def resolve_exact(text: str) -> str | None:
    """ISO3 code when ``text`` as a whole is a country's name, adjective, demonym,
    capital or code (the country table); None otherwise. Never guesses from a
    name somewhere inside a longer phrase, which question parsing relies on."""
    text = (text or "").strip().strip(".,;:!?\"'()")
    if not text:
        return None
    names = _names()
    key = _norm(text)
    if key in names:
        return names[key]
    if key.endswith("'s") and key[:-2] in names:
        return names[key[:-2]]
    if len(key) > 4 and key.endswith("s") and key[:-1] in names:
        return names[key[:-1]]  # plural demonyms: "Azeris", "Russians"
    if re.fullmatch(r"[A-Z]{3}", text) and countries.by_iso3(text) is not None:
        return text
    return None


def resolve_country(text: str) -> str | None:
    """ISO3 code for a country name, adjective, demonym, capital or code; None if unknown.

    The country table first, then the actor knowledge base (which knows
    more seats, institutions and spellings).

    >>> resolve_country("Azeri"), resolve_country("Russian Federation"), resolve_country("RUS")
    ('AZE', 'RUS', 'RUS')
    """
    found = resolve_exact(text)
    if found:
        return found
    if not (text or "").strip():
        return None
    return _kb().resolve_country(text.strip())


def country_name(iso3: str) -> str:
    """A readable name for an ISO3 code (the code itself when unknown)."""
    found = countries.by_iso3(iso3)
    return found.name if found is not None else iso3
