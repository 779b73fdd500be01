"""Country names for the web layer: the relations engine's resolver (which
uses the actor knowledge base), with a one-line error for unknown names."""
from __future__ import annotations

import re

from ..errors import InputError
from ..relations import country_name, resolve_country

__all__ = ["country_name", "resolve_country", "require_country"]


def require_country(text: str, what: str = "country") -> str:
    """ISO3 for a country name, adjective or code, or a one-line :class:`InputError`."""
    found = resolve_country(text or "") if len(text or "") <= 200 else None
    if not found:
        shown = re.sub(r"\s+", " ", (text or "").strip())[:60]
        raise InputError(f"unknown {what}: {shown!r} (use a country name, adjective or ISO3 code)")
    return found
