"""The actor knowledge base: who a phrase in the news stands for.

Data files (read once, cached by :meth:`ActorKB.default`):

- the states of the one country table (:mod:`allies.countries`, UN members and
  observers, Kosovo, Taiwan) with their names, variants, adjectives/demonyms and capitals;
- ``institutions.tsv``: seats of power and named state bodies standing for a
  state sector ("the Kremlin", "Pentagon", "Knesset", "TASS");
- ``organisations.tsv``: international organisations and blocs;
- ``sectors.tsv``: the words that signal a sector ("troops" -> military) and
  the titles that name an office ("foreign minister");
- ``people.tsv``: office holders with dated terms;
- ``stop_phrases.tsv``: phrases that contain a country word but name no state
  actor ("Latin American", "Persian Gulf");
- ``places.tsv``: cities and regions that stand for their state, like
  capitals do ("exercises in Alaska", "shelling in Aleppo");
- ``references.tsv``: nouns that name others of a state ("U.S. allies",
  "Russia's neighbours") and words that stand for a state named earlier in
  the article ("the island").

Use:

    kb = ActorKB.default()
    kb.lookup("Russian Foreign Minister Sergei Lavrov", date="2022-12-05")  # RUSGOV, Sergei Lavrov
    kb.find_mentions(text, date=None)        # [(start, end, Actor)] in raw text
    kb.resolve_country("Azeri")              # "AZE" (lenient, for user questions)
    kb.holder("AZE", "foreign_minister", "2015-06-01")   # the Term of Elmar Mammadyarov
    kb.describe_code("ARMREB")               # "Armenia (rebels)"
    memory = ArticleActors(kb, date="2022-12-05")        # names learned within one article
    memory.resolve("Azerbaijani Defence Minister John Doe"); memory.resolve("Doe")

A phrase resolves in this order: a known person (the term that covers the
date) or a person learned earlier in the article; a title with a state or
organisation (the office holder on that date, unless the phrase names
someone); a state (name, adjective, capital, seat, named body) with the
sector its words signal; an organisation.

Matching works on tokens: each alias is split by the same tokenizer as the
text, folded (case, accents, dots) into a key, and stored in a dict keyed by
the tuple of token keys; a scan tries the longest key first at each token.
Case matters where the alias says so: a short acronym ("US", "WHO") only
matches capitals, a capitalised alias ("Turkey", "NATO") only a capitalised
word ("Nato" is a common spelling), and lower-case words (sector words)
match any case.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from ..countries import rows as country_rows
from ..errors import AlliesError
from ..model import Actor

SECTOR_SUFFIX = {
    "government": "GOV", "military": "MIL", "legislature": "LEG", "judiciary": "JUD",
    "police": "COP", "rebels": "REB", "opposition": "OPP", "business": "BUS",
    "media": "MED", "civilians": "CVL", "experts": "EXP",
}
# The columns each data file must have.
_COLUMNS = {
    "institutions.tsv": ("phrase", "country", "sector", "start", "end"),
    "organisations.tsv": ("code", "name", "aliases"),
    "sectors.tsv": ("phrase", "sector", "role", "kind"),
    "people.tsv": ("name", "aliases", "country", "org", "role", "sector", "start", "end"),
    "stop_phrases.tsv": ("phrase",),
    "places.tsv": ("place", "country", "kind"),
    "references.tsv": ("phrase", "kind", "countries"),
}
_SUFFIX_SECTOR = {suffix: sector for sector, suffix in SECTOR_SUFFIX.items()}
ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "org_head",
         "council_president", "high_representative", "presidential_spokesperson",
         "foreign_ministry_spokesperson", "chief_of_staff", "national_security_adviser", "foreign_secretary",
         "figure")
# "chief_of_staff": of the head of state or government (the White House, the Ukrainian
# presidential office); "foreign_secretary": the senior official of a foreign ministry
# below its minister (India's), not a minister styled so (Britain's is foreign_minister).
# "figure": a notable person who holds no listed office (an opposition or rebel leader);
# figures are never office holders, and their terms may have no start date.

# Sectors that decide a phrase whatever its head noun says: "rebel forces" are
# rebels, "opposition lawmakers" the opposition.
_DOMINANT_SECTORS = ("rebels", "opposition")
# Words a determiner-like prefix or a possessive adds nothing to.
_DETERMINERS = frozenset(
    "the a an this that these those its their his her our my your some several many".split()
)
# A country after one of these is where or to whom, not who: "the Russian
# ambassador to Azerbaijan" is Russian.
_PLACE_PREPOSITIONS = frozenset(
    "to in at into against with toward towards on over near inside across for between within "
    "around among visiting".split()
)
# "pro-Russian separatists", "Russian-backed rebels" and "Iranian-made drones"
# are not Russian or Iranian actors.
_AFFIX_BEFORE = frozenset(("pro", "anti", "non"))
_AFFIX_AFTER = frozenset(
    "backed supported sponsored funded aligned allied installed armed trained controlled "
    "occupied held annexed made built supplied designed produced manufactured language "
    "speaking born style".split()
)
# Words that may sit between two parts of one actor phrase.
_GLUE = re.compile(r"^(?:of|of the|the|from|from the|- ?based)$", re.IGNORECASE)
_FORMER = frozenset(("former", "ex", "late", "then", "outgoing", "previous"))
# Words that are capitalised but are not part of a person's name.
_NOT_NAME = frozenset(
    "the a an and or but of in on at to for with from by said says told after before during "
    "mr mrs ms dr sir he she it they we i who which that this "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

# Generational suffixes that are not surnames ("Martin Luther King Jr.").
_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Lower-case words and hyphens that continue a name ("al-Bashir", "von der Leyen").
_NAME_PARTICLES = frozenset("al el bin ibn bint abu ben de da di du dos das del della van von der den zu la le".split())

_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*|[-&+]")
_SPACED_POSSESSIVE = re.compile(r"\s*['’]\s*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


# Words that make what follows a predicate or a new phrase, not a noun the state owns.
_PREDICATE_WORDS = frozenset(("are", "is", "was", "were", "be", "been", "being", "remain", "remains", "remained",
                              "become", "became", "as", "and", "or", "with", "to", "not", "no"))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accents removed, curly apostrophes straightened."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("’", "'").replace("‘", "'").lower()


@dataclass(frozen=True)
class Token:
    key: str  # folded, dots removed, possessive removed
    start: int
    end: int
    text: str
    after: int  # where the word ends in the text, possessive included
    possessive: bool = False

    @property
    def is_upper(self) -> bool:
        letters = [ch for ch in self.text if ch.isalpha()]
        return bool(letters) and all(ch.isupper() for ch in letters)

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Words (with their offsets) as the knowledge base compares them.

    "U.S." is one word keyed "us"; "Moscow's" is "moscow", marked possessive,
    as is "Azerbaijanis'" ; a hyphen is a word of its own, so "Russia-Ukraine"
    names two states and "Guinea-Bissau" matches as three words.
    """
    tokens = []
    length = len(text)
    for match in _TOKEN.finditer(text):
        raw = match.group()
        start, end = match.span()
        after = end
        possessive = False
        folded = fold(raw)
        if folded.endswith("'s") and len(folded) > 2:
            raw, folded, end, possessive = raw[:-2], folded[:-2], end - 2, True
        elif folded.endswith("s") and end < length and text[end] in "'’" and (
                end + 1 == length or not text[end + 1].isalnum()):
            after, possessive = end + 1, True
        elif "." in raw and end < length and text[end] == ".":
            end = after = end + 1  # "U.S." keeps its last dot
        if folded == "s" and tokens and _SPACED_POSSESSIVE.match(text, tokens[-1].end, start):
            # "the government ' s ability": text tokenised with spaces around the apostrophe
            tokens[-1] = replace(tokens[-1], possessive=True, after=end)
            continue
        tokens.append(Token(folded.replace(".", ""), start, end, text[start:end], after, possessive))
    return tokens


def name_key(name: str) -> str:
    """A person's name as a lookup key: "George W. Bush" and "george w bush" agree."""
    return " ".join(t.key for t in tokenize(name) if t.key != "-") or fold(name)


# Case classes of alias tokens (see the module docstring).
_EXACT, _CAP, _ANY = 2, 1, 0


def _case_class(token_text: str) -> int:
    letters = [ch for ch in token_text if ch.isalpha()]
    if 2 <= len(letters) <= 3 and all(ch.isupper() for ch in letters):
        return _EXACT  # "US", "UN", "WHO", "U.K.", "MI6": short acronyms that are also words
    if token_text[:1].isupper():
        return _CAP  # "Turkey", "G7", and longer acronyms also written "Nato", "Opec", "Ecowas"
    return _ANY  # "troops", "of", "-"


def _case_ok(classes: tuple[int, ...], tokens: list[Token]) -> bool:
    for cls, token in zip(classes, tokens):
        if cls == _EXACT and not token.is_upper:
            return False
        if cls == _CAP and not token.is_capitalised:
            return False
    return True


@dataclass(frozen=True)
class Term:
    """One person in one office for a span of time."""

    name: str
    country: str | None
    org: str | None
    role: str
    sector: str
    start: str
    end: str | None  # None while in office

    def covers(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return self.start <= date and (self.end is None or date <= self.end)

    def distance(self, date: str) -> int:
        """How far (in days, roughly) the date lies outside the term; 0 inside."""
        if self.covers(date):
            return 0
        day = _ordinal(date)
        if self.start and date < self.start:
            return _ordinal(self.start) - day
        return day - _ordinal(self.end or date)


def _ordinal(date: str) -> int:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return parts[0] * 372 + (parts[1] - 1) * 31 + parts[2] - 1


@dataclass(frozen=True)
class Entry:
    """What an alias stands for."""

    kind: str  # country | institution | org | person | sector | stop
    value: str  # iso3, org code, person name, or sector
    role: str | None = None  # for titles
    is_title: bool = False
    sector: str | None = None  # institutions carry their own sector
    start: str | None = None  # institutions whose sector changed ("Taliban": rebels, then government)
    end: str | None = None
    adjective: bool = False  # a country written as an adjective ("Azerbaijani", not "Azerbaijanis")


@dataclass
class Match:
    start: int  # token indices
    end: int
    entries: tuple[Entry, ...]

    def first(self, *kinds: str) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None


ANCHOR_KINDS = ("country", "institution", "org")


@dataclass
class Analysis:
    """What a phrase is made of, before it is turned into an actor."""

    tokens: list[Token]
    matches: list[Match]
    names: list[tuple[int, int]] = field(default_factory=list)  # unknown capitalised names after a title


class ActorKB:
    """Countries, institutions, organisations, sector words and office holders."""

    def __init__(self, countries, institutions, organisations, sectors, people, stop_phrases, places=(),
                 references=()):
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
        self._state_names: set[str] = set()  # name keys of countries' names and capitals
        self._other_nouns: set[str] = set()  # "allies", "neighbours": others of the state that owns them
        self._state_references: dict[tuple[str, ...], frozenset[str]] = {}  # "island" -> island states
        self._role_titles: dict[str, list[str]] = {}  # role -> its titles ("head_of_government" -> "prime minister")

        for row in countries:
            iso3 = row["iso3"]
            self._country_names[iso3] = row["name"]
            self._iso2[row["iso2"].upper()] = iso3
            names = [row["name"], row["official"], *_split(row["variants"])]
            for alias in names:
                self._add(alias, Entry("country", iso3))
                self._state_names.add(name_key(alias))
            for adjective in _split(row["adjectives"]):
                for form in _demonym_forms(adjective):
                    self._add(form, Entry("country", iso3, adjective=form == adjective))
            for capital in _split(row["capitals"]):
                self._add(capital, Entry("country", iso3))
                self._state_names.add(name_key(capital))
        for row in places:
            if row["country"] not in self._country_names:
                raise AlliesError(f"data file places.tsv: unknown country {row['country']!r} for {row['place']!r}")
            self._add(row["place"], Entry("country", row["country"]))
        for row in institutions:
            self._add(row["phrase"], Entry("institution", row["country"], sector=row["sector"],
                                           start=row["start"] or None, end=row["end"] or None))
        for row in organisations:
            code = row["code"]
            self._org_names[code] = row["name"]
            for alias in [row["name"], *_split(row["aliases"])]:
                for form in _spelling_forms(alias):
                    self._add(form, Entry("org", code))
        for row in references:
            key = tuple(t.key for t in tokenize(row["phrase"]))
            if row["kind"] == "others" and len(key) == 1:
                self._other_nouns.add(key[0])
            elif row["kind"] == "last_state" and key:
                unknown = [c for c in _split(row["countries"]) if c not in self._country_names]
                if unknown:
                    raise AlliesError(f"data file references.tsv: unknown country {unknown[0]!r} for {row['phrase']!r}")
                self._state_references[key] = frozenset(_split(row["countries"]))
            else:
                raise AlliesError(f"data file references.tsv: unknown kind {row['kind']!r} for {row['phrase']!r}")
        for row in sectors:
            is_title = row["kind"] == "title"
            if is_title and row["role"] and not row["phrase"].endswith("s"):
                self._role_titles.setdefault(row["role"], []).append(" ".join(t.key for t in tokenize(row["phrase"])))
            entry = Entry("sector", row["sector"], role=row["role"] or None, is_title=is_title)
            for form in _spelling_forms(row["phrase"]):
                self._add(form, entry)
        for row in stop_phrases:
            self._add(row["phrase"], Entry("stop", ""))
        for row in people:
            term = Term(
                name=row["name"], country=row["country"] or None, org=row["org"] or None,
                role=row["role"], sector=row["sector"], start=row["start"], end=row["end"] or None,
            )
            self._terms.append(term)
            for alias in {row["name"], *_split(row["aliases"])}:
                key = name_key(alias)
                known = self._terms_by_name.setdefault(key, [])
                if term not in known:
                    known.append(term)
                self._add(alias, Entry("person", key))
            if term.role != "figure":
                self._holders.setdefault((term.country or term.org, term.role), []).append(term)
        for terms in self._holders.values():
            terms.sort(key=lambda t: t.start)

    # ----- loading --------------------------------------------------------------------
    @classmethod
    def load(cls) -> "ActorKB":
        def table(name: str) -> list[dict[str, str]]:
            text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
            lines = [line for line in text.splitlines() if not line.startswith("#")]
            reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = set(_COLUMNS[name]) - set(reader.fieldnames or ())
            if missing:
                raise AlliesError(f"data file {name} lacks columns: {', '.join(sorted(missing))}")
            rows = []
            for number, row in enumerate(reader, start=2):
                if None in row or any(row.get(column) is None for column in _COLUMNS[name]):
                    raise AlliesError(f"data file {name}, line {number}: wrong number of fields")
                rows.append({k: (v or "").strip() for k, v in row.items()})
            return rows

        return cls(
            countries=[dict(row.values) for row in country_rows() if row["kind"] == "state"],
            institutions=table("institutions.tsv"),
            organisations=table("organisations.tsv"),
            sectors=table("sectors.tsv"),
            people=table("people.tsv"),
            stop_phrases=table("stop_phrases.tsv"),
            places=table("places.tsv"),
            references=table("references.tsv"),
        )

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> "ActorKB":
        """The knowledge base built from the packaged data files, built once per process."""
        return ActorKB.load()

    def _add(self, alias: str, entry: Entry) -> None:
        tokens = tokenize(alias)
        while tokens and tokens[0].key in _DETERMINERS:
            tokens = tokens[1:]
        if not tokens:
            return
        key = tuple(t.key for t in tokens)
        classes = tuple(_case_class(t.text) for t in tokens)
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
                if extra and key in extra and all(t.is_capitalised for t in window):
                    entries.append(Entry("learned", " ".join(key)))
                for classes, entry in self._lexicon.get(key, ()):
                    if _case_ok(classes, window):
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
        if s >= 2 and tokens[s - 1].key == "-" and tokens[s - 2].key in _AFFIX_BEFORE:
            return True
        if e + 1 < len(tokens) and tokens[e].key == "-" and tokens[e + 1].key in _AFFIX_AFTER:
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
        return [(s, e, a) for s, e, a, _ in self._mentions(text, clean_date(date), None)]

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
        while tokens and tokens[0].key in _DETERMINERS:
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
        return country, _SUFFIX_SECTOR.get(code[3:6]) if len(code) > 3 else None

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
        analysis = self._analyse(tokenize(phrase))
        sector, _role, _title = _pick_sector(analysis.matches)
        return sector

    # ----- analysis and resolution ------------------------------------------------------
    def _analyse(self, tokens: list[Token], extra=None) -> Analysis:
        matches = self._scan(tokens, extra)
        names, absorbed = _names_after_titles(tokens, matches)
        matches = [m for m in matches if id(m) not in absorbed]
        return Analysis(tokens, matches, names)

    def _resolve(self, analysis: Analysis, text: str, date: str | None,
                 learned: dict[tuple[str, ...], Actor] | None = None) -> Actor | None:
        matches = [_as_of(match, date) for match in analysis.matches]
        tokens = analysis.tokens
        if not matches:
            return None
        sector, role, has_title = _pick_sector(matches)
        former = any(t.key in _FORMER for t in tokens)
        state_sector = "government" if sector == "organisation" else sector

        # 1. a person: learned earlier in the article, or known by date
        for match in matches:
            learned_entry = match.first("learned")
            person = match.first("person")
            if learned_entry is not None and learned:
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
                later_sector, _role, _title = _pick_sector(later)
                later_sector = "government" if later_sector == "organisation" else later_sector
                return Actor(text=text, code=owner.country + SECTOR_SUFFIX.get(later_sector, ""),
                             country=owner.country, sector=later_sector,
                             person=_name_text(tokens, analysis.names))
            return owner

        anchor, anchor_match = self._pick_anchor(tokens, matches)
        named = _name_text(tokens, analysis.names)

        # 2. a title with a country (or organisation): the office holder at that date
        if anchor is not None and has_title:
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

        # 3. a state (country, capital, seat) with or without sector words
        if anchor is not None and anchor.kind in ("country", "institution"):
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

        # 4. an organisation
        if anchor is not None and anchor.kind == "org":
            return Actor(text=text, code=anchor.value, country=None, sector="organisation")
        return None

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
                if key in _PREDICATE_WORDS or not key[:1].isalnum():
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
        while tokens and tokens[0].key in _DETERMINERS:
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
                if org_entry is not None and org[0] is None and not _after_place_word(tokens, match):
                    org = (org_entry, match)
                continue
            if _after_place_word(tokens, match):
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

    # ----- mentions in running text --------------------------------------------------
    def _mentions(self, text: str, date: str | None, memory: "ArticleActors | None"):
        tokens = tokenize(text)
        keys = [t.key for t in tokens]
        positions: dict[str, list[int]] = {}  # token key -> where it occurs, to skip useless rescans
        for index, key in enumerate(keys):
            positions.setdefault(key, []).append(index)

        def comes_again(name_key: tuple[str, ...], after: int) -> bool:
            return any(keys[p:p + len(name_key)] == list(name_key)
                       for p in positions.get(name_key[0], ()) if p >= after)

        out = []
        previous: tuple[int, Actor, bool] | None = None  # (end token, actor, ended possessive)
        position = 0
        while True:
            learned_before = set(memory._by_key) if memory is not None else set()
            restart = None
            for chunk, names in self._chunks(text, tokens, position, memory):
                start, end = chunk[0][0], chunk[-1][1]
                chunk_matches = [m for _s, _e, m in chunk if m is not None]
                analysis = Analysis(tokens, chunk_matches, names)
                span_text = text[tokens[start].start:tokens[end - 1].end]
                if memory is not None:
                    actor = memory._resolve_analysis(analysis, span_text)
                else:
                    actor = self._resolve(analysis, span_text, date)
                if actor is None and previous is not None and previous[2] and previous[0] == start:
                    actor = self._possessed(previous[1], chunk_matches, span_text, tokens, names, memory)
                if actor is not None:
                    out.append((tokens[start].start, tokens[end - 1].end, actor, chunk))
                    previous = (end, actor, tokens[end - 1].possessive)
                else:
                    previous = None
                if memory is not None and len(memory._by_key) != len(learned_before):
                    new_keys = set(memory._by_key) - learned_before
                    learned_before |= new_keys
                    if any(comes_again(key, end) for key in new_keys):
                        restart = end  # a name was learned and comes again: rescan the rest
                        break
            if restart is None:
                return _share_coordinated_sectors(text, tokens, out)
            position = restart

    def _chunks(self, text: str, tokens: list[Token], position: int, memory: "ArticleActors | None"):
        """Actor phrases from token ``position`` on: (pieces, unknown names) in text order."""
        learned = memory._by_key if memory is not None else None
        matches = self._scan(tokens, learned or None, position)
        names, absorbed = _names_after_titles(tokens, matches)
        matches = [m for m in matches if id(m) not in absorbed]
        pieces: list[tuple[int, int, Match | None]] = [(m.start, m.end, m) for m in matches]
        pieces += [(s, e, None) for s, e in names]
        pieces.sort(key=lambda p: p[0])
        chunks: list[list[tuple[int, int, Match | None]]] = []
        for piece in pieces:
            if chunks and self._joins(text, tokens, chunks[-1], piece):
                chunks[-1].append(piece)
            else:
                chunks.append([piece])
        for chunk in chunks:
            yield chunk, [(s, e) for s, e, m in chunk if m is None]

    def _possessed(self, owner: Actor, chunk_matches, span_text, tokens, names, memory) -> Actor | None:
        """"Putin's spokesman", "Aliyev's aide": a phrase owned by a person is of their state."""
        sector, _role, _title = _pick_sector(chunk_matches)
        if not owner.country or not sector:
            return None
        sector = "government" if sector == "organisation" else sector
        actor = Actor(text=span_text, code=owner.country + SECTOR_SUFFIX.get(sector, ""),
                      country=owner.country, sector=sector, person=_name_text(tokens, names))
        if memory is not None:
            memory._learn(actor)
        return actor

    def _joins(self, text: str, tokens: list[Token], chunk, piece) -> bool:
        """Whether ``piece`` continues the actor phrase in ``chunk``."""
        last_start, last_end, last_match = chunk[-1]
        gap = text[tokens[last_end - 1].after:tokens[piece[0]].start]
        if last_match is not None and last_match.first("person", "learned") and tokens[last_end - 1].possessive:
            return False  # "Putin's spokesman": a new actor
        if "\n" in gap or (gap.strip() and not _GLUE.match(" ".join(gap.split()))):
            return False  # line breaks, commas, verbs, conjunctions: a new phrase
        new = piece[2]
        if new is None:
            return True  # a name after a title
        anchors = [m.first(*ANCHOR_KINDS) for _s, _e, m in chunk if m is not None and m.first(*ANCHOR_KINDS)]
        new_anchor = new.first(*ANCHOR_KINDS)
        if new_anchor is not None and anchors:
            # "U.S. State Department", "Russia's Gazprom" are one actor; "Russia Ukraine" two
            same_state = (len(anchors) == 1 and new_anchor.kind == "institution"
                          and anchors[0].kind == "country" and anchors[0].value == new_anchor.value)
            if not same_state:
                return False
        if new.first("person", "learned") and any(
                m is not None and m.first("person", "learned") for _s, _e, m in chunk):
            return False
        if not gap.strip():
            return True
        if "based" in gap:
            # "Kyiv-based journalists": a place, then what is based there
            return last_match is not None and last_match.first(*ANCHOR_KINDS) is not None \
                and new.first("sector") is not None
        # "of": "foreign minister of Azerbaijan", "troops of Russia" only after a sector word
        return last_match is not None and last_match.first("sector") is not None


def _as_of(match: Match, date: str | None) -> Match:
    """The match with only the dated institution entries that hold on ``date``.

    Undated entries always hold; among dated ones the entry covering the date
    wins, else (no date, or a date outside every span) the latest one.
    """
    dated = [e for e in match.entries if e.kind == "institution" and (e.start or e.end)]
    if len(dated) < 2:
        return match
    chosen = None
    if date is not None:
        chosen = next((e for e in dated if (e.start or "") <= date and (e.end is None or date < e.end)), None)
    if chosen is None:
        chosen = max(dated, key=lambda e: (e.end is None, e.end or "", e.start or ""))
    return Match(match.start, match.end, tuple(e for e in match.entries if e not in dated or e is chosen))


def _singular_titles(analysis: Analysis) -> list[str]:
    """The titles of a phrase, full then head word ("foreign minister", "minister"); plurals left out."""
    titles: list[str] = []
    for match in analysis.matches:
        entry = match.first("sector")
        if entry is None or not entry.is_title:
            continue
        words = [t.key for t in analysis.tokens[match.start:match.end] if t.key != "-"]
        if not words or words[-1].endswith("s"):
            continue
        for title in (" ".join(words), words[-1]):
            if title not in titles:
                titles.append(title)
    return titles


def _share_coordinated_sectors(text: str, tokens: list[Token], mentions: list) -> list:
    """"Azerbaijani and Turkish troops": the first adjective shares the sector of the second."""
    for index in range(len(mentions) - 2, -1, -1):
        start, end, actor, chunk = mentions[index]
        next_start, _next_end, next_actor, next_chunk = mentions[index + 1]
        if actor.sector is not None or len(chunk) != 1 or next_actor.sector is None or not next_actor.country:
            continue
        first, following = chunk[0][2], next_chunk[0][2]
        if first is None or following is None:
            continue
        first_country, next_country = first.first("country"), following.first("country")
        if not (first_country and first_country.adjective and next_country and next_country.adjective):
            continue
        if text[end:next_start].strip().lower() not in ("and", "or", ",", ", and", "and the"):
            continue
        shared = replace(actor, code=actor.country + SECTOR_SUFFIX.get(next_actor.sector, ""),
                         sector=next_actor.sector)
        mentions[index] = (start, end, shared, chunk)
    return mentions


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _demonym_forms(adjective: str) -> list[str]:
    """An adjective and its plural as a noun ("Azerbaijani" -> "Azerbaijanis")."""
    lowered = adjective.lower()
    if lowered.endswith(("ese", "sh", "ss", "x")) or (lowered.endswith("ch") and lowered != "czech"):
        return [adjective]  # "Chinese", "British", "Swiss", "Dutch" have no plural in -s
    return [adjective, adjective + "s"]


def _spelling_forms(phrase: str) -> list[str]:
    """British and American spellings of the same phrase."""
    forms = {phrase}
    pairs = (("Organization", "Organisation"), ("organization", "organisation"),
             ("defense", "defence"), ("Defense", "Defence"), ("center", "centre"), ("Center", "Centre"))
    for a, b in pairs:
        for form in list(forms):
            if a in form:
                forms.add(form.replace(a, b))
            if b in form:
                forms.add(form.replace(b, a))
    return sorted(forms)


def _pick_sector(matches: list[Match]) -> tuple[str | None, str | None, bool]:
    """(sector, role of the title, whether there is a title) of a phrase's sector words.

    The head word (the last one) decides, except that rebels and the
    opposition dominate ("rebel forces", "opposition lawmakers").
    """
    sector_entries = [m.first("sector") for m in matches]
    sector_entries = [e for e in sector_entries if e is not None]
    if not sector_entries:
        return None, None, False
    titles = [e for e in sector_entries if e.is_title]
    role = next((e.role for e in titles if e.role), None)
    for dominant in _DOMINANT_SECTORS:
        if any(e.value == dominant for e in sector_entries):
            return dominant, role, bool(titles)
    return sector_entries[-1].value, role, bool(titles)


def _after_place_word(tokens: list[Token], match: Match) -> bool:
    i = match.start - 1
    while i >= 0 and tokens[i].key in _DETERMINERS:
        i -= 1
    return i >= 0 and tokens[i].key in _PLACE_PREPOSITIONS


def _names_after_titles(tokens: list[Token], matches: list[Match]) -> tuple[list[tuple[int, int]], set[int]]:
    """Runs of unknown capitalised words right after a title ("Defence Minister John Doe").

    Returns the runs (token ranges) and the ids of person matches swallowed by
    a run: in "Foreign Minister Anna Johnson" the surname "Johnson" of a known
    person belongs to an unknown one.
    """
    covering: dict[int, Match] = {}
    for m in matches:
        for i in range(m.start, m.end):
            covering[i] = m
    names: list[tuple[int, int]] = []
    absorbed: set[int] = set()
    for m in matches:
        entry = m.first("sector")
        if entry is None or not entry.is_title:
            continue
        i = m.end
        swallowed: list[Match] = []
        while i < len(tokens):
            if not (tokens[i].is_capitalised and tokens[i].key not in _NOT_NAME):
                # "Omer al-Bashir", "Ursula von der Leyen": particles inside a name
                j = i
                while j < len(tokens) and j not in covering and (
                        tokens[j].key in _NAME_PARTICLES or tokens[j].key == "-"):
                    j += 1
                if j == i or i == m.end or j >= len(tokens) or not tokens[j].is_capitalised \
                        or tokens[j].key in _NOT_NAME:
                    break
                i = j
            inner = covering.get(i)
            if inner is not None:
                only_people = all(e.kind in ("person", "learned") for e in inner.entries)
                # "Foreign Minister John Jordan": a one-word place inside a name already begun
                place_in_name = (inner.end - inner.start == 1 and tokens[i - 1].after == tokens[i].start - 1
                                 and all(e.kind in ("person", "learned", "country") for e in inner.entries))
                if i == m.end or not (only_people or place_in_name):
                    break  # a known person right after the title, or another actor
                swallowed.append(inner)
                i = inner.end
            else:
                i += 1
            if tokens[i - 1].possessive:
                break
        if i > m.end:
            names.append((m.end, i))
            absorbed.update(id(x) for x in swallowed)
    return names, absorbed


def _name_text(tokens: list[Token], names: list[tuple[int, int]]) -> str | None:
    """The first unknown name of a phrase, as written (without a possessive)."""
    if not names:
        return None
    start, end = names[0]
    parts = [tokens[start].text]
    for before, token in zip(tokens[start:end - 1], tokens[start + 1:end]):
        parts.append(token.text if token.start == before.after else " " + token.text)
    return "".join(parts)


def clean_date(date) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, datetime or string; a year or month
    becomes a mid-point day; anything else is None."""
    if date is None:
        return None
    text = str(date).strip()[:10]
    if not text or not _DATE.match(text):
        return None
    if len(text) == 4:
        return text + "-07-01"
    if len(text) == 7:
        return text + "-15"
    return text


class ArticleActors:
    """Actors met so far in one article: names learned from titles and persons.

    ``resolve("Azerbaijani Defence Minister John Doe")`` learns "John Doe"
    and "Doe", so a later "Doe said" resolves to the same actor even though
    the knowledge base does not know him, and a later "the minister" or "the
    defence minister" (a title with no state) is the person last introduced
    with that title. ``last_person`` is the most recent person actor (for
    "he"/"she").
    """

    def __init__(self, kb: ActorKB | None = None, date: str | None = None):
        self.kb = kb or ActorKB.default()
        self.date = clean_date(date)
        self._by_key: dict[tuple[str, ...], Actor] = {}
        self._by_title: dict[str, Actor] = {}  # "foreign minister", "minister" -> who was introduced so
        self._foreseen: dict[str, Actor] = {}  # titles of people the article introduces later (see foresee)
        self._states_named: list[str] = []  # countries named so far, the latest last
        self.home: str | None = None  # the state of the article's dateline, whose officials go unnamed
        self.last_person: Actor | None = None
        self.people: list[Actor] = []

    def foresee(self, phrases) -> None:
        """Read ahead: the people the article introduces anywhere ("Anthony Albanese",
        "Defence Minister John Doe"), so that "the prime minister said" before the
        name is given is the one person of the article with that title. A title two
        people of the article share stays unresolved. Nothing else is learned."""
        scout = ArticleActors(self.kb, self.date)
        scout.home = self.home
        holders: dict[str, dict[str, Actor | None]] = {}
        for phrase in phrases:
            actor = scout.resolve(phrase)
            analysis = self.kb._analyse(tokenize(phrase), scout._by_key or None)
            titles = _singular_titles(analysis)
            if actor is not None and actor.person:
                for title in titles:
                    holders.setdefault(title, {})[actor.person] = actor
            elif actor is None:
                # "Prime Minister Jane Roe" of no known state still makes "the prime minister" ambiguous
                name = _name_text(analysis.tokens, analysis.names)
                for title in titles if name else ():
                    holders.setdefault(title, {})[name] = None
        for actor in scout.people:
            for title in self._role_titles(actor):
                holders.setdefault(title, {})[actor.person] = actor
        self._foreseen = {title: next(iter(people.values())) for title, people in holders.items()
                          if len(people) == 1 and None not in people.values()}

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

    def find_mentions(self, text: str) -> list[tuple[int, int, Actor]]:
        """Like :meth:`ActorKB.find_mentions`, learning names as it goes."""
        return [(s, e, a) for s, e, a, _ in self.kb._mentions(text, self.date, self)]

    def knows(self, name: str) -> bool:
        return tuple(t.key for t in tokenize(name)) in self._by_key

    def _resolve_analysis(self, analysis: Analysis, text: str) -> Actor | None:
        actor = self.kb._resolve(analysis, text, self.date, self._by_key)
        titles = _singular_titles(analysis)
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
        if actor is None and titles and not analysis.names and self.home is not None and \
                not any(m.first(*ANCHOR_KINDS) for m in analysis.matches):
            actor = self._home_holder(analysis, text)
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
        _sector, role, _title = _pick_sector(analysis.matches)
        if not role or any(t.key in _FORMER for t in analysis.tokens):
            return None
        term = self.kb.holder(self.home, role, self.date)
        return self.kb._actor_for_term(term, text) if term is not None else None

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
        """Remember a person actor under their full name and their surname."""
        if not actor.person:
            return
        template = replace(actor)
        names = {actor.person, *(term.name for term in self.kb.terms(actor.person))}
        for name in names:
            tokens = tokenize(name)
            if not tokens:
                continue
            self._by_key[tuple(t.key for t in tokens)] = template
            surname = self._surname_key(name)
            if surname is not None:
                self._by_key[surname] = template
        self.last_person = template
        if all(p.person != template.person for p in self.people):
            self.people.append(template)

    def _surname_key(self, name: str) -> tuple[str, ...] | None:
        """The key of a name's last word ("Doe", "al-Bashir"), unless it could be something else."""
        words = name.split()
        while words and fold(words[-1]).strip(".") in _NAME_SUFFIXES:
            words.pop()
        if len(words) < 2:
            return None
        key = tuple(t.key for t in tokenize(words[-1]))
        letters = sum(len(k) for k in key if k != "-")
        if letters < 3 or any(entry.kind != "person" for _c, entry in self.kb._lexicon.get(key, ())):
            return None  # "Kim Jong Un" is not "Un", and "John Jordan" is not "Jordan"
        return key
