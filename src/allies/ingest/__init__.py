"""Ingest: read news from files, folders and URLs, code it, store it once.

``ingest_into(store, paths)`` is what ``allies ingest`` and ``Store.ingest``
run: read every input into documents, drop duplicates (by normalised content
hash, against the store and within the batch), code the new ones in batches and
write each article in its own transaction.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import InputError
from ..model import Document
from .readers import Item, Skipped, read_bytes, read_paths

BATCH_SIZE = 32


@dataclass
class IngestReport:
    """What an ingest did: counts and the reasons for every skipped input."""

    added: int = 0
    duplicates: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 if anything was stored, or if everything was already stored; else 1."""
        if self.added or (self.duplicates and not self.skipped):
            return 0
        return 1

    def summary(self) -> str:
        parts = [f"added {self.added} article{'s' if self.added != 1 else ''}",
                 f"{self.events} event{'s' if self.events != 1 else ''}",
                 f"{self.duplicates} duplicate{'s' if self.duplicates != 1 else ''}",
                 f"{len(self.skipped)} skipped"]
        line = ", ".join(parts)
        if self.duplicates and not self.added and not self.skipped:
            line += " (already in the store: nothing new)"
        return line

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "duplicates": self.duplicates, "events": self.events,
                "skipped": [{"where": s.where, "reason": s.reason} for s in self.skipped],
                "article_ids": self.article_ids}


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def check_paths(paths: Iterable[str | os.PathLike]) -> list[str | Path]:
    """Validate inputs up front: a path that does not exist is an error, not a skip."""
    checked: list[str | Path] = []
    for raw in paths:
        text = os.fspath(raw)
        if is_url(text):
            checked.append(text)
            continue
        path = Path(text)
        if not path.exists():
            raise InputError(f"no such file or folder: {text}")
        checked.append(path)
    if not checked:
        raise InputError("nothing to ingest: give files, folders or URLs")
    return checked


def read_inputs(inputs: list[str | Path], allow_private: bool = False) -> Iterator[Item]:
    for item in inputs:
        if isinstance(item, str):
            yield from _read_url(item, allow_private)
        else:
            yield from read_paths([item])


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
                default_date: str | None = None) -> IngestReport:
    """Read, code and store everything under ``paths``; see :class:`IngestReport`."""
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

    return store_documents(store, documents(), coder=coder, report=report, progress=progress)


def store_documents(store: Any, documents: Iterable[Document], coder: Any = None,
                    report: IngestReport | None = None, progress: bool = False) -> IngestReport:
    """Code and store documents, duplicates once; each batch of whole articles
    (with their sentences, mentions and events) is one transaction."""
    from ..store.db import content_hash

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
        for coded, article_id in zip(coded_batch, store.add_coded_many(coded_batch)):
            if article_id is None:
                report.duplicates += 1
            else:
                report.added += 1
                report.events += len(coded.events)
                report.article_ids.append(article_id)
        if bar is not None:
            bar.update(len(coded_batch))
        batch.clear()

    try:
        for doc in documents:
            digest = content_hash(doc.text)
            if digest in seen or store.con.execute(
                    "SELECT 1 FROM articles WHERE content_hash = ?", [digest]).fetchone():
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
