"""GDELT event files: 1.0 (57 columns before April 2013, 58 after) and 2.0 (61).

Tab-separated, no header. Actor country codes are CAMEO country codes (ISO3 but for a
few old codes and regions, see ``data/cameo_countries.tsv``); actor types map to allies
sectors; QuadClass 1-4 gives the quad; geography is the ActionGeo block, whose country is
a FIPS 10-4 code mapped to ISO3. The mapping (:data:`MAPPING`, :data:`JOINS`,
:data:`CHECKS`) is written once, in SQL both DuckDB and Spark SQL run.
"""
from __future__ import annotations

import re

import duckdb

from ..errors import InputError
from ..model import QUADS
from .codes import quad_from_root_sql, read_table
from .readers import first_problem, new_rejects_table, read_csv_sql, staging
from .runner import GDELT_FOLD_KEY, Staging
from .sources import InputFile, first_line

VARIANTS = {61: "GDELT 2.0", 58: "GDELT 1.0", 57: "GDELT 1.0 (before April 2013)"}


def columns_for(width: int) -> list[str]:
    """Column names of a GDELT file with ``width`` columns."""
    rows = read_table("gdelt_columns.tsv")
    if width == 61:
        return [r["name"] for r in rows]
    names = [r["name"] for r in rows if r["in_v1"] == "1"]
    if width == 58:
        return names
    if width == 57:
        return [n for n in names if n != "SOURCEURL"]
    raise InputError(f"not a GDELT events file: {width} columns (GDELT has 57, 58 or 61)")


def sniff_width(file: InputFile) -> int:
    line = first_line(file)
    if not line:
        raise InputError(f"{file.name}: empty file")
    return line.count("\t") + 1


def looks_like(line: str) -> bool:
    """Whether a first line is a GDELT event row (numeric id, YYYYMMDD date, 57/58/61 fields)."""
    fields = line.split("\t")
    return len(fields) in VARIANTS and fields[0].isdigit() and len(fields[1]) == 8 and fields[1].isdigit()


# -- the one GDELT mapping ------------------------------------------------------------
# GDELT row (``r``, its columns named as in gdelt_columns.tsv) -> allies event column,
# in SQL that both DuckDB (``allies import``) and Spark SQL (``allies.spark.import_gdelt``)
# run. The three operations the two dialects spell differently are written @day(x) (a
# YYYYMMDD date; NULL unless exactly eight digits, as "2015031" is no date), @double(x)
# and @int(x) (NULL when the text is no number); :func:`render` spells them out.
_ROOT = "coalesce(r.EventRootCode, left(r.EventCode, 2))"
_QUAD_BY_CLASS = " ".join(f"WHEN '{i}' THEN '{q}'" for i, q in enumerate(QUADS, start=1))
MAPPING: dict[str, str] = {
    "origin": "'gdelt'",
    "external_id": "r.GlobalEventID",
    # Without a URL nothing says two rows come from one article: the row is its own story.
    "story_id": "CASE WHEN r.SOURCEURL IS NULL THEN r.GlobalEventID END",
    "date": "@day(r.Day)",
    "source_text": "r.Actor1Name",
    "source_code": "r.Actor1Code",
    "source_country": "c1.iso3",
    "source_sector": "t1.sector",
    "target_text": "r.Actor2Name",
    "target_code": "r.Actor2Code",
    "target_country": "c2.iso3",
    "target_sector": "t2.sector",
    "cameo": "r.EventCode",
    "cameo_root": _ROOT,
    "plover": "ck.plover",
    "quad": f"coalesce(CASE r.QuadClass {_QUAD_BY_CLASS} END, {quad_from_root_sql(_ROOT)})",
    "goldstein": "@double(r.GoldsteinScale)",
    "negated": "false",
    "modality": "'asserted'",
    "url": "r.SOURCEURL",
    "geo_country": "coalesce(g.iso3, r.ActionGeo_CountryCode)",
    "geo_name": "r.ActionGeo_FullName",
    "latitude": "@double(r.ActionGeo_Lat)",
    "longitude": "@double(r.ActionGeo_Long)",
    # GDELT's own weight of a row: its first event in the article, and how often
    # it was reported (see relations.cache for how they count).
    "is_root_event": "CASE r.IsRootEvent WHEN '1' THEN true WHEN '0' THEN false END",
    "num_mentions": "@int(r.NumMentions)",
    "num_sources": "@int(r.NumSources)",
    "num_articles": "@int(r.NumArticles)",
}
# The code books the mapping joins (tables of allies.imports.codes.code_books).
JOINS = (
    "LEFT JOIN code_cameo_countries c1 ON c1.code = r.Actor1CountryCode "
    "LEFT JOIN code_cameo_countries c2 ON c2.code = r.Actor2CountryCode "
    "LEFT JOIN code_actor_types t1 ON t1.type = r.Actor1Type1Code "
    "LEFT JOIN code_actor_types t2 ON t2.type = r.Actor2Type1Code "
    "LEFT JOIN code_fips g ON g.fips = r.ActionGeo_CountryCode "
    "LEFT JOIN code_cameo ck ON ck.code = r.EventCode"
)
JOINED_BOOKS = ("code_cameo_countries", "code_actor_types", "code_fips", "code_cameo")


def _not_number(column: str) -> str:
    return f"({column} IS NOT NULL AND @double({column}) IS NULL)"


# A row that fails one of these is skipped (and reported, with its line, by the DuckDB
# importer): (condition, reason).
CHECKS: tuple[tuple[str, str], ...] = (
    ("r.Day IS NULL", "'missing date'"),
    ("@day(r.Day) IS NULL", "'bad date: ' || r.Day"),
    ("r.EventCode IS NULL", "'missing event code'"),
    (_not_number("r.GoldsteinScale"), "'non-numeric Goldstein score: ' || r.GoldsteinScale"),
    (_not_number("r.ActionGeo_Lat"), "'non-numeric latitude: ' || r.ActionGeo_Lat"),
    (_not_number("r.ActionGeo_Long"), "'non-numeric longitude: ' || r.ActionGeo_Long"),
)

# How each engine spells the operations written @name(x) above.
DIALECTS: dict[str, dict[str, str]] = {
    "duckdb": {
        "day": "CASE WHEN regexp_full_match({0}, '[0-9]{{8}}') THEN TRY_STRPTIME({0}, '%Y%m%d')::DATE END",
        "double": "TRY_CAST({0} AS DOUBLE)",
        "int": "TRY_CAST({0} AS INTEGER)",
    },
    "spark": {
        "day": "CASE WHEN {0} RLIKE '^[0-9]{{8}}$' THEN to_date({0}, 'yyyyMMdd') END",
        "double": "try_cast({0} AS DOUBLE)",
        "int": "try_cast({0} AS INT)",
    },
}
_OPERATION = re.compile(r"@(\w+)\(([^()]*)\)")


def render(sql: str, dialect: str) -> str:
    """``sql`` with each @name(x) written as ``dialect`` spells it."""
    spelling = DIALECTS[dialect]

    def spell(match: re.Match) -> str:
        if match.group(1) not in spelling:
            raise ValueError(f"unknown operation @{match.group(1)} in the GDELT mapping")
        return spelling[match.group(1)].format(match.group(2))
    return _OPERATION.sub(spell, sql)


def mapping(dialect: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The GDELT mapping (column -> SQL) and its checks, in ``dialect``'s SQL."""
    return ({column: render(sql, dialect) for column, sql in MAPPING.items()},
            [(render(condition, dialect), render(reason, dialect)) for condition, reason in CHECKS])


def stage(con: duckdb.DuckDBPyConnection, file: InputFile) -> Staging:
    width = sniff_width(file)
    # GDELT 1.0 files found in the wild mix rows from before April 2013 (57 columns) and
    # after (58: SOURCEURL added at the end). Such a file is read as 58 columns with short
    # rows padded, so a 57-column row simply has no URL; a row shorter than 57 columns is
    # then recognised by its missing last column (DATEADDED, always filled by GDELT).
    mixed_v1 = width in (57, 58)
    columns = columns_for(58 if mixed_v1 else width)
    rejects = new_rejects_table()
    source = read_csv_sql(file, columns, delimiter="\t", header=False, rejects_table=rejects, null_strings=("",),
                          pad_short_rows=mixed_v1)
    expressions, checks = mapping("duckdb")
    short_row = [("r.DATEADDED IS NULL", "'too few columns (GDELT 1.0 rows have 57 or 58)'")] if mixed_v1 else []
    return staging(
        source, expressions, first_problem(short_row + checks), JOINS,
        fold_joins="",  # key and checks use raw columns only
        map_while_copying=True,
        source_columns=columns,
        header_lines=0,
        rejects_table=rejects,
        fold_key=GDELT_FOLD_KEY,
        origin='gdelt',
        variant=VARIANTS[width],  # the layout of its first row
    )
