"""How fast allies imports GDELT, against pandas in the same run.

    python benchmarks/import_speed.py [--sizes 1000000,5000000] [--baseline-max 5000000] [--keep DIR]

Writes synthetic GDELT 2.0 files (benchmarks/gdelt_generator.py) of two sizes, then for
each size, in a fresh child process (so peak memory is the import's own):

* allies: ``import_files`` into a fresh store (read, map, fold duplicates, insert);
* floor: DuckDB alone loading the file with ``read_csv`` into a table (every column, its own
  types, nothing mapped, folded or numbered): no importer built on DuckDB can beat it;
* narrow floor: allies' own reader alone (``Staging.read_sql``: only the columns the GDELT mapping reads, as
  text, rejects captured) writing its rows into a table: the least any importer of these
  events must do; pandas' time over it is the largest speed-up this machine allows;
* baseline: what a typical pandas user writes: ``pandas.read_csv(path, sep="\\t",
  header=None)`` with its default type inference, then ``CREATE TABLE events AS SELECT *
  FROM frame`` into a fresh DuckDB file (no mapping, no folding: a plain load).

Wall and CPU seconds cover the work only: modules are imported and the store is opened
(migrations run) before the clock starts, on both sides.

Prints rows/s, the speed-up over the baseline (target: at least 5x, at least 500,000
rows/s), allies' speed as a share of the narrow floor's in the same run (target: at least
0.7, in wall and in CPU time: on a shared machine the CPU share moves less with other
load), the load average around each step and the peak RSS of each import at every size
(target: flat as input grows) and where allies staged the file (in memory up to three
quarters of ALLIES_IMPORT_MEMORY, else in a scratch DuckDB file). Above ``--baseline-max`` rows only allies and the narrow
floor run (pandas would need the whole file in memory).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATE = 500_000  # rows/s into the store (the goal)
TARGET_RATIO = 5  # times the pandas baseline
TARGET_FLOOR_SHARE = 0.7  # allies' rows/s as a share of the narrow floor's (issue 14)
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))


def run_allies(path: str, db: str) -> dict:
    from allies.imports import import_files
    from allies.imports.runner import stages_in_memory
    from allies.store import Store

    store = Store(db)
    store.con  # migrations are not part of the import
    cpu, started = _cpu_seconds(), time.perf_counter()
    result = import_files(store, [path], kind="gdelt")[0]
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    store.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "rows": result.rows_read, "imported": result.rows_imported,
            "duplicates": result.duplicates_folded,
            "staged": "in memory" if stages_in_memory(Path(path).stat().st_size) else "on disk"}


def run_pandas(path: str, db: str) -> dict:
    import duckdb
    import pandas as pd

    cpu, started = _cpu_seconds(), time.perf_counter()
    frame = pd.read_csv(path, sep="\t", header=None)
    con = duckdb.connect(db)
    con.execute("CREATE TABLE events AS SELECT * FROM frame")
    con.close()
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return {"seconds": seconds, "cpu_seconds": cpu, "rows": len(frame)}


def run_duckdb(path: str, db: str) -> dict:
    """The floor: DuckDB alone loading the file into a table (its own type detection,
    every column, no mapping, no folding, no line numbers)."""
    import duckdb

    con = duckdb.connect(db)
    cpu, started = _cpu_seconds(), time.perf_counter()
    con.execute("CREATE TABLE events AS SELECT * FROM read_csv(?, delim='\t', header=false)", [path])
    rows = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return {"seconds": seconds, "cpu_seconds": cpu, "rows": rows}


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_narrow(path: str, db: str) -> dict:
    """The narrow floor: allies' GDELT reader (the columns its mapping uses) into a table,
    with nothing mapped, folded or numbered."""
    import duckdb

    from allies.imports import gdelt
    from allies.imports.sources import opened

    con = duckdb.connect(db)
    with opened(Path(path)) as members:
        staging = gdelt.stage(con, members[0])
        cpu, started = _cpu_seconds(), time.perf_counter()
        con.execute(f"CREATE TABLE events AS {staging.read_sql}")
        rows = con.execute("SELECT count(*) FROM events").fetchone()[0]
        width = len(con.execute("DESCRIBE events").fetchall())
    con.close()
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return {"seconds": seconds, "cpu_seconds": cpu, "rows": rows, "columns": width}


def child(which: str, path: str, db: str) -> None:
    # CPU seconds (all threads) are reported as well as wall time: on a shared machine
    # wall time swings with other load, CPU time much less.
    runner = {"allies": run_allies, "pandas": run_pandas, "duckdb": run_duckdb, "narrow": run_narrow}[which]
    result = runner(path, db)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _floor_line(what: str, floor: dict, allies: dict) -> str:
    """One line for a DuckDB-alone floor, and how allies compares with it."""
    return (f"{'':>10}  DuckDB alone, {what}: {floor['seconds']:6.2f} s "
            f"{floor['rows'] / floor['seconds']:>10,.0f} rows/s  CPU {floor['cpu_seconds']:6.2f} s"
            f"   -> allies takes {allies['seconds'] / floor['seconds']:.2f}x its time")


def measure(which: str, path: Path, workdir: Path) -> dict:
    db = workdir / f"{which}-{path.stem}.duckdb"
    for stale in (db, Path(str(db) + ".wal")):
        stale.unlink(missing_ok=True)
    out = subprocess.run([sys.executable, __file__, "--child", which, str(path), str(db)],
                         check=True, capture_output=True, text=True)
    db.unlink(missing_ok=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _share_line(allies: dict, narrow: dict) -> str:
    wall, cpu = narrow["seconds"] / allies["seconds"], narrow["cpu_seconds"] / allies["cpu_seconds"]
    met = "met" if wall >= TARGET_FLOOR_SHARE else "NOT met"
    return (f"{'':>10}  allies' speed as a share of the narrow floor's: {wall:.2f} in wall time, {cpu:.2f} in "
            f"CPU time (target >= {TARGET_FLOOR_SHARE} in wall time: {met})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,5000000", help="rows of each file, comma list")
    parser.add_argument("--baseline-max", type=int, default=5_000_000,
                        help="largest file the pandas baseline and the whole-file floor run on")
    parser.add_argument("--keep", help="folder for the generated files (kept between runs)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0

    from gdelt_generator import generate

    sizes = [int(n) for n in args.sizes.split(",")]
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="allies-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    results = {}
    for rows in sizes:
        path = workdir / f"gdelt-{rows}.CSV"
        if not path.exists():
            generate(path, rows)
        size_mb = path.stat().st_size / 1e6
        load = os.getloadavg()[0]
        allies = measure("allies", path, workdir)
        line = (f"{rows:>10,} rows ({size_mb:,.0f} MB)  allies: {allies['seconds']:6.2f} s "
                f"{allies['rows'] / allies['seconds']:>10,.0f} rows/s  CPU {allies['cpu_seconds']:6.2f} s"
                f"  peak RSS {allies['peak_rss_mb']:,.0f} MB, staged {allies['staged']}"
                f"  ({allies['imported']:,} events, {allies['duplicates']:,} duplicates folded;"
                f" load {load:.1f} -> {os.getloadavg()[0]:.1f})")
        print(line, flush=True)
        results[rows] = {"allies": allies}
        load = os.getloadavg()[0]
        narrow = results[rows]["narrow"] = measure("narrow", path, workdir)
        print(_floor_line(f"allies' reader ({narrow['columns']} columns as text) + CREATE TABLE AS "
                          f"(the narrow floor; load {load:.1f} -> {os.getloadavg()[0]:.1f})", narrow, allies),
              flush=True)
        print(_share_line(allies, narrow), flush=True)
        if rows > args.baseline_max:
            continue
        base = measure("pandas", path, workdir)
        results[rows]["pandas"] = base
        print(f"{'':>10}  pandas read_csv (default types) + CREATE TABLE AS: {base['seconds']:6.2f} s {base['rows'] / base['seconds']:>10,.0f} rows/s"
              f"  CPU {base['cpu_seconds']:6.2f} s  peak RSS {base['peak_rss_mb']:,.0f} MB"
              f"   -> allies is {base['seconds'] / allies['seconds']:.1f}x faster in wall time, "
              f"{base['cpu_seconds'] / allies['cpu_seconds']:.1f}x in CPU time; the most an importer storing "
              f"the narrow floor's columns could be here: {base['seconds'] / narrow['seconds']:.1f}x", flush=True)
        floor = results[rows]["duckdb"] = measure("duckdb", path, workdir)
        print(_floor_line("read_csv + CREATE TABLE AS (no mapping, folding or line numbers)", floor, allies),
              flush=True)
        rate, ratio = allies["rows"] / allies["seconds"], base["seconds"] / allies["seconds"]
        print(f"{'':>10}  targets (>= {TARGET_RATE:,} rows/s, >= {TARGET_RATIO}x pandas in wall time): "
              f"{'met' if rate >= TARGET_RATE and ratio >= TARGET_RATIO else 'NOT met'}", flush=True)
    first, last = results[sizes[0]]["allies"], results[sizes[-1]]["allies"]
    print("peak RSS allies: " + ", ".join(f"{results[n]['allies']['peak_rss_mb']:,.0f} MB at {n:,} rows"
                                            for n in sizes)
          + f" (x{last['peak_rss_mb'] / first['peak_rss_mb']:.2f} for x{sizes[-1] / sizes[0]:.0f} input)")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
