"""ICEWS event files: tab-separated with a header, missing values as ``NA`` or empty.

Actors come as names with a country name and a comma list of sectors; countries map to
ISO3 through ``data/country_names.tsv`` and sectors through ``data/sectors.tsv``; allies
builds a CAMEO-style code from the two (``BGDGOV``). Intensity is ICEWS's Goldstein value.
"""
from __future__ import annotations

import duckdb

from ..errors import InputError
from .codes import quad_from_root_sql
from .readers import (actor_code, country_joins, first_problem, header_fields, ident, new_rejects_table,
                      not_numeric, read_csv_sql, sector_cte, staging)
from .runner import NAMED_FOLD_KEY, Staging
from .sources import InputFile, first_line

FIELDS = {
    "event_id": ["Event ID"], "date": ["Event Date"],
    "source_name": ["Source Name"], "source_sectors": ["Source Sectors"], "source_country": ["Source Country"],
    "event_text": ["Event Text"], "cameo": ["CAMEO Code"], "intensity": ["Intensity"],
    "target_name": ["Target Name"], "target_sectors": ["Target Sectors"], "target_country": ["Target Country"],
    "story_id": ["Story ID"], "sentence": ["Sentence Number"], "city": ["City"], "district": ["District"],
    "province": ["Province"], "country": ["Country"], "latitude": ["Latitude"], "longitude": ["Longitude"],
}
REQUIRED = ("date", "cameo", "source_name", "target_name")


def looks_like(line: str) -> bool:
    lowered = line.lower()
    return "\t" in line and "cameo code" in lowered and "event date" in lowered and "source name" in lowered


def stage(con: duckdb.DuckDBPyConnection, file: InputFile) -> Staging:
    header = first_line(file).split("\t")
    found = header_fields(header, FIELDS)
    missing = [f for f in REQUIRED if f not in found]
    if missing:
        raise InputError(f"{file.name}: not an ICEWS file (no column for {', '.join(missing)})")
    rejects = new_rejects_table()
    source = read_csv_sql(file, header, delimiter="\t", header=True, rejects_table=rejects)

    def col(field: str) -> str:
        return f"r.{ident(found[field])}" if field in found else "NULL"

    src_join, src_iso = country_joins("sc", col("source_country"))
    tgt_join, tgt_iso = country_joins("tc", col("target_country"))
    geo_join, geo_iso = country_joins("gc", col("country"))
    sector_columns = [ident(found[f]) for f in ("source_sectors", "target_sectors") if f in found]
    ctes = sector_cte("actor_sectors", sector_columns) if sector_columns else ""
    joins = " ".join([src_join, tgt_join, geo_join])
    if ctes:
        joins += (f" LEFT JOIN actor_sectors ss ON ss.sectors = {col('source_sectors')}"
                  f" LEFT JOIN actor_sectors ts ON ts.sectors = {col('target_sectors')}"
                  " LEFT JOIN code_sector_types sst ON sst.sector = ss.sector"
                  " LEFT JOIN code_sector_types tst ON tst.sector = ts.sector")
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
        "quad": quad_from_root_sql(root),
        "goldstein": f"TRY_CAST({col('intensity')} AS DOUBLE)",
        "negated": "false",
        "modality": "'asserted'",
        "geo_country": f"coalesce({geo_iso}, {col('country')})",
        "geo_name": f"nullif(concat_ws(', ', {col('city')}, {col('district')}, {col('province')}, {col('country')}), '')",
        "latitude": f"TRY_CAST({col('latitude')} AS DOUBLE)",
        "longitude": f"TRY_CAST({col('longitude')} AS DOUBLE)",
        "sentence_index": f"TRY_CAST({col('sentence')} AS INTEGER)",
    }
    bad = first_problem([
        (f"{col('date')} IS NULL", "'missing date'"),
        (f"TRY_CAST({col('date')} AS DATE) IS NULL", f"'bad date: ' || {col('date')}"),
        (f"{col('cameo')} IS NULL", "'missing CAMEO code'"),
        (not_numeric(col("intensity")), f"'non-numeric intensity: ' || {col('intensity')}"),
        (not_numeric(col("latitude")), f"'non-numeric latitude: ' || {col('latitude')}"),
        (not_numeric(col("longitude")), f"'non-numeric longitude: ' || {col('longitude')}"),
    ])
    return staging(
        source, expressions, bad, joins, ctes,
        header_lines=1,
        rejects_table=rejects,
        fold_key=NAMED_FOLD_KEY,
        origin='icews',
        variant="ICEWS",
    )
