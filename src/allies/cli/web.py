"""Sub-commands for the web app and REST API: ``allies serve``."""
from __future__ import annotations

import argparse

from ..errors import InputError
from . import db_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="run the web app and REST API",
        description="Serve the question page, charts, articles and the REST API (/api, OpenAPI at "
                    "/openapi.json) over the store. Uploads need ALLIES_TOKEN in the environment; "
                    "without it they are disabled.")
    db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"],
                   help="server log level (default info)")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from ..web import serve

    if not 0 < args.port < 65536:
        raise InputError(f"--port must be between 1 and 65535, got {args.port}")
    from .served import run_for_server

    serve(args.db, host=args.host, port=args.port, log_level=args.log_level, local_commands=run_for_server)
    return 0
