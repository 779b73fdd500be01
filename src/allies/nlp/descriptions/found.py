"""What a description finder found in a sentence, and what it may refer back to in the article."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Actor

# Sectors that do not speak or act for a state in a description of its relations.
_NON_STATE_SECTORS = {"rebels", "opposition", "business", "media", "civilians", "experts"}


@dataclass
class ArticleMemory:
    """What a description may refer back to within one article."""

    date: str | None = None
    last_pair: tuple[str, str] | None = None  # the last two states a sentence named together
    # the latest sentences' learned mentions (lists, or callables that give them), newest last
    recent: list = field(default_factory=list)

    def remember(self, mentions) -> None:
        self.recent = [*self.recent[-3:], mentions]


@dataclass
class Found:
    pair: tuple[str, str]
    state: str
    trigger: str
    negated: bool = False
    modality: str = "asserted"
    speaker: Actor | None = None
    start: int = 0


def is_state(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country) and actor.sector not in _NON_STATE_SECTORS
