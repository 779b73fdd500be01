"""Commands on a store that ``allies serve`` holds.

DuckDB lets one process open a store file while it writes, so a running server
locks every other process out, readers included. The server writes a serve
file beside the store naming its loopback port and a key
(:mod:`allies.store.served`). Then:

- a read command (:data:`READ_COMMANDS`) finding the file sends its command
  line to the server (``POST /api/local/run`` on 127.0.0.1 with the key), which
  runs the very same command on its own store and returns its output and exit
  code: the answer is identical to the one the command gives on an unserved
  store, and output files (``--out``, ``--plot``) land where the command named
  them;
- a writing command (:data:`WRITE_COMMANDS`) stops with one line saying how to
  add data through the server, or to stop it.
"""
from __future__ import annotations

import io
import json
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import AlliesError, StoreError

READ_COMMANDS = ("ask", "check", "dyad", "report", "network", "ties", "info", "export")
WRITE_COMMANDS = ("ingest", "import", "prepare")
# Options naming files a read command writes: made absolute against the caller's folder.
OUTPUT_OPTIONS = ("out", "plot")
TIMEOUT_S = 600

_local = threading.local()


# -- the command's side -------------------------------------------------------
def route(args: Any, argv: Sequence[str]) -> int | None:
    """Run ``args`` through the server holding its store, if one does; None to
    run it here. Writing commands on a served store raise :class:`StoreError`."""
    command = getattr(args, "command", None)
    if command not in READ_COMMANDS + WRITE_COMMANDS or getattr(_local, "open_view", None) is not None:
        return None
    from ..store import default_path
    from ..store.served import running_server

    served = running_server(default_path(getattr(args, "db", None)))
    if served is None:
        return None
    where = f"http://127.0.0.1:{served.port}" if served.loopback_host == "127.0.0.1" else served.url
    if command in WRITE_COMMANDS:
        raise StoreError(
            f"the store is served by allies serve (pid {served.pid}) on port {served.port}: upload articles through "
            f"{where}/upload or POST {where}/api/ingest, or stop the server and run 'allies {command}' again")
    if served.loopback_host is None:
        raise StoreError(f"the store is served by allies serve on {served.host}:{served.port}, which does not "
                         "listen on loopback: use its REST API, or stop the server")
    return _forward(served, list(argv))


def _forward(served: Any, argv: list[str]) -> int:
    import urllib.error
    import urllib.request

    body = json.dumps({"argv": argv, "cwd": os.getcwd()}).encode("utf-8")
    request = urllib.request.Request(f"{served.url}/api/local/run", data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Allies-Key": served.key})
    # A proxy must never see the key: this request goes to loopback directly.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=TIMEOUT_S) as response:
            result = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        try:
            detail = json.loads(exc.read().decode("utf-8")).get("error", "")
        except ValueError:
            detail = ""
        raise StoreError(f"the store is served by allies serve on port {served.port}, which refused the "
                         f"command ({exc.code}{': ' + detail if detail else ''})") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError(f"the store is served by allies serve (pid {served.pid}) on port {served.port}, "
                         f"but it did not answer ({reason}); stop it or try again") from None
    sys.stdout.write(result.get("stdout", ""))
    sys.stdout.flush()
    sys.stderr.write(result.get("stderr", ""))
    return int(result.get("exit_code", 1))


def read_store(db: Any):
    """The store a read command reads: the server's own view of it when the
    command runs inside ``allies serve``, else the file opened read-only (so
    several readers may share it). Use it in a ``with`` statement."""
    open_view = getattr(_local, "open_view", None)
    if open_view is not None:
        return open_view()
    from ..api import Store
    from ..store import default_path

    path = default_path(db)
    if not path.exists():
        raise StoreError(f"no store at {path} (run 'allies ingest' or 'allies demo' first, or pass --db)")
    store = Store(path, read_only=True)
    _ = store.con  # open now so a locked or foreign file fails here, as one line
    return store


# -- the server's side -------------------------------------------------------
class _ThreadStreams(io.TextIOBase):
    """sys.stdout/sys.stderr that write to a per-thread buffer while a local
    command runs in that thread, and to the real stream otherwise."""

    def __init__(self, real: Any, name: str):
        self._real, self._name = real, name

    def _target(self) -> Any:
        return getattr(_local, self._name, None) or self._real

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()

    def isatty(self) -> bool:
        return self._target() is self._real and self._real.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


_install_lock = threading.Lock()


def _install_streams() -> None:
    with _install_lock:
        if not isinstance(sys.stdout, _ThreadStreams):
            sys.stdout = _ThreadStreams(sys.stdout, "stdout")
        if not isinstance(sys.stderr, _ThreadStreams):
            sys.stderr = _ThreadStreams(sys.stderr, "stderr")


@contextmanager
def _serving(open_view: Callable[[], Any]) -> Iterator[tuple[io.StringIO, io.StringIO]]:
    _install_streams()
    out, err = io.StringIO(), io.StringIO()
    _local.stdout, _local.stderr, _local.open_view = out, err, open_view
    try:
        yield out, err
    finally:
        _local.stdout = _local.stderr = _local.open_view = None


def run_for_server(argv: list[str], cwd: str, open_view: Callable[[], Any]) -> tuple[int, str, str]:
    """Run a local read command inside the server (``open_view()`` gives the
    server's read view of its store); returns (exit code, stdout, stderr)."""
    from . import build_parser

    with _serving(open_view) as (out, err):
        try:
            parser = build_parser()
            try:
                args = parser.parse_args(argv)
            except SystemExit as exc:  # argparse printed its message to our stderr
                return int(exc.code or 0), out.getvalue(), err.getvalue()
            if getattr(args, "command", None) not in READ_COMMANDS:
                raise StoreError(f"'allies {args.command}' is not a read command; the server runs only "
                                 f"{', '.join(READ_COMMANDS)}")
            for option in OUTPUT_OPTIONS:
                value = getattr(args, option, None)
                if isinstance(value, str) and value and not os.path.isabs(value):
                    setattr(args, option, os.path.join(cwd, value))
            code = int(args.func(args) or 0)
        except AlliesError as exc:
            print(f"allies: error: {exc}", file=sys.stderr)
            code = exc.exit_code
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback (as the CLI itself)
            first = (str(exc).splitlines() or [""])[0]
            print(f"allies: internal error: {type(exc).__name__}: {first}", file=sys.stderr)
            code = 1
        return code, out.getvalue(), err.getvalue()
