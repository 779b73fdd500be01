"""The relation as described: what reporters, the two sides and third parties
say the relation between two states is, as evidence of its own.

The coder finds the descriptions (:mod:`allies.nlp.descriptions`) and the store
keeps them in the ``descriptions`` table (migration 006). Here they are read
back for a dyad and a window, cited to their sentence, summarised, and turned
into a word on the verdict by :func:`adjust`.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import duckdb

from ..model import DESCRIBED_STATES, GOOD_STATES
from ..wording import plural
from .dyad import window_sql

HOSTILE_STATES = frozenset({"hostile", "at_war"})
VERDICT_ORDER = ("allied", "cooperative", "mixed", "tense", "hostile")  # warmest first


# A description counts when asserted and not negated (the SQL of ``counts`` below).
COUNTED_SQL = "NOT coalesce(negated, false) AND coalesce(modality, 'asserted') = 'asserted'"


def descriptions(store, a: str, b: str, since=None, until=None, limit: int | None = None) -> list[dict[str, Any]]:
    """The descriptions of the relation between ``a`` and ``b`` dated within the
    window, newest first, each cited: ``{sentence, article_id, sentence_index,
    title, url, date, state, polarity, describer, describer_country, speaker,
    negated, modality, trigger, counts}``. A store written before migration 006
    has none."""
    lo, hi = sorted((a, b))
    where, params = window_sql(since, until, "d.date")
    cap = f"LIMIT {int(limit)}" if limit else ""
    try:
        rows = store.query(
            f"""SELECT d.article_id, d.sentence_index, d.date, d.state, d.polarity, d.describer,
                       d.describer_country, d.speaker_text AS speaker, d.negated, d.modality, d.trigger,
                       s.text AS sentence, a.title, a.url
                FROM descriptions d
                LEFT JOIN sentences s ON s.article_id = d.article_id AND s.sentence_index = d.sentence_index
                LEFT JOIN articles a ON a.article_id = d.article_id
                WHERE d.country_a = ? AND d.country_b = ? {where}
                ORDER BY d.date DESC NULLS LAST, d.article_id DESC, d.sentence_index {cap}""",
            [lo, hi, *params])
    except duckdb.CatalogException:
        return []
    for row in rows:
        row["negated"] = bool(row["negated"])
        row["counts"] = not row["negated"] and row["modality"] == "asserted"
        if isinstance(row["date"], dt.date):
            row["date"] = row["date"].isoformat()
    return rows


def latest_description(store, a: str, b: str) -> dt.date | None:
    """The date of the latest description of the relation between ``a`` and ``b`` that
    counts (asserted, not negated, as :func:`descriptions` says): evidence too, so the
    default window must not end the day before it."""
    lo, hi = sorted((a, b))
    try:
        return store.con.execute(
            f"SELECT max(date) FROM descriptions WHERE country_a = ? AND country_b = ? AND {COUNTED_SQL}",
            [lo, hi]).fetchone()[0]
    except duckdb.CatalogException:  # a store written before migration 006 has none
        return None


@dataclass
class DescribedSummary:
    """Counts of a dyad's descriptions. ``by_state`` and ``by_describer`` count
    the descriptions that count (asserted, not negated); ``denied`` counts
    negated ones by state ("is not an ally"); ``uncounted`` the questions,
    hypotheticals and past ones."""

    total: int = 0
    counted: int = 0
    by_state: dict[str, int] = field(default_factory=dict)
    by_describer: dict[str, int] = field(default_factory=dict)
    denied: dict[str, int] = field(default_factory=dict)
    uncounted: int = 0

    @property
    def good(self) -> int:
        return sum(n for state, n in self.by_state.items() if state in GOOD_STATES)

    @property
    def bad(self) -> int:
        return self.counted - self.good

    @property
    def hostile(self) -> int:
        return sum(self.by_state.get(state, 0) for state in HOSTILE_STATES)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "counted": self.counted, "by_state": dict(self.by_state),
                "by_describer": dict(self.by_describer), "denied": dict(self.denied), "uncounted": self.uncounted,
                "good": self.good, "bad": self.bad}

    def text(self) -> str:
        """One line: "3 descriptions: tense 2, allied 1 (reporter 2, side 1); 1 denial"."""
        if not self.total:
            return "no descriptions of the relation"
        order = {state: i for i, state in enumerate(DESCRIBED_STATES)}
        states = ", ".join(f"{s.replace('_', ' ')} {n}" for s, n in sorted(self.by_state.items(),
                                                                            key=lambda kv: order[kv[0]]))
        voices = ", ".join(f"{v.replace('_', ' ')} {n}" for v, n in sorted(self.by_describer.items()))
        out = f"{plural(self.counted, 'description')} counted"
        if self.counted:
            out += f": {states} ({voices})"
        denials = sum(self.denied.values())
        if denials:
            out += f"; {plural(denials, 'denial')}"
        if self.uncounted:
            out += f"; {self.uncounted} not counted (question, hypothetical or past)"
        return out


def summarise(items: list[dict[str, Any]]) -> DescribedSummary:
    """Counts by state and by describer of :func:`descriptions` rows."""
    summary = DescribedSummary(total=len(items))
    by_state, by_describer, denied = Counter(), Counter(), Counter()
    for item in items:
        if item["counts"]:
            summary.counted += 1
            by_state[item["state"]] += 1
            by_describer[item["describer"]] += 1
        elif item["negated"] and item["modality"] == "asserted":
            denied[item["state"]] += 1
        else:
            summary.uncounted += 1
    summary.by_state, summary.by_describer, summary.denied = dict(by_state), dict(by_describer), dict(denied)
    return summary


@dataclass
class Adjustment:
    """What the descriptions do to a verdict: ``verdict`` after them, and why."""

    verdict: str
    reason: str | None = None

    @property
    def changed(self) -> bool:
        return self.reason is not None


def adjust(verdict: str, summary: DescribedSummary, thin: bool = False, balance: float | None = None,
           force: int = 0) -> Adjustment:
    """How the relation as described moves a verdict reached from events and ties.

    Only descriptions that count (asserted, not negated, not a question,
    hypothetical or past) weigh; a denial ("is not an ally") is counted apart.
    Descriptions never warm a verdict that deeds made tense or hostile: deeds
    outweigh words. The rule, in order:

    1. No verdict yet ("unknown"): the descriptions give one. All good: allied
       when at least two say "ally" and nothing else, else cooperative. All bad:
       hostile when any says hostile or at war, else tense. Both: mixed.
    2. Hostile descriptions ("at war", "arch-enemies", "hostile") that are at
       least as many as the good ones make an allied, cooperative or mixed
       verdict no better than tense.
    3. Other bad descriptions ("strained", "tense", "relations soured") that
       outnumber the good ones make an allied or cooperative verdict no better
       than mixed.
    4. Denials of an alliance at least as many as the "ally" descriptions make
       an allied verdict mixed.
    5. Consistent "ally" descriptions (two or more, nothing bad among the
       counted ones, no denial) make a cooperative verdict allied.
    6. On thin evidence (``thin``: fewer than three reports) whose acts do not
       lean cooperative (``balance`` at most 0), bad descriptions that outnumber
       the good ones make a mixed verdict tense: a couple of acts that cancel out
       say less than a reporter calling the ties strained.
    7. Force between the two reported in the window (``force``: reports of it)
       together with hostile descriptions at least as many as the good ones makes
       the verdict hostile: one day of strikes that the reporter calls a war, or
       "the conflict between the neighbours spiralled", is armed conflict. Without
       force no description makes a verdict hostile (rule 1 of the verdict).
    Otherwise the verdict stands.
    """
    good, bad, hostile = summary.good, summary.bad, summary.hostile
    allied = summary.by_state.get("allied", 0)
    denials = summary.denied.get("allied", 0)
    if verdict == "unknown":
        if not summary.counted:
            return Adjustment(verdict)
        if good and bad:
            new = "mixed"
        elif good:
            new = "allied" if allied >= 2 and allied == good else "cooperative"
        else:
            new = "hostile" if hostile else "tense"
        return Adjustment(new, f"from {summary.text()}")
    if verdict not in VERDICT_ORDER:
        return Adjustment(verdict)
    if force and hostile and hostile >= good and verdict != "hostile":
        return Adjustment("hostile", f"force between them is reported and the relation is described as hostile "
                                     f"or at war ({summary.text()})")
    if hostile and hostile >= good and VERDICT_ORDER.index(verdict) < VERDICT_ORDER.index("tense"):
        return Adjustment("tense", f"the relation is described as hostile or at war ({summary.text()})")
    if bad > good and verdict in ("allied", "cooperative"):
        return Adjustment("mixed", f"the relation is described as strained or tense ({summary.text()})")
    if verdict == "allied" and denials and denials >= allied:
        return Adjustment("mixed", f"an alliance is denied as often as it is described ({summary.text()})")
    if verdict == "cooperative" and allied >= 2 and not bad and not denials:
        return Adjustment("allied", f"the two are described as allies ({summary.text()})")
    if thin and verdict == "mixed" and bad > good and (balance is None or balance <= 0):
        return Adjustment("tense", f"little is reported, and the relation is described as strained or tense "
                                   f"({summary.text()})")
    return Adjustment(verdict)


@dataclass
class DescribedEvidence:
    """A dyad's descriptions in a window with their summary."""

    items: list[dict[str, Any]]
    summary: DescribedSummary

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.summary.to_dict(), "items": self.items}


def described(store, a: str, b: str, since=None, until=None) -> DescribedEvidence:
    """:func:`descriptions` with their :func:`summarise` summary."""
    items = descriptions(store, a, b, since, until)
    return DescribedEvidence(items, summarise(items))


__all__ = ["Adjustment", "DescribedEvidence", "DescribedSummary", "adjust", "described", "descriptions",
           "summarise"]
