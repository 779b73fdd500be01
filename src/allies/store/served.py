"""The file that says a store is being served: ``<store>.serve`` beside it.

DuckDB lets one process open a store file while it writes to it, so while
``allies serve`` holds a store no other process can open it, not even to read.
The server therefore writes this file (JSON: pid, host, port, store path and a
random key, readable by its owner only) when it starts and removes it when it
stops. A command that finds the file, with its process alive, knows whom to
ask: read commands are run by the server over loopback (see
:mod:`allies.cli.served`), and writing commands say how to add data instead.
A file left by a server that died (its pid gone) is stale and ignored.
"""
from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Served:
    """A running server's address for its store."""

    pid: int
    host: str
    port: int
    key: str
    store: str

    @property
    def loopback_host(self) -> str | None:
        """The address a local command reaches the server on, or None when the
        server listens on a non-loopback address only."""
        if self.host in ("127.0.0.1", "localhost", "0.0.0.0", ""):
            return "127.0.0.1"
        if self.host in ("::1", "::"):
            return "::1"
        return None

    @property
    def url(self) -> str:
        host = self.loopback_host or self.host
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"


def serve_file(store_path: str | os.PathLike) -> Path:
    path = Path(store_path)
    return path.with_name(path.name + ".serve")


def announce(store_path: str | os.PathLike, host: str, port: int) -> Served:
    """Write the serve file for this process (owner-only permissions); returns what it says."""
    served = Served(pid=os.getpid(), host=host, port=port, key=secrets.token_urlsafe(24),
                    store=str(Path(store_path).resolve()))
    target = serve_file(store_path)
    temporary = target.with_name(target.name + f".{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(served.__dict__, out)
    os.replace(temporary, target)
    return served


def withdraw(store_path: str | os.PathLike) -> None:
    """Remove the serve file if this process wrote it."""
    target = serve_file(store_path)
    found = _read(target)
    if found is not None and found.pid == os.getpid():
        try:
            target.unlink()
        except FileNotFoundError:
            pass


def running_server(store_path: str | os.PathLike) -> Served | None:
    """The live server of ``store_path``, or None (no file, or a stale one)."""
    found = _read(serve_file(store_path))
    if found is None or not _alive(found.pid) or found.pid == os.getpid():
        return None
    return found


def _read(path: Path) -> Served | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Served(pid=int(data["pid"]), host=str(data["host"]), port=int(data["port"]),
                      key=str(data["key"]), store=str(data["store"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        return True
    return True
