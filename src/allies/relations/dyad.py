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


from ..dates import iso, parse_window
from ..model import QUADS
from ..wording import plural
from .cache import FORCE_SQL, sources
from .countries import country_name

MATERIAL_WEIGHT = 2.0  # deeds weigh twice what words weigh (the verdict uses the same)
OCCUPATION_CAMEO = "192"  # occupy territory
MIN_STANCE_EVENTS = 3  # fewer events than this between two states: no stance
STANCE_THRESHOLD = 0.3  # (coop - conflict) / n beyond this: friend or adversary


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
    # rel_country_months is monthly: a window covers the months it touches.
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
        return balance_of(self.counts["verbal_cooperation"], self.counts["verbal_conflict"])

    @property
    def deeds(self) -> float | None:
        return balance_of(self.counts["material_cooperation"], self.counts["material_conflict"])

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
            "balance": _round(balance_of(self.cooperation, self.conflict)),
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
    force_a: int = 0  # counted acts of force between a and the third country, either way
    force_b: int = 0
    deeds_a: int = 0  # counted acts of material cooperation between a and the third country
    deeds_b: int = 0
    belies: bool = False  # a side works in deed (more than one act) with the other's armed foe, or is allied to it
    signal: float = 0.0  # > 0 brings a and b together, < 0 drives them apart
    reading: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"country": self.country, "stance_a": _round(self.stance_a), "stance_b": _round(self.stance_b),
                "events_a": self.events_a, "events_b": self.events_b, "formal_ally_of": self.formal_ally_of,
                "force_a": self.force_a, "force_b": self.force_b, "deeds_a": self.deeds_a, "deeds_b": self.deeds_b,
                "belies": self.belies,
                "signal": _round(self.signal), "reading": self.reading}


@dataclass
class Basis:
    """What the figures rest on, per origin ('coded' or a dataset): distinct
    reports (a sentence of a stored article, or one source document of a
    dataset row), source articles or documents, and days."""

    origin: str
    events: int
    reports: int
    sources: int
    days: int
    quad_reports: dict[str, int] = field(default_factory=dict)  # reports with at least one act of each quad class

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "events": self.events, "reports": self.reports,
                "sources": self.sources, "days": self.days, "quad_reports": self.quad_reports}


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
    violent: int = 0  # counted acts of force (CAMEO 18-20: assault, fighting, mass violence)
    force_days: int = 0  # distinct days on which force between them is reported
    force_reports: int = 0  # distinct reports of force between them
    force_by: dict[str, int] = field(default_factory=dict)  # side -> its reported acts of force
    occupation: int = 0  # counted reports of one occupying or seizing the other's territory
    basis: list[Basis] = field(default_factory=list)
    history: list[dict[str, Any]] | None = None  # yearly(), over all dates, when the window is narrower
    datasets: dict[str, dict[str, int]] = field(default_factory=dict)  # see dataset_counts

    @property
    def reports(self) -> int:
        return sum(b.reports for b in self.basis)

    def quad_reports(self) -> dict[str, int]:
        """Reports per quad class over every origin: a sentence coded both ways, or
        one source page behind several dataset rows, counts once."""
        return {q: sum(b.quad_reports.get(q, 0) for b in self.basis) for q in QUADS}

    @property
    def days(self) -> int:
        """Distinct days with reports (days of different origins may coincide: an upper bound)."""
        return sum(b.days for b in self.basis)

    @property
    def sources(self) -> int:
        return sum(b.sources for b in self.basis)

    def side(self, source: str, target: str) -> SideStats:
        return self.sides[f"{source}>{target}"]

    @property
    def directions(self) -> list[SideStats]:
        """Both sides' dealings with the other: a toward b, then b toward a."""
        return [self.side(self.a, self.b), self.side(self.b, self.a)]

    @property
    def counted_reports(self) -> int:
        """Reports in the window (rows when the analysis has no report figures)."""
        return self.reports or self.total

    @property
    def used_force(self) -> bool:
        """Whether either used force on the other or occupied its territory."""
        return self.violent > 0 or self.occupation > 0

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sides.values())

    def claims(self, role: str | None = None) -> tuple[int, int]:
        """(ally claims, not-ally claims), from every voice or one role's."""
        voices = [v for v in self.voices if role is None or v.role == role]
        return sum(v.ally_claims for v in voices), sum(v.not_ally_claims for v in voices)

    def yearly(self) -> list[dict[str, Any]]:
        """Per calendar year: events, cooperation and conflict (deeds weighted
        double, as in the verdict) and their balance, both directions together."""
        years: dict[str, list[float]] = {}
        for row in self.monthly:
            acc = years.setdefault(row["month"][:4], [0, 0.0, 0.0])
            weight = MATERIAL_WEIGHT if row["quad"].startswith("material") else 1.0
            acc[0] += row["events"]
            acc[1 if row["quad"].endswith("cooperation") else 2] += weight * row["events"]
        return [{"year": int(y), "events": int(n), "balance": _round(balance_of(c, k))}
                for y, (n, c, k) in sorted(years.items())]

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": [self.a, self.b], "since": iso(self.since), "until": iso(self.until),
            "yearly": self.yearly(),
            "directions": [s.to_dict() for s in self.sides.values()],
            "monthly": self.monthly,
            "voices": [v.to_dict() for v in self.voices],
            "third_parties": [t.to_dict() for t in self.third_parties],
            "violent_events": self.violent, "force_days": self.force_days,
            "force_reports": self.force_reports, "occupation": self.occupation,
            "basis": [b.to_dict() for b in self.basis],
            "history": self.history,
            "datasets": self.datasets,
        }


def balance_of(good: float, bad: float) -> float | None:
    """(good - bad) / (good + bad), or None when there is neither."""
    return None if good + bad == 0 else (good - bad) / (good + bad)


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else round(float(value), digits)


def dyad_rows(rel: str, a: str, b: str) -> tuple[str, list[Any]]:
    """SQL (and its parameters) for the dyad's rows of ``rel``, both directions.

    Two equality ranges joined by UNION ALL: on the sorted cache each is a
    contiguous run that zone maps find, which an IN or OR filter does not
    exploit as well."""
    return (f"(SELECT * FROM {rel} WHERE source_country = ? AND target_country = ? "
            f"UNION ALL SELECT * FROM {rel} WHERE source_country = ? AND target_country = ?)"), [a, b, b, a]


def _pull(store, rel: str, a: str, b: str, since, until) -> list[tuple]:
    """The dyad's counted events grouped by direction, month, quad and voice: one
    small result that every figure of the analysis is computed from."""
    dyad, dyad_params = dyad_rows(rel, a, b)
    where, params = window_sql(since, until)
    return store.con.execute(
        f"""SELECT source_country, target_country, month, quad, voice,
                   count(*) AS n, sum(goldstein) AS g, count(*) FILTER (WHERE {FORCE_SQL}) AS violent
            FROM {dyad} e WHERE counted {where}
            GROUP BY ALL""", [*dyad_params, *params]).fetchall()


def dataset_counts(store, rel: str, a: str, b: str, since=None, until=None) -> dict[str, dict[str, int]]:
    """Per dataset (``origin``: coded, gdelt, icews, ...), both directions: the reports
    that count for the dyad in the window and the rows found (counted or not: a report's
    further rows, weak or unasserted rows)."""
    return _datasets(_by_origin(store, rel, a, b, since, until))


def _datasets(by_origin: list[tuple]) -> dict[str, dict[str, int]]:
    """:func:`dataset_counts` from the per-origin rows, the most reports first."""
    ordered = sorted(by_origin, key=lambda row: (-row[1], row[0] is None, row[0] or ""))
    return {origin: {"reports": int(counted), "rows": int(found)} for origin, counted, found, *_ in ordered}


def format_datasets(datasets: dict[str, dict[str, int]]) -> str:
    """'gdelt 12 reports (40 rows), coded 3 reports (3 rows)'."""
    return ", ".join(f"{origin} {plural(c['reports'], 'report')} ({plural(c['rows'], 'row')})"
                     for origin, c in datasets.items())


def latest_evidence(store, a: str, b: str, source_tables: tuple[str, str, str] | None = None) -> dt.date | None:
    """The date of the latest counted event or alliance statement between ``a`` and ``b``."""
    rel, _, claims = source_tables or sources(store)
    dyad, dyad_params = dyad_rows(rel, a, b)
    lo, hi = sorted((a, b))
    return store.con.execute(
        f"""SELECT max(d) FROM (SELECT max(date) AS d FROM {dyad} e WHERE counted
                                UNION ALL SELECT max(date) FROM {claims} WHERE country_a = ? AND country_b = ?)""",
        [*dyad_params, lo, hi]).fetchone()[0]


def yearly_history(store, a: str, b: str, source_tables: tuple[str, str, str] | None = None) -> list[dict[str, Any]]:
    """Events and balance per calendar year over all dates (as DyadAnalysis.yearly)."""
    rel = (source_tables or sources(store))[0]
    years: dict[int, list[float]] = {}
    for _src, _tgt, month, quad, _voice, n, _g, _v in _pull(store, rel, a, b, None, None):
        if quad not in QUADS:
            continue
        acc = years.setdefault(month.year, [0, 0.0, 0.0])
        weight = MATERIAL_WEIGHT if quad.startswith("material") else 1.0
        acc[0] += n
        acc[1 if quad.endswith("cooperation") else 2] += weight * n
    return [{"year": y, "events": int(n), "balance": _round(balance_of(c, k))} for y, (n, c, k) in sorted(years.items())]


def _by_origin(store, rel: str, a: str, b: str, since, until) -> list[tuple]:
    """One pass over the dyad's rows in the window, per origin: counted rows, rows
    found, then the counted rows' figures :func:`_basis` reads (see there)."""
    dyad, dyad_params = dyad_rows(rel, a, b)
    where, params = window_sql(since, until)
    report_key = ("CASE WHEN article_id IS NOT NULL THEN CAST(article_id AS VARCHAR) || ':' || "
                  "CAST(coalesce(sentence_index, -1) AS VARCHAR) ELSE coalesce(url, CAST(event_id AS VARCHAR)) END")
    source_key = "coalesce(CAST(article_id AS VARCHAR), url, CAST(event_id AS VARCHAR))"
    force = f"counted AND {FORCE_SQL}"
    return store.con.execute(
        f"""SELECT origin, count(*) FILTER (WHERE counted), count(*),
                   count(DISTINCT {report_key}) FILTER (WHERE counted),
                   count(DISTINCT {source_key}) FILTER (WHERE counted),
                   count(DISTINCT date) FILTER (WHERE counted),
                   list(DISTINCT date) FILTER (WHERE {force}),
                   count(*) FILTER (WHERE {force} AND source_country = ?),
                   count(*) FILTER (WHERE {force} AND source_country = ?),
                   count(DISTINCT {report_key}) FILTER (WHERE counted AND quad = 'material_conflict'
                                                        AND cameo LIKE '{OCCUPATION_CAMEO}%'),
                   list(DISTINCT {report_key}) FILTER (WHERE {force}),
                   {", ".join(f"count(DISTINCT {report_key}) FILTER (WHERE counted AND quad = '{q}')" for q in QUADS)}
            FROM {dyad} e WHERE true {where} GROUP BY origin ORDER BY origin""",
        [a, b, *dyad_params, *params]).fetchall()


def _basis(by_origin: list[tuple], a: str, b: str) -> tuple[list[Basis], int, int, dict[str, int], int]:
    """Distinct reports, sources and days per origin, and the days with force and
    the reports of occupation, over counted events. A coded report is one sentence
    (a sentence coded in both directions is one report); a dataset row is its own
    report unless rows share a source URL."""
    basis, days, force_reports, by, occupation = [], set(), set(), {a: 0, b: 0}, 0
    for origin, n, _found, reports, sources_, n_days, force_days, by_a, by_b, occ, force_keys, *per_quad in by_origin:
        if not n:
            continue  # an origin with no counted event between them is no basis
        basis.append(Basis(origin, n, reports, sources_, n_days, dict(zip(QUADS, per_quad))))
        days.update(force_days or ())
        force_reports.update((origin, k) for k in force_keys or ())
        by[a] += by_a
        by[b] += by_b
        occupation += occ
    return basis, len(days), len(force_reports), by, occupation


def _slope(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope; None for fewer than three months (no trend to speak of)."""
    if len(points) < 3:
        return None
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    sxx = sum((p[0] - mx) ** 2 for p in points)
    return None if sxx == 0 else sum((p[0] - mx) * (p[1] - my) for p in points) / sxx


def analyse(store, a: str, b: str, since=None, until=None, formal_allies: dict[str, set[str]] | None = None,
            source_tables: tuple[str, str] | None = None) -> DyadAnalysis:
    """Every figure the verdict needs, for the dyad ``a``-``b`` (ISO3 codes)."""
    since, until = parse_window(since, until)
    rel, country_months, claims = source_tables or sources(store)
    rows = _pull(store, rel, a, b, since, until)

    sides = {f"{x}>{y}": SideStats(x, y) for x, y in ((a, b), (b, a))}
    months: dict[tuple[str, str, str, str], list[float]] = {}   # (month, src, tgt, quad) -> [n, gsum]
    per_month: dict[tuple[str, str], dict[dt.date, list[float]]] = {}
    voice_acc: dict[str | None, list[float]] = {}  # voice -> [n, coop, conf, gsum, ally, not_ally]
    gold = {key: [0, 0.0] for key in sides}
    violent = 0
    for src, tgt, month, quad, voice, n, g, v in rows:
        key = f"{src}>{tgt}"
        if quad not in QUADS:
            continue
        violent += v if quad == "material_conflict" else 0
        acc = voice_acc.setdefault(voice, [0, 0, 0, 0.0, 0, 0])
        sides[key].counts[quad] += n
        gold[key][0] += n
        gold[key][1] += g
        cell = months.setdefault((month, src, tgt, quad), [0, 0.0])
        cell[0] += n
        cell[1] += g
        pm = per_month.setdefault((src, tgt), {}).setdefault(month, [0, 0.0])
        pm[0] += n
        pm[1] += g
        acc[0] += n
        acc[1] += n if quad.endswith("cooperation") else 0
        acc[2] += n if quad.endswith("conflict") else 0
        acc[3] += g
    for key, side in sides.items():
        n, g = gold[key]
        side.goldstein_mean = g / n if n else None
        points = sorted(per_month.get((side.source, side.target), {}).items())
        side.trend_per_month = _slope([(m.year * 12 + m.month, v[1] / v[0]) for m, v in points])
    # Statements about the tie come from rel_claims (one per sentence and pair).
    lo, hi = sorted((a, b))
    where, params = window_sql(since, until)
    for voice, claim, n in store.con.execute(
            f"SELECT voice, claim, count(*) FROM {claims} WHERE country_a = ? AND country_b = ? {where} GROUP BY ALL",
            [lo, hi, *params]).fetchall():
        if claim == "partner":
            continue  # a "strategic partner" is no ally: the partnership is cooperation, not a claim of alliance
        acc = voice_acc.setdefault(voice, [0, 0, 0, 0.0, 0, 0])
        acc[5 if claim == "not_ally" else 4] += n
    monthly = [{"month": f"{m.year:04d}-{m.month:02d}", "source": s_, "target": t_, "quad": q, "events": v[0],
                "goldstein_mean": round(v[1] / v[0], 3)}
               for (m, s_, t_, q), v in sorted(months.items())]
    voices = []
    for voice, (n, coop, conf, g, ally, not_ally) in sorted(voice_acc.items(), key=lambda kv: -kv[1][0]):
        role = "a" if voice == a else "b" if voice == b else "unattributed" if voice is None else "third"
        voices.append(Voice(voice, role, n, coop, conf, g / n if n else None, ally, not_ally))

    third = third_parties(store, a, b, since, until, country_months, formal_allies or {})
    by_origin = _by_origin(store, rel, a, b, since, until)
    basis, force_days, force_reports, force_by, occupation = _basis(by_origin, a, b)
    return DyadAnalysis(a, b, since, until, sides, monthly, voices, third, violent, force_days, force_reports,
                        force_by, occupation, basis, datasets=_datasets(by_origin))


def third_parties(store, a, b, since, until, country_months, formal_allies: dict[str, set[str]]) -> list[ThirdParty]:
    """Third countries both sides deal with, and what their dealings say about a-b.

    Signals: a cooperating with b's adversary (or b with a's) and one side being
    hostile to the other's friend drive the two apart; a shared adversary draws
    them together. A formal ally counts as a friend whatever the events say.
    """
    where, params = _month_window(since, until)
    # Each side's partners are one contiguous run of the per-country table.
    rows = store.query(
        f"""WITH d AS (
              SELECT country AS side, other, n, force, quad,
                     CASE WHEN quad LIKE '%cooperation' THEN n ELSE 0 END
                       - CASE WHEN quad LIKE '%conflict' THEN n ELSE 0 END AS net
              FROM (SELECT * FROM {country_months} WHERE country = ?
                    UNION ALL SELECT * FROM {country_months} WHERE country = ?)
              WHERE other NOT IN (?, ?) {where})
            SELECT other,
                   coalesce(sum(force) FILTER (WHERE side = ?), 0) AS force_a,
                   coalesce(sum(force) FILTER (WHERE side = ?), 0) AS force_b,
                   coalesce(sum(n) FILTER (WHERE side = ? AND quad = 'material_cooperation'), 0) AS deeds_a,
                   coalesce(sum(n) FILTER (WHERE side = ? AND quad = 'material_cooperation'), 0) AS deeds_b,
                   coalesce(sum(n) FILTER (WHERE side = ?), 0) AS n_a,
                   sum(net) FILTER (WHERE side = ?) / nullif(sum(n) FILTER (WHERE side = ?), 0) AS stance_a,
                   coalesce(sum(n) FILTER (WHERE side = ?), 0) AS n_b,
                   sum(net) FILTER (WHERE side = ?) / nullif(sum(n) FILTER (WHERE side = ?), 0) AS stance_b
            FROM d GROUP BY other""",
        [a, b, a, b, *params, a, b, a, b, a, a, a, b, b, b])
    by_country = {r["other"]: r for r in rows}
    for friends in formal_allies.values():
        for country in friends:
            by_country.setdefault(country, {"other": country, "n_a": 0, "stance_a": None, "n_b": 0, "stance_b": None,
                                            "force_a": 0, "force_b": 0, "deeds_a": 0, "deeds_b": 0})

    out = []
    for country, r in by_country.items():
        if country in (a, b) or country is None:
            continue
        tp = ThirdParty(country, r["stance_a"], r["stance_b"], int(r["n_a"]), int(r["n_b"]),
                        sorted(s for s, friends in formal_allies.items() if country in friends),
                        int(r["force_a"]), int(r["force_b"]), int(r["deeds_a"]), int(r["deeds_b"]))
        rel_a = _relation(tp.stance_a, tp.events_a, a in tp.formal_ally_of, tp.force_a)
        rel_b = _relation(tp.stance_b, tp.events_b, b in tp.formal_ally_of, tp.force_b)
        weight = math.log1p(min(max(tp.events_a, 1), max(tp.events_b, 1)))
        na, nb, nc = country_name(a), country_name(b), country_name(country)
        if rel_a == "friend" and rel_b == "adversary":
            tp.signal, tp.reading = -weight, f"{na} is on good terms with {nc}, an adversary of {nb}"
            tp.belies = tp.deeds_a > 1 or a in tp.formal_ally_of
        elif rel_b == "friend" and rel_a == "adversary":
            tp.signal, tp.reading = -weight, f"{nb} is on good terms with {nc}, an adversary of {na}"
            tp.belies = tp.deeds_b > 1 or b in tp.formal_ally_of
        elif rel_a == "adversary" and rel_b == "adversary":
            tp.signal, tp.reading = weight / 2, f"{na} and {nb} share an adversary in {nc}"
        elif rel_a == "friend" and rel_b == "friend" and min(tp.events_a, tp.events_b) >= MIN_STANCE_EVENTS:
            # Shared treaty partners alone say nothing new: only reported dealings count here.
            tp.signal, tp.reading = weight / 4, f"{na} and {nb} are both on good terms with {nc}"
        if tp.reading:
            out.append(tp)
    out.sort(key=lambda t: (-abs(t.signal), t.country))
    return out


def _relation(stance: float | None, events: int, formal: bool, force: int = 0) -> str | None:
    """friend, adversary or None. An adversary is one force passed with: sanctions,
    expulsions and harsh words between partners are a quarrel, and working with a
    state the other quarrels with says nothing about the pair."""
    if formal:
        return "friend"
    if stance is None or events < MIN_STANCE_EVENTS:
        return None
    if stance >= STANCE_THRESHOLD:
        return "friend"
    if stance <= -STANCE_THRESHOLD and force > 0:
        return "adversary"
    return None
