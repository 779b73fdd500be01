"""How the server shares one DuckDB store between requests.

DuckDB allows one writing process, so the server opens the store once and
hands every request its own cursor (a DuckDB connection object is not safe
to share between threads). Reads never wait for writes: DuckDB's MVCC gives
each cursor a consistent snapshot while an upload is being ingested. Writes
are serialised with a lock so two uploads never race on event ids.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TypeVar

from ..api import Store  # request views offer the API (ingest for uploads)

T = TypeVar("T")


class StoreAccess:
    """Per-request views of one open :class:`Store`."""

    def __init__(self, store: Store):
        self.store = store
        store.con  # open (and migrate) now so a bad path fails at start-up
        self._cursor_lock = threading.Lock()
        self._write_lock = threading.Lock()

    def _view(self, read_only: bool) -> Store:
        with self._cursor_lock:
            cursor = self.store.con.cursor()
        # The view behaves like the store but on its own cursor. Readers are
        # marked read-only so that no library code takes a write (the relations
        # engine refreshes its derived tables only on writable stores; here the
        # writer does that after every ingest).
        view = Store(self.store.path, read_only=read_only or self.store.read_only)
        view._con = cursor
        return view

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A store view for one request's reads."""
        view = self._view(read_only=True)
        try:
            yield view
        finally:
            view.close()

    def write(self, action: Callable[[Store], T]) -> T:
        """Run ``action(view)`` as the only writer (call it from a worker thread),
        then bring derived tables up to date for the readers."""
        with self._write_lock:
            view = self._view(read_only=False)
            try:
                result = action(view)
                self.after_write(view)
                return result
            finally:
                view.close()

    def after_write(self, view: Store) -> None:
        if self.store.read_only:
            return
        from .engine import refresh_derived_tables

        refresh_derived_tables(view)

    @property
    def writing(self) -> bool:
        return self._write_lock.locked()

    def close(self) -> None:
        self.store.close()


def as_jsonable(value: Any) -> Any:
    """Dates, decimals and the like as JSON-friendly values."""
    import datetime
    import decimal

    if isinstance(value, dict):
        return {str(k): as_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if hasattr(value, "to_dict"):
        return as_jsonable(value.to_dict())
    return value
