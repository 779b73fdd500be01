"""Core sub-commands: ingest, code, demo (being written)."""
from __future__ import annotations


def register(sub) -> None:
    pass
