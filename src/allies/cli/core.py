"""Core sub-commands: ingest, code, demo, info, prepare."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError
from . import db_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read news files, folders or URLs; code and store them (duplicates once)",
                       description="Read .txt, .html, .jsonl, RSS/Atom, .gz of these, folders (recursively) "
                                   "and http(s) URLs; code every article and store it once.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or URL")
    db_option(p)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date for articles that carry none")
    p.add_argument("--replace", action="store_true",
                   help="re-code articles already stored (same text or URL) and replace them, e.g. to correct a date")
    p.add_argument("--allow-private", action="store_true",
                   help="allow fetching URLs on private, loopback or link-local addresses")
    p.add_argument("--quiet", action="store_true", help="print only the summary line")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_ingest, collect_paths="paths")

    p = sub.add_parser("code", help="code text into events (JSONL on stdout), storing nothing",
                       description="Code text into events without storing it. Reads PATH or standard input; "
                                   "writes one JSON object per event.")
    p.add_argument("path", nargs="?", default="-", metavar="PATH|-", help="text file, or - for standard input (default)")
    p.add_argument("--lines", action="store_true", help="each input line is one document; doc is its 1-based line number")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the article date (resolves 'last week', 'on Monday')")
    p.add_argument("--no-model", action="store_true", help="use the rule-based path, not the spaCy model")
    p.add_argument("--descriptions", action="store_true",
                   help="also write how sentences describe relations, as objects with \"kind\": \"description\"")
    p.add_argument("--engine", choices=["local", "spark"], default="local",
                   help="spark: code a JSONL/Parquet corpus of articles into a Parquet of events")
    p.add_argument("--out", metavar="PATH", help="output Parquet folder (with --engine spark)")
    p.add_argument("--spark-master", default="local[*]", metavar="URL", help="Spark master (default local[*])")
    p.set_defaults(func=cmd_code)

    p = sub.add_parser("demo", help="build a store from the built-in corpus and answer the demo question",
                       description="Ingest the built-in demo corpus into a temporary store (or --db) and ask "
                                   "'Are Azerbaijan and Russia allies?'.")
    db_option(p)
    p.add_argument("--question", default="Are Azerbaijan and Russia allies?", help="the question to ask")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("info", help="what the store holds: tables, events by origin and date range")
    db_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("prepare", help="bring the relations cache up to date (ingest and import do it themselves)",
                       description="Rebuild the relations engine's derived tables after the store was changed "
                                   "by other means (SQL, an older allies). Questions stay correct without it, "
                                   "only slower on large stores.")
    db_option(p)
    p.set_defaults(func=cmd_prepare)


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..api import Store, ingest
    from ..ingest import check_paths

    default_date = _checked_date(args.date)
    inputs = check_paths(args.paths)  # fail on a missing path before opening the store
    quiet = args.quiet or args.json

    def on_skip(skipped) -> None:
        if not quiet:
            print(f"skipped {skipped}", file=sys.stderr)

    with Store(args.db) as store:
        report = ingest(store, inputs, date=default_date, replace=args.replace, progress=not quiet,
                        on_skip=on_skip, allow_private=args.allow_private)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(report.summary())
    return report.exit_code


def _checked_date(value: str | None) -> str | None:
    from ..dates import iso, parse_day

    return iso(parse_day(value, "--date"))


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    from ..ingest import existing_path

    file = existing_path(path)
    if file.is_dir():
        raise InputError(f"{path} is a folder; 'allies code' reads one text file or standard input")
    try:
        return file.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None


def cmd_code(args: argparse.Namespace) -> int:
    from ..model import Document

    date = _checked_date(args.date)
    if args.engine == "spark":
        if not args.out:
            raise InputError("--engine spark needs --out PATH for the Parquet of events")
        if args.path == "-":
            raise InputError("--engine spark reads a corpus file (JSONL or Parquet), not standard input")
        from ..spark import code_corpus

        result = code_corpus(args.path, args.out, master=args.spark_master)
        print(json.dumps(result) if not isinstance(result, str) else result)
        return 0
    data = _read_input(args.path)
    if b"\x00" in data[:8192]:
        raise InputError("input looks binary (NUL bytes); 'allies code' reads UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"input is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None

    from ..nlp import Coder, default_coder

    coder = Coder(model=None) if args.no_model else default_coder()
    if args.lines:
        docs = (Document(text=line, date=date, doc_id=number)
                for number, line in enumerate(text.splitlines(), start=1) if line.strip())
    else:
        from ..ingest.readers import text_document

        docs = iter([text_document(text, date, doc_id=1)] if text.strip() else [])
    out = sys.stdout
    for coded in coder.code_documents(docs):
        for event in coded.events:
            event.doc = coded.document.doc_id
            out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        if args.descriptions:
            for description in coded.descriptions:
                out.write(json.dumps(description.to_dict(), ensure_ascii=False) + "\n")
    out.flush()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    import tempfile
    import time

    from ..api import Store
    from ..demo import load_demo_documents
    from ..relations import ask

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="allies-demo-") as tmp:
        path = args.db or str(Path(tmp) / "demo.duckdb")
        with Store(path) as store:
            report = store.ingest_documents(load_demo_documents())
            answer = ask(store, args.question)
            elapsed = time.perf_counter() - started
            if args.json:
                result = answer.to_dict()
                result["ingest"] = report.to_dict()
                result["seconds"] = round(elapsed, 2)
                print(json.dumps(result, ensure_ascii=False, default=str, indent=2))
                return 0
            print(f"Demo corpus: {report.summary()}  [{path if args.db else 'temporary store'}]")
            print()
            print(f"Q: {args.question}")
            print(answer.to_text())
            print()
            kept = f"the store is kept at {path}" if args.db else "keep the store with --db PATH"
            print(f"({elapsed:.1f} s; {kept}, then try 'allies dyad', 'allies report', 'allies serve')")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from ..dates import iso
    from .served import read_store

    with read_store(args.db) as store:
        counts = store.counts()
        version = store.schema_version
        origins = store.query(
            "SELECT origin, count(*) AS events, min(date) AS first_date, max(date) AS last_date, "
            "count(*) FILTER (WHERE date IS NULL) AS undated FROM events GROUP BY origin "
            "ORDER BY origin <> 'coded', events DESC, origin")
        span = store.query("SELECT min(date) AS first_date, max(date) AS last_date FROM events")[0]
        if args.json:
            by_origin = {row["origin"]: {"events": row["events"], "first_date": iso(row["first_date"]),
                                         "last_date": iso(row["last_date"]), "undated": row["undated"]}
                         for row in origins}
            print(json.dumps({"path": str(store.path), "schema_version": version, **counts,
                              "first_date": iso(span["first_date"]), "last_date": iso(span["last_date"]),
                              "events_by_origin": by_origin}))
            return 0
        print(f"store {store.path} (schema version {version})")
        for table, count in counts.items():
            print(f"  {table:<15} {count:>10,}")
        if origins:
            print(f"events by origin ({_range(span)}):")
            for row in origins:
                undated = f", {row['undated']:,} undated" if row["undated"] and row["first_date"] is not None else ""
                print(f"  {row['origin']:<15} {row['events']:>10,}  {_range(row)}{undated}")
    return 0


def _range(row: dict) -> str:
    if row["first_date"] is None:
        return "all undated"
    return f"{row['first_date']} to {row['last_date']}"


def cmd_prepare(args: argparse.Namespace) -> int:
    from ..api import Store, refresh_derived
    from ..errors import StoreError
    from ..store import default_path

    if not default_path(args.db).exists():
        raise StoreError(f"no store at {default_path(args.db)} (run 'allies ingest' or 'allies demo' first, or pass --db)")
    with Store(args.db) as store:
        rebuilt = refresh_derived(store)
    print("relations cache rebuilt" if rebuilt else "relations cache already up to date")
    return 0
