"""A large file imported piece by piece (issue 14 §7) gives exactly what one read of it
gives: the same events with the same ids and lines, duplicates folded across pieces, the
same skipped lines; and a second import of it adds nothing."""
from __future__ import annotations

import pytest

from allies.imports import import_files
from allies.store import Store
from .dataset_files import gdelt_line, write_lines, write_table
from .test_import_icews import HEADER


def _gdelt_lines() -> list[str]:
    lines = []
    for line in range(1, 1201):
        group = line - 450 if line % 7 == 0 and line > 450 else line  # repeats an event pieces earlier
        if line % 211 == 0:
            lines.append("a broken\tline")
        elif line % 307 == 0:
            lines.append(gdelt_line(GlobalEventID=str(line), Day="2015XX01"))
        else:
            lines.append(gdelt_line(GlobalEventID=str(line), Actor2Code=f"AZEGOV{group}",
                                    SOURCEURL=f"https://news.example.net/{group}"))
    return lines


def _icews_rows() -> list[list[str]]:
    rows = []
    for n in range(1, 801):
        story = str(n - 300 if n % 5 == 0 and n > 300 else n)
        date = "2018-06-31" if n % 97 == 0 else "2018-06-01"
        rows.append([str(n), date, f"Citizen {story}", "NA", "Armenia", "Protest", "141", "-6.5",
                     "Police (Armenia)", "Police", "Armenia", story, "1", "Armenpress", "Yerevan", "NA", "Yerevan",
                     "Armenia", "40.18", "44.51"])
    return rows


def _import(tmp_path, name, path, kind, piece=None, monkeypatch=None, again=False):
    if piece:
        monkeypatch.setenv("ALLIES_IMPORT_PIECE", piece)
    else:
        monkeypatch.delenv("ALLIES_IMPORT_PIECE", raising=False)
    with Store(tmp_path / f"{name}.duckdb") as store:
        results = [import_files(store, [path], kind=kind)[0] for _ in range(2 if again else 1)]
        events = store.query("SELECT event_id, external_id, source_row, duplicates FROM events ORDER BY event_id")
    return results, events


@pytest.mark.parametrize("kind", ["gdelt", "icews"])
def test_pieces_give_what_one_read_gives(tmp_path, monkeypatch, kind):
    if kind == "gdelt":
        path = write_lines(tmp_path / "big.export.CSV", _gdelt_lines())
    else:
        path = write_table(tmp_path / "events.2018.tab", HEADER, _icews_rows())
    [whole], whole_events = _import(tmp_path, "whole", path, kind, monkeypatch=monkeypatch)
    (pieced, again), pieced_events = _import(tmp_path, "pieced", path, kind, piece="20KB",
                                             monkeypatch=monkeypatch, again=True)
    assert path.stat().st_size > 5 * 20_000  # several pieces
    assert whole.duplicates_folded > 0 and whole.rows_skipped > 0
    fields = ("rows_read", "rows_imported", "rows_skipped", "duplicates_folded", "already_stored", "skipped",
              "variant")
    assert {f: getattr(pieced, f) for f in fields} == {f: getattr(whole, f) for f in fields}
    assert pieced_events == whole_events
    assert (again.rows_imported, again.already_stored) == (0, whole.rows_read - whole.rows_skipped)


def test_bad_piece_size_is_one_clear_error(tmp_path, monkeypatch):
    from allies.errors import InputError

    path = write_lines(tmp_path / "x.export.CSV", _gdelt_lines()[:10])
    monkeypatch.setenv("ALLIES_IMPORT_PIECE", "lots")
    with Store(tmp_path / "x.duckdb") as store, pytest.raises(InputError, match="ALLIES_IMPORT_PIECE"):
        import_files(store, [path])
