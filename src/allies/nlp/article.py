"""An article's structure before it is split into sentences: headline, dateline
and paragraphs.

Wire copy has a headline, a dateline opening the first paragraph ("NEW DELHI,
May 7, 2025 —") and paragraphs. The coder parses the headline apart from the
body, never lets a sentence run over a paragraph break, and takes the place
(and, when none is given, the date) of the article from its dateline.

A paragraph break is a blank line; in text with no blank line at all (HTML
extraction, feeds) every line break is one. A text hard-wrapped at a fixed
width keeps its blank lines between paragraphs, so its single line breaks are
not breaks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import Dateline, parse_dateline

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
HEADLINE_GAP = "\n\n"  # between a headline parsed with the body and the body


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph's words, in order."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans, start = [], 0
    for found in breaks.finditer(text):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    out = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            begin += len(piece) - len(piece.lstrip())
            out.append((begin, begin + len(stripped)))
    return out


@dataclass
class Layout:
    """What the coder parses for one document, and how it maps back.

    ``text`` is what the parser reads: the headline (when the document's text
    does not already open with it), a blank line, then the document's text with
    its dateline blanked out (same length, so offsets hold). Offsets in the
    parsed text minus ``shift`` are offsets in the document's text; those below
    ``headline_end`` are the headline's.
    """

    text: str
    shift: int = 0
    headline_end: int = 0  # in the parsed text; 0: no headline
    paragraph_starts: tuple[int, ...] = ()  # in the parsed text
    dateline: Dateline | None = None
    dateline_at: int | None = None  # where the dateline starts in the parsed text

    def is_headline(self, start: int) -> bool:
        return start < self.headline_end

    def document_offset(self, start: int) -> int:
        """An offset in the document's text (or, for the headline, in the title)."""
        return start if self.is_headline(start) and self.shift else start - self.shift


def layout(text: str, title: str | None, date: str | None) -> Layout:
    """The parse layout of an article (see :class:`Layout`)."""
    title = " ".join((title or "").split())
    paragraphs = paragraph_spans(text)
    shift = headline_end = 0
    body = paragraphs
    if title and paragraphs and " ".join(text[paragraphs[0][0]:paragraphs[0][1]].split()) == title:
        headline_end = paragraphs[0][1]  # the text opens with its headline (plain-text files)
        body = paragraphs[1:]
    elif title:
        shift = len(title) + len(HEADLINE_GAP)
        headline_end = len(title)
    parsed = (title + HEADLINE_GAP if shift else "") + text
    dateline = dateline_at = None
    if body:
        first_start, first_end = body[0]
        dateline = parse_dateline(text[first_start:first_end], date)
        if dateline is not None:
            dateline_at = first_start + shift
            # blanked, not cut: offsets hold, and the dateline's words are nobody's subject
            end = dateline_at + dateline.end
            parsed = parsed[:dateline_at] + " " * (end - dateline_at) + parsed[end:]
    starts = [0] if shift else []
    starts += [start + shift for start, _ in paragraphs]
    return Layout(parsed, shift, headline_end, tuple(starts), dateline, dateline_at)


def mark_paragraph_starts(doc, starts) -> None:
    """Make the first word of every paragraph start a sentence, in a doc not yet
    parsed (the parser keeps boundaries set before it)."""
    pending = sorted(starts)
    at = 0
    for token in doc:
        if token.is_space:
            continue
        if at < len(pending) and token.idx >= pending[at]:
            if token.i:
                token.is_sent_start = True
            while at < len(pending) and pending[at] <= token.idx:
                at += 1
