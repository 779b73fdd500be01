"""Exporting events and dyad tables from the store (DuckDB ``COPY``).

>>> from allies.store import Store
>>> from allies.imports.export import export
>>> export(Store("allies.duckdb"), "rus-events.parquet", fmt="parquet", country="RUS")  # doctest: +SKIP

Formats: ``csv`` (with header), ``parquet``, ``jsonl`` (one JSON object a line) and
``gdelt`` (the 61 tab-separated columns of a GDELT 2.0 events file, so other GDELT tools,
and ``allies import gdelt``, read it back). Tables: ``events`` (one row per event) or
``dyads`` (one row per directed pair of countries: counts per quad class, Goldstein sum
and mean, first and last date, origins).
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import duckdb

from ..dates import iso, parse_window
from ..errors import InputError, StoreError
from ..model import QUADS
from ..store.schema import event_column_names

FORMATS = ("csv", "parquet", "jsonl", "gdelt")
TABLES = ("events", "dyads")


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _country_code(con: duckdb.DuckDBPyConnection, value: str) -> str:
    """An ISO3 code from a code or a country name."""
    text = value.strip()
    if re.fullmatch(r"[A-Za-z]{3}", text):
        return text.upper()
    from .. import countries

    found = countries.name_index(str.lower, words=False).get(text.lower())
    if found:
        return found
    raise InputError(f"unknown country {value!r}: give an ISO 3166 alpha-3 code (RUS) or a country name")


def event_filter(con: duckdb.DuckDBPyConnection, country: str | None = None, since: str | None = None,
                 until: str | None = None, origin: str | None = None) -> str:
    """SQL WHERE clause (without WHERE) for the export filters; 'true' when none."""
    clauses = []
    if country:
        for code in (_country_code(con, c) for c in country.split(",") if c.strip()):
            clauses.append(f"({_literal(code)} IN (source_country, target_country))")
        if len(clauses) > 1:
            clauses = ["(" + " OR ".join(clauses) + ")"]
    since_iso, until_iso = (iso(day) for day in parse_window(since, until))
    if since_iso:
        clauses.append(f"date >= DATE {_literal(since_iso)}")
    if until_iso:
        clauses.append(f"date <= DATE {_literal(until_iso)}")
    if origin:
        origins = [o.strip() for o in origin.split(",") if o.strip()]
        for o in origins:
            if not re.fullmatch(r"[A-Za-z0-9_.-]+", o):
                raise InputError(f"bad --origin {o!r}")
        clauses.append(f"origin IN ({', '.join(_literal(o) for o in origins)})")
    return " AND ".join(clauses) or "true"


def events_query(where: str) -> str:
    # Every column of the events table (store.schema), in table order.
    return f"SELECT {', '.join(event_column_names())} FROM events WHERE {where} ORDER BY event_id"


def dyads_query(where: str) -> str:
    """One row per directed country pair among the filtered events."""
    per_quad = ", ".join(f"count(*) FILTER (WHERE quad = '{q}') AS {q}" for q in QUADS)
    return (
        "SELECT source_country, target_country, count(*) AS events, "
        "sum(1 + coalesce(duplicates, 0)) AS reports, "
        f"{per_quad}, round(sum(goldstein), 3) AS goldstein_sum, round(avg(goldstein), 3) AS goldstein_mean, "
        "min(date) AS first_date, max(date) AS last_date, string_agg(DISTINCT origin, ',' ORDER BY origin) AS origins "
        f"FROM events WHERE ({where}) AND source_country IS NOT NULL AND target_country IS NOT NULL "
        "AND source_country <> target_country "
        "GROUP BY source_country, target_country ORDER BY events DESC, source_country, target_country"
    )


def gdelt_query(where: str) -> str:
    """The events in GDELT 2.0's 61-column layout. Fields allies does not keep (tone,
    per-actor geography) are empty; mention, source and article counts are GDELT's own
    where the row came from GDELT, else counted from the folded duplicates."""
    def clean(expr: str) -> str:
        return f"coalesce(regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g'), '')"

    quad_class = "CASE quad " + " ".join(f"WHEN '{q}' THEN '{i}'" for i, q in enumerate(QUADS, 1)) + " ELSE '' END"
    empty = "''"
    actor = []
    for side in ("source", "target"):
        actor += [clean(f"{side}_code"), clean(f"{side}_text"), clean(f"{side}_country"), empty, empty, empty, empty,
                  f"coalesce((SELECT min(t.type) FROM code_sector_types t WHERE t.sector = e.{side}_sector), '')",
                  empty, empty]
    geo_blank = [empty] * 8
    action_geo = [
        "CASE WHEN geo_name IS NULL THEN '' ELSE '4' END", clean("geo_name"),
        f"coalesce((SELECT min(f.fips) FROM code_fips f WHERE f.iso3 = e.geo_country), {clean('geo_country')})",
        empty, empty, "coalesce(CAST(latitude AS VARCHAR), '')", "coalesce(CAST(longitude AS VARCHAR), '')", empty,
    ]
    day = "strftime(date, '%Y%m%d')"
    columns = [
        "CAST(event_id AS VARCHAR)", day, "strftime(date, '%Y%m')", "CAST(year(date) AS VARCHAR)",
        "CAST(round(year(date) + (dayofyear(date) - 1) / 365.0, 4) AS VARCHAR)",
        *actor,
        "CASE WHEN is_root_event IS false THEN '0' ELSE '1' END",
        clean("cameo"), clean("left(cameo, 3)"), clean("cameo_root"), quad_class,
        "coalesce(CAST(goldstein AS VARCHAR), '')",
        "CAST(coalesce(num_mentions, 1 + coalesce(duplicates, 0)) AS VARCHAR)",
        "CAST(coalesce(num_sources, 1) AS VARCHAR)",
        "CAST(coalesce(num_articles, 1 + coalesce(duplicates, 0)) AS VARCHAR)", empty,
        *geo_blank, *geo_blank, *action_geo,
        f"{day} || '000000'", clean("url"),
    ]
    assert len(columns) == 61
    return (f"SELECT {', '.join(f'{c} AS c{i:02d}' for i, c in enumerate(columns))} FROM events e "
            f"WHERE ({where}) AND date IS NOT NULL AND cameo IS NOT NULL ORDER BY event_id")


def export(store: Any, out: str | os.PathLike, fmt: str = "csv", table: str = "events",
           country: str | None = None, since: str | None = None, until: str | None = None,
           origin: str | None = None) -> int:
    """Write the filtered events (or dyads) to ``out`` in ``fmt``; returns rows written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}; known: {', '.join(TABLES)}")
    if fmt == "gdelt" and table != "events":
        raise InputError("the gdelt format holds events only; use --table events")
    out = Path(out)
    if out.parent and not out.parent.exists():
        raise InputError(f"folder for output does not exist: {out.parent}")
    con = store.con
    where = event_filter(con, country, since, until, origin)
    if fmt == "gdelt":
        from .codes import install

        install(con)
        query = gdelt_query(where)
        options = "FORMAT csv, DELIMITER '\t', HEADER false, QUOTE ''"
    else:
        query = events_query(where) if table == "events" else dyads_query(where)
        options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet",
                   "jsonl": "FORMAT json"}[fmt]
    target = str(out)
    try:
        rows = con.execute(f"COPY ({query}) TO {_literal(target)} ({options})").fetchone()
    except duckdb.IOException as exc:
        raise InputError(f"cannot write {out}: {str(exc).splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise StoreError(f"export failed: {str(exc).splitlines()[0]}") from None
    return int(rows[0]) if rows and rows[0] is not None else 0
