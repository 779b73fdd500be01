"""The event coder: sentences -> actors -> events with voice.

Interface (stable; the rest of allies depends on it):

- ``Coder(model="auto", n_process=1)``
- ``Coder.code(text, date=None, doc=None) -> list[Event]``
- ``Coder.code_documents(documents: Iterable[Document]) -> Iterator[CodedDocument]``
  streams, batching internally; yields one CodedDocument per input, in order.
- ``default_coder()`` returns a process-wide cached Coder.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from ..model import CodedDocument, Document, Event, Sentence

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])")


class Coder:
    def __init__(self, model: str | None = "auto", n_process: int = 1):
        self.model = model
        self.n_process = n_process

    def split(self, text: str) -> list[Sentence]:
        sentences, start = [], 0
        for piece in _SENTENCE_END.split(text):
            begin = text.find(piece, start)
            sentences.append(Sentence(len(sentences), piece.strip(), begin, begin + len(piece)))
            start = begin + len(piece)
        return [s for s in sentences if s.text]

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        for doc in documents:
            yield CodedDocument(document=doc, sentences=self.split(doc.text), mentions=[], events=[])

    def code(self, text: str, date: str | None = None, doc=None) -> list[Event]:
        coded = next(self.code_documents([Document(text=text, date=date, doc_id=doc)]))
        return coded.events


@lru_cache(maxsize=1)
def default_coder() -> Coder:
    return Coder()
