"""Reading a question or claim about two countries.

Understands "Are X and Y allies?", "Is X an ally of Y?", "How are relations
between X and Y?", "X–Y relations since 2022", "Russia is not an ally of
Azerbaijan", with country names, adjectives, capitals or ISO codes, and time
phrases (since/from/after, until/before, in YEAR, between ... and ...).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..dates import DATE_PATTERN, check_window, parse_date
from ..errors import InputError
from .. import tables
from .countries import country_name, resolve_country, resolve_exact

MAX_NGRAM = 5
_DATE_RE = DATE_PATTERN
_RANGE = rf"({_DATE_RE})\s*(?:-|–|—|\bto\b|\buntil\b|\bthrough\b|\band\b)\s*({_DATE_RE})"
_BETWEEN = re.compile(rf"\bbetween\s+(?:the\s+years\s+)?{_RANGE}\b", re.IGNORECASE)
_SPAN = re.compile(rf"(?:\b(?:from|in|during)\s+)?(?<![\d-]){_RANGE}\b", re.IGNORECASE)
_SINCE = re.compile(rf"\b(?:since|from|after)\s+({_DATE_RE})\b", re.IGNORECASE)
_UNTIL = re.compile(rf"\b(?:until|till|to|before|through)\s+({_DATE_RE})\b", re.IGNORECASE)
_IN_YEAR = re.compile(rf"\b(?:in|during)\s+({_DATE_RE})\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(not|no longer|never|isn't|aren't|is\s+no|are\s+no)\b|n't\b", re.I)
# Acronyms that are ordinary words ("us") unless written in capitals.
_CASE_SENSITIVE = {"us", "uk", "uae", "usa", "prc", "drc", "rok", "dprk"}
# Words of a question that are never a misspelt country name.
_QUESTION_WORDS = {"are", "is", "how", "what", "were", "relations", "relation", "between", "with", "since", "until",
                   "from", "during", "after", "before", "still", "they", "their", "there", "does", "today", "years",
                   "ties", "state", "states", "countries", "close", "closer", "good", "bad", "each", "other"}
SUGGEST_SCORE = 80  # rapidfuzz ratio (0-100) for "did you mean"


@dataclass
class Question:
    """A parsed question: the two countries (ISO3, in the order asked), the
    relation asked about ('ally', 'friendly', 'hostile', 'war' or 'general'), an
    optional time window, and whether the text negates the relation."""

    text: str
    a: str
    b: str
    relation: str = "general"
    since: dt.date | None = None
    until: dt.date | None = None
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "dyad": [self.a, self.b], "names": [country_name(self.a), country_name(self.b)],
                "relation": self.relation, "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None, "negated": self.negated}


@lru_cache(maxsize=1)
def _relation_words() -> dict[str, str]:
    schema = tables.Schema((tables.Column("word", tables.word),
                            tables.Column("relation", tables.one_of(("ally", "friendly", "hostile", "war"), "relation"))))
    return {row["word"]: row["relation"] for row in tables.read_tsv(__package__, "relation_words.tsv", schema)}


def _dates(text: str) -> tuple[str, dt.date | None, dt.date | None]:
    """The question's time window, and its text without the date phrases. A
    month or year as an end bound runs to its last day (allies.dates)."""
    since = until = None
    for pattern in (_BETWEEN, _SPAN):
        match = pattern.search(text)
        if match:
            since, until = parse_date(match.group(1), "since"), parse_date(match.group(2), "until", end=True)
            text = text[:match.start()] + " " + text[match.end():]
            break
    match = _SINCE.search(text)
    if match:
        since = parse_date(match.group(1), "since")
        text = text[:match.start()] + " " + text[match.end():]
    match = _UNTIL.search(text)
    if match:
        until = parse_date(match.group(1), "until", end=True)
        text = text[:match.start()] + " " + text[match.end():]
    match = _IN_YEAR.search(text)
    if match and since is None and until is None:
        since, until = parse_date(match.group(1), "since"), parse_date(match.group(1), "until", end=True)
        text = text[:match.start()] + " " + text[match.end():]
    return text, since, until


def _tokens(text: str) -> list[str]:
    # Dashes and slashes between names ("Russia–Azerbaijan", "US/China") separate countries.
    text = re.sub(r"[–—/]", " ", text)
    return re.findall(r"[A-Za-zÀ-ÿ.'’-]+", text)


def _resolve_token_run(words: list[str]) -> str | None:
    phrase = " ".join(words).strip(".'’-")
    if len(words) == 1:
        bare = phrase.lower().removesuffix("'s").removesuffix("’s")
        if bare in _CASE_SENSITIVE and not phrase.replace(".", "").replace("'s", "").isupper():
            return None
        if len(bare) <= 3 and phrase[:1].islower():
            return None  # "are", "an", "of": never codes
        found = resolve_exact(phrase)
        if found is None and phrase[:1].isupper() and len(bare) > 3 and "-" not in phrase:
            # One capitalised word the table lacks ("Kremlin", a seat): ask the actor KB.
            found = resolve_country(phrase)
        return found
    return resolve_exact(phrase)


def _split_hyphens(words: list[str]) -> list[str]:
    """A hyphen joins two names ("Russia-Azerbaijan", "North Korea-US") unless
    a name is written with it ("Guinea-Bissau"): split every hyphenated word
    that no name of up to MAX_NGRAM words containing it resolves."""
    out: list[str] = []
    for i, word in enumerate(words):
        if "-" not in word.strip("-"):
            out.append(word)
            continue
        runs = (words[start:stop] for start in range(max(0, i - MAX_NGRAM + 1), i + 1)
                for stop in range(i + 1, min(len(words), start + MAX_NGRAM) + 1))
        if any(resolve_exact(" ".join(run)) for run in runs):
            out.append(word)
            continue
        parts = [part for part in word.split("-") if part]
        j = 0
        while j < len(parts):  # keep the longest hyphenated name at each place
            k = next(k for k in range(len(parts), j, -1) if k == j + 1 or resolve_exact("-".join(parts[j:k])))
            out.append("-".join(parts[j:k]))
            j = k
    return out


def find_countries(text: str) -> list[str]:
    """ISO3 codes of the countries named in ``text``, in order of first mention."""
    words = _split_hyphens(_tokens(text))
    found: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            code = _resolve_token_run(words[i:i + size])
            if code:
                if code not in found:
                    found.append(code)
                i += size
                break
        else:
            i += 1
    return found


def suggest_countries(text: str, limit: int = 2) -> list[str]:
    """Country names close to the words of ``text`` that name none
    ("Azerbajan" -> Azerbaijan, "Rusia" -> Russia), in order of mention."""
    from rapidfuzz import fuzz, process

    from .countries import known_names

    names = known_names()
    skip = set(_relation_words()) | _QUESTION_WORDS
    out: list[str] = []
    for word in _split_hyphens(_tokens(text)):
        key = word.strip(".'’-").lower()
        if len(key) < 4 or key in skip or _resolve_token_run([word]):
            continue
        match = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=SUGGEST_SCORE)
        if match:
            name = country_name(names[match[0]])
            if name not in out:
                out.append(name)
    return out[:limit]


def parse_question(text: str) -> Question:
    """Parse a question or claim about two countries; InputError when the two
    countries cannot be told apart from the text."""
    if not text or not text.strip():
        raise InputError("empty question: ask e.g. \"Are Azerbaijan and Russia allies?\"")
    rest, since, until = _dates(text)
    countries = find_countries(rest)
    if len(countries) < 2:
        named = ", ".join(country_name(c) for c in countries) or "none"
        guesses = [name for name in suggest_countries(rest) if name not in {country_name(c) for c in countries}]
        hint = f"; did you mean {' and '.join(guesses)}?" if guesses else ""
        raise InputError(f"cannot tell which two countries the question is about (recognised: {named}{hint})")
    if len(countries) > 2:
        named = ", ".join(country_name(c) for c in countries)
        raise InputError(f"the question names more than two countries ({named}); ask about one pair")
    check_window(since, until)
    words = _relation_words()
    relation = "general"
    for word in re.findall(r"[a-z]+", rest.lower()):
        if word in words:
            relation = words[word]
            break
    return Question(text=text.strip(), a=countries[0], b=countries[1], relation=relation,
                    since=since, until=until, negated=bool(_NEGATION.search(rest)))
