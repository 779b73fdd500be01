"""allies: relations between states from the news.

>>> import allies
>>> events = allies.code("Russia and Azerbaijan signed a declaration on allied interaction.")  # doctest: +SKIP
>>> store = allies.Store("allies.duckdb")                                                    # doctest: +SKIP
>>> store.ask("Are Azerbaijan and Russia allies?")                                           # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import AlliesError, InputError, StoreError
from .model import Actor, CodedDocument, Document, Event, Mention, Sentence
from .store import Store


def code(text: str, date: str | None = None) -> list[Event]:
    """Code ``text`` into events without storing anything (the default coder)."""
    from .nlp import default_coder

    return default_coder().code(text, date=date)


__all__ = [
    "AlliesError", "InputError", "StoreError", "Actor", "CodedDocument", "Document", "Event",
    "Mention", "Sentence", "Store", "code", "__version__",
]
