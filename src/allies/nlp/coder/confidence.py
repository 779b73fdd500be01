"""Confidence: how well an event is attached (who its sides are, how deep its clause sits)."""
from __future__ import annotations

from ...model import Actor
from .resolver import ActorResolver


def known(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.code or actor.country)


# Confidence added by each side of an event: a named state or organisation, a
# generic actor whose kind is clear ("rebels", "troops", "civilians"), an
# unresolved phrase, or nothing at all. An event whose target is missing or
# unresolved is mostly a failed attachment, so it falls below one half.
SOURCE_WEIGHT = {"known": 0.2, "generic": 0.05, "named": -0.1, "unresolved": -0.25, "empty": -0.25, "none": -0.25}
# An act that one party asks or wants of another, who has not committed to it,
# or that only happens on a condition ("if Iran strikes").
UNCOMMITTED_ACT_CONFIDENCE = 0.4
# An act known only from one party's claim or allegation.
CLAIMED_ACT_CONFIDENCE = 0.45
TARGET_WEIGHT = {"known": 0.15, "generic": 0.0, "named": -0.15, "unresolved": -0.3, "empty": -0.3, "none": -0.3}


def side(actor: Actor | None, resolver: "ActorResolver") -> str:
    if actor is None:
        return "none"
    if known(actor):
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


class ConfidenceStage:
    """Where in the parse an event sits."""

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
