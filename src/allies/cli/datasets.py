"""Sub-commands for event datasets: import, export, Spark."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError
from . import db_option
from ..wording import plural

KINDS = ("gdelt", "icews", "polecat", "acled", "atop", "events")
ENGINES = ("duckdb", "spark")


def register(sub) -> None:
    imp = sub.add_parser(
        "import", usage="allies import [KIND] PATH... [--db PATH] [--engine {duckdb,spark}] [--out PATH] [--json]",
        help="import event datasets (GDELT, ICEWS, POLECAT, ACLED, ATOP, allies events)",
        description="Import dataset files into the store: allies import [KIND] PATH... "
                    f"(KIND one of {', '.join(KINDS)}; detected from each file when left out). "
                    "Folders, globs, .gz and .zip are read directly. Duplicates are folded, bad rows "
                    "skipped and reported with line numbers; each file is imported whole or not at all.",
    )
    imp.add_argument("items", nargs="+", metavar="PATH",
                     help=f"files, folders or globs, optionally after a dataset kind ({', '.join(KINDS)})")
    db_option(imp)
    imp.add_argument("--engine", choices=ENGINES, default="duckdb",
                     help="duckdb (default): into the store; spark: map with Spark and write Parquet (--out)")
    imp.add_argument("--spark-master", default="local[*]", help="Spark master URL (default local[*])")
    imp.add_argument("--out", help="with --engine spark: Parquet folder to write events to")
    imp.add_argument("--json", action="store_true", help="print the per-file reports as JSON")
    imp.set_defaults(func=cmd_import, collect_paths="items")

    exp = sub.add_parser("export", help="export events or dyads as CSV, Parquet, JSON Lines or GDELT",
                         description="Export events (or per-dyad aggregates) from the store with DuckDB COPY.")
    exp.add_argument("--format", dest="fmt", choices=("csv", "parquet", "jsonl", "gdelt"), default="csv")
    exp.add_argument("--table", choices=("events", "dyads"), default="events")
    exp.add_argument("--country", help="ISO3 code or country name (comma list): events it is a party to")
    exp.add_argument("--since", help="first date: YYYY, YYYY-MM or YYYY-MM-DD")
    exp.add_argument("--until", help="last date: YYYY, YYYY-MM or YYYY-MM-DD (a year or month runs to its last day)")
    exp.add_argument("--origin", help="origin(s), comma list: gdelt, icews, polecat, acled, coded, ...")
    exp.add_argument("--out", required=True, help="file to write")
    db_option(exp)
    exp.set_defaults(func=cmd_export)

    spark = sub.add_parser("spark", help="run allies stages on a Spark cluster (needs allies[spark])")
    spark_sub = spark.add_subparsers(dest="spark_command", metavar="COMMAND")
    code = spark_sub.add_parser("code", help="code a corpus of articles (JSONL/Parquet) into events Parquet")
    code.add_argument("input", help="JSONL or Parquet of articles: text, title, date, url, source")
    code.add_argument("--out", required=True, help="Parquet folder to write events to")
    code.add_argument("--spark-master", default="local[*]")
    code.set_defaults(func=cmd_spark_code)
    simp = spark_sub.add_parser("import", help="map dataset files to allies events Parquet with Spark")
    simp.add_argument("kind", choices=("gdelt",), help="dataset kind")
    simp.add_argument("paths", nargs="+")
    simp.add_argument("--out", required=True)
    simp.add_argument("--spark-master", default="local[*]")
    simp.set_defaults(func=cmd_spark_import)
    spark.set_defaults(func=lambda args: (spark.print_help(), 2)[1])


def split_kind(items: list[str]) -> tuple[str | None, list[str]]:
    """``[KIND] PATH...`` -> (kind or None, paths). A first item that names a kind and is
    not itself an existing path is the kind."""
    if items and items[0] in KINDS and not Path(items[0]).exists():
        if len(items) == 1:
            raise InputError(f"allies import {items[0]}: give at least one file")
        return items[0], items[1:]
    return None, items


def cmd_import(args: argparse.Namespace) -> int:
    kind, paths = split_kind(args.items)
    if args.engine == "spark":
        if not args.out:
            raise InputError("--engine spark writes Parquet: give --out PATH (then: allies import events PATH)")
        if kind not in (None, "gdelt"):
            raise InputError(f"--engine spark imports GDELT files; import {kind} with the default engine")
        from ..spark import import_gdelt

        print(_spark_summary(import_gdelt(paths, args.out, master=args.spark_master), args.out))
        return 0
    from ..api import Store, import_datasets

    with Store(args.db) as store:
        def show(result) -> None:
            if args.json:
                return
            if isinstance(result, dict):  # ATOP returns a report dict
                print(atop_summary(result))
                return
            print(result.summary())
            if result.dataset == "unknown":
                return
            for item in result.skipped[:5]:
                print(f"  line {item['line']}: {item['reason']}")
            if result.rows_skipped > 5:
                print(f"  ... {result.rows_skipped - 5:,} more skipped rows (report: import run {result.run_id})")

        def refreshing(events: int) -> None:
            if events > 100_000 and not args.json:  # say why the command is not done yet
                print(f"updating the relations cache for {events:,} events ...", file=sys.stderr, flush=True)

        results = import_datasets(store, paths, kind=kind, on_result=show, on_refresh=refreshing)
    if args.json:
        print(json.dumps([r if isinstance(r, dict) else r.to_dict() for r in results], indent=2, default=str))
    elif len(results) > 1:
        events = [r for r in results if not isinstance(r, dict)]
        print(f"{len(results)} files: {plural(sum(r.rows_imported for r in events), 'event')} imported, "
              f"{plural(sum(r.duplicates for r in events), 'duplicate')}, "
              f"{plural(sum(r.rows_skipped for r in events), 'bad row')}")
    return 0


def atop_summary(report: dict) -> str:
    """One sentence for an ATOP import, as GDELT and ICEWS imports print."""
    unmapped = report.get("unmapped_codes") or []
    text = (f"{report.get('path')}: {plural(int(report.get('formal_ties', 0)), 'formal tie')} from "
            f"{plural(int(report.get('dyad_years', 0)), 'dyad-year')} in "
            f"{plural(int(report.get('rows_read', 0)), 'row')} "
            f"({plural(int(report.get('rows_skipped', 0)), 'bad row')} skipped")
    if unmapped:
        text += f", {plural(len(unmapped), 'COW country code')} not mapped to ISO3"
    return text + ")"


def cmd_export(args: argparse.Namespace) -> int:
    from ..imports.export import export
    from .served import read_store

    with read_store(args.db) as store:
        rows = export(store, args.out, fmt=args.fmt, table=args.table, country=args.country,
                      since=args.since, until=args.until, origin=args.origin)
    what = plural(rows, "event") if args.table == "events" else plural(rows, "dyad row")
    print(f"{what} written to {args.out}", file=sys.stderr)
    return 0


def cmd_spark_code(args: argparse.Namespace) -> int:
    from ..spark import code_corpus

    written = code_corpus(args.input, args.out, master=args.spark_master)
    print(f"{plural(written, 'event')} written to {args.out}")
    return 0


def cmd_spark_import(args: argparse.Namespace) -> int:
    from ..spark import import_gdelt

    print(_spark_summary(import_gdelt(args.paths, args.out, master=args.spark_master), args.out))
    return 0


def _spark_summary(counts: dict, out: str) -> str:
    return (f"{plural(counts['events'], 'event')} written to {out} from {plural(counts['rows'], 'row')} "
            f"({plural(counts['duplicates'], 'duplicate')} folded, {plural(counts['skipped'], 'bad row')} skipped); "
            f"load them with: allies import events {out}")
