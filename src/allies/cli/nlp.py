"""Sub-commands of the event coder (owned by the nlp stage)."""
from __future__ import annotations


def register(sub) -> None:
    pass
