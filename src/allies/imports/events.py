"""allies event files: Parquet or JSON Lines with the columns of the ``events`` table
(what ``allies.spark`` and ``allies export --format parquet|jsonl`` write).

Columns the file lacks are NULL; ``origin`` is kept from the file (``coded`` for the
Spark coder's output), else ``events``. JSON Lines are read line by line as text and
parsed in SQL, so a malformed line is skipped and reported with its number. Coded
events from ``Event.to_dict`` (nested ``source``/``target`` objects) are read as well.
"""
from __future__ import annotations

import duckdb

from ..errors import InputError
from ..store.schema import column_types
from .codes import quad_from_root_sql
from .readers import first_problem, ident, new_rejects_table, read_csv_sql, sql_str, staging
from .runner import CODED_FOLD_KEY, STAGED_COLUMNS, Staging
from .sources import InputFile

# Non-text columns, cast from the file's values (types as the store defines them).
TYPES = {name: kind for name, kind in column_types().items() if kind != "VARCHAR"}
# Nested forms written by Event.to_dict: staged column -> JSON path.
NESTED = {
    "source_text": "$.source.text", "source_code": "$.source.code", "source_country": "$.source.country",
    "source_sector": "$.source.sector", "target_text": "$.target.text", "target_code": "$.target.code",
    "target_country": "$.target.country", "target_sector": "$.target.sector",
    "speaker_text": "$.speaker.text", "speaker_code": "$.speaker.code", "speaker_country": "$.speaker.country",
}
# Provenance a file may carry over (the Spark importer's original file, line, folds).
CARRIED = {"carried_file": ("source_file", "VARCHAR"), "carried_row": ("source_row", "BIGINT"),
           "carried_duplicates": ("duplicates", "INTEGER")}


def stage(con: duckdb.DuckDBPyConnection, file: InputFile) -> Staging:
    name = file.base_name
    if name.endswith(".parquet"):
        return _parquet(con, file)
    return _jsonl(con, file)


def _finish(raw: dict[str, str]) -> tuple[dict[str, str], str]:
    """Cast the raw value expressions, derive cameo_root and quad when absent."""
    expressions = {}
    for column in STAGED_COLUMNS:
        value = raw.get(column)
        if value is None:
            continue
        kind = TYPES.get(column)
        expressions[column] = f"TRY_CAST({value} AS {kind})" if kind else f"CAST({value} AS VARCHAR)"
    cameo = expressions.get("cameo", "NULL")
    root = f"coalesce({expressions.get('cameo_root', 'NULL')}, left({cameo}, 2))"
    expressions["cameo_root"] = root
    expressions["quad"] = f"coalesce({expressions.get('quad', 'NULL')}, {quad_from_root_sql(root)})"
    expressions["origin"] = f"coalesce({expressions.get('origin', 'NULL')}, 'events')"
    expressions["negated"] = f"coalesce({expressions.get('negated', 'NULL')}, false)"
    expressions["modality"] = f"coalesce({expressions.get('modality', 'NULL')}, 'asserted')"
    checks = []
    for column in ("date", "goldstein", "confidence", "latitude", "longitude"):
        if column in raw:
            checks.append((f"{raw[column]} IS NOT NULL AND {expressions[column]} IS NULL",
                           f"'bad {column}: ' || CAST({raw[column]} AS VARCHAR)"))
    if "date" in raw:
        checks.insert(0, (f"{raw['date']} IS NULL", "'missing date'"))
    checks.append((f"{cameo} IS NULL", "'missing CAMEO code'"))
    return expressions, first_problem(checks)


def _parquet(con: duckdb.DuckDBPyConnection, file: InputFile) -> Staging:
    source = f"read_parquet({sql_str(str(file.path))})"
    try:
        columns = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
    except duckdb.Error as exc:
        raise InputError(f"{file.name}: not a readable Parquet file ({str(exc).splitlines()[0]})") from None
    raw = {c: f"r.{ident(c)}" for c in columns if c in STAGED_COLUMNS}
    if "cameo" not in raw:
        raise InputError(f"{file.name}: not an allies events file (no 'cameo' column)")
    expressions, bad = _finish(raw)
    for staged, (column, kind) in CARRIED.items():
        if column in columns:
            expressions[staged] = f"TRY_CAST(r.{ident(column)} AS {kind})"
    return staging(source, expressions, bad, source_columns=columns, header_lines=0, rejects_table=None,
                   fold_key=CODED_FOLD_KEY, variant="allies events (Parquet)")


def _jsonl(con: duckdb.DuckDBPyConnection, file: InputFile) -> Staging:
    rejects = new_rejects_table()
    # One VARCHAR column per line: the unit separator never occurs unescaped in JSON.
    lines = read_csv_sql(file, ["raw_line"], delimiter="\x1f", header=False, rejects_table=rejects,
                         null_strings=("",))
    # JSON functions raise on malformed text: only valid lines reach them.
    source = f"(SELECT raw_line, CASE WHEN json_valid(raw_line) THEN raw_line END AS line FROM {lines})"
    raw = {}
    for column in STAGED_COLUMNS:
        flat = f"json_extract_string(r.line, {sql_str('$.' + column)})"
        nested = NESTED.get(column)
        raw[column] = f"coalesce({flat}, json_extract_string(r.line, {sql_str(nested)}))" if nested else flat
    expressions, bad = _finish(raw)
    for staged, (column, kind) in CARRIED.items():
        expressions[staged] = f"TRY_CAST(json_extract_string(r.line, {sql_str('$.' + column)}) AS {kind})"
    bad = first_problem([("r.line IS NULL", "'not valid JSON'"),
                         ("json_type(r.line) <> 'OBJECT'", "'not a JSON object'")]).replace(" END", f" ELSE {bad} END")
    return staging(source, expressions, bad, header_lines=0, rejects_table=rejects, fold_key=CODED_FOLD_KEY,
                   variant="allies events (JSON Lines)")
