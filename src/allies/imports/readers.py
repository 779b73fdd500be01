"""SQL building blocks the dataset readers share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import count
from typing import Iterable, Mapping

from ..errors import InputError

from .runner import CARRIED_COLUMNS, RAW_CTE, STAGED_COLUMNS, Staging
from .sources import InputFile, first_line

_reject_numbers = count(1)

# Values the datasets write for "missing".
NULL_STRINGS = ("", "NA", "N/A", "NULL", "null", "None", "nan", "NaN")


def sql_str(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def ident(name: str) -> str:
    """A quoted SQL identifier (dataset headers have spaces)."""
    return '"' + name.replace('"', '""') + '"'


def new_rejects_table() -> str:
    return f"import_rejects_{next(_reject_numbers)}"


def read_csv_sql(file: InputFile, columns: Iterable[str], *, delimiter: str, header: bool,
                 rejects_table: str, quote: str = "", null_strings: Iterable[str] = NULL_STRINGS,
                 pad_short_rows: bool = False) -> str:
    """``read_csv`` of ``file`` with every column as VARCHAR (values are cast with
    TRY_CAST later, so one bad value never stops the file), unparsable lines to
    ``rejects_table``. With ``pad_short_rows`` a row with too few columns gets NULLs
    on the right instead of being rejected (the reader must then check it)."""
    spec = "{" + ", ".join(f"{sql_str(c)}: 'VARCHAR'" for c in columns) + "}"
    nulls = "[" + ", ".join(sql_str(n) for n in null_strings) + "]"
    escape = quote
    return (
        f"read_csv({sql_str(str(file.path))}, delim={sql_str(delimiter)}, quote={sql_str(quote)}, "
        f"escape={sql_str(escape)}, header={'true' if header else 'false'}, columns={spec}, "
        f"nullstr={nulls}, compression={sql_str(file.compression)}, ignore_errors=true, "
        f"store_rejects=true, rejects_table={sql_str(rejects_table)}, "
        f"rejects_scan={sql_str(rejects_table + '_scan')}, auto_detect=false, strict_mode=true, "
        f"{'null_padding=true, ' if pad_short_rows else ''}parallel=true)"
    )


def staging(source: str, expressions: Mapping[str, str], bad_reason: str, joins: str = "",
            ctes: str = "", fold_joins: str | None = None, source_columns: Iterable[str] | None = None,
            map_while_copying: bool = False, **options) -> Staging:
    """A :class:`Staging` for the pipeline.

    The pipeline first copies ``source`` (the reader SQL) into the table ``import_raw``
    in file order, so a row's ``rowid`` numbers it; the mapping SELECTs read that table
    (as ``raw``, the main SELECT calls it ``r``). With ``source_columns`` (the reader's
    column names) only the columns the SQL mentions are copied. When the reader says which
    joins the fold key and the checks need (``fold_joins``), a lighter SELECT is built for
    the folding pass (DuckDB keeps unused outer joins, so they are left out there). With
    ``map_while_copying`` (possible when the checks read the row alone: ``fold_joins``
    empty, no ``ctes``) the copy holds the row's mapped values and its check instead of
    its text (see :func:`_map_while_copying`). ``read_sql`` stays the reader alone."""
    texts = [*expressions.values(), bad_reason, joins, ctes]
    copied = "*"
    if source_columns is not None:
        used = referenced_columns(source_columns, texts)
        copied = ", ".join(ident(c) for c in used) if used else "*"
    read_sql = f"SELECT {copied} FROM {source}"
    copy_sql = read_sql
    if map_while_copying and source_columns is not None and not ctes and fold_joins == "":
        mapped = _map_while_copying(source, source_columns, expressions, bad_reason, joins)
        if mapped is not None:
            copy_sql, expressions, bad_reason = mapped
    fold_sql = None
    if fold_joins is not None:
        key = options.get("fold_key") or Staging.fold_key
        parts = ", ".join(f"{expressions.get(c, 'NULL')} AS {c}" for c in key)
        fold_sql = (
            f"WITH {RAW_CTE} "
            f"SELECT {parts}, r.data_row AS data_row, {bad_reason} AS bad_reason FROM raw r {fold_joins}"
        )
    return Staging(
        select_sql=staging_select(expressions, bad_reason, joins, ctes),
        source_sql=copy_sql,
        read_sql=read_sql,
        fold_sql=fold_sql,
        columns=tuple(c for c in STAGED_COLUMNS + CARRIED_COLUMNS if c in expressions),
        **options,
    )




def _map_while_copying(source: str, source_columns: Iterable[str], expressions: Mapping[str, str],
                       bad_reason: str, joins: str) -> tuple[str, dict[str, str], str] | None:
    """The copy SELECT that maps the file's rows while it copies them, and the mapping
    and check rewritten to read the copied values; None when a name is ambiguous.

    Every expression that reads the row alone (no code-book join) and the checks are
    computed in the copy: the fold then groups stored values instead of recomputing
    them, and the copy holds typed values (dates, numbers) instead of their text. The
    raw columns the remaining expressions and the joins read are copied beside them."""
    premapped = {c: e for c, e in expressions.items() if _reads_row_only(e)}
    later = [e for c, e in expressions.items() if c not in premapped]
    kept = referenced_columns(source_columns, [*later, joins])
    names = [c.lower() for c in [*premapped, "bad_reason", "data_row", *kept]]
    if len(names) != len(set(names)):
        return None  # a raw column named like a mapped one: copy the raw columns only
    columns = [f"{e} AS {c}" for c, e in premapped.items()] + [f"{bad_reason} AS bad_reason"]
    columns += [f"r.{ident(c)}" for c in kept]
    rewritten = {c: (f"r.{c}" if c in premapped else e) for c, e in expressions.items()}
    return f"SELECT {', '.join(columns)} FROM {source} r", rewritten, "r.bad_reason"


def _reads_row_only(sql: str) -> bool:
    """Whether ``sql`` reads the row's columns (``r.``) and no joined table's."""
    aliases = set(re.findall(r"\b([A-Za-z_]\w*)\.(?=[A-Za-z_\"])", sql))
    return aliases == {"r"}


def referenced_columns(columns: Iterable[str], texts: Iterable[str]) -> list[str]:
    """The ``columns`` that ``texts`` (SQL) mention, bare or quoted; mentioning a column
    by accident only copies one column too many."""
    sql = "\n".join(texts)
    found = []
    for column in columns:
        bare = re.compile(r"(?<![\w\"])" + re.escape(column) + r"(?![\w\"])")
        if ident(column) in sql or bare.search(sql):
            found.append(column)
    return found


def staging_select(expressions: Mapping[str, str], bad_reason: str, joins: str = "", ctes: str = "") -> str:
    """SELECT of every staged column (missing ones NULL) from the copied file
    (``raw``, called ``r`` in the main SELECT), with ``data_row`` its 1-based row number
    in file order. ``ctes`` may add more common table expressions over ``raw``."""
    parts = []
    for column in STAGED_COLUMNS:
        parts.append(f"{expressions.get(column, 'NULL')} AS {column}")
    parts += [f"{expressions[c]} AS {c}" for c in CARRIED_COLUMNS if c in expressions]
    more = f", {ctes}" if ctes else ""
    return (
        f"WITH {RAW_CTE}{more} "
        f"SELECT {', '.join(parts)}, r.data_row AS data_row, {bad_reason} AS bad_reason "
        f"FROM raw r {joins}"
    )


def sector_cte(name: str, columns: Iterable[str]) -> str:
    """A CTE ``name(sectors, sector)`` giving the allies sector of every distinct
    sector list found in ``columns`` of ``raw``: the best-ranked match in
    ``code_sectors`` of any comma-separated part (computed once per distinct list)."""
    values = ", ".join(columns)
    return (
        f"{name} AS (SELECT p.sectors, arg_min(s.sector, s.rank) AS sector FROM ("
        f"SELECT d.sectors, trim(unnest(string_split(lower(d.sectors), ','))) AS part "
        f"FROM (SELECT DISTINCT unnest([{values}]) AS sectors FROM raw) d WHERE d.sectors IS NOT NULL) p "
        f"JOIN code_sectors s ON s.name_key = p.part GROUP BY p.sectors)"
    )


def actor_code(country: str, sector_type: str) -> str:
    """A CAMEO-style actor code from an ISO3 expression and a type-code expression."""
    return f"nullif(coalesce({country}, '') || coalesce({sector_type}, ''), '')"


def country_joins(alias: str, value: str) -> tuple[str, str]:
    """Joins resolving ``value`` (an ISO3/CAMEO code or a country name) to ISO3, and the
    expression that reads the result."""
    joins = (f"LEFT JOIN code_cameo_countries {alias}c ON {alias}c.code = upper({value}) "
             f"LEFT JOIN code_country_names {alias}n ON {alias}n.name_key = lower(trim({value}))")
    return joins, f"coalesce({alias}c.iso3, {alias}n.iso3)"


def header_fields(header: list[str], aliases: Mapping[str, list[str]]) -> dict[str, str]:
    """Which header column holds each field: the first alias present, compared by
    :func:`allies.imports.codes.name_key`."""
    from .codes import name_key

    by_key: dict[str, str] = {}
    for column in header:
        by_key.setdefault(name_key(column), column)
    found = {}
    for field, names in aliases.items():
        for alias in names:
            if name_key(alias) in by_key:
                found[field] = by_key[name_key(alias)]
                break
    return found


def first_problem(checks: Iterable[tuple[str, str]]) -> str:
    """SQL giving the first failing check's message: checks are (condition, message SQL)."""
    whens = " ".join(f"WHEN {cond} THEN {message}" for cond, message in checks)
    return f"CASE {whens} END" if whens else "NULL"


def not_numeric(column: str) -> str:
    """Condition: the raw value is present but is not a number."""
    return f"({column} IS NOT NULL AND TRY_CAST({column} AS DOUBLE) IS NULL)"


def numeric_check(column: str, label: str) -> tuple[str, str]:
    """A :func:`first_problem` check: ``column`` must be a number when present."""
    return not_numeric(column), f"'non-numeric {label}: ' || {column}"


@dataclass
class HeadedFile:
    """A tab-separated file with a header, read with rejects captured: ``found``
    maps each known field to the file's own column name (names drift between
    releases), ``source`` is the reader SQL, ``rejects`` the rejects table."""

    found: dict[str, str]
    source: str
    rejects: str
    header: list[str]

    def col(self, field: str) -> str:
        """The column for ``field`` in SQL, or NULL where the file lacks it."""
        return f"r.{ident(self.found[field])}" if field in self.found else "NULL"

    def sector_columns(self, *fields: str) -> list[str]:
        return [ident(self.found[f]) for f in fields if f in self.found]

    def to_staging(self, expressions: Mapping[str, str], bad_reason: str, joins: str = "", ctes: str = "",
                   **options) -> Staging:
        """:func:`staging` for this file: its reader, its rejects table, one header line,
        and only the header's columns that the SQL uses copied."""
        return staging(self.source, expressions, bad_reason, joins, ctes, source_columns=self.header,
                       header_lines=1, rejects_table=self.rejects, **options)


def read_headed_tsv(file: InputFile, aliases: Mapping[str, list[str]], required: Iterable[str],
                    dataset: str) -> HeadedFile:
    """Open a headed TSV of ``dataset``; InputError when a required field has no column."""
    header = first_line(file).split("\t")
    found = header_fields(header, aliases)
    missing = [f for f in required if f not in found]
    if missing:
        raise InputError(f"{file.name}: not {dataset} file (no column for {', '.join(missing)})")
    rejects = new_rejects_table()
    return HeadedFile(found, read_csv_sql(file, header, delimiter="\t", header=True, rejects_table=rejects), rejects,
                      header)


def sector_joins(source_sectors: str, target_sectors: str) -> str:
    """Joins that give ``ss``/``ts`` (source/target sector) and ``sst``/``tst`` (their CAMEO type)."""
    return (f" LEFT JOIN actor_sectors ss ON ss.sectors = {source_sectors}"
            f" LEFT JOIN actor_sectors ts ON ts.sectors = {target_sectors}"
            " LEFT JOIN code_sector_types sst ON sst.sector = ss.sector"
            " LEFT JOIN code_sector_types tst ON tst.sector = ts.sector")
