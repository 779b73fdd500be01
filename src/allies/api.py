"""The Python API: one object over every stage, above the store.

>>> import allies
>>> store = allies.Store("allies.duckdb")                                  # doctest: +SKIP
>>> store.ingest(["news/"], date="2025-05-07")                             # doctest: +SKIP
>>> store.import_datasets(["20191024143000.export.CSV.zip"])               # doctest: +SKIP
>>> store.ask("Are Azerbaijan and Russia allies?").verdict                 # doctest: +SKIP
>>> store.events(country="AZE", since="2024-01-01").to_pandas()            # doctest: +SKIP
>>> store.dyads().to_arrow()                                               # doctest: +SKIP

Layers, lowest first: ``errors``/``model``/``settings``/``version``; ``store``;
the stages (``nlp``, ``ingest``, ``imports``, ``relations``, ``spark``); this
module; ``cli`` and ``web``. A layer imports only layers below it
(``tests/core/test_layers.py`` checks it).

Writes keep the relations engine's derived tables current (the cache refresh is
part of every write here); reads never write.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from .errors import InputError
from .ingest import IngestReport, ingest_into, store_documents
from .model import Document
from .store import Store as BaseStore


def refresh_derived(store: BaseStore) -> bool:
    """Bring the relations cache and the built-in ties table up to date (a write);
    True if the cache was rebuilt. Every write below calls it."""
    if store.read_only:
        return False
    from .relations import prepare

    return prepare(store)


def _checked_date(value: Any) -> str | None:
    """An ISO day for articles that carry no date (a date, or 'YYYY-MM-DD')."""
    if value is None or value == "":
        return None
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(f"date must be YYYY-MM-DD, got {value!r}") from None


def ingest(store: BaseStore, paths: Iterable[str | os.PathLike], date: Any = None, replace: bool = False,
           coder: Any = None, progress: bool = False, on_skip: Callable[[Any], None] | None = None,
           allow_private: bool = False) -> IngestReport:
    """Read, code and store the articles under ``paths`` (files, folders, URLs).

    ``date`` dates articles that carry none; ``replace`` re-codes articles already
    stored (same text or URL) and replaces them, each in the batch's one
    transaction (how a wrong date is corrected). Returns an
    :class:`allies.ingest.IngestReport`."""
    report = ingest_into(store, paths, coder=coder, progress=progress, on_skip=on_skip,
                         allow_private=allow_private, default_date=_checked_date(date), replace=replace)
    if report.added or report.replaced:
        refresh_derived(store)
    return report


def ingest_documents(store: BaseStore, documents: Iterable[Document], coder: Any = None,
                     replace: bool = False) -> IngestReport:
    """Code and store already-read :class:`allies.Document` objects."""
    report = store_documents(store, documents, coder=coder, replace=replace)
    if report.added or report.replaced:
        refresh_derived(store)
    return report


def import_datasets(store: BaseStore, paths: Iterable[str | os.PathLike], kind: str | None = None,
                    on_result: Callable[[Any], None] | None = None,
                    on_refresh: Callable[[int], None] | None = None) -> list[Any]:
    """Import event datasets (GDELT, ICEWS, POLECAT, ACLED, allies events) or ATOP
    formal ties: files, folders or globs, ``.gz``/``.zip`` read directly; ``kind``
    one of :data:`allies.imports.KINDS`, detected per file when None. Returns one
    result per file (:class:`allies.imports.ImportResult`, a dict for ATOP).
    The relations cache is brought up to date once, after the last file
    (``on_refresh(events in the store)`` is called before, to say so)."""
    from .imports import import_files

    results = import_files(store, [os.fspath(p) for p in paths], kind=kind, on_result=on_result)
    if on_refresh is not None:
        on_refresh(store.con.execute("SELECT count(*) FROM events").fetchone()[0])
    refresh_derived(store)
    return results


class Table:
    """A query result to hand to analysis tools: ``to_pandas()``, ``to_arrow()``,
    ``rows()`` (a list of dicts) or ``columns``. pandas and pyarrow are optional:
    each is imported only when asked for, with a clear error when missing."""

    def __init__(self, store: BaseStore, sql: str):
        self._store = store
        self.sql = sql

    def _cursor(self):
        return self._store.con.execute(self.sql)

    @property
    def columns(self) -> list[str]:
        return [d[0] for d in self._store.con.execute(f"SELECT * FROM ({self.sql}) LIMIT 0").description]

    def __len__(self) -> int:
        return self._store.con.execute(f"SELECT count(*) FROM ({self.sql})").fetchone()[0]

    def rows(self) -> list[dict[str, Any]]:
        return self._store.query(self.sql)

    def to_pandas(self):
        """A pandas DataFrame (needs pandas: ``pip install pandas``)."""
        _require("pandas", "to_pandas()")
        return self._cursor().df()

    def to_arrow(self):
        """A pyarrow Table (needs pyarrow: ``pip install pyarrow``)."""
        _require("pyarrow", "to_arrow()")
        result = self._cursor()
        # DuckDB 1.4+ names it to_arrow_table(); older releases arrow().
        return result.to_arrow_table() if hasattr(result, "to_arrow_table") else result.arrow()

    def __repr__(self) -> str:
        return f"<allies.Table {len(self)} rows: {', '.join(self.columns)}>"


def _require(module: str, what: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise InputError(f"{what} needs {module}, which is not installed: pip install {module}")


def events(store: BaseStore, country: str | None = None, since: str | None = None, until: str | None = None,
           origin: str | None = None) -> Table:
    """Events (coded and imported) as a :class:`Table`; filters as ``allies export``."""
    from .imports.export import event_filter, events_query

    return Table(store, events_query(event_filter(store.con, country, since, until, origin)))


def dyads(store: BaseStore, country: str | None = None, since: str | None = None, until: str | None = None,
          origin: str | None = None) -> Table:
    """One row per directed pair of countries (counts per quad class, Goldstein,
    first and last date, origins) as a :class:`Table`."""
    from .imports.export import dyads_query, event_filter

    return Table(store, dyads_query(event_filter(store.con, country, since, until, origin)))


class Store(BaseStore):
    """An allies store with every stage at hand (what ``allies.Store`` is).

    Storage itself lives in :class:`allies.store.Store`; this class adds the
    stages above it: :meth:`ingest`, :meth:`ingest_documents`,
    :meth:`import_datasets`, :meth:`ask`, :meth:`check`, :meth:`events`,
    :meth:`dyads` and :meth:`prepare`."""

    def ingest(self, paths: Iterable[str | os.PathLike], date: Any = None, replace: bool = False,
               coder: Any = None, progress: bool = False, on_skip: Any = None) -> IngestReport:
        """See :func:`allies.api.ingest`."""
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        return ingest(self, paths, date=date, replace=replace, coder=coder, progress=progress, on_skip=on_skip)

    def ingest_documents(self, documents: Iterable[Document], coder: Any = None,
                         replace: bool = False) -> IngestReport:
        """See :func:`allies.api.ingest_documents`."""
        return ingest_documents(self, documents, coder=coder, replace=replace)

    def import_datasets(self, paths: Iterable[str | os.PathLike], kind: str | None = None,
                        on_result: Callable[[Any], None] | None = None) -> list[Any]:
        """See :func:`allies.api.import_datasets`."""
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        return import_datasets(self, paths, kind=kind, on_result=on_result)

    def ask(self, question: str, since: str | None = None, until: str | None = None) -> Any:
        """Answer a question about two countries (see :func:`allies.relations.ask`)."""
        from .relations import ask

        return ask(self, question, since=since, until=until)

    def check(self, claim: str, since: str | None = None, until: str | None = None) -> Any:
        """Weigh a claim (see :func:`allies.relations.check`)."""
        from .relations import check

        return check(self, claim, since=since, until=until)

    def events(self, country: str | None = None, since: str | None = None, until: str | None = None,
               origin: str | None = None) -> Table:
        """See :func:`allies.api.events`."""
        return events(self, country, since, until, origin)

    def dyads(self, country: str | None = None, since: str | None = None, until: str | None = None,
              origin: str | None = None) -> Table:
        """See :func:`allies.api.dyads`."""
        return dyads(self, country, since, until, origin)

    def prepare(self) -> bool:
        """Refresh the relations cache now (after writing to the store by SQL)."""
        return refresh_derived(self)


def open_store(path: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    """An :class:`allies.Store`, opened now so a locked or foreign file fails at once."""
    store = Store(path, read_only=read_only)
    _ = store.con  # open now
    return store
