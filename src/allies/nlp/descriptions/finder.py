"""The description finder: a sentence's trigger words, its states, and the parsed or plain path."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ...model import Actor, Description
from .found import ArticleMemory, Found, is_state
from .lexicon import Lexicon, lexicon
from .parsed import Parse, is_name
from .plain import WORD, plain_lemma, plain_rules


class DescriptionFinder:
    """Finds descriptions of relations in sentences (parsed or plain)."""

    def __init__(self, kb, book, lex: Lexicon | None = None):
        self.kb = kb
        self.book = book
        self.lex = lex or lexicon()
        self.triggers = self.lex.triggers
        self._trigger_ids: frozenset[int] | None = None
        pair_nouns = "|".join(sorted(re.escape(w) for w, kind in book.coreference.items() if kind == "pair"))
        the_pair = "|".join(sorted(re.escape(w) for w, kind in book.coreference.items() if kind == "the_pair"))
        # "the two countries", "both nuclear-armed states", "the neighbours", "the nuclear-armed
        # neighbours" (up to three words of description, a hyphen counted; "the other rivals" are others)
        described = r"(?:(?!other\b)[\w-]+\s+){0,3}"
        self._pair_phrase = re.compile(rf"\b(?:the two|both)\s+{described}(?:{pair_nouns})\b"
                                       rf"|\bthe\s+(?:{pair_nouns})\b|\bthe\s+{described}(?:{the_pair})\b",
                                       re.IGNORECASE)
        self._skip = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in self.lex.skip) + r")\b", re.IGNORECASE)

    # -- shared -------------------------------------------------------------
    def _mentions(self, text: str, date: str | None, extra: Iterable = (), raw: list | None = None
                  ) -> list[tuple[int, int, Actor]]:
        """The states a sentence names: the knowledge base's mentions (``raw`` when
        already found) and ``extra`` ones the article has learned."""
        raw = self.kb.find_mentions(text, date) if raw is None else raw
        found = [m for m in raw if is_state(m[2])]
        for start, end, actor in extra:
            if is_state(actor) and not any(s < end and start < e for s, e, _ in found):
                found.append((start, end, actor))
        return sorted(found, key=lambda m: m[0])

    def _wanted(self, text: str) -> bool:
        return not self._skip.search(text)

    def _finish(self, found: list[Found], text: str, sentence_index: int, memory: ArticleMemory,
                mentions, date: str | None) -> list[Description]:
        countries = list(dict.fromkeys(m[2].country for m in mentions))
        out: list[Description] = []
        seen = set()
        question = text.rstrip().rstrip("\"'”’)").endswith("?")
        for item in found:
            a, b = sorted(item.pair)
            key = (a, b, item.state, item.start)
            if a == b or key in seen:
                continue
            seen.add(key)
            speaker = item.speaker
            describer, describer_country = "reporter", None
            if speaker is not None:
                describer_country = speaker.country
                describer = "side" if speaker.country in (a, b) else "third_party"
            modality = "question" if question and item.modality == "asserted" else item.modality
            out.append(Description(
                sentence_index=sentence_index, sentence=text.strip(), country_a=a, country_b=b, state=item.state,
                describer=describer, describer_country=describer_country, speaker=speaker,
                negated=item.negated, modality=modality, trigger=item.trigger, date=date))
        if len(countries) == 2:
            memory.last_pair = (countries[0], countries[1])
        elif out:
            memory.last_pair = (out[-1].country_a, out[-1].country_b)
        return out

    def _context_pair(self, mentions, memory: ArticleMemory) -> tuple[str, str] | None:
        """The two states "the two countries" stands for."""
        countries = list(dict.fromkeys(m[2].country for m in mentions))
        if len(countries) == 2:
            return countries[0], countries[1]
        for earlier in reversed(memory.recent[:-1]):
            found = earlier() if callable(earlier) else earlier
            countries = list(dict.fromkeys(a.country for _s, _e, a in found if is_state(a)))
            if len(countries) == 2:
                return countries[0], countries[1]
            if countries:
                break
        return memory.last_pair

    # -- with a parse ---------------------------------------------------------
    def find_parsed(self, sent, sentence_index: int, memory: ArticleMemory, date: str | None = None,
                    mentions: Iterable = (), resolve: Callable[[str], Actor | None] | None = None
                    ) -> list[Description]:
        """Descriptions in one spaCy sentence span. ``mentions`` are extra
        (start, end, Actor) in sentence offsets (names the article has learned)."""
        memory.remember(mentions)
        if self._trigger_ids is None:
            from spacy.strings import hash_string  # a spaCy parse means spaCy is there

            self._trigger_ids = frozenset(hash_string(word) for word in self.triggers)
        # compare the tokens' string ids, not their text: this runs on every sentence
        ids = self._trigger_ids
        heads = [t for t in sent if t.lower in ids or t.lemma in ids]
        if not heads:
            return []
        text = sent.text
        if not self._wanted(text):
            return []
        offset = sent.start_char
        raw = self.kb.find_mentions(text, memory.date)
        state_mentions = self._mentions(text, memory.date, mentions() if callable(mentions) else mentions, raw)
        if len(state_mentions) < 1 and not self._pair_phrase.search(text):
            return []
        parse = Parse(self, sent, offset, state_mentions, raw, memory, resolve)
        found: list[Found] = []
        for token in heads:
            if is_name(token):
                continue
            word = token.lower_ if token.lower_ in self.triggers else token.lemma_.lower()
            if word in self.lex.role and token.pos_ in ("NOUN", "PROPN"):
                found += parse.role(token, self.lex.role[word])
            elif word in self.lex.relation and token.pos_ in ("NOUN", "PROPN"):
                found += parse.relation(token, self.lex.relation[word])
            predicate = self._predicate(token)
            if predicate is not None:
                found += parse.predicate(token, predicate)
        return self._finish(found, text, sentence_index, memory, state_mentions, date)

    def _predicate(self, token) -> str | None:
        for words, state in self.lex.predicate.items():
            if token.lower_ != words[-1] and token.lemma_.lower() != words[-1]:
                continue
            before = [t.lower_ for t in token.doc[max(0, token.i - len(words) + 1):token.i]]
            if tuple(before) == words[:-1]:
                return state
        return None

    # -- without a parse ----------------------------------------------------
    def find_plain(self, text: str, sentence_index: int, memory: ArticleMemory, date: str | None = None,
                   mentions: Iterable = ()) -> list[Description]:
        """Descriptions in one sentence of plain text (the degraded rule path)."""
        memory.remember(mentions)
        words = [(m.start(), m.end(), m.group(0).lower()) for m in WORD.finditer(text)]
        if not any(plain_lemma(w) in self.triggers or w in self.triggers for _, _, w in words):
            return []
        if not self._wanted(text):
            return []
        raw = self.kb.find_mentions(text, memory.date)
        state_mentions = self._mentions(text, memory.date, mentions() if callable(mentions) else mentions, raw)
        # with no parse, a non-state name between a subject and its relation noun ends the search for a pair
        blockers = [(s, e) for s, e, a in raw if not is_state(a)]
        found = plain_rules(self, text, words, state_mentions, memory, blockers)
        return self._finish(found, text, sentence_index, memory, state_mentions, date)
