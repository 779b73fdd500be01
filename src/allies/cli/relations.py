"""Sub-commands of the relations engine: ask, check, dyad, report, network, ties."""
from __future__ import annotations

import json
import sys

from . import db_option


def _store(args):
    """The store to read, opened read-only (reading never writes), or the
    server's view of it when 'allies serve' runs this command (see cli/served.py)."""
    from .served import read_store

    store = read_store(args.db)
    if hasattr(args, "min_sources"):
        from ..relations import Counting

        store.counting = Counting(per_report=not args.every_row, weak=args.count_weak,
                                  min_sources=args.min_sources, root_only=args.root_only)
    return store


def _counting(parser) -> None:
    """How dataset rows count (relations.cache.Counting; defaults in the README)."""
    parser.add_argument("--min-sources", type=int, default=1, metavar="N",
                        help="count only GDELT rows seen in at least N sources (NumSources; default 1)")
    parser.add_argument("--root-only", action="store_true",
                        help="count only GDELT rows that are their article's root event (IsRootEvent)")
    parser.add_argument("--count-weak", action="store_true",
                        help="also count GDELT rows with a single mention that are not root events")
    parser.add_argument("--every-row", action="store_true",
                        help="count every dataset row, not one report per source article")


def _window(parser) -> None:
    parser.add_argument("--since", metavar="DATE", help="only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE",
                        help="only events on or before DATE (a year or month runs to its last day)")


def _all_dates(parser) -> None:
    parser.add_argument("--all-dates", action="store_true",
                        help="with no dates given, judge all dates (default: the pair's latest 12 months of evidence)")


def _print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def cmd_ask(args) -> int:
    from ..relations import ask

    with _store(args) as store:
        answer = ask(store, args.question, since=args.since, until=args.until, all_dates=args.all_dates)
        if args.json:
            _print_json(answer.to_dict())
        else:
            print(answer.to_text())
    return 0


def cmd_check(args) -> int:
    from ..relations import check

    with _store(args) as store:
        result = check(store, args.claim, since=args.since, until=args.until, all_dates=args.all_dates)
        if args.json:
            _print_json(result.to_dict())
        else:
            print(result.to_text())
    return 0


def cmd_dyad(args) -> int:
    from ..relations import dyad_table

    with _store(args) as store:
        table = dyad_table(store, args.x, args.y, since=args.since, until=args.until)
        if args.plot:
            from ..relations.charts import save_plot

            save_plot(table, args.plot)
        if args.json:
            _print_json(table.to_dict())
        else:
            print(table.to_text())
            if args.plot:
                print(f"chart written to {args.plot}")
    return 0


def cmd_report(args) -> int:
    from ..relations.report import write_report

    with _store(args) as store:
        out = write_report(store, args.x, args.y, args.out, since=args.since, until=args.until)
    print(f"report written to {out}")
    return 0


def cmd_network(args) -> int:
    from ..relations import network

    with _store(args) as store:
        result = network(store, args.country, since=args.since, until=args.until)
        if args.json:
            _print_json(result.to_dict())
        else:
            print(result.to_text(limit=args.limit))
    return 0


def cmd_ties(args) -> int:
    from ..relations import formal_ties

    with _store(args) as store:
        ties = formal_ties(store, args.x, args.y)
    if args.json:
        _print_json(ties)
        return 0
    if not ties:
        print("no formal ties on record")
    for t in ties:
        print(f"{t['name']} [{t['origin']}, {t['what']}]: {t['span']}, {t['status_text']}; "
              f"obligations: {', '.join(t['obligations']) or 'unspecified'}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("ask", help="answer a question about two countries (\"Are Azerbaijan and Russia allies?\")")
    p.add_argument("question", help="e.g. \"Is Turkey an ally of Azerbaijan?\" or \"Russia-Azerbaijan relations since 2022\"")
    db_option(p)
    _window(p)
    _all_dates(p)
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    _counting(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("check", help="weigh a claim (\"Russia is an ally of Azerbaijan\") against the evidence")
    p.add_argument("claim")
    db_option(p)
    _window(p)
    _all_dates(p)
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    _counting(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("dyad", help="monthly events between two countries by direction and quad class")
    p.add_argument("x", metavar="X", help="country (name, adjective or ISO3 code)")
    p.add_argument("y", metavar="Y", help="the other country")
    db_option(p)
    _window(p)
    p.add_argument("--plot", metavar="FILE", help="also draw a chart (.png or .svg)")
    p.add_argument("--json", action="store_true", help="print the table as JSON")
    _counting(p)
    p.set_defaults(func=cmd_dyad)

    p = sub.add_parser("report", help="write a self-contained HTML report on two countries")
    p.add_argument("x", metavar="X")
    p.add_argument("y", metavar="Y")
    p.add_argument("--out", required=True, metavar="FILE", help="HTML file to write")
    db_option(p)
    _window(p)
    _counting(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("network", help="one country's relations with all others, ranked")
    p.add_argument("country", metavar="X")
    db_option(p)
    _window(p)
    p.add_argument("--limit", type=int, default=None, metavar="N", help="show the first N only")
    p.add_argument("--json", action="store_true", help="print the ranking as JSON")
    _counting(p)
    p.set_defaults(func=cmd_network)

    p = sub.add_parser("ties", help="formal ties (treaties, blocs, declarations, ATOP) between two countries")
    p.add_argument("x", metavar="X")
    p.add_argument("y", metavar="Y")
    db_option(p)
    p.add_argument("--json", action="store_true", help="print the ties as JSON")
    p.set_defaults(func=cmd_ties)
