"""Country names for the web layer: resolve what a user typed to ISO3, and back.

The actor knowledge base (``allies.nlp.actors.ActorKB``) knows names,
adjectives and demonyms; when it is not installed yet, pycountry resolves codes
and official or common names, so the pages still work with fewer spellings.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from ..errors import InputError


@lru_cache(maxsize=1)
def _kb():
    try:
        from ..nlp.actors import ActorKB
    except ImportError:
        return None
    return ActorKB.default()


def _pycountry_resolve(text: str) -> str | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return pycountry.countries.lookup(cleaned).alpha_3
    except LookupError:
        pass
    for country in pycountry.countries:
        names = {getattr(country, attr, "") for attr in ("name", "common_name", "official_name")}
        if cleaned.casefold() in {n.casefold() for n in names if n}:
            return country.alpha_3
    # "Russia" for "Russian Federation": the start of exactly one name.
    prefix = re.compile(re.escape(cleaned.casefold()))
    starts = [c for c in pycountry.countries
              if any(prefix.match(n.casefold()) for n in (getattr(c, a, "") for a in ("name", "common_name", "official_name")) if n)]
    if len(starts) == 1 and len(cleaned) >= 4:
        return starts[0].alpha_3
    return None


def resolve_country(text: str) -> str | None:
    """ISO3 code for a country name, adjective or code, or None if unknown."""
    if not text or len(text) > 200:
        return None
    kb = _kb()
    if kb is not None:
        found = kb.resolve_country(text)
        if found:
            return found
    return _pycountry_resolve(text)


def require_country(text: str, what: str = "country") -> str:
    """Like :func:`resolve_country` but raises a one-line :class:`InputError`."""
    found = resolve_country(text or "")
    if not found:
        shown = re.sub(r"\s+", " ", (text or "").strip())[:60]
        raise InputError(f"unknown {what}: {shown!r} (use a country name, adjective or ISO3 code)")
    return found


def country_name(iso3: str | None) -> str:
    """A readable name for an ISO3 code (the code itself if nothing better is known)."""
    if not iso3:
        return "unknown"
    kb = _kb()
    if kb is not None:
        name = kb.country_name(iso3)
        if name:
            return name
    if iso3 == "XKX":
        return "Kosovo"
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return getattr(country, "common_name", None) or country.name
