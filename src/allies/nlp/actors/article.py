"""The actors of one article: names learned from titles and persons, referred back to."""
from __future__ import annotations

from dataclasses import replace

from ...model import Actor
from .entries import ANCHOR_KINDS, SECTOR_SUFFIX, Analysis, clean_date
from .kb import ActorKB
from .mentions import mentions
from .phrases import FORMER, name_text, pick_sector, singular_titles
from .tokens import tokenize

# How strongly a key names a person of the article (see ArticleActors._claim).
_FORESEEN, _FIRST, _LAST, _FULL = 0, 1, 2, 3


class ArticleActors:
    """Actors met so far in one article: names learned from titles and persons.

    ``resolve("Azerbaijani Defence Minister John Doe")`` learns "John Doe",
    "Doe" and "John", so a later "Doe said" resolves to the same actor even
    though the knowledge base does not know him, and a later "the minister" or
    "the defence minister" (a title with no state) is the person last introduced
    with that title. Names are learned in either order: "Lee" after "Lee Jae
    Myung" is the same person as "Doe" after "John Doe". ``last_person`` is the
    most recent person actor (for "he"/"she").
    """

    def __init__(self, kb: ActorKB | None = None, date: str | None = None):
        self.kb = kb or ActorKB.default()
        self.date = clean_date(date)
        self._by_key: dict[tuple[str, ...], Actor] = {}
        self._strength: dict[tuple[str, ...], int] = {}  # key -> how strongly it names its person
        self._by_title: dict[str, Actor] = {}  # "foreign minister", "minister" -> who was introduced so
        self._foreseen: dict[str, Actor] = {}  # titles of people the article introduces later (see foresee)
        self._states_named: list[str] = []  # countries named so far, the latest last
        self.home: str | None = None  # the state of the article's dateline, whose officials go unnamed
        self.last_person: Actor | None = None
        self.people: list[Actor] = []

    def foresee(self, phrases, states=()) -> None:
        """Read ahead: the people the article introduces anywhere ("Anthony Albanese",
        "Defence Minister John Doe"), so that "the prime minister said" before the
        name is given is the one person of the article with that title. A title two
        people of the article share stays unresolved.

        ``states`` are the phrases that name places and peoples anywhere in the article
        ("North Korea", "Russian"): the word of the name of one who holds an office of one
        of those states on the article's date that news uses alone (the family name: "Kim"
        of Kim Jong Un, first where the state writes it first, data/family_name_first.tsv)
        stands for them even where the article never gives the full name ("Putin and Kim
        hold summit"), unless it names another such office holder too."""
        self._foresee_holders(states)
        scout = ArticleActors(self.kb, self.date)
        scout.home = self.home
        holders: dict[str, dict[str, Actor | None]] = {}
        for phrase in phrases:
            actor = scout.resolve(phrase)
            analysis = self.kb._analyse(tokenize(phrase), scout._by_key or None)
            titles = singular_titles(analysis)
            if actor is not None and actor.person:
                for title in titles:
                    holders.setdefault(title, {})[actor.person] = actor
            elif actor is None:
                # "Prime Minister Jane Roe" of no known state still makes "the prime minister" ambiguous
                name = name_text(analysis.tokens, analysis.names)
                for title in titles if name else ():
                    holders.setdefault(title, {})[name] = None
        for actor in scout.people:
            for title in self._role_titles(actor):
                holders.setdefault(title, {})[actor.person] = actor
        self._foreseen = {title: next(iter(people.values())) for title, people in holders.items()
                          if len(people) == 1 and None not in people.values()}

    def _foresee_holders(self, states) -> None:
        countries: set[str] = set()
        for phrase in states:
            actor = self.kb.lookup(phrase, self.date)
            if actor is not None and actor.country and actor.sector is None:
                countries.add(actor.country)
        holders: dict[tuple[str, ...], dict[str, Actor]] = {}
        for country in sorted(countries):
            for term in self.kb.office_holders(country, self.date):
                actor = self.kb._actor_for_term(term, term.name)
                family_first = self.kb.family_name_first(country)
                for key, first in self.kb.name_parts(term.name):
                    if first == family_first:  # the word news uses alone: "Kim" of Kim Jong-un, "Putin"
                        holders.setdefault(key, {})[term.name] = actor
        for key, people in holders.items():
            if len(people) == 1 and key not in self._by_key:
                self._by_key[key] = next(iter(people.values()))
                self._strength[key] = _FORESEEN

    def _role_titles(self, actor: Actor) -> list[str]:
        """The titles of the offices a known person of the article's home state holds on
        its date. Only the home state's: a wire story from Canberra says "the prime
        minister" of Australia's, while "the president" beside a named Putin in a story
        from Washington is most often the American one."""
        if self.home is None or actor.country != self.home:
            return []
        titles: list[str] = []
        for term in self.kb.terms(actor.person or ""):
            if term.covers(self.date) and (term.country or term.org) == (actor.country or actor.code):
                titles += [t for t in self.kb.role_titles(term.role) if t not in titles]
        return titles

    def resolve(self, phrase: str) -> Actor | None:
        if not phrase or not phrase.strip():
            return None
        tokens = tokenize(phrase)
        analysis = self.kb._analyse(tokens, self._by_key or None)
        return self._resolve_analysis(analysis, phrase.strip())

    def mentioned(self, actor: Actor) -> None:
        """A person met again (resolved before): the latest person of the article."""
        if actor.person:
            self._learn(actor)

    def find_mentions(self, text: str) -> list[tuple[int, int, Actor]]:
        """Like :meth:`ActorKB.find_mentions`, learning names as it goes."""
        return [(s, e, a) for s, e, a, _ in mentions(self.kb, text, self.date, self)]

    def knows(self, name: str) -> bool:
        return tuple(t.key for t in tokenize(name)) in self._by_key

    def _resolve_analysis(self, analysis: Analysis, text: str) -> Actor | None:
        actor = self.kb._resolve(analysis, text, self.date, self._by_key)
        titles = singular_titles(analysis)
        if actor is None and titles and not analysis.names and \
                not any(m.first(*ANCHOR_KINDS) for m in analysis.matches):
            # ("Prime Minister Jane Roe" names someone else, whoever was prime minister before)
            # "the minister said": the person last introduced with that title, else the
            # one person of the article who bears it
            for title in titles:
                known = self._by_title.get(title) or self._foreseen.get(title)
                if known is not None:
                    actor = replace(known, text=text)
                    break
        if actor is None and titles and self.home is not None and \
                not any(m.first(*ANCHOR_KINDS) for m in analysis.matches):
            # "the foreign minister" in a story datelined in the state is its own; so is
            # "Defence Minister John Doe", whom the table does not know
            actor = self._home_holder(analysis, text) if not analysis.names else self._home_official(analysis, text)
        if actor is None and not analysis.matches:
            actor = self._state_referred(text)
        if actor is not None:
            self._learn(actor)
            if actor.person:
                for title in titles:
                    self._by_title[title] = replace(actor)
                for title in self._role_titles(actor):
                    self._by_title[title] = replace(actor)
            if actor.country and actor.country in self.kb._country_names:
                if actor.country in self._states_named:
                    self._states_named.remove(actor.country)
                self._states_named.append(actor.country)
        return actor

    def _home_holder(self, analysis: Analysis, text: str) -> Actor | None:
        """"The foreign minister" in a story datelined in the state: its holder that day."""
        _sector, role, _title = pick_sector(analysis.matches)
        if not role or any(t.key in FORMER for t in analysis.tokens):
            return None
        term = self.kb.holder(self.home, role, self.date)
        return self.kb._actor_for_term(term, text) if term is not None else None

    def _home_official(self, analysis: Analysis, text: str) -> Actor | None:
        """"Defense Minister John Doe", no state given, in a story datelined in the state
        (a title of an organisation, "Secretary-General Jane Roe", is no state's)."""
        sector, _role, _title = pick_sector(analysis.matches)
        name = name_text(analysis.tokens, analysis.names)
        if name is None or sector == "organisation":
            return None
        return Actor(text=text, code=self.home + SECTOR_SUFFIX.get(sector or "government", ""), country=self.home,
                     sector=sector or "government", person=name)

    def _state_referred(self, text: str) -> Actor | None:
        """"The island": the state of those the word may stand for that the article named last."""
        candidates = self.kb.state_reference(text)
        if not candidates:
            return None
        for country in reversed(self._states_named):
            if country in candidates:
                return Actor(text=text, code=country, country=country)
        return None

    def _learn(self, actor: Actor) -> None:
        """Remember a person actor under their full name and the words of it a later
        mention may use alone (see :meth:`_claim`); they become the latest person."""
        if not actor.person:
            return
        template = replace(actor)
        names = {actor.person, *(term.name for term in self.kb.terms(actor.person))}
        for name in names:
            key = self.kb.name_tokens(name)
            if not key:
                continue
            self._claim(key, template, _FULL)
            for key, strength in self._name_parts(name):
                self._claim(key, template, strength)
        self.last_person = template
        if all(p.person != template.person for p in self.people):
            self.people.append(template)

    def _claim(self, key: tuple[str, ...], actor: Actor, strength: int) -> None:
        """Let ``key`` stand for ``actor`` unless a stronger claim of another person holds it.

        A full name and a last word take the key from whoever held it before: the
        person named last is the one a repeated surname means. A first word ("Lee"
        of "Lee Jae Myung", the family name in East Asian order; "Donald" of "Donald
        Trump") does not take it from another person, and a name only foreseen
        (see :meth:`foresee`) gives way to every name the article spells out."""
        held = self._by_key.get(key)
        if held is not None and held.person != actor.person and self._strength.get(key, _FULL) > strength:
            return
        if held is not None and held.person != actor.person and strength == _FIRST == self._strength.get(key):
            return
        same = held is not None and held.person == actor.person
        self._by_key[key] = actor
        self._strength[key] = max(strength, self._strength[key]) if same else strength

    def _name_parts(self, name: str) -> list[tuple[tuple[str, ...], int]]:
        """The words of a name a later mention may use alone (see :meth:`ActorKB.name_parts`),
        each with how strongly it names the person."""
        return [(key, _FIRST if first else _LAST) for key, first in self.kb.name_parts(name)]
