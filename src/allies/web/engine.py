"""The relations engine as the web layer uses it: answers, dyad tables and
networks, always as JSON-ready dicts."""
from __future__ import annotations

from typing import Any

from .. import relations
from ..errors import InputError
from ..store import Store
from .access import as_jsonable

MAX_QUESTION = 300


def _short_text(value: str | None, what: str, when_empty: str) -> str:
    """A question or claim, stripped; InputError when empty or too long."""
    value = (value or "").strip()
    if not value:
        raise InputError(when_empty)
    if len(value) > MAX_QUESTION:
        raise InputError(f"the {what} is longer than {MAX_QUESTION} characters")
    return value


def ask(store: Store, question: str, since: str | None = None, until: str | None = None,
        all_dates: bool = False) -> dict[str, Any]:
    """The answer to a question about a dyad, as :meth:`Answer.to_dict` gives it
    (no dates: the pair's latest 12 months of evidence, unless ``all_dates``)."""
    question = _short_text(question, "question", "ask a question such as 'Are Azerbaijan and Russia allies?'")
    return as_jsonable(relations.ask(store, question, since=since, until=until, all_dates=all_dates))


def check(store: Store, claim: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """Weigh a claim ("Russia is an ally of Azerbaijan"): supported,
    contradicted, mixed or not enough evidence, with the full answer."""
    claim = _short_text(claim, "claim", "give a claim such as 'Russia is an ally of Azerbaijan'")
    return as_jsonable(relations.check(store, claim, since=since, until=until))


def dyad(store: Store, a: str, b: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """A dyad's monthly table: counts per direction and quad class, Goldstein
    means, and per-direction figures (balance, words against deeds, trend)."""
    return as_jsonable(relations.dyad_table(store, a, b, since=since, until=until))


def network(store: Store, country: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """A country's relations with every other country, ranked closest first."""
    return as_jsonable(relations.network(store, country, since=since, until=until))


def refresh_derived_tables(store: Store) -> None:
    """Bring the relations engine's derived tables up to date (a write)."""
    from ..api import refresh_derived

    refresh_derived(store)
