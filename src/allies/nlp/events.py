"""Events from a dependency parse: who did what to whom, in what voice.

One pass over a parsed sentence (a spaCy ``Span``):

1. every verb is matched against the verb patterns (lemma + prepositions/
   particles + object nouns); a support verb ("launched", "held") whose object
   is an event noun ("an attack", "talks") takes the noun's code;
2. its source is the subject (the ``by`` agent in the passive, the governing
   verb's subject for "to"-clauses and bare coordinated verbs, the addressee
   of "urged X to ..."); its target the direct object when that is an actor,
   else the object of the pattern's or a directional preposition;
3. coordinated actors multiply events, and symmetric codes (meet, sign, clash)
   go both ways;
4. a verb that governs a "to"-clause (pledge, urge, demand, refuse, threaten)
   recodes the clause's event: "pledged to send aid" is an intent to give aid;
5. the voice comes from the path to the root: negation, modals, "if" clauses,
   "plans to", "urged ... to", "denied", and verbs of saying (the speaker);
6. event nouns with their actors attached ("Russia's invasion of Ukraine",
   "talks between X and Y") add nominal events;
7. the confidence says how well the event is attached: both sides named
   states or organisations (up to 0.9), a generic group ("rebels", "five
   civilians in Aleppo") or an unknown name in between, and a missing or
   unresolved side, an act only alleged or claimed by a party, asked of
   another or bound to a condition below one half. Events under 0.5 are
   kept (with their voice) but are not to be counted as coded triples.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from ..model import Actor, Event
from .actors import SECTOR_SUFFIX
from .patterns import PatternBook

# Dependants that carry a preposition or particle of the verb's frame.
_PREP_DEPS = {"prep", "prt", "agent", "dative"}


def _add_attached_preps(head, preps: set, pobjs: dict) -> None:
    """Record the prepositions hanging on ``head`` (an object or a particle) and
    their objects: "impose sanctions on X", "crack down on X"."""
    for sub in head.children:
        if sub.dep_ == "prep":
            preps.add(sub.lower_)
            for obj in sub.children:
                if obj.dep_ == "pobj":
                    pobjs.setdefault(sub.lower_, obj)
def _kind_words(noun) -> list[str]:
    """Lemmas of the words that say what kind of thing a noun is: "peacekeeping" in
    "peacekeeping troops", "border" in "the border crossing"."""
    return [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "VERB")]


# Prepositions whose object can be the target, in order of preference.
_TARGET_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "upon", "over", "from", "for",
                 "between")
_LOCATION_PREPS = ("in", "near", "around", "along", "inside", "outside", "off", "across")
# Of these, the ones whose object is rarely a state itself ("near the border with Kosovo",
# "near the Iranian city of Isfahan"): a state named inside the phrase is the place.
_NEARBY_PREPS = frozenset(_LOCATION_PREPS) - {"in"}
# Acts done on the ground, whose place stands for their target when nothing
# else does ("held exercises in Alaska", "met in Geneva", "protested in Minsk");
# words (statements, appeals, accusations) are not addressed to where they are said.
_PLACED_ROOTS = frozenset(("04", "06", "07", "08", "14", "15", "17", "18", "19", "20"))
# Acts of force: helping another do them is military cooperation.
_FORCE_ROOTS = frozenset(("15", "18", "19", "20"))
# Verbal acts that answer what another made: criticism or rejection (and praise, 051) of
# "a plan put forward by X" are aimed at X; signing "a truce brokered by X" is not.
_ANSWERING_ROOTS = frozenset(("11", "12"))
# Where forces are sent or kept: a state named there hosts them (see "frontier" in
# data/voice_words.tsv).
_HOST_PREPS = ("to", "in", "inside")
# What forces moving into a state do (occupy territory); see "incursion" in data/voice_words.tsv.
_INCURSION = "192"
# Codes that place police or troops somewhere (exercises held in a state still face it).
_FORCES_PLACED = frozenset(("153", "154"))
# The body that speaks for a state abroad (see data/source_codes.tsv); members of a
# legislature who protest are dissenters.
_OFFICIAL_SECTORS = frozenset(("government",))
# Sectors that bear arms: their clashes are fighting (see data/armed_codes.tsv).
_ARMED_SECTORS = frozenset(("military", "rebels"))
_UNARMED_SECTORS = frozenset(("civilians", "opposition"))  # "forces clashed with rioters" is a riot
# Entities that name places (a nationality, NORP, does not).
_PLACE_ENTS = frozenset(("GPE", "LOC", "FAC"))
# Who acts where they are: "police in Minsk" are Belarusian police; troops may be foreign.
_LOCAL_SECTORS = frozenset(("police", "government", "judiciary", "legislature", "civilians", "opposition", "rebels"))
# Sectors a definite noun ("the government", "the army") may take from the state named before.
_STATE_SECTORS = frozenset(("government", "military", "police", "legislature", "judiciary"))
# Codes whose direct object is what moves, not whom it is done to ("sent troops", "gave aid").
_MOVED_OBJECT_ROOTS = frozenset(("06", "07", "15"))
_POSSESSIVE_PRONOUNS = frozenset(("its", "their", "his", "her", "our", "my"))
# Left dependants that belong to an actor's name ("Russian Foreign Minister Sergei Lavrov").
_NAME_DEPS = {"compound", "amod", "poss", "nmod", "det", "case", "nummod", "quantmod", "npadvmod"}
_ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
# Entities that are never actors: "on Monday", "$5 million", "two weeks".
_NOT_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"they", "them", "it", "we"}
# Possessives whose owner an earlier subject names ("X said its drones hit"); "her" is also an object.
_POSSESSOR_PRONOUNS = _POSSESSIVE_PRONOUNS - {"her", "our", "my"}
_MODALITY_RANK = {"asserted": 0, "future": 1, "hypothetical": 2, "conditional": 3, "requested": 4, "denied": 5}
_VOICE_KIND = {"intent": "future", "future_frame": "future", "hope_frame": "hypothetical",
               "appeal": "requested", "demand": "requested", "threaten": "hypothetical", "deny": "denied"}
_CARRIERS = ("intent", "appeal", "demand", "reject", "threaten")


@dataclass
class _Trigger:
    """A verb or noun that codes an event, before actors and voice are attached."""

    token: object
    cameo: str
    words: str
    specific: bool
    noun: object = None            # the event noun, for support verbs and nominals
    frame_preps: frozenset = frozenset()
    giver: object = None           # "received X from Y": Y, who is the source
    objects: frozenset = frozenset()  # the object words the frame asked for ("halt =fighting")


@dataclass
class SentenceResult:
    events: list[Event] = field(default_factory=list)
    actors: list[tuple[int, int, Actor]] = field(default_factory=list)  # char offsets in the sentence's doc


class ActorResolver:
    """Resolves noun phrases of one article to actors, remembering people and the last actor."""

    def __init__(self, resolve: Callable[[str], Actor | None], find: Callable[[str], list], last_person: Callable[[], Actor | None],
                 sector: Callable[[str], str | None] | None = None,
                 names_state: Callable[[str], bool] | None = None):
        self._resolve = resolve
        self._names_state = names_state
        self._find = find
        self._last_person = last_person
        self._sector = sector
        self.named: set[str] = set()  # unresolved phrases that are names ("Abu Sayyaf", "USAID")
        self.last_pair: tuple[Actor, Actor] | None = None  # the parties of the last two-sided event
        self.dateline: Actor | None = None  # the place an article's dateline names
        self.last_actor: Actor | None = None
        self.doers: dict[str, Actor] = {}  # CAMEO root -> who last did such an act in the article
        self._cache: dict[str, Actor | None] = {}

    def resolve(self, phrase: str) -> Actor | None:
        key = phrase.strip()
        if not key:
            return None
        if key not in self._cache:
            self._cache[key] = self._resolve(key)
        return self._cache[key]

    def find_inside(self, phrase: str) -> Actor | None:
        """The first actor named inside a phrase ("the Russian building" -> Russia)."""
        key = "\x00" + phrase
        if key not in self._cache:
            found = self._find(phrase)
            self._cache[key] = found[0][2] if found else None
        return self._cache[key]

    def person(self) -> Actor | None:
        return self._last_person()

    def names_state(self, phrase: str) -> bool:
        """Whether the phrase is a state's own name or capital, not its people."""
        return self._names_state is not None and self._names_state(phrase)

    def sector(self, phrase: str) -> str | None:
        """The sector a phrase's words signal without naming a state ("rebels", "troops")."""
        if self._sector is None or not phrase.strip():
            return None
        key = "\x01" + phrase
        if key not in self._cache:
            self._cache[key] = self._sector(phrase)
        return self._cache[key]


def _answers(cameo: str) -> bool:
    """Whether an act answers something another made (see _ANSWERING_ROOTS)."""
    return cameo[:2] in _ANSWERING_ROOTS or cameo.startswith("051")


def _known(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.code or actor.country)


# Confidence added by each side of an event: a named state or organisation, a
# generic actor whose kind is clear ("rebels", "troops", "civilians"), an
# unresolved phrase, or nothing at all. An event whose target is missing or
# unresolved is mostly a failed attachment, so it falls below one half.
_SOURCE_WEIGHT = {"known": 0.2, "generic": 0.05, "named": -0.1, "unresolved": -0.25, "empty": -0.25, "none": -0.25}
# An act that one party asks or wants of another, who has not committed to it,
# or that only happens on a condition ("if Iran strikes").
_UNCOMMITTED_ACT_CONFIDENCE = 0.4
# An act known only from one party's claim or allegation.
_CLAIMED_ACT_CONFIDENCE = 0.45
_TARGET_WEIGHT = {"known": 0.15, "generic": 0.0, "named": -0.15, "unresolved": -0.3, "empty": -0.3, "none": -0.3}


def _side(actor: Actor | None, resolver: "ActorResolver") -> str:
    if actor is None:
        return "none"
    if _known(actor):
        return "known"
    if not actor.text:
        return "empty"
    sector = resolver.sector(actor.text)
    if sector == "government" and actor.text in resolver.named:
        return "unresolved"  # "President John Doe": an official of no known state
    if actor.text in resolver.named:
        return "named"  # a group or agency the knowledge base lacks ("Abu Sayyaf", "USAID")
    if sector is None or (sector == "government" and any(word[:1].isupper() for word in actor.text.split()[1:])):
        return "unresolved"
    if resolver.sector(actor.text.split()[-1]) is None:
        return "unresolved"  # "military aid": a sector word, but the head names a thing
    return "generic"  # "rebels", "Rohingya insurgents", "riot police"


class EventExtractor:
    """Codes parsed sentences with a :class:`PatternBook`."""

    def __init__(self, book: PatternBook, cameo_info: Callable[[str], object]):
        self.book = book
        self.cameo_info = cameo_info
        self._after_dateline = 0  # where the sentence being coded starts, after any dateline
        self._resolver: ActorResolver | None = None  # the article's, while one of its sentences is coded

    # ------------------------------------------------------------ actors
    def _name_span(self, token):
        """The tokens that name an actor headed by ``token``."""
        start = token.i
        for child in token.lefts:
            if child.dep_ in _NAME_DEPS or (child.dep_ == "punct" and child.i > start):
                start = min(start, child.left_edge.i)
        end = token.i + 1
        # "President of Russia", "the Minister of Foreign Affairs of Iran"
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or obj.ent_type_ in _ACTOR_ENTS):
                        end = max(end, obj.right_edge.i + 1)
            elif child.dep_ in ("compound", "flat") or (child.dep_ == "appos" and child.pos_ == "PROPN" and child.i == end):
                end = max(end, child.right_edge.i + 1)
        doc = token.doc
        while start < end and doc[start].dep_ == "det" and doc[start].lower_ in ("a", "an", "the"):
            start += 1
        return doc[start:end]

    def actor(self, token, resolver: ActorResolver, require_actor: bool = False) -> Actor | None:
        """Resolve the actor headed by ``token``; None if it is not one and ``require_actor``."""
        lower = token.lower_
        if token.pos_ == "PRON":
            found = self._antecedent(token, resolver) if lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS else None
            if found is not None:
                return found
            if lower in _PERSON_PRONOUNS:
                found = resolver.person()
            elif lower in _GROUP_PRONOUNS:
                found = resolver.last_actor
            if found is not None:
                return found
            # an unresolved "he"/"they" still acts; it just cannot be placed
            return None if require_actor or lower not in _PERSON_PRONOUNS | _GROUP_PRONOUNS else Actor(text=token.text)
        if (token.ent_type_ in _NOT_ACTOR_ENTS and not self._state_name(token, resolver)) or token.like_num:
            # "hundreds of prisoners", "two of the soldiers": the actor is after "of"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return self.actor(obj, resolver, require_actor)
            return None
        span = self._name_span(token)
        phrase = span.text
        actor = resolver.resolve(phrase)
        if actor is None and token.ent_type_ in _ACTOR_ENTS:
            for ent in token.doc.ents:
                if ent.start <= token.i < ent.end:
                    actor = resolver.resolve(ent.text)
                    break
        if actor is None and token.pos_ == "NOUN":
            # "a court in Guyana", "the government in Athens": the place says whose
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "from"):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.ent_type_ == "GPE":
                            placed = resolver.resolve(f"{obj.text}'s {token.text}")
                            if _known(placed) and placed.sector:  # an actor noun, not "an agreement in Astana"
                                actor = Actor(text=f"{phrase} {child.text} {obj.text}", code=placed.code,
                                              country=placed.country, sector=placed.sector)
        if actor is None and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
            # "Karim Haddad, a Lebanese army spokesman, said": the apposition says who he is
            for child in token.children:
                if child.dep_ == "appos" and child.pos_ == "NOUN":
                    described = resolver.resolve(f"{self._name_span(child).text} {phrase}")
                    if _known(described):
                        actor = described
                        break
        if actor is None and token.pos_ != "PROPN" and len(span) > 1:
            actor = resolver.find_inside(phrase)
            if actor is not None:
                # "the Russian building": the country is right, the words are ours.
                actor = Actor(text=phrase, code=actor.country or actor.code, country=actor.country, sector=None)
        if actor is not None:
            if actor.text != phrase and token.pos_ != "PRON":
                actor = Actor(text=phrase, code=actor.code, country=actor.country, sector=actor.sector, person=actor.person)
            return actor
        if token.pos_ == "NOUN":
            definite = self._definite_state(token, span, resolver)
            if definite is not None:
                return definite
        if require_actor and not (token.pos_ == "PROPN" or token.ent_type_ in _ACTOR_ENTS):
            return None
        acronym = token.is_upper and token.is_alpha and len(token) > 1  # "USAID" mistagged as an adjective
        if (token.pos_ not in ("NOUN", "PROPN") and not acronym) or token.like_num:
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("VERB", "ADJ"):
                # a subject the parser misread as a verb ("recognised Government of ..."): its words still name it
                inside = resolver.find_inside(token.doc[token.left_edge.i:token.right_edge.i + 1].text)
                if inside is not None:
                    return inside
            return None
        if token.pos_ == "PROPN" or token.ent_type_ in _ACTOR_ENTS or acronym:
            resolver.named.add(phrase)  # a name the knowledge base lacks: an actor, not a failed attachment
        return Actor(text=phrase)

    def _actors(self, tokens, resolver: ActorResolver, require_actor: bool = False) -> list[Actor]:
        """Actors of head tokens, splitting coordinated modifiers: "US and British
        activists" are US activists and British activists."""
        found = []
        expanded = []
        for token in tokens:
            expanded.append(token)
            if token.pos_ == "PRON" and token.lower_ in ("they", "them", "we"):
                # "Obama and Putin said they will ...": every one of them
                antecedent = self._antecedent_token(token)
                if antecedent is not None:
                    expanded.extend(t for t in self._with_conjuncts(antecedent)[1:] if t not in expanded)
        for token in expanded:
            pair = self._pair(token, resolver)
            if pair:
                found.extend(pair)  # "the two leaders": both parties of the last meeting
                continue
            actor = self.actor(token, resolver, require_actor)
            if actor is None:
                continue
            found.append(actor)
            for child in token.lefts:
                # (the tagger may miss the first nationality too: "Ghanaian and Togolese troops")
                if child.dep_ in ("amod", "nmod", "compound") and (child.ent_type_ in ("NORP", "GPE") or (
                        child.pos_ in ("ADJ", "PROPN") and child.conjuncts and _known(resolver.resolve(child.text)))):
                    for other in child.conjuncts:
                        # the tagger may call the second nationality a person: the knowledge
                        # base decides ("Armenian and Azerbaijani forces")
                        if other.ent_type_ in ("NORP", "GPE") or other.pos_ in ("ADJ", "PROPN"):
                            extra = resolver.resolve(f"{other.text} {token.text}")
                            if _known(extra):
                                found.append(extra)
        return found

    def _pair(self, token, resolver: ActorResolver) -> list[Actor]:
        """"The two leaders", "both sides": the two parties of the article's last two-sided event."""
        if resolver.last_pair is None or self.book.coreference.get(token.lower_) != "pair":
            return []
        counted = any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                      for c in token.children)
        if not counted:
            return []
        return [Actor(text=f"{token.text} ({actor.text})", code=actor.code, country=actor.country,
                      sector=actor.sector, person=actor.person) for actor in resolver.last_pair]

    def _definite_state(self, token, span, resolver: ActorResolver) -> Actor | None:
        """"The country", "the government", "the army" with no state named: the state
        the article last named as a subject."""
        previous = resolver.last_actor
        if previous is None or not previous.country or len(span) != 1 or token.tag_ != "NN":
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        if self.book.coreference.get(token.lower_) == "state":
            return Actor(text=f"the {token.text} ({previous.country})", code=previous.country, country=previous.country)
        sector = resolver.sector(token.text)
        if sector in _STATE_SECTORS:
            return Actor(text=f"the {token.text} ({previous.country})", code=previous.country + SECTOR_SUFFIX[sector],
                         country=previous.country, sector=sector)
        return None

    def _antecedent(self, pronoun, resolver: ActorResolver) -> Actor | None:
        """The subject of a governing clause, for "The US claimed that they had
        attacked" or "Netanyahu says he will meet"."""
        token = self._antecedent_token(pronoun)
        return self.actor(token, resolver) if token is not None else None

    @staticmethod
    def _antecedent_token(pronoun):
        """The subject, before the pronoun, of the nearest clause governing it."""
        current = pronoun.head
        for _ in range(6):
            for child in current.children:
                if child.dep_ == "nsubj" and child.i < pronoun.i and child.pos_ != "PRON":
                    return child
            if current.head == current:
                break
            current = current.head
        return None

    @staticmethod
    def _with_conjuncts(token):
        """The token and the actors coordinated with it ("X, Y and Z"), which the
        parser may attach as conjuncts or as appositions."""
        found, stack = [], [token]
        while stack and len(found) < 8:
            current = stack.pop()
            if current in found:
                continue
            found.append(current)
            # a name the parser split ("Barack" <- "Obama" and "Putin"): the conjuncts hang on its other words
            inside = [t for t in current.subtree if t.ent_type_ and t.ent_type_ == current.ent_type_
                      and t.ent_iob_ == "I" and t.head == current and current.ent_iob_ == "B"]
            for child in [*current.children, *(c for t in inside for c in t.children)]:
                if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                    stack.append(child)
                elif child.dep_ == "appos" and child.pos_ == "PROPN" and current.pos_ == "PROPN" and (
                        (child.ent_type_ in ("GPE", "NORP") and current.ent_type_ in ("GPE", "NORP"))
                        or any(g.dep_ == "conj" for g in child.children)):  # "Mali, Burkina Faso and Niger"
                    stack.append(child)
        return sorted(found, key=lambda t: t.i)

    # ------------------------------------------------------------ triggers
    def _preps_and_objects(self, verb):
        preps, objects, pobjs = set(), set(), {}
        dobj = None
        passive_subject = None
        for child in verb.children:
            dep = child.dep_
            if dep == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                pobjs.setdefault("to", child)  # "gave Ukraine loans": the receiver, no preposition
                continue
            if dep in _PREP_DEPS:
                if child.dep_ == "prep" and any(o.dep_ == "pobj" for o in child.children) and all(
                        o.ent_type_ in ("DATE", "TIME") and not any(t.ent_type_ in _ACTOR_ENTS for t in o.subtree)
                        and not (self._resolver is not None and self._state_name(o, self._resolver))
                        for o in child.children if o.dep_ == "pobj"):
                    continue  # "called Morrison on Wednesday" is no "call on"
                preps.add(child.lower_)
                for obj in child.children:
                    if obj.dep_ in ("pobj", "pcomp"):
                        pobjs.setdefault(child.lower_, obj)
                        objects.add(obj.lemma_.lower())
            elif dep in ("dobj", "obj"):
                if dobj is not None:
                    # "granted Ukraine the status": the first of two objects receives the second
                    pobjs.setdefault("to", dobj)
                dobj = child
                objects.add(child.lemma_.lower())
                _add_attached_preps(child, preps, pobjs)
            elif dep == "nsubjpass":
                passive_subject = child
                objects.add(child.lemma_.lower())
            elif dep in ("attr", "oprd", "acomp", "xcomp"):
                objects.add(child.lemma_.lower())  # "declined to comment": the clause's verb as object
        # "crack down on": the preposition may hang on the particle
        for child in verb.children:
            if child.dep_ == "prt":
                _add_attached_preps(child, preps, pobjs)
        # the words that say what kind of object it is: "sent peacekeeping troops",
        # "deployed troops on a peacekeeping mission", "opened the border crossing"
        for noun in [n for n in (dobj, passive_subject, *pobjs.values()) if n is not None]:
            objects.update(_kind_words(noun))
            for child in noun.children:
                if child.dep_ == "prep" and noun in (dobj, passive_subject):
                    # "hundreds of drones and missiles": the counted things and their conjuncts
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            objects.update(w.lemma_.lower() for w in (obj, *obj.conjuncts))
        if dobj is not None:
            objects.update(w.lemma_.lower() for w in dobj.conjuncts)  # "fired rockets and shells"
        return preps, objects, pobjs, dobj, passive_subject

    def _noun_code(self, noun, modified_only: bool = False, around=None) -> str | None:
        """Code of an event noun; a modifier may refine it ("joint exercise", "hunger strike").

        ``modified_only``: only a code that the modifier decides. ``around``: prepositions
        and objects of the support verb the noun is the object of.
        """
        lemma = noun.lemma_.lower()
        for child in noun.lefts:  # farthest first: "joint military exercises" is joint
            if child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "ADJ", "PROPN"):
                code = self.book.nouns.get(f"{child.lemma_.lower()} {lemma}")
                if code:
                    return code
        if modified_only:
            return None
        return self._noun_frame_code(noun, around) or self.book.nouns.get(lemma)

    def _epithet(self, verb, names) -> _Trigger | None:
        """"Called China a strategic partner", "described Russia as an aggressor": the name
        (one of ``names``, from :meth:`_names`) given to the verb's object codes the act
        (data/epithets.tsv); None when no name is known."""
        for name in names:
            for word in (name, *name.conjuncts):
                code = self.book.epithets.get(word.lemma_.lower())
                if code is None:  # "a terrorist state": the modifier names it
                    code = next((self.book.epithets[m.lemma_.lower()] for m in word.children
                                 if m.dep_ in ("amod", "compound") and m.lemma_.lower() in self.book.epithets), None)
                if code is not None:  # the name is no target: the one named is
                    return _Trigger(verb, code, f"{verb.text} {word.text}", True, noun=name)
        return None

    def _earlier_doer(self, noun, resolver: ActorResolver) -> Actor | None:
        """Who did the act a definite event noun refers back to ("the tariffs", "these
        strikes"): the source of the article's last such act, by CAMEO root."""
        if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that")
                                          for c in noun.children):
            return None
        roots = [code[:2] for code in (self._noun_code(noun),) if code]
        frame = self.book.match_verb(noun.lemma_.lower(), set(), set())  # "the strikes": what striking is
        if frame is not None:
            roots.append(frame.cameo[:2])
        return next((resolver.doers[root] for root in roots if root in resolver.doers), None)

    @staticmethod
    def _reciprocal(verb) -> bool:
        """Whether the verb's object is "each other" or "one another": every subject to every other."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        objects += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        return any((o.lower_ == "other" and any(c.lower_ == "each" for c in o.children))
                   or ({o.lower_, *(c.lower_ for c in o.children)} >= {"one", "another"}) for o in objects)

    @staticmethod
    def _names(verb) -> list:
        """The names a naming verb gives its object: "a partner" in "called X a partner",
        "branded X a puppet" (two objects), "described X as an aggressor"."""
        named = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not named:
            return []  # "called President Erdogan", misparsed: a name with nobody named is no naming
        names = [c for c in verb.children if c.dep_ in ("oprd", "attr") and c.i > named[0].i]
        names += [c for c in verb.children if c.dep_ == "dobj"][1:]
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                names += [o for o in child.children if o.dep_ == "pobj"]
        return names

    def _noun_frame_code(self, noun, around=None) -> str | None:
        """Code of a noun that names a verb's act, from that verb's frames matched on the
        noun's own prepositions and objects: "the deployment of peacekeepers" (074),
        "deployment of troops at the request of X" (074). None when no specific frame fits."""
        verb = self.book.noun_verbs.get(noun.lemma_.lower())
        if verb is None:
            return None
        preps, objects = (set(around[0]), set(around[1])) if around else (set(), set())
        heads = [noun]
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep":
                    continue
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    objects.add(obj.lemma_.lower())
                    objects.update(_kind_words(obj))
                    if child.lower_ == "of" and head is noun:
                        heads.append(obj)  # "deployment of troops to X": what is deployed, and where
                if child.lower_ != "of":
                    preps.add(child.lower_)
        frame = self.book.match_verb(verb, preps, objects)
        return frame.cameo if frame is not None and frame.specificity else None

    def _lemma(self, token) -> str:
        """The token's lemma, mended from its form when the lemmatiser slipped ("staged" -> "stag")."""
        lemma = token.lemma_.lower()
        if lemma in self.book.verbs or lemma in self.book.support_verbs or lemma in self.book.word_category:
            return lemma
        return self.book.verb_lemma(token.text) or lemma

    def verb_trigger(self, verb) -> _Trigger | None:
        lemma = self._lemma(verb)
        if "receiving" in self.book.word_category.get(lemma, ()):
            preps, objects, pobjs, dobj, passive_subject = self._preps_and_objects(verb)
            giver = pobjs.get("from")
            if giver is not None and dobj is not None:
                # "received weapons from X" is X giving weapons
                frame = self.book.match_verb("give", preps - {"from"}, objects)
                if frame is not None and frame.objects:
                    return _Trigger(verb, frame.cameo, f"{verb.text} {dobj.text} from", True, giver=giver)
                # "faces pressure from X", "drew criticism from X": X does the noun's act
                code = self._noun_code(dobj) if dobj.pos_ == "NOUN" else None
                if code and giver.pos_ in ("PROPN", "NOUN"):
                    return _Trigger(verb, code, f"{verb.text} {dobj.text} from", True, noun=dobj, giver=giver)
        names = self._names(verb) if "naming" in self.book.word_category.get(lemma, ()) else []
        if names:  # without a known name, "called the report a fabrication" is no telephone call
            return self._epithet(verb, names)
        if lemma not in self.book.verbs and lemma not in self.book.support_verbs:
            return None
        preps, objects, pobjs, dobj, passive_subject = self._preps_and_objects(verb)
        frame = self.book.match_verb(lemma, preps, objects)
        if frame is not None and frame.objects and dobj is not None and lemma in self.book.support_verbs:
            # "launched an air strike": the modified noun is more precise than the verb's frame
            code = self._noun_code(dobj, modified_only=True)
            if code:
                return _Trigger(verb, code, f"{verb.text} {dobj.text}", True, noun=dobj)
        if frame is not None and (frame.objects or frame.preps):
            words = " ".join([verb.text, *sorted(frame.preps)] + ([dobj.text] if frame.objects and dobj is not None else []))
            return _Trigger(verb, frame.cameo, words, True, frame_preps=frame.preps, objects=frame.objects)
        # support verb + event noun: "launched an attack on", "held talks with"
        if lemma in self.book.support_verbs:
            noun = dobj if dobj is not None else passive_subject
            if noun is not None and noun.pos_ == "NOUN" and not self._noun_code(noun):
                # "a new round of talks", "a package of sanctions": the counted acts are the event
                noun = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                             for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and self._noun_code(o)), noun)
            if noun is not None and noun.pos_ == "NOUN":
                # the verb's own phrases belong to the act too ("announced the deployment ... to X")
                code = self._noun_code(noun, around=(preps, objects))
                if code:
                    return _Trigger(verb, code, f"{verb.text} {noun.text}", True, noun=noun)
        if frame is not None:
            return _Trigger(verb, frame.cameo, verb.text, False)
        return None

    # ------------------------------------------------------------ roles
    @staticmethod
    def _is_passive(verb) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

    def kinds(self, verb) -> set[str]:
        """Voice categories of a verb: of its lemma, and of "lemma particle" ("call on")."""
        lemma = verb.lemma_.lower()
        found = set(self.book.word_category.get(lemma, ()))
        for child in verb.children:
            if child.dep_ in ("prep", "prt"):
                found |= self.book.word_category.get(f"{lemma} {child.lower_}", set())
        return found

    @staticmethod
    def _wants_another(verb) -> bool:
        """Whether a verb of wanting has someone else do the wanted act ("wants Putin to attack")."""
        own = [c for c in verb.children if c.dep_ == "nsubj"]
        for child in verb.children:
            if child.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                subjects = [c for c in child.children if c.dep_ == "nsubj"]
                if subjects and (not own or subjects[0].lower_ != own[0].lower_):
                    return True
            if child.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.children):
                return True
        return False

    @staticmethod
    def _judged(verb):
        """"criticised Kosovo for arresting", "accused Israel of attacking": the
        object of the judging verb did the act of its "for"/"of" clause."""
        head = verb.head
        if verb.dep_ != "pcomp" or head.dep_ != "prep" or head.lower_ not in ("for", "of"):
            return None
        governor = head.head
        if governor.pos_ not in ("VERB", "AUX"):
            return None
        return next((c for c in governor.children if c.dep_ in ("dobj", "obj")), None)

    def _controller(self, verb):
        """For a "to"-clause or bare coordinated verb: the token its subject comes from."""
        head = verb.head
        if verb.dep_ == "xcomp":
            kinds = self.kinds(head)
            if kinds & {"appeal", "demand", "order"}:
                for child in head.children:
                    if child.dep_ in ("dobj", "obj"):
                        return child
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in ("on", "upon", "with"):
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                return obj
            own_code = (self.verb_trigger(head) or _Trigger(head, "", "", False)).cameo
            if "intent" not in kinds and not own_code.startswith("04"):
                # "persuaded Mali to expel", "forced Kyiv to withdraw": the object does the
                # act (but "promised Kenya to send aid" is the promiser's own act, and
                # "called / visited X to discuss" the caller's purpose)
                for child in head.children:
                    if child.dep_ in ("dobj", "obj") and child.i < verb.i and child.pos_ in ("PROPN", "NOUN", "PRON"):
                        return child
        return None

    def subjects(self, verb, depth: int = 0) -> tuple[list, bool]:
        """Source tokens of ``verb`` and whether they came from a passive agent."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj") and child.i >= self._after_dateline:
                return self._with_conjuncts(child), False
        if self._is_passive(verb):
            for child in verb.children:
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return self._with_conjuncts(obj), True
            # "rockets were fired from Gaza": those in the place they came from
            if (self.verb_trigger(verb) or _Trigger(verb, "", "", False)).cameo[:2] in ("18", "19", "20"):
                for child in verb.children:
                    if child.dep_ == "prep" and child.lower_ == "from":
                        for obj in child.children:
                            if obj.dep_ == "pobj" and (obj.ent_type_ in _PLACE_ENTS or obj.pos_ == "PROPN"):
                                return [obj], True
            # "were killed in an Israeli air strike": the strike's actor did it
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "during", "by", "after"):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and self._noun_code(obj):
                            actor_token = self._noun_actor(obj)
                            if actor_token is not None:
                                return [actor_token], True
            return [], True
        if depth > 4:
            return [], False
        judged = self._judged(verb)
        if judged is not None:
            return self._with_conjuncts(judged), False
        responsible = self._responsible(verb) if verb.dep_ == "pcomp" else None
        if responsible is not None:
            return self._with_conjuncts(responsible), False  # "X is guilty of violating the truce"
        controller = self._controller(verb)
        if controller is not None:
            return self._with_conjuncts(controller), False
        if verb.dep_ == "conj" and not any(c.dep_ == "cc" for t in (verb.head, *verb.head.conjuncts) for c in t.children):
            return [], False  # a "conjunct" with no "and"/"or" anywhere is a misparse, not a shared subject
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and verb.head != verb:
            if verb.dep_ in ("advcl", "xcomp") and "purpose" in self.kinds(verb.head):
                return self.subjects(verb.head, depth + 1)  # "France sent experts to investigate": France investigates
            if verb.dep_ == "advcl" and verb.tag_ not in ("VBG", "VBN"):
                return [], False
            if self._is_passive(verb.head):
                if verb.dep_ == "xcomp":
                    # "Obama is scheduled to attend", "X was forced to withdraw"
                    for child in verb.head.children:
                        if child.dep_ == "nsubjpass":
                            return self._with_conjuncts(child), False
                return [], False
            return self.subjects(verb.head, depth + 1)
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head], False
        if verb.dep_ == "ROOT":
            # a subject the parser attached as a modifier ("..., USAID provided"): the nearest name before the verb
            for token in reversed(list(verb.doc[max(verb.sent.start, self._after_dateline):verb.i])):
                if token.pos_ in ("VERB", "AUX") or token.dep_ == "pobj":
                    break
                if token.ent_type_ in _ACTOR_ENTS or (token.is_upper and len(token) > 1 and token.is_alpha):
                    return [token], False
        if verb.dep_ == "acl" and verb.tag_ != "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
            noun = verb.head
            if noun.dep_ in ("dobj", "obj") and noun.head.pos_ in ("VERB", "AUX") and any(
                    c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in noun.children):
                return self.subjects(noun.head, depth + 1)  # "X reaffirmed its commitment to defend Y": X
            return [noun], False
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "a truce brokered by Qatar"
            for child in verb.children:
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return self._with_conjuncts(obj), True
            return [], True
        return [], False

    def _actor_inside(self, phrase_head, resolver: ActorResolver):
        """The first named state actor inside a noun phrase, outside its clauses."""
        # a participle that says what the thing does is part of it ("an attack targeting
        # a mall in Kenya"); a relative clause or "brokered by Qatar" tells of another act
        clauses = [t for t in phrase_head.subtree if t != phrase_head and (
            t.dep_ in ("relcl", "advcl") or (t.dep_ == "acl" and t.tag_ != "VBG"))]
        for inner in phrase_head.subtree:
            if inner == phrase_head or inner.ent_type_ not in _ACTOR_ENTS or inner.ent_iob_ != "B":
                continue  # (the tagger may call a state a person: "talks with Togo")
            if any(c.left_edge.i <= inner.i <= c.right_edge.i for c in clauses):
                continue
            if _known(self.actor(inner, resolver, require_actor=True)):
                return inner
        return None

    @staticmethod
    def _noun_actor(noun):
        """The actor attached to an event noun: "Israel's", "Israeli", "US", "by X"."""
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG")):
                return child
            if child.dep_ == "prep" and child.lower_ == "by":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        for child in noun.lefts:  # "Israeli tank shelling": the actor modifies the modifier
            if child.dep_ == "compound":
                for grand in child.children:
                    if grand.dep_ in ("amod", "compound") and grand.ent_type_ in ("NORP", "GPE"):
                        return grand
        return None

    def _target_tokens(self, verb, trigger: _Trigger, resolver: ActorResolver, passive: bool):
        preps, objects, pobjs, dobj, passive_subject = self._preps_and_objects(verb)
        if trigger.noun is not None:
            for child in trigger.noun.children:
                if child.dep_ == "prep":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            pobjs.setdefault(child.lower_, obj)
        if trigger.cameo[:3] in _FORCES_PLACED:
            for prep in _HOST_PREPS:
                host = pobjs.get(prep)
                if host is not None and not self.book.is_(host.lemma_.lower(), "frontier"):
                    del pobjs[prep]  # "deployed troops to Mali": the host is no foe of the show of force
        if passive and passive_subject is not None and trigger.noun != passive_subject \
                and not self._moved(passive_subject, trigger, resolver):
            if self.actor(passive_subject, resolver, require_actor=True) is None:
                inside = self._actor_inside(passive_subject, resolver)
                if inside is not None:
                    return [inside]  # "Evidence against Russia was presented"
                for prep in (*sorted(trigger.frame_preps), "at", "on", "against", "into", "toward", "towards"):
                    obj = pobjs.get(prep)
                    if obj is not None and self.actor(obj, resolver, require_actor=True) is not None:
                        return self._with_conjuncts(obj)  # "a rocket was fired at Israel"
            return self._with_conjuncts(passive_subject)
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head]  # "soldiers killed in Ukraine": the soldiers were acted on
        receiver = pobjs.get("to") if trigger.cameo[:2] in _MOVED_OBJECT_ROOTS else None
        if receiver is not None and self.actor(receiver, resolver, require_actor=True) is None:
            receiver = None
        if dobj is not None and trigger.noun != dobj and not self._own(dobj) and receiver is None:
            # ("recalled its ambassador from Peru": one's own envoy is not the target;
            # "handed over the presidency to X": what is given is not either)
            if self.actor(dobj, resolver, require_actor=True) is not None:
                return self._with_conjuncts(dobj)
        for prep in (*sorted(trigger.frame_preps), *_TARGET_PREPS):
            obj = pobjs.get(prep)
            if obj is not None and obj != trigger.noun and self.actor(obj, resolver, require_actor=True) is not None:
                return self._with_conjuncts(obj)
        # a generic group after the preposition: "air strikes on ISIL fighters in Mosul"
        for prep in (*sorted(trigger.frame_preps), *_TARGET_PREPS):
            obj = pobjs.get(prep)
            if obj is not None and obj != trigger.noun and obj.pos_ == "NOUN" and resolver.sector(obj.text) \
                    and not self._own(obj):
                return self._with_conjuncts(obj)
        # an actor named inside the object ("China's assistance", "the Russian building")
        for obj in (dobj, *[pobjs.get(p) for p in (*sorted(trigger.frame_preps), *_TARGET_PREPS)]):
            if obj is None:
                continue
            for child in obj.children:
                if child.dep_ == "poss" and self.actor(child, resolver, require_actor=True) is not None:
                    return [child]
        # words about a thing answer its author: "rejected a truce proposal put forward by the US"
        if dobj is not None and _answers(trigger.cameo):
            for clause in dobj.children:
                if clause.dep_ == "acl" and clause.tag_ == "VBN":
                    for obj in (o for by in clause.children if by.dep_ == "agent" for o in by.children):
                        if obj.dep_ == "pobj" and _known(self.actor(obj, resolver, require_actor=True)):
                            return self._with_conjuncts(obj)
        # an actor anywhere in the object's phrase ("a part of Syria's second city", "a mall in Kenya")
        for obj in (dobj, *[pobjs.get(p) for p in (*sorted(trigger.frame_preps), *_TARGET_PREPS)]):
            if obj is None or obj == trigger.noun:
                continue
            inside = self._actor_inside(obj, resolver)
            if inside is not None:
                return [inside]
        # a generic object: "detained 18 people", "killed 500 civilians", "freed the hostages";
        # but what is sent, deployed or given is no target ("deployed troops")
        if dobj is not None and dobj != trigger.noun and dobj.pos_ == "NOUN" and resolver.sector(dobj.text) \
                and trigger.cameo[:2] not in _MOVED_OBJECT_ROOTS and "purpose" not in self.kinds(verb):
            return self._with_conjuncts(dobj)
        if trigger.cameo[:2] not in _PLACED_ROOTS:
            return []  # "made remarks in Doha" is no statement to Qatar
        for prep in _LOCATION_PREPS:
            obj = pobjs.get(prep)
            if obj is not None:
                actor = self.actor(obj, resolver, require_actor=True)
                if _known(actor) and actor.country:
                    return [obj]
                if prep in _NEARBY_PREPS:
                    inside = self._actor_inside(obj, resolver)
                    if inside is not None and self.actor(inside, resolver, require_actor=True).country:
                        return [inside]
        return []

    def _wielder(self, token, resolver: ActorResolver):
        """Who is behind a weapon or an attack that is the subject: "a car bombing by
        the Islamic State group killed", "missiles fired by the Israeli army struck"."""
        code = self._noun_code(token)
        if token.pos_ != "NOUN" or (code is not None and code[:2] < "14"):
            return token  # "the statement by X ... seeking": words do not act, their author may be elsewhere
        own = self.actor(token, resolver)
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _POSSESSOR_PRONOUNS), None)
        if owner is not None and not (own is not None and own.country) \
                and token.lemma_.lower() not in self.book.epithets:  # "its allies" are others
            antecedent = self._antecedent_token(owner)  # "X said its drones hit": X's drones
            if antecedent is not None and _known(self.actor(antecedent, resolver)):
                return antecedent
        if own is not None and _side(own, resolver) in ("known", "named", "generic"):
            return token
        agent = self._noun_actor(token)
        if agent is None:
            for child in token.children:
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    agent = next((obj for by in child.children if by.dep_ == "agent"
                                  for obj in by.children if obj.dep_ == "pobj"), None)
                    if agent is not None:
                        break
        return agent if agent is not None else token

    def _moved(self, token, trigger: _Trigger, resolver: ActorResolver) -> bool:
        """Whether ``token``, the subject of a passive, is what the act moves rather than
        whom it is done to: "troops were deployed to X", "aid was sent to Y" (but
        "Ukraine was sent weapons" names the receiver)."""
        if trigger.cameo[:2] not in _MOVED_OBJECT_ROOTS:
            return False
        actor = self.actor(token, resolver, require_actor=True)
        return actor is None or actor.sector in _ARMED_SECTORS

    def _speaks_for_state(self, actor: Actor) -> bool:
        """A government, or the state named as itself ("Vietnam protested"),
        not its people ("Egyptians protested") or someone merely from it."""
        if not actor.country:
            return False
        if actor.sector in _OFFICIAL_SECTORS:
            return True
        return actor.sector is None and self._resolver is not None and self._resolver.names_state(actor.text)

    @staticmethod
    def _state_name(token, resolver: ActorResolver) -> bool:
        """Whether a proper noun the tagger took for a date or a number names a state
        ("pushed into Niger" tagged DATE): the state list outranks the tagger."""
        if token.pos_ != "PROPN":
            return False
        actor = resolver.resolve(token.text)
        return actor is not None and actor.country is not None and actor.code == actor.country

    @staticmethod
    def _own(token) -> bool:
        """"its troops", "their forces": the subject's own people, not a target."""
        return any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in token.children)

    def _dateline(self, sent, resolver: ActorResolver) -> Actor | None:
        """The place of a wire dateline opening an article ("KABUL, Afghanistan (AP) -- ",
        "GAZA CITY: "), which is where the article's events happen unless it says otherwise."""
        for token in sent[:10]:
            if token.text in (":", "--", "—", "–") or (token.text == "-" and token.whitespace_):
                words = sent.doc[sent.start:token.i]
                if not words or any(t.is_alpha and not t.text[:1].isupper() for t in words):
                    return None
                # "KABUL, Afghanistan (AP)": the place comes before the agency
                text = words.text.split("(")[0].strip(" ,")
                place = resolver.resolve(text.title() if text.isupper() else text)
                if not (_known(place) and place.country):
                    return None
                self._after_dateline = token.i + 1  # the dateline's words are nobody's subject
                return place
        return None

    def _place(self, verb, resolver: ActorResolver) -> Actor | None:
        """The state where an act took place: "in Aleppo", "in an air strike in Gaza"."""
        heads = [verb]
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ != "in":
                    continue
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    if obj.pos_ == "NOUN" and self._noun_code(obj):
                        if head is verb:
                            heads.append(obj)  # "killed in shelling in Gaza": the shelling's place
                        continue
                    # a named place, not a nationality ("in Israeli shelling" names no place)
                    if obj.ent_type_ in _PLACE_ENTS or obj.pos_ == "PROPN":
                        candidates = [obj]
                    else:
                        candidates = [t for t in obj.subtree if t.ent_type_ in _PLACE_ENTS and t.ent_iob_ == "B"]
                    for candidate in candidates:
                        actor = self.actor(candidate, resolver, require_actor=True)
                        if _known(actor) and actor.country:
                            return actor
        return resolver.dateline

    @staticmethod
    def _placed(target: Actor, place: Actor, resolver: ActorResolver, sectors=None) -> Actor:
        """A generic actor ("civilians", "three soldiers", "police") as one of the place."""
        if _known(target) or _side(target, resolver) != "generic":
            return target
        sector = resolver.sector(target.text)
        if sectors is not None and sector not in sectors:
            return target
        return Actor(text=f"{target.text} in {place.text}", code=place.country + SECTOR_SUFFIX.get(sector, ""),
                     country=place.country, sector=sector)

    # ------------------------------------------------------------ voice
    def voice(self, verb, resolver: ActorResolver, reporters: set[int] | None = None):
        """(negated, modality, speaker token, obliged) of an event triggered by ``verb``.

        ``obliged`` is set by "must"/"should" on the verb itself. The verbs of
        saying met on the way up are added to ``reporters``.
        """
        negated = False
        modality = "asserted"
        speaker = None
        obliged = False
        modals: set[str] = set()

        def bump(value: str) -> None:
            nonlocal modality
            if _MODALITY_RANK[value] > _MODALITY_RANK[modality]:
                modality = value

        def own_voice(tok, inherited: bool) -> None:
            nonlocal negated, obliged
            if not inherited:
                modals.update(c.lower_ for c in tok.children if c.dep_ == "aux")
            for child in tok.children:
                lower = child.lower_
                if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and lower in ("never",)):
                    if not inherited:
                        negated = True
                elif child.dep_ == "advmod" and lower == "longer":
                    if any(c.lower_ == "no" for c in child.children) and not inherited:
                        negated = True
                elif child.dep_ in ("aux", "auxpass"):
                    categories = self.book.word_category.get(lower, ())
                    if "obligation" in categories and not inherited:
                        obliged = True
                    if "hypothetical" in categories:
                        bump("hypothetical")
                    elif "future" in categories:
                        bump("future")
                elif child.dep_ == "mark" and lower in self.book.voice.get("conditional", ()):
                    bump("conditional")
            if tok.lower_ == "going" and any(c.dep_ == "xcomp" for c in tok.children):
                bump("future")

        own_voice(verb, False)
        current = verb
        for _ in range(8):
            dep = current.dep_
            head = current.head
            if head == current or dep == "ROOT":
                break
            head_kinds = self.kinds(head)
            if dep in ("xcomp", "ccomp", "parataxis", "advcl", "conj", "pcomp", "acomp"):
                if dep in ("ccomp", "parataxis") and "speech" in head_kinds and speaker is None:
                    subj = self.subjects(head)[0]
                    speaker = subj[0] if subj else None
                    if reporters is not None:
                        reporters.add(head.i)
                    # what a source reports keeps its own voice; the carrier's words do not negate it
                    own_voice(head, True)
                    current = head
                    continue
                if dep in ("xcomp", "ccomp"):
                    for kind, value in _VOICE_KIND.items():
                        if kind in head_kinds:
                            bump(value)
                            break
                    if "reject" in head_kinds:
                        negated = True
                own_voice(head, dep == "conj")
                if any(c.dep_ == "neg" for c in head.children) and dep in ("xcomp",) and "reject" not in head_kinds:
                    # "did not agree to meet": the inner event did not happen
                    negated = True
                current = head
                continue
            if dep == "pcomp" or dep == "pobj" or dep == "prep":
                current = head
                continue
            break
        if speaker is not None and modality == "hypothetical" and "would" in modals and \
                not modals & {"could", "might", "may", "should", "must"}:
            modality = "future"  # "said they would sign": the future of the reported past
        # "according to X"
        if speaker is None:
            for token in verb.sent:
                if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                    for child in token.doc[token.i + 1].children:
                        if child.dep_ == "pobj":
                            speaker = child
                    break
        return negated, modality, speaker, obliged

    # ------------------------------------------------------------ sentence
    @staticmethod
    def _embedding(token) -> float:
        """Confidence lost by an event told in a subordinate clause (a relative,
        adverbial or prepositional clause): usually background, not the news."""
        penalty = 0.0
        while token.head != token:
            if token.dep_ in ("advcl", "relcl", "acl", "pcomp", "csubj"):
                penalty += 0.2
            token = token.head
        return min(penalty, 0.3)

    def _depth(self, token) -> int:
        depth = 0
        while token.head != token and depth < 50:
            token = token.head
            depth += 1
        return depth

    def code_sentence(self, sent, sentence_index: int, resolver: ActorResolver, date: str | None) -> list[Event]:
        """All events of one parsed sentence."""
        self._after_dateline = sent.start
        self._resolver = resolver
        if sentence_index == 0:
            resolver.dateline = self._dateline(sent, resolver)
        triggers: dict[int, _Trigger] = {}
        for token in sent:
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT" and token.lemma_ != "be") or (
                    # headline grammar the tagger misreads: "EU and UN hand over supplies"
                    token.dep_ == "ROOT" and token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children)) or (
                    token.pos_ == "ADJ" and token.dep_ == "acomp"):
                trigger = self.verb_trigger(token)
                if trigger is not None:
                    triggers[token.i] = trigger
        # "stopped fighting", "agreed to halt fighting": the gerund is the frame's object, not an event
        for trigger in list(triggers.values()):
            for child in trigger.token.children:
                if child.i in triggers and child.tag_ == "VBG" and child.dep_ in ("xcomp", "dobj", "ccomp") \
                        and child.lemma_.lower() in trigger.objects:
                    del triggers[child.i]
        consumed_nouns = {t.noun.i for t in triggers.values() if t.noun is not None}
        for trigger in triggers.values():
            _, _, _, dobj, passive_subject = self._preps_and_objects(trigger.token)
            if trigger.specific and dobj is not None:
                consumed_nouns.add(dobj.i)

        events: list[tuple[int, int, Event]] = []  # (depth, order, event)
        reporters: set[int] = set()
        # "seeking to deepen", "hopes to meet": such verbs only give the voice of their clause's act
        for index in [i for i, t in triggers.items() if "hollow" in self.kinds(t.token)]:
            if any(c.dep_ == "xcomp" and c.i in triggers for c in triggers[index].token.children):
                del triggers[index]
        # "sent experts to investigate", "will send police to Haiti to help restore order":
        # a sending serves the act of its purpose clause (the first one), whether or not it
        # has a code of its own, and its destination is the act's target
        served: set[int] = set()
        for index, inner in sorted(triggers.items()):
            token, head = inner.token, inner.token.head
            if token.dep_ in ("xcomp", "advcl") and head.i < index and head.i not in served \
                    and "purpose" in self.kinds(head) and any(c.lower_ == "to" for c in token.children) \
                    and not inner.cameo.startswith("01"):
                sending = triggers.get(head.i)
                words = sending.words if sending is not None else head.text
                preps = sending.frame_preps if sending is not None else frozenset()
                triggers[head.i] = _Trigger(head, inner.cameo, f"{words} to {inner.words}", True, frame_preps=preps)
                served.add(head.i)
        # nouns that carry their clause: "Putin's offer to mediate" is an intention, "a demand
        # to withdraw" a demand; the clause's event takes the carrier's code
        for token in sent:
            kinds = self.book.word_category.get(token.lemma_.lower(), ()) if token.pos_ == "NOUN" else ()
            carrier_kind = next((k for k in _CARRIERS if k in kinds), None)
            if carrier_kind is None:
                continue
            for child in token.children:
                inner = triggers.get(child.i)
                if child.dep_ == "acl" and inner is not None and not inner.cameo.startswith("01") \
                        and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                    triggers[child.i] = replace(inner, cameo=self.book.carrier_code(carrier_kind, inner.cameo),
                                                words=f"{token.text} to {inner.words}")
                    break
        # carriers: "pledged to send", "urged X to release", "refused to withdraw", "failed to reach"
        carried: set[int] = set()
        for token in sent:
            kinds = self.kinds(token) if token.pos_ in ("VERB", "AUX") else ()
            carrier_kind = next((k for k in _CARRIERS if k in kinds), None)
            if carrier_kind is None and "hope_frame" in kinds and self._wants_another(token):
                carrier_kind = "appeal"  # "Obama wants Putin to act": an appeal to Putin
            if carrier_kind is None:
                continue
            for child in token.children:
                inner = triggers.get(child.i)
                if child.dep_ in ("xcomp", "ccomp") and inner is not None and not inner.cameo.startswith("01"):
                    code = self.book.carrier_code(carrier_kind, inner.cameo)
                    own = triggers.get(token.i)
                    triggers[token.i] = _Trigger(token, code, f"{token.text} to {inner.words}", True,
                                                 frame_preps=own.frame_preps if own else frozenset())
                    carried.add(token.i)
                    break
        for index, trigger in sorted(triggers.items()):
            depth = self._depth(trigger.token)
            events.extend((depth - lift, index, event) for lift, event in
                          self._events_for(trigger, sent, sentence_index, resolver, date, reporters,
                                           frozenset(carried)))
        events.extend(self._nominal_events(sent, sentence_index, resolver, date, consumed_nouns, reporters))
        events.extend(self._bare_demands(sent, sentence_index, resolver, date, triggers, reporters))
        # A verb of saying that reports another event is not itself an event.
        result = []
        seen = set()
        for depth, index, event in sorted(events, key=lambda item: (item[0], item[1])):
            if index in reporters and event.cameo.startswith("01"):
                continue
            key = (event.source.text, event.target.text if event.target else None, event.cameo)
            if key in seen:
                continue  # "pledged to send aid": the intent once, not again for "send"
            seen.add(key)
            result.append(event)
        self._remember(sent, resolver)
        for event in result:
            if _known(event.source) and event.target is not None and event.modality == "asserted" \
                    and not event.negated and event.confidence >= 0.5:
                resolver.doers[event.cameo[:2]] = event.source
        for event in result:
            if _known(event.source) and event.target is not None and _known(event.target) \
                    and (event.source.country or event.source.code) != (event.target.country or event.target.code):
                resolver.last_pair = (event.source, event.target)
                break
        return result

    def _remember(self, sent, resolver: ActorResolver) -> None:
        """Keep the sentence's main subject for "they"/"it" in the next one."""
        root = sent.root
        subj, _ = self.subjects(root)
        if subj and subj[0].pos_ != "PRON":
            actor = self.actor(subj[0], resolver, require_actor=True)
            if _known(actor):
                resolver.last_actor = actor

    def _make_event(self, trigger_words: str, cameo: str, sent, sentence_index, source: Actor, target: Actor | None,
                    negated: bool, modality: str, speaker: Actor | None, date, confidence: float) -> Event | None:
        sectors = {actor.sector for actor in (source, target) if actor is not None}
        if cameo in self.book.armed_codes and sectors & _ARMED_SECTORS and not sectors & _UNARMED_SECTORS:
            cameo = self.book.armed_codes[cameo]  # "troops clashed" is fighting; with rioters it is a riot
        elif cameo in self.book.source_codes:
            # "Vietnam protested" is a complaint, not dissent (data/source_codes.tsv)
            kind = "state" if self._speaks_for_state(source) else source.sector
            cameo = self.book.source_codes[cameo].get(kind, cameo)
        info = self.cameo_info(cameo)
        if info is None:
            cameo = cameo[:3] if len(cameo) == 4 else cameo[:2]
            info = self.cameo_info(cameo)
            if info is None:
                return None
        return Event(
            sentence_index=sentence_index, sentence=sent.text.strip(), source=source, target=target,
            cameo=cameo, quad=info.quad, goldstein=info.goldstein, plover=info.plover,
            negated=negated, modality=modality, speaker=speaker, date=date,
            confidence=max(0.05, min(0.95, confidence)), trigger=trigger_words,
        )

    def _reported(self, verb, trigger, speaker: Actor, speaker_token, events, sent, sentence_index, date,
                  own: bool = False):
        """What reporting an act says about the reporter: claiming one's own act
        claims responsibility (015); alleging another's violence accuses them (112).

        Either way the act itself rests on the word of a party, so it drops
        below one half. An attribution after the report ("..., officials
        said") only names the source of the news: nobody is accused.
        """
        reporting_verb = speaker_token.head
        kinds = self.kinds(reporting_verb)
        lift = self._depth(verb) - self._depth(reporting_verb)
        front = reporting_verb.i < verb.i
        made = []
        for _, event in events:
            # "X claimed that they had attacked": a pronoun subject is the claimant
            same = own or (_known(event.source) and _known(speaker) and
                           (event.source.country or event.source.code) == (speaker.country or speaker.code))
            if not same and not (_known(speaker) and event.source.text):
                continue
            if same and "admission" in kinds:
                code, target, depth = "015", event.target, lift
                confidence = event.confidence * 0.9
            elif not same and front and "allegation" in kinds and event.cameo[:2] in ("17", "18", "19", "20") \
                    and event.modality == "asserted" and not event.negated:
                code, target, depth = "112", event.source, lift  # the accusation stands for the sentence
                confidence = 0.75 if _known(event.source) else 0.6
            else:
                continue
            found = self._make_event(f"{reporting_verb.text} ({trigger.words})", code, sent, sentence_index, speaker,
                                     target, False, "asserted", speaker, date, confidence)
            if found is not None:
                made.append((depth, found))
                event.confidence = min(event.confidence, _CLAIMED_ACT_CONFIDENCE)
        return made

    def intended(self, cameo: str, negated: bool, modality: str, reported: bool = False) -> tuple[str, bool, str]:
        """CAMEO codes an action announced for the future as its intention:
        "will release" is an intent to release (03), "will attack" a threat
        (13), and "will not release" a refusal (12), which is itself a fact.

        A meeting or visit that the news itself schedules ("X will meet Y",
        "X is due to visit Y") stays a meeting, in the future; one that a
        party announces or wishes for ("X said it would meet Y", "X wants to
        visit Y") is an intention to meet (036)."""
        if modality not in ("future", "hypothetical"):
            return cameo, negated, modality
        root = cameo[:2]
        if root == "04" and modality == "future" and not negated and not reported:
            return cameo, negated, modality
        if "03" <= root <= "08":
            if negated:
                return self.book.carrier_code("reject", cameo), False, "asserted"
            return self.book.carrier_code("intent", cameo), negated, modality
        if not negated and root in ("14", "15", "16", "17", "18", "19", "20"):
            return self.book.carrier_code("threaten", cameo), negated, modality
        return cameo, negated, modality

    def _events_for(self, trigger: _Trigger, sent, sentence_index, resolver, date, reporters,
                    carriers: frozenset = frozenset()) -> list[tuple[int, Event]]:
        verb = trigger.token
        source_tokens, from_agent = self.subjects(verb)
        passive = self._is_passive(verb)
        if passive and not source_tokens:
            # "Russian troops were deployed to X": with no agent, the forces moved act for their state
            moved = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            forces = self.actor(moved, resolver, require_actor=True) if moved is not None else None
            if forces is not None and forces.sector in _ARMED_SECTORS and trigger.cameo[:2] in _MOVED_OBJECT_ROOTS:
                source_tokens = self._with_conjuncts(moved)
        if trigger.giver is not None:
            target_tokens, source_tokens = source_tokens, self._with_conjuncts(trigger.giver)
        else:
            target_tokens = self._target_tokens(verb, trigger, resolver, passive)
        if "helping" in self.kinds(verb):
            clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
            if not target_tokens and clause is not None and clause.dep_ == "ccomp":
                # "helped Russia recapture territory": the one helped is the clause's subject
                target_tokens = [c for c in clause.children if c.dep_ == "nsubj"][:1]
            helped = self.verb_trigger(clause) if clause is not None else None
            if helped is not None and trigger.cameo[:2] == "07" and helped.cameo[:2] in _FORCE_ROOTS:
                trigger = replace(trigger, cameo="062")  # help to fight is military cooperation
        if not target_tokens and ((self.kinds(verb) & {"demand", "appeal"}) or (
                "hope_frame" in self.kinds(verb) and self._wants_another(verb))):
            # "Obama wants Putin to attack": the appeal goes to Putin
            for child in verb.children:
                if child.dep_ == "ccomp":
                    target_tokens = [c for c in child.children if c.dep_ == "nsubj"][:1]
        if not target_tokens:
            # "pledged to expel X", "denied attacking X": the clause's target is the carrier's
            purpose = "purpose" in self.kinds(verb)
            for child in verb.children:
                if child.pos_ == "VERB" and (child.dep_ == "xcomp" or (purpose and child.dep_ == "advcl")):
                    inner = self.verb_trigger(child) or _Trigger(child, "", child.text, False)
                    target_tokens = self._target_tokens(child, inner, resolver, self._is_passive(child))
                    break
        negated, modality, speaker_token, obliged = self.voice(verb, resolver, reporters)
        speaker = self.actor(speaker_token, resolver) if speaker_token is not None else None
        wished_by_another = False
        judged = self._judged(verb) is not None
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.i in carriers:
            cameo = trigger.cameo  # the carrier's own event already codes the intention
            # "urged Iran to release", "wants Putin to attack": an act asked of
            # someone who has not committed to it
            carrier_subjects = self.subjects(verb.head)[0]
            wished_by_another = bool(source_tokens) and bool(carrier_subjects) \
                and carrier_subjects[0].i != source_tokens[0].i
        else:
            cameo, negated, modality = self.intended(trigger.cameo, negated, modality, speaker_token is not None)
        if cameo[:2] == "13" and not any(_known(self.actor(t, resolver, require_actor=True)) for t in target_tokens):
            # "X will retaliate if Y shells its towns", "threatened to halt exports if Y builds
            # the base": the threat is aimed at Y
            clauses = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
            for child in (c for clause in clauses for c in clause.children):
                if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.book.voice.get("conditional", ()) for c in child.children):
                    target_tokens = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")][:1]
                    break
        source_tokens = [self._wielder(t, resolver) for t in source_tokens]
        sources = self._actors(source_tokens, resolver)
        targets = self._actors(target_tokens, resolver)
        if not any(_known(t) for t in targets) and _answers(cameo):
            # "The US imposed tariffs on India. India criticised the tariffs": the earlier doer
            answered = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            doer = self._earlier_doer(answered, resolver) if answered is not None else None
            if doer is not None:
                targets = [doer]
        if trigger.cameo[:2] in _PLACED_ROOTS and not all(_known(a) for a in (*sources, *targets)):
            # "five civilians were killed in Aleppo", "police arrested them in Minsk":
            # local people and bodies of the place where it happened
            place = self._place(verb, resolver)
            if place is not None:
                targets = [self._placed(t, place, resolver) for t in targets]
                sources = [self._placed(s, place, resolver, _LOCAL_SECTORS) for s in sources]
        if "incursion" in self.kinds(verb) and trigger.cameo == _INCURSION \
                and not any(s.sector in _ARMED_SECTORS for s in sources):
            return []  # "refugees crossed into Poland", "the deal entered into force"
        if not sources:
            if not targets:
                return []
            sources = [Actor(text="")]
        confidence_base = 0.45 + (0.1 if trigger.specific else 0.0) - self._embedding(verb)
        if source_tokens and source_tokens[0].dep_ == "pobj" and source_tokens[0].head.lower_ == "from" \
                and trigger.giver is None:
            confidence_base -= 0.2  # "fired from Gaza": whoever was there, not a named actor
        events = []
        pairs = []
        for source in sources:
            if targets:
                pairs.extend((source, target) for target in targets)
            else:
                pairs.append((source, None))
        # "X and Y met": each with the other
        symmetric = self.book.is_symmetric(trigger.cameo, verb.lemma_.lower())
        anchor = target_tokens[0] if target_tokens else None
        while anchor is not None and anchor.dep_ in ("compound", "flat") and anchor.head != anchor:
            anchor = anchor.head  # "in Kuala Lumpur": the place's first word hangs on its last
        place_only = anchor is not None and anchor.dep_ == "pobj" and anchor.head.lower_ in _LOCATION_PREPS
        reciprocal = self._reciprocal(verb)
        if (symmetric or reciprocal) and len(sources) > 1 and (not targets or place_only):
            # "X and Y met / clashed": each with the other
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        elif targets and len(sources) == 1 and cameo[:2] == trigger.cameo[:2] and not place_only \
                and self.book.is_symmetric(trigger.cameo, verb.lemma_.lower(), True):
            # "X held talks with Y" goes both ways; "X wants to hold talks with Y" is X's wish alone
            pairs += [(t, sources[0]) for t in targets]
        seen = set()
        for source, target in pairs:
            if target is not None and source.text == target.text:
                continue
            key = (source.text, target.text if target else None)
            if key in seen:
                continue
            seen.add(key)
            confidence = (confidence_base + _SOURCE_WEIGHT[_side(source, resolver)]
                          + _TARGET_WEIGHT[_side(target, resolver)])
            if wished_by_another or modality in ("requested", "conditional"):
                confidence = min(confidence, _UNCOMMITTED_ACT_CONFIDENCE)
            elif judged:
                confidence = min(confidence, _CLAIMED_ACT_CONFIDENCE)  # on the judge's word
            # an official's own words: the statement is the official's state's, spoken by the official
            said_by = speaker if speaker is not None or not cameo.startswith("01") or not source.person else source
            event = self._make_event(trigger.words, cameo, sent, sentence_index, source, target,
                                     negated, modality, said_by, date, confidence)
            if event is not None:
                events.append((0, event))
        if speaker is not None and speaker_token is not None and events:
            own = bool(source_tokens) and source_tokens[0].pos_ == "PRON" and source_tokens[0].lower_ not in ("i", "you")
            events.extend(self._reported(verb, trigger, speaker, speaker_token, events, sent, sentence_index, date, own))
        if obliged and speaker is not None and speaker_token is not None:
            # "X said Y must release Z": X demands that Y release Z
            lift = self._depth(verb) - self._depth(speaker_token.head)
            demand = self.book.carrier_code("demand", trigger.cameo)
            for _, event in list(events):
                if event.source.text and event.source.text != speaker.text:
                    confidence = (confidence_base + _SOURCE_WEIGHT[_side(speaker, resolver)]
                                  + _TARGET_WEIGHT[_side(event.source, resolver)])
                    made = self._make_event(f"{trigger.words} (must)", demand, sent, sentence_index, speaker,
                                            event.source, False, "asserted", speaker, date, confidence)
                    if made is not None:
                        events.append((lift, made))
                    event.modality = "requested"
                    event.confidence = min(event.confidence, _UNCOMMITTED_ACT_CONFIDENCE)
        return events

    def _responsible(self, noun):
        """The subject that "responsible for"/"guilty of" lays the noun's act on, if any."""
        head = noun.head
        if head.dep_ != "prep" or head.lower_ not in ("for", "of"):
            return None
        adjective = head.head
        if adjective.dep_ != "acomp" or not self.book.is_(adjective.lower_, "responsibility"):
            return None
        return next((c for c in adjective.head.children if c.dep_ == "nsubj"), None)

    def _bare_demands(self, sent, sentence_index, resolver, date, triggers, reporters: set[int]):
        """"X said Y must ensure security": a demand on Y even when the demanded act
        has no code of its own (acts with a code are handled with their event)."""
        found = []
        for token in sent:
            if token.i in triggers or token.dep_ != "ccomp" or token.pos_ not in ("VERB", "AUX"):
                continue
            if not any(c.dep_ == "aux" and self.book.is_(c.lower_, "obligation") for c in token.children):
                continue
            reporting = token.head
            if "speech" not in self.kinds(reporting):
                continue
            demanded = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            speakers = self.subjects(reporting)[0]
            if not demanded or not speakers:
                continue
            speaker = self.actor(speakers[0], resolver)
            target = self.actor(demanded[0], resolver, require_actor=True)
            if speaker is None or target is None or speaker.text == target.text:
                continue
            confidence = (0.45 - self._embedding(reporting) + _SOURCE_WEIGHT[_side(speaker, resolver)]
                          + _TARGET_WEIGHT[_side(target, resolver)])
            event = self._make_event(f"{reporting.text} ({token.text}, must)", "100", sent, sentence_index, speaker,
                                     target, False, "asserted", speaker, date, confidence)
            if event is not None:
                found.append((self._depth(reporting), reporting.i, event))
                reporters.add(reporting.i)  # the saying is the demand, not a statement besides
        return found

    def _is_topic(self, noun) -> bool:
        """Whether an event noun is what is talked about ("discussed cooperation between
        X and Y", "talks on military cooperation"), not an act that happened."""
        head = noun.head
        if noun.dep_ in ("dobj", "obj", "nsubjpass"):
            return self.book.is_(head.lemma_.lower(), "topic")
        if noun.dep_ == "pobj" and head.lower_ in ("about", "on", "over", "regarding", "concerning"):
            governor = head.head
            return self.book.is_(governor.lemma_.lower(), "topic") or self.book.is_(governor.lower_, "topic")
        return False

    def _nominal_events(self, sent, sentence_index, resolver, date, consumed: set[int], reporters: set[int]):
        """Event nouns with both their actors attached."""
        found = []
        for token in sent:
            if token.pos_ != "NOUN" or token.i in consumed:
                continue
            code = self._noun_code(token)
            if not code or self._is_topic(token):
                continue
            source_token = None
            target_tokens = []
            for child in token.children:
                if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE")):
                    source_token = child
                elif child.dep_ == "prep":
                    preposition = child.lower_
                    for obj in child.children:
                        if obj.dep_ != "pobj":
                            continue
                        if preposition == "by":
                            source_token = obj
                        elif preposition == "between":
                            pair = self._with_conjuncts(obj)
                            if len(pair) >= 2:
                                source_token, target_tokens = pair[0], pair[1:]
                        elif preposition in ("of", "on", "against", "with", "to", "into", "toward", "towards"):
                            target_tokens = self._with_conjuncts(obj)
            responsible = self._responsible(token)
            if source_token is None and responsible is not None:
                source_token = responsible  # "X is responsible for the killings"
                if not target_tokens:
                    inside = self._actor_inside(token, resolver)
                    target_tokens = [inside] if inside is not None else []
            if source_token is None or not target_tokens:
                continue
            source = self.actor(source_token, resolver, require_actor=True)
            targets = [a for a in (self.actor(t, resolver, require_actor=True) for t in target_tokens) if a is not None]
            if source is None or not targets or not _known(source):
                continue
            head = token.head
            while head.pos_ not in ("VERB", "AUX") and head.head != head:
                head = head.head
            negated, modality, speaker_token, _ = (self.voice(head, resolver, reporters) if head.pos_ in ("VERB", "AUX")
                                                   else (False, "asserted", None, False))
            negated = negated or any(c.lower_ == "no" and c.dep_ == "det" for c in token.children)
            speaker = self.actor(speaker_token, resolver) if speaker_token is not None else None
            pairs = [(source, t) for t in targets]
            if self.book.is_symmetric(code, None, True):
                pairs += [(t, source) for t in targets]
            for src, tgt in pairs:
                if src.text == tgt.text:
                    continue
                event = self._make_event(token.text, code, sent, sentence_index, src, tgt, negated, modality,
                                         speaker, date, 0.35 + (0.15 if _known(tgt) else 0.0))
                if event is not None:
                    found.append((self._depth(token) + 1, token.i, event))
        return found
