"""Coding: a sentence's triggers with their actors and voice become events."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ...model import Actor, Event
from ..actors import SECTOR_SUFFIX
from ..dates import clause_date, opens_clause, parsed_main_clause
from .confidence import CLAIMED_ACT_CONFIDENCE, SOURCE_WEIGHT, TARGET_WEIGHT, UNCOMMITTED_ACT_CONFIDENCE, known, side
from .resolver import ActorResolver
from .triggers import Act, Trigger
from .words import PLACE_ENTS, entities, prep_objects


@dataclass
class SentenceTrace:
    """What the coder decided for one sentence, kept for ``allies code --explain``."""

    sent: object
    triggers: dict
    candidates: list       # (depth, token index, event) before selection
    reporters: set
    events: list


class CodingStage:
    """Runs the stages over one parsed sentence and makes the events."""

    def code_sentence(self, sent, sentence_index: int, resolver: ActorResolver, date: str | None) -> list[Event]:
        """All events of one parsed sentence."""
        self._after_dateline = sent.start
        self._resolver = resolver
        self._frames_seen = {}  # a verb's prepositions and objects, read once per sentence
        resolver.sentences += 1
        if sentence_index == 0:
            resolver.dateline = self._dateline(sent, resolver)
        if self.book.is_sport(w for token in sent for w in (token.lower_, token.lemma_.lower())):
            if self.trace is not None:
                self.trace.append(SentenceTrace(sent, {}, [], set(), []))
            self._remember(sent, resolver)
            return []
        triggers, consumed_nouns, carried = self.sentence_triggers(sent)
        events: list[tuple[int, int, Event]] = []  # (depth, order, event)
        reporters: set[int] = set()
        for index, trigger in sorted(triggers.items()):
            depth = self._depth(trigger.token)
            events.extend((depth - lift, index, event) for lift, event in
                          self._events_for(trigger, sent, sentence_index, resolver, date, reporters,
                                           frozenset(carried)))
        events.extend(self._nominal_events(sent, sentence_index, resolver, date, consumed_nouns, reporters))
        events.extend(self._bare_demands(sent, sentence_index, resolver, date, triggers, reporters))
        result = self._select(events, reporters)
        if self.trace is not None:  # `allies code --explain`
            self.trace.append(SentenceTrace(sent, triggers, events, reporters, result))
        self._remember(sent, resolver)
        if not self._remember_events(result, resolver):
            self._remember_named_pair(sent, resolver)
        return result

    def _select(self, events, reporters: set[int]) -> list[Event]:
        """The sentence's events from the one nearest the root down, each (source, target,
        code) once; a verb of saying that reports another event is not itself an event."""
        result = []
        seen: dict[tuple, int] = {}
        for depth, index, event in sorted(events, key=lambda item: (item[0], item[1])):
            if index in reporters and self.book.in_class("statement", event.cameo):
                continue
            key = (event.source.text, event.target.text if event.target else None, event.cameo)
            if key in seen:
                # "pledged to send aid": the intent once, not again for "send"; but as surely as
                # the surest of its wordings ("Pakistan-Afghan clashes: border clash in ...")
                kept = result[seen[key]]
                if event.confidence > kept.confidence:
                    result[seen[key]] = replace(kept, confidence=event.confidence)
                continue
            seen[key] = len(result)
            result.append(event)
        return result

    @staticmethod
    def _remember_events(result: list[Event], resolver: ActorResolver) -> bool:
        """Who did which act ("the strikes" later), and the last two-sided pair ("the two
        leaders"); whether the sentence gave a pair."""
        for event in result:
            if known(event.source) and event.target is not None and event.modality == "asserted" \
                    and not event.negated and event.confidence >= 0.5:
                resolver.doers[event.cameo[:2]] = event.source
        for event in result:
            if known(event.source) and event.target is not None and known(event.target) \
                    and (event.source.country or event.source.code) != (event.target.country or event.target.code):
                resolver.last_pair = (event.source, event.target)
                return True
        return False

    def _remember_named_pair(self, sent, resolver: ActorResolver) -> None:
        """A sentence that names just two states, or officials of two states, with no act
        between them coded ("Thailand and Cambodia have given differing versions", "Lee
        and Ishiba issued a statement"), makes them the pair "both sides", "the two
        countries" and "the leaders" stand for next."""
        states: dict[str, Actor] = {}
        for ent in entities(sent):
            if ent.label_ not in ("GPE", "NORP", "ORG", "PERSON") or ent.start < self._after_dateline:
                continue
            for found in resolver.named_in(ent.text):
                if known(found) and found.country and found.person and found.sector in self.book.role("official_sector"):
                    states.setdefault(found.country, found)  # "Modi met Xi ...": the two leaders
                elif known(found) and found.country and found.sector in (None, *self.book.role("state_sector")):
                    states.setdefault(found.country, Actor(text=found.text if found.sector is None else found.country,
                                                           code=found.country, country=found.country))
        if len(states) == 2:
            first, second = states.values()
            resolver.last_pair = (first, second)

    def _events_for(self, trigger: Trigger, sent, sentence_index, resolver, date, reporters,
                    carriers: frozenset = frozenset()) -> list[tuple[int, Event]]:
        """The events of one trigger, each with how far to lift it toward the root."""
        act = self._arguments(trigger, resolver)
        if self.carried_by_noun(trigger.token, resolver) or (
                act.source_tokens and self.carried_by_noun(act.source_tokens[0], resolver)):
            return []  # "clashes between X and Y killed twelve": the noun's own event is the act
        self._voice_of(act, resolver, reporters, carriers)
        if not self._sides(act, resolver):
            return []
        trigger, verb, source_tokens = act.trigger, act.verb, act.source_tokens
        act_date = date
        if act.speaker_token is not None or opens_clause(verb):
            # "says that X shot down the plane in December 2024", "sentences him for killing a
            # soldier in January 2024": the reported or subordinate act keeps its clause's own
            # date (the saying or the sentencing is of the sentence's day)
            clause = [t for t in verb.subtree if not (t.dep_ == "mark" and t.head == verb)]
            if clause:
                span = verb.doc[clause[0].i:clause[-1].i + 1]
                act_date = clause_date(span.text, date, parsed_main_clause(span)) or date
        confidence_base = 0.45 + (0.1 if trigger.specific else 0.0) - self._embedding(verb)
        if source_tokens and source_tokens[0].dep_ == "pobj" and source_tokens[0].head.lower_ == "from" \
                and trigger.giver is None:
            confidence_base -= 0.2  # "fired from Gaza": whoever was there, not a named actor
        events = self._pair_events(act, sent, sentence_index, resolver, act_date, confidence_base)
        if events and self.book.in_class("force", act.cameo) and act.modality == "asserted" and not act.negated:
            events.extend(self._helpers(act, sent, sentence_index, resolver, act_date, confidence_base))
        speaker, speaker_token = act.speaker, act.speaker_token
        if speaker is not None and speaker_token is not None and events:
            own = bool(source_tokens) and source_tokens[0].pos_ == "PRON" and source_tokens[0].lower_ not in ("i", "you")
            events.extend(self._reported(verb, trigger, speaker, speaker_token, events, sent, sentence_index, date, own))
        if act.obliged and speaker is not None and speaker_token is not None:
            self._obliged(act, events, sent, sentence_index, resolver, date, confidence_base)
        return events

    def _voice_of(self, act: Act, resolver, reporters, carriers: frozenset) -> None:
        """The act's voice and code: an announced act is coded as its intention, unless a
        carrier verb ("pledged to", "urged X to") already codes it."""
        verb, trigger = act.verb, act.trigger
        act.negated, act.modality, act.speaker_token, act.obliged = self.voice(verb, resolver, reporters)
        act.speaker = self.actor(act.speaker_token, resolver) if act.speaker_token is not None else None
        act.judged = self._judged(verb) is not None
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.i in carriers:
            act.cameo = trigger.cameo  # the carrier's own event already codes the intention
            # "urged Iran to release", "wants Putin to attack": an act asked of
            # someone who has not committed to it
            carrier_subjects = self.subjects(verb.head)[0]
            act.wished_by_another = bool(act.source_tokens) and bool(carrier_subjects) \
                and carrier_subjects[0].i != act.source_tokens[0].i
        else:
            act.cameo, act.negated, act.modality, rule = self.intention(trigger.cameo, act.negated, act.modality,
                                                                        act.speaker_token is not None)
            act.rules = (rule,) if rule else ()
            # "plans to sign", "wants to improve ties": the intention is stated now
            act.announced = rule is not None and (act.modality == "future" or self.own_wish(verb, act.modality))
        if self.book.in_class("threat", act.cameo) and not any(known(self.actor(t, resolver, require_actor=True))
                                             for t in act.target_tokens):
            # "X will retaliate if Y shells its towns", "threatened to halt exports if Y builds
            # the base": the threat is aimed at Y
            conditions = self.book.voice.get("conditional", ())
            clauses = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
            for child in (c for clause in clauses for c in clause.children):
                if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in conditions for c in child.children):
                    act.target_tokens = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")][:1]
                    break

    def _sides(self, act: Act, resolver) -> bool:
        """Resolve the act's sources and targets; False when it has no event."""
        verb, trigger, cameo = act.verb, act.trigger, act.cameo
        act.source_tokens = [self._wielder(t, resolver) for t in act.source_tokens]
        if self.book.in_class("violence", cameo):
            # "an airstrike on Mazraat Beit Jinn, Rif Dimashq Governorate, Syria": on Syria
            act.target_tokens = [self._state_written_with(t, resolver) or t for t in act.target_tokens]
        sources = self._actors(act.source_tokens, resolver)
        targets = self._actors(act.target_tokens, resolver)
        speaker = act.speaker
        if speaker is not None and known(speaker) and speaker.country and not sources and self._is_passive(verb) \
                and self.book.in_class("moved_object", trigger.cameo):
            # "US officials announced that 200 troops will be sent to Israel": forces of no
            # named state, sent by no one named, are those of the state announcing it
            moved = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            sector = resolver.sector(moved.text) if moved is not None else None
            if sector in self.book.role("armed_sector") and not known(self.actor(moved, resolver)):
                sources = [Actor(text=f"{moved.text} ({speaker.country})", code=speaker.country + SECTOR_SUFFIX.get(sector, ""),
                                 country=speaker.country, sector=sector)]
        if not any(known(t) for t in targets) and self.book.in_class("answering", cameo):
            # "The US imposed tariffs on India. India criticised the tariffs": the earlier doer
            answered = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            doer = self._earlier_doer(answered, resolver) if answered is not None else None
            if doer is None:
                doer = self._reacted_to(verb, resolver)  # "Egypt voiced anger when Ethiopia announced ..."
            if doer is not None and not any(known(s) and s.country == doer.country for s in sources):
                targets = [doer]  # (one's own earlier act is no one's to answer)
        if not any(known(t) for t in targets) and self.book.in_class("charged_clause", cameo):
            # "he alleged that Denmark had underinvested": the one the clause blames
            blamed = next((s for c in verb.children if c.dep_ == "ccomp"
                           for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            actor = self.actor(blamed, resolver, require_actor=True) if blamed is not None else None
            if known(actor) and actor.country and not any(known(s) and s.country == actor.country for s in sources):
                targets = [actor]
        if self.book.in_class("placed", trigger.cameo) and not all(known(a) for a in (*sources, *targets)):
            # "five civilians were killed in Aleppo", "police arrested them in Minsk":
            # local people and bodies of the place where it happened
            place = self._place(verb, resolver)
            if place is not None:
                # ("killed five militants in Mali": a group of no state is not the place's)
                targets = [t if resolver.sector(t.text) in self.book.role("nonstate_sector")
                           else self._placed(t, place, resolver) for t in targets]
                if self.book.in_class("force", cameo) and act.target_tokens \
                        and verb.lemma_.lower() not in self.book.role("harm_verb") \
                        and all(self._thing(t, resolver) for t in act.target_tokens):
                    targets = [place]  # "a building in Gaza City was hit": the place was struck
                sources = [self._placed(s, place, resolver, self.book.role("local_sector")) for s in sources]
        # ("opened fire in Kurram": a place the knowledge base does not know is only where)
        unknown_place = bool(act.target_tokens) and not any(known(t) for t in targets) and all(
            t.ent_type_ in PLACE_ENTS for t in act.target_tokens)
        if (not targets or unknown_place) and sources and self.book.in_class("force", cameo) \
                and self._aimed_at_no_one(verb, resolver) \
                and all(s.sector is None or s.sector in self.book.role("state_sector") for s in sources):
            # "X's troops opened fire" in an article about X and Y; but not "X executed a
            # cleric" (the act has its own object) nor "gunmen attacked" (no state's act)
            other = self.other_side(sources, resolver)
            targets = [other] if other is not None else targets
        if not sources and self._is_passive(verb) and self.book.in_class("harm_to_side", cameo) and len(targets) == 1 \
                and known(targets[0]) and targets[0].sector in (None, *self.book.role("state_sector")):
            # "positions of the Afghan Taliban were destroyed", no agent, in an article about
            # the fighting between the two: the other side did it
            other = self.other_side(targets, resolver)
            sources = [other] if other is not None and self._article_pair(verb, resolver) else []
        if "incursion" in self.kinds(verb) and self.book.in_class("incursion", trigger.cameo) \
                and not any(s.sector in self.book.role("armed_sector") for s in sources):
            return False  # "refugees crossed into Poland", "the deal entered into force"
        if not sources:
            if not targets:
                return False
            sources = [Actor(text="")]
        act.sources, act.targets = sources, targets
        return True

    def _reacted_to(self, verb, resolver) -> Actor | None:
        """The state whose act a reaction answers when a clause opened by "when" or
        "after" tells it: "Egypt voiced its anger when Ethiopia announced the filling"."""
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in self.book.role("reaction_mark")
                                              for c in clause.children):
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                actor = self.actor(subject, resolver, require_actor=True) if subject is not None else None
                if known(actor) and actor.country:
                    return actor
        return None

    def _aimed_at_no_one(self, verb, resolver) -> bool:
        """Whether an act of force names no one it was done to: no object ("opened fire"),
        or only a thing ("shelled the area"), and a verb that can be done to a thing
        ("executed a cleric" was done to someone, whoever's he is)."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        return not objects or (verb.lemma_.lower() not in self.book.role("harm_verb")
                               and all(self._thing(o, resolver) for o in objects))

    def _thing(self, token, resolver) -> bool:
        """Whether a target names a thing, not anyone: "a residential building", "a
        vehicle" (no actor, no group of people, no name)."""
        # ("militant camps", "SDF positions", "its bases": whose they are is said)
        return token.pos_ == "NOUN" and not token.ent_type_ and resolver.sector(token.text) is None \
            and resolver.sector(token.lemma_) is None and self._actor_inside(token, resolver) is None \
            and not any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and (
                resolver.sector(c.text) or c.pos_ == "PROPN" or c.ent_type_)) for c in token.children)

    def _pairs(self, act: Act) -> list[tuple[Actor, Actor | None, str | None]]:
        """(source, target, rule) triples: every source with every target, both ways for
        mutual acts (whose rule says why)."""
        sources, targets, verb, trigger = act.sources, act.targets, act.verb, act.trigger
        pairs = []
        for source in sources:
            if targets:
                pairs.extend((source, target, None) for target in targets)
            else:
                pairs.append((source, None, None))
        symmetric = self.book.is_symmetric(trigger.cameo, verb.lemma_.lower())
        anchor = act.target_tokens[0] if act.target_tokens else None
        while anchor is not None and anchor.dep_ in ("compound", "flat") and anchor.head != anchor:
            anchor = anchor.head  # "in Kuala Lumpur": the place's first word hangs on its last
        place_only = anchor is not None and anchor.dep_ == "pobj" and anchor.head.lower_ in self.book.role("location_prep")
        reciprocal = self._reciprocal(verb)
        if (symmetric or reciprocal) and len(sources) > 1 and (not any(known(t) for t in targets) or place_only):
            # "X and Y met / clashed / exchanged prisoners": each with the other
            why = self.book.symmetric_rule(trigger.cameo, verb.lemma_.lower()) if symmetric else "each other"
            pairs = [(a, b, why) for a in sources for b in sources if a is not b]
        elif targets and len(sources) == 1 and act.cameo[:2] == trigger.cameo[:2] and not place_only \
                and self.book.is_symmetric(trigger.cameo, verb.lemma_.lower(), True):
            # "X held talks with Y" goes both ways; "X wants to hold talks with Y" is X's wish alone
            why = self.book.symmetric_rule(trigger.cameo, verb.lemma_.lower(), True)
            pairs += [(t, sources[0], why) for t in targets]
        return pairs

    def _pair_events(self, act: Act, sent, sentence_index, resolver, date, confidence_base: float):
        events = []
        seen = set()
        cameo, speaker = act.cameo, act.speaker
        for source, target, mutual in self._pairs(act):
            if target is not None and source.text == target.text:
                continue
            key = (source.text, target.text if target else None)
            if key in seen:
                continue
            seen.add(key)
            confidence = (confidence_base + SOURCE_WEIGHT[side(source, resolver)]
                          + TARGET_WEIGHT[side(target, resolver)])
            if act.wished_by_another or act.modality in ("requested", "conditional"):
                confidence = min(confidence, UNCOMMITTED_ACT_CONFIDENCE)
            elif act.judged:
                confidence = min(confidence, CLAIMED_ACT_CONFIDENCE)  # on the judge's word
            # an official's own words: the statement is the official's state's, spoken by the official
            said_by = speaker if speaker is not None or not self.book.in_class("statement", cameo) or not source.person else source
            rules = (*act.trigger.rules, *act.rules, *((mutual,) if mutual else ()))
            modality = act.modality
            if act.announced and (speaker is None or (speaker.country and (speaker.country == source.country or (
                    mutual and target is not None and speaker.country == target.country)))):
                # "X will impose sanctions on Y", said by X or its officials: the threat (or the
                # intent) is made now; another's forecast of X's act stays in the future. Of a
                # mutual act ("the two sides will sign"), either side's word is its own intent.
                modality = "asserted"
            event = self._make_event(act.trigger.words, cameo, sent, sentence_index, source, target,
                                     act.negated, modality, said_by, date, confidence, rules)
            if event is not None:
                events.append((0, event))
        return events

    def _helpers(self, act: Act, sent, sentence_index, resolver, date, confidence_base: float):
        """"killed an ISIS leader with the assistance of Syrian forces": the helper
        cooperates militarily with the doer (a "help_noun" in voice_words.tsv)."""
        found = []
        for help_noun in (o for o in prep_objects(act.verb, ("with",)) if o.pos_ == "NOUN"):
            if not self.book.is_(help_noun.lemma_.lower(), "help_noun"):
                continue
            helper_tokens = [c for c in help_noun.children if c.dep_ in ("poss", "amod", "compound")
                             and c.pos_ in ("PROPN", "ADJ", "NOUN")]
            helper_tokens += [o for p in help_noun.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                              for o in p.children if o.dep_ == "pobj"]
            for helper in (self.actor(t, resolver, require_actor=True) for t in helper_tokens):
                for source in act.sources:
                    if not (known(helper) and known(source) and helper.country and helper.country != source.country):
                        continue
                    confidence = confidence_base + SOURCE_WEIGHT["known"] + TARGET_WEIGHT["known"]
                    rules = (*self._word_rule(help_noun.lemma_.lower(), "help_noun"),
                             self.book.where[("given", "helped_to_fight")])
                    event = self._make_event(f"{act.trigger.words} with {help_noun.text}", self.book.given("helped_to_fight"),
                                             sent, sentence_index, helper, source, False, "asserted", None, date,
                                             confidence, rules)
                    if event is not None:
                        found.append((0, event))
        return found

    def _obliged(self, act: Act, events, sent, sentence_index, resolver, date, confidence_base: float) -> None:
        """"X said Y must release Z": X demands that Y release Z."""
        speaker, trigger = act.speaker, act.trigger
        lift = self._depth(act.verb) - self._depth(act.speaker_token.head)
        demand, rule = self.book.carrier_rule("demand", trigger.cameo)
        for _, event in list(events):
            if event.source.text and event.source.text != speaker.text:
                confidence = (confidence_base + SOURCE_WEIGHT[side(speaker, resolver)]
                              + TARGET_WEIGHT[side(event.source, resolver)])
                made = self._make_event(f"{trigger.words} (must)", demand, sent, sentence_index, speaker,
                                        event.source, False, "asserted", speaker, date, confidence,
                                        (*trigger.rules, rule))
                if made is not None:
                    events.append((lift, made))
                event.modality = "requested"
                event.confidence = min(event.confidence, UNCOMMITTED_ACT_CONFIDENCE)

    def _make_event(self, trigger_words: str, cameo: str, sent, sentence_index, source: Actor, target: Actor | None,
                    negated: bool, modality: str, speaker: Actor | None, date, confidence: float,
                    rules: tuple = ()) -> Event | None:
        sectors = {actor.sector for actor in (source, target) if actor is not None}
        if cameo in self.book.armed_codes and sectors.intersection(self.book.role("armed_sector")) \
                and not sectors.intersection(self.book.role("unarmed_sector")):
            rules = (*rules, self.book.where[("armed", cameo)])
            cameo = self.book.armed_codes[cameo]  # "troops clashed" is fighting; with rioters it is a riot
        elif cameo in self.book.source_codes:
            # "Vietnam protested" is a complaint, not dissent (data/source_codes.tsv)
            kind = "state" if self._speaks_for_state(source) else source.sector
            if kind in self.book.source_codes[cameo]:
                rules = (*rules, self.book.where[("source", cameo, kind)])
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
            rule=" + ".join(dict.fromkeys(r for r in rules if r)) or None,
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
                given = "claimed_own_act"
                code, target, depth = self.book.given(given), event.target, lift
                confidence = event.confidence * 0.9
            elif not same and front and "allegation" in kinds and self.book.in_class("alleged_violence", event.cameo) \
                    and event.modality == "asserted" and not event.negated:
                given = "alleged_act"
                code, target, depth = self.book.given(given), event.source, lift  # the accusation stands for the sentence
                confidence = 0.75 if known(event.source) else 0.6
            else:
                continue
            found = self._make_event(f"{reporting_verb.text} ({trigger.words})", code, sent, sentence_index, speaker,
                                     target, False, "asserted", speaker, date, confidence,
                                     (*trigger.rules, self.book.where[("given", given)]))
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
            event = self._make_event(f"{reporting.text} ({token.text}, must)", self.book.given("must_demand"), sent,
                                     sentence_index, speaker, target, False, "asserted", speaker, date, confidence,
                                     (self.book.where[("given", "must_demand")],))
            if event is not None:
                found.append((self._depth(reporting), reporting.i, event))
                reporters.add(reporting.i)  # the saying is the demand, not a statement besides
        return found

    def _nominal_events(self, sent, sentence_index, resolver, date, consumed: set[int], reporters: set[int]):
        """Event nouns with both their actors attached."""
        found = []
        for token in sent:
            if token.pos_ not in ("NOUN", "VERB") or token.i in consumed:
                continue
            code, rule = self.event_word_rule(token)
            if not code or self._is_topic(token):
                continue
            sides = self._noun_sides(token, code, resolver)
            if sides is None:
                continue
            source, targets, mutual = sides
            negated, modality, speaker = self._noun_voice(token, resolver, reporters)
            # "closed after clashes on the border in 2021", "a drone attack the previous day":
            # an act named by a noun keeps the time its own phrase gives it
            phrase = token.doc[token.left_edge.i:token.right_edge.i + 1]
            noun_date = (clause_date(phrase.text, date) if len(phrase) > 1 else None) or date
            pairs = [(source, t, (rule,)) for t in targets]
            if self.book.is_symmetric(code, None, True):
                pairs += [(t, source, (rule, self.book.symmetric_rule(code, None, True))) for t in targets]
            elif mutual:
                pairs += [(t, source, (rule, self._mutual_noun_rule(token, code))) for t in targets]
            for src, tgt, rules in pairs:
                if src.text == tgt.text:
                    continue
                event = self._make_event(token.text, code, sent, sentence_index, src, tgt, negated, modality,
                                         speaker, noun_date, 0.35 + (0.15 if known(tgt) else 0.0), rules)
                if event is not None:
                    found.append((self._depth(token) + 1, token.i, event))
        return found

    def _noun_tokens(self, token):
        """(source token, target tokens) an event noun names: "X's", "Russian", "by X",
        "between X and Y", "against Y"."""
        source_token, target_tokens = None, []
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE")):
                source_token = child
            elif child.dep_ == "prep":
                preposition = child.lower_
                for obj in (o for o in child.children if o.dep_ == "pobj"):
                    if preposition == "by":
                        source_token = obj
                    elif preposition == "between":
                        pair = self._with_conjuncts(obj)
                        if len(pair) >= 2:
                            source_token, target_tokens = pair[0], pair[1:]
                    elif preposition in self.book.role("noun_target_prep"):
                        target_tokens = self._with_conjuncts(obj)
        return source_token, target_tokens

    def _noun_sides(self, token, code: str, resolver):
        """(source, targets, mutual) of an event noun, or None when it has no two sides."""
        source_token, target_tokens = self._noun_tokens(token)
        if self.book.in_class("violence", code):
            target_tokens = [self._state_written_with(t, resolver) or t for t in target_tokens]
        responsible = self._responsible(token)
        if source_token is None and responsible is not None:
            source_token = responsible  # "X is responsible for the killings"
            if not target_tokens:
                inside = self._actor_inside(token, resolver)
                target_tokens = [inside] if inside is not None else []
        mutual = self._is_mutual_noun(token, code)
        if source_token is None:
            source_token = self._own_beside(token)  # "in Cambodian shelling of X", misparsed
        if source_token is None and target_tokens and mutual:
            source_token = self._other_side(token, resolver)  # "X soldiers injured in clashes with Y troops"
        if source_token is not None and target_tokens:
            source = self.actor(source_token, resolver, require_actor=True)
            targets = [a for a in (self.actor(t, resolver, require_actor=True) for t in target_tokens) if a is not None]
        elif mutual or self.book.in_class("force", code):
            # "clashes between Thai and Cambodian troops", "Armenia-Azerbaijan border clashes"
            pair = self.noun_pair(token, resolver)
            if not pair and mutual and token.dep_ in ("nsubj", "nsubjpass"):
                pair = self._article_pair(token, resolver)  # "Fighting continued along the front line"
            if not pair:
                return None
            source, targets, mutual = pair[0], pair[1:], True
        else:
            return None
        if source is None or not targets or not known(source):
            return None
        return source, targets, mutual

    def _article_pair(self, token, resolver) -> list:
        """The two states the article's last two-sided act was between, for a fight that
        names no sides of its own ("Clashes erupted again near the border"), when the
        sentence names no other state."""
        pair = resolver.last_pair
        if pair is None or not all(known(a) and a.country for a in pair) or pair[0].country == pair[1].country:
            return []
        countries = {a.country for a in pair}
        if not any(self.book.in_class("violence", root) and doer.country in countries for root, doer in resolver.doers.items()):
            return []  # only an article that has told of force between them goes on about "the fighting"
        for ent in entities(token.sent):
            if ent.label_ in ("GPE", "NORP") and any(a.country not in countries for a in resolver.named_in(ent.text)
                                                     if known(a) and a.country):
                return []
        return [Actor(text=f"{a.country} (the article's pair)", code=a.country, country=a.country) for a in pair]

    def _noun_voice(self, token, resolver, reporters: set[int]):
        """(negated, modality, speaker) of an event noun: its governing verb's voice, or "no X"."""
        head = token.head
        while head.pos_ not in ("VERB", "AUX") and head.head != head:
            head = head.head
        negated, modality, speaker_token, _ = (self.voice(head, resolver, reporters) if head.pos_ in ("VERB", "AUX")
                                               else (False, "asserted", None, False))
        negated = negated or any(c.lower_ == "no" and c.dep_ == "det" for c in token.children)
        speaker = self.actor(speaker_token, resolver) if speaker_token is not None else None
        return negated, modality, speaker
