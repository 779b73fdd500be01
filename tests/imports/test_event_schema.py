"""The event schema is written once, in the store's migrations (issue 13 §2): the import
staging, the export and the Spark Parquet schema all take their columns from it."""
from __future__ import annotations

import json

from allies.imports import import_files
from allies.imports.runner import STAGED_COLUMNS
from allies.spark import EVENT_FIELDS
from allies.imports.export import export
from allies.store.schema import (
    ASSIGNED_COLUMNS,
    SPARK_TYPES,
    event_column_names,
    event_columns,
)

from .dataset_files import gdelt_line, write_lines


def test_every_list_of_event_columns_comes_from_the_store(store):
    stored = [row[0] for row in store.con.execute("DESCRIBE events").fetchall()]
    assert list(event_column_names()) == stored
    assert set(STAGED_COLUMNS) | set(ASSIGNED_COLUMNS) == set(stored)
    assert {"is_root_event", "num_mentions", "publisher", "event_text", "story_id"} <= set(STAGED_COLUMNS)
    types = dict(event_columns())
    assert dict(EVENT_FIELDS) == {name: SPARK_TYPES[types[name]] for name in dict(EVENT_FIELDS)}
    assert set(dict(EVENT_FIELDS)) == set(STAGED_COLUMNS) | {"source_file", "source_row", "duplicates"}


def test_export_writes_every_column_and_reads_back(store, tmp_path):
    path = write_lines(tmp_path / "20150301.export.CSV", [gdelt_line(GlobalEventID="7", NumSources="3")])
    import_files(store, [path])
    out = tmp_path / "events.jsonl"
    assert export(store, out, fmt="jsonl") == 1
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert list(row) == list(event_column_names())
    assert row["num_sources"] == 3 and row["is_root_event"] is True and row["plover"] == "CONSULT"
    # An exported events file imports as the same event, quality columns included.
    store.con.execute("DELETE FROM events")
    [result] = import_files(store, [out], kind="events")
    assert result.rows_imported == 1
    assert store.query("SELECT num_sources, is_root_event, plover FROM events") == [
        {"num_sources": 3, "is_root_event": True, "plover": "CONSULT"}]
