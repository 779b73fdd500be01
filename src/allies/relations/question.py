"""Reading a question or claim about two countries.

Understands "Are X and Y allies?", "Is X an ally of Y?", "How are relations
between X and Y?", "X–Y relations since 2022", "Russia is not an ally of
Azerbaijan", with country names, adjectives, capitals or ISO codes, and time
phrases (since/from/after, until/before, in YEAR, between ... and ...).
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import InputError
from .countries import country_name, resolve_country, resolve_exact

MAX_NGRAM = 5
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RE = rf"(?:(?:\d{{1,2}}\s+)?(?:{_MONTH_RE})\.?\s+\d{{4}}|\d{{4}}-\d{{2}}(?:-\d{{2}})?|\d{{4}})"
_BETWEEN = re.compile(rf"\bbetween\s+({_DATE_RE})\s+and\s+({_DATE_RE})\b", re.I)
_SINCE = re.compile(rf"\b(?:since|from|after)\s+({_DATE_RE})\b", re.I)
_UNTIL = re.compile(rf"\b(?:until|till|to|before|through)\s+({_DATE_RE})\b", re.I)
_IN_YEAR = re.compile(r"\b(?:in|during)\s+(\d{4})\b", re.I)
_NEGATION = re.compile(r"\b(not|no longer|never|isn't|aren't|is\s+no|are\s+no)\b|n't\b", re.I)
# Acronyms that are ordinary words ("us") unless written in capitals.
_CASE_SENSITIVE = {"us", "uk", "uae", "usa", "prc", "drc", "rok", "dprk"}


@dataclass
class Question:
    """A parsed question: the two countries (ISO3, in the order asked), the
    relation asked about ('ally', 'friendly', 'hostile' or 'general'), an
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
    text = resources.files("allies.relations").joinpath("data", "relation_words.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row["word"].lower(): row["relation"] for row in csv.DictReader(lines, delimiter="\t")}


def _to_date(text: str, end: bool = False) -> dt.date:
    text = text.strip().rstrip(".")
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = int(text[:4]), int(text[5:])
        return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    parts = text.replace(".", "").split()
    day = int(parts[0]) if parts[0].isdigit() else None
    month = _MONTHS[parts[-2].lower()]
    year = int(parts[-1])
    if day is None:
        day = calendar.monthrange(year, month)[1] if end else 1
    return dt.date(year, month, day)


def _dates(text: str) -> tuple[str, dt.date | None, dt.date | None]:
    since = until = None
    try:
        match = _BETWEEN.search(text)
        if match:
            since, until = _to_date(match.group(1)), _to_date(match.group(2), end=True)
            text = text[:match.start()] + " " + text[match.end():]
        match = _SINCE.search(text)
        if match:
            since = _to_date(match.group(1))
            text = text[:match.start()] + " " + text[match.end():]
        match = _UNTIL.search(text)
        if match:
            until = _to_date(match.group(1), end=True)
            text = text[:match.start()] + " " + text[match.end():]
        match = _IN_YEAR.search(text)
        if match and since is None and until is None:
            since, until = _to_date(match.group(1)), _to_date(match.group(1), end=True)
            text = text[:match.start()] + " " + text[match.end():]
    except ValueError as exc:
        raise InputError(f"cannot read the date in the question: {exc}") from None
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


def find_countries(text: str) -> list[str]:
    """ISO3 codes of the countries named in ``text``, in order of first mention."""
    words = _tokens(text)
    found: list[str] = []
    i = 0
    while i < len(words):
        hit = None
        for size in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            code = _resolve_token_run(words[i:i + size])
            if code:
                hit = (code, size)
                break
        if hit is None and "-" in words[i].strip("-"):
            # "Russia-Azerbaijan": a hyphen joins two names unless the whole is one name.
            for part in words[i].split("-"):
                code = _resolve_token_run([part]) if part else None
                if code and code not in found:
                    found.append(code)
            i += 1
            continue
        if hit:
            if hit[0] not in found:
                found.append(hit[0])
            i += hit[1]
        else:
            i += 1
    return found


def parse_question(text: str) -> Question:
    """Parse a question or claim about two countries; InputError when the two
    countries cannot be told apart from the text."""
    if not text or not text.strip():
        raise InputError("empty question: ask e.g. \"Are Azerbaijan and Russia allies?\"")
    rest, since, until = _dates(text)
    countries = find_countries(rest)
    if len(countries) < 2:
        named = ", ".join(country_name(c) for c in countries) or "none"
        raise InputError(f"cannot tell which two countries the question is about (recognised: {named})")
    if len(countries) > 2:
        named = ", ".join(country_name(c) for c in countries)
        raise InputError(f"the question names more than two countries ({named}); ask about one pair")
    if since and until and since > until:
        raise InputError("the time window ends before it starts")
    words = _relation_words()
    relation = "general"
    for word in re.findall(r"[a-z]+", rest.lower()):
        if word in words:
            relation = words[word]
            break
    return Question(text=text.strip(), a=countries[0], b=countries[1], relation=relation,
                    since=since, until=until, negated=bool(_NEGATION.search(rest)))
