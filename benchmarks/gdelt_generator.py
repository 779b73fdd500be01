"""Write a synthetic GDELT 2.0 events file (61 tab-separated columns, no header).

    python benchmarks/gdelt_generator.py OUT.CSV [--rows 5000000] [--seed 7]

Rows look like real exports: CAMEO actor codes built from real country and type codes,
event codes with their root, quad class and Goldstein value, FIPS geography, and URLs
shared by several events of one article. About one row in ten repeats the date, actors,
event code and URL of the row before it (with other geography and id), as GDELT does
when one article yields the same event twice. DuckDB writes the file, so 5 million rows
take seconds.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from importlib import resources
from pathlib import Path

import duckdb

from allies.countries import iso3_codes


def _table(name: str) -> list[dict[str, str]]:
    text = resources.files("allies.imports").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _sql_list(values) -> str:
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]"


def generate(out: str | Path, rows: int = 5_000_000, seed: int = 7) -> Path:
    """Write ``rows`` synthetic GDELT 2.0 events to ``out`` and return its path."""
    out = Path(out)
    countries = sorted(iso3_codes())
    fips = sorted({r["fips"] for r in _table("fips_countries.tsv")})
    types = [r["type"] for r in _table("actor_types.tsv")]
    codes = {}
    for r in _table("plover_cameo.tsv") + _table("acled_events.tsv"):
        codes[r["cameo"]] = r["goldstein"]
    code_list = sorted(codes)
    gold_list = [codes[c] for c in code_list]
    roots = [c[:2] for c in code_list]
    quads = [1 if r <= "05" else 2 if r <= "09" else 3 if r <= "14" else 4 for r in roots]
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    # h(k) draws a stable pseudo-random number for the row's "event" (src) and field k;
    # g(k) for the row itself (geography and counts differ between duplicates).
    sql = f"""
    COPY (
    WITH base AS (
        SELECT i, CASE WHEN i % 10 = 9 THEN i - 1 ELSE i END AS src FROM range({int(rows)}) t(i)
    ), drawn AS (
        SELECT i, src, src // 5 AS article,
               CAST(hash(src, {seed}, 1) >> 1 AS BIGINT) AS h1, CAST(hash(src, {seed}, 2) >> 1 AS BIGINT) AS h2, CAST(hash(src, {seed}, 3) >> 1 AS BIGINT) AS h3,
               CAST(hash(src, {seed}, 4) >> 1 AS BIGINT) AS h4, CAST(hash(src, {seed}, 5) >> 1 AS BIGINT) AS h5, CAST(hash(i, {seed}, 6) >> 1 AS BIGINT) AS g1,
               CAST(hash(i, {seed}, 7) >> 1 AS BIGINT) AS g2
        FROM base
    ), chosen AS (
        SELECT *,
            {_sql_list(countries)}[1 + h1 % {len(countries)}] AS c1,
            {_sql_list(countries)}[1 + h2 % {len(countries)}] AS c2,
            {_sql_list(types)}[1 + (h1 >> 20) % {len(types)}] AS t1,
            {_sql_list(types)}[1 + (h2 >> 20) % {len(types)}] AS t2,
            1 + h3 % {len(code_list)} AS k,
            DATE '2024-01-01' + CAST(article % 30 AS INTEGER) AS day,
            {_sql_list(fips)}[1 + g1 % {len(fips)}] AS geo
        FROM drawn
    )
    SELECT 1000000000 + i, strftime(day, '%Y%m%d'), strftime(day, '%Y%m'), year(day),
           round(year(day) + dayofyear(day) / 365.0, 4),
           c1 || t1, c1 || ' ' || t1, c1, '', '', '', '', t1, '', '',
           CASE WHEN h4 % 7 = 0 THEN '' ELSE c2 || t2 END,
           CASE WHEN h4 % 7 = 0 THEN '' ELSE c2 || ' ' || t2 END,
           CASE WHEN h4 % 7 = 0 THEN '' ELSE c2 END, '', '', '', '',
           CASE WHEN h4 % 7 = 0 THEN '' ELSE t2 END, '', '',
           CAST(h5 % 2 AS INTEGER),
           {_sql_list(code_list)}[k], {_sql_list(code_list)}[k], {_sql_list(roots)}[k],
           {quads}[k], {_sql_list(gold_list)}[k],
           1 + g2 % 20, 1 + g2 % 3, 1 + g2 % 20, round(((g2 >> 8) % 2000) / 100.0 - 10, 4),
           4, 'Place ' || geo || ', ' || geo, geo, geo || '01', '', round(((g1 >> 8) % 18000) / 100.0 - 90, 4),
           round(((g1 >> 24) % 36000) / 100.0 - 180, 4), CAST(g1 % 100000 AS VARCHAR),
           4, 'Place ' || geo || ', ' || geo, geo, geo || '01', '', round(((g1 >> 8) % 18000) / 100.0 - 90, 4),
           round(((g1 >> 24) % 36000) / 100.0 - 180, 4), CAST(g1 % 100000 AS VARCHAR),
           4, 'Place ' || geo || ', ' || geo, geo, geo || '01', '', round(((g1 >> 8) % 18000) / 100.0 - 90, 4),
           round(((g1 >> 24) % 36000) / 100.0 - 180, 4), CAST(g1 % 100000 AS VARCHAR),
           strftime(day, '%Y%m%d') || '143000',
           'https://news' || (article % 997) || '.example.com/world/' || article || '.html'
    FROM chosen
    ) TO '{str(out).replace("'", "''")}' (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '')
    """
    con.execute(sql)
    con.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = generate(args.out, args.rows, args.seed)
    seconds = time.perf_counter() - started
    print(f"wrote {args.rows:,} rows to {path} ({path.stat().st_size / 1e6:.0f} MB) in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
