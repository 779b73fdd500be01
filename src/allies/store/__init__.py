"""The embedded DuckDB store: articles, sentences, actor mentions, events,
formal ties and import runs.

Default location ``./allies.duckdb``; ``ALLIES_DB`` or an explicit path
overrides it. Every article is written in a transaction together with its
sentences, mentions and events, so an interrupted ingest never leaves half an
article behind.
"""
from __future__ import annotations

from .db import DEFAULT_DB, Store, default_path, open_store

__all__ = ["Store", "open_store", "default_path", "DEFAULT_DB"]
