"""Ingest: read news from files, folders and URLs, code it, store it once.

``ingest_into(store, paths)`` is what ``allies ingest`` and ``allies.Store.ingest``
run: read every input into documents, drop duplicates (by normalised content
hash, against the store and within the batch), code the new ones in batches and
write each batch of whole articles in one transaction.

This package does not import the store: it writes through the store object it
is given (``content_hash``, ``stored_articles``, ``add_coded_many``), so the
store stays below it.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import InputError
from ..model import Document
from .readers import Item, Skipped, iter_files, read_bytes, read_file

BATCH_SIZE = 32


@dataclass
class IngestReport:
    """What an ingest did: counts and the reasons for every skipped input."""

    added: int = 0
    replaced: int = 0
    duplicates: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 if anything was stored, or if everything was already stored; else 1."""
        if self.added or self.replaced or (self.duplicates and not self.skipped):
            return 0
        return 1

    def summary(self) -> str:
        parts = [f"added {self.added} article{'s' if self.added != 1 else ''}"]
        if self.replaced:
            parts.append(f"replaced {self.replaced}")
        parts += [f"{self.events} event{'s' if self.events != 1 else ''}",
                 f"{self.duplicates} duplicate{'s' if self.duplicates != 1 else ''}",
                 f"{len(self.skipped)} skipped"]
        line = ", ".join(parts)
        if self.duplicates and not self.added and not self.replaced and not self.skipped:
            line += " (already in the store: nothing new; --replace re-codes and replaces them)"
        return line

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "replaced": self.replaced, "duplicates": self.duplicates, "events": self.events,
                "skipped": [{"where": s.where, "reason": s.reason} for s in self.skipped],
                "article_ids": self.article_ids}


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def existing_path(text: str) -> Path:
    """``text`` as a path that exists; a one-line InputError when it does not, or when it
    cannot even be looked up (a name too long: text given where a file was meant)."""
    path = Path(text)
    try:
        found = path.exists()
    except OSError as error:
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise InputError(f"cannot read {shown!r}: {error.strerror or error}") from None
    if not found:
        raise InputError(f"no such file or folder: {text}")
    return path


def check_paths(paths: Iterable[str | os.PathLike]) -> list[str | Path]:
    """Validate inputs up front: a path that does not exist is an error, not a skip."""
    checked: list[str | Path] = []
    for raw in paths:
        text = os.fspath(raw)
        if is_url(text):
            checked.append(text)
            continue
        checked.append(existing_path(text))
    if not checked:
        raise InputError("nothing to ingest: give files, folders or URLs")
    return checked


def read_inputs(inputs: list[str | Path], allow_private: bool = False) -> Iterator[Item]:
    for item in inputs:
        if isinstance(item, str):
            yield from _guarded(str(item), _read_url(item, allow_private))
        else:
            for file in iter_files(item):
                yield from _guarded(str(file), read_file(file))


def _guarded(where: str, items: Iterator[Item]) -> Iterator[Item]:
    """One input's items; a reader that fails (a missing optional library, a
    parser bug on odd bytes) skips that input with a one-line reason instead
    of stopping the whole ingest."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - any reader failure skips only its own input
        first = (str(exc).splitlines() or [""])[0][:200]
        yield Skipped(where, f"cannot read: {type(exc).__name__}: {first}" if first else f"cannot read: {type(exc).__name__}")


def _read_url(url: str, allow_private: bool) -> Iterator[Item]:
    from .fetch import fetch_url

    try:
        page = fetch_url(url, allow_private=allow_private)
    except InputError as exc:
        yield Skipped(url, str(exc))
        return
    content_type = (page.content_type or "").lower()
    if "html" in content_type:
        suffix = ".html"
    elif "xml" in content_type or "rss" in content_type or "atom" in content_type:
        suffix = ".xml"
    elif "json" in content_type:
        suffix = ".jsonl"
    else:
        suffix = ".txt"
    for item in read_bytes(page.content, url, suffix):
        if isinstance(item, Document) and not item.url:
            item.url = page.final_url
        yield item


def ingest_into(store: Any, paths: Iterable[str | os.PathLike], coder: Any = None, progress: bool = False,
                on_skip: Callable[[Skipped], None] | None = None, allow_private: bool = False,
                default_date: str | None = None, replace: bool = False) -> IngestReport:
    """Read, code and store everything under ``paths``; see :class:`IngestReport`.

    ``default_date`` (ISO) dates articles that carry none; ``replace`` re-codes
    articles already stored (same text or URL) and replaces them."""
    inputs = check_paths(paths)
    report = IngestReport()

    def documents() -> Iterator[Document]:
        for item in read_inputs(inputs, allow_private=allow_private):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                if on_skip:
                    on_skip(item)
                continue
            if default_date and not item.date:
                item.date = default_date
            yield item

    return store_documents(store, documents(), coder=coder, report=report, progress=progress, replace=replace)


def store_documents(store: Any, documents: Iterable[Document], coder: Any = None,
                    report: IngestReport | None = None, progress: bool = False,
                    replace: bool = False) -> IngestReport:
    """Code and store documents, duplicates once; each batch of whole articles
    (with their sentences, mentions and events) is one transaction. With
    ``replace`` an article already stored (same text or URL) is re-coded and
    replaced in that transaction."""
    report = report or IngestReport()
    bar = _progress_bar(progress)
    seen: set[str] = set()
    batch: list[Document] = []

    def flush() -> None:
        nonlocal coder
        if not batch:
            return
        if coder is None:
            from ..nlp import default_coder

            coder = default_coder()
        coded_batch = list(coder.code_documents(batch))
        replacing = [bool(store.stored_articles(doc)) for doc in batch] if replace else [False] * len(batch)
        made_by = (getattr(coder, "version", None), getattr(coder, "model_label", None))
        ids = store.add_coded_many(coded_batch, replace=replace, made_by=made_by)
        for coded, article_id, replaced in zip(coded_batch, ids, replacing):
            if article_id is None:
                report.duplicates += 1
            else:
                if replaced:
                    report.replaced += 1
                else:
                    report.added += 1
                report.events += len(coded.events)
                report.article_ids.append(article_id)
        if bar is not None:
            bar.update(len(coded_batch))
        batch.clear()

    try:
        for doc in documents:
            digest = store.content_hash(doc.text)
            if digest in seen or (not replace and store.con.execute(
                    "SELECT 1 FROM articles WHERE content_hash = ?", [digest]).fetchone()):
                report.duplicates += 1
                if bar is not None:
                    bar.update(1)
                continue
            seen.add(digest)
            batch.append(doc)
            if len(batch) >= BATCH_SIZE:
                flush()
        flush()
    finally:
        if bar is not None:
            bar.close()
    return report


def _progress_bar(enabled: bool) -> Any:
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(desc="ingest", unit=" articles", file=sys.stderr, leave=False)
