"""Triggers: the verbs and nouns that code an event, matched against the pattern tables."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...model import Actor
from .resolver import ActorResolver
from .words import ACTOR_ENTS, CARRIERS, NO_EVENT, PREP_DEPS, is_definite, prep_objects


def add_attached_preps(head, preps: set, pobjs: dict) -> None:
    """Record the prepositions hanging on ``head`` (an object or a particle) and
    their objects: "impose sanctions on X", "crack down on X"."""
    for sub in head.children:
        if sub.dep_ == "prep":
            preps.add(sub.lower_)
            for obj in sub.children:
                if obj.dep_ == "pobj":
                    pobjs.setdefault(sub.lower_, obj)


def kind_words(noun) -> list[str]:
    """Lemmas of the words that say what kind of thing a noun is: "peacekeeping" in
    "peacekeeping troops", "border" in "the border crossing"."""
    return [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "VERB")]


@dataclass
class Trigger:
    """A verb or noun that codes an event, before actors and voice are attached."""

    token: object
    cameo: str
    words: str
    specific: bool
    noun: object = None            # the event noun, for support verbs and nominals
    frame_preps: frozenset = frozenset()
    giver: object = None           # "received X from Y": Y, who is the source
    objects: frozenset = frozenset()  # the object words the frame asked for ("halt =fighting")
    rules: tuple[str, ...] = ()   # the data rows that made it ("verb_patterns.tsv:57")


@dataclass
class Act:
    """One trigger's event while it is coded: its tokens, then its voice and its actors."""

    trigger: Trigger
    verb: object
    source_tokens: list
    target_tokens: list
    cameo: str = ""
    negated: bool = False
    modality: str = "asserted"
    speaker_token: object = None
    speaker: object = None
    obliged: bool = False
    wished_by_another: bool = False
    judged: bool = False
    announced: bool = False  # a future act recoded as the intent or threat it announces
    rules: tuple[str, ...] = ()    # rows that recoded the act (an announced intention)
    sources: list = field(default_factory=list)
    targets: list = field(default_factory=list)


class TriggerStage:
    """Codes a verb or noun by its frame: lemma, prepositions and object words."""

    # ------------------------------------------------------------ triggers
    def _preps_and_objects(self, verb):
        """(prepositions, object words, preposition -> object, direct object, passive
        subject) of a verb; worked out once per sentence (each stage asks again), and
        handed out as copies, which callers may change."""
        cache, doc = self._frames_seen, verb.doc
        key = (id(doc), verb.i)
        seen = cache.get(key) if cache is not None else None
        if seen is None or seen[0] is not doc:  # (the Doc itself is kept: an id may be reused)
            found = self._read_preps_and_objects(verb)
            if cache is None:
                return found
            seen = cache[key] = (doc, found)
        preps, objects, pobjs, dobj, passive_subject = seen[1]
        return set(preps), set(objects), dict(pobjs), dobj, passive_subject

    def _read_preps_and_objects(self, verb):
        preps, objects, pobjs = set(), set(), {}
        reasons = self.book.role("reason_prep")
        dobj = None
        passive_subject = None
        for child in verb.children:
            dep = child.dep_
            if dep == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                pobjs.setdefault("to", child)  # "gave Ukraine loans": the receiver, no preposition
                continue
            if dep in PREP_DEPS:
                if child.dep_ == "prep" and any(o.dep_ == "pobj" for o in child.children) and all(
                        o.ent_type_ in ("DATE", "TIME") and not any(t.ent_type_ in ACTOR_ENTS for t in o.subtree)
                        and not (self._resolver is not None and self._state_name(o, self._resolver))
                        for o in child.children if o.dep_ == "pobj"):
                    continue  # "called Morrison on Wednesday" is no "call on"
                preps.add(child.lower_)
                for obj in child.children:
                    if obj.dep_ in ("pobj", "pcomp"):
                        pobjs.setdefault(child.lower_, obj)
                        if child.lower_ not in reasons:  # "ended talks over tariffs": no tariff ended
                            objects.add(obj.lemma_.lower())
            elif dep in ("dobj", "obj"):
                if dobj is not None:
                    # "granted Ukraine the status": the first of two objects receives the second
                    pobjs.setdefault("to", dobj)
                dobj = child
                objects.add(child.lemma_.lower())
                add_attached_preps(child, preps, pobjs)
            elif dep == "nsubjpass":
                passive_subject = child
                objects.add(child.lemma_.lower())
            elif dep in ("attr", "oprd", "acomp", "xcomp"):
                objects.add(child.lemma_.lower())  # "declined to comment": the clause's verb as object
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
            objects.add(verb.head.lemma_.lower())  # "an advertisement released by X": what the act is done to
        # "crack down on": the preposition may hang on the particle
        for child in verb.children:
            if child.dep_ == "prt":
                add_attached_preps(child, preps, pobjs)
        # the words that say what kind of object it is: "sent peacekeeping troops",
        # "deployed troops on a peacekeeping mission", "opened the border crossing"
        acted_on = [dobj, passive_subject, *(obj for prep, obj in pobjs.items() if prep not in reasons)]
        for noun in [n for n in acted_on if n is not None]:
            objects.update(self._object_kinds(noun))
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ not in reasons and noun in (dobj, passive_subject):
                    # "hundreds of drones and missiles": the counted things and their conjuncts
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            objects.update(w.lemma_.lower() for w in (obj, *obj.conjuncts))
        if dobj is not None:
            objects.update(w.lemma_.lower() for w in dobj.conjuncts)  # "fired rockets and shells"
        return preps, objects, pobjs, dobj, passive_subject

    def _object_kinds(self, noun) -> list[str]:
        """The kind words of an object (:func:`kind_words`), less an event noun that
        modifies a head of another kind: "suspended the tariff ads" suspends no tariffs,
        while "tariff hikes", "the sanctions regime" and "peacekeeping troops" are of
        their modifier's kind (the head is an event noun, a kind_head of
        role_words.tsv, or a sector's people)."""
        words = kind_words(noun)
        if not any(w in self.book.nouns for w in words):
            return words
        head = noun.lemma_.lower()
        resolver = getattr(self, "_resolver", None)
        if head in self.book.nouns or head in self.book.role("kind_head") or (
                resolver is not None and resolver.sector(noun.text)):
            return words
        return [w for w in words if w not in self.book.nouns]

    @staticmethod
    def _patients(verb, dobj, passive_subject) -> dict[str, set[str]]:
        """What a verb acts on, by preposition ("" for its direct object or passive subject),
        with conjuncts: "tone" in "struck an upbeat tone", "claims" under "at" in "hit back
        at the claims" (also when the preposition hangs on the particle)."""
        found: dict[str, set[str]] = {}
        for noun in (dobj, passive_subject):
            if noun is not None:
                found.setdefault("", set()).update(w.lemma_.lower() for w in (noun, *noun.conjuncts))
                # "claims part of Belize's territory": what the object is a part or number of
                found[""].update(o.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                                 for o in p.children if o.dep_ == "pobj")
        heads = [verb, *(c for c in verb.children if c.dep_ == "prt")]
        for head in heads:
            for prep in head.children:
                if prep.dep_ in ("prep", "agent"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            found.setdefault(prep.lower_, set()).update(w.lemma_.lower() for w in (obj, *obj.conjuncts))
        return found

    def _noun_code(self, noun, modified_only: bool = False, around=None) -> str | None:
        """Code of an event noun; a modifier may refine it ("joint exercise", "hunger strike").

        ``modified_only``: only a code that the modifier decides. ``around``: prepositions
        and objects of the support verb the noun is the object of.
        """
        return self._noun_rule(noun, modified_only, around)[0]

    def _noun_rule(self, noun, modified_only: bool = False, around=None) -> tuple[str | None, str | None]:
        """(code, the data row that gives it) of an event noun: see :meth:`_noun_code`."""
        lemma = noun.lemma_.lower()
        for child in noun.lefts:  # farthest first: "joint military exercises" is joint
            if child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "ADJ", "PROPN"):
                key = f"{child.lemma_.lower()} {lemma}"
                code = self.book.nouns.get(key)
                if code:
                    return code, self.book.where[("noun", key)]
        if modified_only:
            return None, None
        frame = self._noun_frame(noun, around)
        if frame is not None:
            return frame.cameo, frame.where
        code = self.book.nouns.get(lemma)
        return code, (self.book.where[("noun", lemma)] if code else None)

    def _word_rule(self, word: str, category: str) -> tuple[str, ...]:
        """The voice_words.tsv row that puts a word in a category, as a rule tuple."""
        where = self.book.where.get(("voice", word, category))
        return (where,) if where else ()

    def _epithet(self, verb, names) -> Trigger | None:
        """"Called China a strategic partner", "described Russia as an aggressor": the name
        (one of ``names``, from :meth:`_names`) given to the verb's object codes the act
        (data/epithets.tsv); None when no name is known."""
        for name in names:
            for word in (name, *name.conjuncts):
                epithet = word.lemma_.lower()
                if epithet not in self.book.epithets:  # "a terrorist state": the modifier names it
                    epithet = next((m.lemma_.lower() for m in word.children
                                    if m.dep_ in ("amod", "compound") and m.lemma_.lower() in self.book.epithets), None)
                if epithet is not None:  # the name is no target: the one named is
                    rules = (*self._word_rule(verb.lemma_.lower(), "naming"), self.book.where[("epithet", epithet)])
                    return Trigger(verb, self.book.epithets[epithet], f"{verb.text} {word.text}", True, noun=name,
                                   rules=rules)
        return None

    def _earlier_doer(self, noun, resolver: ActorResolver) -> Actor | None:
        """Who did the act a definite event noun refers back to ("the tariffs", "these
        strikes"): the source of the article's last such act, by CAMEO root."""
        if noun.pos_ != "NOUN" or not is_definite(noun):
            return None
        roots = [code[:2] for code in (self._noun_code(noun),) if code]
        frame = self.book.match_verb(noun.lemma_.lower(), set(), set())  # "the strikes": what striking is
        if frame is not None:
            roots.append(frame.cameo[:2])
        return next((resolver.doers[root] for root in roots if root in resolver.doers), None)

    @staticmethod
    def _names(verb) -> list:
        """The names a naming verb gives its object: "a partner" in "called X a partner",
        "branded X a puppet" (two objects), "described X as an aggressor"."""
        named = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not named:
            # "calling the strikes illegal" parsed as a small clause: the name has the named as subject
            return [c for c in verb.children if c.dep_ == "oprd" and any(g.dep_ == "nsubj" for g in c.children)]
            # else "called President Erdogan", misparsed: a name with nobody named is no naming
        names = [c for c in verb.children if c.dep_ in ("oprd", "attr") and c.i > named[0].i]
        names += [c for c in verb.children if c.dep_ == "dobj"][1:]
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                names += [o for o in child.children if o.dep_ == "pobj"]
        return names

    def _noun_frame(self, noun, around=None):
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
                    objects.update(kind_words(obj))
                    if child.lower_ == "of" and head is noun:
                        heads.append(obj)  # "deployment of troops to X": what is deployed, and where
                if child.lower_ != "of":
                    preps.add(child.lower_)
        frame = self.book.match_verb(verb, preps, objects)
        return frame if frame is not None and frame.specificity else None

    def _lemma(self, token) -> str:
        """The token's lemma, mended from its form when the lemmatiser slipped ("staged" -> "stag")."""
        lemma = token.lemma_.lower()
        if lemma in self.book.verbs or lemma in self.book.support_verbs or lemma in self.book.word_category:
            return lemma
        return self.book.verb_lemma(token.text) or lemma

    def verb_trigger(self, verb, figures: bool = False) -> Trigger | None:
        """The verb's trigger, None when it codes nothing. ``figures``: a verb used as a
        figure of speech ("struck a balance") gives a trigger coded ``none``, so that
        the verbs that carry its clause ("pledged to fight hegemony") carry no act."""
        lemma = self._lemma(verb)
        if "receiving" in self.book.word_category.get(lemma, ()):
            preps, objects, pobjs, dobj, passive_subject = self._preps_and_objects(verb)
            giver = pobjs.get("from")
            if giver is not None and dobj is not None:
                # "received weapons from X" is X giving weapons
                frame = self.book.match_verb("give", preps - {"from"}, objects)
                receiving = self._word_rule(lemma, "receiving")
                if frame is not None and frame.objects:
                    return Trigger(verb, frame.cameo, f"{verb.text} {dobj.text} from", True, giver=giver,
                                   rules=(*receiving, frame.where))
                # "faces pressure from X", "drew criticism from X": X does the noun's act
                code, rule = self._noun_rule(dobj) if dobj.pos_ == "NOUN" else (None, None)
                if code and giver.pos_ in ("PROPN", "NOUN"):
                    return Trigger(verb, code, f"{verb.text} {dobj.text} from", True, noun=dobj, giver=giver,
                                   rules=(*receiving, rule))
        naming = "naming" in self.book.word_category.get(lemma, ())
        if naming and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN" \
                and any(c.dep_ in ("oprd", "attr") for c in verb.children):
            return None  # "a province called Guayana Esequiba", "the raid, called X": the noun's name
        names = self._names(verb) if naming else []
        if names:  # without a known name, "called the report a fabrication" is no telephone call
            return self._epithet(verb, names)
        if lemma not in self.book.verbs and lemma not in self.book.support_verbs:
            return None
        preps, objects, pobjs, dobj, passive_subject = self._preps_and_objects(verb)
        patients = self._patients(verb, dobj, passive_subject) if lemma in self.book.patient_verbs else None
        frame = self.book.match_verb(lemma, preps, objects, patients)
        if frame is not None and frame.cameo == NO_EVENT:
            # "struck an upbeat tone", "fighting hegemony": a figure of speech, no act
            return Trigger(verb, NO_EVENT, verb.text, True, rules=(frame.where,)) if figures else None
        if frame is not None and frame.objects and dobj is not None and lemma in self.book.support_verbs:
            # "launched an air strike": the modified noun is more precise than the verb's frame
            code, rule = self._noun_rule(dobj, modified_only=True)
            if code:
                return Trigger(verb, code, f"{verb.text} {dobj.text}", True, noun=dobj, rules=(rule,))
        if frame is not None and (frame.objects or frame.preps):
            words = " ".join([verb.text, *sorted(frame.preps)] + ([dobj.text] if frame.objects and dobj is not None else []))
            return Trigger(verb, frame.cameo, words, True, frame_preps=frame.preps, objects=frame.objects,
                           rules=(frame.where,))
        # support verb + event noun: "launched an attack on", "held talks with"
        if lemma in self.book.support_verbs:
            noun = dobj if dobj is not None else passive_subject
            if noun is not None and noun.pos_ == "NOUN" and not self._noun_code(noun):
                # "a new round of talks", "a package of sanctions": the counted acts are the event
                noun = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                             for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and self._noun_code(o)), noun)
            if noun is not None and noun.pos_ == "NOUN":
                # the verb's own phrases belong to the act too ("announced the deployment ... to X")
                code, rule = self._noun_rule(noun, around=(preps, objects))
                if code:
                    return Trigger(verb, code, f"{verb.text} {noun.text}", True, noun=noun, rules=(rule,))
        if frame is not None:
            return Trigger(verb, frame.cameo, verb.text, False, rules=(frame.where,))
        return None

    def kinds(self, verb) -> set[str]:
        """Voice categories of a verb: of its lemma, and of "lemma particle" ("call on")."""
        lemma = verb.lemma_.lower()
        found = set(self.book.word_category.get(lemma, ()))
        for child in verb.children:
            if child.dep_ in ("prep", "prt"):
                found |= self.book.word_category.get(f"{lemma} {child.lower_}", set())
        return found

    def _is_topic(self, noun) -> bool:
        """Whether an event noun is what is talked about ("discussed cooperation between
        X and Y", "talks on military cooperation"), not an act that happened."""
        head = noun.head
        if noun.dep_ in ("dobj", "obj", "nsubjpass"):
            return self.book.is_(head.lemma_.lower(), "topic")
        if noun.dep_ == "pobj" and head.lower_ in self.book.role("topic_prep"):
            governor = head.head
            return self.book.is_(governor.lemma_.lower(), "topic") or self.book.is_(governor.lower_, "topic")
        return False

    # ------------------------------------------------------------ a sentence's triggers
    def sentence_triggers(self, sent) -> tuple[dict[int, Trigger], set[int], set[int]]:
        """The sentence's triggers by token index, the event nouns they consumed, and the
        carriers (verbs whose "to"-clause they recode)."""
        triggers = self._verb_triggers(sent)
        self._drop_gerund_objects(triggers)
        consumed_nouns = self._consumed_nouns(triggers)
        self._drop_hollow(triggers)
        self._host_forces(triggers)
        self._serve_purposes(triggers)
        self._carry_noun_clauses(sent, triggers)
        carried = self._carry_verb_clauses(sent, triggers)
        for index in [i for i, t in triggers.items() if t.cameo == NO_EVENT]:
            del triggers[index]  # figures of speech, kept until now for the verbs that carry them
        self.drop_own_orders(triggers)
        return triggers, consumed_nouns, carried

    def _verb_triggers(self, sent) -> dict[int, Trigger]:
        triggers: dict[int, Trigger] = {}
        for token in sent:
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT" and token.lemma_ != "be") or (
                    # headline grammar the tagger misreads: "EU and UN hand over supplies"
                    token.dep_ == "ROOT" and token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children)) or (
                    token.pos_ == "ADJ" and token.dep_ == "acomp"):
                trigger = self.verb_trigger(token, figures=True)
                info = self.cameo_info(trigger.cameo) if trigger is not None and token.pos_ == "ADJ" else None
                if info is not None and info.quad.startswith("material"):
                    # an adjective tells an attitude ("critical of"), never a deed: "the two sides
                    # are close to a deal" closes nothing
                    trigger = None
                if trigger is not None:
                    triggers[token.i] = trigger
        return triggers

    @staticmethod
    def _drop_gerund_objects(triggers: dict[int, Trigger]) -> None:
        """"stopped fighting", "agreed to halt fighting": the gerund is the frame's object, not an event."""
        for trigger in list(triggers.values()):
            for child in trigger.token.children:
                if child.i in triggers and child.tag_ == "VBG" and child.dep_ in ("xcomp", "dobj", "ccomp") \
                        and child.lemma_.lower() in trigger.objects:
                    del triggers[child.i]

    def _consumed_nouns(self, triggers: dict[int, Trigger]) -> set[int]:
        """Event nouns a trigger already codes ("launched an attack"): no nominal event of their own."""
        consumed_nouns = {t.noun.i for t in triggers.values() if t.noun is not None}
        for trigger in triggers.values():
            _, _, _, dobj, passive_subject = self._preps_and_objects(trigger.token)
            if trigger.specific and dobj is not None:
                consumed_nouns.add(dobj.i)
        return consumed_nouns

    def _drop_hollow(self, triggers: dict[int, Trigger]) -> None:
        """"seeking to deepen", "hopes to meet": such verbs only give the voice of their clause's act."""
        for index in [i for i, t in triggers.items() if "hollow" in self.kinds(t.token)]:
            if any(c.dep_ == "xcomp" and c.i in triggers for c in triggers[index].token.children):
                del triggers[index]

    def _host_forces(self, triggers: dict[int, Trigger]) -> None:
        """"sent 200 troops to Israel", "North Korea deployed troops to Russia": forces sent to
        a state named as itself cooperate with it (code_classes.tsv hosted_forces), which
        receives them; "to the border" or "to southern Lebanon" names no host, and an act of
        force in a purpose clause still recodes the sending."""
        if self._resolver is None:
            return
        for index, trigger in list(triggers.items()):
            if not self.book.in_class("forces_placed", trigger.cameo):
                continue
            verb = trigger.token
            host = next(prep_objects(verb, self.book.role("destination_prep"), ("prep", "dative")), None)
            if host is None or not self._resolver.names_state(verb.doc[host.left_edge.i:host.i + 1].text):
                continue
            triggers[index] = replace(trigger, cameo=self.book.given("hosted_forces"),
                                      frame_preps=trigger.frame_preps | {host.head.lower_}, specific=True,
                                      rules=(*trigger.rules, self.book.where[("given", "hosted_forces")]))

    def _serve_purposes(self, triggers: dict[int, Trigger]) -> None:
        """"sent experts to investigate", "will send police to Haiti to help restore order":
        a sending serves the act of its purpose clause (the first one), whether or not it
        has a code of its own, and its destination is the act's target."""
        served: set[int] = set()
        for index, inner in sorted(triggers.items()):
            token, head = inner.token, inner.token.head
            if token.dep_ in ("xcomp", "advcl") and head.i < index and head.i not in served \
                    and "purpose" in self.kinds(head) and any(c.lower_ == "to" for c in token.children) \
                    and inner.cameo != NO_EVENT and not self.book.in_class("statement", inner.cameo):
                sending = triggers.get(head.i)
                words = sending.words if sending is not None else head.text
                preps = sending.frame_preps if sending is not None else frozenset()
                rules = (*(sending.rules if sending is not None else ()), *self._word_rule(head.lemma_.lower(), "purpose"),
                         *inner.rules)
                cameo = inner.cameo
                if self.book.in_class("force", cameo) and self._foe_elsewhere(token, head):
                    # "deployed police to Haiti to fight gangs": the fight has its own foe,
                    # and the sending helps the host fight it
                    cameo = self.book.given("helped_to_fight")
                    rules = (*rules, self.book.where[("given", "helped_to_fight")])
                triggers[head.i] = Trigger(head, cameo, f"{words} to {inner.words}", True, frame_preps=preps,
                                           rules=rules)
                served.add(head.i)

    def _foe_elsewhere(self, act, sending) -> bool:
        """Whether a purpose clause's act of force has its own object, not of the state
        the sending goes to ("sent police to Haiti to fight gangs", not "sent troops to
        Ukraine to attack Kyiv")."""
        foes = [c for c in act.children if c.dep_ in ("dobj", "obj")]
        if not foes or self._resolver is None:
            return bool(foes)
        places = [o for p in sending.children if p.dep_ == "prep" and p.lower_ in ("to", "into")
                  for o in p.children if o.dep_ == "pobj"]

        def country(token):
            actor = self.actor(token, self._resolver, require_actor=True)
            return actor.country if actor is not None else None

        hosts = {country(p) for p in places} - {None}
        return not any(country(foe) in hosts for foe in foes)

    def _carry_noun_clauses(self, sent, triggers: dict[int, Trigger]) -> None:
        """Nouns that carry their clause: "Putin's offer to mediate" is an intention, "a demand
        to withdraw" a demand; the clause's event takes the carrier's code."""
        for token in sent:
            kinds = self.book.word_category.get(token.lemma_.lower(), ()) if token.pos_ == "NOUN" else ()
            carrier_kind = next((k for k in CARRIERS if k in kinds), None)
            if carrier_kind is None:
                continue
            for child in token.children:
                inner = triggers.get(child.i)
                if child.dep_ == "acl" and inner is not None and inner.cameo != NO_EVENT \
                        and not self.book.in_class("statement", inner.cameo) \
                        and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                    code, rule = self.book.carrier_rule(carrier_kind, inner.cameo)
                    if code == NO_EVENT:  # "a refusal to impose sanctions on X": no act against X
                        del triggers[child.i]
                        break
                    triggers[child.i] = replace(inner, cameo=code, words=f"{token.text} to {inner.words}",
                                                rules=(*inner.rules, rule))
                    break

    def _carry_verb_clauses(self, sent, triggers: dict[int, Trigger]) -> set[int]:
        """Carriers: "pledged to send", "urged X to release", "refused to withdraw", "failed to reach"."""
        carried: set[int] = set()
        for token in sent:
            kinds = self.kinds(token) if token.pos_ in ("VERB", "AUX") else ()
            carrier_kind = next((k for k in CARRIERS if k in kinds), None)
            if carrier_kind is None and "hope_frame" in kinds and self._wants_another(token):
                carrier_kind = "appeal"  # "Obama wants Putin to act": an appeal to Putin
            if carrier_kind is None:
                continue
            for child in token.children:
                inner = triggers.get(child.i)
                if child.dep_ in ("xcomp", "ccomp") and inner is not None and not self.book.in_class("statement", inner.cameo):
                    if inner.cameo == NO_EVENT:  # "pledged to fight hegemony": no act is pledged
                        triggers.pop(token.i, None)
                        carried.add(token.i)
                        break
                    code, rule = self.book.carrier_rule(carrier_kind, inner.cameo)
                    if code == NO_EVENT:
                        # "declined to join the boycott of X": refusing a hostile act is no hostility
                        # toward X; the clause's own event stays, negated by the refusal.
                        triggers.pop(token.i, None)
                        carried.add(token.i)
                        break
                    own = triggers.get(token.i)
                    triggers[token.i] = Trigger(token, code, f"{token.text} to {inner.words}", True,
                                                frame_preps=own.frame_preps if own else frozenset(),
                                                rules=(*inner.rules, rule))
                    carried.add(token.i)
                    break
        return carried
