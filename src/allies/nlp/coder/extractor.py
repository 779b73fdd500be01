"""The event extractor: every stage over one parsed sentence."""
from __future__ import annotations

from typing import Callable

from ..patterns import PatternBook
from .actor_phrases import ActorStage
from .arguments import ArgumentStage
from .coding import CodingStage
from .confidence import ConfidenceStage
from .event_nouns import EventNounStage
from .orders import OrderStage
from .resolver import ActorResolver
from .triggers import TriggerStage
from .voice import VoiceStage


class EventExtractor(CodingStage, VoiceStage, ArgumentStage, EventNounStage, OrderStage, TriggerStage, ActorStage,
                     ConfidenceStage):
    """Codes parsed sentences with a :class:`PatternBook`."""

    def __init__(self, book: PatternBook, cameo_info: Callable[[str], object]):
        self.book = book
        self.cameo_info = cameo_info
        self._after_dateline = 0  # where the sentence being coded starts, after any dateline
        self._resolver: ActorResolver | None = None  # the article's, while one of its sentences is coded
        self._frames_seen: dict | None = None  # verbs' prepositions and objects, per sentence
        self.trace: list | None = None  # set to a list to keep each sentence's SentenceTrace
