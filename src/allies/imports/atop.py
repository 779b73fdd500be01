"""Import ATOP alliance data (directed dyad-years) into the store.

The file is read by DuckDB's CSV reader; Correlates of War state codes are
mapped to ISO3 with the country table's COW codes (:mod:`allies.countries`). Rows whose codes,
year or 0/1 flags cannot be read, or whose states have no ISO3 code (German
and Italian states before unification and the like), are skipped and counted.
The dyad-years go to ``alliance_years``; consecutive allied years of each pair
are summarised as formal ties (origin ``atop``), one spell per run of years
with a defence or offence obligation (an alliance) and one per run of years
with only lesser pacts (neutrality, non-aggression, consultation), each named
by what it is. A spell open in ATOP's last year is not known to last beyond it
(see :func:`allies.relations.ties._after_atop`). A re-import replaces both.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import duckdb

from .. import countries
from ..errors import InputError

REQUIRED = ("ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")
FLAGS = {"atop_defense": "defence", "atop_offense": "offence", "atop_neutral": "neutrality",
         "atop_nonagg": "non_aggression", "atop_consul": "consultation"}
EXAMPLES_KEPT = 20


def cow_codes() -> list[tuple[int, str]]:
    """(COW state code, ISO3) from the country table."""
    return countries.cow_codes()


def import_atop(store, path: str | Path) -> dict[str, Any]:
    """Load an ATOP directed dyad-year CSV; returns a report dict
    ``{dataset, path, rows_read, rows_imported, rows_skipped, skipped_reasons,
    unmapped_codes, examples, dyad_years, formal_ties, run_id}``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    con = store.con
    columns = _check_columns(con, path)
    _stage_rows(con, path, columns)
    skipped = _skipped_rows(con)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM alliance_years")
        con.execute("DELETE FROM formal_ties WHERE origin = 'atop'")
        last_year = _insert_alliance_years(con)
        _insert_formal_ties(con, last_year)
        # The relations engine needs to know where the data end (open spells).
        con.execute("INSERT OR REPLACE INTO relations_state (key, value) VALUES ('atop_last_year', ?)",
                    [str(last_year) if last_year is not None else None])
        report, run_id = _record_run(con, path, skipped)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute("DROP TABLE IF EXISTS atop_staged")
        con.execute("DROP TABLE IF EXISTS atop_cow")
        con.execute("DROP TABLE IF EXISTS atop_pair_ids")
    report["run_id"] = run_id
    return report


def _check_columns(con, path: Path) -> list[str]:
    """The file's column names; an error unless it is a CSV with every ATOP column needed."""
    try:
        columns = [r[0] for r in con.execute(
            "DESCRIBE SELECT * FROM read_csv(?, all_varchar = true, header = true)", [str(path)]).fetchall()]
    except duckdb.Error as exc:
        raise InputError(f"{path}: not a readable CSV file ({str(exc).splitlines()[0]})") from None
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InputError(f"{path}: not an ATOP dyad-year file (missing columns: {', '.join(missing)})")
    return columns


def _stage_rows(con, path: Path, columns: list[str]) -> None:
    """Read the file into the temporary table ``atop_staged``: typed codes, year and flags,
    the two ISO3 codes, the dyad-year's ATOP alliance ids and why a row is skipped (``problem``)."""
    # ATOP's own files name each dyad-year's alliances (atopid1, atopid2, ...); keep them when present.
    id_columns = [c for c in columns if re.fullmatch(r"atopid\d*", c)]
    ids = (f"list_filter([{', '.join(f'trim({c})' for c in id_columns)}], lambda i: coalesce(i, '') NOT IN ('', '0', 'NA'))"
           if id_columns else "[]::VARCHAR[]")
    flag_ok = " AND ".join(f"coalesce(trim({c}), '') IN ('0', '1')" for c in FLAGS)
    con.execute("CREATE OR REPLACE TEMP TABLE atop_cow (cow INTEGER, iso3 VARCHAR)")
    con.executemany("INSERT INTO atop_cow VALUES (?, ?)", cow_codes())
    try:
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE atop_staged AS
            WITH raw AS (
                SELECT row_number() OVER () + 1 AS line, *
                FROM read_csv(?, all_varchar = true, header = true)),
            typed AS (
                SELECT line, ccode1, ccode2,
                       TRY_CAST(trim(ccode1) AS INTEGER) AS c1, TRY_CAST(trim(ccode2) AS INTEGER) AS c2,
                       TRY_CAST(trim(year) AS INTEGER) AS yr, ({flag_ok}) AS flags_ok,
                       {", ".join(f"trim({c}) = '1' AS {c}" for c in FLAGS)}, {ids} AS atop_ids
                FROM raw)
            SELECT t.*, m1.iso3 AS iso_a, m2.iso3 AS iso_b,
                   CASE WHEN t.c1 IS NULL OR t.c2 IS NULL THEN 'unreadable state code'
                        WHEN t.yr IS NULL OR t.yr NOT BETWEEN 1800 AND 2100 THEN 'unreadable year'
                        WHEN NOT t.flags_ok THEN 'obligation flags not 0/1'
                        WHEN m1.iso3 IS NULL OR m2.iso3 IS NULL THEN 'state without ISO3 code'
                        WHEN m1.iso3 = m2.iso3 THEN 'both codes map to one country'
                   END AS problem
            FROM typed t
            LEFT JOIN atop_cow m1 ON m1.cow = t.c1
            LEFT JOIN atop_cow m2 ON m2.cow = t.c2""", [str(path)])
    except duckdb.Error as exc:
        raise InputError(f"{path}: cannot read as CSV ({str(exc).splitlines()[0]})") from None


def _skipped_rows(con) -> dict[str, Any]:
    """What the staged rows count and why some are skipped: ``rows_read``, ``rows_skipped``,
    ``reasons``, ``unmapped`` (COW codes without a country) and the first ``examples``."""
    rows_read, rows_skipped = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE problem IS NOT NULL) FROM atop_staged").fetchone()
    reasons = dict(con.execute(
        "SELECT problem, count(*) FROM atop_staged WHERE problem IS NOT NULL GROUP BY problem ORDER BY 2 DESC").fetchall())
    unmapped = con.execute("""
        SELECT code, count(*) AS n FROM (
            SELECT c1 AS code FROM atop_staged WHERE problem = 'state without ISO3 code'
              AND c1 NOT IN (SELECT cow FROM atop_cow)
            UNION ALL
            SELECT c2 FROM atop_staged WHERE problem = 'state without ISO3 code'
              AND c2 NOT IN (SELECT cow FROM atop_cow))
        GROUP BY code ORDER BY n DESC, code""").fetchall()
    examples = [{"line": r[0], "ccode1": r[1], "ccode2": r[2], "reason": r[3]} for r in con.execute(
        "SELECT line, ccode1, ccode2, problem FROM atop_staged WHERE problem IS NOT NULL "
        "AND problem <> 'state without ISO3 code' ORDER BY line LIMIT ?", [EXAMPLES_KEPT]).fetchall()]
    return {"rows_read": rows_read, "rows_skipped": rows_skipped, "reasons": reasons,
            "unmapped": unmapped, "examples": examples}


def _insert_alliance_years(con) -> int | None:
    """Insert the good staged rows as dyad-years (one per ordered pair and year); returns the
    last year in the data (None when there is none)."""
    con.execute(f"""
        INSERT INTO alliance_years
        SELECT iso_a, iso_b, yr, {", ".join(f"bool_or({c})" for c in FLAGS)}
        FROM atop_staged WHERE problem IS NULL
        GROUP BY iso_a, iso_b, yr""")
    return con.execute("SELECT max(year) FROM alliance_years").fetchone()[0]


def _insert_formal_ties(con, last_year: int | None) -> None:
    """Summarise each pair's consecutive allied years as formal ties, naming the ATOP alliances
    behind each spell; a spell reaching ``last_year`` stays open."""
    obligations = " || ".join(
        f"CASE WHEN bool_or({c}) THEN ',{name}' ELSE '' END" for c, name in FLAGS.items())
    con.execute("""CREATE OR REPLACE TEMP TABLE atop_pair_ids AS
                   SELECT least(iso_a, iso_b) AS x, greatest(iso_a, iso_b) AS y, yr AS year, unnest(atop_ids) AS id
                   FROM atop_staged WHERE problem IS NULL""")
    con.execute(f"""
        INSERT INTO formal_ties (tie_id, name, kind, country_a, country_b, organisation, signed, in_force,
                                 ended, suspended, obligations, origin, note)
        WITH pairs AS (
            SELECT least(country_a, country_b) AS x, greatest(country_a, country_b) AS y, year,
                   bool_or(defense) AS atop_defense, bool_or(offense) AS atop_offense,
                   bool_or(neutrality) AS atop_neutral, bool_or(nonaggression) AS atop_nonagg,
                   bool_or(consultation) AS atop_consul
            FROM alliance_years WHERE defense OR offense OR neutrality OR nonaggression OR consultation
            GROUP BY ALL),
        kinds AS (
            -- Only a defence or offence obligation makes an alliance: alliance years
            -- and years of lesser pacts form separate spells.
            SELECT *, atop_defense OR atop_offense AS ally FROM pairs),
        spells AS (
            SELECT *, year - row_number() OVER (PARTITION BY x, y, ally ORDER BY year) AS spell FROM kinds),
        summed AS (
            SELECT x, y, ally, min(year) AS first, max(year) AS last, ltrim({obligations}, ',') AS obligations
            FROM spells GROUP BY x, y, ally, spell)
        SELECT 'atop:' || x || '-' || y || ':' || first || CASE WHEN ally THEN '' ELSE ':pact' END,
               'ATOP ' || CASE WHEN obligations LIKE '%defence%' THEN 'defence pact'
                               WHEN obligations LIKE '%offence%' THEN 'offence pact'
                               WHEN obligations LIKE '%neutrality%' THEN 'neutrality pact'
                               WHEN obligations LIKE '%non_aggression%' THEN 'non-aggression pact'
                               ELSE 'consultation pact' END || ' ' || x || '-' || y
                 || coalesce(' (ATOP alliance ' || (
                        SELECT string_agg(DISTINCT i.id, ', ' ORDER BY i.id) FROM atop_pair_ids i
                        WHERE i.x = summed.x AND i.y = summed.y AND i.year BETWEEN summed.first AND summed.last)
                    || ')', ''),
               'atop', x, y, NULL, NULL, make_date(first, 1, 1),
               CASE WHEN last < ? THEN make_date(last + 1, 1, 1) END, NULL,
               obligations, 'atop',
               'ATOP dyad-years ' || first || '-' || last
                 || CASE WHEN last >= ? THEN ' (the end of the data: not known since)' ELSE '' END
        FROM summed""", [last_year, last_year])


def _record_run(con, path: Path, skipped: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Build the import report and log it in ``import_runs``; returns (report, run_id)."""
    rows_read, rows_skipped = skipped["rows_read"], skipped["rows_skipped"]
    dyad_years = con.execute("SELECT count(*) FROM alliance_years").fetchone()[0]
    ties = con.execute("SELECT count(*) FROM formal_ties WHERE origin = 'atop'").fetchone()[0]
    report = {
        "dataset": "atop", "path": str(path), "rows_read": rows_read, "rows_imported": rows_read - rows_skipped,
        "rows_skipped": rows_skipped, "skipped_reasons": skipped["reasons"],
        "unmapped_codes": {str(code): n for code, n in skipped["unmapped"]}, "examples": skipped["examples"],
        "dyad_years": dyad_years, "formal_ties": ties,
    }
    run_id = con.execute(
        """INSERT INTO import_runs (dataset, path, finished_at, rows_read, rows_imported, rows_skipped,
                                    duplicates, status, report)
           VALUES ('atop', ?, current_timestamp, ?, ?, ?, ?, 'ok', ?) RETURNING run_id""",
        [str(path), rows_read, rows_read - rows_skipped, rows_skipped,
         rows_read - rows_skipped - dyad_years, json.dumps(report)]).fetchone()[0]
    return report, run_id
