"""How fast allies imports GDELT, against pandas in the same run.

    python benchmarks/import_speed.py [--rows 5000000] [--small 1000000] [--keep DIR]

Writes synthetic GDELT 2.0 files (benchmarks/gdelt_generator.py) of two sizes, then for
each size, in a fresh child process (so peak memory is the import's own):

* allies: ``import_files`` into a fresh store (read, map, fold duplicates, insert);
* floor: DuckDB alone loading the file with ``read_csv`` into a table (every column, its own
  types, nothing mapped, folded or numbered): no importer built on DuckDB can beat it;
* narrow floor: allies' own reader alone (only the 19 columns the GDELT mapping reads, as
  text, rejects captured) writing its rows into a table: the least any importer of these
  events must do; pandas' time over it is the largest speed-up this machine allows;
* baseline: what a typical pandas user writes: ``pandas.read_csv(path, sep="\\t",
  header=None)`` with its default type inference, then ``CREATE TABLE events AS SELECT *
  FROM frame`` into a fresh DuckDB file (no mapping, no folding: a plain load).

Wall and CPU seconds cover the work only: modules are imported and the store is opened
(migrations run) before the clock starts, on both sides.

Prints rows/s, the speed-up over the baseline (target: at least 5x, at least 500,000
rows/s) and the peak RSS of each import at both sizes (target: flat as input grows).
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
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))


def run_allies(path: str, db: str) -> dict:
    from allies.imports import import_files
    from allies.store import Store

    store = Store(db)
    store.con  # migrations are not part of the import
    cpu, started = _cpu_seconds(), time.perf_counter()
    result = import_files(store, [path], kind="gdelt")[0]
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    store.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "rows": result.rows_read, "imported": result.rows_imported,
            "duplicates": result.duplicates_folded}


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
        con.execute(f"CREATE TABLE events AS {staging.source_sql}")
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000_000, help="rows in the large file")
    parser.add_argument("--small", type=int, default=1_000_000, help="rows in the small file")
    parser.add_argument("--keep", help="folder for the generated files (kept between runs)")
    parser.add_argument("--skip-baseline-large", action="store_true",
                        help="run the pandas baseline on the small file only")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0

    from gdelt_generator import generate

    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="allies-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    results = {}
    for rows in (args.small, args.rows):
        path = workdir / f"gdelt-{rows}.CSV"
        if not path.exists():
            generate(path, rows)
        size_mb = path.stat().st_size / 1e6
        allies = measure("allies", path, workdir)
        line = (f"{rows:>10,} rows ({size_mb:,.0f} MB)  allies: {allies['seconds']:6.2f} s "
                f"{allies['rows'] / allies['seconds']:>10,.0f} rows/s  CPU {allies['cpu_seconds']:6.2f} s"
                f"  peak RSS {allies['peak_rss_mb']:,.0f} MB"
                f"  ({allies['imported']:,} events, {allies['duplicates']:,} duplicates folded)")
        print(line, flush=True)
        results[rows] = {"allies": allies}
        if rows == args.rows and args.skip_baseline_large and rows != args.small:
            continue
        base = measure("pandas", path, workdir)
        results[rows]["pandas"] = base
        print(f"{'':>10}  pandas read_csv (default types) + CREATE TABLE AS: {base['seconds']:6.2f} s {base['rows'] / base['seconds']:>10,.0f} rows/s"
              f"  CPU {base['cpu_seconds']:6.2f} s  peak RSS {base['peak_rss_mb']:,.0f} MB"
              f"   -> allies is {base['seconds'] / allies['seconds']:.1f}x faster in wall time, "
              f"{base['cpu_seconds'] / allies['cpu_seconds']:.1f}x in CPU time", flush=True)
        floor = results[rows]["duckdb"] = measure("duckdb", path, workdir)
        print(_floor_line("read_csv + CREATE TABLE AS (no mapping, folding or line numbers)", floor, allies),
              flush=True)
        narrow = results[rows]["narrow"] = measure("narrow", path, workdir)
        print(_floor_line(f"allies' reader ({narrow['columns']} columns as text) + CREATE TABLE AS", narrow, allies)
              + f"; the most an importer storing these columns could be here:"
                f" {base['seconds'] / narrow['seconds']:.1f}x pandas", flush=True)
        rate, ratio = allies["rows"] / allies["seconds"], base["seconds"] / allies["seconds"]
        print(f"{'':>10}  targets (>= {TARGET_RATE:,} rows/s, >= {TARGET_RATIO}x pandas in wall time): "
              f"{'met' if rate >= TARGET_RATE and ratio >= TARGET_RATIO else 'NOT met'}", flush=True)
    small, large = results[args.small]["allies"], results[args.rows]["allies"]
    print(f"peak RSS allies: {small['peak_rss_mb']:,.0f} MB at {args.small:,} rows, "
          f"{large['peak_rss_mb']:,.0f} MB at {args.rows:,} rows "
          f"(x{large['peak_rss_mb'] / small['peak_rss_mb']:.2f} for x{args.rows / args.small:.0f} input)")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
