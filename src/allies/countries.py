"""The one country table: names, adjectives, capitals, ISO and COW codes (``data/countries.tsv``).

Every part of allies that needs a country reads it from here: the coder's actor
knowledge base (the ``state`` rows, matched in running text), the question parser
(every name as a whole phrase), the dataset importers (a country column's names,
CAMEO country codes) and the ATOP import (COW codes). The file is checked when it is
loaded; a bad row stops with ``countries.tsv:LINE: what is wrong``.

    from allies import countries
    countries.by_iso3("AZE").name                     # "Azerbaijan"
    countries.name_index(str.lower)["azerbaijan"]     # "AZE"
    countries.cow_codes()                             # [(2, "USA"), (20, "CAN"), ...]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from .tables import Column, DataFileError, Row, Schema, nonempty, one_of, read_tsv

FILE = "countries.tsv"
KINDS = ("state", "territory", "former")
# Columns whose names news text uses (matched in running text by the coder).
TEXT_NAMES = ("name", "official", "variants")
WORDS = ("adjectives", "capitals")
LISTS = ("variants", "adjectives", "capitals", "whole_names")


def _code(letters: int) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if re.fullmatch(f"[A-Z]{{{letters}}}", value) else f"{value!r} is not {letters} capital letters"
    return check


def _cow(value: str) -> str | None:
    return None if re.fullmatch(r"\d+(\|\d+)*", value) else f"{value!r} is not COW codes (numbers separated by |)"


def _names(value: str) -> str | None:
    parts = value.split("|")
    if any(not part.strip() for part in parts):
        return f"empty name in {value!r}"
    return None


SCHEMA = Schema((
    Column("iso3", _code(3)),
    Column("iso2", _code(2), optional=True),
    Column("cow", _cow, optional=True),
    Column("kind", one_of(KINDS, "kind")),
    Column("name", nonempty),
    *(Column(name, _names, optional=True) for name in ("official", "variants", "adjectives", "capitals",
                                                        "whole_names")),
))


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    cow: tuple[int, ...]
    kind: str
    name: str
    official: str
    variants: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    whole_names: tuple[str, ...]

    @property
    def is_state(self) -> bool:
        return self.kind == "state"

    def text_names(self, words: bool = True) -> list[str]:
        """The names news text uses; with ``words`` its adjectives and capitals too."""
        names = [self.name, *([self.official] if self.official else []), *self.variants]
        return names + [*self.adjectives, *self.capitals] if words else names


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


@lru_cache(maxsize=1)
def rows() -> tuple[Row, ...]:
    """The table's rows as read (values by column, with their line numbers), checked."""
    found = tuple(read_tsv("allies", FILE, SCHEMA))
    _check_unique(found)
    return found


def _check_unique(found: tuple[Row, ...]) -> None:
    """One row per code, and one country per name in each kind of lookup."""
    seen: dict[tuple[str, str], Row] = {}

    def claim(kind: str, value: str, row: Row) -> None:
        earlier = seen.setdefault((kind, value), row)
        if earlier is not row and earlier["iso3"] != row["iso3"]:
            raise DataFileError(f"{row.where}: {kind} {value!r} is also {earlier['iso3']}'s (line {earlier.line})")
        if earlier is not row and kind in ("iso3", "iso2", "cow"):
            raise DataFileError(f"{row.where}: {kind} {value!r} repeats line {earlier.line}")

    for row in found:
        claim("iso3", row["iso3"], row)
        if row["iso2"]:
            claim("iso2", row["iso2"], row)
        for code in _split(row["cow"]):
            claim("cow", code, row)
        for column in (*TEXT_NAMES, *WORDS):
            for name in (_split(row[column]) if column in LISTS else [row[column]]):
                if name:
                    claim("name", name.casefold(), row)
        for name in _split(row["whole_names"]):
            claim("whole name", name.casefold(), row)


@lru_cache(maxsize=1)
def all_countries() -> tuple[Country, ...]:
    """Every row of the table, states first, in file order."""
    return tuple(
        Country(iso3=row["iso3"], iso2=row["iso2"], cow=tuple(int(c) for c in _split(row["cow"])),
                kind=row["kind"], name=row["name"], official=row["official"], variants=_split(row["variants"]),
                adjectives=_split(row["adjectives"]), capitals=_split(row["capitals"]),
                whole_names=_split(row["whole_names"]))
        for row in rows())


def states() -> tuple[Country, ...]:
    """The states (UN members and observers, Kosovo, Taiwan): the actors the coder knows."""
    return tuple(country for country in all_countries() if country.is_state)


@lru_cache(maxsize=1)
def _by_iso3() -> dict[str, Country]:
    return {country.iso3: country for country in all_countries()}


def by_iso3(code: str | None) -> Country | None:
    return _by_iso3().get((code or "").upper())


def iso3_codes(former: bool = False) -> frozenset[str]:
    """The ISO3 codes of the table's current countries and territories (with ``former``,
    dissolved states' ISO 3166-3 codes too)."""
    return frozenset(c.iso3 for c in all_countries() if former or c.kind != "former")


def name_index(key: Callable[[str], str], words: bool = True) -> dict[str, str]:
    """``key(name)`` -> ISO3 for a lookup of a whole phrase: every country's text names
    (with ``words``, its adjectives and capitals too), then its whole names, which win
    over another country's text name ("Congo" as ISO and the datasets write it)."""
    index: dict[str, str] = {}
    for country in all_countries():
        for name in country.text_names(words):
            index.setdefault(key(name), country.iso3)
    for country in all_countries():
        for name in country.whole_names:
            index[key(name)] = country.iso3
    return index


def cow_codes() -> list[tuple[int, str]]:
    """(COW state code, ISO3), codes in ascending order."""
    return sorted((code, country.iso3) for country in all_countries() for code in country.cow)
