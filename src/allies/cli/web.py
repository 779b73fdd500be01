"""Sub-commands for the web app and REST API."""
from __future__ import annotations


def register(sub) -> None:
    pass
