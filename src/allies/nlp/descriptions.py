"""The relation as described: what a sentence says the relation between two
states *is* ("tensions between X and Y escalated", "relations have been tense
since 2016", "Belarus, a longtime ally of Russia", "the two countries restored
diplomatic ties").

The words are data (``data/relation_descriptions.tsv``): nouns naming the
relation ("relations", "tensions", "war"), nouns one state is to another
("ally", "rival"), predicates ("allied with", "at odds") and the words that set
or change the state ("strained", "deteriorated", "rising", "restored"). This
module holds the mechanism:

- the two states must both be named by the description's own phrase: "between
  X and Y", "X-Y relations", "X's ties with Y", the clause's subject and "with
  Y", "X's ally Y", "Y, an ally of X", "X and Y are rivals". A state merely
  elsewhere in the sentence is never drawn in: "Russia, Armenia's formal ally,
  welcomed the agreement" describes Russia-Armenia only, and "attacks on U.S.
  allies" names no second state, so it describes nothing. "The two countries"
  and "both nations" stand for the two states the sentence names, else the
  last two the article named together;
- negation ("is not an ally", "no longer allies") is kept as ``negated``;
  questions, hypotheticals ("seeking to improve ties", "could lead to worsening
  ties") and the past ("former allies", "the 1971 war") get their ``modality``
  and do not count;
- who describes: the reporter, or when the description sits in reported speech
  the speaker, as one of the two sides or a third party;
- sport ("India defeat their rival Pakistan") describes no relation between states.

With a spaCy parse the phrases come from the dependency tree; without a model a
degraded rule path reads the same words off the plain text around the
knowledge base's mentions.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..errors import AlliesError
from ..model import DESCRIBED_STATES, GOOD_STATES, Actor, Description

DATA_FILE = "relation_descriptions.tsv"
KINDS = ("relation", "role", "predicate", "quality", "better", "worse", "more", "less", "end", "past", "unreal",
         "skip")
_STATED_KINDS = {"role", "predicate", "quality", "better", "worse"}  # kinds that must give a state
# Sectors that do not speak or act for a state in a description of its relations.
_NON_STATE_SECTORS = {"rebels", "opposition", "business", "media", "civilians", "experts"}
# Voice categories (voice_words.tsv) whose verbs make what they govern only hoped, planned or asked for.
_UNREAL_CATEGORIES = {"hypothetical", "future", "intent", "hope_frame", "appeal", "demand", "future_frame",
                      "threaten", "order"}
# Prepositions whose object is taken as given, whatever the clause hopes or plans.
_ADJUNCT_PREPOSITIONS = {"amid", "amidst", "during", "despite", "throughout"}
# Prepositions whose object is over by the time of the clause ("orders ... following the Iran-Israel war").
_PAST_PREPOSITIONS = {"after", "following", "since"}
# Prepositions on a relation's verb whose object may be its state ("under strain", "to their lowest point").
_STATE_PREPOSITIONS = {"under", "to", "into", "at", "in"}


@dataclass(frozen=True)
class Lexicon:
    """The words of relation_descriptions.tsv by kind."""

    relation: dict[str, str | None]
    role: dict[str, str]
    predicate: dict[tuple[str, ...], str]
    quality: dict[str, str]
    change: dict[str, str]  # lemma -> better/worse/more/less/end
    past: frozenset[str]
    unreal: frozenset[str]
    skip: tuple[str, ...]

    @property
    def triggers(self) -> frozenset[str]:
        return frozenset(self.relation) | frozenset(self.role) | frozenset(p[-1] for p in self.predicate)


def parse_lexicon(text: str, name: str = DATA_FILE) -> Lexicon:
    """Read and check the data file; a bad row is an error naming ``file:line``."""
    relation, role, predicate, quality, change = {}, {}, {}, {}, {}
    past, unreal, skip = set(), set(), []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        row = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if not header_seen:
            if [c.strip() for c in row] != ["phrase", "kind", "state", "polarity"]:
                raise AlliesError(f"{name}:{number}: expected the header phrase, kind, state, polarity")
            header_seen = True
            continue
        if len(row) != 4:
            raise AlliesError(f"{name}:{number}: expected 4 tab-separated columns, found {len(row)}")
        phrase, kind, state, polarity = (c.strip() for c in row)
        if not phrase:
            raise AlliesError(f"{name}:{number}: empty phrase")
        if kind not in KINDS:
            raise AlliesError(f"{name}:{number}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
        if state != "-" and state not in DESCRIBED_STATES:
            raise AlliesError(f"{name}:{number}: unknown state {state!r} (one of {', '.join(DESCRIBED_STATES)} or -)")
        if kind in _STATED_KINDS and state == "-":
            raise AlliesError(f"{name}:{number}: kind {kind!r} needs a state")
        expected = "-" if state == "-" else ("+" if state in GOOD_STATES else "-")
        if polarity not in ("+", "-"):
            raise AlliesError(f"{name}:{number}: polarity must be + or -, not {polarity!r}")
        if polarity != expected:
            raise AlliesError(f"{name}:{number}: polarity {polarity!r} contradicts state {state!r}")
        key = phrase if kind == "skip" else phrase.lower()
        value = None if state == "-" else state
        if kind == "relation":
            relation[key] = value
        elif kind == "role":
            role[key] = value
        elif kind == "predicate":
            predicate[tuple(key.split())] = value
        elif kind == "quality":
            quality[key] = value
        elif kind in ("better", "worse", "more", "less", "end"):
            change[key] = kind
        elif kind == "past":
            past.add(key)
        elif kind == "unreal":
            unreal.add(key)
        else:
            skip.append(key)
    if not header_seen:
        raise AlliesError(f"{name}: no header row")
    return Lexicon(relation, role, predicate, quality, change, frozenset(past), frozenset(unreal), tuple(skip))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("allies.nlp").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return parse_lexicon(text)


def resolve_state(base: str | None, words: Iterable[str], lex: Lexicon) -> str | None:
    """The state a relation noun with its modifiers describes, or None.

    ``words`` are the lemmas around the noun, the outermost (a governing verb)
    first. A quality word sets the state, the outermost first, except a warm one
    on a hostile noun ("strategic rivalry" stays a rivalry; but a "rocky
    partnership" is strained); otherwise the outermost change word decides:
    better is improving; worse keeps a hostile noun's state and makes any other
    strained; more of a warm or neutral noun is improving, of a hostile one the
    noun's state; less of a hostile noun, or its end, is improving, less of a
    warm one, or its end, strained. With no such word the noun's own state stands."""
    base_good = None if base is None else base in GOOD_STATES
    words = list(words)
    for word in words:
        quality = lex.quality.get(word)
        if quality is not None and not (base_good is False and quality in GOOD_STATES):
            return quality
    for word in words:
        kind = lex.change.get(word)
        if kind == "better":
            return "improving"
        if kind == "worse":
            return base if base_good is False else "strained"
        if kind == "more":
            return base if base_good is False else "improving"
        if kind == "less":
            return "improving" if base_good is False else "strained"
        if kind == "end":
            return "improving" if base_good is False else "strained"
    return base


@dataclass
class ArticleMemory:
    """What a description may refer back to within one article."""

    date: str | None = None
    last_pair: tuple[str, str] | None = None  # the last two states a sentence named together
    # the latest sentences' learned mentions (lists, or callables that give them), newest last
    recent: list = field(default_factory=list)

    def remember(self, mentions) -> None:
        self.recent = [*self.recent[-3:], mentions]


@dataclass
class _Found:
    pair: tuple[str, str]
    state: str
    trigger: str
    negated: bool = False
    modality: str = "asserted"
    speaker: Actor | None = None
    start: int = 0


def _is_state(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country) and actor.sector not in _NON_STATE_SECTORS


class DescriptionFinder:
    """Finds descriptions of relations in sentences (parsed or plain)."""

    def __init__(self, kb, book, lex: Lexicon | None = None):
        self.kb = kb
        self.book = book
        self.lex = lex or lexicon()
        self.triggers = self.lex.triggers
        self._trigger_ids: frozenset[int] | None = None
        pair_nouns = sorted(w for w, kind in book.coreference.items() if kind == "pair")
        self._pair_phrase = re.compile(r"\b(?:the two|both|the)\s+(?:" + "|".join(map(re.escape, pair_nouns)) + r")\b",
                                       re.IGNORECASE)
        self._skip = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in self.lex.skip) + r")\b", re.IGNORECASE)

    # -- shared -------------------------------------------------------------
    def _mentions(self, text: str, date: str | None, extra: Iterable = (), raw: list | None = None
                  ) -> list[tuple[int, int, Actor]]:
        """The states a sentence names: the knowledge base's mentions (``raw`` when
        already found) and ``extra`` ones the article has learned."""
        raw = self.kb.find_mentions(text, date) if raw is None else raw
        found = [m for m in raw if _is_state(m[2])]
        for start, end, actor in extra:
            if _is_state(actor) and not any(s < end and start < e for s, e, _ in found):
                found.append((start, end, actor))
        return sorted(found, key=lambda m: m[0])

    def _wanted(self, text: str) -> bool:
        return not self._skip.search(text)

    def _finish(self, found: list[_Found], text: str, sentence_index: int, memory: ArticleMemory,
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
            countries = list(dict.fromkeys(a.country for _s, _e, a in found if _is_state(a)))
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
        parse = _Parse(self, sent, offset, state_mentions, raw, memory, resolve)
        found: list[_Found] = []
        for token in heads:
            if _is_name(token):
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
        words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
        if not any(_plain_lemma(w) in self.triggers or w in self.triggers for _, _, w in words):
            return []
        if not self._wanted(text):
            return []
        raw = self.kb.find_mentions(text, memory.date)
        state_mentions = self._mentions(text, memory.date, mentions() if callable(mentions) else mentions, raw)
        # with no parse, a non-state name between a subject and its relation noun ends the search for a pair
        blockers = [(s, e) for s, e, a in raw if not _is_state(a)]
        found = _plain_rules(self, text, words, state_mentions, memory, blockers)
        return self._finish(found, text, sentence_index, memory, state_mentions, date)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _word_forms(word: str) -> list[str]:
    """The word and the lemmas it may be a form of ("soured" -> "sour", "easing" -> "ease")."""
    forms = [word, _plain_lemma(word)]
    for suffix in ("ed", "ing", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "cutting" -> "cut"
    return forms


def _plain_lemma(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _is_name(token) -> bool:
    """A trigger word that is part of a name ("Allied Democratic Forces", "the Gaza
    War", "Industrial Relations Board"), not a description."""
    if token.ent_type_ in ("ORG", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PERSON"):
        return True
    if not token.text[:1].isupper() or token.is_sent_start or token.text.isupper():
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    # a capital after a dateline's dash or a quote opens a sentence; beside another capital it is a name
    return not (before is not None and before.is_punct) or bool(after is not None and after.text[:1].isupper())


class _Parse:
    """One parsed sentence's state mentions and the tree walks over it."""

    def __init__(self, finder: DescriptionFinder, sent, offset: int, mentions, raw, memory: ArticleMemory, resolve):
        self.finder = finder
        self.lex = finder.lex
        self.book = finder.book
        self.sent = sent
        self.offset = offset
        self.mentions = mentions
        self.memory = memory
        self.resolve = resolve
        self.others = raw  # every actor named, states or not

    # spans and the states inside them
    def _states(self, start: int, end: int) -> list[str]:
        """States named between two sentence offsets, in order."""
        return list(dict.fromkeys(a.country for s, e, a in self.mentions if s >= start and e <= end))

    def _states_of(self, tokens) -> list[str]:
        tokens = list(tokens)
        if not tokens:
            return []
        start = min(t.idx for t in tokens) - self.offset
        end = max(t.idx + len(t.text) for t in tokens) - self.offset
        states = self._states(start, end)
        if not states and self.finder._pair_phrase.search(" ".join(t.text for t in tokens)):
            pair = self.finder._context_pair(self.mentions, self.memory)
            return list(pair) if pair else []
        return states

    def _subtree_states(self, token) -> list[str]:
        return self._states_of(token.subtree)

    def _names_other(self, token) -> bool:
        """Whether a phrase names an actor that is not a state (an organisation)."""
        tokens = list(token.subtree)
        start, end = tokens[0].idx - self.offset, tokens[-1].idx + len(tokens[-1].text) - self.offset
        return any(s >= start and e <= end and not _is_state(a) for s, e, a in self.others)

    def _before(self, token) -> list[str]:
        """States named before a token, the nearest last ("Ukraine in its war")."""
        end = token.idx - self.offset
        return [a.country for s, e, a in self.mentions if e <= end]

    def _pronoun(self, token) -> list[str]:
        """"its" is the state named last before it; "their" the two named before it."""
        before = list(dict.fromkeys(reversed(self._before(token))))
        if token.lower_ == "its" and before:
            return [before[0]]
        if token.lower_ == "their" and len(before) >= 2:
            return [before[1], before[0]]
        return []

    @staticmethod
    def _verb(token):
        """The verb (or copula) that governs a token, climbing through prepositions and nouns."""
        node = token.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        return node if node.pos_ in ("VERB", "AUX") else None

    def _subject(self, verb) -> list[str]:
        """States in a verb's subject, looking through xcomp/advcl/conj chains."""
        node = verb
        for _ in range(4):
            if node is None:
                return []
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    if child.lower_ in ("its", "their", "it", "they"):
                        return []
                    return self._subtree_states(child)
            if node.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp") and node.head.i != node.i:
                node = node.head if node.head.pos_ in ("VERB", "AUX") else self._verb(node.head)
            else:
                return []
        return []

    def _prep_states(self, token, preps: tuple[str, ...]):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    if objects[0].lower_ in ("another", "other"):  # "with one another", "each other"
                        return ["<each other>"]
                    return self._subtree_states(objects[0])
        return None

    # voice
    def _voice(self, token, given: bool = False) -> tuple[bool, str, Actor | None]:
        """(negated, modality, speaker) for a description headed by ``token``.

        Negation and modals are read on the noun and on the verb that governs it
        (and on the verbs whose clausal complement that is: "seeking to improve
        ties"), never further up: in "Iran is no longer enriching uranium after
        the war" the war is not denied. The speaker is the subject of a verb of
        saying whose complement holds the description."""
        negated, modality = False, "asserted"
        voice = self.book.voice
        modals = voice.get("hypothetical", set()) | voice.get("future", set())
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                negated = True
        verb = None if given or self._presupposed(token) else self._verb(token)
        first = True
        while verb is not None:
            lemma = verb.lemma_.lower()
            kinds = self.book.word_category.get(lemma, set())
            for child in verb.children:
                lower = child.lower_
                if first and (child.dep_ == "neg" or (child.dep_ == "advmod" and lower == "longer"
                                                      and any(c.lower_ == "no" for c in child.children))):
                    negated = True
                if child.dep_ in ("aux", "auxpass") and lower in modals:
                    modality = "hypothetical"
                if child.dep_ == "mark" and lower in voice.get("conditional", ()):
                    modality = "hypothetical"
                if child.dep_ == "aux" and lower == "to" and verb.dep_ in ("xcomp", "advcl", "acl", "ccomp", "relcl"):
                    modality = "hypothetical"  # "measures to reduce tensions", "seeking to improve ties"
                if child.dep_ == "prep" and f"{lemma} {lower}" in self.lex.unreal:
                    modality = "hypothetical"  # "calling for normalization"
            if (not first or lemma not in self.lex.change) and kinds & _UNREAL_CATEGORIES:
                modality = "hypothetical"
            if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
                break
            verb, first = verb.head, False
        return negated, modality, self._reported_by(token)

    def _presupposed(self, token) -> bool:
        """Whether the relation is taken as given by an adjunct ("calls for Iran's
        surrender amid its war with Israel", "a ceasefire to the India-Pakistan
        conflict", "closed due to a dispute between Iraq and Turkey"): then what
        the clause only hopes or plans is not the relation's voice. A relation that
        is the object of the hoped-for act ("to ease tensions", "calls for the end
        of the war") is not taken as given."""
        if token.dep_ != "pobj" or token.head.i == token.i:
            return False
        prep = token.head
        if prep.lower_ in _ADJUNCT_PREPOSITIONS:
            return True
        holder = prep.head
        if holder.pos_ in ("VERB", "AUX") or holder.i == prep.i:
            return False
        return holder.lemma_.lower() not in self.lex.change and holder.lower_ not in self.lex.change

    def _reported_by(self, token) -> Actor | None:
        node, previous = token, None
        for _ in range(12):
            kinds = self.book.word_category.get(node.lemma_.lower(), set())
            if node.i != token.i and kinds & {"speech", "naming"} and node.pos_ == "VERB":
                # what is said (not who says it: "Russia's ally Belarus said ...")
                if previous is not None and previous.dep_ not in ("nsubj", "nsubjpass", "npadvmod", "prep"):
                    return self._speaker(node)
                return None
            if node.head.i == node.i:
                break
            previous, node = node, node.head
        return self._according_to()

    def _speaker(self, verb) -> Actor | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return self._actor_of(child)
        return None

    def _according_to(self) -> Actor | None:
        for token in self.sent:
            if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
                if objects:
                    return self._actor_of(objects[0])
        return None

    def _actor_of(self, token) -> Actor | None:
        tokens = list(token.subtree)
        start = tokens[0].idx - self.offset
        end = tokens[-1].idx + len(tokens[-1].text) - self.offset
        for s, e, actor in self.mentions:
            if s >= start and e <= end:
                return actor
        phrase = self.sent.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        actor = self.resolve(phrase) if self.resolve else None
        return actor if actor is not None else Actor(text=phrase)

    def _found(self, token, pair, state, words, given: bool = False) -> _Found:
        negated, modality, speaker = self._voice(token, given)
        if words & self.lex.past:
            modality = "historical"
        trigger = " ".join(t.text for t in sorted(words_tokens(token, self.lex), key=lambda t: t.i))
        return _Found(tuple(pair), state, trigger, negated, modality, speaker, token.idx - self.offset)

    def _year_before(self, token) -> bool:
        """"the 1971 war": a year before the article's in the noun's own modifiers."""
        year = (self.memory.date or "")[:4]

        def past(word) -> bool:
            return bool(re.fullmatch(r"(1[89]|20)\d\d", word.text)) and (not year or word.text < year)

        if any(c.dep_ in ("nummod", "compound", "amod") and past(c) for c in token.children):
            return True
        # "were at war in 2020"
        verb = self._verb(token)
        for prep in (verb.children if verb is not None else ()):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "during") and any(
                    c.dep_ == "pobj" and past(c) for c in prep.children):
                return True
        return False

    # relation nouns
    def relation(self, token, base: str | None) -> list[_Found]:
        modifiers = self._modifier_words(token)
        state = resolve_state(base, modifiers, self.lex)
        if state is None:
            return []
        pair = self._relation_pair(token)
        if pair is None:
            return []
        found = self._found(token, pair, state, set(modifiers))
        if self._year_before(token) or (token.dep_ == "pobj" and token.head.lower_ in _PAST_PREPOSITIONS):
            found.modality = "historical"
        out = [found]
        # "measures to reduce tensions between X and Y": what is to be eased is there now
        if (base is not None and base not in GOOD_STATES and found.modality == "hypothetical" and not found.negated
                and any(self.lex.change.get(word) == "less" for word in modifiers)):
            out.append(_Found(found.pair, base, found.trigger, False, "asserted", found.speaker, found.start + 1))
        return out

    def _modifier_words(self, token) -> list[str]:
        """Lemmas that may set or change a relation noun's state, outermost first."""
        outer, own = [], []
        head = token.head
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.i != token.i:
            outer.append(head.lemma_.lower())
            for child in head.children:
                if child.i == token.i or (child.dep_ == "prep" and child.lower_ not in _STATE_PREPOSITIONS):
                    continue  # "restored ties after a break": the break is not the state
                if child.dep_ in ("acomp", "attr", "oprd", "xcomp", "advmod", "prep"):
                    outer.append(child.lemma_.lower())
                    outer.append(child.lower_)
                    for grand in child.children:
                        if grand.dep_ in ("acomp", "advmod", "pobj", "amod", "dobj"):
                            outer.append(grand.lemma_.lower())
        elif token.dep_ == "pobj" and head.head.i != head.i:
            governor = head.head  # "an escalation of tensions", "an end to the conflict"
            if governor.pos_ in ("NOUN", "VERB"):
                outer.append(governor.lemma_.lower())
        for child in token.children:
            if child.dep_ in ("amod", "compound", "acl", "advmod", "nmod"):
                own.append(child.lemma_.lower())
                own.append(child.lower_)
        return outer + own

    def _relation_pair(self, token) -> tuple[str, str] | None:
        verb = self._verb(token)
        # "between X and Y", on the noun or on its verb ("tensions mount between ...")
        between = self._prep_states(token, ("between",))
        if between is None and verb is not None and token.dep_ in ("nsubj", "nsubjpass"):
            between = self._prep_states(verb, ("between",))
        if between and len(between) >= 2 and "<each other>" not in between:
            return between[0], between[1]
        # "X-Y relations", "Russia's war", "its war", "the two countries' ties"
        left: list[str] = []
        for child in token.children:
            if child.i > token.i or child.dep_ == "det":
                continue
            if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                if child.lower_ == "their" and self._prep_states(token, ("with", "against")) is not None:
                    continue  # "their conflict against the rebels": "their" is not the pair
                left += self._pronoun(child)
            elif child.dep_ in ("poss", "compound", "nmod") and self._names_other(child):
                return None  # "EU relations with Israel": one side is no state
            elif child.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod"):
                left += self._subtree_states(child)
        left = list(dict.fromkeys(left))
        if len(left) >= 2:
            return left[0], left[1]
        others = self._prep_states(token, ("with", "against", "to", "toward", "towards"))
        if others is None and verb is not None and token.dep_ in ("dobj", "attr", "pobj"):
            others = self._prep_states(verb, ("with", "against"))
        others = [c for c in (others or []) if c != "<each other>"]
        if left and others and others[0] != left[0]:
            return left[0], others[0]
        if left:
            return None
        subject = self._subject(verb) if verb is not None else []
        if others and subject and subject[0] != others[0]:
            return subject[0], others[0]
        # "Bolivia and Israel restored diplomatic relations"
        if not others and len(subject) == 2 and token.dep_ in ("dobj", "nsubj", "attr") and token.head.i == verb.i:
            return subject[0], subject[1]
        return None

    # predicates: "X is allied with Y", "X and Y are at odds"
    def predicate(self, token, state: str) -> list[_Found]:
        verb = token if token.pos_ in ("VERB", "AUX") else self._verb(token)
        if verb is None:
            return []
        others = self._prep_states(token, ("with", "against"))
        if others is None:
            others = self._prep_states(verb, ("with", "against"))
        others = [c for c in (others or []) if c != "<each other>"]
        subject = self._subject(verb)
        if others and subject and subject[0] != others[0]:
            pair = (subject[0], others[0])
        elif not others and len(subject) == 2:
            pair = (subject[0], subject[1])
        else:
            return []
        found = self._found(token, pair, state, set())
        if self._year_before(token):
            found.modality = "historical"
        return [found]

    # roles: "Russia's ally Belarus", "Belarus, a longtime ally of Russia", "X and Y are rivals"
    def role(self, token, state: str) -> list[_Found]:
        owner: list[str] = []
        # "a partner and ally of Russia": the words of one coordination share their owner and place
        anchor = token
        while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
            anchor = anchor.head
        partners = [anchor, *(c for c in anchor.subtree if c.dep_ == "conj" and c.head.i == anchor.i)]
        for word in partners:
            if word.i != token.i:
                of = self._prep_states(word, ("of", "to"))
                owner += [c for c in (of or []) if c != "<each other>"]
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her", "our", "my", "your") or child.dep_ in ("compound", "amod", "nmod") and child.i < token.i:
                owner += self._subtree_states(child)
        of = self._prep_states(token, ("of", "to"))
        if of:
            owner += [c for c in of if c != "<each other>"]
        described: list[str] = []
        place = anchor
        head = place.head
        if place.dep_ == "appos":
            described = self._states_of([t for t in head.subtree if t.i <= head.i or t.dep_ == "conj"]
                                        if head.i < place.i else [head])
        elif place.dep_ == "compound" and head.i > place.i:
            described = self._states_of([head])
            if not owner:  # "Russia's ally Belarus" parsed with the possessive on "Belarus"
                for child in head.children:
                    if child.dep_ == "poss":
                        owner += self._subtree_states(child)
        elif place.dep_ in ("attr", "oprd") and head.i != place.i:
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    described = self._subtree_states(child)
                elif child.dep_ == "dobj" and head.lemma_.lower() != "be":  # "called Azerbaijan an ally"
                    described = described or self._subtree_states(child)
        elif place.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
            verb = head.head  # "designated Saudi Arabia as a major ally"
            for child in verb.children:
                if child.dep_ in ("dobj", "nsubjpass"):
                    described = self._subtree_states(child)
            if not owner:
                owner = self._subject(verb)
        for child in token.children:
            if child.dep_ == "appos":
                described += self._subtree_states(child)
        owner = list(dict.fromkeys(owner))
        described = [c for c in dict.fromkeys(described) if c not in owner]
        words = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "advmod")}
        # "Japan and South Korea, both close U.S. allies, agreed to ...": an apposition is
        # taken as given, whatever its clause plans; only "X is an ally of Y" has the clause's voice
        given = place.dep_ in ("appos", "compound", "poss", "nmod", "npadvmod")
        if owner:
            if len(owner) > 1:
                return []
            return [self._found(token, (owner[0], other), state, words, given) for other in described]
        if token.tag_ in ("NNS", "NNPS") and len(described) == 2:  # "X and Y are rivals"
            return [self._found(token, (described[0], described[1]), state, words, given)]
        return []


def words_tokens(token, lex: Lexicon) -> list:
    """The trigger and the words of the lexicon around it (for the ``trigger`` text)."""
    known = set(lex.quality) | set(lex.change) | lex.past | set(lex.role)

    def listed(t) -> bool:
        return t.lemma_.lower() in known or t.lower_ in known

    tokens = [token] + [c for c in token.children if c.dep_ in ("amod", "compound", "acl") and listed(c)]
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") and head.i != token.i:
        near = [head, *head.children, *(g for c in head.children if c.dep_ == "xcomp" for g in c.children)]
        if token.dep_ == "pobj":
            near = [head.head]
        tokens += [t for t in near if t.i != token.i and listed(t)]
    return list({t.i: t for t in tokens}.values())


# -- the rule path (no parse) ---------------------------------------------------
_PLAIN_PREPOSITIONS = {"in", "of", "with", "to", "for", "after", "before", "since", "over", "on", "at", "by", "from"}
# Between a subject and its relation noun: no clause break, no other actor's name.
_PLAIN_STOP = re.compile(r"[,;:\"“”]|\b(?:as|which|who|that|while)\b")
_NEGATION = re.compile(r"\b(?:not|n't|never|no longer|no)\b", re.IGNORECASE)
_MODALS = re.compile(r"\b(?:would|could|might|may|should|if|unless|whether|seek(?:s|ing)? to|hop(?:e|es|ing) to"
                     r"|aim(?:s|ing)? to|plan(?:s|ning)? to|want(?:s)? to|to)\s+\S*\s*$", re.IGNORECASE)
_PAST = re.compile(r"\b(?:former|erstwhile|onetime|one-time)\s+\S*\s*$", re.IGNORECASE)


def _plain_rules(finder: DescriptionFinder, text: str, words, mentions, memory: ArticleMemory,
                 blockers: list[tuple[int, int]]) -> list[_Found]:
    lex = finder.lex
    found: list[_Found] = []
    for position, (start, end, word) in enumerate(words):
        lemma = word if word in finder.triggers else _plain_lemma(word)
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
            state = resolve_state(lex.relation[lemma], window, lex)
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
        found.append(_Found(pair, state, text[start:end], negated, modality, speaker, start))
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


__all__ = [
    "ArticleMemory",
    "Description",
    "DescriptionFinder",
    "Lexicon",
    "lexicon",
    "parse_lexicon",
    "resolve_state",
]
