"""Orders by a state's own authority: "a court in Azerbaijan orders a Russian journalist
be released", "Putin ordered troops to withdraw from the border".

An order is a demand (100) only when it goes to another state ("the Council ordered
Israel to withdraw"). What a state organ orders done by its own authority (a passive
clause with no agent, or its own forces and officials: "troops", "police", "his
troops") is the state's own act, done by the orderer; the order itself, to its own
people or to the one released or expelled, is no event.
"""
from __future__ import annotations

from .confidence import known


class OrderStage:
    """Finds the clauses an order makes its orderer's own act."""

    def own_order_clause(self, clause) -> bool:
        """Whether ``clause`` is an act its governing order verb has done by the orderer's
        own authority."""
        verb = clause.head
        if clause.dep_ not in ("xcomp", "ccomp") or verb == clause or "order" not in self.kinds(verb):
            return False
        if not self._state_organ(verb):
            return False  # "heavy shelling forced the army to retreat": the army still retreats
        if any(c.dep_ == "auxpass" for c in clause.children):
            return not any(c.dep_ == "agent" for c in clause.children)  # "orders X (to) be released"
        if clause.dep_ != "xcomp":
            return False
        addressee = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < clause.i), None)
        return addressee is not None and self._own_people(addressee)

    def ordered_done_to(self, clause) -> list:
        """Whom a passive act ordered by one's own authority is done to when the parser
        made them the order's object: "ordered two French nationals to be freed"."""
        if not self.own_order_clause(clause) or any(c.dep_ == "nsubjpass" for c in clause.children):
            return []  # (also "ordered a blogger be released", the subject misparsed as the object)
        return [c for c in clause.head.children if c.dep_ in ("dobj", "obj") and c.i < clause.i][:1]

    def _state_organ(self, verb) -> bool:
        """Whether the one who gives an order speaks for a state (a court, a leader, a
        government, the state itself)."""
        resolver = self._resolver
        orderers = self.subjects(verb)[0]
        if resolver is None or not orderers:
            return False
        orderer = self.actor(orderers[0], resolver, require_actor=True)
        return known(orderer) and bool(orderer.country)

    def _own_people(self, token) -> bool:
        """Whether an order's addressee is the orderer's own forces or officials: a state
        organ no state is named for ("troops", "the police"), or "its"/"his" people."""
        if self._own(token):
            return True
        resolver = self._resolver
        if resolver is None or token.pos_ != "NOUN":
            return False
        actor = self.actor(token, resolver)
        if known(actor) and actor.country:
            return False  # "ordered the Pentagon to strike", "ordered Israeli forces to withdraw"
        # the noun with its compounds ("border guards"), not a person named after "of"
        # ("the son of the former prime minister" is no official)
        words = [c.text for c in token.lefts if c.dep_ == "compound"] + [token.text]
        return resolver.sector(" ".join(words)) in self.book.role("state_sector")

    def drop_own_orders(self, triggers: dict) -> None:
        """The order verbs whose clause is the orderer's own act make no event of their own."""
        for index in [i for i, t in triggers.items() if "order" in self.kinds(t.token)]:
            if any(self.own_order_clause(c) for c in triggers[index].token.children):
                del triggers[index]
