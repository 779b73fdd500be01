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
