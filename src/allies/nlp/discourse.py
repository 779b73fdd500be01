"""Voice from the discourse around an event, applied after the coder.

The event coder gives each event the voice its own clause carries ("said it
would", "denied"). Some voices come from the shape of the text around it:

- a question, in a headline ("Will Iran strike back?") or in a quote
  ("'Why would we attack our neighbour?' the minister asked"), claims nothing:
  the events asked about are hypothetical and never count as facts;
- a state named only as the owner of others ("attacks on U.S. allies", "Russia's
  neighbours") is not a side of the event: the side is those others, whom the
  article does not name, so the event stays as evidence below the counting
  confidence;
- a headline that restates an act the body reports (same root, same states)
  is not a second report of it: the body's sentence is the evidence, and the
  headline's event stays below the counting confidence;
- a quote that runs on into sentences or paragraphs with no attribution of
  their own ('"We will not wait forever," Aliyev said. "Armenia must...') is
  still the speaker's: its events keep the speaker, and "we" in it is the
  speaker's side;
- experts or journalists described by their institution ("analysts at a
  Georgian research centre", "experts from a Turkish think tank") take the
  nationality the description gives.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Actor, CodedDocument, Event

# An event one of whose sides turned out to be unnamed others, or a headline's
# restatement of the body, falls below the confidence at which relations count
# events (like an unresolved target, it stays as evidence).
UNNAMED_SIDE_CONFIDENCE = 0.45
_DESCRIBED_SECTORS = ("experts", "media")
_AFFILIATION = re.compile(r"\s+(at|from|of|with)\s+((?:the|a|an)\s+)?")

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


def others_named(actor: Actor | None, text: str, kb) -> Actor | None:
    """The unnamed others a state mention stands for in ``text`` ("U.S." in "U.S.
    allies", "Iran" in "allies of Iran"), or None when the mention is the state."""
    if actor is None or not actor.country or not actor.text:
        return None
    if not kb.other_nouns.intersection(_WORD.findall(text.lower())):
        return None  # no "allies", "neighbours" or the like in the sentence
    written = re.escape(actor.text)
    after = re.search(r"(?<![\w.])" + written + r"(?:['’]s)?\s+([a-z]+)\b", text)
    if after and kb.names_others(f"{actor.text} {after.group(1)}"):
        return Actor(text=f"{actor.text} {after.group(1)}")
    before = re.search(r"\b([a-z]+)\s+of\s+(?:the\s+)?" + written + r"(?![\w])", text)
    if before and kb.names_others(f"{before.group(1)} of {actor.text}"):
        return Actor(text=f"{before.group(1)} of {actor.text}")
    return None


def described(actor: Actor | None, text: str, trigger_at: int | None, kb, date: str | None) -> Actor | None:
    """A generic actor with its institution's nationality: "analysts at a Georgian
    research centre" -> Georgian experts. None when the sentence gives none."""
    if actor is None or actor.country or not actor.text or actor.text not in text:
        return None
    checked_sector = False
    for found in re.finditer(r"(?<![\w])" + re.escape(actor.text) + r"(?![\w])", text):
        affiliation = _AFFILIATION.match(text, found.end())
        if affiliation is None:
            continue
        if not checked_sector:
            if kb.sector_of(actor.text) not in _DESCRIBED_SECTORS + (None,):
                return None
            checked_sector = True
        end = len(text)
        if trigger_at is not None and trigger_at > affiliation.end():
            end = trigger_at
        tail = re.split(r"[,;:()\"“”]|\s(?:said|says|told|who|which|that)\s", text[affiliation.end():end])[0]
        words = tail.split()[:6]
        if not words:
            continue
        words[-1] = words[-1].rstrip(".!?")
        # the shortest description that gives a nationality, before the verb and its objects
        for length in range(1, len(words) + 1):
            phrase = f"{actor.text} {affiliation.group(1)} {affiliation.group(2) or ''}{' '.join(words[:length])}"
            resolved = kb.lookup(phrase, date)
            if resolved is not None and resolved.country and resolved.sector in _DESCRIBED_SECTORS:
                return Actor(text=phrase, code=resolved.code, country=resolved.country, sector=resolved.sector)
    return None


def _sides(event: Event) -> tuple[str | None, str | None, str]:
    target = event.target.country if event.target is not None else None
    return event.source.country, target, event.cameo[:2]


def restated_by_body(coded: CodedDocument) -> list[Event]:
    """The headline's events that the body reports again between the same states."""
    headline = {sentence.index for sentence in coded.sentences if sentence.is_headline}
    if not headline:
        return []
    body = {_sides(e) for e in coded.events if e.sentence_index not in headline}
    return [e for e in coded.events if e.sentence_index in headline
            and e.source.country and e.target is not None and e.target.country and _sides(e) in body]


_OPENING = ("\"", "“")
_CLOSING = ("\"", "”")
_FIRST_PERSON = frozenset(("we", "us"))


def continues_quote(text: str) -> bool:
    """Whether a sentence is quoted words with no attribution of its own: it opens
    with a quotation mark and nothing but punctuation follows its last closing one."""
    if not text.startswith(_OPENING):
        return False
    body = text[1:]
    last = max(body.rfind(mark) for mark in _CLOSING)
    return last < 0 or not body[last + 1:].strip(" .,!?;:'’")


def carry_quoted_speakers(coded: CodedDocument) -> None:
    """Give the speaker of a quote to the sentences that continue it (see the module)."""
    by_sentence: dict[int, list[Event]] = {}
    for event in coded.events:
        by_sentence.setdefault(event.sentence_index, []).append(event)
    speaker: Actor | None = None
    for sentence in coded.sentences:
        events = by_sentence.get(sentence.index, [])
        text = sentence.text
        if sentence.is_headline:
            continue
        if continues_quote(text):
            if speaker is None:
                continue
            for event in events:
                if event.speaker is None:
                    event.speaker = replace(speaker)
                if event.source.text.lower() in _FIRST_PERSON and speaker.country:
                    event.source = Actor(text=event.source.text, code=speaker.code, country=speaker.country,
                                         sector=speaker.sector, person=speaker.person)
            continue
        quoted = any(mark in text for mark in _OPENING + _CLOSING)
        said = next((e.speaker for e in events if e.speaker is not None and e.speaker.country), None)
        speaker = said if quoted else None


def apply_voices(coded: CodedDocument, kb=None) -> None:
    """Give the events of a coded document the voices and sides their discourse gives them."""
    by_index = {sentence.index: sentence.text for sentence in coded.sentences}
    date = coded.document.date
    for event in restated_by_body(coded):
        event.confidence = min(event.confidence, UNNAMED_SIDE_CONFIDENCE)
    carry_quoted_speakers(coded)
    for event in coded.events:
        text = by_index.get(event.sentence_index, event.sentence)
        # "Will Iran strike back?": a question's "will" asks, it does not foretell
        if event.modality in ("asserted", "future") and "?" in text and asked(event, text):
            event.modality = "hypothetical"
        if kb is None:
            continue
        for side in ("source", "target"):
            others = others_named(getattr(event, side), text, kb)
            if others is not None:
                setattr(event, side, others)
                event.confidence = min(event.confidence, UNNAMED_SIDE_CONFIDENCE)
        at = None
        for side in ("source", "target", "speaker"):
            actor = getattr(event, side)
            if actor is None or actor.country or not actor.text:
                continue
            at = at if at is not None else _trigger_at(event, text)
            nationality = described(actor, text, at, kb, date)
            if nationality is not None:
                setattr(event, side, replace(nationality))
