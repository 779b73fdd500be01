"""The rule-based coder: used when no spaCy model can be loaded.

Degraded but working: sentences are split by a regular expression, actors are
the knowledge base's mentions, verbs are found by their word forms (regular
suffixes and an irregular-verb table), the source is the nearest actor before
the verb and the target the nearest after it ("by" after a passive verb swaps
them). Negation, modals, "if" and the verbs of saying are read off the words
around the verb.
"""
from __future__ import annotations

import re
from typing import Callable

from ..model import CodedDocument, Document, Event, Mention, Sentence
from .dates import StoryDates, resolve_date
from .patterns import NO_EVENT, PatternBook

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PREPOSITIONS = {"with", "on", "upon", "for", "against", "to", "from", "of", "at", "into", "about", "over", "up",
                 "down", "out", "off", "back", "in", "by", "between", "away", "behind", "towards", "toward"}
_BE_FORMS = {"was", "were", "is", "are", "been", "being", "be"}
_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
                            r"|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|No)\.$")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their character offsets, split at end punctuation before a capital."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        piece_end = match.start()
        if _ABBREVIATIONS.search(text[max(start, piece_end - 6):piece_end]):
            continue
        _append(sentences, text, start, piece_end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    begin = start + (len(piece) - len(piece.lstrip()))
    sentences.append(Sentence(len(sentences), stripped, begin, begin + len(stripped)))


class RuleCoder:
    """Codes documents without a parser."""

    def __init__(self, book: PatternBook, cameo_info: Callable[[str], object], kb):
        self.book = book
        self.cameo_info = cameo_info
        self.kb = kb

    def lemma(self, word: str) -> str | None:
        """The verb-pattern lemma a word form belongs to, if any."""
        return self.book.verb_lemma(word)

    def _noun(self, word: str) -> str:
        lower = word.lower()
        if lower.endswith("ies"):
            return lower[:-3] + "y"
        if lower.endswith("s") and not lower.endswith("ss"):
            return lower[:-1]
        return lower

    def code_document(self, document: Document) -> CodedDocument:
        coded = CodedDocument(document=document, sentences=split_sentences(document.text))
        dates = StoryDates(document.date)
        for sentence in coded.sentences:
            found = sorted(self.kb.find_mentions(sentence.text, document.date), key=lambda m: m[0])
            for start, end, actor in found:
                coded.mentions.append(Mention(sentence.index, sentence.start + start, sentence.start + end, actor))
            coded.events.extend(self.code_sentence(sentence, found, document, dates.date(sentence.text)))
        return coded

    def _triggers(self, words: list, mentions: list) -> list[tuple]:
        """(position, lemma, code, frame, rule) of the words that code an event, outside actor names."""
        inside = [any(s <= w[0] < e for s, e, _ in mentions) for w in words]
        triggers = []
        for position, (start, end, word) in enumerate(words):
            if inside[position]:
                continue
            lemma = self.lemma(word)
            if lemma is None:
                continue
            following = words[position + 1:position + 6]
            preps = {w.lower() for _, _, w in following[:3] if w.lower() in _PREPOSITIONS}
            objects = {self._noun(w) for _, _, w in following}
            frame = self.book.match_verb(lemma, preps, objects, {"": objects})
            if frame is not None and frame.cameo == NO_EVENT:
                continue  # a figure of speech ("struck a balance"): no act
            code = frame.cameo if frame else None
            rule = frame.where if frame else None
            if code is None and lemma in self.book.support_verbs:
                for _, _, w in following[:3]:
                    code = self.book.noun_code(self._noun(w))
                    if code:
                        rule = self.book.where[("noun", self._noun(w))]
                        break
            if code is None:
                continue
            triggers.append((position, lemma, code, frame, rule))
        return triggers

    def _voice(self, previous: list[str], conditional: bool) -> tuple[bool, str]:
        """(negated, modality) from the four words before the verb and any condition marker."""
        negation = self.book.voice.get("negation", ())
        negated = any(w in negation or w.endswith("n't") for w in previous)
        modality = "asserted"
        if any(w in self.book.voice.get("hypothetical", ()) for w in previous):
            modality = "hypothetical"
        elif any(w in self.book.voice.get("future", ()) for w in previous):
            modality = "future"
        if conditional:
            modality = "conditional"
        if previous and previous[-1] == "to" and len(previous) > 1:
            carrier = self.lemma(previous[-2]) or previous[-2]
            kinds = self.book.word_category.get(carrier, set())
            if "appeal" in kinds or "demand" in kinds:
                modality = "requested"
            elif "reject" in kinds:
                negated = True
            elif kinds & {"intent", "future_frame"} and modality == "asserted":
                modality = "future"
            elif kinds & {"hope_frame", "threaten"} and modality == "asserted":
                modality = "hypothetical"
        return negated, modality

    def code_sentence(self, sentence: Sentence, mentions: list, document: Document,
                      date: str | None = None) -> list[Event]:
        """The events of one sentence; ``date`` is the sentence's (else it is read from the sentence alone)."""
        text = sentence.text
        date = date if date is not None else resolve_date(text, document.date)
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
        if self.book.is_sport(w[2].lower() for w in words):
            return []  # a match report: no act between states
        triggers = self._triggers(words, mentions)
        if not triggers:
            return []
        events = []
        speech_positions = [t for t in triggers if "speech" in self.book.word_category.get(t[1], ())]
        trigger_positions = {t[0] for t in triggers}
        conditions = self.book.voice.get("conditional", ())
        for index, (position, lemma, code, frame, rule) in enumerate(triggers):
            start = words[position][0]
            later_event = any(t[0] > position for t in triggers)
            if "speech" in self.book.word_category.get(lemma, ()) and later_event:
                continue  # "X said Y attacked Z": the saying is not the event
            next_start = words[triggers[index + 1][0]][0] if index + 1 < len(triggers) else len(text)
            before = [m for m in mentions if m[1] <= start]
            after = [m for m in mentions if start < m[0] < next_start]
            if not before:
                continue
            source, target = before[-1], (after[0] if after else None)
            previous = [w.lower() for _, _, w in words[max(0, position - 4):position]]
            passive = previous and previous[-1] in _BE_FORMS | {"been", "being"}
            if passive:
                by_agent = [m for m in after if text[:m[0]].rstrip().lower().endswith(" by")]
                source, target = (by_agent[0], before[-1]) if by_agent else (None, before[-1])
                if source is None:
                    continue
            sources = [source]
            # "X and Y met": the actor before "and" acts too
            if len(before) > 1 and text[before[-2][1]:before[-1][0]].strip().lower() in ("and", ",", ", and"):
                sources.insert(0, before[-2])
            # a condition marker before the verb ("if", "unless", "whether"); "provided" that is
            # itself the sentence's verb ("has provided aid") is no marker
            conditional = any(words[p][2].lower() in conditions for p in range(position) if p not in trigger_positions)
            negated, modality = self._voice(previous, conditional)
            speaker = None
            for speech in speech_positions:
                if speech[0] < position:
                    earlier = [m for m in mentions if m[1] <= words[speech[0]][0]]
                    if earlier:
                        speaker = earlier[-1][2]
            pairs = [(s[2], target[2] if target else None) for s in sources]
            if len(sources) > 1 and target is None and self.book.is_symmetric(code):
                pairs = [(sources[0][2], sources[1][2]), (sources[1][2], sources[0][2])]
            for src, tgt in pairs:
                info = self.cameo_info(code)
                if info is None or (tgt is not None and src.text == tgt.text):
                    continue
                events.append(Event(
                    sentence_index=sentence.index, sentence=text, source=src, target=tgt, cameo=code,
                    quad=info.quad, goldstein=info.goldstein, plover=info.plover, negated=negated,
                    modality=modality, speaker=speaker, date=date,
                    confidence=_confidence(src, tgt, frame, speaker),
                    doc=document.doc_id, trigger=words[position][2], rule=rule,
                ))
        return events


def _confidence(source, target, frame, speaker) -> float:
    """Confidence of an event found without a parse: lower than the parser's for the
    same sentence, and at least one half only when both sides are states or
    organisations the knowledge base knows and no one else reports the act (relations
    count events from one half up, so the rule path still informs a verdict)."""
    confidence = 0.3 + (0.1 if frame is not None and frame.specificity else 0.0)
    known = all(actor is not None and (actor.country or actor.code) for actor in (source, target))
    if known and speaker is None:
        confidence += 0.2
    return round(confidence, 2)
