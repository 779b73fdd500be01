"""Event nouns that carry their own sides: "clashes between Thai and Cambodian troops",
"Armenia-Azerbaijan border clashes", "Cambodian shelling of Thailand", "clashes with
Pakistani troops" (the other side being those hurt in them).

Wire copy mostly reports fighting through such nouns, as the subject of a verb of harm
("clashes ... have killed twelve people") or as the cause of a passive one ("were killed
in ... shelling"). The noun's sides are then the act's sides; the people harmed are not.
"""
from __future__ import annotations

from ...model import Actor
from .confidence import known
from .resolver import ActorResolver
from .words import ACTOR_ENTS, entities


class EventNounStage:
    """Finds the sides an event noun names itself."""

    @staticmethod
    def _own_beside(noun):
        """A nationality the parser hung beside an event noun instead of on it: "in
        Cambodian shelling" read as two objects of "in", or as an object and a clause."""
        if noun.i > noun.sent.start:
            before = noun.doc[noun.i - 1]
            if before.ent_type_ in ("NORP", "GPE") and before.dep_ == "pobj" \
                    and noun.head in (before.head, before.head.head) and noun.dep_ != "pobj" or (
                    before.ent_type_ in ("NORP", "GPE") and before.head == noun.head and before.dep_ == noun.dep_):
                return before
        return None

    def event_word_rule(self, token) -> tuple[str | None, str | None]:
        """(code, data row) of an event noun, also one the tagger made a verb: a gerund
        subject ("Fighting between X and Y has killed") or a word after its doer's
        nationality ("by Pakistani shelling")."""
        if token.pos_ == "NOUN":
            return self._noun_rule(token)
        if token.tag_ != "VBG" or (token.dep_ not in ("nsubj", "nsubjpass") and self._own_beside(token) is None):
            return None, None
        code = self.book.nouns.get(token.lower_)
        return (code, self.book.where[("noun", token.lower_)]) if code else (None, None)

    def acted_on(self, trigger, resolver: ActorResolver) -> list | None:
        """Those an event noun's act is done to, named in its "of" phrase, when a verb's
        subject does the act ("a Moscow court ordered the release of two Estonian
        citizens": the citizens, whose state is the target)."""
        noun = trigger.noun
        if noun is None or not self.book.in_class("acted_on_of", trigger.cameo):
            return None
        for child in noun.children:
            if child.dep_ != "prep" or child.lower_ not in self.book.role("noun_target_prep"):
                continue
            for obj in child.children:
                if obj.dep_ != "pobj" or self._own(obj):
                    continue  # ("ordered the release of its own citizens")
                if self.actor(obj, resolver, require_actor=True) is not None:
                    return self._with_conjuncts(obj)
                inside = self._actor_inside(obj, resolver)
                if inside is not None:
                    return [inside]  # "the release of two Estonian citizens": Estonian
        return None

    def _misparsed_doer(self, token) -> bool:
        """Whether a nationality is the doer of a force word the parser hung beside it:
        "killed in Azerbaijani shelling", "by Pakistani shelling"."""
        if token.ent_type_ != "NORP" or token.i + 1 >= token.sent.end:
            return False
        after = token.doc[token.i + 1]
        code = self.book.nouns.get(after.lower_) or self._noun_code(after)
        return bool(code) and self.book.in_class("force", code) and after.head in (token.head, token.head.head)

    def _doer_beside_act(self, token) -> bool:
        """Whether a nationality the parser made an object stands before the act it does:
        "in Cambodian shelling" (two objects of "in", or a nationality and a verb)."""
        if token.ent_type_ != "NORP" or token.i + 1 >= token.sent.end:
            return False
        after = token.doc[token.i + 1]
        beside = after.head == token.head and after.dep_ == token.dep_ and bool(self._noun_code(after))
        return beside or self._misparsed_doer(token)

    def other_side(self, sources: list[Actor], resolver: ActorResolver) -> Actor | None:
        """The article's other party for a force act with no target named ("Cambodian
        troops opened fire near the temple" in an article about Thailand and Cambodia)."""
        pair = resolver.last_pair
        countries = {s.country for s in sources}
        if pair is None or len(countries) != 1 or None in countries:
            return None
        (country,) = countries
        sides = [a for a in pair if a.country != country]
        if len(sides) != 1 or len(sides) == len(pair):
            return None
        other = sides[0]
        return Actor(text=f"{other.country} (the other side)", code=other.country, country=other.country)

    def cause_noun(self, obj):
        """The event noun a cause phrase names: its object itself ("in an air strike"), or
        the act noun the parser split from its first modifier ("in Russian missile and
        drone strikes", parsed as "missile" with "drone strikes" hung elsewhere)."""
        if obj.pos_ != "NOUN":
            return None
        if self._noun_code(obj):
            return obj
        for token in obj.doc[obj.i + 1:min(obj.i + 5, obj.sent.end)]:
            if token.pos_ == "NOUN":
                code = self._noun_code(token)
                if code:
                    return token if self.book.in_class("force", code) else None
            elif token.pos_ != "CCONJ" and token.text != ",":
                return None
        return None

    def cause_doer(self, noun):
        """Who did the act of an event noun that caused a passive harm: its own actor
        ("in Israeli shelling"), or the other side of a mutual one ("in clashes with
        Cambodian troops")."""
        own = self._noun_actor(noun) or self._own_beside(noun)
        if own is not None:
            return own
        if self._is_mutual_noun(noun, self._noun_code(noun) or ""):
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ in self.book.role("mutual_prep"):
                    return next((o for o in child.children if o.dep_ == "pobj"), None)
        return None

    def _is_mutual_noun(self, noun, code: str) -> bool:
        """Whether a noun's act goes both ways between its sides ("clashes", "fighting")."""
        lemma = noun.lemma_.lower()
        return self.book.is_symmetric(code, lemma, True) or self.book.is_symmetric(code, self.book.noun_verbs.get(lemma), True)

    def _mutual_noun_rule(self, noun, code: str) -> str | None:
        lemma = noun.lemma_.lower()
        return self.book.symmetric_rule(code, lemma, True) or self.book.symmetric_rule(
            code, self.book.noun_verbs.get(lemma), True)

    def noun_pair(self, noun, resolver: ActorResolver) -> list[Actor]:
        """Two states a force or mutual noun names as its two sides, or [] : "between X
        and Y" (also "between Thai and Cambodian troops"), or two states among its
        modifiers ("Thailand-Cambodia clashes", "Indian-Pakistani fighting")."""
        found: list[Actor] = []
        for child in self._pair_preps(noun):
            if child.dep_ == "prep" and child.lower_ in self.book.role("pair_prep"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = self._actors(self._with_conjuncts(obj), resolver, require_actor=True)
        joint = any(t.dep_ == "cc" for t in noun.doc[noun.left_edge.i:noun.i])
        if joint and not self._is_mutual_noun(noun, self._noun_code(noun) or ""):
            return []  # "U.S. and Israeli strikes": two doers together, not two sides
        if not found and noun.left_edge.i < noun.i:
            start = max(noun.left_edge.i, noun.sent.start)
            for ent in entities(noun.doc):
                if start <= ent.start and ent.end <= noun.i and ent.label_ in ACTOR_ENTS:
                    found.extend(resolver.named_in(ent.text))
        states: list[Actor] = []
        for actor in found:
            if known(actor) and actor.country and all(actor.country != s.country for s in states):
                states.append(actor)
        return states[:2] if len(states) >= 2 else []

    @staticmethod
    def _pair_preps(noun) -> list:
        """The prepositions that may name a noun's two sides: its own, else, for the
        subject of a clause ("fighting broke out on Tuesday between X and Y"), the
        verb's and those the parser hung on the verb's date ("on Tuesday ... between")."""
        own = [c for c in noun.children if c.dep_ == "prep"]
        if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
            return own
        verb = noun.head
        around = [c for c in verb.children if c.dep_ == "prep"]
        for prep in list(around):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("DATE", "TIME"):
                    around.extend(c for c in obj.children if c.dep_ == "prep")
        return own + around

    def _harmed(self, noun):
        """Those harmed in the act a noun names, when it is the cause of a passive verb of
        harm: "two Thai soldiers (were) injured in clashes with ..." -> the soldiers."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in self.book.role("cause_prep"):
            return None
        verb = prep.head
        if verb.pos_ != "VERB" or verb.tag_ != "VBN":
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subject is None and verb.dep_ == "acl":
            subject = verb.head
        return subject

    def _other_side(self, noun, resolver: ActorResolver):
        """The side of a mutual noun with only a "with" object ("clashes with Pakistani
        troops"): those of a state harmed in it."""
        harmed = self._harmed(noun)
        if harmed is None:
            return None
        actor = self.actor(harmed, resolver, require_actor=True)
        return harmed if known(actor) and actor.country else None

    def carried_by_noun(self, token, resolver: ActorResolver) -> bool:
        """Whether a verb's subject is a force noun that names both its sides: the noun's
        own event then carries the act ("clashes between X and Y killed twelve")."""
        code = self.event_word_rule(token)[0]
        return bool(code) and self.book.in_class("force", code) and bool(self.noun_pair(token, resolver))
