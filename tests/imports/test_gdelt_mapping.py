"""The one GDELT mapping (allies.imports.gdelt): written once with three operations
spelt per engine, run by DuckDB here and by Spark SQL in tests/spark."""
from __future__ import annotations

import re

import duckdb
import pytest

from allies.imports import gdelt
from allies.imports.codes import code_books, install
from allies.store.schema import staged_columns


def test_the_mapping_fills_event_columns_from_gdelt_columns():
    assert set(gdelt.MAPPING) <= set(staged_columns())
    known = set(gdelt.columns_for(61))
    for sql in [*gdelt.MAPPING.values(), gdelt.JOINS, *(c for c, _ in gdelt.CHECKS)]:
        for column in re.findall(r"\br\.(\w+)", sql):
            assert column in known, (column, sql)
    assert set(re.findall(r"JOIN (\w+)", gdelt.JOINS)) == set(gdelt.JOINED_BOOKS) <= set(code_books())


@pytest.mark.parametrize("dialect", sorted(gdelt.DIALECTS))
def test_every_operation_is_spelt_in_every_dialect(dialect):
    expressions, checks = gdelt.mapping(dialect)
    assert not any("@" in sql for sql in [*expressions.values(), *(c for c, _ in checks)])
    cast = {"duckdb": "TRY_CAST", "spark": "try_cast"}[dialect]
    assert expressions["goldstein"] == f"{cast}(r.GoldsteinScale AS DOUBLE)"


def test_an_unknown_operation_is_refused():
    with pytest.raises(ValueError, match="unknown operation @month"):
        gdelt.render("@month(r.Day)", "duckdb")


def test_the_duckdb_spelling_maps_a_row():
    # The mapping as DuckDB runs it, on one row written as a GDELT reader would see it.
    con = duckdb.connect()
    install(con)
    names = gdelt.columns_for(61)
    values = {"GlobalEventID": "9", "Day": "20240105", "Actor1Code": "RUSGOV", "Actor1CountryCode": "RUS",
              "Actor1Type1Code": "GOV", "Actor2Code": "ZARMIL", "Actor2CountryCode": "ZAR",
              "Actor2Type1Code": "MIL", "EventCode": "190", "QuadClass": "4", "GoldsteinScale": "-10",
              "ActionGeo_CountryCode": "AJ", "ActionGeo_Lat": "40.4", "NumMentions": "3", "IsRootEvent": "0"}
    con.execute("CREATE TABLE r AS SELECT " + ", ".join(
        f"{'NULL' if values.get(n) is None else repr(values[n])}::VARCHAR AS {n}" for n in names))
    expressions, checks = gdelt.mapping("duckdb")
    row = con.execute(f"SELECT {', '.join(f'{sql} AS {c}' for c, sql in expressions.items())}, "
                      f"{' OR '.join(c for c, _ in checks)} AS skipped FROM r {gdelt.JOINS}").fetchone()
    got = dict(zip([*expressions, "skipped"], row))
    assert got["date"].isoformat() == "2024-01-05" and got["story_id"] == "9"
    assert (got["source_country"], got["source_sector"]) == ("RUS", "government")
    assert (got["target_country"], got["target_sector"]) == ("COD", "military")  # CAMEO's Zaire code
    assert (got["cameo_root"], got["quad"], got["goldstein"]) == ("19", "material_conflict", -10.0)
    assert (got["geo_country"], got["num_mentions"], got["is_root_event"]) == ("AZE", 3, False)
    assert got["skipped"] is False
