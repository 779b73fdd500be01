"""The relations engine as the web layer uses it: answers, dyads, networks,
always as JSON-ready dicts."""
from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..store import Store
from .access import as_jsonable
from .countries import country_name, require_country
from .queries import dyad_monthly, parse_date

MAX_QUESTION = 300


def ask(store: Store, question: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The answer to a question about a dyad, as :meth:`Answer.to_dict` gives it."""
    from .. import relations

    question = (question or "").strip()
    if not question:
        raise InputError("ask a question such as 'Are Azerbaijan and Russia allies?'")
    if len(question) > MAX_QUESTION:
        raise InputError(f"the question is longer than {MAX_QUESTION} characters")
    since, until = parse_date(since, "since"), parse_date(until, "until")
    answer = as_jsonable(relations.ask(store, question, since=since, until=until))
    return answer


def dyad(store: Store, a: str, b: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """A dyad's monthly table (both directions, by quad class, Goldstein)."""
    first, second = require_country(a), require_country(b)
    if first == second:
        raise InputError("a dyad needs two different countries")
    return {
        "dyad": [first, second],
        "names": [country_name(first), country_name(second)],
        "since": parse_date(since, "since"),
        "until": parse_date(until, "until"),
        "monthly": as_jsonable(dyad_monthly(store, first, second, since, until)),
    }


def network(store: Store, country: str) -> dict[str, Any]:
    """A country's relations with every other country, ranked."""
    from .. import relations

    center = require_country(country)
    result = as_jsonable(relations.network(store, center))
    return {"country": center, "name": country_name(center), "partners": result}
