"""The document model every stage shares.

Data flows one way: ingest produces :class:`Document` objects, the nlp stage
turns each into a :class:`CodedDocument` (sentences, actor mentions, events),
the store keeps them, and relations/web read events back from the store.
Imported datasets (GDELT, ICEWS, ...) produce rows of the same ``events``
table directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
MODALITIES = ("asserted", "hypothetical", "conditional", "future", "requested", "denied")
SECTORS = (
    "government", "military", "legislature", "judiciary", "police", "rebels",
    "opposition", "business", "media", "civilians", "experts", "organisation",
)


# Events below this confidence are kept, with their voice, but count for no relation.
FACT_CONFIDENCE = 0.5


def fact_sql(alias: str = "e") -> str:
    """SQL for :attr:`Event.counts_as_fact` over an events row (dataset rows carry
    no confidence and count)."""
    return (f"(NOT coalesce({alias}.negated, false) AND coalesce({alias}.modality, 'asserted') = 'asserted' "
            f"AND coalesce({alias}.confidence, 1) >= {FACT_CONFIDENCE})")


@dataclass
class Actor:
    """Someone who acts or is acted upon, resolved as far as the coder can.

    ``code`` is a CAMEO-style actor code ("RUSGOV", "AZEMIL", "NATO"),
    ``country`` an ISO 3166-1 alpha-3 code (XKX for Kosovo) or None for
    organisations, ``sector`` one of :data:`SECTORS` or None.
    """

    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    person: str | None = None  # canonical name when the actor is a known person

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "country": self.country, "sector": self.sector}


@dataclass
class Event:
    """Who did what to whom in one sentence, with the sentence's voice."""

    sentence_index: int
    sentence: str
    source: Actor
    target: Actor | None
    cameo: str
    quad: str
    goldstein: float
    plover: str | None = None
    negated: bool = False
    modality: str = "asserted"
    speaker: Actor | None = None
    date: str | None = None  # ISO date of the event itself, when known
    confidence: float = 0.5
    doc: Any = None  # the document the event came from (id, line number, ...)
    trigger: str | None = None  # the words that carried the action
    rule: str | None = None  # the coder's rules that made it: "verb_patterns.tsv:57 + carrier_codes.tsv:26"

    @property
    def counts_as_fact(self) -> bool:
        """Whether the event may count for a relation: asserted, not negated and at
        least FACT_CONFIDENCE confident (the relations cache's ``usable`` column
        says the same in SQL: :func:`fact_sql`)."""
        return not self.negated and self.modality == "asserted" and self.confidence >= FACT_CONFIDENCE

    def to_dict(self) -> dict[str, Any]:
        speaker = None
        if self.speaker is not None:
            speaker = {"text": self.speaker.text, "code": self.speaker.code, "country": self.speaker.country}
        return {
            "doc": self.doc,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "negated": self.negated,
            "modality": self.modality,
            "speaker": speaker,
            "date": self.date,
            "confidence": round(float(self.confidence), 3),
            "trigger": self.trigger,
            "rule": self.rule,
        }


@dataclass
class Document:
    """One article as ingest found it."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD)
    source: str | None = None  # outlet name
    url: str | None = None
    path: str | None = None  # where it was read from
    doc_id: Any = None


@dataclass
class Sentence:
    """A sentence of a document. Offsets are into the document's text, or into its
    title for a headline that the text does not repeat."""

    index: int
    text: str
    start: int  # character offsets into the document text
    end: int
    is_headline: bool = False  # the article's headline, coded as a sentence of its own


@dataclass
class Mention:
    """An actor mention in a sentence, resolved or not."""

    sentence_index: int
    start: int
    end: int
    actor: Actor


@dataclass
class CodedDocument:
    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    descriptions: list[Description] = field(default_factory=list)  # the relation as described (nlp.descriptions)


# The states a sentence may describe a relation as being in, from the warmest to
# the most hostile; the first three are good (polarity +1), the rest bad (-1).
DESCRIBED_STATES = ("allied", "cooperative", "improving", "strained", "tense", "broken", "hostile", "at_war")
GOOD_STATES = frozenset(DESCRIBED_STATES[:3])


@dataclass
class Description:
    """What one sentence says the relation between two states is ("tensions
    between X and Y escalated", "Belarus, a longtime ally of Russia").

    ``country_a`` < ``country_b`` (ISO3); ``state`` one of
    :data:`DESCRIBED_STATES`; ``describer`` "reporter" (the sentence's own
    voice), "side" (a speaker of one of the two states) or "third_party" (any
    other speaker), ``describer_country`` the speaker's state when known;
    ``modality`` asserted, hypothetical, question or historical ("former
    allies", "the 1971 war"). Only asserted, non-negated descriptions count.
    """

    sentence_index: int
    sentence: str
    country_a: str
    country_b: str
    state: str
    describer: str = "reporter"
    describer_country: str | None = None
    speaker: Actor | None = None
    negated: bool = False
    modality: str = "asserted"
    trigger: str | None = None  # the words that carried the description
    date: str | None = None
    doc: Any = None

    @property
    def polarity(self) -> int:
        return 1 if self.state in GOOD_STATES else -1

    @property
    def counts(self) -> bool:
        return not self.negated and self.modality == "asserted"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "description", "doc": self.doc, "sentence_index": self.sentence_index,
            "sentence": self.sentence, "pair": [self.country_a, self.country_b], "state": self.state,
            "polarity": self.polarity, "describer": self.describer, "describer_country": self.describer_country,
            "speaker": self.speaker.to_dict() if self.speaker else None, "negated": self.negated,
            "modality": self.modality, "trigger": self.trigger, "date": self.date,
        }
