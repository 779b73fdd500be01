"""ICEWS event files: tab-separated with a header, missing values as ``NA`` or empty.

Actors come as names with a country name and a comma list of sectors; countries map to
ISO3 through the country table (:mod:`allies.countries`) and sectors through
``data/sectors.tsv``; allies builds a CAMEO-style code from the two (``BGDGOV``). Intensity is ICEWS's Goldstein value.
"""
from __future__ import annotations

import duckdb

from .codes import quad_from_root_sql
from .readers import (actor_code, country_joins, first_problem, numeric_check, read_headed_tsv,
                      sector_cte, sector_joins)
from .runner import NAMED_FOLD_KEY, Staging
from .sources import InputFile

FIELDS = {
    "event_id": ["Event ID"], "date": ["Event Date"],
    "source_name": ["Source Name"], "source_sectors": ["Source Sectors"], "source_country": ["Source Country"],
    "event_text": ["Event Text"], "cameo": ["CAMEO Code"], "intensity": ["Intensity"],
    "target_name": ["Target Name"], "target_sectors": ["Target Sectors"], "target_country": ["Target Country"],
    "story_id": ["Story ID"], "sentence": ["Sentence Number"], "publisher": ["Publisher"], "city": ["City"], "district": ["District"],
    "province": ["Province"], "country": ["Country"], "latitude": ["Latitude"], "longitude": ["Longitude"],
}
REQUIRED = ("date", "cameo", "source_name", "target_name")


def looks_like(line: str) -> bool:
    lowered = line.lower()
    return "\t" in line and "cameo code" in lowered and "event date" in lowered and "source name" in lowered


def stage(con: duckdb.DuckDBPyConnection, file: InputFile) -> Staging:
    headed = read_headed_tsv(file, FIELDS, REQUIRED, "an ICEWS")
    col = headed.col

    src_join, src_iso = country_joins("sc", col("source_country"))
    tgt_join, tgt_iso = country_joins("tc", col("target_country"))
    geo_join, geo_iso = country_joins("gc", col("country"))
    sector_columns = headed.sector_columns("source_sectors", "target_sectors")
    ctes = sector_cte("actor_sectors", sector_columns) if sector_columns else ""
    joins = " ".join([src_join, tgt_join, geo_join, f"LEFT JOIN code_cameo ck ON ck.code = {col('cameo')}"])
    if ctes:
        joins += sector_joins(col("source_sectors"), col("target_sectors"))
    src_sector = "ss.sector" if ctes else "NULL"
    tgt_sector = "ts.sector" if ctes else "NULL"
    root = f"left({col('cameo')}, 2)"
    expressions = {
        "origin": "'icews'",
        "external_id": col("event_id"),
        "story_id": col("story_id"),
        "date": f"TRY_CAST({col('date')} AS DATE)",
        "source_text": col("source_name"),
        "source_country": src_iso,
        "source_sector": src_sector,
        "source_code": actor_code(src_iso, "sst.type" if ctes else "NULL"),
        "target_text": col("target_name"),
        "target_country": tgt_iso,
        "target_sector": tgt_sector,
        "target_code": actor_code(tgt_iso, "tst.type" if ctes else "NULL"),
        "cameo": col("cameo"),
        "cameo_root": root,
        "plover": "ck.plover",
        "quad": quad_from_root_sql(root),
        "goldstein": f"TRY_CAST({col('intensity')} AS DOUBLE)",
        "negated": "false",
        "modality": "'asserted'",
        "geo_country": f"coalesce({geo_iso}, {col('country')})",
        "geo_name": f"nullif(concat_ws(', ', {col('city')}, {col('district')}, {col('province')}, {col('country')}), '')",
        "latitude": f"TRY_CAST({col('latitude')} AS DOUBLE)",
        "longitude": f"TRY_CAST({col('longitude')} AS DOUBLE)",
        "sentence_index": f"TRY_CAST({col('sentence')} AS INTEGER)",
        "publisher": col("publisher"),
        "event_text": col("event_text"),
    }
    bad = first_problem([
        (f"{col('date')} IS NULL", "'missing date'"),
        (f"TRY_CAST({col('date')} AS DATE) IS NULL", f"'bad date: ' || {col('date')}"),
        (f"{col('cameo')} IS NULL", "'missing CAMEO code'"),
        numeric_check(col("intensity"), "intensity"),
        numeric_check(col("latitude"), "latitude"),
        numeric_check(col("longitude"), "longitude"),
    ])
    return headed.to_staging(expressions, bad, joins, ctes, fold_key=NAMED_FOLD_KEY, origin="icews",
                             variant="ICEWS")
