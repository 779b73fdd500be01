"""The ``allies`` command line.

Each stage owns one module here that registers its sub-commands; every command
is a thin wrapper over a documented Python function in its stage's package.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .. import settings
from ..errors import AlliesError

# Modules that register sub-commands, in the order they appear in --help.
COMMAND_MODULES = ("core", "nlp", "kb", "relations", "datasets", "web")


def build_parser() -> argparse.ArgumentParser:
    from importlib import import_module

    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="allies",
        description="Relations between states from the news: events, formal ties and verdicts with evidence.",
    )
    parser.add_argument("--version", action="version", version=f"allies {__version__}")
    # "allies --db X ask ..." as well as "allies ask ... --db X" (a command's own --db wins)
    parser.add_argument("--db", dest="db_before_command", metavar="PATH", default=None,
                        help="store file for the command that follows (as its own --db)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(f"{__name__}.{name}").register(sub)
    return parser


def db_option(parser: argparse.ArgumentParser) -> None:
    """Add the common ``--db PATH`` option (default ``$ALLIES_DB`` or ./allies.duckdb)."""
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="store file (default: $ALLIES_DB or ./allies.duckdb)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    # argparse cannot resume a "PATH..." list after an option ("import gdelt --db X a.csv"):
    # commands that take such a list name it in `collect_paths`, and leftovers join it.
    target = getattr(args, "collect_paths", None)
    if extra and target and not any(item.startswith("-") for item in extra):
        getattr(args, target).extend(extra)
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if args.db_before_command is not None:
        if not hasattr(args, "db"):
            parser.error(f"'allies {args.command}' uses no store; leave out --db")
        if args.db is None:
            args.db = args.db_before_command
    try:
        from .served import route

        # A store held by 'allies serve': read commands are run by the server, writes refused.
        routed = route(args, list(argv) if argv is not None else sys.argv[1:])
        if routed is not None:
            return routed
        result = args.func(args)
        return int(result or 0)
    except AlliesError as exc:
        print(f"allies: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("allies: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a traceback.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except Exception as exc:  # last resort: one line, never a traceback
        if settings.debug():
            raise
        first = (str(exc).splitlines() or [""])[0]
        print(f"allies: internal error: {type(exc).__name__}: {first} (set ALLIES_DEBUG=1 for details)", file=sys.stderr)
        return 1


def run() -> None:  # console-script entry point
    sys.exit(main())
