"""The built-in demo corpus: short news-style articles the project wrote itself.

Each line of ``corpus.jsonl`` is one article with the fields ``title``,
``date`` (YYYY-MM-DD), ``source``, ``url`` and ``text``; ``README.md`` next to
it lists the facts each article states.  ``allies demo`` codes these articles
into a fresh store so that every feature can be tried without network access.
"""
from __future__ import annotations

import datetime as _dt
import json
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..model import Document

CORPUS_FILE = "corpus.jsonl"
REQUIRED_FIELDS = ("title", "date", "source", "url", "text")


def corpus_path() -> Path:
    """Where the demo corpus file lies inside the installed package."""
    return Path(str(resources.files(__package__).joinpath(CORPUS_FILE)))


def read_corpus(path: str | Path | None = None) -> list[dict]:
    """Read and check a corpus file (default: the built-in one).

    Returns one dict per article in file order.  A malformed line, a missing
    or empty field, a date that is not YYYY-MM-DD or a repeated URL raises
    :class:`InputError` naming the line.
    """
    return [article for _number, article in _numbered_articles(path)]


def _numbered_articles(path: str | Path | None) -> list[tuple[int, dict]]:
    source = Path(path) if path is not None else corpus_path()
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read corpus {source}: {exc.strerror or exc}") from None
    articles: list[tuple[int, dict]] = []
    seen_urls: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source.name} line {number}"
        try:
            article = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(article, dict):
            raise InputError(f"{where}: expected a JSON object")
        for name in REQUIRED_FIELDS:
            value = article.get(name)
            if not isinstance(value, str) or not value.strip():
                raise InputError(f"{where}: field {name!r} is missing or empty")
        try:
            _dt.date.fromisoformat(article["date"])
        except ValueError:
            raise InputError(f"{where}: date {article['date']!r} is not YYYY-MM-DD") from None
        if len(article["date"]) != 10:
            raise InputError(f"{where}: date {article['date']!r} is not YYYY-MM-DD")
        if article["url"] in seen_urls:
            raise InputError(f"{where}: URL {article['url']} appears twice")
        seen_urls.add(article["url"])
        articles.append((number, article))
    if not articles:
        raise InputError(f"corpus {source} has no articles")
    return articles


def load_demo_documents(path: str | Path | None = None) -> list[Document]:
    """The demo corpus as :class:`~allies.model.Document` objects, oldest first."""
    source = Path(path) if path is not None else corpus_path()
    # A stable name for the built-in corpus, so evidence does not cite an install path.
    shown = f"allies/demo/{CORPUS_FILE}" if path is None else str(source)
    documents = [
        Document(
            text=article["text"],
            title=article["title"],
            date=article["date"],
            source=article["source"],
            url=article["url"],
            path=f"{shown}:{number}",
        )
        for number, article in _numbered_articles(source)
    ]
    documents.sort(key=lambda doc: doc.date or "")
    return documents
