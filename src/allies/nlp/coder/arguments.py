"""Arguments: who does the act (subjects, agents, controllers) and to whom (targets)."""
from __future__ import annotations

from dataclasses import replace

from .confidence import known
from .resolver import ActorResolver
from .triggers import Act, Trigger
from .words import ACTOR_ENTS, PERSON_PRONOUNS, POSSESSIVE_PRONOUNS, is_definite, prep_objects


class ArgumentStage:
    """Finds the source and target tokens of a trigger."""

    # ------------------------------------------------------------ roles
    @staticmethod
    def _is_passive(verb) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

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
    def _shares_passive(verb) -> bool:
        """Whether a bare participle joined to a passive verb shares its subject ("were
        detained and deported"): it has no subject or object of its own."""
        return verb.dep_ == "conj" and verb.tag_ == "VBN" \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for c in verb.children) \
            and any(c.dep_ == "nsubjpass" for c in verb.head.children)

    @staticmethod
    def _judged(verb):
        """"criticised Kosovo for arresting", "accused Israel of attacking": the
        object of the judging verb did the act of its "for"/"of" clause (and of the verbs
        coordinated with it: "accused X of spreading lies and sheltering militants")."""
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
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
                    if child.dep_ == "prep" and child.lower_ in self.book.role("addressee_prep"):
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                return obj
            own_code = (self.verb_trigger(head) or Trigger(head, "", "", False)).cameo
            if "intent" not in kinds and not self.book.in_class("scheduled", own_code):
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
                makers = self._enacting(verb, child, depth)
                return (makers, False) if makers else (self._with_conjuncts(child), False)
        if self.own_order_clause(verb):
            return self.subjects(verb.head, depth + 1)  # "orders X be released", "ordered troops to withdraw"
        if self._is_passive(verb):
            return self._passive_subjects(verb)
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
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
                and verb.head.head.pos_ in ("VERB", "AUX") and verb.head.lower_ in self.book.role("shared_subject_prep"):
            # "After holding a call with Putin, Trump said": the main clause's subject holds it
            return self.subjects(verb.head.head, depth + 1)
        if verb.dep_ == "conj" and not any(c.dep_ == "cc" for t in (verb.head, *verb.head.conjuncts) for c in t.children):
            return [], False  # a "conjunct" with no "and"/"or" anywhere is a misparse, not a shared subject
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and verb.head != verb:
            return self._governor_subjects(verb, depth)
        return self._attached_subjects(verb, depth)

    def _enacting(self, verb, subject, depth: int) -> list:
        """"Trump signed an executive order that cut aid to X": who made the document that
        acts (role_words.tsv enacted_noun) acts through it; [] for any other subject."""
        noun = verb.head
        if verb.dep_ != "relcl" or subject.lower_ not in ("that", "which") or depth > 4 \
                or noun.lemma_.lower() not in self.book.role("enacted_noun") \
                or noun.dep_ not in ("dobj", "obj") or noun.head.pos_ not in ("VERB", "AUX"):
            return []
        makers, passive = self.subjects(noun.head, depth + 1)
        return [] if passive else makers

    def _passive_subjects(self, verb) -> tuple[list, bool]:
        """Who did a passive act: the "by" agent, the place fire came from, the strike's actor."""
        for joined in (verb, *(v for v in verb.conjuncts if v.i > verb.i)):
            agent = self._by_agent(joined)  # ("were killed and injured by X": the agent of both)
            if agent is not None:
                return self._with_conjuncts(agent), True
        # "the Maldives envoy to India was summoned": by the state the envoy is posted to
        host = self._posted_to(verb)
        if host is not None:
            return [host], True
        # "rockets were fired from Gaza": those in the place they came from
        if self.book.in_class("fired_from", (self.verb_trigger(verb) or Trigger(verb, "", "", False)).cameo):
            place = self._from_place(verb)
            if place is not None:
                return [place], True
        # "were killed in an Israeli air strike": the strike's actor did it
        for child in self.shared_preps(verb):
            if child.lower_ in self.book.role("cause_prep"):
                for obj in child.children:
                    noun = self.cause_noun(obj) if obj.dep_ == "pobj" else None
                    if noun is not None:
                        actor_token = self.cause_doer(noun) or (self._noun_actor(obj) if noun is not obj else None)
                        if actor_token is not None:
                            return [actor_token], True
                    if obj.dep_ == "pobj" and self._misparsed_doer(obj):
                        return [obj], True
        return [], True

    def shared_preps(self, verb) -> list:
        """A passive verb's prepositions, and those of the passive verbs joined to it after
        it: "four people were killed and nine injured in a strike on X" (the parser hangs
        the strike on the last verb only)."""
        shares = self._is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children)
        verbs = [verb, *(v for v in verb.conjuncts if shares and v.i > verb.i and v.tag_ == "VBN" and self._is_passive(v))]
        return [c for v in verbs for c in v.children if c.dep_ == "prep"]

    def _governor_subjects(self, verb, depth: int) -> tuple[list, bool]:
        """The subject a clause shares with the verb governing it."""
        if verb.dep_ in ("advcl", "xcomp") and "purpose" in self.kinds(verb.head):
            return self.subjects(verb.head, depth + 1)  # "France sent experts to investigate": France investigates
        if verb.dep_ == "advcl" and verb.tag_ not in ("VBG", "VBN"):
            return [], False
        if self._is_passive(verb.head):
            if self._shares_passive(verb):
                return self.subjects(verb.head, depth + 1)  # "was arrested by police and deported"
            if verb.dep_ == "xcomp":
                # "Obama is scheduled to attend", "X was forced to withdraw"
                for child in verb.head.children:
                    if child.dep_ == "nsubjpass":
                        return self._with_conjuncts(child), False
            return [], False
        return self.subjects(verb.head, depth + 1)

    def _attached_subjects(self, verb, depth: int) -> tuple[list, bool]:
        """The subject of a relative clause, a participle, or a root the parser left without one."""
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head], False
        if verb.dep_ == "ROOT":
            # a subject the parser attached as a modifier ("..., USAID provided"): the nearest name before the verb
            before = list(verb.doc[max(verb.sent.start, self._after_dateline):verb.i])
            if len(before) > 2 and before[-1].lower_ == ",":
                # "Masaaki Kanai, the Japanese official in charge of Asia, traveled": past the
                # apposition set off by commas, to the name before it
                inner = next((i for i in range(len(before) - 2, -1, -1) if before[i].lower_ == ","), None)
                if inner is not None and inner > 0 and before[inner - 1].ent_type_ in ACTOR_ENTS:
                    return [before[inner - 1]], False
            for token in reversed(before):
                if token.pos_ in ("VERB", "AUX") or token.dep_ == "pobj":
                    break
                if token.ent_type_ in ACTOR_ENTS or (token.is_upper and len(token) > 1 and token.is_alpha):
                    return [token], False
        if verb.dep_ == "acl" and verb.tag_ != "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
            noun = verb.head
            if noun.dep_ in ("dobj", "obj") and noun.head.pos_ in ("VERB", "AUX") and any(
                    c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in noun.children):
                return self.subjects(noun.head, depth + 1)  # "X reaffirmed its commitment to defend Y": X
            return [noun], False
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            agent = self._by_agent(verb)  # "a truce brokered by Qatar"
            if agent is not None:
                return self._with_conjuncts(agent), True
            # "new U.S. tariffs imposed on India": the measure the frame names, aimed at
            # someone named, is its imposer's ("Iranian nationals arrested in London" were
            # arrested by another)
            trigger = self.verb_trigger(verb)
            aimed = trigger is not None and any(
                c.dep_ == "prep" and c.lower_ in (*trigger.frame_preps, *self.book.role("target_prep"))
                and any(o.dep_ == "pobj" and o.ent_type_ in ("GPE", "NORP", "ORG") for o in c.children)
                for c in verb.children)
            if aimed and verb.head.lemma_.lower() in trigger.objects:
                own = self._noun_actor(verb.head)
                if own is not None and own.dep_ != "poss":
                    return [own], True
            return [], True
        return [], False

    def _target_tokens(self, verb, trigger: Trigger, resolver: ActorResolver, passive: bool):
        """Target tokens of a trigger: the passive subject, the object, a preposition's
        object, an actor named inside them, or the place of an act done on the ground."""
        preps, objects, pobjs, dobj, passive_subject = self._preps_and_objects(verb)
        if dobj is None and trigger.noun is not None and trigger.noun.head == verb:
            # "calling the strikes illegal" parsed as a small clause: its subject is the one named
            dobj = next((c for c in trigger.noun.children if c.dep_ == "nsubj"), None)
        if trigger.noun is not None:
            for child in trigger.noun.children:
                if child.dep_ == "prep":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            pobjs.setdefault(child.lower_, obj)
        helped = pobjs.get("with")
        if helped is not None and helped.pos_ == "NOUN" and self.book.is_(helped.lemma_.lower(), "help_noun"):
            del pobjs["with"]  # "with Ugandan support", "with the help of X": the helper is no target
        if self.book.in_class("forces_placed", trigger.cameo):
            for prep in self.book.role("host_prep"):
                host = pobjs.get(prep)
                if host is not None and not self.book.is_(host.lemma_.lower(), "frontier"):
                    del pobjs[prep]  # "deployed troops to Mali": the host is no foe of the show of force
        if passive and passive_subject is not None and trigger.noun != passive_subject \
                and not self._moved(passive_subject, trigger, resolver):
            return self._passive_target(passive_subject, trigger, resolver, pobjs)
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") \
                and verb.lemma_.lower() not in self.book.role("projectile_verb") \
                and verb.head.lemma_.lower() not in trigger.objects:  # ("tariffs imposed on India")
            # "soldiers killed in Ukraine": the soldiers were acted on (but "American
            # missiles fired by Ukraine" were fired, not fired upon)
            return [verb.head]
        found = self._object_target(verb, trigger, resolver, pobjs, dobj)
        if found is None:
            if not self.book.in_class("placed", trigger.cameo):
                return []  # "made remarks in Doha" is no statement to Qatar
            if dobj is not None and self._abroad(dobj):
                return []  # "protect Korean nationals in the United States": only where they are
            found = self._place_target(resolver, pobjs, self.book.in_class("violence", trigger.cameo))
        if self.book.in_class("force", trigger.cameo) and (not found or self._through_place(found[0], verb)):
            # "carried out a strike in Syria, killing an ISIS leader": the act's own victim,
            # a group of no state, outranks the place where it happened
            victims = self._nonstate_victims(verb, trigger, dobj, found[0] if found else verb, resolver)
            if victims:
                return victims
        return found

    def _posted_to(self, verb):
        """The state an envoy summoned with no doer named is posted to (code_classes.tsv
        summons, role_words.tsv envoy_noun): "India" in "the envoy to India was summoned"."""
        envoys = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in self.book.role("envoy_noun")]
        if not envoys or self._resolver is None:
            return None
        trigger = self.verb_trigger(verb)
        if trigger is None or not self.book.in_class("summons", trigger.cameo):
            return None
        for envoy in envoys:
            for post in prep_objects(envoy, ("to",)):
                state = post if self._state_name(post, self._resolver) else self._actor_inside(post, self._resolver)
                actor = self.actor(state, self._resolver, require_actor=True) if state is not None else None
                if known(actor) and actor.country and actor.code == actor.country:
                    return state
        return None

    def _answered_act(self, noun) -> bool:
        """Whether an object is an act of force named by a definite event noun ("the attack
        on X", "the strikes in Doha"), whose victims words about it do not answer."""
        code = self._noun_code(noun) if noun.pos_ == "NOUN" else None
        return bool(code) and self.book.in_class("force", code) and is_definite(noun)

    def _abroad(self, noun) -> bool:
        """Whether a noun names people abroad (role_words.tsv abroad_noun: "nationals")."""
        return noun.lemma_.lower() in self.book.role("abroad_noun") or noun.lower_ in self.book.role("abroad_noun")

    def _passive_target(self, passive_subject, trigger: Trigger, resolver: ActorResolver, pobjs: dict) -> list:
        if self.actor(passive_subject, resolver, require_actor=True) is None:
            inside = self._actor_inside(passive_subject, resolver)
            if inside is not None:
                return [inside]  # "Evidence against Russia was presented"
            for prep in (*sorted(trigger.frame_preps), *self.book.role("aimed_prep")):
                obj = pobjs.get(prep)
                if obj is not None and self.actor(obj, resolver, require_actor=True) is not None:
                    return self._with_conjuncts(obj)  # "a rocket was fired at Israel"
        return self._with_conjuncts(passive_subject)

    def _object_target(self, verb, trigger: Trigger, resolver: ActorResolver, pobjs: dict, dobj) -> list | None:
        """The target among the verb's objects, in order of preference; None when there is none."""
        if dobj is not None and self.book.in_class("answering", trigger.cameo) and self._answered_act(dobj):
            # "condemned the attack on buildings housing Hamas members": words about an act
            # answer its doer, named with it ("the Israeli attack") or earlier in the article,
            # not those it struck
            doer = next((c for c in dobj.children if c.dep_ in ("poss", "amod", "compound")
                         and known(self.actor(c, resolver, require_actor=True))), None)
            return [doer] if doer is not None else None
        receiver = pobjs.get("to") if self.book.in_class("moved_object", trigger.cameo) else None
        if receiver is not None and self.actor(receiver, resolver, require_actor=True) is None:
            receiver = None
        if dobj is not None and trigger.noun != dobj and not self._own(dobj) and receiver is None \
                and not self._instrument(dobj, trigger, resolver, pobjs):
            # ("recalled its ambassador from Peru": one's own envoy is not the target;
            # "handed over the presidency to X": what is given is not either)
            firer = self._firer(dobj)
            if firer is not None:
                return self._with_conjuncts(firer)  # "shot down American missiles fired by Ukraine": Ukraine
            owner = self.actor(dobj, resolver, require_actor=True)
            if owner is not None:
                return self._with_conjuncts(dobj)
            if dobj.lower_ in PERSON_PRONOUNS:
                return [dobj]  # "accusing him of attacking X": him, even unresolved, not X
        for prep in (*sorted(trigger.frame_preps), *self.book.role("target_prep")):
            obj = pobjs.get(prep)
            if obj is not None and obj != trigger.noun and self.actor(obj, resolver, require_actor=True) is not None:
                return self._with_conjuncts(obj)
        acted_on = self.acted_on(trigger, resolver)  # "ordered the release of two Estonian citizens"
        if acted_on is not None:
            return acted_on
        # a generic group after the preposition: "air strikes on ISIL fighters in Mosul"
        for prep in (*sorted(trigger.frame_preps), *self.book.role("target_prep")):
            obj = pobjs.get(prep)
            if obj is not None and obj != trigger.noun and obj.pos_ == "NOUN" and resolver.sector(obj.text) \
                    and not self._own(obj):
                return self._with_conjuncts(obj)
        # an actor named inside the object ("China's assistance", "the Russian building")
        for obj in (dobj, *[pobjs.get(p) for p in (*sorted(trigger.frame_preps), *self.book.role("target_prep"))]):
            if obj is None:
                continue
            for child in obj.children:
                if child.dep_ == "poss" and self.actor(child, resolver, require_actor=True) is not None:
                    return [child]
        # "suspended a treaty of friendship concluded in 2002 with Spain": the pact's other party
        for pact in (o for o in (dobj, *pobjs.values()) if o is not None and o.lemma_.lower() in self.book.role("pact_noun")):
            for clause in (c for c in pact.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"):
                party = next(prep_objects(clause, ("with",)), None)
                if party is not None and known(self.actor(party, resolver, require_actor=True)):
                    return self._with_conjuncts(party)
        # words about a thing answer its author: "rejected a truce proposal put forward by the US"
        if dobj is not None and self.book.in_class("answering", trigger.cameo):
            for clause in dobj.children:
                if clause.dep_ == "acl" and clause.tag_ == "VBN":
                    for obj in (o for by in clause.children if by.dep_ == "agent" for o in by.children):
                        if obj.dep_ == "pobj" and known(self.actor(obj, resolver, require_actor=True)):
                            return self._with_conjuncts(obj)
        # an actor anywhere in the object's phrase ("a part of Syria's second city", "a mall in Kenya")
        for obj in (dobj, *[pobjs.get(p) for p in (*sorted(trigger.frame_preps), *self.book.role("target_prep"))]):
            if obj is None or obj == trigger.noun or self._abroad(obj):
                continue  # ("protect Korean nationals in the United States": only where they are)
            inside = self._actor_inside(obj, resolver)
            if inside is not None:
                return [inside]
        # a generic object: "detained 18 people", "killed 500 civilians", "freed the hostages";
        # but what is sent, deployed or given is no target ("deployed troops")
        if dobj is not None and dobj != trigger.noun and dobj.pos_ == "NOUN" and resolver.sector(dobj.text) \
                and not self.book.in_class("moved_object", trigger.cameo) and "purpose" not in self.kinds(verb):
            return self._with_conjuncts(dobj)
        return None

    def _firer(self, noun):
        """Who fired or launched the thing a noun names, when the phrase says so ("missiles
        fired by Ukraine"): whoever made them, the act against them is against the firer."""
        firers = (self._by_agent(clause) for clause in noun.children if clause.dep_ == "acl" and clause.tag_ == "VBN"
                  and clause.lemma_.lower() in self.book.role("projectile_verb"))
        return next((firer for firer in firers if firer is not None), None)

    def _instrument(self, dobj, trigger: Trigger, resolver: ActorResolver, pobjs: dict) -> bool:
        """Whether the object is the measure the frame names, with the target after a
        preposition: "raised U.S. tariffs on Canada" (not "expelled Russian diplomats")."""
        if dobj.lemma_.lower() not in trigger.objects or resolver.sector(dobj.lemma_.lower()) is not None:
            return False
        return any(pobjs.get(prep) is not None and self.actor(pobjs[prep], resolver, require_actor=True) is not None
                   for prep in (*sorted(trigger.frame_preps), *self.book.role("target_prep")))

    def _place_target(self, resolver: ActorResolver, pobjs: dict, violence: bool = False) -> list:
        """The state where an act on the ground happened ("held exercises in Alaska").
        ``violence``: an act of violence, which a state's frontier does not place (a show
        of force "near the border with X" faces X; a strike there may be on either side)."""
        for prep in self.book.role("location_prep"):
            obj = pobjs.get(prep)
            if obj is not None and violence and prep in self.book.role("nearby_prep") and prep != "across" \
                    and self.book.is_(obj.lemma_.lower(), "frontier"):
                continue  # "a drone strike near the X border" may be on either side of it; drills there face X
            if obj is not None:
                for place in (self._place_chain(obj) if obj.pos_ == "PROPN" else [obj]):
                    actor = self.actor(place, resolver, require_actor=True)
                    if known(actor) and actor.country:
                        return [place]
                if prep in self.book.role("nearby_prep"):
                    inside = self._actor_inside(obj, resolver)
                    if inside is not None and self.actor(inside, resolver, require_actor=True).country:
                        return [inside]
        return []

    # ------------------------------------------------------------ victims and places
    def _through_place(self, token, verb) -> bool:
        """Whether a target token stands in a place phrase of the act ("a raid in northern
        Syria", "a strike on a building in Beirut"), not as the one the act is aimed at."""
        current = token
        while current != verb and current.head != current:
            if current.dep_ == "pobj" and current.head.lower_ in self.book.role("location_prep"):
                return True
            current = current.head
        return False

    def _nonstate_victims(self, verb, trigger: Trigger, dobj, place, resolver: ActorResolver) -> list:
        """The non-state people or groups an act of force is aimed at: its own objects,
        and those of the participles, coordinated verbs and clauses that say what it did
        ("carried out a strike in Syria, targeting and killing X, a senior leader in Y",
        "a raid in Somalia that killed two militants", "airstrikes in Kabul, targeting Y")."""
        acts, objects = [verb], []
        for noun in (trigger.noun, dobj):  # the event noun: "an airstrike targeting ..."
            code = self._noun_code(noun) if noun is not None and noun.pos_ == "NOUN" else None
            if code and self.book.in_class("force", code):
                acts.extend(c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
        while place != verb and place.head != place:  # a participle the parser hung on the place
            acts.extend(c for c in place.children if c.dep_ == "acl" and c.tag_ == "VBG" and c not in acts)
            place = place.head
        for act in acts:  # grows: "targeting and killing"
            for child in act.children:
                if child.pos_ == "VERB" and child.dep_ in ("advcl", "conj", "xcomp") and child not in acts:
                    inner = self.verb_trigger(child)
                    if inner is not None and self.book.in_class("force", inner.cameo):
                        acts.append(child)
                elif child.dep_ in ("dobj", "obj") and child != trigger.noun and not (
                        child.pos_ == "NOUN" and self._noun_code(child)):  # the act's own noun is no victim
                    objects.append(child)
                elif child.dep_ == "prep" and child.lower_ in self.book.role("aimed_prep"):
                    objects.extend(o for o in child.children if o.dep_ == "pobj")
        for obj in objects:
            if self._nonstate(obj, resolver):
                return self._with_conjuncts(obj)
        return []

    def _nonstate(self, token, resolver: ActorResolver, depth: int = 0) -> bool:
        """Whether a phrase names a group of no state or its people: "an ISIS leader",
        "Houthi fighters", "militants", "dozens of militants", or a named person described
        as one of a group that is no state ("X, a senior commander in Y")."""
        actor = self.actor(token, resolver, require_actor=True)
        if known(actor):
            return actor.sector in self.book.role("nonstate_sector") or (
                not actor.country and actor.sector in self.book.role("armed_sector"))
        if token.pos_ == "NOUN":
            # the noun with its kind words: "militants", "a terrorist group" (not "a rebel-held city")
            kind = " ".join([*(c.text for c in token.lefts if c.dep_ in ("compound", "amod") and c.pos_ != "VERB"),
                             token.text])
            if resolver.sector(kind) in self.book.role("nonstate_sector"):
                return True
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and depth < 2:
                if any(self._nonstate(o, resolver, depth + 1) for o in child.children if o.dep_ == "pobj"):
                    return True  # "dozens of militants", "members of ISIS"
            elif child.dep_ == "appos" and token.pos_ == "PROPN" and child.lemma_.lower() in self.book.role("member_noun"):
                return self._member_of_nonstate(child, resolver)
        return False

    def _member_of_nonstate(self, member, resolver: ActorResolver) -> bool:
        """Whether the description of a named person ("a senior commander in Y", "a senior
        Y attack planner") makes them one of a group of no state: a group the knowledge base
        knows as such, or names it lacks, but no state's name or nationality."""
        names = [t for t in member.subtree if t != member and (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP"))]
        actors = [self.actor(t, resolver, require_actor=True) for t in names]
        if any(known(a) and a.country for a in actors):
            return False  # "a senior Iranian commander": a state's; "a Hamas commander": the place's own
        return bool(names)

    def _moved(self, token, trigger: Trigger, resolver: ActorResolver) -> bool:
        """Whether ``token``, the subject of a passive, is what the act moves rather than
        whom it is done to: "troops were deployed to X", "aid was sent to Y" (but
        "Ukraine was sent weapons" names the receiver)."""
        if not self.book.in_class("moved_object", trigger.cameo):
            return False
        actor = self.actor(token, resolver, require_actor=True)
        return actor is None or actor.sector in self.book.role("armed_sector")

    @staticmethod
    def _reciprocal(verb) -> bool:
        """Whether the verb's object is "each other" or "one another": every subject to every other."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        objects += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        return any((o.lower_ == "other" and any(c.lower_ == "each" for c in o.children))
                   or ({o.lower_, *(c.lower_ for c in o.children)} >= {"one", "another"}) for o in objects)

    def _responsible(self, noun):
        """The subject that "responsible for"/"guilty of" lays the noun's act on, if any."""
        head = noun.head
        if head.dep_ != "prep" or head.lower_ not in ("for", "of"):
            return None
        adjective = head.head
        if adjective.dep_ != "acomp" or not self.book.is_(adjective.lower_, "responsibility"):
            return None
        return next((c for c in adjective.head.children if c.dep_ == "nsubj"), None)

    # ------------------------------------------------------------ one trigger's arguments
    def _arguments(self, trigger: Trigger, resolver: ActorResolver) -> Act:
        """The act of a trigger with its source and target tokens."""
        verb = trigger.token
        source_tokens, _ = self.subjects(verb)
        passive = self._is_passive(verb)
        if passive and not source_tokens:
            # "Russian troops were deployed to X": with no agent, the forces moved act for their state
            moved = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            forces = self.actor(moved, resolver, require_actor=True) if moved is not None else None
            if forces is not None and forces.sector in self.book.role("armed_sector") \
                    and self.book.in_class("moved_object", trigger.cameo):
                source_tokens = self._with_conjuncts(moved)
        if trigger.giver is not None:
            target_tokens, source_tokens = source_tokens, self._with_conjuncts(trigger.giver)
        else:
            target_tokens = self._target_tokens(verb, trigger, resolver, passive) or self.ordered_done_to(verb)
            if not target_tokens and self._shares_passive(verb):
                # "were detained and deported", "be released and placed under house arrest"
                target_tokens = self._with_conjuncts(next(c for c in verb.head.children if c.dep_ == "nsubjpass"))
        act = Act(trigger, verb, source_tokens, target_tokens)
        if "helping" in self.kinds(verb):
            self._helped(act)
        if not act.target_tokens and ((self.kinds(verb) & {"demand", "appeal"}) or (
                "hope_frame" in self.kinds(verb) and self._wants_another(verb))):
            # "Obama wants Putin to attack": the appeal goes to Putin
            for child in verb.children:
                if child.dep_ == "ccomp":
                    act.target_tokens = [c for c in child.children if c.dep_ == "nsubj"][:1]
        if not act.target_tokens:
            # "pledged to expel X", "denied attacking X": the clause's target is the carrier's
            purpose = "purpose" in self.kinds(verb)
            for child in verb.children:
                if child.pos_ == "VERB" and (child.dep_ == "xcomp" or (purpose and child.dep_ == "advcl")):
                    inner = self.verb_trigger(child) or Trigger(child, "", child.text, False)
                    act.target_tokens = self._target_tokens(child, inner, resolver, self._is_passive(child))
                    break
        return act

    def _helped(self, act: Act) -> None:
        """"helped Russia recapture territory": the one helped is the clause's subject, and
        help to fight is military cooperation."""
        verb = act.verb
        clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        if not act.target_tokens and clause is not None and clause.dep_ == "ccomp":
            act.target_tokens = [c for c in clause.children if c.dep_ == "nsubj"][:1]
        helped = self.verb_trigger(clause) if clause is not None else None
        if helped is not None and self.book.in_class("helping", act.trigger.cameo) \
                and self.book.in_class("force", helped.cameo):
            act.trigger = replace(act.trigger, cameo=self.book.given("helped_to_fight"))
