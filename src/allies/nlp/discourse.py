"""Voice from the discourse around an event, applied after the coder.

The event coder gives each event the voice its own clause carries ("said it
would", "denied"). Some voices come from the shape of the text around it:

- a question, in a headline ("Will Iran strike back?") or in a quote
  ("'Why would we attack our neighbour?' the minister asked"), claims nothing:
  the events asked about are hypothetical and never count as facts.
"""
from __future__ import annotations

import re

from ..model import CodedDocument, Event

_OPEN_QUOTES = "\"“‘'"
_CLAUSE_ENDS = re.compile(r"[.!;:]\s|[\"“”‘’]")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def question_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each question in a sentence: from the start of the clause
    or the opening quote to its question mark."""
    spans = []
    for mark in re.finditer(r"\?", text):
        start = 0
        for boundary in _CLAUSE_ENDS.finditer(text, 0, mark.start()):
            start = boundary.end()
        spans.append((start, mark.end()))
    return spans


def _trigger_at(event: Event, text: str) -> int | None:
    """Where the words of the act that triggered ``event`` stand in its sentence."""
    trigger = event.trigger or ""
    inner = re.search(r"\(([^()]*)\)", trigger)  # "said (attack)": the act reported
    words = _WORD.findall(inner.group(1) if inner else trigger)
    lowered = text.lower()
    for word in words:
        found = re.search(r"\b" + re.escape(word.lower()) + r"\b", lowered)
        if found:
            return found.start()
    return None


def asked(event: Event, text: str) -> bool:
    """Whether the event is what a question in its sentence asks about."""
    spans = question_spans(text)
    if not spans:
        return False
    at = _trigger_at(event, text)
    if at is None:
        return text.rstrip(_OPEN_QUOTES + "”’ ").endswith("?")
    return any(start <= at < end for start, end in spans)


def apply_voices(coded: CodedDocument) -> None:
    """Give the events of a coded document the voices their discourse gives them."""
    by_index = {sentence.index: sentence.text for sentence in coded.sentences}
    for event in coded.events:
        text = by_index.get(event.sentence_index, event.sentence)
        # "Will Iran strike back?": a question's "will" asks, it does not foretell
        if event.modality in ("asserted", "future") and "?" in text and asked(event, text):
            event.modality = "hypothetical"
