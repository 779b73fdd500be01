"""The article's memory while it is coded: actors met, people, the last pair, who did what."""
from __future__ import annotations

from typing import Callable

from ...model import Actor


class ActorResolver:
    """Resolves noun phrases of one article to actors, remembering people and the last actor."""

    def __init__(self, resolve: Callable[[str], Actor | None], find: Callable[[str], list], last_person: Callable[[], Actor | None],
                 sector: Callable[[str], str | None] | None = None,
                 names_state: Callable[[str], bool] | None = None,
                 seen: Callable[[Actor], None] | None = None):
        self._resolve = resolve
        self._seen = seen  # told of each person met again, whose phrase the cache answers
        self._names_state = names_state
        self._find = find
        self._last_person = last_person
        self._sector = sector
        self.named: set[str] = set()  # unresolved phrases that are names ("Abu Sayyaf", "USAID")
        self._last_pair: tuple[Actor, Actor] | None = None  # the parties of the last two-sided event
        self.sentences = 0  # sentences coded so far
        self._pair_at = 0  # the sentence that named the last pair
        self.dateline: Actor | None = None  # the place an article's dateline names
        self.last_actor: Actor | None = None
        # the person who was the main subject of the last sentence that named people ("he" next)
        self.subject_person: Actor | None = None
        self.last_group: tuple[Actor, ...] | None = None  # the last main subject when it named several states
        self.doers: dict[str, Actor] = {}  # CAMEO root -> who last did such an act in the article
        self._cache: dict[str, Actor | list[Actor] | None] = {}

    @property
    def last_pair(self) -> tuple[Actor, Actor] | None:
        return self._last_pair

    @last_pair.setter
    def last_pair(self, pair: tuple[Actor, Actor] | None) -> None:
        self._last_pair = pair
        self._pair_at = self.sentences

    def pair_is_recent(self) -> bool:
        """Whether the last pair was named in this sentence or the one before: "the leaders"
        with no "two" or "both" stands for them only there."""
        return self._last_pair is not None and self.sentences - self._pair_at <= 1

    def resolve(self, phrase: str) -> Actor | None:
        key = phrase.strip()
        if not key:
            return None
        if key not in self._cache:
            self._cache[key] = self._resolve(key)
        return self._cache[key]

    def mention(self, phrase: str) -> Actor | None:
        """Resolve a name met in the text, in the order of the text: a person named again
        ("Xi", answered by the cache) is again the latest person named."""
        cached = phrase.strip() in self._cache
        actor = self.resolve(phrase)
        if cached and actor is not None and actor.person and self._seen is not None:
            self._seen(actor)
        return actor

    def find_inside(self, phrase: str) -> Actor | None:
        """The first actor named inside a phrase ("the Russian building" -> Russia)."""
        key = "\x00" + phrase
        if key not in self._cache:
            found = self._find(phrase)
            self._cache[key] = found[0][2] if found else None
        return self._cache[key]

    def find_all(self, phrase: str) -> list[Actor]:
        """Every actor named inside a phrase, in order ("Armenia-Azerbaijan" -> both)."""
        key = "\x02" + phrase
        if key not in self._cache:
            self._cache[key] = [actor for _s, _e, actor in self._find(phrase)]
        return self._cache[key]

    def named_in(self, name: str) -> list:
        """The actors an entity's text names: itself, or each part of a hyphenated pair
        ("Armenia-Azerbaijan" resolves to the first alone, so its parts are found apart)."""
        actor = self.resolve(name)
        return [actor] if actor is not None and (actor.code or actor.country) and "-" not in name else self.find_all(name)

    def person(self, subject: bool = True) -> Actor | None:
        """Who "he" or "she" with no antecedent in its sentence stands for: as a subject,
        the person who was the subject of the last sentence that named people ("Xi noted
        that ... He said"); else, or as an object ("him"), the person named last."""
        return (self.subject_person if subject else None) or self._last_person()

    def names_state(self, phrase: str) -> bool:
        """Whether the phrase is a state's own name or capital, not its people."""
        return self._names_state is not None and self._names_state(phrase)

    def sector(self, phrase: str) -> str | None:
        """The sector a phrase's words signal without naming a state ("rebels", "troops")."""
        if self._sector is None or not phrase.strip():
            return None
        key = "\x01" + phrase
        if key not in self._cache:
            self._cache[key] = self._sector(phrase)
        return self._cache[key]
