"""The copy of a file (the pipeline's step 2): what a reader has it hold."""
from __future__ import annotations

from allies.imports import gdelt
from allies.imports.readers import staging
from allies.imports.sources import InputFile
from .dataset_files import gdelt_line, write_lines


def _types(con, sql: str) -> dict[str, str]:
    return {name: kind for name, kind, *_ in con.execute(f"DESCRIBE {sql}").fetchall()}


def test_gdelt_rows_are_mapped_while_they_are_copied(store, tmp_path):
    path = write_lines(tmp_path / "two.export.CSV", [
        gdelt_line(GlobalEventID="1", SOURCEURL="https://a.example/1"),
        gdelt_line(GlobalEventID="2", Day="2015031", SOURCEURL="https://a.example/2"),
    ])
    staged = gdelt.stage(store.con, InputFile(path.name, path))
    copied = _types(store.con, staged.source_sql)
    # Values that need no code book are typed in the copy, with each row's check...
    assert copied["date"] == "DATE" and copied["goldstein"] == "DOUBLE" and copied["bad_reason"] == "VARCHAR"
    # ... and the raw codes the code-book joins read are copied beside them, as text.
    assert copied["Actor1CountryCode"] == "VARCHAR" and copied["ActionGeo_CountryCode"] == "VARCHAR"
    assert "Day" not in copied and "GoldsteinScale" not in copied
    checks = store.con.execute(f"SELECT date, bad_reason FROM ({staged.source_sql})").fetchall()
    assert [reason for _, reason in checks] == [None, "bad date: 2015031"]
    # The reader alone still reads the file's own columns, as text.
    read = _types(store.con, staged.read_sql)
    assert read["Day"] == "VARCHAR" and "date" not in read


def test_a_raw_column_named_like_a_mapped_one_is_copied_as_read():
    source = "(SELECT 'AZ' AS url, 'x' AS code)"
    # The join reads the raw "url", and "url" is also a mapped column: mapped and raw
    # values cannot both be copied under one name, so the raw columns are.
    staged = staging(source, {"url": "lower(r.url)", "cameo": "r.code", "geo_country": "g.iso3"}, "NULL",
                     joins="LEFT JOIN code_fips g ON g.fips = r.url", fold_joins="",
                     source_columns=["url", "code"], map_while_copying=True)
    assert staged.source_sql == staged.read_sql == 'SELECT "url", "code" FROM ' + source
    assert "lower(r.url) AS url" in staged.select_sql


def test_without_a_shared_name_the_copy_maps_the_row():
    source = "(SELECT 'AZ' AS fips, 'x' AS code)"
    staged = staging(source, {"cameo": "upper(r.code)", "geo_country": "g.iso3"}, "NULL",
                     joins="LEFT JOIN code_fips g ON g.fips = r.fips", fold_joins="",
                     source_columns=["fips", "code"], map_while_copying=True)
    assert staged.source_sql == f'SELECT upper(r.code) AS cameo, NULL AS bad_reason, r."fips" FROM {source} r'
    assert "r.cameo AS cameo" in staged.select_sql and "g.iso3 AS geo_country" in staged.select_sql
