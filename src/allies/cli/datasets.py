"""Sub-commands for event datasets: import, export, Spark."""
from __future__ import annotations


def register(sub) -> None:
    pass
