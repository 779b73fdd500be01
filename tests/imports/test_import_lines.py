"""Line numbers stay right when DuckDB reads a large file on several threads.

The importer numbers rows by copying the file into a table in file order; a file of
tens of megabytes is split between threads, so a mistake in that order would show here
(the small files of the other tests fit in one piece).
"""
from __future__ import annotations

import gzip

import pytest

from allies.imports import import_files
from .dataset_files import gdelt_line

ROWS = 120_000  # about 40 MB: several pieces for the parallel reader


def _big_file(path, *, compress: bool, width: int = 61):
    """GDELT rows whose GlobalEventID is 1_000_000 + their line, every tenth row a
    duplicate of the row before it, a broken line every 9,973 lines and a bad date every
    7,919; returns the expected lines of events, duplicates and skipped rows. With
    ``width`` 58 every third row has 57 columns (a GDELT 1.0 file spanning April 2013)."""
    template = gdelt_line(width, GlobalEventID="{id}", Actor2Code="AZEGOV{n}",
                          SOURCEURL="https://news.example.net/{n}")
    short = template.rsplit("\t", 1)[0]
    lines, events, skipped, stored_groups = [], {}, [], set()
    previous = None
    for line in range(1, ROWS + 1):
        if line % 9973 == 0:
            lines.append("a broken\tline")
            skipped.append(line)
            continue
        n = previous if (line % 10 == 0 and previous is not None) else line
        without_url = width == 58 and line % 3 == 0
        text = (short if without_url else template)
        text = text.replace("{id}", str(1_000_000 + line)).replace("{n}", str(n))
        group = ("own", line) if without_url else ("url", n)  # a row without URL is never folded
        if line % 7919 == 0:
            text = text.replace("20150301", "2015XX01", 1)
            skipped.append(line)
        elif group not in stored_groups:  # the first good row of its group is kept
            stored_groups.add(group)
            events[str(1_000_000 + line)] = line
        lines.append(text)
        previous = line
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if compress:
        path = path.with_suffix(".csv.gz")
        path.write_bytes(gzip.compress(data, compresslevel=1))
    else:
        path.write_bytes(data)
    return path, events, skipped


@pytest.mark.parametrize("compress,width", [(False, 61), (True, 61), (False, 58)])
def test_every_event_keeps_its_line_in_a_large_file(store, tmp_path, compress, width):
    store.con.execute("SET threads = 2")
    path, events, skipped = _big_file(tmp_path / "big.export.CSV", compress=compress, width=width)
    [result] = import_files(store, [path], kind="gdelt")
    assert result.rows_read == ROWS
    assert sorted(item["line"] for item in result.skipped) == skipped
    assert result.rows_skipped == len(skipped)
    stored = dict(store.con.execute("SELECT external_id, source_row FROM events").fetchall())
    # Folded rows are not stored; every stored event is its group's first row, on its line.
    assert stored == events
    assert result.rows_imported == len(events)


@pytest.mark.parametrize("compress,width", [(False, 61), (True, 58)])
def test_a_file_staged_on_disk_keeps_lines_duplicates_and_bad_rows(store, tmp_path, monkeypatch, compress, width):
    """A file larger than the memory cap allows is staged in a scratch DuckDB file and
    appended in ranges of rows: the same lines, folds and skipped rows as in memory, and
    the scratch file is gone after."""
    from allies.imports import runner

    staging = tmp_path / "staging"
    staging.mkdir()
    monkeypatch.setenv("ALLIES_IMPORT_STAGING", str(staging))
    monkeypatch.setattr(runner, "STAGE_IN_MEMORY_SHARE", 0)  # every file counts as too big
    monkeypatch.setattr(runner, "insert_chunk_rows", lambda: 7_001)  # 18 ranges, groups across their edges
    seen = []
    stage_on_disk = runner._stage_on_disk
    monkeypatch.setattr(runner, "_stage_on_disk", lambda *args: seen.append(args[2]) or stage_on_disk(*args))
    store.con.execute("SET threads = 2")
    path, events, skipped = _big_file(tmp_path / "big.export.CSV", compress=compress, width=width)
    [result] = import_files(store, [path], kind="gdelt")
    assert seen and seen[0].parent == staging
    assert sorted(item["line"] for item in result.skipped) == skipped
    assert result.rows_read == ROWS and result.rows_skipped == len(skipped)
    stored = dict(store.con.execute("SELECT external_id, source_row FROM events").fetchall())
    assert stored == events
    folded = store.con.execute("SELECT sum(duplicates) FROM events").fetchone()[0]
    assert folded == result.duplicates_folded == ROWS - len(skipped) - len(events)
    assert list(staging.iterdir()) == []  # the scratch file is removed
    assert store.con.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = 'import_scratch'"
                             ).fetchone()[0] == 0
    # Importing the file again stores nothing new: every event is already stored.
    [again] = import_files(store, [path], kind="gdelt")
    assert again.rows_imported == 0 and again.already_stored == ROWS - len(skipped)
    assert list(staging.iterdir()) == []


def test_a_missing_staging_folder_is_a_one_line_error(store, tmp_path, monkeypatch):
    from allies.errors import InputError
    from allies.imports import runner

    monkeypatch.setenv("ALLIES_IMPORT_STAGING", str(tmp_path / "no-such-folder"))
    monkeypatch.setattr(runner, "STAGE_IN_MEMORY_SHARE", 0)
    path = tmp_path / "small.export.CSV"
    path.write_text(gdelt_line(61) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="staging folder .*no-such-folder does not exist"):
        import_files(store, [path], kind="gdelt")
    assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 0


@pytest.mark.parametrize("value", ["lots", "0MB", "12 parsecs"])
def test_a_malformed_memory_cap_is_a_one_line_error(store, tmp_path, monkeypatch, value):
    from allies.errors import InputError

    monkeypatch.setenv("ALLIES_IMPORT_MEMORY", value)
    path = tmp_path / "small.export.CSV"
    path.write_text(gdelt_line(61) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="ALLIES_IMPORT_MEMORY must be a size such as 512MB"):
        import_files(store, [path], kind="gdelt")
