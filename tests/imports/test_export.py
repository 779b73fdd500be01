"""allies export: formats, filters, dyads, the GDELT layout read back by the importer."""
from __future__ import annotations

import csv
import json

import duckdb
import pytest

from allies.errors import InputError
from allies.imports import import_files
from allies.store import Store
from allies.imports.export import export


@pytest.fixture
def loaded(store, gdelt_sample, icews_sample):
    import_files(store, [gdelt_sample, icews_sample])
    return store


def test_formats_and_filters(loaded, tmp_path):
    total = loaded.query("SELECT count(*) AS n FROM events WHERE 'RUS' IN (source_country, target_country) "
                         "AND date >= DATE '2018-06-02'")[0]["n"]
    assert total > 0
    for fmt in ("csv", "parquet", "jsonl"):
        out = tmp_path / f"rus.{fmt}"
        assert export(loaded, out, fmt=fmt, country="Russia", since="2018-06-02") == total
    with open(tmp_path / "rus.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == total and all("RUS" in (r["source_country"], r["target_country"]) for r in rows)
    first = json.loads((tmp_path / "rus.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(first) >= {"event_id", "origin", "date", "cameo", "quad", "goldstein", "url", "source_row"}
    parquet_rows = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'rus.parquet'}'").fetchall()[0][0]
    assert parquet_rows == total
    icews_only = export(loaded, tmp_path / "icews.csv", origin="icews", until="2018-06-01")
    assert icews_only == loaded.query("SELECT count(*) AS n FROM events WHERE origin = 'icews' "
                                      "AND date <= DATE '2018-06-01'")[0]["n"]


def test_dyads(loaded, tmp_path):
    out = tmp_path / "dyads.csv"
    written = export(loaded, out, table="dyads", origin="icews")
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == written > 0
    top = rows[0]
    quads = sum(int(top[q]) for q in ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                                      "material_conflict"))
    assert quads == int(top["events"]) and top["origins"] == "icews"
    expected = loaded.query(
        "SELECT count(*) AS n FROM events WHERE origin = 'icews' AND source_country = ? AND target_country = ?",
        [top["source_country"], top["target_country"]])[0]["n"]
    assert int(top["events"]) == expected
    assert all(r["source_country"] != r["target_country"] for r in rows)


def test_gdelt_layout_reimports(loaded, tmp_path):
    out = tmp_path / "export.CSV"
    written = export(loaded, out, fmt="gdelt", origin="gdelt")
    assert written == 1648
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 60 for line in lines)
    with Store(tmp_path / "copy.duckdb") as copy:
        [result] = import_files(copy, [out])
        assert result.dataset == "gdelt" and result.rows_imported == 1648
        theirs = copy.query("SELECT external_id, date, source_code, target_code, cameo, quad, goldstein, url, "
                            "geo_country FROM events ORDER BY external_id")
    ours = loaded.query("SELECT CAST(event_id AS VARCHAR) AS external_id, date, source_code, target_code, cameo, "
                        "quad, goldstein, url, geo_country FROM events WHERE origin = 'gdelt' ORDER BY 1")
    assert theirs == ours


def test_bad_arguments(loaded, tmp_path):
    with pytest.raises(InputError, match="since: not a date"):
        export(loaded, tmp_path / "x.csv", since="yesterday")
    with pytest.raises(InputError, match="unknown country"):
        export(loaded, tmp_path / "x.csv", country="Atlantis")
    with pytest.raises(InputError, match="events only"):
        export(loaded, tmp_path / "x.csv", fmt="gdelt", table="dyads")
    with pytest.raises(InputError, match="does not exist"):
        export(loaded, tmp_path / "missing" / "x.csv")
