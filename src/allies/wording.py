"""Small wording helpers for command output."""
from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 event', '2 events', '1,234 dyad rows': the count with the right form of the word."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"
