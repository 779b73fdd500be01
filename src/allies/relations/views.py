"""Tables over the dyad cache: the monthly dyad table and a country's network."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from ..dates import iso, parse_window
from ..errors import InputError
from ..wording import plural
from .answer import resolve_pair
from .cache import sources
from .countries import country_name, resolve_country
from .dyad import (
    MATERIAL_WEIGHT,
    SideStats,
    _month_window,
    _slope,
    dataset_counts,
    dyad_rows,
    format_datasets,
    window_sql,
)
from .ties import FormalTie, ties_between, ties_of
from .verdict import COOPERATIVE_AT, TENSE_BELOW

QUAD_SHORT = {"verbal_cooperation": "vcoop", "material_cooperation": "mcoop",
              "verbal_conflict": "vconf", "material_conflict": "mconf"}


@dataclass
class DyadTable:
    """Monthly counts by direction and quad class for one dyad.

    ``rows``: ``{month, source, target, verbal_cooperation, material_cooperation,
    verbal_conflict, material_conflict, events, goldstein_mean}`` per month and
    direction; ``directions``: per-direction totals, balance of cooperation
    and conflict, material against verbal, words against deeds and trend."""

    a: str
    b: str
    since: dt.date | None
    until: dt.date | None
    rows: list[dict[str, Any]]
    directions: list[SideStats]
    datasets: dict[str, dict[str, int]] = field(default_factory=dict)  # per origin: reports, rows

    def to_dict(self) -> dict[str, Any]:
        return {"dyad": [self.a, self.b], "names": [country_name(self.a), country_name(self.b)],
                "since": iso(self.since), "until": iso(self.until), "rows": self.rows,
                "directions": [d.to_dict() for d in self.directions], "datasets": self.datasets}

    def to_text(self) -> str:
        head = f"{'month':<8} {'direction':<9} " + " ".join(f"{QUAD_SHORT[q]:>6}" for q in QUAD_SHORT) + f" {'events':>6} {'gold':>6}"
        lines = [f"{country_name(self.a)} – {country_name(self.b)}: monthly events by direction and quad class", head]
        for r in self.rows:
            quads = " ".join(f"{r[q]:>6}" for q in QUAD_SHORT)
            gold = "" if r["goldstein_mean"] is None else f"{r['goldstein_mean']:+.2f}"
            lines.append(f"{r['month']:<8} {r['source'] + '>' + r['target']:<9} {quads} {r['events']:>6} {gold:>6}")
        if not self.rows:
            lines.append("(no counted events in the window)")
        lines.append("")
        for d in self.directions:
            x = d.to_dict()
            bal = "n/a" if x["balance"] is None else f"{x['balance']:+.2f}"
            trend = "n/a" if x["trend_per_month"] is None else f"{x['trend_per_month']:+.3f}/month"
            gap = {"words_cooperate_deeds_conflict": "cooperative words, conflictual deeds",
                   "words_conflict_deeds_cooperate": "conflictual words, cooperative deeds"}.get(x["gap"], "none")
            lines.append(f"{d.source}>{d.target}: {plural(x['total'], 'event')}, balance {bal}, material {x['material']} / "
                         f"verbal {x['verbal']}, trend {trend}, words-deeds gap: {gap}")
        if self.datasets:
            lines.append(f"By dataset: {format_datasets(self.datasets)}")
        return "\n".join(lines)


def dyad_table(store, x: str, y: str, since=None, until=None) -> DyadTable:
    """The monthly table behind ``allies dyad X Y`` (countries by name or code)."""
    a, b = resolve_pair(x, y)
    since, until = parse_window(since, until)
    rel, _, _ = sources(store)
    dyad, dyad_params = dyad_rows(rel, a, b)
    where, params = window_sql(since, until)
    rows = store.query(
        f"""SELECT strftime(month, '%Y-%m') AS month, source_country AS source, target_country AS target,
                   count(*) FILTER (WHERE quad = 'verbal_cooperation') AS verbal_cooperation,
                   count(*) FILTER (WHERE quad = 'material_cooperation') AS material_cooperation,
                   count(*) FILTER (WHERE quad = 'verbal_conflict') AS verbal_conflict,
                   count(*) FILTER (WHERE quad = 'material_conflict') AS material_conflict,
                   count(*) AS events, round(avg(goldstein), 3) AS goldstein_mean
            FROM {dyad} e
            WHERE counted {where}
            GROUP BY ALL ORDER BY month, source""", [*dyad_params, *params])
    sides = {(a, b): SideStats(a, b), (b, a): SideStats(b, a)}
    per_side: dict[tuple[str, str], list[tuple[int, float, int]]] = {k: [] for k in sides}
    for r in rows:
        side = sides[(r["source"], r["target"])]
        for q in QUAD_SHORT:
            side.counts[q] += r[q]
        year, month = map(int, r["month"].split("-"))
        per_side[(r["source"], r["target"])].append((year * 12 + month, r["goldstein_mean"], r["events"]))
    for key, points in per_side.items():
        side = sides[key]
        n = sum(p[2] for p in points)
        if n:
            side.goldstein_mean = sum(p[1] * p[2] for p in points) / n
        side.trend_per_month = _slope([(p[0], p[1]) for p in points])
    return DyadTable(a, b, since, until, rows, list(sides.values()), dataset_counts(store, rel, a, b, since, until))


@dataclass
class Partner:
    country: str
    events: int
    cooperation: float
    conflict: float
    balance: float | None
    goldstein_mean: float | None
    ally_claims: int
    not_ally_claims: int
    ties: list[FormalTie] = field(default_factory=list)
    standing: str = "unknown"
    score: float = 0.0

    def to_dict(self, on: dt.date) -> dict[str, Any]:
        return {"country": self.country, "name": country_name(self.country), "standing": self.standing,
                "score": round(self.score, 3), "events": self.events,
                "balance": None if self.balance is None else round(self.balance, 3),
                "goldstein_mean": None if self.goldstein_mean is None else round(self.goldstein_mean, 3),
                "ally_claims": self.ally_claims, "not_ally_claims": self.not_ally_claims,
                "formal_ties": [t.name for t in self.ties if t.status_on(on) == "active"]}


@dataclass
class Network:
    """One country's relations with all others, ranked closest first."""

    country: str
    since: dt.date | None
    until: dt.date | None
    partners: list[Partner]
    on: dt.date

    def to_dict(self) -> dict[str, Any]:
        return {"country": self.country, "name": country_name(self.country), "since": iso(self.since),
                "until": iso(self.until), "partners": [p.to_dict(self.on) for p in self.partners]}

    def to_text(self, limit: int | None = None) -> str:
        lines = [f"{country_name(self.country)}: relations ranked from closest to most hostile",
                 f"{'rank':>4}  {'country':<28} {'standing':<12} {'events':>7} {'balance':>8}  formal ties"]
        for i, p in enumerate(self.partners[:limit] if limit else self.partners, 1):
            d = p.to_dict(self.on)
            bal = "" if d["balance"] is None else f"{d['balance']:+.2f}"
            lines.append(f"{i:>4}  {d['name'][:28]:<28} {p.standing:<12} {p.events:>7} {bal:>8}  {', '.join(d['formal_ties'])}")
        if not self.partners:
            lines.append("(no events or formal ties involving this country)")
        else:
            lines.append("Ranked by standing, then balance: -1 only conflict ... +1 only cooperation, deeds counting double.")
        return "\n".join(lines)


def network(store, x: str, since=None, until=None, min_events: int = 1) -> Network:
    """Relations of ``x`` with every country it has events or formal ties with."""
    country = resolve_country(x)
    if not country:
        raise InputError(f"unknown country: {x!r}")
    since, until = parse_window(since, until)
    _, country_months, claims = sources(store)
    where, params = _month_window(since, until)
    claim_where, claim_params = window_sql(since, until)
    rows = store.query(
        f"""WITH ev AS (
                SELECT other, sum(n) AS n,
                       sum(CASE quad WHEN 'verbal_cooperation' THEN n WHEN 'material_cooperation' THEN {MATERIAL_WEIGHT} * n ELSE 0 END) AS coop,
                       sum(CASE quad WHEN 'verbal_conflict' THEN n WHEN 'material_conflict' THEN {MATERIAL_WEIGHT} * n ELSE 0 END) AS conf,
                       sum(goldstein_sum) / nullif(sum(n), 0) AS g
                FROM {country_months} WHERE country = ? {where} GROUP BY other),
            cl AS (
                SELECT CASE WHEN country_a = ? THEN country_b ELSE country_a END AS other,
                       count(*) FILTER (WHERE claim <> 'not_ally') AS ally,
                       count(*) FILTER (WHERE claim = 'not_ally') AS not_ally
                FROM {claims} WHERE (country_a = ? OR country_b = ?) {claim_where} GROUP BY other)
            SELECT other, coalesce(ev.n, 0) AS n, coalesce(coop, 0) AS coop, coalesce(conf, 0) AS conf, g,
                   coalesce(ally, 0) AS ally, coalesce(not_ally, 0) AS not_ally
            FROM ev FULL JOIN cl USING (other)
            WHERE coalesce(ev.n, 0) >= ? OR coalesce(ally, 0) + coalesce(not_ally, 0) > 0""",
        [country, *params, country, country, country, *claim_params, min_events])
    on = min(until, dt.date.today()) if until else dt.date.today()
    partners = {}
    for r in rows:
        coop, conf = float(r["coop"]), float(r["conf"])
        balance = None if coop + conf == 0 else (coop - conf) / (coop + conf)
        partners[r["other"]] = Partner(r["other"], int(r["n"]), coop, conf, balance,
                                       None if r["g"] is None else float(r["g"]), int(r["ally"]), int(r["not_ally"]))
    for tie in ties_of(store, country):
        # Ties in force (or suspended) at the window's end; long-ended ones are history.
        if not tie.overlaps(since, until) or tie.status_on(on) in ("ended", "not_yet"):
            continue
        other = tie.country_b if tie.country_a == country else tie.country_a
        partners.setdefault(other, Partner(other, 0, 0, 0, None, None, 0, 0)).ties.append(tie)
    for p in partners.values():
        allied = any(t.alliance and t.status_on(on) == "active" for t in p.ties)
        amount = 1 - math.exp(-p.events / 15)
        p.standing = _standing(p, allied)
        # An alliance on paper lifts a partner, fully only when nothing disputes it.
        p.score = (p.balance or 0.0) * amount + (0.5 if p.standing == "allied" else 0.25 if allied else 0.0)
    # Closest first: by standing, then balance, so an allied partner never ranks below a cooperative one.
    ranked = sorted(partners.values(), key=lambda p: (STANDING_ORDER.index(p.standing), -(p.balance or 0.0),
                                                      -p.score, -p.events, p.country))
    return Network(country, since, until, ranked, on)


STANDING_ORDER = ("allied", "cooperative", "mixed", "unknown", "tense", "hostile")


def _standing(p: Partner, allied: bool) -> str:
    """The verdict scale applied to aggregate figures (no claims or third parties)."""
    if p.events < 3 or p.balance is None:
        return "allied" if allied else "unknown"
    if p.balance <= -0.5 and p.conflict > 0:
        return "hostile"
    if p.balance < TENSE_BELOW:
        return "tense"
    if p.balance < COOPERATIVE_AT:
        return "mixed"
    return "allied" if allied and p.not_ally_claims == 0 else "cooperative"


def formal_ties(store, x: str, y: str) -> list[dict[str, Any]]:
    """Formal ties between two countries (by name or code) as dicts with status today."""
    a, b = resolve_pair(x, y)
    today = dt.date.today()
    return [t.to_dict(on=today) for t in ties_between(store, a, b)]
