"""Voice: negation, modality and the speaker, read on the path from a trigger to the root."""
from __future__ import annotations

from .resolver import ActorResolver
from .words import MODALITY_RANK, VOICE_KIND


class VoiceStage:
    """The voice of an event, and how an announced act is coded as its intention."""

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
            if MODALITY_RANK[value] > MODALITY_RANK[modality]:
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
                    for kind, value in VOICE_KIND.items():
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
