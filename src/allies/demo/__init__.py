"""The built-in demo corpus: short news-style articles written by the project,
stating real, dated facts (see ``README.md`` in this folder)."""
from __future__ import annotations

from .corpus import corpus_path, load_demo_documents, read_corpus


__all__ = ["corpus_path", "load_demo_documents", "read_corpus"]
