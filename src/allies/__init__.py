"""allies: relations between states from the news.

>>> import allies
>>> events = allies.code("Russia and Azerbaijan signed a declaration on allied interaction.")  # doctest: +SKIP
>>> store = allies.Store("allies.duckdb")                                                    # doctest: +SKIP
>>> store.ask("Are Azerbaijan and Russia allies?")                                           # doctest: +SKIP
>>> store.events(country="RUS").to_pandas()                                                  # doctest: +SKIP

``allies.Store`` is :class:`allies.api.Store`: storage plus every stage (ingest,
dataset imports, questions, tables as pandas or Arrow).
"""
from __future__ import annotations

from .api import Store, Table, open_store
from .errors import AlliesError, InputError, StoreError
from .model import Actor, CodedDocument, Document, Event, Mention, Sentence
from .version import __version__


def code(text: str, date: str | None = None) -> list[Event]:
    """Code ``text`` into events without storing anything (the default coder)."""
    from .nlp import default_coder

    return default_coder().code(text, date=date)


__all__ = [
    "AlliesError", "InputError", "StoreError", "Actor", "CodedDocument", "Document", "Event",
    "Mention", "Sentence", "Store", "Table", "code", "open_store", "__version__",
]
