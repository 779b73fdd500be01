"""Country names for the relations engine: words in a question -> ISO3 and back.

The actor knowledge base (``allies.nlp.actors.ActorKB``) is the project's
authority on names; when it is not installed this module falls back to
pycountry plus the package's own alias table (adjectives, demonyms, capitals).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from importlib import resources


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


def _data_lines(name: str):
    text = resources.files("allies.relations").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _fallback_table() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name -> iso3, iso3 -> display name) from pycountry and the alias file."""
    import pycountry

    names: dict[str, str] = {}
    display: dict[str, str] = {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        shown = getattr(country, "common_name", None) or country.name
        display[iso3] = shown
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(_norm(value), iso3)
    display.update({"XKX": "Kosovo", "RUS": "Russia", "KOR": "South Korea", "PRK": "North Korea",
                    "IRN": "Iran", "SYR": "Syria", "TWN": "Taiwan", "VNM": "Vietnam", "MDA": "Moldova",
                    "VEN": "Venezuela", "BOL": "Bolivia", "TZA": "Tanzania", "LAO": "Laos",
                    "CZE": "Czech Republic", "GBR": "United Kingdom", "USA": "United States",
                    "TUR": "Turkey", "DDR": "East Germany", "CSK": "Czechoslovakia", "YMD": "South Yemen"})
    rows = csv.DictReader(_data_lines("country_aliases.tsv"), delimiter="\t")
    for row in rows:
        for alias in row["aliases"].split("|"):
            # Aliases are written by hand and override pycountry's guesses.
            names[_norm(alias)] = row["iso3"]
    return names, display


@lru_cache(maxsize=1)
def _kb():
    try:  # the actor KB lands on another branch; use it when present
        from ..nlp.actors import ActorKB  # type: ignore

        return ActorKB.default()
    except Exception:
        return None


def resolve_exact(text: str) -> str | None:
    """ISO3 code when ``text`` as a whole is a country's name, adjective, demonym,
    capital or code (the package's table); None otherwise. Never guesses from a
    name somewhere inside a longer phrase, which question parsing relies on."""
    text = (text or "").strip().strip(".,;:!?\"'()")
    if not text:
        return None
    names, display = _fallback_table()
    key = _norm(text)
    if key in names:
        return names[key]
    if key.endswith("'s") and key[:-2] in names:
        return names[key[:-2]]
    if len(key) > 4 and key.endswith("s") and key[:-1] in names:
        return names[key[:-1]]  # plural demonyms: "Azeris", "Russians"
    if re.fullmatch(r"[A-Z]{3}", text) and text in display:
        return text
    return None


def resolve_country(text: str) -> str | None:
    """ISO3 code for a country name, adjective, demonym, capital or code; None if unknown.

    The package's own table first, then the actor knowledge base (which knows
    more seats, institutions and spellings).

    >>> resolve_country("Azeri"), resolve_country("Russian Federation"), resolve_country("RUS")
    ('AZE', 'RUS', 'RUS')
    """
    found = resolve_exact(text)
    if found:
        return found
    kb = _kb()
    if kb is not None and (text or "").strip():
        try:
            return kb.resolve_country(text.strip())
        except Exception:
            return None
    return None


def country_name(iso3: str) -> str:
    """A readable name for an ISO3 code (the code itself when unknown)."""
    kb = _kb()
    if kb is not None:
        try:
            name = kb.country_name(iso3)
            if name:
                return name
        except Exception:
            pass
    return _fallback_table()[1].get(iso3, iso3)
