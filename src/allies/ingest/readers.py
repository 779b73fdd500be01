"""Readers that turn files into :class:`Document` objects.

Each reader yields ``Document`` or ``Skipped`` items, never raises for bad
content: one bad file or line is skipped with a reason and the batch goes on.
Sizes are capped so hostile input (huge lines, decompression bombs) ends in
bounded time and memory.
"""
from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterator, Union

from ..model import Document

MAX_DOCUMENT_BYTES = 5_000_000        # one article's raw bytes (HTML, text or JSONL line)
MAX_FILE_BYTES = 200_000_000          # one file, after decompression
MIN_TEXT_CHARS = 20                   # less than this is not an article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


@dataclass
class Skipped:
    """An input that was not stored, and why (one line)."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


Item = Union[Document, Skipped]


class TooLarge(Exception):
    pass


# -- helpers -----------------------------------------------------------------
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")      # 2022-12-05, 2022-12-05T10:00Z
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")   # 20221205 (GDELT style)


def normalise_date(value: object) -> str | None:
    """Best-effort ISO date (YYYY-MM-DD) from a date-like value; None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return None
    text = str(value).strip()
    if not text or len(text) > 100:
        return None
    match = _ISO_DATE.match(text) or _COMPACT_DATE.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import: only when a free-form date needs it

    try:
        parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date().isoformat() if parsed else None


def decode_text(data: bytes, where: str) -> str | Skipped:
    """Decode UTF-8 (BOM allowed), refusing binary data with a clear reason."""
    if not data.strip():
        return Skipped(where, "empty file")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return Skipped(where, "binary file (NUL bytes), not text")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return Skipped(where, "invalid UTF-16 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped(where, f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})")


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = re.sub(r"[ \t\f\v]+", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _is_probably_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample) > 0.05


# -- format readers ----------------------------------------------------------
_HEADER = re.compile(r"^(title|date|source|url|link)\s*:\s*(.+)$", re.IGNORECASE)


def read_text(data: bytes, where: str) -> Iterator[Item]:
    """Plain text: optional ``Title:/Date:/Source:/URL:`` header lines, else the
    first short line is taken as the title."""
    text = decode_text(data, where)
    if isinstance(text, Skipped):
        yield text
        return
    if _is_probably_binary(text):
        yield Skipped(where, "binary file (control characters), not text")
        return
    lines = text.replace("\r\n", "\n").split("\n")
    meta: dict[str, str] = {}
    body_start = 0
    for i, line in enumerate(lines[:6]):
        match = _HEADER.match(line.strip())
        if not match:
            break
        meta[match[1].lower().replace("link", "url")] = match[2].strip()
        body_start = i + 1
    body = _clean_text("\n".join(lines[body_start:]))
    if len(body) < MIN_TEXT_CHARS:
        yield Skipped(where, "no article text (too short)")
        return
    title = meta.get("title") or _headline_line(body)
    yield _dated(Document(text=body, title=title, date=normalise_date(meta.get("date")), source=meta.get("source"),
                          url=meta.get("url"), path=where))


def text_document(text: str, date: str | None = None, doc_id: object = None) -> Document:
    """One text as the plain-text reader reads an article (its headline line apart, its
    dateline's date when ``date`` is None), however short: what ``allies code`` codes, so
    that it codes a file as ``allies ingest`` would."""
    body = _clean_text(text.replace("\r\n", "\n"))
    return _dated(Document(text=body, title=_headline_line(body), date=date, doc_id=doc_id))


def _headline_line(body: str) -> str | None:
    """The first line of a plain-text article when it is a headline: one short line
    before more text, not a sentence ending in a full stop or a colon, and not a
    dateline. A question ("Will Iran strike back?") may be a headline."""
    from ..nlp.dates import parse_dateline

    first = body.split("\n", 1)[0].strip()
    if not first or "\n" not in body or len(first) > 200 or first.endswith((".", ":", ",", ";")):
        return None
    if parse_dateline(first) is not None:
        return None
    return first


def _dated(document: Document) -> Document:
    """The document, dated by the dateline opening its first paragraph when it has
    no date of its own ("NEW DELHI, May 7, 2025 —")."""
    if document.date is None:
        from ..nlp.article import layout

        dateline = layout(document.text, document.title, None).dateline
        if dateline is not None and dateline.date:
            document.date = dateline.date
    return document


def read_html(data: bytes, where: str) -> Iterator[Item]:
    """HTML page: main text, title and date extracted with trafilatura."""
    if not data.strip():
        yield Skipped(where, "empty file")
        return
    if b"\x00" in data[:8192]:
        yield Skipped(where, "binary file (NUL bytes), not HTML")
        return
    import trafilatura

    try:
        extracted = trafilatura.extract(data, output_format="json", with_metadata=True,
                                        include_comments=False, favor_precision=True)
    except Exception as exc:  # trafilatura/lxml failures on hostile markup
        yield Skipped(where, f"unreadable HTML ({type(exc).__name__})")
        return
    if not extracted:
        yield Skipped(where, "HTML with no main text")
        return
    meta = json.loads(extracted)
    text = _clean_text(meta.get("text") or meta.get("raw_text") or "")
    if len(text) < MIN_TEXT_CHARS:
        yield Skipped(where, "HTML with no main text")
        return
    yield _dated(Document(text=text, title=meta.get("title") or None, date=normalise_date(meta.get("date")),
                          source=meta.get("sitename") or meta.get("hostname") or None,
                          url=meta.get("source") or meta.get("url") or None, path=where))


def _jsonl_lines(stream: io.BufferedIOBase) -> Iterator[tuple[int, bytes | None]]:
    """Lines with their 1-based numbers; None for a line over the size cap (its
    remainder is drained without being held in memory)."""
    number = 0
    while True:
        line = stream.readline(MAX_DOCUMENT_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
            while True:  # drain the rest of the oversized line
                more = stream.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


TEXT_KEYS = ("text", "body", "content", "article", "maintext")


def read_jsonl(stream: io.BufferedIOBase, where: str) -> Iterator[Item]:
    """JSON Lines: one article per line with ``text`` (or body/content), and
    optional ``title``, ``date``, ``url``, ``source``. A ``.json`` file holding
    one array or object is read too."""
    first_nonblank = None
    saw_line = False
    for number, line in _jsonl_lines(stream):
        saw_line = True
        at = f"{where}:{number}"
        if line is None:
            yield Skipped(at, f"line longer than {MAX_DOCUMENT_BYTES} bytes")
            continue
        if not line.strip():
            continue
        if first_nonblank is None:
            first_nonblank = line.lstrip()[:1]
            if first_nonblank == b"[":  # a whole JSON array, not JSON Lines
                rest = line + stream.read(MAX_DOCUMENT_BYTES * 10)
                yield from _read_json_array(rest, where)
                return
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            reason = "invalid UTF-8" if isinstance(exc, UnicodeDecodeError) else f"not JSON ({exc.msg})"
            yield Skipped(at, reason)
            continue
        yield _record_to_document(record, at, where)
    if not saw_line:
        yield Skipped(where, "empty file")


def _read_json_array(data: bytes, where: str) -> Iterator[Item]:
    try:
        records = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        yield Skipped(where, "not JSON (expected JSON Lines or an array of articles)")
        return
    for index, record in enumerate(records if isinstance(records, list) else [records], start=1):
        yield _record_to_document(record, f"{where}[{index}]", where)


def _record_to_document(record: object, at: str, where: str) -> Item:
    if not isinstance(record, dict):
        return Skipped(at, "not a JSON object")
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    if text is None:
        return Skipped(at, "no text field")
    text = _clean_text(text)
    if len(text) < MIN_TEXT_CHARS:
        return Skipped(at, "text too short to be an article")

    def field(*names: str) -> str | None:
        for name in names:
            value = record.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    raw_date = next((record.get(k) for k in ("date", "published", "publish_date", "pubdate") if record.get(k)), None)
    return _dated(Document(text=text, title=field("title", "headline"), date=normalise_date(raw_date),
                           source=field("source", "outlet", "publisher"), url=field("url", "link"), path=where))


_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def read_feed(data: bytes, where: str) -> Iterator[Item]:
    """RSS or Atom feed: each entry an article (content, else summary)."""
    if not data.strip():
        yield Skipped(where, "empty file")
        return
    if _ENTITY_DECL.search(data[:65536]):
        # Entity declarations enable billion-laughs expansion and external
        # entity reads; no real news feed needs them.
        yield Skipped(where, "XML with entity declarations refused (possible entity expansion attack)")
        return
    import feedparser

    try:
        feed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:
        yield Skipped(where, f"unreadable feed ({type(exc).__name__})")
        return
    if not feed.entries:
        reason = "no feed entries"
        if feed.get("bozo") and feed.get("bozo_exception") is not None:
            reason += f" ({str(feed.bozo_exception).splitlines()[0][:120]})"
        yield Skipped(where, reason)
        return
    feed_title = (feed.feed.get("title") or "").strip() or None
    for index, entry in enumerate(feed.entries, start=1):
        at = f"{where}#{index}"
        html = ""
        if entry.get("content"):
            html = " ".join(part.get("value", "") for part in entry.content)
        html = html or entry.get("summary", "") or entry.get("description", "")
        text = _html_to_text(html)
        if len(text) < MIN_TEXT_CHARS:
            yield Skipped(at, "feed entry with no text")
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        entry_date = date(*parsed[:3]).isoformat() if parsed else normalise_date(entry.get("published"))
        yield _dated(Document(text=text, title=(entry.get("title") or "").strip() or None, date=entry_date,
                              source=feed_title, url=entry.get("link") or None, path=where))


def _html_to_text(fragment: str) -> str:
    """Text of a small HTML fragment (feed entries), paragraphs kept apart."""
    if "<" not in fragment:
        return _clean_text(fragment)
    import html as html_lib

    fragment = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", fragment)
    fragment = re.sub(r"(?i)<\s*(br|/p|/div|/li|/h\d)\s*/?>", "\n", fragment)
    fragment = re.sub(r"<[^>]+>", " ", fragment)
    return _clean_text(html_lib.unescape(fragment))


# -- dispatch ----------------------------------------------------------------
def _sniff(data: bytes) -> str | None:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if head.startswith((b"<rss", b"<feed", b"<rdf")) or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith((b"{", b"[")):
        return "jsonl"
    return None


def read_bytes(data: bytes, where: str, suffix: str) -> Iterator[Item]:
    kind = {**{s: "text" for s in TEXT_SUFFIXES}, **{s: "html" for s in HTML_SUFFIXES},
            **{s: "jsonl" for s in JSONL_SUFFIXES}, **{s: "feed" for s in FEED_SUFFIXES}}.get(suffix)
    if kind in (None, "text"):
        kind = _sniff(data) or kind
    if kind is None:
        yield Skipped(where, f"unsupported file type '{suffix or '(none)'}'")
    elif kind == "text":
        yield from read_text(data, where)
    elif kind == "html":
        yield from read_html(data, where)
    elif kind == "feed":
        yield from read_feed(data, where)
    else:
        yield from read_jsonl(io.BytesIO(data), where)


def _read_capped(stream: io.BufferedIOBase, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge
    return data


def read_file(path: Path) -> Iterator[Item]:
    """Read one file (plain or .gz) into documents."""
    where = str(path)
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = (suffixes[-2] if compressed and len(suffixes) > 1 else (suffixes[-1] if suffixes and not compressed else ""))
    try:
        if compressed:
            with gzip.open(path, "rb") as stream:
                if suffix in JSONL_SUFFIXES:
                    yield from read_jsonl(_CappedReader(stream, MAX_FILE_BYTES, where), where)
                    return
                data = _read_capped(stream, MAX_DOCUMENT_BYTES * 4)
        else:
            size = path.stat().st_size
            if suffix in JSONL_SUFFIXES:
                if size == 0:
                    yield Skipped(where, "empty file")
                    return
                with open(path, "rb") as stream:
                    yield from read_jsonl(stream, where)
                return
            if size > MAX_DOCUMENT_BYTES * 4:
                yield Skipped(where, f"file too large for one article ({size} bytes)")
                return
            data = path.read_bytes()
    except TooLarge:
        yield Skipped(where, "decompressed size over the limit (possible decompression bomb)")
        return
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Skipped(where, f"corrupt or truncated gzip file ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})")
        return
    except _CappedReader.Exceeded:
        yield Skipped(where, "decompressed size over the limit (possible decompression bomb)")
        return
    except OSError as exc:
        yield Skipped(where, f"cannot read ({exc.strerror or type(exc).__name__})")
        return
    yield from read_bytes(data, where, suffix)


class _CappedReader(io.RawIOBase):
    """Wraps a stream and fails once more than ``limit`` bytes were read."""

    class Exceeded(Exception):
        pass

    def __init__(self, stream: io.BufferedIOBase, limit: int, where: str):
        self.stream, self.limit, self.where, self.count = stream, limit, where, 0

    def readline(self, size: int = -1) -> bytes:
        line = self.stream.readline(size)
        self._count(len(line))
        return line

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self._count(len(data))
        return data

    def _count(self, n: int) -> None:
        self.count += n
        if self.count > self.limit:
            raise self.Exceeded


def iter_files(path: Path) -> Iterator[Path]:
    """Files under ``path`` (itself if a file), sorted, hidden files skipped."""
    if path.is_file():
        yield path
        return
    for child in sorted(path.rglob("*")):
        if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
            yield child


def read_paths(paths: list[Path]) -> Iterator[Item]:
    for path in paths:
        for file in iter_files(path):
            yield from read_file(file)
