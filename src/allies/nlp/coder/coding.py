"""Coding: a sentence's triggers with their actors and voice become events."""
from __future__ import annotations

from dataclasses import replace

from ...model import Actor, Event
from .confidence import (
    CLAIMED_ACT_CONFIDENCE,
    SOURCE_WEIGHT,
    TARGET_WEIGHT,
    UNCOMMITTED_ACT_CONFIDENCE,
    known,
    side,
)
from .resolver import ActorResolver
from .triggers import Trigger
from .words import (
    ARMED_SECTORS,
    CARRIERS,
    FORCE_ROOTS,
    INCURSION,
    LOCAL_SECTORS,
    LOCATION_PREPS,
    MOVED_OBJECT_ROOTS,
    PLACED_ROOTS,
    UNARMED_SECTORS,
    answers,
)


class CodingStage:
    """Runs the stages over one parsed sentence and makes the events."""

    def code_sentence(self, sent, sentence_index: int, resolver: ActorResolver, date: str | None) -> list[Event]:
        """All events of one parsed sentence."""
        self._after_dateline = sent.start
        self._resolver = resolver
        if sentence_index == 0:
            resolver.dateline = self._dateline(sent, resolver)
        triggers: dict[int, Trigger] = {}
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
                triggers[head.i] = Trigger(head, inner.cameo, f"{words} to {inner.words}", True, frame_preps=preps)
                served.add(head.i)
        # nouns that carry their clause: "Putin's offer to mediate" is an intention, "a demand
        # to withdraw" a demand; the clause's event takes the carrier's code
        for token in sent:
            kinds = self.book.word_category.get(token.lemma_.lower(), ()) if token.pos_ == "NOUN" else ()
            carrier_kind = next((k for k in CARRIERS if k in kinds), None)
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
            carrier_kind = next((k for k in CARRIERS if k in kinds), None)
            if carrier_kind is None and "hope_frame" in kinds and self._wants_another(token):
                carrier_kind = "appeal"  # "Obama wants Putin to act": an appeal to Putin
            if carrier_kind is None:
                continue
            for child in token.children:
                inner = triggers.get(child.i)
                if child.dep_ in ("xcomp", "ccomp") and inner is not None and not inner.cameo.startswith("01"):
                    code = self.book.carrier_code(carrier_kind, inner.cameo)
                    own = triggers.get(token.i)
                    triggers[token.i] = Trigger(token, code, f"{token.text} to {inner.words}", True,
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
            if known(event.source) and event.target is not None and event.modality == "asserted" \
                    and not event.negated and event.confidence >= 0.5:
                resolver.doers[event.cameo[:2]] = event.source
        for event in result:
            if known(event.source) and event.target is not None and known(event.target) \
                    and (event.source.country or event.source.code) != (event.target.country or event.target.code):
                resolver.last_pair = (event.source, event.target)
                break
        return result

    def _events_for(self, trigger: Trigger, sent, sentence_index, resolver, date, reporters,
                    carriers: frozenset = frozenset()) -> list[tuple[int, Event]]:
        verb = trigger.token
        source_tokens, from_agent = self.subjects(verb)
        passive = self._is_passive(verb)
        if passive and not source_tokens:
            # "Russian troops were deployed to X": with no agent, the forces moved act for their state
            moved = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            forces = self.actor(moved, resolver, require_actor=True) if moved is not None else None
            if forces is not None and forces.sector in ARMED_SECTORS and trigger.cameo[:2] in MOVED_OBJECT_ROOTS:
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
            if helped is not None and trigger.cameo[:2] == "07" and helped.cameo[:2] in FORCE_ROOTS:
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
                    inner = self.verb_trigger(child) or Trigger(child, "", child.text, False)
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
        if cameo[:2] == "13" and not any(known(self.actor(t, resolver, require_actor=True)) for t in target_tokens):
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
        if not any(known(t) for t in targets) and answers(cameo):
            # "The US imposed tariffs on India. India criticised the tariffs": the earlier doer
            answered = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            doer = self._earlier_doer(answered, resolver) if answered is not None else None
            if doer is not None:
                targets = [doer]
        if trigger.cameo[:2] in PLACED_ROOTS and not all(known(a) for a in (*sources, *targets)):
            # "five civilians were killed in Aleppo", "police arrested them in Minsk":
            # local people and bodies of the place where it happened
            place = self._place(verb, resolver)
            if place is not None:
                targets = [self._placed(t, place, resolver) for t in targets]
                sources = [self._placed(s, place, resolver, LOCAL_SECTORS) for s in sources]
        if "incursion" in self.kinds(verb) and trigger.cameo == INCURSION \
                and not any(s.sector in ARMED_SECTORS for s in sources):
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
        place_only = anchor is not None and anchor.dep_ == "pobj" and anchor.head.lower_ in LOCATION_PREPS
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
            confidence = (confidence_base + SOURCE_WEIGHT[side(source, resolver)]
                          + TARGET_WEIGHT[side(target, resolver)])
            if wished_by_another or modality in ("requested", "conditional"):
                confidence = min(confidence, UNCOMMITTED_ACT_CONFIDENCE)
            elif judged:
                confidence = min(confidence, CLAIMED_ACT_CONFIDENCE)  # on the judge's word
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
                    confidence = (confidence_base + SOURCE_WEIGHT[side(speaker, resolver)]
                                  + TARGET_WEIGHT[side(event.source, resolver)])
                    made = self._make_event(f"{trigger.words} (must)", demand, sent, sentence_index, speaker,
                                            event.source, False, "asserted", speaker, date, confidence)
                    if made is not None:
                        events.append((lift, made))
                    event.modality = "requested"
                    event.confidence = min(event.confidence, UNCOMMITTED_ACT_CONFIDENCE)
        return events

    def _make_event(self, trigger_words: str, cameo: str, sent, sentence_index, source: Actor, target: Actor | None,
                    negated: bool, modality: str, speaker: Actor | None, date, confidence: float) -> Event | None:
        sectors = {actor.sector for actor in (source, target) if actor is not None}
        if cameo in self.book.armed_codes and sectors & ARMED_SECTORS and not sectors & UNARMED_SECTORS:
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
            same = own or (known(event.source) and known(speaker) and
                           (event.source.country or event.source.code) == (speaker.country or speaker.code))
            if not same and not (known(speaker) and event.source.text):
                continue
            if same and "admission" in kinds:
                code, target, depth = "015", event.target, lift
                confidence = event.confidence * 0.9
            elif not same and front and "allegation" in kinds and event.cameo[:2] in ("17", "18", "19", "20") \
                    and event.modality == "asserted" and not event.negated:
                code, target, depth = "112", event.source, lift  # the accusation stands for the sentence
                confidence = 0.75 if known(event.source) else 0.6
            else:
                continue
            found = self._make_event(f"{reporting_verb.text} ({trigger.words})", code, sent, sentence_index, speaker,
                                     target, False, "asserted", speaker, date, confidence)
            if found is not None:
                made.append((depth, found))
                event.confidence = min(event.confidence, CLAIMED_ACT_CONFIDENCE)
        return made

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
            confidence = (0.45 - self._embedding(reporting) + SOURCE_WEIGHT[side(speaker, resolver)]
                          + TARGET_WEIGHT[side(target, resolver)])
            event = self._make_event(f"{reporting.text} ({token.text}, must)", "100", sent, sentence_index, speaker,
                                     target, False, "asserted", speaker, date, confidence)
            if event is not None:
                found.append((self._depth(reporting), reporting.i, event))
                reporters.add(reporting.i)  # the saying is the demand, not a statement besides
        return found

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
            if source is None or not targets or not known(source):
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
                                         speaker, date, 0.35 + (0.15 if known(tgt) else 0.0))
                if event is not None:
                    found.append((self._depth(token) + 1, token.i, event))
        return found
