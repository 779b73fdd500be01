"""Actors: the noun phrases of a parse resolved to states, organisations, people and groups."""
from __future__ import annotations

import re

from ...model import Actor
from ..actors import SECTOR_SUFFIX
from .confidence import known, side
from .resolver import ActorResolver
from .words import (ACTOR_ENTS, FIRST_PERSON, entities, GROUP_PRONOUNS, NAME_DEPS, MISTAGGED_ENTS, NOT_ACTOR_ENTS, OBJECT_PRONOUN_KINDS, OBJECT_PRONOUNS,
                    PERSON_PRONOUNS, PLACE_ENTS, POSSESSIVE_PRONOUNS, POSSESSOR_PRONOUNS, prep_objects)


_PAIR_WORDS = re.compile(r"^(?:[^\W\d_]+ \()+")


def _first_naming(text: str) -> str:
    """The words that first named a side referred to again: "leaders (Lee)" -> "Lee"."""
    prefix = _PAIR_WORDS.match(text)
    if prefix is None:
        return text
    depth = prefix.group().count("(")
    inner = text[prefix.end():]
    return inner[:-depth] if inner.endswith(")" * depth) else text


class ActorStage:
    """Finds and resolves the actor a token heads, its conjuncts, antecedents and places."""

    # ------------------------------------------------------------ actors
    def _name_span(self, token):
        """The tokens that name an actor headed by ``token``."""
        start = token.i
        for child in token.lefts:
            if child.dep_ in NAME_DEPS or (child.dep_ == "punct" and child.i > start):
                start = min(start, child.left_edge.i)
        end = token.i + 1
        # "President of Russia", "the Minister of Foreign Affairs of Iran"
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    # ("Chief of the Ugandan military": a body named by its state)
                    if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or obj.ent_type_ in ACTOR_ENTS or any(
                            c.pos_ == "PROPN" or c.ent_type_ in ACTOR_ENTS for c in obj.lefts)):
                        end = max(end, obj.right_edge.i + 1)
            elif child.dep_ in ("compound", "flat") or (child.dep_ == "appos" and child.pos_ == "PROPN" and child.i == end):
                end = max(end, child.right_edge.i + 1)
        doc = token.doc
        while start < end and doc[start].dep_ == "det" and doc[start].lower_ in ("a", "an", "the"):
            start += 1
        return doc[start:end]

    def actor(self, token, resolver: ActorResolver, require_actor: bool = False) -> Actor | None:
        """Resolve the actor headed by ``token``; None if it is not one and ``require_actor``."""
        if token.pos_ == "PRON":
            return self._pronoun_actor(token, resolver, require_actor)
        if (token.ent_type_ in NOT_ACTOR_ENTS and not self._state_name(token, resolver)
                and not self._mistagged_name(token, resolver)) or token.like_num:
            # "hundreds of prisoners", "two of the soldiers": the actor is after "of"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return self.actor(obj, resolver, require_actor)
            return None
        span = self._name_span(token)
        phrase = span.text
        actor = self._named_actor(token, span, resolver)
        if actor is not None:
            if actor.text != phrase and token.pos_ != "PRON":
                actor = Actor(text=phrase, code=actor.code, country=actor.country, sector=actor.sector, person=actor.person)
            return actor
        if token.pos_ == "NOUN":
            definite = self._definite_state(token, span, resolver) or self._speakers_own(token, phrase, resolver)
            if definite is not None:
                return definite
        elif token.pos_ == "PROPN":
            official = self._body_official(phrase, resolver)
            if official is not None:
                return official
        if require_actor and not (token.pos_ == "PROPN" or token.ent_type_ in ACTOR_ENTS):
            return None
        acronym = token.is_upper and token.is_alpha and len(token) > 1  # "USAID" mistagged as an adjective
        if (token.pos_ not in ("NOUN", "PROPN") and not acronym) or token.like_num:
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("VERB", "ADJ"):
                # a subject the parser misread as a verb ("recognised Government of ..."): its words still name it
                inside = resolver.find_inside(token.doc[token.left_edge.i:token.right_edge.i + 1].text)
                if inside is not None:
                    return inside
            return None
        if token.pos_ == "PROPN" or token.ent_type_ in ACTOR_ENTS or acronym:
            resolver.named.add(phrase)  # a name the knowledge base lacks: an actor, not a failed attachment
        return Actor(text=phrase)

    def _pronoun_actor(self, token, resolver: ActorResolver, require_actor: bool) -> Actor | None:
        """"he", "they": the subject of a governing clause, the last person or the last actor."""
        lower = token.lower_
        found = self._antecedent(token, resolver) if lower in PERSON_PRONOUNS | GROUP_PRONOUNS else None
        if found is not None:
            return found
        if lower in PERSON_PRONOUNS:
            found = resolver.person(subject=token.dep_ in ("nsubj", "nsubjpass"))
        elif lower in GROUP_PRONOUNS:
            found = resolver.last_actor
        if found is not None:
            return found
        # an unresolved "he"/"they" still acts; it just cannot be placed
        return None if require_actor or lower not in PERSON_PRONOUNS | GROUP_PRONOUNS else Actor(text=token.text)

    def _named_actor(self, token, span, resolver: ActorResolver) -> Actor | None:
        """The actor a phrase names: itself, its entity, its place, its apposition, or a state inside it."""
        phrase = span.text
        actor = resolver.resolve(phrase)
        if actor is None and token.ent_type_ in ACTOR_ENTS:
            for ent in entities(token.doc):
                if ent.start <= token.i < ent.end:
                    actor = resolver.resolve(ent.text)
                    break
        if actor is None and token.pos_ == "NOUN":
            # "a court in Guyana", "the government in Athens": the place says whose
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in self.book.role("origin_prep"):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.ent_type_ == "GPE":
                            placed = resolver.resolve(f"{obj.text}'s {token.text}")
                            # an actor noun, not "an agreement in Astana"; and no group of no state:
                            # "militants in northern Iraq" are not Iraq's
                            if known(placed) and placed.sector and placed.sector not in self.book.role("nonstate_sector"):
                                actor = Actor(text=f"{phrase} {child.text} {obj.text}", code=placed.code,
                                              country=placed.country, sector=placed.sector)
        if actor is None and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
            # "Karim Haddad, a Lebanese army spokesman, said": the apposition says who he is
            for child in token.children:
                # ("..., Chief of the Ugandan military, said": a capitalised title is tagged a name)
                if child.dep_ == "appos" and (child.pos_ == "NOUN" or (
                        child.pos_ == "PROPN" and not child.ent_type_ and any(c.dep_ == "prep" for c in child.children))):
                    described = resolver.resolve(f"{self._name_span(child).text} {phrase}")
                    if known(described):
                        actor = described
                        break
        if actor is None and token.pos_ != "PROPN" and len(span) > 1:
            actor = resolver.find_inside(phrase)
            if actor is not None:
                # "the Russian building": the country is right, the words are ours.
                actor = Actor(text=phrase, code=actor.country or actor.code, country=actor.country, sector=None)
        return actor

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
                elif token.lower_ in ("they", "them") and resolver.last_group:
                    expanded.pop()  # "they" after a sentence whose subject named several states: all of them
                    found.extend(resolver.last_group)
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
                        child.pos_ in ("ADJ", "PROPN") and child.conjuncts and known(resolver.resolve(child.text)))):
                    for other in child.conjuncts:
                        # the tagger may call the second nationality a person: the knowledge
                        # base decides ("Armenian and Azerbaijani forces")
                        if other.ent_type_ in ("NORP", "GPE") or other.pos_ in ("ADJ", "PROPN"):
                            extra = resolver.resolve(f"{other.text} {token.text}")
                            if known(extra):
                                found.append(extra)
        return found

    def _pair(self, token, resolver: ActorResolver) -> list[Actor]:
        """"The two leaders", "both sides": the two parties of the article's last two-sided
        event; "the leaders", "the countries" too when that pair was named just before."""
        kind = self.book.coreference.get(token.lower_)
        if resolver.last_pair is None or kind not in ("pair", "the_pair", "pair_head"):
            return []
        children = list(token.children)
        if kind == "pair_head":
            # "Both said", "the two met": the word heads its phrase (not "both leaders", "two of them")
            heads = token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") and not any(
                c.dep_ == "prep" for c in children)
            if not heads or (token.like_num and not any(c.dep_ == "det" and c.lower_ == "the" for c in children)):
                return []
            return self._pair_actors(token, resolver)
        counted = any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                      or (kind == "the_pair" and c.dep_ == "det" and c.lower_ == "the") for c in children)
        # "the leaders agreed" right after a sentence naming the two: nothing else qualifies them
        bare = len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ == "the" \
            and resolver.pair_is_recent()
        if not (counted or bare):
            return []
        return self._pair_actors(token, resolver)

    @staticmethod
    def _pair_actors(token, resolver: ActorResolver) -> list[Actor]:
        # ("both sides" after "the leaders": the words of the first naming, not "sides (leaders (...))")
        return [Actor(text=f"{token.text} ({_first_naming(actor.text)})", code=actor.code,
                      country=actor.country, sector=actor.sector, person=actor.person) for actor in resolver.last_pair]

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
        if sector in self.book.role("state_sector"):
            return Actor(text=f"the {token.text} ({previous.country})", code=previous.country + SECTOR_SUFFIX[sector],
                         country=previous.country, sector=sector)
        return None

    def _body_official(self, phrase: str, resolver: ActorResolver) -> Actor | None:
        """"Ministry spokesperson Mao Ning" with no state named, just after "the Chinese
        foreign ministry announced": an unknown official titled by the same kind of body
        as the article's last subject speaks for that subject's state."""
        previous = resolver.last_actor
        if previous is None or not previous.country or previous.person or previous.sector is None:
            return None
        sector = resolver.sector(phrase)
        if sector != previous.sector or sector not in self.book.role("state_sector"):
            return None
        return Actor(text=phrase, code=previous.country + SECTOR_SUFFIX[sector], country=previous.country, sector=sector)

    def _speakers_own(self, token, phrase: str, resolver: ActorResolver) -> Actor | None:
        """'"Our diplomats will file a complaint," Ali said': the speaker's state, with the
        sector the noun gives ("our country" is the state itself)."""
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in FIRST_PERSON), None)
        speaker = self._speaker_of(owner) if owner is not None else None
        if speaker is None or speaker.left_edge.i <= token.i <= speaker.right_edge.i:
            return None  # "our officials said": they are the speakers, not what they speak of
        actor = self.actor(speaker, resolver, require_actor=True)
        if not known(actor) or not actor.country:
            return None
        if self.book.coreference.get(token.lower_) == "state":
            return Actor(text=phrase, code=actor.country, country=actor.country)
        sector = resolver.sector(token.text)
        if sector not in self.book.role("state_sector"):
            return None
        return Actor(text=phrase, code=actor.country + SECTOR_SUFFIX[sector], country=actor.country, sector=sector)

    def _antecedent(self, pronoun, resolver: ActorResolver) -> Actor | None:
        """The subject of a governing clause, for "The US claimed that they had
        attacked" or "Netanyahu says he will meet"."""
        token = self._antecedent_token(pronoun)
        return self.actor(token, resolver) if token is not None else None

    def _antecedent_token(self, pronoun):
        """The subject, before the pronoun, of the nearest clause governing it; never the
        subject of the verb an object pronoun hangs on ("police arrested X, accusing him
        of ...": "him" is not the police; it would be "themselves"). "We" and "our" are
        the speaker: the subject of the verb of saying that governs them, before or after
        ('"We will act," Ali said')."""
        if pronoun.lower_ in FIRST_PERSON:
            speaker = self._speaker_of(pronoun)
            if speaker is not None and not speaker.left_edge.i <= pronoun.i <= speaker.right_edge.i:
                return speaker
        own_subject = None
        if pronoun.dep_ in ("dobj", "obj", "dative") and pronoun.lower_ in OBJECT_PRONOUNS:
            verb = pronoun.head
            while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ in ("advcl", "xcomp", "conj") \
                    and verb.head != verb:
                verb = verb.head  # a participle or bare verb shares its governor's subject
            own_subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            # "filed a lawsuit against Belarus, accusing it of ...": the nearest object of its kind
            # named before (not a place: "met Putin in Alaska and praised him")
            for token in reversed(list(pronoun.doc[pronoun.sent.start:pronoun.i])):
                if token.dep_ in ("dobj", "pobj", "dative") and token.ent_iob_ == "B" \
                        and token.ent_type_ in OBJECT_PRONOUN_KINDS[pronoun.lower_] \
                        and not (token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "of")):
                    return token
        current = pronoun.head
        for _ in range(6):
            for child in current.children:
                if child.dep_ == "nsubj" and child.i < pronoun.i and child.pos_ != "PRON" and child != own_subject:
                    return child
            if current.head == current:
                break
            current = current.head
        if pronoun.dep_ == "nsubj" and pronoun.lower_ in PERSON_PRONOUNS:
            return self._fronted_owner(pronoun)
        return None

    @staticmethod
    def _fronted_owner(pronoun):
        """"During Vance's trip to Greenland, he alleged ...": the one person whose act a
        phrase fronted before the subject names, as its owner ("'s"), is "he"; a person
        named there otherwise ("After talks with Putin, he said") is not."""
        verb = pronoun.head
        owners = [t for p in verb.children if p.dep_ == "prep" and p.i < pronoun.i
                  for t in p.subtree if t.dep_ == "poss" and t.ent_type_ == "PERSON" and t.i < pronoun.i]
        return owners[0] if len(owners) == 1 else None

    def _speaker_of(self, token):
        """The subject of the nearest verb of saying that governs ``token``, if any (not one
        the token is part of: in '"Our officials said ...," the minister told', the minister)."""
        current = token.head
        for _ in range(8):
            if current.pos_ in ("VERB", "AUX") and self.book.is_(current.lemma_.lower(), "speech"):
                subject = next((c for c in current.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
                if subject is not None and not subject.left_edge.i <= token.i <= subject.right_edge.i:
                    return subject
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
                elif child.dep_ == "conj" and child.tag_ == "VBG" and current.pos_ == "PROPN":
                    # "Mirziyoyev and visiting President Tokayev": a participle the parser took
                    # for a verb is the name's modifier; the name is its object
                    stack.extend(c for c in child.children if c.dep_ in ("dobj", "obj") and c.pos_ == "PROPN")
                elif child.dep_ == "appos" and child.pos_ == "PROPN" and current.pos_ == "PROPN" and (
                        (child.ent_type_ in ("GPE", "NORP") and current.ent_type_ in ("GPE", "NORP"))
                        or any(g.dep_ == "conj" for g in child.children)):  # "Mali, Burkina Faso and Niger"
                    stack.append(child)
        return sorted(found, key=lambda t: t.i)

    @staticmethod
    def _state_name(token, resolver: ActorResolver) -> bool:
        """Whether a proper noun the tagger took for a date or a number names a state
        ("pushed into Niger" tagged DATE): the state list outranks the tagger."""
        if token.pos_ != "PROPN":
            return False
        actor = resolver.resolve(token.text)
        return actor is not None and actor.country is not None and actor.code == actor.country

    def _mistagged_name(self, token, resolver: ActorResolver) -> bool:
        """Whether a name the tagger took for a title, an event or a law is an actor the
        knowledge base knows ("The Afghan Taliban" tagged WORK_OF_ART after a quote mark)."""
        if token.pos_ != "PROPN" or token.ent_type_ not in MISTAGGED_ENTS:
            return False
        actor = resolver.resolve(self._name_span(token).text)
        return known(actor) and bool(actor.country)

    @staticmethod
    def _own(token) -> bool:
        """"its troops", "their forces": the subject's own people, not a target."""
        return any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in token.children)

    def _actor_inside(self, phrase_head, resolver: ActorResolver):
        """The first named state actor inside a noun phrase, outside its clauses."""
        # a participle that says what the thing does is part of it ("an attack targeting
        # a mall in Kenya"); a relative clause or "brokered by Qatar" tells of another act
        # what is excepted is left out of the act: "froze all aid except military aid to Israel"
        clauses = [t for t in phrase_head.subtree if t != phrase_head and (
            t.dep_ in ("relcl", "advcl") or (t.dep_ == "acl" and t.tag_ != "VBG")
            or (t.dep_ == "prep" and t.lower_ in self.book.role("exception_prep")))]
        for inner in phrase_head.subtree:
            if inner == phrase_head or inner.ent_type_ not in ACTOR_ENTS or inner.ent_iob_ != "B":
                continue  # (the tagger may call a state a person: "talks with Togo")
            if any(c.left_edge.i <= inner.i <= c.right_edge.i for c in clauses):
                continue
            if known(self.actor(inner, resolver, require_actor=True)):
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
            if child.dep_ in ("compound", "nmod"):
                for grand in child.children:
                    if grand.dep_ in ("amod", "compound") and grand.ent_type_ in ("NORP", "GPE"):
                        return grand
        return None

    def _wielder(self, token, resolver: ActorResolver):
        """Who is behind a weapon or an attack that is the subject: "a car bombing by
        the Islamic State group killed", "missiles fired by the Israeli army struck"."""
        code = self._noun_code(token)
        if token.pos_ != "NOUN" or (code is not None and not self.book.in_class("wielded", code)):
            return token  # "the statement by X ... seeking": words do not act, their author may be elsewhere
        member = self._identified_as(token, resolver)
        if member is not None:
            return member  # "an attacker identified by the police as a member of X": X
        own = self.actor(token, resolver)
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in POSSESSOR_PRONOUNS), None)
        if owner is not None and not (own is not None and own.country) \
                and token.lemma_.lower() not in self.book.epithets:  # "its allies" are others
            antecedent = self._antecedent_token(owner)  # "X said its drones hit": X's drones
            if antecedent is not None and known(self.actor(antecedent, resolver)):
                return antecedent
        if own is not None and side(own, resolver) in ("known", "named", "generic"):
            return token
        agent = self._noun_actor(token)
        if agent is None:
            for child in token.children:
                # (who "identified" or "described" the attacker did not attack)
                if child.dep_ == "acl" and child.tag_ == "VBN" and not self.book.is_(child.lemma_.lower(), "naming"):
                    agent = self._by_agent(child)
                    if agent is None and child.lemma_.lower() in self.book.role("projectile_verb"):
                        agent = self._from_place(child)  # "a rocket launched from Cambodia killed": its place's
                    if agent is not None:
                        break
        return agent if agent is not None else token

    def _identified_as(self, noun, resolver: ActorResolver):
        """The group a participle of naming says someone belongs to: "a gunman identified
        by the police as a member of X", "an attacker described as an X fighter"."""
        for clause in noun.children:
            if clause.dep_ != "acl" or clause.tag_ != "VBN" or not self.book.is_(clause.lemma_.lower(), "naming"):
                continue
            for obj in (o for prep in clause.children if prep.dep_ == "prep" and prep.lower_ == "as"
                        for o in prep.children if o.dep_ == "pobj"):
                for token in (obj, *(t for t in obj.subtree if t != obj and t.pos_ in ("PROPN", "NOUN"))):
                    if known(self.actor(token, resolver, require_actor=True)):
                        return token
        return None

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
                if not (known(place) and place.country):
                    return None
                self._after_dateline = token.i + 1  # the dateline's words are nobody's subject
                return place
        return None

    def _place(self, verb, resolver: ActorResolver) -> Actor | None:
        """The state where an act took place: "in Aleppo", "in an air strike in Gaza"."""
        heads = [verb]
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
            heads.append(verb.head)  # "struck a building in Izium, killing four": where the strike was
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            noun = self.cause_noun(subject)
            if noun is not None and self.book.in_class("violence", self._noun_code(noun) or ""):
                heads.append(noun)  # "a strike on a building in Poltava kills fourteen": where the strike was
        for head in heads:
            children = head.children
            if head is verb:
                children = [*self.shared_preps(verb), *(c for c in verb.children if c.dep_ == "agent")]
            for child in children:
                # "hit by an air strike in Gaza City": where the strike was
                if child.dep_ == "agent" and head is verb:
                    heads.extend(n for n in (self.cause_noun(o) for o in child.children if o.dep_ == "pobj")
                                 if n is not None and self.book.in_class("force", self._noun_code(n) or ""))
                    continue
                # "killed in shelling of Thailand": those harmed were where the shelling was aimed
                # (or the parser hung the aim on the verb: "killed in a strike against a car in X");
                # "killed across Ukraine"; "injured during a strike on Kyiv": the strike's place
                prep = child.lower_
                placing = prep == "in" or prep in self.book.role("harmed_place_prep") or (
                    head is verb and prep in self.book.role("spread_prep"))
                causing = head is verb and prep in self.book.role("cause_prep")
                if child.dep_ != "prep" or not (placing or causing):
                    continue
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    noun = self.cause_noun(obj)
                    if noun is not None:
                        if head is verb:
                            heads.append(noun)  # "killed in shelling in Gaza": the shelling's place
                        continue
                    if not placing:
                        continue
                    # a named place, not a nationality ("in Israeli shelling" names no place)
                    if self._doer_beside_act(obj):
                        continue  # "in Cambodian shelling", misparsed: a nationality, no place
                    if obj.ent_type_ in PLACE_ENTS or obj.pos_ == "PROPN":
                        candidates = self._place_chain(obj)  # "in Izium, Kharkiv Oblast, Ukraine"
                    else:
                        candidates = [t for t in obj.subtree if t.ent_type_ in PLACE_ENTS and t.ent_iob_ == "B"]
                    for candidate in candidates:
                        actor = self.actor(candidate, resolver, require_actor=True)
                        if known(actor) and actor.country:
                            return actor
        return resolver.dateline

    @staticmethod
    def _by_agent(verb):
        """The object of a verb's "by" phrase ("a truce brokered by Qatar"), or None."""
        return next((obj for by in verb.children if by.dep_ == "agent" for obj in by.children if obj.dep_ == "pobj"),
                    None)

    @staticmethod
    def _from_place(verb):
        """The named place a verb's "from" phrase gives ("rockets fired from Gaza"), or None."""
        return next((obj for obj in prep_objects(verb, ("from",)) if obj.ent_type_ in PLACE_ENTS or obj.pos_ == "PROPN"),
                    None)

    def _state_written_with(self, token, resolver: ActorResolver):
        """The state written with a place or site the knowledge base does not know:
        "Mazraat Beit Jinn, Rif Dimashq Governorate, Syria" (its chain of larger places),
        "the Arak Nuclear Complex, a reactor near Arak, Iran" (a state inside a named
        facility's phrase); None for anything else (a person's name keeps its own)."""
        if token.pos_ != "PROPN" or known(self.actor(token, resolver)):
            return None
        for place in self._place_chain(token)[1:]:
            actor = self.actor(place, resolver, require_actor=True)
            if known(actor) and actor.country and actor.code == actor.country:
                return place
        if token.ent_type_ in ("FAC", "LOC"):
            inside = self._actor_inside(token, resolver)
            if inside is not None and inside.ent_type_ == "GPE":
                return inside
        return None

    @staticmethod
    def _place_chain(place) -> list:
        """A named place and the larger places written after it: "Izium, Kharkiv Oblast,
        Ukraine" (the town, then its region and state, hung on it as apposition or conjunct)."""
        chain = [place]
        for token in chain:
            chain.extend(c for c in token.children if c.dep_ in ("appos", "conj") and c.i > token.i
                         and (c.ent_type_ in PLACE_ENTS or c.pos_ == "PROPN"))
        return chain

    def _placed(self, target: Actor, place: Actor, resolver: ActorResolver, sectors=None) -> Actor:
        """A generic actor ("civilians", "three soldiers", "police") as one of the place;
        but nationals abroad are no people of where they are ("protect Korean nationals in
        the United States"; role_words.tsv abroad_noun)."""
        if known(target) or side(target, resolver) != "generic":
            return target
        words = target.text.lower().split()
        if words and words[-1] in self.book.role("abroad_noun"):
            return target
        sector = resolver.sector(target.text)
        if sectors is not None and sector not in sectors:
            return target
        return Actor(text=f"{target.text} in {place.text}", code=place.country + SECTOR_SUFFIX.get(sector, ""),
                     country=place.country, sector=sector)

    def _speaks_for_state(self, actor: Actor) -> bool:
        """A government, or the state named as itself ("Vietnam protested"),
        not its people ("Egyptians protested") or someone merely from it."""
        if not actor.country:
            return False
        if actor.sector in self.book.role("official_sector"):
            return True
        return actor.sector is None and self._resolver is not None and self._resolver.names_state(actor.text)

    def _remember(self, sent, resolver: ActorResolver) -> None:
        """Keep the sentence's main subject for "they"/"it" in the next one."""
        root = sent.root
        subj, _ = self.subjects(root)
        if subj and subj[0].pos_ != "PRON":
            actor = self.actor(subj[0], resolver, require_actor=True)
            if known(actor):
                resolver.last_actor = actor
            if actor is not None and actor.person and len(subj) == 1:
                resolver.subject_person = actor
            elif any(ent.label_ == "PERSON" for ent in entities(sent)):
                resolver.subject_person = None  # people named, none the subject: the last named
            # "India and Pakistan agreed ... They accused each other": "they" is both; so after
            # "the two leaders agreed"
            group = [a for t in subj for a in (self._pair(t, resolver) or [self.actor(t, resolver, require_actor=True)])
                     if known(a) and a.country]
            resolver.last_group = tuple(group) if len({a.country for a in group}) >= 2 else None
