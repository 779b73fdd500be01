"""The built-in demo corpus: short news-style articles written by the project,
stating real, dated facts (see ``README.md`` in this folder)."""
from __future__ import annotations

import json
from importlib import resources
from typing import Iterator

from ..model import Document


def load_corpus() -> Iterator[Document]:
    """The demo articles as documents, in file order."""
    text = resources.files(__name__).joinpath("corpus.jsonl").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        yield Document(text=record["text"], title=record.get("title"), date=record.get("date"),
                       source=record.get("source"), url=record.get("url"), path=f"demo:corpus.jsonl:{number}")
