"""The columns of the ``events`` table, as the store's own migrations define them.

The migrations (``migrations/*.sql``) are the one definition of the event schema: the
importers' staging columns and types, the export and the Spark jobs take their column
lists from here, so a column added by a migration reaches all of them. Read once, by
running the migrations on an empty in-memory database.
"""
from __future__ import annotations

from functools import lru_cache

import duckdb

# Columns the import pipeline fills itself (ids and provenance), not the dataset readers.
ASSIGNED_COLUMNS = ("event_id", "article_id", "import_run_id", "source_file", "source_row", "duplicates")

# DuckDB column types as Spark SQL names them.
SPARK_TYPES = {"VARCHAR": "string", "DATE": "date", "DOUBLE": "double", "BOOLEAN": "boolean",
               "INTEGER": "int", "BIGINT": "long"}


@lru_cache(maxsize=1)
def event_columns() -> tuple[tuple[str, str], ...]:
    """(name, DuckDB type) of every column of ``events``, in table order."""
    from .db import _migrations

    con = duckdb.connect()
    try:
        for _, _, sql in _migrations():
            con.execute(sql)
        return tuple((name, kind) for name, kind, *_ in con.execute("DESCRIBE events").fetchall())
    finally:
        con.close()


def event_column_names() -> tuple[str, ...]:
    return tuple(name for name, _ in event_columns())


def staged_columns() -> tuple[str, ...]:
    """The columns a dataset reader maps (all but the pipeline's own)."""
    return tuple(name for name in event_column_names() if name not in ASSIGNED_COLUMNS)


def column_types() -> dict[str, str]:
    return dict(event_columns())
