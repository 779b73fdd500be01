"""The parsed path: a description's two states, state, voice and speaker read off the dependency tree."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import GOOD_STATES, Actor
from ..function_words import function_words
from .found import ArticleMemory, Found, is_state
from .lexicon import Lexicon, resolve_state

if TYPE_CHECKING:
    from .finder import DescriptionFinder

# Voice categories (voice_words.tsv) whose verbs make what they govern only hoped, planned or asked for.
_UNREAL_CATEGORIES = {"hypothetical", "future", "intent", "hope_frame", "appeal", "demand", "future_frame",
                      "threaten", "order"}
# Prepositions whose object is taken as given, is over, or may be the relation's state
# (data/function_words.tsv says which and why).
_ADJUNCT_PREPOSITIONS = function_words("adjunct_preposition")
_PAST_PREPOSITIONS = function_words("past_preposition")
_STATE_PREPOSITIONS = function_words("state_preposition")
_PAST_PERFECT = function_words("past_perfect")


def is_name(token) -> bool:
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


class Parse:
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
        return any(s >= start and e <= end and not is_state(a) for s, e, a in self.others)

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
        prep = token.head
        if token.dep_ == "pobj" and prep.dep_ == "prep" and f"{prep.head.lemma_.lower()} {prep.lower_}" in self.lex.unreal:
            modality = "hypothetical"  # "the chances of conflict between X and Y", "fears of a war"
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

    def _found(self, token, pair, state, words, given: bool = False) -> Found:
        negated, modality, speaker = self._voice(token, given)
        if words & self.lex.past or (modality == "asserted" and speaker is None and self._past_perfect(token)):
            modality = "historical"
        trigger = " ".join(t.text for t in sorted(words_tokens(token, self.lex), key=lambda t: t.i))
        return Found(tuple(pair), state, trigger, negated, modality, speaker, token.idx - self.offset)

    def _past_perfect(self, token) -> bool:
        """Whether the verb that governs the description is in the past perfect ("had
        been at odds", "ties had soured"): in the reporter's voice, the relation before the news."""
        verb = token if token.pos_ in ("VERB", "AUX") else self._verb(token)
        return verb is not None and verb.tag_ == "VBN" and any(
            child.dep_ == "aux" and child.lower_ in _PAST_PERFECT for child in verb.children)

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
    def relation(self, token, base: str | None) -> list[Found]:
        modifiers = self._modifier_words(token)
        state = resolve_state(base, modifiers, self.lex, token.lemma_.lower())
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
            out.append(Found(found.pair, base, found.trigger, False, "asserted", found.speaker, found.start + 1))
        # "Japan's already fragile ties with China could turn rocky": an adjective on the
        # relation noun is its state now, whatever the clause says may come
        elif found.modality == "hypothetical" and not found.negated:
            own = [c.lemma_.lower() for c in token.children if c.dep_ == "amod" and c.tag_ == "JJ"]
            now = resolve_state(base, own, self.lex, token.lemma_.lower()) if own else None
            if now is not None and now != base:
                out.append(Found(found.pair, now, found.trigger, False, "asserted", found.speaker, found.start + 1))
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
    def predicate(self, token, state: str) -> list[Found]:
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
    def role(self, token, state: str) -> list[Found]:
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

