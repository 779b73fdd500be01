"""ACLED CSV exports (comma-separated, quoted, one header line).

Event types and sub-event types map to the nearest CAMEO code through
``data/acled_events.tsv``; interaction codes (``inter1``: numbers in older exports,
labels in newer ones) give the actor's sector through ``data/acled_actor_types.tsv``.
An actor's country is the one its name states ("Military Forces of Sudan (2019-)"),
else, for actors of the country itself (all but external forces), the event's country.
ACLED has no URL or story: the event id stands for the story, so re-imports fold.
"""
from __future__ import annotations

from collections.abc import Callable

import duckdb

from ..errors import InputError
from .codes import quad_from_root_sql
from .readers import (actor_code, first_problem, header_fields, ident, new_rejects_table, numeric_check,
                      read_csv_sql, staging)
from .runner import NAMED_FOLD_KEY, Staging
from .sources import InputFile, first_line

FIELDS = {
    "event_id": ["event_id_cnty"], "date": ["event_date"], "event_type": ["event_type"],
    "sub_event_type": ["sub_event_type"], "actor1": ["actor1"], "inter1": ["inter1"],
    "actor2": ["actor2"], "inter2": ["inter2"], "country": ["country"], "iso3": ["iso3"],
    "location": ["location"], "admin1": ["admin1"], "latitude": ["latitude"], "longitude": ["longitude"],
    "notes": ["notes"],
}
REQUIRED = ("event_id", "date", "event_type", "actor1")


def looks_like(line: str) -> bool:
    lowered = line.lower()
    return "," in line and "event_id_cnty" in lowered and "event_type" in lowered


def _split_header(line: str) -> list[str]:
    import csv

    return next(csv.reader([line]))


# The event's CAMEO code (sub-event type first, else the event type's) and its country
# (the ISO3 column, else the country name), as SQL over the joins that `_event_joins` makes.
EVENT_CAMEO = "coalesce(em.cameo, e0.cameo)"
EVENT_COUNTRY = "coalesce(ec.code, en.iso3)"


def stage(con: duckdb.DuckDBPyConnection, file: InputFile) -> Staging:
    header = _split_header(first_line(file))
    found = header_fields(header, FIELDS)
    missing = [f for f in REQUIRED if f not in found]
    if missing:
        raise InputError(f"{file.name}: not an ACLED export (no column for {', '.join(missing)})")
    rejects = new_rejects_table()
    source = read_csv_sql(file, header, delimiter=",", header=True, rejects_table=rejects, quote='"')

    def col(field: str) -> str:
        return f"r.{ident(found[field])}" if field in found else "NULL"

    date = (f"coalesce(TRY_CAST({col('date')} AS DATE), TRY_STRPTIME({col('date')}, '%d %B %Y')::DATE, "
            f"TRY_STRPTIME({col('date')}, '%d-%B-%Y')::DATE, TRY_STRPTIME({col('date')}, '%m/%d/%Y')::DATE)")
    joins = _event_joins(col)
    expressions = {"origin": "'acled'", "external_id": col("event_id"), "story_id": col("event_id"), "date": date}
    for n, side in ((1, "source"), (2, "target")):
        _add_actor(col, n, side, joins, expressions)
    joins.append(f"LEFT JOIN code_cameo ck ON ck.code = {EVENT_CAMEO}")
    expressions.update(_event_expressions(col))
    bad = first_problem([
        (f"{col('date')} IS NULL", "'missing date'"),
        (f"{date} IS NULL", f"'bad date: ' || {col('date')}"),
        (f"{EVENT_CAMEO} IS NULL", f"'no CAMEO equivalent for ' || coalesce({col('event_type')}, '?') || ' / ' "
                                   f"|| coalesce({col('sub_event_type')}, '?')"),
        numeric_check(col("latitude"), "latitude"),
        numeric_check(col("longitude"), "longitude"),
    ])
    return staging(
        source, expressions, bad, " ".join(joins),
        source_columns=header,
        header_lines=1,
        rejects_table=rejects,
        fold_key=NAMED_FOLD_KEY,
        origin='acled',
        variant="ACLED",
    )


def _event_joins(col: Callable[[str], str]) -> list[str]:
    """Joins for the event's CAMEO equivalent (``em``/``e0``) and its country (``ec``/``en``)."""
    return [
        f"LEFT JOIN code_acled_events em ON em.event_type = lower({col('event_type')}) "
        f"AND em.sub_event_type = lower({col('sub_event_type')})",
        f"LEFT JOIN code_acled_events e0 ON e0.event_type = lower({col('event_type')}) AND e0.sub_event_type = ''",
        f"LEFT JOIN code_cameo_countries ec ON ec.code = upper({col('iso3')})",
        f"LEFT JOIN code_country_names en ON en.name_key = lower(trim({col('country')}))",
    ]


def _add_actor(col: Callable[[str], str], n: int, side: str, joins: list[str], expressions: dict[str, str]) -> None:
    """Add actor ``n``'s joins and its ``side`` columns (text, country, sector, code)."""
    actor, inter = col(f"actor{n}"), col(f"inter{n}")
    named = f"trim(regexp_extract({actor}, ' of (the )?([^()]+)', 2))"
    joins += [
        f"LEFT JOIN code_country_names a{n} ON a{n}.name_key = lower({named})",
        f"LEFT JOIN code_acled_inter i{n} ON i{n}.inter = lower(trim({inter}))",
    ]
    police = f"{actor} ILIKE 'Police Forces%'"
    # An actor whose name states no country, but whose interaction code has a type, is the event country's.
    country = (f"coalesce(a{n}.iso3, CASE WHEN {actor} IS NOT NULL AND i{n}.type IS NOT NULL "
               f"THEN {EVENT_COUNTRY} END)")
    expressions[f"{side}_text"] = actor
    expressions[f"{side}_country"] = country
    expressions[f"{side}_sector"] = f"CASE WHEN {police} THEN 'police' ELSE i{n}.sector END"
    expressions[f"{side}_code"] = actor_code(country, f"CASE WHEN {police} THEN 'COP' ELSE i{n}.type END")


def _event_expressions(col: Callable[[str], str]) -> dict[str, str]:
    """The event's code, tone and place columns."""
    root = f"left({EVENT_CAMEO}, 2)"
    return {
        "cameo": EVENT_CAMEO,
        "cameo_root": root,
        "plover": "ck.plover",
        "quad": quad_from_root_sql(root),
        "goldstein": "coalesce(em.goldstein, e0.goldstein)",
        "negated": "false",
        "modality": "'asserted'",
        "geo_country": f"coalesce({EVENT_COUNTRY}, {col('country')})",
        "geo_name": f"nullif(concat_ws(', ', {col('location')}, {col('admin1')}, {col('country')}), '')",
        "latitude": f"TRY_CAST({col('latitude')} AS DOUBLE)",
        "longitude": f"TRY_CAST({col('longitude')} AS DOUBLE)",
    }
