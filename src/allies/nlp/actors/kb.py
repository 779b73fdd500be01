"""The knowledge base: countries, institutions, organisations, sector words and
office holders, read from the package's data files, and how a phrase resolves."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ...countries import rows as country_rows
from ...errors import AlliesError
from ...model import Actor
from ..tables import Column, Row, Schema, read_tsv
from .entries import SECTOR_SUFFIX, SUFFIX_SECTOR, Analysis, Entry, Match, Term, clean_date
from .mentions import mentions
from .phrases import (AFFIX_AFTER, AFFIX_BEFORE, DETERMINERS, FORMER, NAME_PARTICLES, NAME_SUFFIXES, NOT_NAME,
                      PREDICATE_WORDS, after_place_word,
                      as_of, demonym_forms, name_forms, name_text, names_after_titles, pick_sector, spelling_forms,
                      split_cell)
from .tokens import Token, case_class, case_ok, fold, name_key, tokenize

# The columns each data file must have.
_COLUMNS = {
    "institutions.tsv": ("phrase", "country", "sector", "start", "end"),
    "organisations.tsv": ("code", "name", "aliases"),
    "sectors.tsv": ("phrase", "sector", "role", "kind"),
    "people.tsv": ("name", "aliases", "country", "org", "role", "sector", "start", "end"),
    "stop_phrases.tsv": ("phrase",),
    "places.tsv": ("place", "country", "kind"),
    "references.tsv": ("phrase", "kind", "countries"),
    "family_name_first.tsv": ("country",),
}
# Columns of notes for the reader of a data file, which a row may leave off.
_NOTE_COLUMNS = {"institutions.tsv": ("note",), "stop_phrases.tsv": ("why",), "family_name_first.tsv": ("note",)}


def _table(name: str) -> list[Row]:
    """The rows of one of the knowledge base's data files, checked against its columns."""
    columns = [Column(column) for column in _COLUMNS[name]]
    columns += [Column(column, optional=True) for column in _NOTE_COLUMNS.get(name, ())]
    return read_tsv("allies.nlp", name, Schema(tuple(columns)))


class ActorKB:
    """Countries, institutions, organisations, sector words and office holders."""

    def __init__(self, countries, institutions, organisations, sectors, people, stop_phrases, places=(),
                 references=(), family_name_first=()):
        self._country_names: dict[str, str] = {}
        self._iso2: dict[str, str] = {}
        self._org_names: dict[str, str] = {}
        self._lexicon: dict[tuple[str, ...], list[tuple[tuple[int, ...], Entry]]] = {}
        self._first_keys: dict[str, int] = {}  # first token key -> longest alias starting with it
        self._max_len = 1
        self._terms: list[Term] = []
        self._terms_by_name: dict[str, list[Term]] = {}
        self._holders: dict[tuple[str, str], list[Term]] = {}
        self._resolve_cache: dict[tuple[str, str | None], Actor | None] = {}
        self._sector_cache: dict[str, str | None] = {}
        self._state_names: set[str] = set()  # name keys of countries' names and capitals
        self._other_nouns: set[str] = set()  # "allies", "neighbours": others of the state that owns them
        self._state_references: dict[tuple[str, ...], frozenset[str]] = {}  # "island" -> island states
        self._role_titles: dict[str, list[str]] = {}  # role -> its titles ("head_of_government" -> "prime minister")
        self._roles_of: dict[str, set[str]] = {}  # state or organisation -> the roles the table has holders for
        self._name_cache: dict[str, tuple] = {}  # a person's name -> its token keys and the parts of it used alone

        # The order of adding decides which entry of an alias comes first.
        self._add_countries(countries, places)
        self._add_bodies(institutions, organisations)
        self._add_references(references)
        self._add_sectors(sectors, stop_phrases)
        self._add_people(people)
        self._family_name_first: set[str] = set()  # states whose names are written family name first
        for row in family_name_first:
            if row["country"] not in self._country_names:
                raise AlliesError(f"data file family_name_first.tsv: unknown country {row['country']!r}")
            self._family_name_first.add(row["country"])

    def _add_countries(self, countries, places) -> None:
        for row in countries:
            iso3 = row["iso3"]
            self._country_names[iso3] = row["name"]
            self._iso2[row["iso2"].upper()] = iso3
            names = [row["name"], row["official"], *split_cell(row["variants"])]
            for alias in names:
                self._add(alias, Entry("country", iso3))
                self._state_names.add(name_key(alias))
            for adjective in split_cell(row["adjectives"]):
                for form in demonym_forms(adjective):
                    self._add(form, Entry("country", iso3, adjective=form == adjective))
            for capital in split_cell(row["capitals"]):
                self._add(capital, Entry("country", iso3))
                self._state_names.add(name_key(capital))
        for row in places:
            if row["country"] not in self._country_names:
                raise AlliesError(f"data file places.tsv: unknown country {row['country']!r} for {row['place']!r}")
            self._add(row["place"], Entry("country", row["country"]))

    def _add_bodies(self, institutions, organisations) -> None:
        for row in institutions:
            self._add(row["phrase"], Entry("institution", row["country"], sector=row["sector"],
                                           start=row["start"] or None, end=row["end"] or None))
        for row in organisations:
            code = row["code"]
            self._org_names[code] = row["name"]
            for alias in [row["name"], *split_cell(row["aliases"])]:
                for form in spelling_forms(alias):
                    self._add(form, Entry("org", code))

    def _add_references(self, references) -> None:
        for row in references:
            key = tuple(t.key for t in tokenize(row["phrase"]))
            if row["kind"] == "others" and len(key) == 1:
                self._other_nouns.add(key[0])
            elif row["kind"] == "last_state" and key:
                unknown = [c for c in split_cell(row["countries"]) if c not in self._country_names]
                if unknown:
                    raise AlliesError(f"data file references.tsv: unknown country {unknown[0]!r} for {row['phrase']!r}")
                self._state_references[key] = frozenset(split_cell(row["countries"]))
            else:
                raise AlliesError(f"data file references.tsv: unknown kind {row['kind']!r} for {row['phrase']!r}")

    def _add_sectors(self, sectors, stop_phrases) -> None:
        for row in sectors:
            is_title = row["kind"] == "title"
            if is_title and row["role"] and not row["phrase"].endswith("s"):
                self._role_titles.setdefault(row["role"], []).append(" ".join(t.key for t in tokenize(row["phrase"])))
            entry = Entry("sector", row["sector"], role=row["role"] or None, is_title=is_title)
            for form in spelling_forms(row["phrase"]):
                self._add(form, entry)
        for row in stop_phrases:
            self._add(row["phrase"], Entry("stop", ""))

    def _add_people(self, people) -> None:
        for row in people:
            term = Term(
                name=row["name"], country=row["country"] or None, org=row["org"] or None,
                role=row["role"], sector=row["sector"], start=row["start"], end=row["end"] or None,
            )
            self._terms.append(term)
            for alias in {row["name"], *split_cell(row["aliases"])}:
                key = name_key(alias)
                known = self._terms_by_name.setdefault(key, [])
                if term not in known:
                    known.append(term)
                for form in name_forms(alias):
                    self._add(form, Entry("person", key))
            if term.role != "figure":
                self._holders.setdefault((term.country or term.org, term.role), []).append(term)
                self._roles_of.setdefault(term.country or term.org, set()).add(term.role)
        for terms in self._holders.values():
            terms.sort(key=lambda t: t.start)


    # ----- loading --------------------------------------------------------------------
    @classmethod
    def load(cls) -> "ActorKB":
        return cls(
            countries=[dict(row.values) for row in country_rows() if row["kind"] == "state"],
            institutions=_table("institutions.tsv"),
            organisations=_table("organisations.tsv"),
            sectors=_table("sectors.tsv"),
            people=_table("people.tsv"),
            stop_phrases=_table("stop_phrases.tsv"),
            places=_table("places.tsv"),
            references=_table("references.tsv"),
            family_name_first=_table("family_name_first.tsv"),
        )

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> "ActorKB":
        """The knowledge base built from the packaged data files, built once per process."""
        return ActorKB.load()

    def _add(self, alias: str, entry: Entry) -> None:
        tokens = tokenize(alias)
        while tokens and tokens[0].key in DETERMINERS:
            tokens = tokens[1:]
        if not tokens:
            return
        key = tuple(t.key for t in tokens)
        classes = tuple(case_class(t.text) for t in tokens)
        bucket = self._lexicon.setdefault(key, [])
        if (classes, entry) not in bucket:
            bucket.append((classes, entry))
        self._first_keys[key[0]] = max(self._first_keys.get(key[0], 0), len(key))
        self._max_len = max(self._max_len, len(key))

    # ----- scanning -------------------------------------------------------------------
    def _scan(self, tokens: list[Token], extra: dict[tuple[str, ...], object] | None = None,
              start: int = 0) -> list[Match]:
        """Longest matches, left to right; ``extra`` adds names learned in an article."""
        matches: list[Match] = []
        i, n = start, len(tokens)
        keys = [t.key for t in tokens]
        extra_first: dict[str, int] = {}
        for key in extra or ():
            extra_first[key[0]] = max(extra_first.get(key[0], 0), len(key))
        while i < n:
            longest = max(self._first_keys.get(keys[i], 0), extra_first.get(keys[i], 0))
            if not longest:
                i += 1
                continue
            found = None
            for length in range(min(longest, n - i), 0, -1):
                window = tokens[i:i + length]
                key = tuple(keys[i:i + length])
                entries: list[Entry] = []
                if extra and key in extra and all(t.is_capitalised or not t.key.isalnum() for t in window):
                    # (a hyphen inside a learned name, "Al-Falih", is no word to capitalise)
                    entries.append(Entry("learned", " ".join(key)))
                for classes, entry in self._lexicon.get(key, ()):
                    if case_ok(classes, window):
                        entries.append(entry)
                if entries:
                    found = Match(i, i + length, tuple(entries))
                    break
            if found is None:
                i += 1
                continue
            if not self._is_affixed(tokens, found):
                if found.first("stop") is None:
                    matches.append(found)
            i = found.end
        return matches

    @staticmethod
    def _is_affixed(tokens: list[Token], match: Match) -> bool:
        """'pro-Russian', 'Russian-backed': the state named is not the actor."""
        if not match.first("country", "institution"):
            return False
        s, e = match.start, match.end
        if s >= 2 and tokens[s - 1].key == "-" and tokens[s - 2].key in AFFIX_BEFORE:
            return True
        if e + 1 < len(tokens) and tokens[e].key == "-" and tokens[e + 1].key in AFFIX_AFTER:
            return True
        return False

    # ----- public lookups -------------------------------------------------------------
    def lookup(self, phrase: str, date: str | None = None) -> Actor | None:
        """The actor a noun phrase stands for, or None if nothing in it is known.

        ``date`` (ISO, the article's date) picks office holders: "Bayramov"
        or "the foreign minister of Azerbaijan" in 2022.
        """
        if not phrase or not phrase.strip():
            return None
        date = clean_date(date)
        cache_key = (phrase, date)
        if cache_key in self._resolve_cache:
            cached = self._resolve_cache[cache_key]
            return replace(cached) if cached is not None else None
        tokens = tokenize(phrase)
        analysis = self._analyse(tokens)
        actor = self._resolve(analysis, phrase.strip(), date)
        if len(self._resolve_cache) > 50_000:
            self._resolve_cache.clear()
        self._resolve_cache[cache_key] = actor
        return replace(actor) if actor is not None else None

    def find_mentions(self, text: str, date: str | None = None) -> list[tuple[int, int, Actor]]:
        """Actor mentions in raw text as (start, end, actor), character offsets, in order."""
        return [(s, e, a) for s, e, a, _ in mentions(self, text, clean_date(date), None)]

    def resolve_country(self, text: str | None) -> str | None:
        """ISO3 code for a country name, adjective, ISO2/ISO3 code, capital or seat; else None.

        Lenient about case, for user questions ("azerbaijan", "az", "AZE").
        """
        if not text or not text.strip():
            return None
        raw = text.strip()
        if raw.upper() in self._country_names and (raw.isupper() or len(raw) == 3):
            return raw.upper()
        if len(raw) == 2 and raw.isalpha() and raw.upper() in self._iso2:
            return self._iso2[raw.upper()]
        tokens = tokenize(raw)
        while tokens and tokens[0].key in DETERMINERS:
            tokens = tokens[1:]
        # case is ignored here: keys only, longest first, stop phrases skipped
        keys = [t.key for t in tokens]
        i, n = 0, len(keys)
        while i < n:
            step = 1
            for length in range(min(self._first_keys.get(keys[i], 0), n - i), 0, -1):
                entries = [entry for _classes, entry in self._lexicon.get(tuple(keys[i:i + length]), ())]
                if any(entry.kind == "stop" for entry in entries):
                    step = length
                    break
                for entry in entries:
                    if entry.kind in ("country", "institution"):
                        return entry.value
            i += step
        return None

    def country_name(self, iso3: str) -> str | None:
        return self._country_names.get((iso3 or "").upper())

    def countries(self) -> list[tuple[str, str]]:
        """(iso3, short name) of every state, sorted by name."""
        return sorted(self._country_names.items(), key=lambda item: fold(item[1]))

    def names_state(self, phrase: str) -> bool:
        """Whether ``phrase`` is a state's name or its capital ("Vietnam", "the United
        States", "Hanoi"), not its people ("Vietnamese", "Egyptians") or a place in it."""
        words = phrase.strip()
        if words.lower().startswith("the "):
            words = words[4:]
        return name_key(words) in self._state_names

    def is_country(self, code: str | None) -> bool:
        return bool(code) and code.upper() in self._country_names

    def is_organisation(self, code: str | None) -> bool:
        return bool(code) and code in self._org_names

    def organisation_name(self, code: str) -> str | None:
        return self._org_names.get(code)

    def organisations(self) -> list[tuple[str, str]]:
        return sorted(self._org_names.items())

    def parse_code(self, code: str | None) -> tuple[str | None, str | None]:
        """(country, sector) of an actor code: "RUSGOV" -> ("RUS", "government"),
        "AZE" -> ("AZE", None), "NATO" -> (None, "organisation"), unknown -> (None, None)."""
        if not code:
            return None, None
        code = code.strip().upper()
        if code in self._org_names:
            return None, "organisation"
        country = code[:3]
        if country not in self._country_names:
            return None, None
        return country, SUFFIX_SECTOR.get(code[3:6]) if len(code) > 3 else None

    def describe_code(self, code: str | None) -> str:
        """A readable name for an actor code: "RUSGOV" -> "Russia (government)"."""
        if not code:
            return "unknown actor"
        code = code.strip().upper()
        if code in self._org_names:
            return self._org_names[code]
        country, sector = self.parse_code(code)
        if country is None:
            return code
        name = self._country_names[country]
        return f"{name} ({sector})" if sector else name

    def holder(self, owner: str, role: str, date: str | None = None) -> Term | None:
        """Who held ``role`` for ``owner`` (ISO3 or organisation code) on ``date`` (None: now)."""
        terms = self._holders.get(((owner or "").strip().upper(), role), ())
        date = clean_date(date)
        for term in reversed(terms):
            if term.covers(date):
                return term
        return None

    def office_holders(self, owner: str, date: str | None = None) -> list[Term]:
        """Everyone who held an office of ``owner`` (ISO3 or organisation code) on ``date``."""
        owner = (owner or "").strip().upper()
        found = (self.holder(owner, role, date) for role in sorted(self._roles_of.get(owner, ())))
        return [term for term in found if term is not None]

    def family_name_first(self, country: str | None) -> bool:
        """Whether news writes the names of ``country``'s people family name first ("Xi Jinping")."""
        return country in self._family_name_first

    def name_tokens(self, name: str) -> tuple[str, ...]:
        """The token keys of a person's name, as the scan compares them."""
        return self._name_entry(name)[0]

    def name_parts(self, name: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
        """The words of a person's name that a later mention may use alone, as (token keys,
        whether it is the first word): the last word ("Doe", "al-Bashir") and the first
        ("Lee" of "Lee Jae Myung", "Kim" of "Kim Jong Un", the family name in East Asian
        order), unless it is too short or names something else ("Jordan", "Abu")."""
        return self._name_entry(name)[1]

    def _name_entry(self, name: str) -> tuple:
        cached = self._name_cache.get(name)
        if cached is None:
            if len(self._name_cache) > 20_000:
                self._name_cache.clear()
            cached = self._name_cache[name] = (tuple(t.key for t in tokenize(name)), self._split_name(name))
        return cached

    def _split_name(self, name: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
        words = name.split()
        while words and fold(words[-1]).strip(".") in NAME_SUFFIXES:
            words.pop()
        if len(words) < 2:
            return ()
        parts = []
        last = tuple(t.key for t in tokenize(words[-1]))
        if self._may_stand_alone(last, 3):
            parts.append((last, False))  # "Kim Jong Un" is not "Un"
        first = tuple(t.key for t in tokenize(words[0]))
        if first != last and len(first) == 1 and first[0] not in NAME_PARTICLES and self._may_stand_alone(first, 2):
            parts.append((first, True))  # "Li" of "Li Qiang", but not "Abu" or "Sheikh"
        return tuple(parts)

    def _may_stand_alone(self, key: tuple[str, ...], letters: int) -> bool:
        """Whether a word of a name is long enough and names nothing else ("John Jordan" is not "Jordan")."""
        if not key or sum(len(k) for k in key if k != "-") < letters or any(k in NOT_NAME for k in key):
            return False
        return all(entry.kind == "person" for _c, entry in self._lexicon.get(key, ()))

    def terms(self, name: str) -> list[Term]:
        """Every term of the person known by ``name`` (full name or alias)."""
        return list(self._terms_by_name.get(name_key(name), ()))

    def person_term(self, name: str, date: str | None = None) -> Term | None:
        """The term a mention of ``name`` refers to on ``date``.

        Covering terms first; without one, the nearest term in time; without
        a date, the most recent term.
        """
        terms = self._terms_by_name.get(name_key(name), ())
        if not terms:
            return None
        date = clean_date(date)
        if date is None:
            return max(terms, key=lambda t: (t.end is None, t.end or "", t.start))
        covering = [t for t in terms if t.covers(date)]
        if covering:
            # several offices at once (a president who was a minister before): the later start
            return max(covering, key=lambda t: t.start)
        return min(terms, key=lambda t: t.distance(date))

    def sector_of(self, phrase: str) -> str | None:
        """The sector a phrase's words signal ("rebel fighters" -> "rebels"), country or not."""
        if phrase in self._sector_cache:
            return self._sector_cache[phrase]  # (the coder asks of the same words many times)
        analysis = self._analyse(tokenize(phrase))
        sector, _role, _title = pick_sector(analysis.matches)
        if len(self._sector_cache) > 50_000:
            self._sector_cache.clear()
        self._sector_cache[phrase] = sector
        return sector

    # ----- analysis and resolution ------------------------------------------------------
    def _analyse(self, tokens: list[Token], extra=None) -> Analysis:
        matches = self._scan(tokens, extra)
        names, absorbed = names_after_titles(tokens, matches)
        matches = [m for m in matches if id(m) not in absorbed]
        return Analysis(tokens, matches, names)

    def _resolve(self, analysis: Analysis, text: str, date: str | None,
                 learned: dict[tuple[str, ...], Actor] | None = None) -> Actor | None:
        matches = [as_of(match, date) for match in analysis.matches]
        tokens = analysis.tokens
        if not matches:
            return None
        sector, role, has_title = pick_sector(matches)
        former = any(t.key in FORMER for t in tokens)
        state_sector = "government" if sector == "organisation" else sector

        # 1. a person: learned earlier in the article, or known by date
        found, person = self._resolve_person(analysis, matches, text, date, learned)
        if found:
            return person

        anchor, anchor_match = self._pick_anchor(tokens, matches)
        named = name_text(tokens, analysis.names)

        # 2. a title with a country (or organisation): the office holder at that date
        if anchor is not None and has_title:
            return self._resolve_title(anchor, role, state_sector, named, former, text, date)

        # 3. a state (country, capital, seat) with or without sector words
        if anchor is not None and anchor.kind in ("country", "institution"):
            return self._resolve_state(tokens, matches, anchor, anchor_match, state_sector, text)

        # 4. an organisation
        if anchor is not None and anchor.kind == "org":
            return Actor(text=text, code=anchor.value, country=None, sector="organisation")
        return None

    def _resolve_person(self, analysis: Analysis, matches: list[Match], text: str, date: str | None,
                        learned: dict[tuple[str, ...], Actor] | None) -> tuple[bool, Actor | None]:
        """(whether a person decides the phrase, the actor) for the first person it names."""
        tokens = analysis.tokens
        for match in matches:
            learned_entry = match.first("learned")
            person = match.first("person")
            if learned_entry is not None and learned:
                if self._name_goes_on(tokens, match, matches):
                    continue  # "Kim Yo Jong" after "Kim" was learned for Kim Jong Un: someone else
                owner = replace(learned[tuple(learned_entry.value.split(" "))], text=text)
            elif person is not None:
                term = self.person_term(person.value, date)
                if term is None:
                    continue
                owner = self._actor_for_term(term, text)
            else:
                continue
            later = [m for m in matches if m.start >= match.end and m.first("sector")]
            if tokens[match.end - 1].possessive and later and owner.country:
                # "Putin's spokesman", "Lavrov's ministry": someone of the owner's state
                later_sector, _role, _title = pick_sector(later)
                later_sector = "government" if later_sector == "organisation" else later_sector
                return True, Actor(text=text, code=owner.country + SECTOR_SUFFIX.get(later_sector, ""),
                                   country=owner.country, sector=later_sector,
                                   person=name_text(tokens, analysis.names))
            return True, owner
        return False, None

    @staticmethod
    def _name_goes_on(tokens: list[Token], match: Match, matches: list[Match]) -> bool:
        """Whether a name learned in the article is only the start of a longer name nothing
        knows: the next word is capitalised, no other actor, and follows after one space."""
        end = match.end
        if end - match.start != 1 or end >= len(tokens) or tokens[end - 1].possessive \
                or tokens[end - 1].after != tokens[end].start - 1:
            return False
        following = tokens[end]
        return following.is_capitalised and following.key not in NOT_NAME and following.key not in NAME_SUFFIXES \
            and not any(m.start == end for m in matches)

    def _resolve_title(self, anchor: Entry, role: str | None, state_sector: str | None, named: str | None,
                       former: bool, text: str, date: str | None) -> Actor:
        """A title with a state or an organisation: the named person, else the office holder."""
        if anchor.kind == "org":
            holder = None
            if named is None and role and not former:
                # an organisation's "president" is its head
                org_role = "org_head" if role in ("head_of_state", "head_of_government") else role
                holder = self.holder(anchor.value, org_role, date)
            return Actor(text=text, code=anchor.value, country=None, sector="organisation",
                         person=named or (holder.name if holder else None))
        country = anchor.value
        title_sector = state_sector or "government"
        holder = None
        if named is None and role and role != "org_head" and not former:
            holder = self.holder(country, role, date)
        return Actor(text=text, code=country + SECTOR_SUFFIX.get(title_sector, ""), country=country,
                     sector=title_sector, person=named or (holder.name if holder else None))

    def _resolve_state(self, tokens: list[Token], matches: list[Match], anchor: Entry, anchor_match: Match,
                       state_sector: str | None, text: str) -> Actor | None:
        """A state (country, capital, seat) with the sector its words signal."""
        if self._names_others(tokens, anchor, anchor_match):
            return None  # "U.S. allies", "Russia's neighbours": other states
        country = anchor.value
        sector = state_sector
        if sector is None or sector == "government":
            # "Russia's Gazprom", "leaders of Egypt's Muslim Brotherhood": a named body of the
            # state decides over generic words like "officials" and "leaders"
            for match in matches:
                body = match.first("institution")
                if body is not None and body.value == country and match is not anchor_match:
                    sector = body.sector
        if anchor.kind == "institution":
            # a seat keeps its own sector unless a specific non-government word says otherwise
            if sector is None or sector == "government":
                sector = anchor.sector
        code = country + SECTOR_SUFFIX.get(sector, "") if sector else country
        # a body of no state ("the Islamic State") keeps its sector and no country
        return Actor(text=text, code=code, country=country or None, sector=sector)

    def _names_others(self, tokens: list[Token], anchor: Entry, anchor_match: Match) -> bool:
        """Whether a phrase names others of its state: "U.S. allies", "Russia's
        neighbours", "allies of Iran" (not "Chinese partners", who are Chinese).

        ``tokens`` may run past the phrase (raw text on the rule-based path), so
        only the words next to the state's name count: the noun within three
        qualifying words after it ("Washington's key allies"), with no predicate
        between ("India and Pakistan are rivals" says what they are), or a plural
        noun right before "of" it ("allies of Iran"; "an ally of Russia" still
        names Russia, as the one it is the ally of)."""
        if not self._other_nouns:
            return False
        if not anchor.adjective:
            for index in range(anchor_match.end, min(len(tokens), anchor_match.end + 4)):
                key = tokens[index].key
                if index and tokens[index].start - tokens[index - 1].end > 1 and not tokens[index - 1].possessive:
                    break  # punctuation between: "Belarus, a longtime ally" is another phrase
                if key in self._other_nouns:
                    return True
                if key in PREDICATE_WORDS or not key[:1].isalnum():
                    break
        before = anchor_match.start
        return before >= 2 and tokens[before - 1].key == "of" and tokens[before - 2].key in self._other_nouns \
            and tokens[before - 2].key.endswith("s")

    @property
    def other_nouns(self) -> set[str]:
        """The nouns that name others of a state ("allies", "neighbours"), folded (do not change)."""
        return self._other_nouns

    def names_others(self, phrase: str) -> bool:
        """Whether a phrase names other states through one it names ("U.S. allies")."""
        tokens = tokenize(phrase)
        if not any(t.key in self._other_nouns for t in tokens):
            return False
        matches = self._analyse(tokens).matches
        anchor, anchor_match = self._pick_anchor(tokens, matches)
        return anchor is not None and anchor.kind in ("country", "institution") and \
            self._names_others(tokens, anchor, anchor_match)

    def state_reference(self, phrase: str) -> frozenset[str] | None:
        """The states a word like "the island" may stand for, or None if it is no such word."""
        tokens = tokenize(phrase)
        while tokens and tokens[0].key in DETERMINERS:
            tokens = tokens[1:]
        return self._state_references.get(tuple(t.key for t in tokens))

    def role_titles(self, role: str) -> list[str]:
        """The singular titles of a role ("head_of_government" -> "prime minister", "premier", ...)."""
        return list(self._role_titles.get(role, ()))

    def _pick_anchor(self, tokens: list[Token], matches: list[Match]) -> tuple[Entry | None, Match | None]:
        """The state or organisation a phrase is about.

        States come before organisations, and a state introduced by a place
        preposition ("envoy to Azerbaijan") only counts when nothing else does.
        """
        fallback: tuple[Entry | None, Match | None] = (None, None)
        org: tuple[Entry | None, Match | None] = (None, None)
        for match in matches:
            entry = match.first("country", "institution")
            if entry is None:
                org_entry = match.first("org")
                if org_entry is not None and org[0] is None and not after_place_word(tokens, match):
                    org = (org_entry, match)
                continue
            if after_place_word(tokens, match):
                if fallback[0] is None:
                    fallback = (entry, match)
                continue
            return entry, match
        if org[0] is not None:
            return org
        if fallback[0] is not None:
            return fallback
        for match in matches:
            entry = match.first("org")
            if entry is not None:
                return entry, match
        return None, None

    def _actor_for_term(self, term: Term, text: str) -> Actor:
        if term.org:
            return Actor(text=text, code=term.org, country=None, sector="organisation", person=term.name)
        code = term.country + SECTOR_SUFFIX.get(term.sector, "")
        return Actor(text=text, code=code, country=term.country, sector=term.sector, person=term.name)
