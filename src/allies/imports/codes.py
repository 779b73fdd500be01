"""Code books the importers join against, loaded from the TSV files in ``data/``.

Each table becomes a small temporary DuckDB table on the import connection, so the
mapping of millions of rows is a hash join in SQL, never a Python loop.
"""
from __future__ import annotations

import re
from functools import lru_cache

import duckdb

from .. import countries
from ..model import QUADS
from ..nlp.tables import cameo_code
from ..tables import Column, Row, Schema, all_of, nonempty, number, one_of, read_tsv


def _sector(value: str) -> str | None:
    from ..nlp.actors import SECTOR_SUFFIX

    # the coder's sectors, and datasets' international bodies (IGO/NGO actor types)
    known = {*SECTOR_SUFFIX, "organisation"}
    return None if value in known or not value else f"unknown sector {value!r} (known: {', '.join(sorted(known))})"


_CODE = all_of(nonempty, cameo_code)
# Every code book's columns and what their values must be; a bad row stops the load
# with `file:line: what is wrong` instead of silently mapping nothing.
SCHEMAS = {
    "acled_actor_types.tsv": Schema((Column("inter", nonempty), Column("label", nonempty), Column("sector", _sector),
                                     Column("type"))),
    "acled_events.tsv": Schema((Column("event_type", nonempty), Column("sub_event_type"), Column("cameo", _CODE),
                                Column("goldstein", number))),
    "actor_types.tsv": Schema((Column("type", nonempty), Column("sector", _sector),
                               Column("primary", one_of(("0", "1"), "primary flag")), Column("meaning"))),
    "cameo_countries.tsv": Schema((Column("cameo", nonempty), Column("iso3"), Column("meaning"))),
    "fips_countries.tsv": Schema((Column("fips", nonempty), Column("iso3", nonempty))),
    "gdelt_columns.tsv": Schema((Column("name", nonempty), Column("in_v1", one_of(("0", "1"), "in_v1 flag")))),
    "plover_cameo.tsv": Schema((Column("plover", nonempty), Column("mode"), Column("cameo", _CODE),
                                Column("goldstein", number))),
    "polecat_columns.tsv": Schema((Column("field", nonempty), Column("aliases", nonempty))),
    "sectors.tsv": Schema((Column("name", nonempty), Column("sector", _sector))),
}


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[Row, ...]:
    """The checked rows of ``data/<name>`` (lines starting with ``#`` are comments)."""
    return tuple(read_tsv(__package__, name, SCHEMAS[name]))


def name_key(text: str) -> str:
    """How header and sector names are compared: lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def cameo_country_codes() -> dict[str, str | None]:
    """CAMEO actor country code -> ISO3: every current ISO3 code of the country table
    stands for itself, ``cameo_countries.tsv`` lists CAMEO's own codes and regions."""
    cameo: dict[str, str | None] = {code: code for code in countries.iso3_codes()}
    for row in read_table("cameo_countries.tsv"):
        cameo[row["cameo"]] = row["iso3"] or None
    return cameo


def quad_from_root_sql(root: str) -> str:
    """SQL for the quad class of a two-digit CAMEO root expression (as GDELT assigns it)."""
    return (
        f"CASE WHEN {root} BETWEEN '01' AND '05' THEN '{QUADS[0]}' "
        f"WHEN {root} BETWEEN '06' AND '09' THEN '{QUADS[1]}' "
        f"WHEN {root} BETWEEN '10' AND '14' THEN '{QUADS[2]}' "
        f"WHEN {root} BETWEEN '15' AND '20' THEN '{QUADS[3]}' END"
    )


# SQL types of the code-book columns, and what Spark calls them.
SPARK_TYPES = {"VARCHAR": "string", "DOUBLE": "double", "INTEGER": "int"}


@lru_cache(maxsize=1)
def code_books() -> dict[str, tuple[str, tuple[tuple, ...]]]:
    """Every code-book table: name -> (columns with SQL types, rows). DuckDB imports
    (:func:`install`) and Spark (``allies.spark``) build their tables from these."""
    books: dict[str, tuple[str, list[tuple]]] = {}
    # A dataset's country column holds a name (never an adjective or a capital).
    names = countries.name_index(lambda name: name.strip().lower(), words=False)
    books["code_country_names"] = ("name_key VARCHAR, iso3 VARCHAR", sorted(names.items()))
    books["code_cameo_countries"] = ("code VARCHAR, iso3 VARCHAR", sorted(cameo_country_codes().items()))
    books["code_fips"] = ("fips VARCHAR, iso3 VARCHAR", [(r["fips"], r["iso3"]) for r in read_table("fips_countries.tsv")])

    types = read_table("actor_types.tsv")
    books["code_actor_types"] = ("type VARCHAR, sector VARCHAR", [(r["type"], r["sector"] or None) for r in types])
    books["code_sector_types"] = ("sector VARCHAR, type VARCHAR",
                                  [(r["sector"], r["type"]) for r in types if r["primary"] == "1"])

    sectors, seen = [], set()
    for rank, row in enumerate(read_table("sectors.tsv")):
        key = row["name"].strip().lower()
        if key not in seen:
            seen.add(key)
            sectors.append((key, row["sector"], rank))
    books["code_sectors"] = ("name_key VARCHAR, sector VARCHAR, rank INTEGER", sectors)

    # The CAMEO code book (owned by allies.nlp): imported rows get PLOVER from it.
    from ..nlp.codebook import CODEBOOK

    books["code_cameo"] = ("code VARCHAR, plover VARCHAR", [(entry.code, entry.plover) for entry in CODEBOOK])
    books["code_plover"] = ("plover VARCHAR, mode VARCHAR, cameo VARCHAR, goldstein DOUBLE",
                            [(r["plover"], r["mode"] or "", r["cameo"], float(r["goldstein"]))
                             for r in read_table("plover_cameo.tsv")])
    books["code_acled_events"] = ("event_type VARCHAR, sub_event_type VARCHAR, cameo VARCHAR, goldstein DOUBLE",
                                  [(r["event_type"].lower(), (r["sub_event_type"] or "").lower(), r["cameo"],
                                    float(r["goldstein"])) for r in read_table("acled_events.tsv")])
    books["code_acled_inter"] = ("inter VARCHAR, sector VARCHAR, type VARCHAR",
                                 [(key, r["sector"] or None, r["type"] or None)
                                  for r in read_table("acled_actor_types.tsv") for key in (r["inter"], r["label"].lower())])
    return {name: (columns, tuple(rows)) for name, (columns, rows) in books.items()}


def spark_schema(columns: str) -> str:
    """A code book's columns as a Spark DDL schema ("code string, iso3 string")."""
    return ", ".join(f"{name} {SPARK_TYPES[kind]}" for name, kind in (c.split() for c in columns.split(", ")))


def _load(con: duckdb.DuckDBPyConnection, table: str, columns: str, rows: tuple[tuple, ...]) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} ({columns})")
    if rows:
        # One multi-row INSERT: executemany costs a round trip per row.
        marks = "(" + ", ".join("?" for _ in rows[0]) + ")"
        con.execute(f"INSERT INTO {table} VALUES " + ", ".join(marks for _ in rows),
                    [value for row in rows for value in row])


def install(con: duckdb.DuckDBPyConnection) -> None:
    """Create the code-book tables (``code_*``) on ``con``; cheap, safe to repeat."""
    for table, (columns, rows) in code_books().items():
        _load(con, table, columns, rows)
