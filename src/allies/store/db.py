"""Opening the store, migrating it, and writing coded articles."""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from .. import settings
from ..errors import StoreError
from ..model import CodedDocument, Document, Event

DEFAULT_DB = settings.DEFAULT_DB

SENTENCE_COLUMNS = ("article_id", "sentence_index", "text", "start_char", "end_char", "is_headline")
EVENT_COLUMNS = (
    "event_id", "origin", "article_id", "sentence_index", "date",
    "source_text", "source_code", "source_country", "source_sector",
    "target_text", "target_code", "target_country", "target_sector",
    "cameo", "cameo_root", "plover", "quad", "goldstein", "negated", "modality",
    "speaker_text", "speaker_code", "speaker_country", "confidence", "trigger", "url", "rule",
)

DESCRIPTION_COLUMNS = (
    "article_id", "sentence_index", "date", "country_a", "country_b", "state", "polarity",
    "describer", "describer_country", "speaker_text", "negated", "modality", "trigger",
)


def default_path(path: str | os.PathLike | None = None) -> Path:
    """The store path: the argument, else ``$ALLIES_DB``, else ``./allies.duckdb``."""
    return Path(path) if path else settings.db_path()


def content_hash(text: str) -> str:
    """Hash of the text normalised for duplicate detection (case, spacing, Unicode form)."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    norm = re.sub(r"\s+", " ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _migrations() -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files("allies.store").joinpath("migrations").iterdir():
        match = re.match(r"(\d+)_.*\.sql$", entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(number for number, _, _ in _migrations())


class Store:
    """An allies store on disk: opening, migrating, writing coded articles and
    reading rows. It imports nothing above it; ``allies.Store`` (in
    :mod:`allies.api`) adds ingest, ask, dataset imports and tables.

    >>> store = Store("allies.duckdb")                     # doctest: +SKIP
    >>> store.query("SELECT count(*) AS n FROM events")    # doctest: +SKIP
    """

    content_hash = staticmethod(content_hash)

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.path = default_path(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = None

    # -- connection -----------------------------------------------------
    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if self.read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path} (run 'allies ingest' or 'allies demo' first)")
        if not self.read_only and self.path.parent and not self.path.parent.exists():
            raise StoreError(f"folder for store does not exist: {self.path.parent}")
        try:
            con = duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.IOException as exc:
            first = str(exc).splitlines()[0]
            if "lock" in first.lower():
                from .served import running_server

                served = running_server(self.path)
                if served is not None:
                    raise StoreError(
                        f"store {self.path} is served by allies serve (pid {served.pid}) on port {served.port}: "
                        f"read and upload through {served.url}/ (POST /api/ingest), or stop the server") from None
                raise StoreError(f"store {self.path} is in use by another process (DuckDB lets no other process "
                                 "open a store file while one writes to it): wait for it to finish or stop it") from None
            raise StoreError(f"cannot open store {self.path}: {first}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {str(exc).splitlines()[0]}") from None
        if not self.read_only:
            self._migrate(con)
        else:
            self._check_version(con)
        return con

    def _check_version(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        except duckdb.Error:
            raise StoreError(f"{self.path} is not an allies store") from None
        if version is None or version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this allies knows up to {SCHEMA_VERSION}")

    def _migrate(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        current = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {current}; this allies knows up to {SCHEMA_VERSION}")
        for number, name, sql in _migrations():
            if number <= current:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(sql)
                con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [number, name])
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- articles -------------------------------------------------------
    def has_article(self, text: str) -> bool:
        return self.article_id_for(text) is not None

    def article_id_for(self, text: str) -> int | None:
        row = self.con.execute("SELECT article_id FROM articles WHERE content_hash = ?", [content_hash(text)]).fetchone()
        return row[0] if row else None

    def stored_articles(self, doc: Document) -> list[int]:
        """Ids of stored articles that ``doc`` would replace: the same normalised
        text, or the same URL."""
        rows = self.con.execute(
            "SELECT article_id FROM articles WHERE content_hash = ? OR (url IS NOT NULL AND url = ?) ORDER BY article_id",
            [content_hash(doc.text), doc.url]).fetchall()
        return [row[0] for row in rows]

    def next_event_id(self) -> int:
        return self.con.execute("SELECT coalesce(max(event_id), 0) + 1 FROM events").fetchone()[0]

    def add_coded(self, coded: CodedDocument, origin: str = "coded", replace: bool = False,
                  made_by: tuple[str | None, str | None] = (None, None)) -> int | None:
        """Store one coded article with its sentences, mentions and events in one
        transaction. Returns the new article id, or None if it was a duplicate."""
        return self.add_coded_many([coded], origin=origin, replace=replace, made_by=made_by)[0]

    def add_coded_many(self, batch: list[CodedDocument], origin: str = "coded", replace: bool = False,
                       made_by: tuple[str | None, str | None] = (None, None)) -> list[int | None]:
        """Store coded articles, each with all its sentences, mentions and events,
        in one transaction: all of the batch or none of it, never half an
        article. One commit per batch rather than per article, since each
        commit waits for the disk. Returns each article's new id, or None for
        a duplicate (of the store or of an earlier article in the batch).

        ``replace``: an article already stored with the same text or URL is
        deleted (with its sentences, mentions and events) in the same
        transaction and stored anew, so a re-coding or a corrected date takes
        effect. ``made_by`` is (coder version, model) recorded on every event."""
        con = self.con
        ids: list[int | None] = []
        con.execute("BEGIN TRANSACTION")
        try:
            sentences, mentions, events, descriptions = [], [], [], []
            written: set[str] = set()
            if replace:
                for coded in batch:
                    self._delete_articles(self.stored_articles(coded.document))
            next_event_id = con.execute("SELECT coalesce(max(event_id), 0) + 1 FROM events").fetchone()[0]
            for coded in batch:
                doc = coded.document
                digest = content_hash(doc.text)
                if digest in written or con.execute("SELECT 1 FROM articles WHERE content_hash = ?", [digest]).fetchone():
                    ids.append(None)
                    continue
                written.add(digest)
                article_id = con.execute(
                    "INSERT INTO articles (content_hash, title, date, source, url, path, text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING article_id",
                    [digest, doc.title, doc.date, doc.source, doc.url, doc.path, doc.text],
                ).fetchone()[0]
                ids.append(article_id)
                sentences += [(article_id, s.index, s.text, s.start, s.end, s.is_headline) for s in coded.sentences]
                mentions += [
                    (article_id, m.sentence_index, m.start, m.end, m.actor.text, m.actor.code,
                     m.actor.country, m.actor.sector, m.actor.person)
                    for m in coded.mentions
                ]
                for event in coded.events:
                    events.append(_event_row(next_event_id, origin, article_id, event, doc) + tuple(made_by))
                    next_event_id += 1
                descriptions += [_description_row(article_id, d, doc) for d in coded.descriptions]
            insert_rows(con, "sentences", SENTENCE_COLUMNS, sentences)
            insert_rows(con, "actor_mentions", None, mentions)
            insert_rows(con, "events", EVENT_COLUMNS + ("coder_version", "coder_model"), events)
            insert_rows(con, "descriptions", DESCRIPTION_COLUMNS, descriptions)
            con.execute("COMMIT")
        except BaseException:
            # KeyboardInterrupt included: never leave half an article behind.
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        return ids

    def _delete_articles(self, article_ids: list[int]) -> None:
        """Delete articles with everything coded from them (inside the caller's transaction)."""
        if not article_ids:
            return
        marks = ", ".join("?" * len(article_ids))
        for table in ("events", "descriptions", "actor_mentions", "sentences", "articles"):
            self.con.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", article_ids)

    # -- reading --------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = ["articles", "sentences", "actor_mentions", "events", "formal_ties", "import_runs"]
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def article(self, article_id: int) -> dict[str, Any] | None:
        cur = self.con.execute(
            "SELECT article_id, title, date, source, url, path, text FROM articles WHERE article_id = ?", [article_id]
        )
        row = cur.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cur.description]
        return dict(zip(names, row))

    def sentences(self, article_id: int) -> list[dict[str, Any]]:
        cur = self.con.execute(
            "SELECT sentence_index, text, start_char, end_char, is_headline FROM sentences WHERE article_id = ? "
            "ORDER BY sentence_index",
            [article_id],
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run SQL and return rows as dicts (read helpers for every stage)."""
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]



def insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...] | None,
                rows: list[tuple]) -> None:
    """Insert rows with multi-row VALUES statements: DuckDB's executemany runs
    one statement per row, which costs ~2 ms a row."""
    if not rows:
        return
    width = len(rows[0])
    names = f" ({', '.join(columns)})" if columns else ""
    row_marks = "(" + ", ".join("?" * width) + ")"
    chunk = max(1, 2000 // width)
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        params = [value for row in part for value in row]
        con.execute(f"INSERT INTO {table}{names} VALUES " + ", ".join([row_marks] * len(part)), params)


def open_store(path: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    store = Store(path, read_only=read_only)
    store.con  # open now so errors surface at once
    return store


def _event_row(event_id: int, origin: str, article_id: int, event: Event, doc: Document) -> tuple:
    source, target, speaker = event.source, event.target, event.speaker
    return (
        event_id, origin, article_id, event.sentence_index, event.date or doc.date,
        source.text, source.code, source.country, source.sector,
        target.text if target else None, target.code if target else None,
        target.country if target else None, target.sector if target else None,
        event.cameo, (event.cameo or "")[:2] or None, event.plover, event.quad, event.goldstein,
        bool(event.negated), event.modality,
        speaker.text if speaker else None, speaker.code if speaker else None,
        speaker.country if speaker else None, event.confidence, event.trigger, doc.url, event.rule,
    )


def _description_row(article_id: int, description, doc: Document) -> tuple:
    d = description
    return (article_id, d.sentence_index, d.date or doc.date, d.country_a, d.country_b, d.state, d.polarity,
            d.describer, d.describer_country, d.speaker.text if d.speaker else None, bool(d.negated),
            d.modality, d.trigger)
