"""Voice: negation, modality and the speaker, read on the path from a trigger to the root."""
from __future__ import annotations

from dataclasses import dataclass, field

from .resolver import ActorResolver
from .words import MODALITY_RANK, NO_EVENT, VOICE_KIND


@dataclass
class _Voice:
    """The voice gathered on the way from a trigger to the root."""

    negated: bool = False
    modality: str = "asserted"
    speaker: object = None  # the token of the one who says it
    obliged: bool = False
    modals: set[str] = field(default_factory=set)

    def bump(self, value: str) -> None:
        """Raise the modality to ``value`` if it ranks higher."""
        if MODALITY_RANK[value] > MODALITY_RANK[self.modality]:
            self.modality = value


class VoiceStage:
    """The voice of an event, and how an announced act is coded as its intention."""

    # ------------------------------------------------------------ voice
    def voice(self, verb, resolver: ActorResolver, reporters: set[int] | None = None):
        """(negated, modality, speaker token, obliged) of an event triggered by ``verb``.

        ``obliged`` is set by "must"/"should" on the verb itself. The verbs of
        saying met on the way up are added to ``reporters``.
        """
        state = _Voice()
        self._own_voice(state, verb, False)
        self._walk_up(state, verb, reporters)
        if state.speaker is not None and state.modality == "hypothetical" and "would" in state.modals and \
                not state.modals & {"could", "might", "may", "should", "must"}:
            state.modality = "future"  # "said they would sign": the future of the reported past
        if state.speaker is None:
            state.speaker = self._according_to(verb)
        return state.negated, state.modality, state.speaker, state.obliged

    def _own_voice(self, state: _Voice, tok, inherited: bool) -> None:
        """The voice a verb's own dependants give: negation, modals, a condition marker."""
        if not inherited:
            state.modals.update(c.lower_ for c in tok.children if c.dep_ == "aux")
        for child in tok.children:
            lower = child.lower_
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and lower in self.book.voice.get("negation", ())):
                if not inherited:
                    state.negated = True
            elif child.dep_ == "advmod" and lower == "longer":
                if any(c.lower_ == "no" for c in child.children) and not inherited:
                    state.negated = True
            elif child.dep_ in ("aux", "auxpass"):
                categories = self.book.word_category.get(lower, ())
                if "obligation" in categories and not inherited:
                    state.obliged = True
                if "hypothetical" in categories:
                    state.bump("hypothetical")
                elif "future" in categories:
                    state.bump("future")
            elif child.dep_ == "mark" and lower in self.book.voice.get("conditional", ()):
                state.bump("conditional")
        if tok.lower_ == "going" and any(c.dep_ == "xcomp" for c in tok.children):
            state.bump("future")

    def _walk_up(self, state: _Voice, verb, reporters: set[int] | None) -> None:
        """The voice the governing clauses give, up to the root: a verb of saying gives the
        speaker, a carrier ("plans to", "urged ... to", "refused to") its modality."""
        current = verb
        for _ in range(8):
            dep = current.dep_
            head = current.head
            if head == current or dep == "ROOT":
                break
            head_kinds = self.kinds(head)
            if dep in ("xcomp", "ccomp", "parataxis", "advcl", "conj", "pcomp", "acomp"):
                if dep in ("ccomp", "parataxis") and "speech" in head_kinds and state.speaker is None:
                    subj = self.subjects(head)[0]
                    state.speaker = subj[0] if subj else None
                    if reporters is not None:
                        reporters.add(head.i)
                    # what a source reports keeps its own voice; the carrier's words do not negate it
                    self._own_voice(state, head, True)
                    current = head
                    continue
                if dep in ("xcomp", "ccomp"):
                    for kind, value in VOICE_KIND.items():
                        if kind in head_kinds:
                            state.bump(value)
                            break
                    if "reject" in head_kinds:
                        state.negated = True
                self._own_voice(state, head, dep == "conj")
                if any(c.dep_ == "neg" for c in head.children) and dep in ("xcomp",) and "reject" not in head_kinds:
                    # "did not agree to meet": the inner event did not happen
                    state.negated = True
                current = head
                continue
            if dep == "pcomp" or dep == "pobj" or dep == "prep":
                current = head
                continue
            break

    def own_wish(self, verb, modality: str) -> bool:
        """Whether an act is the party's own wish, stated now ("wants to improve ties",
        "seeks to sign"): under a wishing verb, not made hypothetical by a modal
        ("would want to") nor by a condition ("if elected, he wants to")."""
        head = verb.head
        return modality == "hypothetical" and verb.dep_ == "xcomp" and "hope_frame" in self.kinds(head) \
            and not any("hypothetical" in self.book.word_category.get(c.lower_, ())
                        for c in (*verb.children, *head.children) if c.dep_ == "aux") \
            and not any(c.dep_ == "mark" or (c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children))
                        for c in head.children)

    @staticmethod
    def _according_to(verb):
        """The speaker of "according to X"."""
        speaker = None
        for token in verb.sent:
            if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                for child in token.doc[token.i + 1].children:
                    if child.dep_ == "pobj":
                        speaker = child
                break
        return speaker

    def intended(self, cameo: str, negated: bool, modality: str, reported: bool = False) -> tuple[str, bool, str]:
        """See :meth:`intention`; without the rule."""
        return self.intention(cameo, negated, modality, reported)[:3]

    def intention(self, cameo: str, negated: bool, modality: str, reported: bool = False):
        """CAMEO codes an action announced for the future as its intention:
        "will release" is an intent to release (03), "will attack" a threat
        (13), and "will not release" a refusal (12), which is itself a fact.

        A meeting or visit that the news itself schedules ("X will meet Y",
        "X is due to visit Y") stays a meeting, in the future; one that a
        party announces or wishes for ("X said it would meet Y", "X wants to
        visit Y") is an intention to meet (036).

        Returns (cameo, negated, modality, the carrier_codes.tsv row that recoded it or None)."""
        if modality not in ("future", "hypothetical"):
            return cameo, negated, modality, None
        if self.book.in_class("scheduled", cameo) and modality == "future" and not negated and not reported:
            return cameo, negated, modality, None
        if self.book.in_class("announced_intent", cameo):
            if negated:
                code, rule = self.book.carrier_rule("reject", cameo)
                if code == NO_EVENT:
                    return cameo, negated, modality, None
                return code, False, "asserted", rule
            code, rule = self.book.carrier_rule("intent", cameo)
            return code, negated, modality, rule
        if not negated and self.book.in_class("announced_threat", cameo):
            code, rule = self.book.carrier_rule("threaten", cameo)
            return code, negated, modality, rule
        return cameo, negated, modality, None
