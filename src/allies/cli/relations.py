"""Sub-commands of the relations engine."""
from __future__ import annotations


def register(sub) -> None:
    pass
