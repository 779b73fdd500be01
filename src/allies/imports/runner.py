"""The import pipeline every dataset shares, in SQL.

For one input file (every write to the store inside one transaction):

1. the dataset's reader gives the SQL that reads the file, and a SELECT mapping it to
   the allies event columns and flagging rows with unusable values (``bad_reason``);
   rows DuckDB's CSV reader cannot parse (wrong column count, broken encoding) go to its
   rejects table with their line numbers;
2. the file is read once, on all cores, into the table ``import_raw``: only the columns
   the mapping uses, in file order, so each row's ``rowid`` gives its line (a window
   function numbering rows would make the whole import single-threaded). A reader whose
   checks read the row alone (GDELT) has the copy map each row as it reads it (every
   value that needs no code-book join, and the check), so later steps read typed values
   instead of recomputing them from text; joins are left for step 5, as they would lose
   the file order. A file that fits in the import's memory cap is staged in memory (a
   temporary table); a larger one in a scratch DuckDB file (see :func:`_stage_on_disk`),
   so memory stays flat however large the file;
3. a pass over that table folds duplicates: good rows with the same fold key (date,
   actors, code, URL or story) become one group, remembered by its first row and size;
   bad rows are kept apart for the report;
4. rows whose key is already stored for the same origin (an earlier import of the
   same events) are dropped;
5. the first row of each remaining group is appended to ``events``, its ``duplicates``
   column counting the rest, with provenance (run, file, line, dataset id);
   ``import_runs`` gets the counts and a JSON report of skipped lines.

Any error rolls the whole file back.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import duckdb

from .. import settings
from ..errors import InputError
from ..store.schema import staged_columns
from ..wording import plural

# Columns an importer's staging SELECT produces (NULL where the dataset has no value),
# besides ``data_row`` (1-based number among the rows the reader parsed) and ``bad_reason``:
# every column of ``events`` but the ids and provenance the pipeline assigns.
STAGED_COLUMNS = staged_columns()

# Provenance an events file may carry over from an earlier stage (the Spark importer
# writes the original dataset file, line and folded count): used instead of the events
# file's own when present.
CARRIED_COLUMNS = ("carried_file", "carried_row", "carried_duplicates")

# "Same date, actors, code and URL or story". GDELT actors are full CAMEO codes; other
# datasets name their actors, and allies builds only coarse codes for them, so the
# names are part of the key there. GDELT rows without a URL (GDELT 1.0 before April
# 2013) carry their own id as story, so they are never folded.
GDELT_FOLD_KEY = ("origin", "date", "source_code", "target_code", "cameo", "url", "story_id")
NAMED_FOLD_KEY = ("origin", "date", "source_code", "source_text", "target_code", "target_text", "cameo",
                  "url", "story_id")
CODED_FOLD_KEY = NAMED_FOLD_KEY + ("sentence_index", "trigger")

# The file's rows, copied once per import (see step 2 above).
RAW_TABLE = "import_raw"

# The copied file, numbered: a table created in file order numbers its rows in that
# order (rowid from 0), so no window function has to make the read single-threaded.
RAW_CTE = f"raw AS (SELECT rowid + 1 AS data_row, * FROM {RAW_TABLE})"


def _raw_cte_between(first: int, last: int) -> str:
    """:data:`RAW_CTE` for data rows ``first`` to ``last`` only (DuckDB skips the rest
    of the table by its row numbers)."""
    return (f"raw AS (SELECT rowid + 1 AS data_row, * FROM {RAW_TABLE} "
            f"WHERE rowid BETWEEN {first - 1} AND {last - 1})")

REPORT_LINES = 200  # skipped lines listed one by one in a report; the rest are counted


@dataclass
class Staging:
    """What a dataset reader hands the pipeline for one file."""

    select_sql: str                  # SELECT of STAGED_COLUMNS + data_row + bad_reason over RAW_TABLE
    source_sql: str                  # SELECT reading the file (RAW_TABLE is created from it)
    read_sql: str = ""               # the reader alone (the file's columns the mapping uses, as read);
                                     # differs from source_sql when the copy maps rows as it reads them
    header_lines: int = 0            # physical lines before the first data row
    rejects_table: str | None = None  # DuckDB rejects table the reader fills
    fold_key: tuple[str, ...] = NAMED_FOLD_KEY
    variant: str | None = None       # e.g. "GDELT 2.0", shown in reports
    origin: str | None = None        # the origin every row gets, when fixed
    fold_sql: str | None = None      # SELECT of the fold key, data_row, bad_reason (lighter)
    columns: tuple[str, ...] = STAGED_COLUMNS  # staged columns that can be non-NULL

    def __post_init__(self) -> None:
        self.read_sql = self.read_sql or self.source_sql


@dataclass
class ImportResult:
    """Counts and the skipped-line report of one imported file."""

    dataset: str
    path: str
    run_id: int | None = None
    variant: str | None = None
    rows_read: int = 0
    rows_imported: int = 0
    rows_skipped: int = 0
    duplicates_folded: int = 0   # rows folded into another row of the same file
    already_stored: int = 0      # rows whose event an earlier import already stored
    skipped: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def duplicates(self) -> int:
        return self.duplicates_folded + self.already_stored

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "path": self.path, "run_id": self.run_id, "variant": self.variant,
            "rows_read": self.rows_read, "rows_imported": self.rows_imported,
            "rows_skipped": self.rows_skipped, "duplicates_folded": self.duplicates_folded,
            "already_stored": self.already_stored, "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
        }

    def summary(self) -> str:
        """One line for the terminal."""
        if self.dataset == "unknown":
            return f"{self.path}: not imported ({self.skipped[0]['reason'] if self.skipped else 'unknown kind'})"
        rate = f", {self.rows_read / self.seconds:,.0f} rows/s" if self.seconds > 0 else ""
        text = (f"{self.path}: {plural(self.rows_imported, 'event')} imported from {plural(self.rows_read, 'row')}"
                f" ({plural(self.duplicates_folded, 'duplicate')} folded, {self.already_stored:,} already stored,"
                f" {plural(self.rows_skipped, 'bad row')} skipped{rate})")
        return text


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _null_safe_equal(a: str, b: str, column: str) -> str:
    return f"{a}.{column} IS NOT DISTINCT FROM {b}.{column}"


def run_file(con: duckdb.DuckDBPyConnection, dataset: str, name: str,
             stage: Callable[[duckdb.DuckDBPyConnection], Staging], input_bytes: int | None = None) -> ImportResult:
    """Import one file in one transaction; ``stage`` builds the dataset's staging SQL.
    ``input_bytes`` (the file's size as read, estimated when compressed) decides where
    its rows are staged; unknown means in memory."""
    started = time.perf_counter()
    result = ImportResult(dataset=dataset, path=name)
    settings.import_memory_bytes()  # a malformed ALLIES_IMPORT_MEMORY is a one-line error, before anything runs
    previous = _tune(con)
    staging: Staging | None = None
    scratch: Path | None = None
    try:
        staging = stage(con)
        result.variant = staging.variant
        # The copy is made before the transaction begins (a temporary table is private to
        # this connection, a scratch file to this import): rows a transaction adds are
        # numbered from a large offset until it commits, and their numbers are the line
        # numbers here.
        if not stages_in_memory(input_bytes):
            scratch = _scratch_path(con)
            _stage_on_disk(con, staging, scratch)
        else:
            _copy_file(con, staging)  # the one read of the file
        con.execute("BEGIN TRANSACTION")
        result.run_id = con.execute(
            "INSERT INTO import_runs (dataset, path, status) VALUES (?, ?, 'running') RETURNING run_id",
            [dataset, name],
        ).fetchone()[0]
        _import_staged(con, staging, result, name)
        _log_finished_run(con, result, started)
        con.execute("COMMIT")
    except BaseException as exc:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        if isinstance(exc, duckdb.Error):
            first = (str(exc).splitlines() or [""])[0]
            raise InputError(f"{name}: cannot import ({first}); nothing imported from it") from None
        raise
    finally:
        _drop_staging(con, staging, scratch)
        if scratch is not None:
            _remove_scratch(scratch)
        _restore(con, previous)
    return result


def _import_staged(con: duckdb.DuckDBPyConnection, staging: Staging, result: ImportResult, name: str) -> None:
    """Fold, number and insert the staged rows; fills ``result``'s counts and skipped lines."""
    _fold(con, staging)
    rejects = _rejected_lines(con, staging)
    _number_lines(con, staging, [line for line, _ in rejects])
    parsed, bad = con.execute(
        "SELECT coalesce(sum(folded + 1), 0), coalesce(sum(folded + 1) FILTER (WHERE bad_reason IS NOT NULL), 0) "
        "FROM import_folded"
    ).fetchone()
    bad_rows = con.execute(
        f"SELECT source_row, bad_reason FROM import_folded_lines WHERE bad_reason IS NOT NULL "
        f"ORDER BY source_row LIMIT {REPORT_LINES}"
    ).fetchall() if bad else []
    inserted, folded = _insert(con, staging, result.run_id, name)
    result.rows_read = int(parsed) + len(rejects)
    result.rows_skipped = len(rejects) + int(bad)
    result.rows_imported = inserted
    result.duplicates_folded = folded
    result.already_stored = int(parsed) - int(bad) - inserted - folded
    listed = sorted(
        [{"line": line, "reason": reason} for line, reason in rejects[:REPORT_LINES]]
        + [{"line": line, "reason": reason} for line, reason in bad_rows],
        key=lambda item: item["line"],
    )[:REPORT_LINES]
    result.skipped = listed


def _log_finished_run(con: duckdb.DuckDBPyConnection, result: ImportResult, started: float) -> None:
    """Mark the run finished in ``import_runs`` with its counts and report."""
    result.seconds = time.perf_counter() - started
    report = result.to_dict()
    report["skipped_listed"] = len(result.skipped)
    con.execute(
        "UPDATE import_runs SET finished_at = current_timestamp, rows_read = ?, rows_imported = ?, "
        "rows_skipped = ?, duplicates = ?, status = 'ok', report = ? WHERE run_id = ?",
        [result.rows_read, result.rows_imported, result.rows_skipped, result.duplicates,
         json.dumps(report), result.run_id],
    )


def _drop_staging(con: duckdb.DuckDBPyConnection, staging: Staging | None, scratch: Path | None) -> None:
    """Drop whatever the import staged; each drop is tried on its own so one failure leaves none behind."""
    cleanup = ["DROP VIEW IF EXISTS import_folded_lines", "DROP TABLE IF EXISTS import_folded",
               "DROP TABLE IF EXISTS import_shift",
               f"DROP {'VIEW' if scratch else 'TABLE'} IF EXISTS {RAW_TABLE}"]
    if scratch is not None:
        cleanup += [f"DROP TABLE IF EXISTS {SCRATCH_DB}.main.{RAW_TABLE}", f"DETACH DATABASE IF EXISTS {SCRATCH_DB}"]
    if staging is not None and staging.rejects_table:
        for suffix in ("", "_scan"):
            cleanup.append(f"DROP TABLE IF EXISTS {staging.rejects_table}{suffix}")
    for stmt in cleanup:
        try:
            con.execute(stmt)
        except duckdb.Error:
            pass


# Bulk-import settings. The code-book joins must build their hash tables on the small
# code tables: DuckDB's build-side swap sometimes builds on the millions of file rows
# instead, which costs more than the rest of the import. Row order is not needed (rows
# are numbered by the reader in file order). The memory cap (ALLIES_IMPORT_MEMORY) keeps
# an import's memory nearly flat as files grow: the fold's hash tables spill to disk.
IMPORT_SETTINGS = {
    "disabled_optimizers": "build_side_probe_side",
    "preserve_insertion_order": "false",
}


def _tune(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Apply :data:`IMPORT_SETTINGS`; returns the previous values for :func:`_restore`."""
    wanted = dict(IMPORT_SETTINGS, memory_limit=settings.import_memory())
    previous = {}
    for setting, value in wanted.items():
        previous[setting] = str(con.execute(f"SELECT current_setting('{setting}')").fetchone()[0])
        con.execute(f"SET {setting} = '{value}'")
    return previous


def _restore(con: duckdb.DuckDBPyConnection, previous: dict[str, str]) -> None:
    for setting, value in previous.items():
        try:
            con.execute(f"SET {setting} = '{value}'")
        except duckdb.Error:
            pass


def _copy_file(con: duckdb.DuckDBPyConnection, staging: Staging) -> None:
    """Read the file into RAW_TABLE in file order. DuckDB keeps insertion order for a
    plain parallel scan when asked to (joins would lose it, so none happen here)."""
    con.execute("SET preserve_insertion_order = true")
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {RAW_TABLE} AS {staging.source_sql}")
    finally:
        con.execute("SET preserve_insertion_order = false")
    _check_numbering(con)


def _check_numbering(con: duckdb.DuckDBPyConnection) -> None:
    first, last, rows = con.execute(f"SELECT min(rowid), max(rowid), count(*) FROM {RAW_TABLE}").fetchone()
    if rows and (first != 0 or last != rows - 1):
        # Never expected; line numbers would be wrong, so nothing is imported.
        raise RuntimeError(f"{RAW_TABLE} rows are not numbered 0..{rows - 1} (got {first}..{last})")


def insert_chunk_rows() -> int:
    """Rows appended per statement (see :func:`_insert`): a range's fold groups take
    about 100 bytes each in the join, so a range uses at most a fifth of the memory cap."""
    return max(500_000, settings.import_memory_bytes() // 500)


# A file is staged in memory when its size is at most this share of the memory cap
# (GDELT's staged columns take about 1.2 times their file's bytes in memory; the fold
# needs the rest). Past it, the staged rows would spill to DuckDB's temporary files
# uncompressed, and be read back from them twice: slower than a scratch file, and the
# memory would still grow with the file.
STAGE_IN_MEMORY_SHARE = 0.75

def stages_in_memory(input_bytes: int | None) -> bool:
    """Whether a file of ``input_bytes`` (None: unknown) is staged in memory."""
    return input_bytes is None or input_bytes <= settings.import_memory_bytes() * STAGE_IN_MEMORY_SHARE


# The scratch database a large file is staged in (attached under this name).
SCRATCH_DB = "import_scratch"


def _scratch_path(con: duckdb.DuckDBPyConnection) -> Path:
    """Where a large file is staged: ``$ALLIES_IMPORT_STAGING``, else next to the store
    (one name per store: only one process can write to a store, so a file left by a
    killed import is simply replaced), else (an in-memory store) the system's temp folder."""
    store = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    store_path = Path(store[0]) if store and store[0] else None
    folder = settings.import_staging()
    if store_path is not None:
        name = f"{store_path.name}.import-staging"
        return (folder or store_path.parent) / name
    return Path(folder or tempfile.gettempdir()) / f"allies-import-staging-{os.getpid()}"


def _remove_scratch(path: Path) -> None:
    for stale in (path, Path(f"{path}.wal")):
        try:
            stale.unlink(missing_ok=True)
        except OSError:
            pass


def _stage_on_disk(con: duckdb.DuckDBPyConnection, staging: Staging, path: Path) -> None:
    """Stage the file in a scratch DuckDB file instead of memory, and make ``import_raw``
    a view of it that keeps its ``rowid``. The scratch table is compressed and written
    as it fills, so memory stays within the cap however large the file; it is outside
    the store and its transaction, and is removed after the import (or replaced by the
    next one when an import is killed)."""
    if not path.parent.is_dir():
        raise InputError(f"staging folder {path.parent} does not exist (ALLIES_IMPORT_STAGING)")
    _remove_scratch(path)
    con.execute(f"ATTACH {_sql_str(str(path))} AS {SCRATCH_DB}")
    con.execute("SET preserve_insertion_order = true")
    try:
        con.execute(f"CREATE TABLE {SCRATCH_DB}.main.{RAW_TABLE} AS {staging.source_sql}")
    finally:
        con.execute("SET preserve_insertion_order = false")
    # The mapping SQL reads RAW_TABLE's rowid; a view passes the table's own on.
    con.execute(f'CREATE OR REPLACE TEMP VIEW {RAW_TABLE} AS SELECT rowid AS "rowid", * '
                f"FROM {SCRATCH_DB}.main.{RAW_TABLE}")
    _check_numbering(con)


def _fold(con: duckdb.DuckDBPyConnection, staging: Staging) -> None:
    """``import_folded`` gets one row per fold key among good rows (the first row's
    ``data_row`` and how many rows were folded into it) and one row per bad row (with its
    reason, never folded). Only numbers leave the grouping: carrying whole rows through
    it costs more than joining them back by row number."""
    keys = ", ".join(staging.fold_key)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE import_folded AS "
        f"SELECT min(data_row) AS first_row, count(*) - 1 AS folded, bad_reason "
        f"FROM ({staging.fold_sql or staging.select_sql}) "
        f"GROUP BY {keys}, bad_reason, CASE WHEN bad_reason IS NOT NULL THEN data_row END"
    )


def _rejected_lines(con: duckdb.DuckDBPyConnection, staging: Staging) -> list[tuple[int, str]]:
    if not staging.rejects_table:
        return []
    rows = con.execute(
        f"SELECT line, arg_min(error_type || ': ' || error_message, error_message) "
        f"FROM {staging.rejects_table} GROUP BY line ORDER BY line"
    ).fetchall()
    return [(int(line), reason.lower().replace("_", " ")) for line, reason in rows]


def _number_lines(con: duckdb.DuckDBPyConnection, staging: Staging, rejected: list[int]) -> None:
    """Define ``import_folded_lines``: folded rows with ``source_row``, the physical line
    of the kept row in the file.

    ``data_row`` counts the rows the reader parsed, in file order (RAW_TABLE's rowid).
    Without rejected lines a row's line is its data row plus the header. Each rejected
    line before a row pushes it one further: the j-th rejected line r_j comes after
    r_j - j - header good rows, so a row with data_row n lies after every j with
    r_j - j - header < n, and an ASOF join finds the largest j.
    """
    header = staging.header_lines
    if not rejected:
        con.execute(f"CREATE OR REPLACE TEMP VIEW import_folded_lines AS "
                    f"SELECT *, first_row + {header} AS source_row FROM import_folded")
        return
    shifts: dict[int, int] = {}
    for j, line in enumerate(rejected, start=1):
        shifts[line - j - header] = j  # later j wins for equal keys: the largest count
    con.execute("CREATE OR REPLACE TEMP TABLE import_shift (k BIGINT, j BIGINT)")
    con.executemany("INSERT INTO import_shift VALUES (?, ?)", sorted(shifts.items()))
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW import_folded_lines AS "
        f"SELECT g.*, g.first_row + {header} + coalesce(t.j, 0) AS source_row "
        f"FROM import_folded g ASOF LEFT JOIN import_shift t ON g.first_row > t.k"
    )


def _insert(con: duckdb.DuckDBPyConnection, staging: Staging, run_id: int, name: str) -> tuple[int, int]:
    """Append the first row of every good fold group not already stored;
    returns (inserted, rows folded into them)."""
    key = staging.fold_key
    origins = (_sql_str(staging.origin) if staging.origin
               else f"SELECT DISTINCT origin FROM ({staging.select_sql})")
    stored = con.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM events WHERE origin IN ({origins}) LIMIT 1)"
    ).fetchone()[0]
    not_stored = ""
    if stored:
        match = " AND ".join(_null_safe_equal("e", "s", c) for c in key)
        not_stored = f"AND NOT EXISTS (SELECT 1 FROM events e WHERE {match})"
    first_id = con.execute("SELECT coalesce(max(event_id), 0) + 1 FROM events").fetchone()[0]
    columns = list(STAGED_COLUMNS) + ["source_row", "event_id", "import_run_id", "source_file", "duplicates"]
    # Ids follow the file's lines (gaps where rows were folded or skipped): unique
    # without a numbering pass, and an event's id tells where it was in the file.
    values = [f"s.{c}" if c in staging.columns else "NULL" for c in STAGED_COLUMNS] + [
        "k.source_row", f"{first_id - 1} + k.source_row", str(run_id), _sql_str(name), "k.folded",
    ]
    def source(select_sql: str = staging.select_sql, rows: str = "") -> str:
        return (f"FROM ({select_sql}) s JOIN import_folded_lines k ON s.data_row = k.first_row "
                f"WHERE k.bad_reason IS NULL {rows} {not_stored}")

    carried = 0
    if "carried_file" in staging.columns:
        values[-5] = "coalesce(s.carried_row, k.source_row)"
        values[-2] = f"coalesce(s.carried_file, {_sql_str(name)})"
    if "carried_duplicates" in staging.columns:
        values[-1] = "k.folded + coalesce(s.carried_duplicates, 0)"
        carried = con.execute(f"SELECT coalesce(sum(s.carried_duplicates), 0) {source()}").fetchone()[0]
    insert = f"INSERT INTO events ({', '.join(columns)}) SELECT {', '.join(values)} "
    # A large file is appended in ranges of its rows: the join of its rows with their
    # fold groups then holds one range of groups at a time, within the memory cap,
    # instead of spilling both sides to disk. Rows of one group are one row here, so no
    # range can hold a row that an earlier range already stored.
    chunk = insert_chunk_rows()
    last = con.execute("SELECT coalesce(max(first_row), 0) FROM import_folded").fetchone()[0]
    if last <= chunk or RAW_CTE not in staging.select_sql:
        con.execute(insert + source())
    else:
        for first in range(1, last + 1, chunk):
            end = first + chunk - 1
            ranged = staging.select_sql.replace(RAW_CTE, _raw_cte_between(first, end), 1)
            con.execute(insert + source(ranged, f"AND k.first_row BETWEEN {first} AND {end}"))
    inserted, folded = con.execute(
        "SELECT count(*), coalesce(sum(duplicates), 0) FROM events WHERE import_run_id = ?", [run_id]
    ).fetchone()
    return int(inserted), int(folded) - int(carried)
