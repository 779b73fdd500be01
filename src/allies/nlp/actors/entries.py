"""What the knowledge base knows: sectors and roles, office terms, alias entries, matches."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tokens import Token

SECTOR_SUFFIX = {
    "government": "GOV", "military": "MIL", "legislature": "LEG", "judiciary": "JUD",
    "police": "COP", "rebels": "REB", "opposition": "OPP", "business": "BUS",
    "media": "MED", "civilians": "CVL", "experts": "EXP",
}
# CAMEO sector suffix -> sector ("REB" -> "rebels").
SUFFIX_SECTOR = {suffix: sector for sector, suffix in SECTOR_SUFFIX.items()}
ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "org_head",
         "council_president", "high_representative", "presidential_spokesperson",
         "foreign_ministry_spokesperson", "chief_of_staff", "national_security_adviser", "foreign_secretary",
         "vice_president", "figure")
# "chief_of_staff": of the head of state or government (the White House, the Ukrainian
# presidential office); "foreign_secretary": the senior official of a foreign ministry
# below its minister (India's), not a minister styled so (Britain's is foreign_minister).
# "figure": a notable person who holds no listed office (an opposition or rebel leader);
# figures are never office holders, and their terms may have no start date.

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


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
