"""Turning uploads into ingest calls: files saved under safe names in a
private temporary folder, JSON bodies into documents."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any, Iterable

from ..dates import iso, parse_day
from ..errors import InputError
from ..model import Document
from ..store import Store

MAX_FILES = 50
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
DOCUMENT_FIELDS = ("text", "title", "date", "url", "source")


def safe_filename(name: str | None, position: int) -> str:
    """A file name that cannot leave the upload folder: the last path part,
    reduced to letters, digits, dot, dash and underscore, never hidden."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = SAFE_NAME.sub("_", base).strip("._")[:100]
    return f"{position:03d}-{base or 'upload'}"


def document_from_json(item: Any, position: int = 0) -> Document:
    """A :class:`Document` from ``{text, title, date, url, source}``."""
    where = f"document {position + 1}: " if position else ""
    if not isinstance(item, dict):
        raise InputError(f"{where}expected an object with a 'text' field")
    unknown = sorted(set(item) - set(DOCUMENT_FIELDS))
    if unknown:
        raise InputError(f"{where}unknown field(s): {', '.join(unknown)[:80]}")
    for key in DOCUMENT_FIELDS:
        if item.get(key) is not None and not isinstance(item[key], str):
            raise InputError(f"{where}'{key}' must be a string")
    text = (item.get("text") or "").strip()
    if not text:
        raise InputError(f"{where}'text' is required and must not be empty")
    url = (item.get("url") or "").strip() or None
    if url and not re.match(r"^https?://", url, re.I):
        raise InputError(f"{where}'url' must start with http:// or https://")
    return Document(
        text=text,
        title=(item.get("title") or "").strip() or None,
        date=iso(parse_day(item.get("date"), "date")),
        url=url,
        source=(item.get("source") or "").strip() or None,
    )


def documents_from_json(payload: Any) -> list[Document]:
    """One document or a list of them (or ``{"documents": [...]}``)."""
    if isinstance(payload, dict) and "documents" in payload and set(payload) == {"documents"}:
        payload = payload["documents"]
    items = payload if isinstance(payload, list) else [payload]
    if not items:
        raise InputError("no documents given")
    if len(items) > 1000:
        raise InputError("at most 1000 documents per request")
    return [document_from_json(item, i) for i, item in enumerate(items)]


def report_dict(report: Any) -> dict[str, Any]:
    """An ingest report as JSON-ready data whatever its class offers."""
    from .access import as_jsonable

    if hasattr(report, "to_dict"):
        return as_jsonable(report.to_dict())
    if hasattr(report, "__dataclass_fields__"):
        from dataclasses import asdict

        return as_jsonable(asdict(report))
    if isinstance(report, dict):
        return as_jsonable(report)
    return {"result": str(report)}


def ingest_documents(store: Store, documents: list[Document]) -> dict[str, Any]:
    return report_dict(store.ingest_documents(documents))


def shown_name(name: str | None, position: int) -> str:
    """The uploaded file's own name for messages (its last path part, printable,
    at most 100 characters); 'file N' when it has none."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable())[:100].strip()
    return base or f"file {position}"


def upload_outcome(report: dict[str, Any]) -> str:
    """'stored' when something new was stored, 'already stored' when every
    readable file was there already, else 'nothing stored'."""
    if report.get("added"):
        return "stored"
    if report.get("duplicates"):
        return "already stored"
    return "nothing stored"


def ingest_files(store: Store, files: Iterable[tuple[str | None, bytes]]) -> dict[str, Any]:
    """Write the uploaded files to a private temporary folder and ingest them.
    An empty or unreadable file is skipped with a reason and the rest stored;
    reasons name the uploaded files, never the server's temporary paths."""
    files = list(files)
    if not files:
        raise InputError("no file uploaded")
    if len(files) > MAX_FILES:
        raise InputError(f"at most {MAX_FILES} files per upload")
    with tempfile.TemporaryDirectory(prefix="allies-upload-") as folder:
        paths, shown, empty = [], {}, []
        for position, (name, content) in enumerate(files, start=1):
            if not content:
                empty.append({"where": shown_name(name, position), "reason": "the file is empty"})
                continue
            path = Path(folder) / safe_filename(name, position)
            path.write_bytes(content)
            paths.append(path)
            shown[str(path)] = shown_name(name, position)
        report = report_dict(store.ingest(paths)) if paths else {
            "added": 0, "duplicates": 0, "events": 0, "skipped": [], "article_ids": []}
    report["skipped"] = [_without_paths(skip, shown, folder) for skip in report.get("skipped") or []] + empty
    return report


def _without_paths(skip: dict[str, Any], shown: dict[str, str], folder: str) -> dict[str, Any]:
    out = dict(skip)
    for key in ("where", "reason"):
        text = str(out.get(key) or "")
        for path, name in sorted(shown.items(), key=lambda item: -len(item[0])):
            text = text.replace(path, name)
        out[key] = text.replace(folder, "upload")
    return out
