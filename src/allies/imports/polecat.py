"""POLECAT event files: tab-separated with a header whose names drift between releases
("Intensity" / "Event Intensity", extra columns); ``data/polecat_columns.tsv`` lists the
names each field has carried.

Events are PLOVER types (plus a mode), mapped to the nearest CAMEO code and so to a quad
through ``data/plover_cameo.tsv``; the row's own intensity is its Goldstein value when
present. Actor countries may be ISO3 codes or names.
"""
from __future__ import annotations

import duckdb

from .codes import quad_from_root_sql, read_table
from .readers import (actor_code, country_joins, first_problem, header_fields, numeric_check,
                      read_headed_tsv, sector_cte, sector_joins)
from .runner import NAMED_FOLD_KEY, Staging
from .sources import InputFile

REQUIRED = ("date", "event_type", "actor_name")


def aliases() -> dict[str, list[str]]:
    return {row["field"]: row["aliases"].split("|") for row in read_table("polecat_columns.tsv")}


def looks_like(line: str) -> bool:
    if "\t" not in line:
        return False
    found = header_fields(line.split("\t"), aliases())
    return all(f in found for f in REQUIRED) and ("recipient_name" in found) and "cameo code" not in line.lower()


def stage(con: duckdb.DuckDBPyConnection, file: InputFile) -> Staging:
    headed = read_headed_tsv(file, aliases(), REQUIRED, "a POLECAT")
    col = headed.col

    src_join, src_iso = country_joins("sc", col("actor_country"))
    tgt_join, tgt_iso = country_joins("tc", col("recipient_country"))
    geo_join, geo_iso = country_joins("gc", col("geo_country"))
    sector_columns = headed.sector_columns("actor_sector", "recipient_sector")
    ctes = sector_cte("actor_sectors", sector_columns) if sector_columns else ""
    event_type = f"upper(trim({col('event_type')}))"
    mode = f"lower(trim({col('mode')}))"
    plover_joins = (f"LEFT JOIN code_plover pm ON pm.plover = {event_type} AND pm.mode = {mode} "
                    f"LEFT JOIN code_plover p0 ON p0.plover = {event_type} AND p0.mode = ''")
    joins = " ".join([src_join, tgt_join, geo_join, plover_joins])
    if ctes:
        joins += sector_joins(col("actor_sector"), col("recipient_sector"))
    cameo = "coalesce(pm.cameo, p0.cameo)"
    root = f"left({cameo}, 2)"
    date = f"TRY_CAST(left(trim({col('date')}), 10) AS DATE)"
    expressions = {
        "origin": "'polecat'",
        "external_id": col("event_id"),
        "story_id": col("story_id"),
        "date": date,
        "source_text": col("actor_name"),
        "source_country": src_iso,
        "source_sector": "ss.sector" if ctes else "NULL",
        "source_code": actor_code(src_iso, "sst.type" if ctes else "NULL"),
        "target_text": col("recipient_name"),
        "target_country": tgt_iso,
        "target_sector": "ts.sector" if ctes else "NULL",
        "target_code": actor_code(tgt_iso, "tst.type" if ctes else "NULL"),
        "cameo": cameo,
        "cameo_root": root,
        "plover": event_type,
        "quad": quad_from_root_sql(root),
        "goldstein": f"coalesce(TRY_CAST({col('intensity')} AS DOUBLE), coalesce(pm.goldstein, p0.goldstein))",
        "negated": "false",
        "modality": "'asserted'",
        "url": col("url"),
        "geo_country": f"coalesce({geo_iso}, {col('geo_country')})",
        "geo_name": col("geo_name"),
        "latitude": f"TRY_CAST({col('latitude')} AS DOUBLE)",
        "longitude": f"TRY_CAST({col('longitude')} AS DOUBLE)",
    }
    bad = first_problem([
        (f"{col('date')} IS NULL", "'missing date'"),
        (f"{date} IS NULL", f"'bad date: ' || {col('date')}"),
        (f"{col('event_type')} IS NULL", "'missing event type'"),
        (f"{cameo} IS NULL", f"'unknown PLOVER event type: ' || {col('event_type')}"),
        numeric_check(col("intensity"), "intensity"),
        numeric_check(col("latitude"), "latitude"),
        numeric_check(col("longitude"), "longitude"),
    ])
    return headed.to_staging(expressions, bad, joins, ctes, fold_key=NAMED_FOLD_KEY, origin="polecat",
                             variant="POLECAT")
