"""The event coder's public names; the coder itself is the :mod:`allies.nlp.coder` package."""
from __future__ import annotations

from .coder import ActorResolver, EventExtractor

__all__ = ["ActorResolver", "EventExtractor"]
