"""From figures to a verdict: allied, cooperative, mixed, tense, hostile or unknown.

The rules, in order:

Acts are counted once per report and quad class: a sentence coded in both
directions, or one source page behind several dataset rows, is one report.

1. Deeds over words. Force between the two (assault, fighting, strikes,
   killings: CAMEO roots 18-20; seizing ships or property is coercion, not
   force) and occupation of the other's
   territory are never outweighed by friendly statements:
   - force in three or more reports over at least two different days in the
     window, force used by both sides on each other (in more than one report:
     an exchange of fire, strikes and counter-strikes, even on one day), or any
     occupation or seizure of territory, is armed conflict (one incident by one
     side retold in several sentences of one day is not): the verdict is
     "hostile" whatever else is said (talks, ceasefires and aid do not undo
     it while the fighting goes on);
   - a single incident or two of force cannot be outweighed either: the verdict is
     never better than "mixed" (4 acts of force against 30 cooperative
     statements read mixed or worse, not cooperative);
   - deeds that are mostly conflictual (arrests, sanctions, seizures outnumber
     cooperative acts) are not outweighed by words either: never "cooperative";
   - "hostile" needs force: sanctions, expulsions, tariffs and harsh words
     without force read "tense" at worst.
2. Otherwise the balance decides: (coop - conflict) / (coop + conflict) with
   material acts counted double, nudged by third-party signals (cooperating
   with the other's adversary): cooperative >= 0.3 > mixed >= -0.3 > tense.
   The band is symmetric: "mixed" when neither side of the ledger outweighs
   the other by 30% (news reports conflict more readily than cooperation, so
   conflict gets no lower bar than cooperation does).
3. Little evidence still speaks. One or two clear reports between the two give
   a verdict (from the same balance) at low confidence, and the summary says
   how much it rests on ("from 2 reports in 1 article"). A window with fewer
   than three reports is read against the 12 months before it, whose reports
   weigh half (relations persist; one report says little alone), as do the
   claims made of the tie in those months, and the summary says so; force
   before the window does not make the window hostile.
   "unknown" is kept for when nothing between them is reported, in the window
   or before it. With fewer than three reports and no background, an alliance
   in force on paper stands ("allied").
4. "Allied" needs a cooperative base plus an alliance on paper in force at the
   window's end, or alliance claims (two, or one from each side; calling the
   other a "strategic partner" is cooperation, no claim of alliance), with no
   denial from either side's voices and no conflictual deeds. An alliance
   known only from ATOP, whose data end in 2018, is not "in force" after its
   last recorded year: it is reported as such and never makes a pair allied.
5. The gap rule: an alliance on paper or claimed that deeds contradict (any
   force, more than one other act of material conflict making 15% or more of
   the material acts, a side whose words cooperate while its deeds conflict,
   one side working in deed with, or allied to, a state the other has fought)
   never reads "allied"; a
   cooperative base drops to mixed and the summary names the gap. A denial
   counts for the side whose voice it is: when one side's voices deny the
   alliance and the other side's deeds belie it, a paper alliance with
   friendly words reads "mixed", and the summary says both.

Confidence grows with how much the verdict rests on, counted as distinct
reports, distinct sources and distinct days (the scarcest of the three
limits it: 38 reports from two days of one dataset stay low), and with how
much of the evidence agrees with the verdict.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from ..wording import plural
from .countries import country_name
from .dyad import MATERIAL_WEIGHT, STANCE_THRESHOLD, DyadAnalysis, balance_of
from .ties import FormalTie

VERDICTS = ("allied", "cooperative", "mixed", "tense", "hostile", "unknown")
MIN_EVENTS = 3  # fewer reports than this: thin evidence (a verdict still, at low confidence)
ARMED_CONFLICT_REPORTS, ARMED_CONFLICT_DAYS = 3, 2  # reports of force, over days, that make armed conflict
THIRD_PARTY_WEIGHT = 0.15
THIRD_PARTY_GAP = 0.3  # net third-party pull (tanh-scaled) that counts as deeds against an alliance
CONFLICT_SHARE = 0.15  # material conflict as a share of material acts that belies an alliance
COOPERATIVE_AT, TENSE_BELOW = 0.3, -0.3
# A thin window is read against the months before it: relations persist, and a
# single report says little alone. Background reports weigh half as much.
BACKGROUND_DAYS, BACKGROUND_WEIGHT = 365, 0.5
# Scales (e-folding counts) of the three measures of how much a verdict rests on.
REPORT_SCALE, SOURCE_SCALE, DAY_SCALE = 10.0, 4.0, 6.0
DATASET_NAMES = {"gdelt": "GDELT", "icews": "ICEWS", "acled": "ACLED", "polecat": "POLECAT"}


@dataclass
class Verdict:
    verdict: str
    confidence: float
    summary: str
    balance: float | None
    gap: list[str] = field(default_factory=list)  # why an alliance reads hollow, if it does
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "confidence": self.confidence, "summary": self.summary,
                "balance": None if self.balance is None else round(self.balance, 3),
                "gap": self.gap, "notes": self.notes}


def _fmt_day(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "an unknown date"


def paper_alliance(ties: list[FormalTie], on: dt.date) -> list[FormalTie]:
    return [t for t in ties if t.alliance and t.status_on(on) == "active"]


def unconfirmed_alliance(ties: list[FormalTie], on: dt.date) -> list[FormalTie]:
    """Alliances last recorded by a dataset that ends before ``on`` (ATOP): uncertain today."""
    return [t for t in ties if t.alliance and t.status_on(on) == "unconfirmed"]


def exchange_of_fire(analysis: DyadAnalysis) -> bool:
    """Both sides used force on each other, told in more than one report: fighting,
    not one incident (a single "troops clashed" sentence is coded both ways but is
    one report)."""
    by = analysis.force_by or {}
    return (analysis.force_reports >= 2 and by.get(analysis.a, 0) > 0 and by.get(analysis.b, 0) > 0)


def armed_conflict(analysis: DyadAnalysis) -> bool:
    """Rule 1: force in several reports over more than one day, force both ways, or occupation."""
    return analysis.occupation > 0 or exchange_of_fire(analysis) or (
        analysis.force_reports >= ARMED_CONFLICT_REPORTS and analysis.force_days >= ARMED_CONFLICT_DAYS)


def _base(adjusted: float | None) -> str:
    if adjusted is None:
        return "unknown"
    if adjusted < TENSE_BELOW:
        return "tense"
    if adjusted < COOPERATIVE_AT:
        return "mixed"
    return "cooperative"


def _counts(analysis: DyadAnalysis) -> dict[str, int]:
    """Acts per quad class, both directions, counted once per report: a sentence
    coded in both directions ("X and Y met") or one page behind several dataset
    rows is one report. Row counts when the analysis has no report figures."""
    count = analysis.quad_reports()
    if not any(count.values()):
        sides = analysis.sides.values()
        count = {q: sum(s.counts[q] for s in sides) for q in next(iter(sides)).counts}
    return count


def weights(analysis: DyadAnalysis) -> tuple[float, float]:
    """Cooperation and conflict, deeds counted double, both directions; each
    report counted once per quad class when reports are known."""
    count = _counts(analysis)
    return (count["verbal_cooperation"] + MATERIAL_WEIGHT * count["material_cooperation"],
            count["verbal_conflict"] + MATERIAL_WEIGHT * count["material_conflict"])


@dataclass
class _Figures:
    """What the verdict is read from: weights, balances and what is said of the tie."""

    counts: dict[str, int]
    coop_w: float
    conf_w: float
    balance: float | None
    deeds: float | None
    tp_score: float
    gap_score: float  # the third-party pull of deeds alone (see ThirdParty.belies)
    adjusted: float | None
    background: DyadAnalysis | None
    claims: dict[str | None, tuple[int, int]]  # role (None: all voices) -> (ally claims, denials)

    @property
    def material(self) -> tuple[int, int]:
        return self.counts["material_cooperation"], self.counts["material_conflict"]


def _figures(analysis: DyadAnalysis, background: DyadAnalysis | None) -> _Figures:
    """The window's weights, read against ``background`` when it holds fewer than
    MIN_EVENTS reports (rule 3); the third-party pull; the claims of either voice."""
    counts = _counts(analysis)
    mc, mk = counts["material_cooperation"], counts["material_conflict"]
    coop_w, conf_w = weights(analysis)
    if analysis.counted_reports >= MIN_EVENTS or background is None or not background.total:
        background = None
    else:
        bg_coop, bg_conf = weights(background)
        coop_w += BACKGROUND_WEIGHT * bg_coop
        conf_w += BACKGROUND_WEIGHT * bg_conf
    leaning, deeds = balance_of(coop_w, conf_w), balance_of(mc, mk)
    # Only working in deed with the other's armed foe pulls the two apart (and belies an
    # alliance); good words with it do not. A shared foe draws them together.
    signal = sum(t.signal for t in analysis.third_parties if t.signal > 0 or t.belies)
    tp_score = math.tanh(signal / 3) if analysis.third_parties else 0.0
    gap_score = math.tanh(sum(t.signal for t in analysis.third_parties if t.belies) / 3)
    adjusted = None if leaning is None else max(-1.0, min(1.0, leaning + THIRD_PARTY_WEIGHT * tp_score))
    claims = {}
    for role in (None, "a", "b", "third"):
        # A thin window is read against the months before it for what is said of the tie too.
        found = analysis.claims(role)
        before = background.claims(role) if background is not None else (0, 0)
        claims[role] = (found[0] + before[0], found[1] + before[1])
    return _Figures(counts, coop_w, conf_w, leaning, deeds, tp_score, gap_score, adjusted, background, claims)


def _base_verdict(analysis: DyadAnalysis, figures: _Figures, paper: list[FormalTie]) -> str:
    """Rules 1-3: the verdict from deeds and words before the alliance is weighed."""
    if armed_conflict(analysis):
        return "hostile"  # rule 1: armed conflict is not outweighed by words
    if figures.adjusted is None:
        # No acts between them: the paper speaks, or nothing does.
        return "allied" if paper else "unknown"
    if analysis.counted_reports < MIN_EVENTS and paper and not analysis.used_force and figures.background is None:
        return "allied"  # rule 3: a couple of reports do not undo a treaty in force
    base = _base(figures.adjusted)
    if base == "cooperative" and (analysis.used_force
                                  or (figures.deeds is not None and figures.deeds <= -STANCE_THRESHOLD)):
        base = "mixed"  # rule 1: friendly statements do not outweigh force or conflictual deeds
    return base


def _alliance_gap(analysis: DyadAnalysis, figures: _Figures) -> tuple[list[str], set[str]]:
    """Rule 5: what belies an alliance on paper or claimed, and which sides' deeds belie it."""
    a, b = analysis.a, analysis.b
    sides = analysis.directions
    mc, mk = figures.material
    force = analysis.used_force
    gap: list[str] = []
    belied_by: set[str] = set()
    # Allies do not attack each other: any force counts, and other material
    # conflict once it is more than one act and a noticeable share of the deeds.
    if mk > 0 and (force or (mk > 1 and mk / (mc + mk) >= CONFLICT_SHARE)):
        what = f"{mk} reported act{'s' if mk != 1 else ''} of material conflict between them"
        if analysis.violent:
            what += f" ({analysis.violent} violent)"
        gap.append(what)
        belied_by.update(s.source for s in sides if s.counts["material_conflict"])
    for side in sides:
        # One act that sits ill with friendly words is a dispute, not a pattern.
        if side.gap == "words_cooperate_deeds_conflict" and (force or side.counts["material_conflict"] > 1):
            gap.append(f"{country_name(side.source)}'s words toward {country_name(side.target)} cooperate while its deeds conflict")
            belied_by.add(side.source)
    if figures.gap_score <= -THIRD_PARTY_GAP:
        # Name the strongest reason the third-party picture pulls them apart.
        worst = min((t for t in analysis.third_parties if t.belies), key=lambda t: t.signal)
        gap.append(worst.reading)
        belied_by.update(x for x in (a, b) if worst.reading and worst.reading.startswith(country_name(x)))
    for denier, other, role in ((a, b, "a"), (b, a, "b")):
        if not figures.claims[role][1]:
            continue
        if other in belied_by:
            gap.append(f"{country_name(denier)} voices deny the alliance, and {country_name(other)}'s deeds belie it")
        else:
            gap.append(f"{country_name(denier)} voices deny the alliance")
    return gap, belied_by


def _settle(base: str, analysis: DyadAnalysis, figures: _Figures, paper: list[FormalTie], gap: list[str],
            belied_by: set[str]) -> str:
    """Rules 4-5: allied when a cooperative base has the paper or the claims and no gap; an
    alliance belied by deeds reads mixed."""
    ally_claims = figures.claims[None][0]
    strong_claims = ally_claims >= 2 or (figures.claims["a"][0] > 0 and figures.claims["b"][0] > 0)
    if base == "cooperative" and not gap and (paper or strong_claims):
        return "allied"
    if base == "allied" and gap:
        return "mixed"
    if base == "cooperative" and gap:
        deeds_contradict = (figures.material[1] > 0 or any(s.gap for s in analysis.directions)
                            or figures.gap_score <= -THIRD_PARTY_GAP or bool(belied_by))
        return "mixed" if deeds_contradict else "cooperative"
    return base


def judge(analysis: DyadAnalysis, ties: list[FormalTie], on: dt.date,
          background: DyadAnalysis | None = None) -> Verdict:
    """The verdict on ``analysis``; ``background`` (the months before a thin
    window) is read at BACKGROUND_WEIGHT when the window holds fewer than
    MIN_EVENTS reports (rule 3)."""
    figures = _figures(analysis, background)
    paper = paper_alliance(ties, on)
    base = _base_verdict(analysis, figures, paper)
    gap, belied_by = _alliance_gap(analysis, figures) if paper or figures.claims[None][0] > 0 else ([], set())
    verdict = _settle(base, analysis, figures, paper, gap, belied_by)
    claims, denials = figures.claims[None]
    confidence = _confidence(analysis, verdict, figures.coop_w, figures.conf_w, figures.balance, claims + denials,
                             bool(paper))
    summary = _summary(analysis, ties, paper, on, verdict, gap, figures.counts, figures.deeds, figures.claims["a"],
                       figures.claims["b"], figures.claims["third"])
    if figures.background is not None:
        summary += (f" Little is reported in the window, so it is read against the {BACKGROUND_DAYS} days before it "
                    f"({plural(figures.background.reports, 'report')}, "
                    f"weighing {BACKGROUND_WEIGHT:g} each).")
    notes = [t.reading for t in analysis.third_parties[:5] if t.reading]
    return Verdict(verdict, confidence, summary, figures.adjusted, gap, notes)


def rests_on(analysis: DyadAnalysis) -> str | None:
    """'from 2 reports in 1 article' / 'from 38 reports over 2 days (ICEWS)', per origin."""
    parts = []
    for basis in sorted(analysis.basis, key=lambda x: (x.origin != "coded", x.origin)):
        r = plural(basis.reports, "report")
        days = f"over {plural(basis.days, 'day')}"
        if basis.origin == "coded":
            parts.append(f"{r} in {plural(basis.sources, 'article')} {days}")
        else:
            parts.append(f"{r} {days} ({DATASET_NAMES.get(basis.origin, basis.origin)})")
    return "from " + " and ".join(parts) if parts else None


def _confidence(analysis: DyadAnalysis, verdict: str, coop_w: float, conf_w: float, balance: float | None,
                claims: int, paper: bool) -> float:
    """0.05-0.95: how much the verdict rests on (distinct reports, sources and
    days; the scarcest limits it) times how much of the evidence agrees with it."""
    reports = analysis.reports + claims
    sources = analysis.sources + claims
    days = max(analysis.days, 1 if claims else 0)
    amount = min(1 - math.exp(-reports / REPORT_SCALE), 1 - math.exp(-sources / SOURCE_SCALE),
                 1 - math.exp(-days / DAY_SCALE))
    if verdict in ("allied", "cooperative"):
        agreement = coop_w / (coop_w + conf_w) if coop_w + conf_w else 0.5
    elif verdict in ("hostile", "tense"):
        agreement = conf_w / (coop_w + conf_w) if coop_w + conf_w else 0.5
        if verdict == "hostile":
            agreement = max(agreement, 0.75)  # armed conflict is the evidence, whatever is said beside it
    elif verdict == "mixed":
        agreement = 1 - abs(balance or 0)
    else:
        agreement = 0.0
    confidence = 0.1 + 0.8 * amount * (0.4 + 0.6 * agreement)
    if verdict == "allied" and paper:
        confidence = max(confidence, 0.4) + 0.05  # a treaty in force is evidence in itself
    if verdict == "unknown":
        confidence = min(confidence, 0.2)
    return round(max(0.05, min(0.95, confidence)), 2)


def _paper_text(ties, paper, on) -> str:
    """What the formal ties say: an alliance in force, one last recorded long ago, one
    that lapsed, a tie of another kind, or none."""
    if paper:
        # Name a hand-curated treaty when there is one; ATOP spells are the fallback.
        first = min(paper, key=lambda t: (t.origin != "builtin", t.start or dt.date.max))
        others = len(paper) - 1
        more = f" and {others} other tie{'s' if others > 1 else ''}" if others else ""
        when = str(first.start.year) if first.origin == "atop" and first.start else _fmt_day(first.start)
        return f"Allied on paper since {when} ({first.name}{more})"
    if unconfirmed_alliance(ties, on):
        t = max(unconfirmed_alliance(ties, on), key=lambda t: t.recorded_until or dt.date.min)
        return (f"No alliance known to be in force: {t.name} last recorded {t.recorded_until.year} "
                f"({t.origin.upper()}), with no record since")
    lapsed = [t for t in ties if t.alliance and t.status_on(on) in ("ended", "suspended")]
    other = [t for t in ties if not t.alliance and t.status_on(on) == "active"]
    if lapsed:
        # The latest lapse; a curated tie speaks before a dataset spell it ended.
        t = max(lapsed, key=lambda t: (t.ended or t.suspended or dt.date.min, t.origin == "builtin"))
        t = next((x for x in lapsed if x.origin == "builtin" and (x.ended or x.suspended) == (t.ended or t.suspended)), t)
        how = "ended" if t.status_on(on) == "ended" else "suspended"
        return f"No alliance in force: {t.name} {how} {_fmt_day(t.ended or t.suspended)}"
    if other:
        return f"No alliance treaty between them; a formal tie of another kind: {other[0].name}"
    return "No formal alliance on record"


def _summary(analysis, ties, paper, on, verdict, gap, counts, deeds, voice_a, voice_b, voice_third) -> str:
    a, b = analysis.a, analysis.b
    na, nb = country_name(a), country_name(b)
    parts: list[str] = [_paper_text(ties, paper, on)]
    for name, (claims, denials) in ((na, voice_a), (nb, voice_b)):
        if claims and denials:
            parts.append(f"{name} voices both call the other an ally ({claims}) and deny it ({denials})")
        elif claims:
            parts.append(f"{name} voices call the other side an ally ({claims} statement{'s' if claims > 1 else ''})")
        elif denials:
            parts.append(f"{name} voices dispute the alliance ({denials} statement{'s' if denials > 1 else ''})")
    if voice_third[0] or voice_third[1]:
        parts.append(f"third parties: {voice_third[0]} calling them allies, {voice_third[1]} disputing it")
    mc, mk = counts["material_cooperation"], counts["material_conflict"]
    vc, vk = counts["verbal_cooperation"], counts["verbal_conflict"]
    if mc + mk:
        tone = "cooperative" if deeds >= 0.3 else "conflictual" if deeds <= -0.3 else "mixed"
        parts.append(f"deeds {tone}: {mc} cooperative and {mk} conflictual material acts")
    if vc + vk:
        parts.append(f"words: {vc} cooperative and {vk} conflictual statements")
    if not (mc + mk + vc + vk):
        parts.append("no events reported between them in the window")
    else:
        basis = rests_on(analysis)
        if basis:
            thin = " (little evidence: a low-confidence reading)" if analysis.reports < MIN_EVENTS else ""
            parts.append(f"{basis}{thin}")
    if armed_conflict(analysis):
        what = [f"force in {plural(analysis.force_reports, 'report')} over {plural(analysis.force_days, 'day')}"]
        if exchange_of_fire(analysis):
            what[0] += ", by both sides"
        if analysis.occupation:
            what.append(f"{plural(analysis.occupation, 'report')} of occupation")
        parts.append(f"armed conflict between them ({' and '.join(what)}) outweighs any friendly words")
    elif analysis.violent:
        parts.append(f"force between them on {plural(analysis.force_days, 'day')}: "
                     "friendly words do not outweigh it")
    for side in analysis.directions:
        if side.gap == "words_cooperate_deeds_conflict":
            parts.append(f"{country_name(side.source)} speaks of cooperation but acts against {country_name(side.target)}")
        elif side.gap == "words_conflict_deeds_cooperate":
            parts.append(f"{country_name(side.source)} criticises {country_name(side.target)} but keeps cooperating in deed")
    notes = [t.reading for t in analysis.third_parties if t.reading][:2]
    if notes:
        parts.append("; ".join(notes))
    phases = _phases(analysis.history if analysis.history is not None else analysis.yearly())
    if phases:
        parts.append(f"over time: {phases}")
    trend = [s.trend_per_month for s in analysis.sides.values() if s.trend_per_month is not None]
    if trend:
        slope = sum(trend) / len(trend)
        if abs(slope) >= 0.1:
            parts.append(f"relations {'improving' if slope > 0 else 'worsening'} over the period "
                         f"(Goldstein {slope:+.2f} a month)")
    text = "; ".join(parts) + "."
    text = text[0].upper() + text[1:]
    if verdict != "allied" and gap and (paper or "ally" in text):
        text += f" The alliance is contradicted: {'; '.join(gap)}."
    return text


def _tone(balance: float | None) -> str:
    if balance is None:
        return "quiet"
    return "cooperative" if balance >= 0.3 else "mixed" if balance >= -0.1 else "conflictual"


def _phases(yearly: list[dict[str, Any]], min_events: int = MIN_EVENTS) -> str | None:
    """'2022 cooperative → 2024 conflictual': the years where the tone changed,
    among years with enough events; None when the tone held throughout."""
    steps = []
    for year in yearly:
        if year["events"] < min_events:
            continue
        tone = _tone(year["balance"])
        if not steps or steps[-1][1] != tone:
            steps.append((year["year"], tone))
    if len(steps) < 2:
        return None
    return " → ".join(f"{y} {t}" for y, t in steps)
