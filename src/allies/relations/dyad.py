"""Dyad analysis in DuckDB: what each side does to the other, month by month,
what each side says, where words and deeds part, and how each side treats the
other's friends and adversaries.

Only counted events (asserted, not negated) enter the figures; statements
about the tie itself ("an ally", "not an ally") are counted separately as
claims, denied ones included. Every query reads the sorted cache
(:mod:`allies.relations.cache`), so one dyad costs a few row groups.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..model import QUADS
from .cache import sources
from .countries import country_name

MIN_STANCE_EVENTS = 3  # fewer events than this between two states: no stance
STANCE_THRESHOLD = 0.3  # (coop - conflict) / n beyond this: friend or adversary


def parse_day(value: Any, what: str) -> dt.date | None:
    """An ISO date (or year, or year-month) from the user; InputError if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-":
            return dt.date(int(text[:4]), int(text[5:]), 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD): {text!r}") from None


def window_sql(since: dt.date | None, until: dt.date | None, column: str = "date") -> tuple[str, list[Any]]:
    parts, params = [], []
    if since:
        parts.append(f"{column} >= ?")
        params.append(since)
    if until:
        parts.append(f"{column} <= ?")
        params.append(until)
    return (" AND " + " AND ".join(parts)) if parts else "", params


def _month_window(since, until):
    # rel_pair_months is monthly: a window covers the months it touches.
    return window_sql(since.replace(day=1) if since else None, until, "month")


@dataclass
class SideStats:
    """What one side (``source``) did to the other (``target``)."""

    source: str
    target: str
    counts: dict[str, int] = field(default_factory=lambda: {q: 0 for q in QUADS})
    goldstein_mean: float | None = None
    trend_per_month: float | None = None  # slope of the monthly Goldstein mean

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cooperation(self) -> int:
        return self.counts["verbal_cooperation"] + self.counts["material_cooperation"]

    @property
    def conflict(self) -> int:
        return self.counts["verbal_conflict"] + self.counts["material_conflict"]

    @property
    def words(self) -> float | None:
        """Balance of verbal cooperation over verbal conflict, -1..1 (None without words)."""
        return _balance(self.counts["verbal_cooperation"], self.counts["verbal_conflict"])

    @property
    def deeds(self) -> float | None:
        return _balance(self.counts["material_cooperation"], self.counts["material_conflict"])

    @property
    def gap(self) -> str | None:
        """'words_cooperate_deeds_conflict', the reverse, or None."""
        words, deeds = self.words, self.deeds
        if words is None or deeds is None:
            return None
        if words >= STANCE_THRESHOLD and deeds <= -STANCE_THRESHOLD:
            return "words_cooperate_deeds_conflict"
        if words <= -STANCE_THRESHOLD and deeds >= STANCE_THRESHOLD:
            return "words_conflict_deeds_cooperate"
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "target": self.target, "counts": dict(self.counts), "total": self.total,
            "cooperation": self.cooperation, "conflict": self.conflict,
            "balance": _balance(self.cooperation, self.conflict),
            "material": self.counts["material_cooperation"] + self.counts["material_conflict"],
            "verbal": self.counts["verbal_cooperation"] + self.counts["verbal_conflict"],
            "goldstein_mean": _round(self.goldstein_mean), "trend_per_month": _round(self.trend_per_month, 4),
            "words": _round(self.words), "deeds": _round(self.deeds), "gap": self.gap,
        }


@dataclass
class Voice:
    """The dyad as told by one country's speakers (or by nobody named)."""

    country: str | None  # None: unattributed
    role: str  # 'a', 'b', 'third' or 'unattributed'
    events: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None
    ally_claims: int
    not_ally_claims: int

    def to_dict(self) -> dict[str, Any]:
        return {"country": self.country, "role": self.role, "events": self.events, "cooperation": self.cooperation,
                "conflict": self.conflict, "goldstein_mean": _round(self.goldstein_mean),
                "ally_claims": self.ally_claims, "not_ally_claims": self.not_ally_claims}


@dataclass
class ThirdParty:
    """How the two sides each stand with a third country."""

    country: str
    stance_a: float | None  # (coop - conflict) / n between a and the third, both directions
    stance_b: float | None
    events_a: int
    events_b: int
    formal_ally_of: list[str] = field(default_factory=list)
    signal: float = 0.0  # > 0 brings a and b together, < 0 drives them apart
    reading: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"country": self.country, "stance_a": _round(self.stance_a), "stance_b": _round(self.stance_b),
                "events_a": self.events_a, "events_b": self.events_b, "formal_ally_of": self.formal_ally_of,
                "signal": _round(self.signal), "reading": self.reading}


@dataclass
class DyadAnalysis:
    a: str
    b: str
    since: dt.date | None
    until: dt.date | None
    sides: dict[str, SideStats]  # keyed "A>B"
    monthly: list[dict[str, Any]]
    voices: list[Voice]
    third_parties: list[ThirdParty]

    def side(self, source: str, target: str) -> SideStats:
        return self.sides[f"{source}>{target}"]

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sides.values())

    def claims(self, role: str | None = None) -> tuple[int, int]:
        """(ally claims, not-ally claims), from every voice or one role's."""
        voices = [v for v in self.voices if role is None or v.role == role]
        return sum(v.ally_claims for v in voices), sum(v.not_ally_claims for v in voices)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": [self.a, self.b], "since": _iso(self.since), "until": _iso(self.until),
            "directions": [s.to_dict() for s in self.sides.values()],
            "monthly": self.monthly,
            "voices": [v.to_dict() for v in self.voices],
            "third_parties": [t.to_dict() for t in self.third_parties],
        }


def _balance(good: float, bad: float) -> float | None:
    return None if good + bad == 0 else (good - bad) / (good + bad)


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else round(float(value), digits)


def _iso(day):
    return day.isoformat() if day else None


def monthly_rows(store, a: str, b: str, since=None, until=None, rel: str | None = None) -> list[dict[str, Any]]:
    """Counted events per month, direction and quad class, with the Goldstein mean."""
    if rel is None:
        rel, _ = sources(store)
    where, params = window_sql(since, until)
    rows = store.query(
        f"""SELECT strftime(month, '%Y-%m') AS month, source_country AS source, target_country AS target, quad,
                   count(*) AS events, round(avg(goldstein), 3) AS goldstein_mean
            FROM {rel}
            WHERE source_country IN (?, ?) AND target_country IN (?, ?) AND source_country <> target_country
              AND counted {where}
            GROUP BY ALL ORDER BY month, source, quad""",
        [a, b, a, b, *params])
    return rows


def analyse(store, a: str, b: str, since=None, until=None, formal_allies: dict[str, set[str]] | None = None) -> DyadAnalysis:
    """Every figure the verdict needs, for the dyad ``a``-``b`` (ISO3 codes)."""
    since, until = parse_day(since, "since"), parse_day(until, "until")
    rel, pair_months = sources(store)
    where, params = window_sql(since, until)
    dyad = "source_country IN (?, ?) AND target_country IN (?, ?) AND source_country <> target_country"

    sides = {f"{x}>{y}": SideStats(x, y) for x, y in ((a, b), (b, a))}
    for row in store.query(
            f"""SELECT source_country, target_country, quad, count(*) AS n, avg(goldstein) AS g
                FROM {rel} WHERE {dyad} AND counted {where} GROUP BY ALL""", [a, b, a, b, *params]):
        if row["quad"] in QUADS:
            sides[f"{row['source_country']}>{row['target_country']}"].counts[row["quad"]] = row["n"]
    for row in store.query(
            f"""WITH m AS (SELECT source_country, target_country, month, avg(goldstein) AS g, count(*) AS n
                           FROM {rel} WHERE {dyad} AND counted {where} GROUP BY ALL)
                SELECT source_country, target_country, sum(g * n) / sum(n) AS mean,
                       -- a trend needs at least three months to mean anything
                       CASE WHEN count(*) >= 3 THEN regr_slope(g, datediff('month', DATE '2000-01-01', month)) END AS slope
                FROM m GROUP BY ALL""", [a, b, a, b, *params]):
        side = sides[f"{row['source_country']}>{row['target_country']}"]
        side.goldstein_mean, side.trend_per_month = row["mean"], row["slope"]

    monthly = monthly_rows(store, a, b, since, until, rel=rel)

    voices = []
    for row in store.query(
            f"""SELECT voice, count(*) FILTER (WHERE counted) AS n,
                       count(*) FILTER (WHERE counted AND quad LIKE '%cooperation') AS coop,
                       count(*) FILTER (WHERE counted AND quad LIKE '%conflict') AS conf,
                       avg(goldstein) FILTER (WHERE counted) AS g,
                       count(*) FILTER (WHERE claim IN ('ally', 'partner')) AS ally,
                       count(*) FILTER (WHERE claim = 'not_ally') AS not_ally
                FROM {rel} WHERE {dyad} AND (counted OR claim IS NOT NULL) {where}
                GROUP BY voice ORDER BY n DESC""", [a, b, a, b, *params]):
        voice = row["voice"]
        role = "a" if voice == a else "b" if voice == b else "unattributed" if voice is None else "third"
        voices.append(Voice(voice, role, row["n"], row["coop"], row["conf"], row["g"], row["ally"], row["not_ally"]))

    third = third_parties(store, a, b, since, until, pair_months, formal_allies or {})
    return DyadAnalysis(a, b, since, until, sides, monthly, voices, third)


def third_parties(store, a, b, since, until, pair_months, formal_allies: dict[str, set[str]]) -> list[ThirdParty]:
    """Third countries both sides deal with, and what their dealings say about a-b.

    Signals: a cooperating with b's adversary (or b with a's) and one side being
    hostile to the other's friend drive the two apart; a shared adversary draws
    them together. A formal ally counts as a friend whatever the events say.
    """
    where, params = _month_window(since, until)
    rows = store.query(
        f"""WITH d AS (
              SELECT CASE WHEN source_country IN (?, ?) THEN source_country ELSE target_country END AS side,
                     CASE WHEN source_country IN (?, ?) THEN target_country ELSE source_country END AS other,
                     sum(n) AS n,
                     sum(n) FILTER (WHERE quad LIKE '%cooperation') AS coop,
                     sum(n) FILTER (WHERE quad LIKE '%conflict') AS conf
              FROM {pair_months}
              WHERE (source_country IN (?, ?) OR target_country IN (?, ?))
                AND NOT (source_country IN (?, ?) AND target_country IN (?, ?)) {where}
              GROUP BY ALL)
            SELECT other,
                   coalesce(sum(n) FILTER (WHERE side = ?), 0) AS n_a,
                   sum(coop - conf) FILTER (WHERE side = ?) / nullif(sum(n) FILTER (WHERE side = ?), 0) AS stance_a,
                   coalesce(sum(n) FILTER (WHERE side = ?), 0) AS n_b,
                   sum(coop - conf) FILTER (WHERE side = ?) / nullif(sum(n) FILTER (WHERE side = ?), 0) AS stance_b
            FROM (SELECT side, other, n, coalesce(coop, 0) AS coop, coalesce(conf, 0) AS conf FROM d)
            GROUP BY other""",
        [a, b, a, b, a, b, a, b, a, b, a, b, *params, a, a, a, b, b, b])
    by_country = {r["other"]: r for r in rows}
    for side, friends in formal_allies.items():
        for country in friends:
            by_country.setdefault(country, {"other": country, "n_a": 0, "stance_a": None, "n_b": 0, "stance_b": None})

    out = []
    for country, r in by_country.items():
        if country in (a, b) or country is None:
            continue
        tp = ThirdParty(country, r["stance_a"], r["stance_b"], int(r["n_a"]), int(r["n_b"]),
                        sorted(s for s, friends in formal_allies.items() if country in friends))
        rel_a = _relation(tp.stance_a, tp.events_a, a in tp.formal_ally_of)
        rel_b = _relation(tp.stance_b, tp.events_b, b in tp.formal_ally_of)
        weight = math.log1p(min(max(tp.events_a, 1), max(tp.events_b, 1)))
        na, nb, nc = country_name(a), country_name(b), country_name(country)
        if rel_a == "friend" and rel_b == "adversary":
            tp.signal, tp.reading = -weight, f"{na} is on good terms with {nc}, an adversary of {nb}"
        elif rel_b == "friend" and rel_a == "adversary":
            tp.signal, tp.reading = -weight, f"{nb} is on good terms with {nc}, an adversary of {na}"
        elif rel_a == "adversary" and rel_b == "adversary":
            tp.signal, tp.reading = weight / 2, f"{na} and {nb} share an adversary in {nc}"
        elif rel_a == "friend" and rel_b == "friend" and min(tp.events_a, tp.events_b) >= MIN_STANCE_EVENTS:
            # Shared treaty partners alone say nothing new: only reported dealings count here.
            tp.signal, tp.reading = weight / 4, f"{na} and {nb} are both on good terms with {nc}"
        if tp.reading:
            out.append(tp)
    out.sort(key=lambda t: (-abs(t.signal), t.country))
    return out


def _relation(stance: float | None, events: int, formal: bool) -> str | None:
    if formal:
        return "friend"
    if stance is None or events < MIN_STANCE_EVENTS:
        return None
    if stance >= STANCE_THRESHOLD:
        return "friend"
    if stance <= -STANCE_THRESHOLD:
        return "adversary"
    return None
