"""The rule path (no parse): a description's words read off the plain text around the mentions."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Actor
from ..function_words import alternation, function_words
from .found import ArticleMemory, Found
from .lexicon import resolve_state

if TYPE_CHECKING:
    from .finder import DescriptionFinder

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _word_forms(word: str) -> list[str]:
    """The word and the lemmas it may be a form of ("soured" -> "sour", "easing" -> "ease")."""
    forms = [word, plain_lemma(word)]
    for suffix in ("ed", "ing", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "cutting" -> "cut"
    return forms


def plain_lemma(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# The word classes of data/function_words.tsv, which says what each does here.
_PLAIN_PREPOSITIONS = function_words("plain_preposition")
# Between a subject and its relation noun: no clause break, no other actor's name.
_PLAIN_STOP = re.compile(rf"[,;:\"“”]|\b(?:{alternation('plain_clause_break')})\b")
_NEGATION = re.compile(rf"\b(?:{alternation('plain_negation')})\b", re.IGNORECASE)
_MODALS = re.compile(rf"\b(?:{alternation('plain_hypothetical')})\s+\S*\s*$", re.IGNORECASE)
_PAST = re.compile(rf"\b(?:{alternation('plain_past')})\s+\S*\s*$", re.IGNORECASE)


def plain_rules(finder: DescriptionFinder, text: str, words, mentions, memory: ArticleMemory,
                 blockers: list[tuple[int, int]]) -> list[Found]:
    lex = finder.lex
    found: list[Found] = []
    for position, (start, end, word) in enumerate(words):
        lemma = word if word in finder.triggers else plain_lemma(word)
        if lemma not in finder.triggers or text[start:start + 1].isupper() and start > 0:
            continue
        # the words around it, not across a preposition or a clause ("after a break in ties")
        lead = []
        for _, _, w in reversed(words[max(0, position - 3):position]):
            if w in _PLAIN_PREPOSITIONS:
                break
            lead.append(w)
        window = [form for w in lead for form in _word_forms(w)]
        window += [form for _, _, w in words[position + 1:position + 4] for form in _word_forms(w)]
        pair, state = None, None
        if lemma in lex.relation:
            state = resolve_state(lex.relation[lemma], window, lex, lemma)
            pair = _plain_relation_pair(finder, text, start, end, mentions, memory, blockers)
        elif lemma in lex.role:
            state = lex.role[lemma]
            pair = _plain_role_pair(text, start, end, mentions)
        if pair is None or state is None:
            continue
        before = text[max(0, start - 40):start]
        negated = bool(_NEGATION.search(before[-25:]))
        modality = "historical" if _PAST.search(before) else ("hypothetical" if _MODALS.search(before) else "asserted")
        speaker = _plain_speaker(finder, text, start, words, mentions)
        found.append(Found(pair, state, text[start:end], negated, modality, speaker, start))
    return found


def _plain_relation_pair(finder, text, start, end, mentions, memory, blockers):
    after = [m for m in mentions if m[0] >= end]
    tail = text[end:end + 60].lower()
    between = re.match(r"\s+between\s+", tail)
    if between:
        close = [m for m in after if m[0] - end < 60]
        if len(close) >= 2 and text[close[0][1]:close[1][0]].strip().lower() in ("and", ", and"):
            return close[0][2].country, close[1][2].country
        if finder._pair_phrase.match(tail[between.end():]):
            return finder._context_pair(mentions, memory)
        return None
    before = [m for m in mentions if m[1] <= start]
    # "Russia-Ukraine relations", "US-China trade tensions"
    if len(before) >= 2 and start - before[-1][1] < 25 and re.fullmatch(r"\s*[-–—/]\s*", text[before[-2][1]:before[-1][0]]):
        return before[-2][2].country, before[-1][2].country
    with_ = re.match(r"\s+(?:with|against)\s+", tail)
    # "Peru severed diplomatic relations with Mexico": the state just before is the subject
    if with_ and after and after[0][0] - end <= with_.end() + 4 and before and start - before[-1][1] <= 45 \
            and not _PLAIN_STOP.search(text[before[-1][1]:start]) \
            and not any(before[-1][1] <= s and e <= start for s, e in blockers):
        return before[-1][2].country, after[0][2].country
    return None


def _plain_role_pair(text, start, end, mentions):
    before = [m for m in mentions if m[1] <= start]
    after = [m for m in mentions if m[0] >= end]
    tail = text[end:end + 40]
    # "Belarus, a longtime ally of Russia"
    of = re.match(r"\s+of\s+", tail)
    if of and after and after[0][0] == end + of.end() and before:
        between = text[before[-1][1]:start]
        if re.fullmatch(r",\s+(?:a|an|the|its)?\s*(?:[a-z-]+\s+){0,3}", between):
            return before[-1][2].country, after[0][2].country
        if re.fullmatch(r"\s+(?:is|was|remains|has been|became)\s+(?:not\s+|no longer\s+)?(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}",
                        between):
            return before[-1][2].country, after[0][2].country
        return None
    # "Russia's ally Belarus", "Russia's closest ally, Belarus"
    if before and after and re.fullmatch(r"(?:'s|’s)\s+(?:[a-z-]+\s+){0,3}", text[before[-1][1]:start]) \
            and re.fullmatch(r",?\s+", text[end:after[0][0]]):
        return before[-1][2].country, after[0][2].country
    # "X and Y are longtime rivals"
    if len(before) >= 2 and text[before[-2][1]:before[-1][0]].strip().lower() == "and" \
            and re.fullmatch(r"\s+(?:are|were|remain|have been|had been|became)\s+(?:[a-z-]+\s+){0,2}",
                             text[before[-1][1]:start]):
        return before[-2][2].country, before[-1][2].country
    return None


def _plain_speaker(finder, text, start, words, mentions) -> Actor | None:
    for w_start, _w_end, word in words:
        if w_start >= start:
            break
        lemma = finder.book.verb_lemma(word) or word
        if "speech" in finder.book.word_category.get(lemma, ()):
            earlier = [m for m in mentions if m[1] <= w_start]
            if earlier:
                return earlier[-1][2]
    return None
