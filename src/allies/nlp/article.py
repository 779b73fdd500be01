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
class Piece:
    """A paragraph (or the headline) the parser reads on its own, so that no sentence
    runs over a break: the parser, told where a paragraph starts inside one long
    text, may still split the words around it into fragments."""

    text: str
    offset: int  # where it starts in the document's text (in the title, for a headline the text lacks)
    is_headline: bool = False


@dataclass
class Layout:
    """What the coder parses for one document: its pieces in order (the headline
    first), with the dateline cut from the first paragraph of the body."""

    pieces: list[Piece]
    dateline: Dateline | None = None


def layout(text: str, title: str | None, date: str | None) -> Layout:
    """The parse layout of an article (see :class:`Layout`)."""
    title = " ".join((title or "").split())
    paragraphs = paragraph_spans(text)
    pieces: list[Piece] = []
    body = paragraphs
    if title and paragraphs and " ".join(text[paragraphs[0][0]:paragraphs[0][1]].split()) == title:
        start, end = paragraphs[0]  # the text opens with its headline (plain-text files)
        pieces.append(Piece(text[start:end], start, True))
        body = paragraphs[1:]
    elif title:
        pieces.append(Piece(title, 0, True))
    dateline = None
    for number, (start, end) in enumerate(body):
        if number == 0:
            dateline = parse_dateline(text[start:end], date)
            if dateline is not None:
                start += dateline.end  # the dateline's words are nobody's subject
        if start < end:
            pieces.append(Piece(text[start:end], start))
    return Layout(pieces, dateline)
